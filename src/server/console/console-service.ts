/**
 * The teacher's console on the server, and what it adds to the rooms: turn clocks (deadline,
 * pause, extend, end now) enforced here, news injects logged through the engine, and students'
 * messages routed only to their addressees during the game.
 *
 * The rooms service (src/server/rooms) is the host: it tells this service when a room changes,
 * asks it for each room's deadline and pause, and offers the few operations the console needs
 * (inject, end a turn, send to seats). Everything the console decides is stored before anyone
 * is told (clocks, messages, mutes), so a restart loses none of it. With several app servers
 * every change is announced through the fan-out (a notice naming what to read), and each server
 * reads it from the database and tells its own devices and consoles.
 */
import type { WebSocket } from 'ws';
import { CAPITALS, TEACHER, type Capital, type GameState, type InjectAction, type Rules } from '../../engine';
import type { Store } from '../../db/store';
import {
  ConsoleDiff,
  consoleCommandSchema,
  consoleFigures,
  type ConsoleCommandBody,
  type ConsoleFrame,
  type ConsoleRoom,
  type SeatExtraMessage,
} from '../../rooms/console-view';
import { checkDraft, MessageRateLimit, readableMessages, recipientsOf, type RoomMessage } from '../../rooms/messages';
import { CLOSE, parseClientFrame, type ConsoleHello, type RoomSummary, type ServerMessage, type StudentMessage } from '../../rooms/protocol';
import { endNow, extend, isDue, pause, resume, setTurnLength, TURN_SECONDS, type TurnClock } from '../../rooms/turn-clock';
import { checkText } from '../../text/shown-text';
import { INJECT_TEXT_MAX, INJECT_TITLE_MAX } from '../../engine/inject';
import { keyMatches } from '../ids';
import type { ClockStore } from './clock-store';
import type { MessageStore } from './messages-store';
import type { RoomHooks } from '../rooms/service';
import type { Fanout, Notice } from '../rooms/fanout';
import { follow, NO_CLOCK, type ClassClock, type RoomTiming } from './timing';

/** One room as the rooms service holds it. */
export interface HostRoom {
  id: string;
  classCode: string;
  summary: RoomSummary;
  /** The room's true game state (the teacher sees everything), null before it starts. */
  state: GameState | null;
  rules: Rules;
}

/** What the rooms service offers the console. */
export interface ConsoleHost {
  classRoomIds(code: string): Promise<string[]>;
  hostRoom(roomId: string): Promise<HostRoom>;
  /** Appends the teacher's inject to the room's log (the engine checks it). */
  inject(roomId: string, action: InjectAction): Promise<{ seq: number } | { error: string }>;
  /** Ends turn `turn` for every student seat that has not, with the orders it gave. */
  endTurn(roomId: string, turn: number): Promise<void>;
  /** Sends a frame to these seats' devices connected here. */
  sendToSeats(roomId: string, seats: readonly Capital[], message: ServerMessage): void;
}

export interface ConsoleServiceOptions {
  store: Store;
  messages: MessageStore;
  clocks: ClockStore;
  /** How the other app servers hear of messages, clocks and mutes (none: one server). */
  fanout?: Fanout;
  now?: () => number;
  /** Shortest deadline a teacher may set (s); tests lower it so a deadline passes quickly. */
  minTurnSeconds?: number;
  /** How often deadlines are checked (ms). */
  tickMs?: number;
  log?: (e: unknown, what: string) => void;
}

interface ConsoleConn {
  classCode: string;
  send(frame: ConsoleFrame | ServerMessage): void;
  /** What this console was last sent of each room: frames carry only the changes. */
  diff: ConsoleDiff;
}

interface Tracked {
  classCode: string;
  timing: RoomTiming | null;
  messages: RoomMessage[] | null;
  muted: Set<Capital>;
  /** The turn a deadline already ended (so it is ended once). */
  endedTurn: number;
}

/** Longest a room's change waits to reach the console, batched with the class's other changes (ms). */
export const PUSH_MS = 200;

