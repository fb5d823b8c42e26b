/**
 * Whole rooms played by bots through the real network protocol: students join a class over
 * HTTP, one WebSocket per seat, and a computer player chooses each seat's orders from what that
 * seat sees. Used by `npm run rooms:bots`, `npm run bench:rooms` and the rooms tests; it
 * measures what a class would feel: order round trips and how long a resolved month takes to
 * reach every device.
 */
import { getBot } from '../ai';
import { applyInPlace, cloneState, type Capital, type GameState } from '../engine';
import type { Order } from '../rooms/protocol';
import { stateFromView } from '../rooms/view';
import { RoomClient, type SocketLike } from './room-client';

export interface BotRoomsOptions {
  origin: string;
  /** Several app servers: joins and sockets take them in turn (a round-robin balancer). */
  origins?: string[];
  classCode: string;
  rooms: number;
  makeSocket: (url: string) => SocketLike;
  /** Computer player choosing the students' orders. */
  bot?: string;
  /** Give up after this long. */
  timeoutMs?: number;
  /** Pseudonym prefix (several runs on one class stay apart). */
  prefix?: string;
  /**
   * Each bot waits this long before each order (0: none). Without it the bots play as fast as
   * the server answers (closed loop), far above a class's pace; with it, the figures are what a
   * class at that pace would feel. The wait is not counted in any latency.
   */
  thinkMs?: number;
  /** Called with each seat's client once it is connected (fault tests reach in here). */
  onClient?: (client: RoomClient, seat: BotSeat) => void;
}

export interface BotSeat {
  roomId: string;
  seat: Capital;
  token: string;
  pseudonym: string;
}

export interface BotRoomsReport {
  rooms: number;
  finished: number;
  actions: number;
  orderP50Ms: number;
  orderP99Ms: number;
  /** Order sent → the seat's own view holds it (an update at or past the order's position). */
  orderViewP99Ms: number;
  broadcastP99Ms: number;
  errors: number;
  /**
   * Orders the engine refused when they reached the server because the room had moved on since
   * the bot chose them (another seat's trade, say): the rules at work, not a failure.
   */
  refused: number;
  /** The first few error messages (the JSON summary keeps only the count). */
  errorMessages: string[];
  resultIds: string[];
  wallMs: number;
}

export function percentile(sorted: number[], p: number): number {
  if (sorted.length === 0) return 0;
  const i = Math.min(sorted.length - 1, Math.max(0, Math.ceil((p / 100) * sorted.length) - 1));
  return sorted[i]!;
}

/** Joins `rooms × 3` students to the class (rooms fill in join order). */
export async function joinSeats(origin: string | string[], classCode: string, count: number, prefix: string): Promise<BotSeat[]> {
  const origins = typeof origin === 'string' ? [origin] : origin;
  const seats: BotSeat[] = [];
  for (let i = 0; i < count; i++) {
    const pseudonym = `${prefix} ${i + 1}`;
    const res = await fetch(`${origins[i % origins.length]}/api/classes/${classCode}/join`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ pseudonym }),
    });
    const body = (await res.json()) as { room: { id: string }; seat: Capital; token: string; message?: string };
    if (res.status !== 201) throw new Error(`join failed (${res.status}): ${body.message ?? ''}`);
    seats.push({ roomId: body.room.id, seat: body.seat, token: body.token, pseudonym });
  }
  return seats;
}

