/**
 * A room's game as a fold over its ordered log. Every app server that holds the room replays
 * the same entries in the same order (the database's per-room sequence) and gets the same
 * state: the in-memory game is only a cache of the log.
 *
 * Turn model (simultaneous orders on a sequential engine): every seat gives its orders during
 * the whole month. Trade orders (offers and answers) apply at once, so bargaining is live. Other
 * orders of a seat apply when the engine reaches that seat in the month's fixed order
 * (rules.order); until then they wait in the seat's queue and the seat sees them applied to its
 * own preview. When the seat holding the turn ends it, the next seat's queue is applied, and
 * the month resolves once every seat has ended. Computer seats play (exactly as in a local game)
 * when the engine reaches them, so a room's record is an ordinary record and verifies like one.
 */
import {
  ACTION_LEVER,
  applyInPlace,
  cloneState,
  createGame,
  makeRecord,
  CAPITALS,
  type Action,
  type Capital,
  type FigureChoices,
  type GameRecord,
  type GameState,
  type InjectAction,
  type Rules,
  type Seats,
} from '../../engine';
import type { Order } from '../../rooms/protocol';
import { computerAnswers, computerMoves } from './computer';

export type { Order };

export type LogEntry =
  /** The room starts; these seats are students', the rest the computer's. */
  | { kind: 'start'; humans: Capital[] }
  /** A student's order (its client id makes a resent order idempotent). */
  | { kind: 'order'; seat: Capital; id: string; action: Order }
  /** A student takes a computer seat; it becomes theirs when the current month ends. */
  | { kind: 'claim'; seat: Capital }
  /** The teacher's inject (issue 12): applies at once, outside the seat order. */
  | { kind: 'teacher'; action: InjectAction };

export type Control = 'human' | 'computer';

export interface Refusal {
  seat: Capital;
  id: string;
  message: string;
}

export interface Applied {
  /** Whose views changed: every seat's, or one seat's (its own queued orders). */
  changed: 'all' | Capital | 'none';
  /** The month number that resolved, if one did. */
  resolved: number | null;
  refused: Refusal[];
}

interface Queued {
  id: string;
  action: Order;
}

export class RoomGame {
  state: GameState | null = null;
  /** The newest log position applied. */
  seq = 0;
  readonly control: Record<Capital, Control> = { pyongyang: 'computer', moscow: 'computer', kyiv: 'computer' };
  /** Seats a student has claimed this month (they become human at the month's end). */
  readonly claims = new Set<Capital>();
  /** Seats a student played at any time: the record labels them human. */
  readonly everHuman = new Set<Capital>();
  /** The engine's actions in the order they were applied (the record's log). */
  readonly actions: Action[] = [];
  private readonly queues: Record<Capital, Queued[]> = { pyongyang: [], moscow: [], kyiv: [] };
  /** Each seat's stored orders: client id → log position (a resent order is answered from here). */
  private readonly ids: Record<Capital, Map<string, number>> = { pyongyang: new Map(), moscow: new Map(), kyiv: new Map() };
  private readonly previews = new Map<Capital, GameState>();
  private turn = 0;

  constructor(
    readonly rules: Rules,
    readonly seed: string,
    readonly figureChoices: FigureChoices,
    /** The computer player for seats no student holds. */
    readonly bot: string,
  ) {}

  get started(): boolean {
    return this.state !== null;
  }

  get over(): boolean {
    return this.state?.ctx.phase === 'over';
  }

  /** Where the seat's order with this client id is in the log, if it is there. */
  seqOf(seat: string, id: string): number | undefined {
    return (CAPITALS as readonly string[]).includes(seat) ? this.ids[seat as Capital].get(id) : undefined;
  }

  /** Client ids of the seat's orders still waiting for its place in the month. */
  queuedIds(seat: Capital): string[] {
    return this.queues[seat].map((q) => q.id);
  }