/** Console commands that accept a room or `all`. */
type Target = string;

export class ConsoleService implements RoomHooks {
  private host: ConsoleHost | null = null;
  private readonly now: () => number;
  readonly minTurnSeconds: number;
  private readonly consoles = new Set<ConsoleConn>();
  private readonly rooms = new Map<string, Tracked>();
  private readonly classClocks = new Map<string, ClassClock>();
  private readonly rate = new MessageRateLimit();
  /** Client ids of messages stored lately (room:seat:id), oldest first. */
  private readonly sentIds = new Set<string>();
  /** Per class: the timer of the next console frame, and the rooms it will carry. */
  private readonly pushTimers = new Map<string, NodeJS.Timeout>();
  private readonly dirty = new Map<string, Set<string>>();
  private timer: NodeJS.Timeout | null = null;
  private ticking = false;
  /** Rooms whose clock is being followed now, and whether they changed again meanwhile. */
  private readonly following = new Map<string, { again: boolean; stored: boolean; done: Promise<void> }>();

  constructor(private readonly opts: ConsoleServiceOptions) {
    this.now = opts.now ?? Date.now;
    this.minTurnSeconds = opts.minTurnSeconds ?? TURN_SECONDS.min;
  }

  /** Connects the rooms service and starts checking deadlines. */
  start(host: ConsoleHost): void {
    this.host = host;
    this.opts.fanout?.subscribe((n) => void this.onNotice(n).catch((e: unknown) => this.opts.log?.(e, 'a console notice from another server')));
    this.opts.fanout?.onResync(() => void this.resync().catch((e: unknown) => this.opts.log?.(e, 'reading clocks and messages again after the listener came back')));
    this.timer = setInterval(() => void this.tick(), this.opts.tickMs ?? 250);
    this.timer.unref();
  }

  stop(): void {
    if (this.timer) clearInterval(this.timer);
    for (const t of this.pushTimers.values()) clearTimeout(t);
  }

  private publish(n: Parameters<Fanout['publish']>[0]): void {
    this.opts.fanout?.publish(n);
  }

  private get h(): ConsoleHost {
    if (!this.host) throw new Error('the console service has no rooms host');
    return this.host;
  }

  // ------------------------------------------------------------------ hooks the rooms service calls

  /** The room's deadline and pause, for its summary (what every screen shows). */
  clockFields(roomId: string): { deadline: number | null; paused: boolean } {
    const c = this.rooms.get(roomId)?.timing?.clock;
    if (!c) return { deadline: null, paused: false };
    return { deadline: c.paused ? null : c.forced ? this.now() : c.deadline, paused: c.paused };
  }

  /** Why a student's order must wait (the room is paused), or null. */
  orderRefusal(roomId: string): string | null {
    return this.rooms.get(roomId)?.timing?.clock.paused ? 'Your teacher has paused the game: your orders wait until it resumes.' : null;
  }

  /** A console of the class is open on this server. */
  watching(classCode: string): boolean {
    for (const c of this.consoles) if (c.classCode === classCode) return true;
    return false;
  }

  /**
   * Changes while a room's clock is being followed are followed once more afterwards, all
   * together: one clock write for a burst of orders, never two servers' worth from one server.
   */
  roomChanged(roomId: string, stored: boolean): Promise<void> {
    if (!this.host) return Promise.resolve();
    const running = this.following.get(roomId);
    if (running) {
      running.again = true;
      running.stored ||= stored;
      return running.done;
    }
    const f = { again: true, stored, done: Promise.resolve() };
    f.done = (async () => {
      try {
        while (f.again) {
          const st = f.stored;
          f.again = false;
          f.stored = false;
          await this.follow(roomId, st);
        }
      } finally {
        this.following.delete(roomId);
      }
    })();
    this.following.set(roomId, f);
    return f.done;
  }

