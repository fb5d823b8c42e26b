/**
 * What the teacher's console shows of one room, and the commands it sends. The server builds a
 * `ConsoleRoom` from the room's true game state (the teacher sees everything, every message
 * included); the console page only renders it. Pure: shared by the server and the page.
 */
import { z } from 'zod';
import { CAPITALS, type Capital, type GameState, type Offer } from '../engine/types';
import type { RoomMessage } from './messages';
import { capitalSchema, roomIdSchema, type RoomSummary } from './protocol';
import type { TurnClock } from './turn-clock';

/** An offer as the console lists it (the engine's own fields, copied). */
export type ConsoleOffer = Pick<Offer, 'id' | 'from' | 'to' | 'give' | 'get' | 'turns'>;

export interface ConsoleDeal extends ConsoleOffer {
  /** Deliveries made so far of `turns`. */
  done: number;
}

/** The human-cost ledger so far: no capital can trade it away. */
export interface ConsoleHumanCost {
  sent: number;
  killed: number;
  wounded: number;
  captured: number;
  familiesAtRisk: number;
  russianKilled: number;
  ukrainianKilled: number;
}

export interface ConsoleRoom {
  summary: RoomSummary;
  /** When the current turn began (ms since 1970, server clock). */
  turnStartedAt: number;
  /** When each seat ended the current turn. */
  endedAt: Partial<Record<Capital, number>>;
  /** The last order, message or connection in the room. */
  lastActivityAt: number;
  clock: TurnClock;
  scores: Record<Capital, number>;
  humanCost: ConsoleHumanCost;
  offers: ConsoleOffer[];
  deals: ConsoleDeal[];
  /** Every message of the room, hidden ones included (marked). */
  messages: RoomMessage[];
  muted: Capital[];
  /** Scenario events the teacher may still inject (not yet happened), in words. */
  injectable: { id: string; title: string }[];
}

/**
 * A room's change as a console receives it: the summary always, and of the rest only the
 * fields that changed since this console's previous frame (a room new to the console comes whole).
 */
export type ConsoleRoomPatch = Pick<ConsoleRoom, 'summary'> & Partial<Omit<ConsoleRoom, 'summary'>>;

/** Server → console frames. `now` is the server's clock, so the page can correct its own. */
export type ConsoleFrame =
  | { type: 'console'; now: number; classCode: string; minTurnSeconds: number; rooms: ConsoleRoom[] }
  /** The rooms that changed since the last frame (a class's changes travel together), as patches. */
  | { type: 'consoleRooms'; now: number; rooms: ConsoleRoomPatch[] };

/** A room as the console knows it after a patch (a patch for an unknown room is the whole room). */
export function patchRoom(before: ConsoleRoom | undefined, patch: ConsoleRoomPatch): ConsoleRoom {
  return before ? { ...before, ...patch } : (patch as ConsoleRoom);
}

/**
 * What one console was last sent of each room, field by field (as JSON), so the next frame
 * carries only what changed (the summary, with the room's log position, whenever it moved).
 * Null when nothing changed.
 */
export class ConsoleDiff {
  private readonly sent = new Map<string, Map<string, string>>();

  patch(room: ConsoleRoom): ConsoleRoomPatch | null {
    const id = room.summary.id;
    const before = this.sent.get(id);
    const now = new Map<string, string>();
    const out: Record<string, unknown> = { summary: room.summary };
    let changed = !before;
    for (const [k, v] of Object.entries(room)) {
      const json = JSON.stringify(v);
      now.set(k, json);
      if (before?.get(k) === json) continue;
      changed = true;
      if (k !== 'summary') out[k] = v;
    }
    this.sent.set(id, now);
    return changed ? (out as ConsoleRoomPatch) : null;
  }
}

/** The room figures only the true state gives: scores, human cost, offers and deals. */
export function consoleFigures(state: GameState): Pick<ConsoleRoom, 'scores' | 'humanCost' | 'offers' | 'deals' | 'injectable'> {
  const m = state.metrics;
  const scores = Object.fromEntries(CAPITALS.map((c) => [c, m[`${c}.score`] ?? 0])) as Record<Capital, number>;
  const h = state.human;
  const offer = (o: ConsoleOffer): ConsoleOffer => ({ id: o.id, from: o.from, to: o.to, give: { ...o.give }, get: { ...o.get }, turns: o.turns });
  return {
    scores,
    humanCost: {
      sent: h.sent,
      killed: h.killed,
      wounded: h.wounded,
      captured: h.captured,
      familiesAtRisk: h.familiesAtRisk,
      russianKilled: h.russian.killed,
      ukrainianKilled: h.ukrainian.killed,
    },
    offers: state.offers.filter((o) => o.status === 'open').map(offer),
    deals: state.deals.filter((d) => d.status === 'active').map((d) => ({ ...offer(d), done: d.done })),
    injectable:
      state.ctx.phase === 'over'
        ? []
        : state.rules.events.filter((e) => !state.firedEvents.includes(e.id)).map((e) => ({ id: e.id, title: e.title })),
  };
}