  /** Whether the seat has ended the current month (or the game is over). */
  ended(seat: Capital): boolean {
    const st = this.state;
    if (!st) return false;
    if (st.ctx.phase === 'over') return true;
    const order = this.rules.order;
    if (order.indexOf(seat) < order.indexOf(st.ctx.seat)) return true;
    return this.queues[seat].some((q) => q.action.type === 'endTurn');
  }

  /**
   * Checks an order before it is stored: the engine applies it to the seat's preview (its
   * queued orders on top of the room's state). Null when it may be stored, else why not.
   */
  check(seat: Capital, action: Order): string | null {
    const st = this.state;
    if (!st) return 'The game has not started yet: wait for the other players, or start it with the computer.';
    if (st.ctx.phase === 'over') return 'The game is over.';
    if (action.seat !== seat) return `You play ${this.rules.capitals[seat].name}, not ${this.rules.capitals[action.seat].name}.`;
    if (this.control[seat] !== 'human')
      return `The computer plays ${this.rules.capitals[seat].name} until this month ends; your orders count from next month.`;
    if (this.ended(seat)) return 'You have ended this month: wait for the others.';
    if (action.type === 'endTurn') return null;
    // An offer still waiting in this seat's queue has no id the room knows yet.
    if ('offerId' in action && !st.offers.some((o) => o.id === action.offerId))
      return `There is no offer #${action.offerId}.`;
    const r = applyInPlace(this.preview(seat), action);
    return r.ok ? null : r.error.message;
  }

  /** Forgets a seat's preview (an order checked against it was not stored after all). */
  dropPreview(seat: Capital): void {
    this.previews.delete(seat);
  }

  /**
   * The state this seat's screen shows: the room's, with its own waiting orders applied. Every
   * seat gives orders during the whole month, so the engine's turn is always shown as this seat's;
   * the room summary says who has ended the month.
   */
  viewState(seat: Capital): GameState | null {
    const st = this.state;
    if (!st) return null;
    if (st.ctx.phase === 'over') return st;
    const base = this.queues[seat].length > 0 ? this.preview(seat) : st;
    if (base.ctx.seat === seat) return base;
    return { ...base, ctx: { ...base.ctx, seat } };
  }

  private preview(seat: Capital): GameState {
    let p = this.previews.get(seat);
    if (!p) {
      // The month's record so far (history, reports, turn hashes: two thirds of a late state)
      // is shared, not copied: only a month's resolution (endTurn) adds to it, and a preview
      // never applies endTurn; it is dropped whenever the room's state changes. The news items
      // are shared too (the engine appends news and never changes an item): the preview gets its
      // own list, so what its orders add stays its own. Together a third of the copy.
      const st = this.state!;
      p = cloneState({ ...st, history: [], reports: [], turnHashes: [], news: [] });
      p.history = st.history;
      p.reports = st.reports;
      p.turnHashes = st.turnHashes;
      p.news = st.news.slice();
      p.ctx.seat = seat;
      for (const q of this.queues[seat]) if (q.action.type !== 'endTurn') applyInPlace(p, q.action);
      this.previews.set(seat, p);
    }
    return p;
  }

  /** Applies the log entry at position `seq` (entries must come in order). */
  apply(entry: LogEntry, seq: number): Applied {
    if (seq !== this.seq + 1) throw new Error(`room log out of order: ${seq} after ${this.seq}`);
    this.seq = seq;
    // A month can resolve on the entry itself (the last seat ends it live) or while the queues
    // and computer seats run after it: counted around the whole entry, devices are told of every
    // month (they play its report), however the seats' orders interleaved.
    const resolvedBefore = this.state?.turnHashes.length ?? 0;
    const out = this.applyEntry(entry);
    const resolvedAfter = this.state?.turnHashes.length ?? 0;
    if (resolvedAfter > resolvedBefore) out.resolved = resolvedAfter;
    return out;
  }

