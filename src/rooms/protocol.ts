/**
 * The rooms protocol: every frame a room's WebSocket carries, as zod schemas shared by the
 * browser and the server. One JSON object per frame, discriminated by `type`.
 *
 * A connection's first frame is `hello`; its `role` says what kind of connection it is:
 *   seat     a student's device, authenticated by the seat token it got at join
 *   console  the teacher's console, authenticated by the class's moderation key
 * Every frame is checked against these schemas before anything else looks at it; a frame that
 * fails gets an `error` frame and changes nothing, and the connection stays open.
 *
 * Versioning: `PROTOCOL_VERSION` is sent in `hello`; the server refuses another version with
 * `error {code: 'protocol-version'}` so an old tab reloads instead of misreading frames.
 */
import type { SeatExtraMessage } from './console-view';
import { z } from 'zod';
import { CAPITALS, ITEMS, type Action, type Capital, type GameRecord, type GameState, type InjectAction } from '../engine/types';

/** A capital's order (the teacher's injects are not a seat's orders). */
export type Order = Exclude<Action, InjectAction>;

export const PROTOCOL_VERSION = 1;

/** Path of the WebSocket endpoint (same origin as the page). */
export const ROOMS_SOCKET_PATH = '/api/rooms/socket';

/** Limits every server enforces (and the client respects so it never trips them). */
export const LIMITS = {
  /** Largest client frame, bytes (an order with a full bundle and a note is under 1 kB). */
  frameBytes: 8 * 1024,
  /** Client frames per second a connection may send, sustained, and as a burst. */
  ratePerSecond: 10,
  burst: 30,
  /** A connection that has not said hello within this time is closed. */
  helloTimeoutMs: 10_000,
  /** Largest number a count in an order may hold (far above any stock in a scenario). */
  maxCount: 1_000_000_000,
  /** Offer notes and reasons (the engine keeps 200 characters). */
  noteChars: 200,
  /** Student messages (issue 12 fills the feature in). */
  messageChars: 500,
} as const;

// ---------------------------------------------------------------------------------------------
// Identifiers.
// ---------------------------------------------------------------------------------------------

export const capitalSchema = z.enum(CAPITALS);
/** Room ids: 12 url-safe characters. */
export const roomIdSchema = z.string().regex(/^[A-Za-z0-9_-]{8,24}$/);
/** Position in a room's ordered log (1, 2, 3…; 0 before the first entry). */
export const seqSchema = z.int().min(0).max(1_000_000);
/** A client's own id for an order, so a resent order after a reconnect is stored once. */
export const clientIdSchema = z.string().regex(/^[A-Za-z0-9_-]{1,40}$/);
/** Seat tokens (and the resume codes that are the same secret, typed). */
export const seatTokenSchema = z.string().min(8).max(64).regex(/^[A-Za-z0-9_-]+$/);

// ---------------------------------------------------------------------------------------------
// Orders: the engine's actions, bounded. The engine checks the rules; this checks the shape.
// ---------------------------------------------------------------------------------------------

const count = z.int().min(-LIMITS.maxCount).max(LIMITS.maxCount);
const amount = z.int().min(0).max(LIMITS.maxCount);
/** Unknown item names (and `__proto__`-like keys) are refused, not dropped. */
const bundle = z.strictObject(
  Object.fromEntries(ITEMS.map((i) => [i, amount.optional()])) as Record<(typeof ITEMS)[number], z.ZodOptional<typeof amount>>,
);
const note = z.string().max(LIMITS.noteChars).optional();
const offerId = z.int().min(0).max(1_000_000);
const sector = z.string().min(1).max(40);
const seat = capitalSchema;

export const actionSchema = z.discriminatedUnion('type', [
  z.strictObject({ type: z.literal('offer'), seat, to: capitalSchema, give: bundle, get: bundle, turns: z.int().min(1).max(24), note }),
  z.strictObject({ type: z.literal('accept'), seat, offerId }),
  z.strictObject({ type: z.literal('reject'), seat, offerId, reason: note }),
  z.strictObject({ type: z.literal('counter'), seat, offerId, give: bundle, get: bundle, turns: z.int().min(1).max(24), note }),
  z.strictObject({ type: z.literal('withdraw'), seat, offerId }),
  z.strictObject({ type: z.literal('setTraining'), seat, months: z.int().min(0).max(60) }),
  z.strictObject({ type: z.literal('setInformation'), seat, policy: z.enum(['deceive', 'truth']) }),
  z.strictObject({ type: z.literal('recall'), seat, count: amount }),
  z.strictObject({ type: z.literal('assign'), seat, sector, count }),
  z.strictObject({ type: z.literal('missileUnits'), seat, count }),
  z.strictObject({ type: z.literal('setPairing'), seat, on: z.boolean() }),
  z.strictObject({ type: z.literal('setStance'), seat, stance: z.enum(['deny', 'conflicting', 'confirm']) }),
  z.strictObject({ type: z.literal('allocate'), seat, sector, troops: count, drones: count }),
  z.strictObject({ type: z.literal('setPosture'), seat, posture: z.enum(['hold', 'withdraw']) }),
  z.strictObject({ type: z.literal('setTargeting'), seat, on: z.boolean() }),
  z.strictObject({ type: z.literal('publicise'), seat }),
  z.strictObject({ type: z.literal('releaseEvidence'), seat, amount }),
  z.strictObject({ type: z.literal('endTurn'), seat }),
]);

