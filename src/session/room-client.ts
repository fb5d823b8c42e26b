/**
 * A seat's connection to its room, for the browser and for Node (bots, benchmarks, tests): it
 * says hello with the seat token, keeps the room's summary and this seat's view, sends orders
 * and resolves each when the server acknowledges it (stored) or refuses it. When the connection
 * drops it reconnects with growing, jittered pauses and sends again every order not yet
 * acknowledged; the server stores each client id once, so nothing is doubled or lost.
 */
import type { GameRecord } from '../engine';
import { RateBucket } from '../rooms/rate';
import {
  CLOSE,
  LIMITS,
  PROTOCOL_VERSION,
  ROOMS_SOCKET_PATH,
  type Order,
  type OrderMessage,
  type ServerMessage,
  type StudentMessage,
} from '../rooms/protocol';

/** The part of a WebSocket the client uses (the browser's, or the `ws` package's in Node). */
export interface SocketLike {
  readonly readyState: number;
  send(data: string): void;
  close(code?: number, reason?: string): void;
  onopen: ((ev: unknown) => void) | null;
  onmessage: ((ev: { data: unknown }) => void) | null;
  onclose: ((ev: { code: number; reason: string }) => void) | null;
  onerror: ((ev: unknown) => void) | null;
}

export type ConnectionStatus = 'connecting' | 'open' | 'reconnecting' | 'superseded' | 'closed';

export interface RoomClientOptions {
  /** The server's origin, e.g. https://school.example (ws/wss is derived from it). */
  origin: string;
  token: string;
  makeSocket: (url: string) => SocketLike;
  /** First pause before reconnecting, doubled each failure up to maxBackoffMs (with jitter). */
  backoffMs?: number;
  maxBackoffMs?: number;
  random?: () => number;
  setTimer?: (fn: () => void, ms: number) => unknown;
  clearTimer?: (t: unknown) => void;
}

/** `ms`: from the frame leaving this device to the server's answer. */
export type OrderAnswer = { ok: true; seq: number; ms: number } | { ok: false; code: string; message: string; ms: number };

interface Pending {
  frame: OrderMessage | StudentMessage | { type: 'start'; id: string };
  resolve: (a: OrderAnswer) => void;
  sentAt: number;
}

/** What a seat knows: the welcome's contents, kept up to date by updates. */
export type RoomSnapshot = Omit<Extract<ServerMessage, { type: 'welcome' }>, 'type' | 'v' | 'acked'> & {
  /** The month the newest frame resolved, or that resolved while this device was away (the screen plays its report). */
  resolved: number | null;
  /** The whole record, once the game is over. */
  record: GameRecord | null;
  resultId: string | null;
  resultUrl: string | null;
};

export function socketUrl(origin: string): string {
  return origin.replace(/^http/, 'ws').replace(/\/$/, '') + ROOMS_SOCKET_PATH;
}

export class RoomClient {
  snapshot: RoomSnapshot | null = null;
  status: ConnectionStatus = 'connecting';
  /** Why the connection stopped for good (another tab took the seat, an unknown token). */
  stopped: string | null = null;
  private socket: SocketLike | null = null;
  private readonly pending = new Map<string, Pending>();
  private readonly listeners = new Set<(c: RoomClient, m: ServerMessage | null) => void>();
  private failures = 0;
  private timer: unknown = null;
  private counter = 0;
  private readonly prefix: string;
  private closedByUs = false;
  /** Frames waiting for the rate limit (the server's, with a margin). */
  private readonly outbox: string[] = [];
  private flushTimer: unknown = null;
  private readonly bucket = new RateBucket(LIMITS.ratePerSecond * 0.8, LIMITS.burst - 5, () => Date.now());

  constructor(private readonly opts: RoomClientOptions) {
    const r = opts.random ?? Math.random;
    this.prefix = Math.floor(r() * 36 ** 6).toString(36);
  }

  /** Called after every frame that changed something (and on status changes, with null). */
  subscribe(fn: (c: RoomClient, m: ServerMessage | null) => void): () => void {
    this.listeners.add(fn);
    return () => this.listeners.delete(fn);
  }

  connect(): void {
    this.closedByUs = false;
    const s = this.opts.makeSocket(socketUrl(this.opts.origin));
    this.socket = s;
    s.onopen = () => {
      s.send(JSON.stringify({ type: 'hello', v: PROTOCOL_VERSION, role: 'seat', token: this.opts.token, lastSeq: this.snapshot?.room.seq ?? 0 }));
    };
    s.onmessage = (ev) => this.receive(String(ev.data));
    s.onerror = () => {};
    s.onclose = (ev) => {
      if (this.socket !== s) return;
      this.socket = null;
      if (this.closedByUs || this.stopped) {
        this.setStatus(this.stopped ? 'superseded' : 'closed');
        return;
      }
      if (ev.code === CLOSE.superseded || ev.code === CLOSE.unauthorised) {
        this.stopped ??= ev.reason || 'the seat was opened elsewhere';
        this.setStatus('superseded');
        return;
      }
      this.setStatus('reconnecting');
      this.scheduleReconnect();
    };
  }