  /**
   * A room changed (an order, a resolution, a connection): follow its clock, tell the consoles.
   * The seats' end stamps are stored by the server that stored the change (`stored`); the others
   * keep them in memory. A new turn is written by every server (only over an older turn), so a
   * server dying between its entry and its clock write leaves no turn untimed.
   */
  private async follow(roomId: string, stored: boolean): Promise<void> {
    const room = await this.h.hostRoom(roomId);
    const tracked = await this.track(room);
    const s = room.summary;
    const cls = await this.classClock(room.classCode);
    const progress = { playing: s.phase === 'playing', turn: s.turn, ended: s.seats.filter((x) => x.ended).map((x) => x.capital) };
    const now = this.now();
    const was = tracked.timing ?? undefined;
    const next = follow(was, cls, progress, now);
    // A new turn is written only over an older one (another server may have started it, and
    // the teacher changed it since); the seats' end stamps touch only their own column.
    if (next !== was && next.turn !== was?.turn) tracked.timing = await this.opts.clocks.startTurn(roomId, room.classCode, next, now);
    else if (next !== was) {
      tracked.timing = next;
      if (stored) await this.opts.clocks.setEnded(roomId, next.turn, next.ended, now);
    }
    this.schedulePush(roomId);
  }

  /** What a seat reads of its room's messages, and whether it is muted (sent after welcome). */
  async seatMessages(roomId: string, seat: Capital): Promise<SeatExtraMessage> {
    const room = await this.h.hostRoom(roomId);
    const tracked = await this.track(room);
    const stage = room.summary.phase === 'finished' ? 'debrief' : 'playing';
    return { type: 'messages', messages: readableMessages(tracked.messages ?? [], { kind: 'seat', seat }, stage), muted: tracked.muted.has(seat) };
  }

  /** The game is over: every seat of the room now reads the whole archive. */
  async reveal(roomId: string): Promise<void> {
    for (const seat of CAPITALS) this.h.sendToSeats(roomId, [seat], await this.seatMessages(roomId, seat));
  }

  private async track(room: HostRoom): Promise<Tracked> {
    let t = this.rooms.get(room.id);
    if (!t) {
      t = { classCode: room.classCode, timing: null, messages: null, muted: new Set(), endedTurn: 0 };
      this.rooms.set(room.id, t);
      t.timing = (await this.opts.clocks.getRoom(room.id)) ?? null;
      t.muted = new Set(await this.opts.messages.mutedSeats(room.id));
      t.messages = await this.opts.messages.ofRoom(room.id);
    }
    return t;
  }

  private async classClock(code: string): Promise<ClassClock> {
    let c = this.classClocks.get(code);
    if (!c) {
      c = (await this.opts.clocks.getClass(code)) ?? NO_CLOCK;
      this.classClocks.set(code, c);
    }
    return c;
  }

  // ------------------------------------------------------------------ students' messages

  async seatMessage(from: { roomId: string; seat: Capital }, msg: StudentMessage, reply: (m: ServerMessage) => void): Promise<void> {
    // A device resends what was not acknowledged after a reconnect: a message is stored once.
    const key = `${from.roomId}:${from.seat}:${msg.id}`;
    if (this.sentIds.has(key)) return reply({ type: 'ack', id: msg.id, seq: 0 });
    const room = await this.h.hostRoom(from.roomId);
    const tracked = await this.track(room);
    const stage = room.summary.phase === 'finished' ? 'debrief' : 'playing';
    const checked = checkDraft(from.seat, { to: msg.to, text: msg.text, offerId: msg.offerId }, { muted: tracked.muted.has(from.seat), stage });
    if (!checked.ok) return reply({ type: 'error', id: msg.id, code: checked.error.code, message: checked.error.message });
    const offerId = checked.value.offerId;
    if (offerId !== null && !room.state?.offers.some((o) => o.id === offerId && (o.from === from.seat || o.to === from.seat)))
      return reply({ type: 'error', id: msg.id, code: 'unknown-offer', message: `offer #${offerId} is not one of your offers` });
    const wait = this.rate.take(`${from.roomId}:${from.seat}`, this.now());
    if (wait > 0)
      return reply({ type: 'error', id: msg.id, code: 'rate-limited', message: `too many messages at once: wait ${Math.ceil(wait / 1000)} s` });
    this.sentIds.add(key);
    if (this.sentIds.size > 50_000) this.sentIds.delete(this.sentIds.values().next().value!);
    const { message: stored, fresh } = await this.opts.messages.addOnce({ room: room.id, classCode: room.classCode, from: from.seat, turn: room.summary.turn, draft: checked.value, now: this.now() }, msg.id);
    reply({ type: 'ack', id: msg.id, seq: room.summary.seq });
    if (!fresh) return;
    tracked.messages = [...(tracked.messages ?? []), stored];
    this.publish({ k: 'msg', r: room.id, id: stored.id });
    // During the game only the sender and the addressees hear of it (and the teacher).
    this.h.sendToSeats(room.id, recipientsOf(stored), { type: 'message', message: stored });
    this.schedulePush(room.id);
  }