// ---------------------------------------------------------------------------------------------
// Client → server.
// ---------------------------------------------------------------------------------------------

export const seatHelloSchema = z.strictObject({
  type: z.literal('hello'),
  v: z.int(),
  role: z.literal('seat'),
  token: seatTokenSchema,
  /** The last log position this client has seen (0 on a first connection). */
  lastSeq: seqSchema.optional(),
});

/** The teacher's console (issue 12): authenticated by the class's moderation key. */
export const consoleHelloSchema = z.strictObject({
  type: z.literal('hello'),
  v: z.int(),
  role: z.literal('console'),
  classCode: z.string().regex(/^[A-Za-z0-9 -]{4,12}$/),
  moderationKey: z.string().min(16).max(128),
});

export const helloSchema = z.discriminatedUnion('role', [seatHelloSchema, consoleHelloSchema]);

/** An order for the engine; acknowledged with `ack` only after it is stored. */
export const orderSchema = z.strictObject({ type: z.literal('order'), id: clientIdSchema, action: actionSchema });

/** Start the room now, the computer playing the seats no student holds. */
export const startSchema = z.strictObject({ type: z.literal('start'), id: clientIdSchema });

/** A short text to one or both other capitals (issue 12 implements it). */
export const messageSchema = z.strictObject({
  type: z.literal('message'),
  id: clientIdSchema,
  to: z.array(capitalSchema).min(1).max(2),
  text: z.string().min(1).max(LIMITS.messageChars),
  offerId: offerId.optional(),
});

/** Keep-alive; answered with `pong` carrying the same `t`. */
export const pingSchema = z.strictObject({ type: z.literal('ping'), t: z.number().finite() });

/**
 * Console commands (issue 12 extends this union: deadline, pause, resume, extend, end turn,
 * inject, hide message, mute). Each names its room or `all`.
 */
export const consoleCommandSchema = z.strictObject({
  type: z.literal('console'),
  id: clientIdSchema,
  room: z.union([roomIdSchema, z.literal('all')]),
  command: z.strictObject({ kind: z.string().min(1).max(40) }).catchall(z.unknown()),
});

export const clientMessageSchema = z.discriminatedUnion('type', [
  helloSchema,
  orderSchema,
  startSchema,
  messageSchema,
  pingSchema,
  consoleCommandSchema,
]);

export type ActionMessage = z.infer<typeof actionSchema>;
export type SeatHello = z.infer<typeof seatHelloSchema>;
export type ConsoleHello = z.infer<typeof consoleHelloSchema>;
export type Hello = z.infer<typeof helloSchema>;
export type OrderMessage = z.infer<typeof orderSchema>;
export type StartMessage = z.infer<typeof startSchema>;
export type StudentMessage = z.infer<typeof messageSchema>;
export type ConsoleCommand = z.infer<typeof consoleCommandSchema>;
export type ClientMessage = OrderMessage | StartMessage | StudentMessage | Hello | z.infer<typeof pingSchema> | ConsoleCommand;

/** Parses one client frame (text). Errors are values with a message a person can read. */
export function parseClientFrame(
  text: string,
): { ok: true; value: ClientMessage } | { ok: false; code: 'too-large' | 'malformed-json' | 'invalid-message'; message: string } {
  if (text.length > LIMITS.frameBytes)
    return { ok: false, code: 'too-large', message: `a frame may hold at most ${LIMITS.frameBytes} bytes` };
  let data: unknown;
  try {
    data = JSON.parse(text);
  } catch {
    return { ok: false, code: 'malformed-json', message: 'the frame is not JSON' };
  }
  const r = clientMessageSchema.safeParse(data);
  if (!r.success) {
    const first = r.error.issues[0];
    const where = first && first.path.length > 0 ? ` at ${first.path.join('.')}` : '';
    return { ok: false, code: 'invalid-message', message: `the message is not valid${where}: ${first?.message ?? 'unknown shape'}` };
  }
  return { ok: true, value: r.data as ClientMessage };
}