  private scheduleReconnect(): void {
    const base = this.opts.backoffMs ?? 500;
    const max = this.opts.maxBackoffMs ?? 10_000;
    const r = this.opts.random ?? Math.random;
    const wait = Math.min(max, base * 2 ** this.failures) * (0.5 + r() / 2);
    this.failures++;
    const set = this.opts.setTimer ?? ((fn, ms) => setTimeout(fn, ms));
    this.timer = set(() => {
      this.timer = null;
      if (!this.closedByUs) this.connect();
    }, wait);
  }

  close(): void {
    this.closedByUs = true;
    if (this.timer !== null) (this.opts.clearTimer ?? ((t) => clearTimeout(t as ReturnType<typeof setTimeout>)))(this.timer);
    this.timer = null;
    this.socket?.close(1000, 'bye');
    this.socket = null;
    this.setStatus('closed');
    for (const p of this.pending.values()) p.resolve({ ok: false, code: 'closed', message: 'the connection was closed', ms: 0 });
    this.pending.clear();
  }

  /** Sends an order; resolves when the server has stored it (or refused it). */
  order(action: Order): Promise<OrderAnswer> {
    return this.sendPending({ type: 'order', id: this.nextId(), action });
  }

  /** A message to one or both other capitals (issue 12); resolves when stored or refused. */
  message(to: StudentMessage['to'], text: string, offerId: number | null): Promise<OrderAnswer> {
    return this.sendPending({ type: 'message', id: this.nextId(), to, text, ...(offerId !== null ? { offerId } : {}) });
  }

  /** Starts a waiting room with the computer in the empty seats. */
  start(): Promise<OrderAnswer> {
    return this.sendPending({ type: 'start', id: this.nextId() });
  }

  /** Orders sent and not yet acknowledged. */
  get unacknowledged(): number {
    return this.pending.size;
  }

  private nextId(): string {
    return `${this.prefix}-${++this.counter}`;
  }

  private sendPending(frame: Pending['frame']): Promise<OrderAnswer> {
    return new Promise((resolve) => {
      this.pending.set(frame.id, { frame, resolve, sentAt: 0 });
      if (this.status === 'open') this.enqueue(frame.id);
    });
  }

  private enqueue(id: string): void {
    this.outbox.push(id);
    this.flush();
  }

  private flush(): void {
    while (this.outbox.length > 0 && this.socket && this.status === 'open') {
      if (!this.bucket.take()) {
        if (this.flushTimer === null) {
          const set = this.opts.setTimer ?? ((fn, ms) => setTimeout(fn, ms));
          this.flushTimer = set(() => {
            this.flushTimer = null;
            this.flush();
          }, this.bucket.waitMs());
        }
        return;
      }
      const p = this.pending.get(this.outbox.shift()!);
      if (!p) continue;
      p.sentAt = Date.now();
      this.socket.send(JSON.stringify(p.frame));
    }
  }

  private setStatus(s: ConnectionStatus): void {
    if (this.status === s) return;
    this.status = s;
    for (const fn of this.listeners) fn(this, null);
  }

  private receive(text: string): void {
    let m: ServerMessage;
    try {
      m = JSON.parse(text) as ServerMessage;
    } catch {
      return;
    }
    switch (m.type) {
      case 'welcome': {
        this.failures = 0;
        // A month that resolved while this device was away plays once on its return: the view it
        // had says which months it has seen. (A finished game plays its last month from the record.)
        const seen = this.snapshot?.view.reports.at(-1)?.turn ?? 0;
        const newest = m.view.reports.at(-1)?.turn ?? 0;
        const missed = this.snapshot && m.room.phase === 'playing' && newest > seen ? newest : null;
        this.snapshot = {
          room: m.room,
          seat: m.seat,
          pseudonym: m.pseudonym,
          rules: m.rules,
          scenario: m.scenario,
          view: m.view,
          resolved: missed,
          record: this.snapshot?.record ?? null,
          resultId: m.room.resultId,
          resultUrl: m.room.resultId ? `/results?id=${m.room.resultId}` : null,
        };
        this.status = 'open';
        // Everything not acknowledged goes again, in the order it was first sent.
        this.outbox.length = 0;
        for (const id of this.pending.keys()) this.outbox.push(id);
        this.flush();
        break;
      }
      case 'update':
        if (!this.snapshot) return;
        this.snapshot = {
          ...this.snapshot,
          room: m.room,
          view: m.view ? { ...this.snapshot.view, ...m.view } : this.snapshot.view,
          resolved: m.resolved,
        };
        break;
      case 'finished':
        if (!this.snapshot) return;
        this.snapshot = { ...this.snapshot, room: m.room, record: m.record, resultId: m.resultId, resultUrl: m.resultUrl };
        break;
      case 'ack':
      case 'error': {
        const id = m.id;
        const p = id !== undefined ? this.pending.get(id) : undefined;
        if (p && id !== undefined) {
          if (m.type === 'error' && m.code === 'rate-limited') {
            this.enqueue(id);
            return;
          }
          this.pending.delete(id);
          const ms = Date.now() - p.sentAt;
          p.resolve(m.type === 'ack' ? { ok: true, seq: m.seq, ms } : { ok: false, code: m.code, message: m.message, ms });
        }
        break;
      }
      case 'superseded':
        this.stopped = m.message;
        break;
      default:
        break;
    }
    for (const fn of this.listeners) fn(this, m);
  }
}