  // ------------------------------------------------------------------ the console connection

  /** A console said hello: check the class's moderation key, then send every room and listen. */
  async attach(socket: WebSocket, hello: ConsoleHello): Promise<void> {
    const code = hello.classCode.replace(/[\s-]/g, '').toUpperCase();
    const cls = await this.opts.store.getClass(code);
    if (!cls || !keyMatches(hello.moderationKey, cls.key_hash)) {
      const message = cls ? `that is not the moderation key of class ${code}` : `there is no class ${code}`;
      socket.send(JSON.stringify({ type: 'error', code: 'moderation-key-invalid', message }));
      socket.close(CLOSE.unauthorised, message.slice(0, 120));
      return;
    }
    const conn: ConsoleConn = {
      classCode: code,
      diff: new ConsoleDiff(),
      send: (frame) => {
        if (socket.readyState === socket.OPEN) socket.send(JSON.stringify(frame));
      },
    };
    let busy: Promise<void> = Promise.resolve();
    socket.on('message', (data) => {
      busy = busy.then(() => this.onConsoleFrame(conn, String(data))).catch((e: unknown) => {
        this.opts.log?.(e, 'a console command');
        conn.send({ type: 'error', code: 'internal', message: 'the server failed to carry out this command' });
      });
    });
    socket.on('close', () => this.consoles.delete(conn));
    this.consoles.add(conn);
    const frame = await this.classFrame(code);
    for (const r of frame.rooms) conn.diff.patch(r);
    conn.send(frame);
  }

  private async classFrame(code: string): Promise<Extract<ConsoleFrame, { type: 'console' }>> {
    const ids = await this.h.classRoomIds(code);
    const rooms: ConsoleRoom[] = [];
    for (const id of ids) rooms.push(await this.consoleRoom(id));
    return { type: 'console', now: this.now(), classCode: code, minTurnSeconds: this.minTurnSeconds, rooms };
  }

  private async consoleRoom(roomId: string): Promise<ConsoleRoom> {
    const room = await this.h.hostRoom(roomId);
    const t = await this.track(room);
    const timing = t.timing ?? follow(undefined, await this.classClock(room.classCode), { playing: false, turn: room.summary.turn, ended: [] }, this.now());
    const empty = { scores: { pyongyang: 0, moscow: 0, kyiv: 0 }, humanCost: { sent: 0, killed: 0, wounded: 0, captured: 0, familiesAtRisk: 0, russianKilled: 0, ukrainianKilled: 0 }, offers: [], deals: [], injectable: [] };
    return {
      summary: { ...room.summary, ...this.clockFields(roomId) },
      turnStartedAt: timing.startedAt,
      endedAt: timing.ended,
      lastActivityAt: Math.max(room.summary.updatedAt, timing.startedAt, ...Object.values(timing.ended), t.messages?.at(-1)?.at ?? 0),
      clock: timing.clock,
      ...(room.state ? consoleFigures(room.state) : empty),
      messages: t.messages ?? [],
      muted: [...t.muted],
    };
  }