// ---------------------------------------------------------------------------------------------
// Server → client.
// ---------------------------------------------------------------------------------------------

export type SeatKindInRoom = 'human' | 'computer';

export interface SeatStatus {
  capital: Capital;
  /** Who plays it now; a computer seat a student has claimed turns human at the next turn. */
  kind: SeatKindInRoom;
  /** The student's pseudonym (a human seat, or a claimed one), else null. */
  pseudonym: string | null;
  /** A device holds this seat's socket now (on any app server). */
  connected: boolean;
  /** This seat has ended the current turn. */
  ended: boolean;
  /** A student has claimed this computer seat; it becomes theirs when the turn ends. */
  claimed: boolean;
  /** Before the start: a student is awaited here (not the computer's seat of a room of two). */
  awaited?: boolean;
}

export type RoomPhase = 'waiting' | 'playing' | 'finished';

/**
 * A room at a glance: what every seat's screen shows above the game, and one row of the
 * teacher's console (issue 12 adds its live figures beside it).
 */
export interface RoomSummary {
  id: string;
  classCode: string;
  /** Rooms are numbered in the order they were opened in their class (1, 2, 3…). */
  number: number;
  phase: RoomPhase;
  turn: number;
  /** Turns the scenario lasts. */
  turns: number;
  /** "YYYY-MM" of the current turn. */
  date: string;
  seats: SeatStatus[];
  /** The newest log position. */
  seq: number;
  /** When the current turn ends by itself (ms since 1970), or null: issue 12 sets it. */
  deadline: number | null;
  /** The teacher has paused the room (issue 12): orders wait until resumed. */
  paused: boolean;
  /** The class board's result once the finished room's log is verified. */
  resultId: string | null;
  updatedAt: number;
}

/**
 * What one seat may see of the game: a GameState with every other capital's true hidden
 * figures removed (see view.ts). `rules` is sent once in `welcome`, not with every update.
 */
export type SeatView = Omit<GameState, 'rules' | 'rng' | 'seed' | 'turnHashes'> & { seat: Capital };

/** Parts of a seat's view an update leaves out when the device already has them as they are. */
export type OmittedWhenUnchanged = 'reports' | 'history' | 'news';

/** An update's view: the month reports, metric history and news are left out when unchanged. */
export type SeatViewPatch = Omit<SeatView, OmittedWhenUnchanged> & Partial<Pick<SeatView, OmittedWhenUnchanged>>;

export type ServerMessage =
  | {
      type: 'welcome';
      v: number;
      room: RoomSummary;
      seat: Capital;
      pseudonym: string;
      /** The scenario as the engine runs it (public data: the same for every seat). */
      rules: GameState['rules'];
      /** The scenario's text, so the debrief can cite it offline. */
      scenario: { id: string; hash: string; title: string };
      view: SeatView;
      /** Client ids of this seat's stored orders of the current turn (so a resent one is not doubled). */
      acked: string[];
    }
  | { type: 'ack'; id: string; seq: number }
  | { type: 'error'; id?: string; code: string; message: string }
  | {
      type: 'update';
      room: RoomSummary;
      /**
       * Absent when only the room summary changed (another seat's waiting orders, presence).
       * `reports` and `history` change only when a month resolves, `news` is left out when the
       * device has it as it is: absent, they are as before.
       */
      view?: SeatViewPatch;
      /** The month just resolved, when this update resolves one (devices play its animation). */
      resolved: number | null;
      /** An order of this seat the engine refused when its turn came (e.g. stocks moved by a deal). */
      refused?: { id: string; message: string }[];
    }
  | {
      type: 'finished';
      room: RoomSummary;
      /** The game is over: the whole record is public now, as on the class board. */
      record: GameRecord;
      resultId: string | null;
      resultUrl: string | null;
    }
  | { type: 'superseded'; message: string }
  | { type: 'pong'; t: number }
  /** Console frames (issue 12): every room of the class, live. */
  | { type: 'rooms'; rooms: RoomSummary[] }
  /** Messages and the turn clock (issue 12, src/rooms/console-view.ts). */
  | SeatExtraMessage;

/** WebSocket close codes this protocol uses (4000–4999 are the application's). */
export const CLOSE = {
  /** Another device or tab took this seat. */
  superseded: 4001,
  /** The token is unknown (the room was deleted, or the link is wrong). */
  unauthorised: 4003,
  /** No hello in time, or too many bad frames. */
  policy: 4008,
  /** Server shutting down: reconnect. */
  restart: 4012,
} as const;