  private applyEntry(entry: LogEntry): Applied {
    const out: Applied = { changed: 'none', resolved: null, refused: [] };
    switch (entry.kind) {
      case 'start': {
        if (this.state) return out;
        this.state = createGame(this.rules, { seed: this.seed, figureChoices: this.figureChoices });
        for (const c of CAPITALS) this.control[c] = entry.humans.includes(c) ? 'human' : 'computer';
        for (const c of entry.humans) this.everHuman.add(c);
        this.turn = this.state.ctx.turn;
        this.advance(out);
        out.changed = 'all';
        return out;
      }
      case 'claim': {
        if (this.control[entry.seat] === 'computer') this.claims.add(entry.seat);
        out.changed = 'all';
        return out;
      }
      case 'order':
        return this.order(entry, out);
      case 'teacher': {
        if (!this.state || this.over) return out;
        const r = applyInPlace(this.state, entry.action);
        if (r.ok) this.actions.push(entry.action);
        this.previews.clear();
        out.changed = 'all';
        return out;
      }
    }
  }

  private order(entry: Extract<LogEntry, { kind: 'order' }>, out: Applied): Applied {
    const st = this.state;
    this.ids[entry.seat].set(entry.id, this.seq);
    if (!st || st.ctx.phase === 'over') return out;
    const { seat, action, id } = entry;
    const live = ACTION_LEVER[action.type] === 'trade' || (st.ctx.seat === seat && this.queues[seat].length === 0);
    if (!live) {
      this.queues[seat].push({ id, action });
      const p = this.previews.get(seat);
      // The preview may already hold this order (it was checked against it); rebuild otherwise.
      if (p && !this.previewHolds(p, action)) this.previews.delete(seat);
      out.changed = seat;
      return out;
    }
    const r = applyInPlace(st, action);
    this.previews.clear();
    out.changed = 'all';
    if (!r.ok) {
      out.refused.push({ seat, id, message: r.error.message });
      return out;
    }
    this.actions.push(action);
    if (action.type === 'endTurn') this.advance(out);
    else computerAnswers(st, this.botSeats(), this.actions);
    return out;
  }

  /** The preview was checked with exactly this order last (order counts match). */
  private previewHolds(p: GameState, action: Order): boolean {
    const applied = this.queues[action.seat].filter((q) => q.action.type !== 'endTurn').length;
    const st = this.state!;
    return action.type === 'endTurn' || p.ctx.actionCount === st.ctx.actionCount + applied;
  }

  /** Lets the computer and the seats' waiting orders run until a student's orders are awaited. */
  private advance(out: Applied): void {
    const st = this.state!;
    for (;;) {
      this.boundary();
      if (st.ctx.phase === 'over') break;
      const seat = st.ctx.seat;
      if (this.control[seat] === 'computer') {
        computerMoves(st, this.botSeats(), this.actions, (c) => {
          this.boundary();
          return this.control[c] === 'human';
        });
        continue;
      }
      const queue = this.queues[seat];
      let ended = false;
      while (queue.length > 0 && !ended) {
        const q = queue.shift()!;
        const r = applyInPlace(st, q.action);
        if (!r.ok) {
          out.refused.push({ seat, id: q.id, message: r.error.message });
          continue;
        }
        this.actions.push(q.action);
        ended = q.action.type === 'endTurn';
        if (!ended) computerAnswers(st, this.botSeats(), this.actions);
      }
      if (!ended) break;
    }
    this.previews.clear();
  }

  /** At a new month, claimed computer seats become their students'. */
  private boundary(): void {
    const st = this.state!;
    if (st.ctx.turn === this.turn) return;
    this.turn = st.ctx.turn;
    for (const c of this.claims) {
      this.control[c] = 'human';
      this.everHuman.add(c);
    }
    this.claims.clear();
  }

  /** The computer player of each seat the computer holds now; 'human' for students' seats. */
  private botSeats(): Seats {
    const seats = {} as Seats;
    for (const c of CAPITALS) seats[c] = this.control[c] === 'human' ? 'human' : this.bot;
    return seats;
  }

  /** The record: a seat a student ever played is labelled human, the others by their bot. */
  record(): GameRecord {
    const seats = {} as Seats;
    for (const c of CAPITALS) seats[c] = this.everHuman.has(c) ? 'human' : this.bot;
    return makeRecord(this.state!, seats, this.actions);
  }
}