  /**
   * Coalesces a class's changes (an order storm at a turn's end, 40 rooms at once) into one
   * frame per PUSH_MS with every room that changed: the console's page redraws a few times a
   * second, not once per order.
   */
  private schedulePush(roomId: string): void {
    const t = this.rooms.get(roomId);
    if (!t) return;
    const code = t.classCode;
    if (![...this.consoles].some((c) => c.classCode === code)) return;
    let dirty = this.dirty.get(code);
    if (!dirty) this.dirty.set(code, (dirty = new Set()));
    dirty.add(roomId);
    if (this.pushTimers.has(code)) return;
    this.pushTimers.set(
      code,
      setTimeout(() => {
        this.pushTimers.delete(code);
        const ids = [...(this.dirty.get(code) ?? [])];
        this.dirty.delete(code);
        void Promise.all(ids.map((id) => this.consoleRoom(id)))
          .then((rooms) => {
            for (const c of this.consoles) {
              if (c.classCode !== code) continue;
              const patches = rooms.map((r) => c.diff.patch(r)).filter((p) => p !== null);
              if (patches.length > 0) c.send({ type: 'consoleRooms', now: this.now(), rooms: patches });
            }
          })
          .catch((e: unknown) => this.opts.log?.(e, 'a console update'));
      }, PUSH_MS),
    );
  }

  private async onConsoleFrame(conn: ConsoleConn, text: string): Promise<void> {
    const parsed = parseClientFrame(text);
    if (!parsed.ok) return conn.send({ type: 'error', code: parsed.code, message: parsed.message });
    const m = parsed.value;
    if (m.type === 'ping') return conn.send({ type: 'pong', t: m.t });
    if (m.type !== 'console') return conn.send({ type: 'error', code: 'not-allowed', message: 'a console sends console commands only' });
    const cmd = consoleCommandSchema.safeParse(m.command);
    if (!cmd.success) {
      const first = cmd.error.issues[0];
      return conn.send({ type: 'error', id: m.id, code: 'invalid-message', message: `the command is not valid: ${first?.message ?? 'unknown shape'}` });
    }
    const error = await this.command(conn.classCode, m.room, cmd.data);
    conn.send(error ? { type: 'error', id: m.id, code: 'refused', message: error } : { type: 'ack', id: m.id, seq: 0 });
  }

  /** Carries out a console command for the class; returns why it could not be, or null. */
  async command(code: string, target: Target, cmd: ConsoleCommandBody): Promise<string | null> {
    const ids = await this.h.classRoomIds(code);
    if (target !== 'all' && !ids.includes(target)) return 'there is no such room in this class';
    if ((cmd.kind === 'hide' || cmd.kind === 'mute') && target === 'all') return 'name the room';
    const targets = target === 'all' ? ids : [target];
    const now = this.now();
    switch (cmd.kind) {
      case 'deadline': {
        if (cmd.seconds !== null && cmd.seconds < this.minTurnSeconds) return `a turn lasts at least ${this.minTurnSeconds} seconds`;
        const turnMs = cmd.seconds === null ? null : cmd.seconds * 1000;
        if (target === 'all') await this.setClass(code, { ...(await this.classClock(code)), turnMs });
        return this.eachClock(targets, (c) => setTurnLength(c, turnMs, now));
      }
      case 'pause':
      case 'resume': {
        const paused = cmd.kind === 'pause';
        if (target === 'all') await this.setClass(code, { ...(await this.classClock(code)), paused });
        return this.eachClock(targets, (c) => (paused ? pause(c, now) : resume(c, now)), true);
      }
      case 'extend':
        return this.eachClock(targets, (c) => extend(c, cmd.seconds * 1000, now));
      case 'endTurn': {
        const r = await this.eachClock(targets, (c) => endNow(c));
        await this.tick();
        return r;
      }
      case 'inject':
      case 'news':
        return this.inject(targets, cmd);
      case 'hide': {
        const m = await this.opts.messages.setHidden(code, cmd.message, cmd.hidden);
        if (!m || m.room !== target) return 'there is no such message in this room';
        this.publish({ k: 'hide', r: m.room, id: m.id });
        await this.hidden(m);
        return null;
      }
      case 'mute': {
        await this.opts.messages.setMuted(target, cmd.seat, cmd.muted, now);
        this.publish({ k: 'mute', r: target, seat: cmd.seat });
        const room = await this.h.hostRoom(target);
        const t = await this.track(room);
        if (cmd.muted) t.muted.add(cmd.seat);
        else t.muted.delete(cmd.seat);
        this.h.sendToSeats(target, [cmd.seat], await this.seatMessages(target, cmd.seat));
        this.schedulePush(target);
        return null;
      }
    }
  }