export async function playBotRooms(o: BotRoomsOptions): Promise<BotRoomsReport> {
  const started = Date.now();
  const origins = o.origins ?? [o.origin];
  const seats = await joinSeats(origins, o.classCode, o.rooms * 3, o.prefix ?? 'Bot');
  const bot = getBot(o.bot ?? 'historical');
  if (!bot) throw new Error(`no computer player called ${o.bot}`);
  const rtts: number[] = [];
  const viewRtts: number[] = [];
  const broadcasts: number[] = [];
  const errors: string[] = [];
  let actions = 0;
  let refused = 0;
  const tally = (seat: Capital, r: Awaited<ReturnType<RoomClient['order']>>) => {
    rtts.push(r.ms);
    actions++;
    if (r.ok) return;
    if (r.code === 'refused') refused++;
    else errors.push(`${seat}: ${r.message}`);
  };
  /** When the last seat of a room ended each month (the month resolves on it). */
  const lastEnd = new Map<string, number>();
  const roomIds = [...new Set(seats.map((s) => s.roomId))];
  const finishedRooms = new Map<string, string | null>();

  const play = (seat: BotSeat, i: number) =>
    new Promise<void>((resolve) => {
      const client = new RoomClient({ origin: origins[(i + 1) % origins.length]!, token: seat.token, makeSocket: o.makeSocket });
      let busy = false;
      let done = false;
      /** The newest acknowledged order: the bot acts again once its view holds it (seq). */
      let awaited = 0;
      /** Orders acknowledged, not yet in a view: [seq, sent at]. */
      const unseen: [number, number][] = [];
      const finish = () => {
        if (done) return;
        done = true;
        clearTimeout(limit);
        client.close();
        resolve();
      };
      const turnOf = () => client.snapshot?.room.turn ?? 0;
      const think = () => (o.thinkMs ? new Promise<void>((r) => setTimeout(r, o.thinkMs)) : undefined);
      const send = async (a: Order) => {
        const sentAt = performance.now();
        const r = await client.order(a);
        tally(seat.seat, r);
        if (r.ok) {
          awaited = Math.max(awaited, r.seq);
          if ((client.snapshot?.room.seq ?? 0) >= r.seq) viewRtts.push(performance.now() - sentAt);
          else unseen.push([r.seq, sentAt]);
        }
      };
      const act = async (): Promise<void> => {
        const snap = client.snapshot;
        if (busy || !snap || snap.room.phase !== 'playing' || snap.room.seq < awaited) return;
        const me = snap.room.seats.find((s) => s.capital === seat.seat)!;
        if (me.ended || me.kind !== 'human') return;
        busy = true;
        try {
          const state: GameState = stateFromView(snap.view, snap.rules);
          const turn = turnOf();
          // A copy of the seat's newest view says whether the engine would take an order (as the
          // screen does); it is copied again only when a new view has arrived.
          let copyOf: unknown = null;
          let copy: GameState = state;
          for (const a of bot.decide(state, seat.seat) as Order[]) {
            if (a.type === 'endTurn') break;
            await think();
            const now = client.snapshot!;
            if (copyOf !== now.view) {
              copyOf = now.view;
              // Orders short of the month's end read neither the month reports nor the history:
              // the copy leaves them out (copying them was most of the bots' own work).
              copy = cloneState(stateFromView({ ...now.view, reports: [], history: [] }, now.rules));
            }
            if (!applyInPlace(copy, a).ok) continue;
            await send(a);
          }
          await think();
          const key = `${seat.roomId}:${turn}`;
          lastEnd.set(key, Math.max(lastEnd.get(key) ?? 0, performance.now()));
          await send({ type: 'endTurn', seat: seat.seat });
        } finally {
          busy = false;
        }
        void act();
      };
      client.subscribe((c, m) => {
        if (!m) return;
        if (m.type === 'update') {
          while (unseen.length > 0 && unseen[0]![0] <= m.room.seq) viewRtts.push(performance.now() - unseen.shift()![1]);
        }
        if (m.type === 'update' && m.resolved !== null) {
          const sent = lastEnd.get(`${seat.roomId}:${m.resolved}`);
          if (sent !== undefined) broadcasts.push(performance.now() - sent);
        }
        if (m.type === 'error' && m.id === undefined) errors.push(`${seat.seat}: ${m.message}`);
        if (m.type === 'finished') {
          if (m.resultId) {
            finishedRooms.set(seat.roomId, m.resultId);
            finish();
          }
          return;
        }
        if (c.stopped) {
          errors.push(`${seat.seat}: ${c.stopped}`);
          finish();
          return;
        }
        void act();
      });
      o.onClient?.(client, seat);
      client.connect();
      const limit = setTimeout(() => {
        errors.push(`${seat.roomId} ${seat.seat}: not finished in time`);
        finish();
      }, o.timeoutMs ?? 300_000);
    });

  await Promise.all(seats.map(play));
  rtts.sort((a, b) => a - b);
  viewRtts.sort((a, b) => a - b);
  broadcasts.sort((a, b) => a - b);
  const round = (n: number) => Math.round(n * 10) / 10;
  return {
    rooms: roomIds.length,
    finished: [...finishedRooms.values()].filter((id) => id !== null).length,
    actions,
    orderP50Ms: round(percentile(rtts, 50)),
    orderP99Ms: round(percentile(rtts, 99)),
    orderViewP99Ms: round(percentile(viewRtts, 99)),
    broadcastP99Ms: round(percentile(broadcasts, 99)),
    errors: errors.length,
    refused,
    errorMessages: errors.slice(0, 10),
    resultIds: [...new Set(finishedRooms.values())].filter((x): x is string => x !== null),
    wallMs: Date.now() - started,
  };
}