/** How long a room may go with nothing happening before the console flags it. */
export const STALL_QUIET_MS = 4 * 60_000;
/** How long one seat may keep the others waiting (when there is no deadline). */
export const STALL_WAITING_MS = 3 * 60_000;

/**
 * Why a room needs the teacher's eye, in words, or null. Paused and finished rooms never stall.
 * `names` gives the capitals' names in this scenario.
 */
export function stallOf(room: ConsoleRoom, now: number, names: Record<Capital, string>): string | null {
  const s = room.summary;
  if (s.phase !== 'playing' || s.paused) return null;
  const humans = s.seats.filter((x) => x.kind === 'human');
  if (humans.length > 0 && humans.every((x) => !x.connected)) return 'No student in this room is connected.';
  const waiting = s.seats.filter((x) => !x.ended);
  if (waiting.length > 0 && waiting.length < s.seats.length && s.deadline === null) {
    const since = Math.max(...Object.values(room.endedAt).filter((t): t is number => typeof t === 'number'));
    if (Number.isFinite(since) && now - since >= STALL_WAITING_MS) {
      const who = waiting.map((x) => names[x.capital]).join(' and ');
      return `${who} ${waiting.length === 1 ? 'has' : 'have'} kept the others waiting for ${minutes(now - since)}.`;
    }
  }
  if (now - room.lastActivityAt >= STALL_QUIET_MS) return `Nothing has happened for ${minutes(now - room.lastActivityAt)}.`;
  return null;
}

function minutes(ms: number): string {
  const m = Math.floor(ms / 60_000);
  return `${m} minute${m === 1 ? '' : 's'}`;
}

// ---------------------------------------------------------------------------------------------
// Console commands: the `command` of the protocol's console frame, one shape per kind.
// ---------------------------------------------------------------------------------------------

/** Message ids (the archive's own, 12 url-safe characters). */
const messageId = z.string().regex(/^[A-Za-z0-9_-]{8,24}$/);

export const consoleCommandSchema = z.discriminatedUnion('kind', [
  /** Length of every turn for the class (seconds), or null for no deadline. */
  z.strictObject({ kind: z.literal('deadline'), seconds: z.int().min(1).max(3600).nullable() }),
  z.strictObject({ kind: z.literal('pause') }),
  z.strictObject({ kind: z.literal('resume') }),
  z.strictObject({ kind: z.literal('extend'), seconds: z.int().min(1).max(1800) }),
  z.strictObject({ kind: z.literal('endTurn') }),
  z.strictObject({ kind: z.literal('inject'), event: z.string().min(1).max(100) }),
  z.strictObject({ kind: z.literal('news'), title: z.string().max(400), text: z.string().max(2000) }),
  z.strictObject({ kind: z.literal('hide'), message: messageId, hidden: z.boolean() }),
  z.strictObject({ kind: z.literal('mute'), seat: capitalSchema, muted: z.boolean() }),
]);

export type ConsoleCommandBody = z.infer<typeof consoleCommandSchema>;

/** The commands that make sense for one room only (a message, a seat). */
export const ONE_ROOM_COMMANDS: ReadonlySet<ConsoleCommandBody['kind']> = new Set(['hide', 'mute']);

export const consoleTarget = z.union([roomIdSchema, z.literal('all')]);

/**
 * Frames issue 12 adds for a seat's device: a new message for it, its whole readable archive
 * (after welcome, a hide, a mute, and at the debrief when every message is revealed), and the
 * turn clock whenever the teacher changes it.
 */
export type SeatExtraMessage =
  | { type: 'message'; message: RoomMessage }
  | { type: 'messages'; messages: RoomMessage[]; muted: boolean }
  | { type: 'clock'; deadline: number | null; paused: boolean; now: number };