  private async setClass(code: string, c: ClassClock): Promise<void> {
    this.classClocks.set(code, c);
    await this.opts.clocks.putClass(code, c, this.now());
    this.publish({ k: 'class', c: code });
  }

  /** A message was hidden or shown again: its readers' screens drop it (or get it back) at once. */
  private async hidden(m: RoomMessage): Promise<void> {
    const t = this.rooms.get(m.room);
    if (t?.messages) t.messages = t.messages.map((x) => (x.id === m.id ? m : x));
    for (const seat of recipientsOf(m)) this.h.sendToSeats(m.room, [seat], await this.seatMessages(m.room, seat));
    this.schedulePush(m.room);
  }

  /**
   * The listening connection dropped and is back: clocks, messages, mutes and rooms opened
   * elsewhere that notices would have told of meanwhile are read again, and passed on.
   */
  private async resync(): Promise<void> {
    if (!this.host) return;
    for (const code of [...this.classClocks.keys()]) this.classClocks.set(code, (await this.opts.clocks.getClass(code)) ?? NO_CLOCK);
    for (const code of new Set([...this.consoles].map((c) => c.classCode)))
      for (const id of await this.h.classRoomIds(code)) if (!this.rooms.has(id)) await this.track(await this.h.hostRoom(id));
    for (const [id, t] of this.rooms) {
      t.timing = (await this.opts.clocks.getRoom(id)) ?? null;
      t.muted = new Set(await this.opts.messages.mutedSeats(id));
      t.messages = await this.opts.messages.ofRoom(id);
      this.sendClock(id);
      for (const seat of CAPITALS) this.h.sendToSeats(id, [seat], await this.seatMessages(id, seat));
      this.schedulePush(id);
    }
  }

  /** Every seat's countdown follows the room's clock at once. */
  private sendClock(roomId: string): void {
    const paused = this.rooms.get(roomId)?.timing?.clock.paused ?? false;
    this.h.sendToSeats(roomId, CAPITALS, { type: 'clock', deadline: this.clockFields(roomId).deadline, paused, now: this.now() });
  }

  /** Another server changed something this server's devices or consoles show: read it, pass it on. */
  private async onNotice(n: Notice): Promise<void> {
    if (!this.host) return;
    if (n.k === 'class') {
      if (this.classClocks.has(n.c)) this.classClocks.set(n.c, (await this.opts.clocks.getClass(n.c)) ?? NO_CLOCK);
      return;
    }
    if (n.k === 'room') {
      // A room opened (or a seat taken) on another server appears on this server's consoles.
      if (!this.watching(n.c)) return;
      await this.track(await this.h.hostRoom(n.r));
      this.schedulePush(n.r);
      return;
    }
    if (n.k !== 'clock' && n.k !== 'msg' && n.k !== 'hide' && n.k !== 'mute') return;
    const t = this.rooms.get(n.r);
    if (!t) return;
    switch (n.k) {
      case 'clock':
        t.timing = (await this.opts.clocks.getRoom(n.r)) ?? null;
        this.sendClock(n.r);
        break;
      case 'msg': {
        const m = await this.opts.messages.byId(n.id);
        if (!m || m.room !== n.r) return;
        if (t.messages && !t.messages.some((x) => x.id === m.id)) t.messages = [...t.messages, m];
        this.h.sendToSeats(n.r, recipientsOf(m), { type: 'message', message: m });
        break;
      }
      case 'hide': {
        const m = await this.opts.messages.byId(n.id);
        if (m && m.room === n.r) await this.hidden(m);
        return;
      }
      case 'mute': {
        t.muted = new Set(await this.opts.messages.mutedSeats(n.r));
        const seat = CAPITALS.find((c) => c === n.seat);
        if (seat) this.h.sendToSeats(n.r, [seat], await this.seatMessages(n.r, seat));
        break;
      }
    }
    this.schedulePush(n.r);
  }

  /** Applies a clock change to each target room that is playing; pauses also reach waiting rooms. */
  private async eachClock(ids: readonly string[], change: (c: TurnClock) => TurnClock, waitingToo = false): Promise<string | null> {
    let changed = 0;
    for (const id of ids) {
      const room = await this.h.hostRoom(id);
      if (room.summary.phase === 'finished' || (room.summary.phase === 'waiting' && !waitingToo)) continue;
      await this.follow(id, true);
      const t = this.rooms.get(id)!;
      // Changed as stored, not as this server last saw it: another server may have changed it.
      const stored = await this.opts.clocks.updateRoom(id, room.classCode, (cur) => (cur ? { ...cur, clock: change(cur.clock) } : cur), this.now());
      if (stored) t.timing = stored;
      changed++;
      this.publish({ k: 'clock', r: id });
      this.sendClock(id);
      this.schedulePush(id);
    }
    return changed === 0 && ids.length > 0 ? 'no room is playing' : null;
  }

  private async inject(ids: readonly string[], cmd: Extract<ConsoleCommandBody, { kind: 'inject' | 'news' }>): Promise<string | null> {
    let action: InjectAction;
    if (cmd.kind === 'news') {
      const title = checkText(cmd.title, { label: 'the headline', max: INJECT_TITLE_MAX });
      if (!title.ok) return title.message;
      const text = cmd.text.trim() === '' ? { ok: true as const, value: '' } : checkText(cmd.text, { label: 'the text', max: INJECT_TEXT_MAX, multiline: true });
      if (!text.ok) return text.message;
      action = { type: 'inject', seat: TEACHER, news: { title: title.value, text: text.value } };
    } else action = { type: 'inject', seat: TEACHER, event: cmd.event };
    const refused: string[] = [];
    let sent = 0;
    for (const id of ids) {
      const room = await this.h.hostRoom(id);
      if (room.summary.phase !== 'playing') continue;
      const r = await this.h.inject(id, action);
      if ('error' in r) refused.push(`room ${room.summary.number}: ${r.error}`);
      else sent++;
    }
    if (sent === 0) return refused.length > 0 ? refused.join('; ') : 'no room is playing';
    return null;
  }

  // ------------------------------------------------------------------ deadlines

  /**
   * Ends the turn in every room whose deadline has passed (or that the teacher ended now). The
   * database decides which server does it (a claim on the stored clock), so with several app
   * servers a deadline ends a turn once, and a deadline moved on another server is respected.
   */
  async tick(): Promise<void> {
    if (this.ticking) return;
    this.ticking = true;
    try {
      const now = this.now();
      for (const [id, t] of this.rooms) {
        const timing = t.timing;
        if (!timing || !isDue(timing.clock, now) || t.endedTurn === timing.turn) continue;
        const turn = timing.turn;
        try {
          const claim = await this.opts.clocks.claimDue(id, turn, now, (x) => isDue(x.clock, now));
          if (claim.timing) t.timing = claim.timing;
          if (!claim.claimed) {
            if (claim.firedTurn === turn) t.endedTurn = turn;
            continue;
          }
          t.endedTurn = turn;
          await this.h.endTurn(id, turn);
        } catch (e) {
          t.endedTurn = 0;
          this.opts.log?.(e, 'ending a turn at its deadline');
        }
      }
    } finally {
      this.ticking = false;
    }
  }
}
