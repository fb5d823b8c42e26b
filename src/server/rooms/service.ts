/**
 * The room service of one app server: places students in rooms and seats, keeps the rooms whose
 * sockets it holds in memory (a cache of their logs), stores each order before acknowledging it,
 * sends each seat its own view, and turns a finished room into a verified class result.
 */
import { randomBytes } from 'node:crypto';

import { applyAction, CAPITALS, createGame, type Capital, type FigureChoices, type GameState, type InjectAction, type NewsItem, type Rules } from '../../engine';
import type { ClassRow, Store } from '../../db/store';
import { RoomsStore, type ClassRoomsRow, type RoomLogRow, type RoomRow, type RoomSeatRow } from '../../db/rooms-store';
import type { RoomSummary, SeatStatus, ServerMessage } from '../../rooms/protocol';
import { seatView, seatViewPatch } from '../../rooms/view';
import type { ScenarioCatalog, KnownScenario } from '../scenarios';
import type { VerifyPool } from '../verify-pool';
import { runVerifyTask, type VerifyTask } from '../verify-task';
import { dedupKey } from '../verify';
import { hashKey, newResultId } from '../ids';
import type { SeatExtraMessage } from '../../rooms/console-view';
import type { ConsoleHost, HostRoom } from '../console/console-service';
import type { Fanout, Notice } from './fanout';
import { RoomGame, type Applied, type LogEntry, type Order } from './game';
import { newSeatToken } from './tokens';

/** The computer player in seats no student holds. */
export const ROOM_BOT = 'historical';

export interface RoomSettings {
  size: 2 | 3;
  fill: 'order' | 'names';
  computerSeat: Capital;
  assignments: { pseudonym: string; room: number; seat: Capital }[];
}

export const DEFAULT_SETTINGS: RoomSettings = { size: 3, fill: 'order', computerSeat: 'kyiv', assignments: [] };

/** A device's connection as the service sees it (the socket layer implements it). */
export interface SeatConnection {
  readonly id: string;
  readonly seat: Capital;
  send(message: ServerMessage | SeatExtraMessage): void;
  /** Closes with a reason (another tab took the seat, the room was deleted…). */
  close(code: number, reason: string): void;
}

export interface JoinAnswer {
  room: { id: string; number: number };
  seat: Capital;
  pseudonym: string;
  token: string;
}

export class RoomError extends Error {
  constructor(
    readonly status: number,
    readonly code: string,
    message: string,
  ) {
    super(message);
  }
}

interface Loaded {
  row: RoomRow;
  game: RoomGame;
  known: KnownScenario;
  seats: RoomSeatRow[];
  connections: Map<Capital, SeatConnection>;
  /** Seats whose device is connected to another app server (the presence rows). */
  remote: Set<Capital>;
  /** Every change to the room runs in this chain, one at a time. */
  chain: Promise<unknown>;
  finishing: Promise<void> | null;
  /** What stored entries changed since the seats were last told (queueBroadcast). */
  outbox: Applied | null;
  /** Entries other servers stored, from their notices, not applied yet (by log position). */
  noticed: Map<number, LogEntry>;
  /** This server stored an entry since the last broadcast (the console stamps the clock then). */
  storedHere: boolean;
}

/** How long stored entries wait to be sent to the seats together (ms). */
export const VIEW_BATCH_MS = 15;

/** Several entries' changes as one: whose views changed, the month resolved, what was refused. */
function merged(applied: readonly Applied[]): Applied {
  const out: Applied = { changed: 'none', resolved: null, refused: [] };
  for (const a of applied) {
    if (a.changed === 'all' || out.changed === 'none') out.changed = a.changed;
    else if (a.changed !== 'none' && a.changed !== out.changed) out.changed = 'all';
    out.resolved = a.resolved ?? out.resolved;
    out.refused.push(...a.refused);
  }
  return out;
}

/**
 * What the teacher's console (issue 12) adds to every room: the turn clock shown in summaries,
 * a pause that holds students' orders, and notice of every change.
 */
export interface RoomHooks {
  clockFields(roomId: string): { deadline: number | null; paused: boolean };
  orderRefusal(roomId: string): string | null;
  /** `stored`: this server stored some of the change (the others only follow it). */
  roomChanged(roomId: string, stored: boolean): Promise<void>;
  /** Extra frames a seat gets after its welcome (its messages). */
  seatMessages(roomId: string, seat: Capital): Promise<SeatExtraMessage>;
  /** The game is over (the room's messages are revealed). */
  reveal(roomId: string): Promise<void>;
  /** A console of the class is open here: keep its rooms in memory, following other servers. */
  watching(classCode: string): boolean;
}

/** How often a server refreshes its presence rows, and when a row no server refreshed is dropped (ms). */
export const PRESENCE_BEAT_MS = 10_000;
export const PRESENCE_STALE_MS = 35_000;

export interface RoomServiceOptions {
  store: Store;
  catalog: ScenarioCatalog;
  fanout: Fanout;
  pool?: VerifyPool;
  now?: () => number;
  log?: (e: unknown, what: string) => void;
}

export class RoomService implements ConsoleHost {
  readonly rooms: RoomsStore;
  /** How many month reports each device has: reports and history go again only when it grows. */
  private readonly sentReports = new WeakMap<SeatConnection, number>();
  /** The summary each device last got (its log position aside). */
  private readonly sentSummary = new WeakMap<SeatConnection, string>();
  /**
   * The news each device has: the list its view was built from, and how long it was. The engine
   * only ever appends to a state's news, so the same list at the same length is the same news.
   */
  private readonly sentNews = new WeakMap<SeatConnection, { from: readonly NewsItem[]; length: number }>();
  private hooks: RoomHooks | null = null;
  private readonly loaded = new Map<string, Promise<Loaded>>();
  private readonly now: () => number;

  constructor(private readonly opts: RoomServiceOptions) {
    this.rooms = new RoomsStore(opts.store.kysely);
    this.now = opts.now ?? Date.now;
    opts.fanout.subscribe((n) => void this.onNotice(n).catch((e: unknown) => this.opts.log?.(e, 'a notice from another server')));
    opts.fanout.onResync(() => void this.resync().catch((e: unknown) => this.opts.log?.(e, 'reading rooms again after the listener came back')));
    this.beat = setInterval(() => void this.heartbeat(), PRESENCE_BEAT_MS);
    this.beat.unref();
  }

  private readonly beat: NodeJS.Timeout;

  /** This server's devices are still here; devices of a server that died are not. */
  private async heartbeat(): Promise<void> {
    try {
      const t = this.now();
      for (const r of await this.rooms.refreshPresence(this.opts.fanout.serverId, t, t - PRESENCE_STALE_MS)) await this.presenceChanged(r, '');
    } catch (e) {
      this.opts.log?.(e, 'refreshing who is connected');
    }
  }

  /** Stops the heartbeat and removes this server's presence rows (shutdown). */
  async close(): Promise<void> {
    clearInterval(this.beat);
    try {
      for (const r of await this.rooms.dropServerPresence(this.opts.fanout.serverId)) this.opts.fanout.publish({ k: 'presence', r, seat: '' });
    } catch (e) {
      this.opts.log?.(e, 'clearing who is connected');
    }
  }

  /** Re-reads who is connected to the room on other servers, tells the room here, and the others. */
  private async presenceChanged(roomId: string, seat: string, publish = true): Promise<void> {
    if (publish) this.opts.fanout.publish({ k: 'presence', r: roomId, seat });
    const p = this.loaded.get(roomId);
    const room = p ? await p.catch(() => null) : null;
    if (!room) return;
    await this.readPresence(room);
    this.broadcast(room, { changed: 'none', resolved: null, refused: [] });
  }

  /** Who is connected to the room on other servers; returns the presence rows read. */
  private async readPresence(room: Loaded): Promise<{ seat: string; server_id: string }[]> {
    const rows = await this.rooms.presence(room.row.id);
    room.remote = new Set(rows.filter((r) => r.server_id !== this.opts.fanout.serverId).map((r) => r.seat as Capital));
    return rows;
  }

  /**
   * The listening connection dropped and is back: notices of other servers' entries, joins,
   * connections and takeovers sent meanwhile are lost, so every room held here is read again.
   */
  private async resync(): Promise<void> {
    for (const p of [...this.loaded.values()]) {
      const room = await p.catch(() => null);
      if (!room) continue;
      await this.exclusive(room, async () => {
        room.seats = await this.rooms.seats(room.row.id);
        await this.readPresence(room);
        // A device here whose seat another server's device took meanwhile is the older one.
        for (const seat of room.remote) {
          const mine = room.connections.get(seat);
          if (!mine) continue;
          room.connections.delete(seat);
          supersede(mine);
        }
        const caught = await this.catchUp(room);
        if (caught.length > 0) await this.afterApply(room, caught);
        else this.broadcast(room, { changed: 'none', resolved: null, refused: [] });
      });
    }
  }

  /** The teacher's console plugs in here. */
  useHooks(hooks: RoomHooks): void {
    this.hooks = hooks;
  }

  private changed(roomId: string, stored: boolean): void {
    this.hooks?.roomChanged(roomId, stored).catch((e: unknown) => this.opts.log?.(e, 'telling the console of a room change'));
  }

  // ---------------------------------------------------------------- settings and joining

  async settings(code: string): Promise<RoomSettings> {
    const row = await this.rooms.getSettings(code);
    return row ? settingsOf(row) : DEFAULT_SETTINGS;
  }

  /** A class plays in rooms once its teacher has set them up. */
  async roomsEnabled(code: string): Promise<boolean> {
    return (await this.rooms.getSettings(code)) !== undefined;
  }

  async putSettings(code: string, s: RoomSettings): Promise<void> {
    await this.rooms.putSettings({
      class_code: code,
      size: s.size,
      fill: s.fill,
      computer_seat: s.computerSeat,
      assignments: JSON.stringify(s.assignments),
      updated_at: this.now(),
    });
  }

  /** Places a student in a room and a seat of the class; the token is returned once, never stored. */
  async join(cls: ClassRow, pseudonym: string): Promise<JoinAnswer> {
    const settings = await this.settings(cls.code);
    for (let attempt = 0; attempt < 30; attempt++) {
      const place = await this.place(cls, settings, pseudonym);
      const token = newSeatToken();
      const taken = await this.rooms.takeSeat({
        room_id: place.room.id,
        capital: place.seat,
        pseudonym,
        token_hash: hashKey(token),
        joined_at: this.now(),
      });
      if (!taken) continue;
      this.opts.fanout.publish({ k: 'room', r: place.room.id, c: cls.code });
      await this.afterJoin(place.room.id);
      return { room: { id: place.room.id, number: place.room.number }, seat: place.seat, pseudonym, token };
    }
    throw new RoomError(503, 'rooms-busy', 'every seat we tried was taken at the same moment; try again');
  }

  private async place(cls: ClassRow, settings: RoomSettings, pseudonym: string): Promise<{ room: RoomRow; seat: Capital }> {
    const rooms = await this.rooms.listRooms(cls.code);
    const seats = await this.rooms.seatsOfRooms(rooms.map((r) => r.id));
    const taken = (id: string) => new Set(seats.filter((s) => s.room_id === id).map((s) => s.capital));
    if (settings.fill === 'names') {
      const wanted = settings.assignments.find((a) => sameName(a.pseudonym, pseudonym));
      if (wanted) {
        const room = rooms.find((r) => r.number === wanted.room) ?? (await this.newRoom(cls, settings, wanted.room));
        if (!taken(room.id).has(wanted.seat) && room.phase !== 'finished') return { room, seat: wanted.seat };
      }
    }
    // Rooms still waiting first, then a running room's empty seat (taken back from the computer).
    for (const phase of ['waiting', 'playing']) {
      for (const room of rooms) {
        if (room.phase !== phase) continue;
        const free = studentSeats(room).filter((c) => !taken(room.id).has(c) && !reservedByName(settings, room, c));
        if (free.length > 0) return { room, seat: free[0]! };
      }
    }
    const next = rooms.reduce((m, r) => Math.max(m, r.number), 0) + 1;
    const room = await this.newRoom(cls, settings, next);
    const free = studentSeats(room).filter((c) => !reservedByName(settings, room, c));
    return { room, seat: free[0] ?? studentSeats(room)[0]! };
  }

  private async newRoom(cls: ClassRow, settings: RoomSettings, number: number): Promise<RoomRow> {
    const t = this.now();
    const row: RoomRow = {
      id: randomBytes(9).toString('base64url'),
      class_code: cls.code,
      number,
      phase: 'waiting',
      seed: cls.seed ?? `${cls.code}-room-${number}-${randomBytes(4).toString('hex')}`,
      figures: cls.figures ?? JSON.stringify({ default: 'central' }),
      size: settings.size,
      computer_seat: settings.size === 2 ? settings.computerSeat : null,
      result_id: null,
      created_at: t,
      updated_at: t,
    };
    if (await this.rooms.createRoom(row)) return row;
    const existing = (await this.rooms.listRooms(cls.code)).find((r) => r.number === number);
    if (!existing) throw new RoomError(503, 'rooms-busy', 'the room could not be opened; try again');
    return existing;
  }

  /** A seat was taken: a running room gets a claim, a full waiting room starts. */
  private async afterJoin(roomId: string): Promise<void> {
    const room = await this.load(roomId);
    await this.exclusive(room, async () => {
      room.seats = await this.rooms.seats(roomId);
      const held = new Set(room.seats.map((s) => s.capital as Capital));
      if (room.game.started) {
        for (const c of held)
          if (room.game.control[c] === 'computer' && !room.game.claims.has(c) && !room.game.over)
            await this.appendLocked(room, 'room', null, { kind: 'claim', seat: c });
      } else if (studentSeats(room.row).every((c) => held.has(c))) {
        await this.appendLocked(room, 'room', null, { kind: 'start', humans: [...held] });
      } else this.broadcast(room, { changed: 'none', resolved: null, refused: [] });
    });
  }

  // ---------------------------------------------------------------- rooms in memory

  /** The room, rebuilt from its log on first use (then kept while it has sockets). */
  load(roomId: string): Promise<Loaded> {
    let p = this.loaded.get(roomId);
    if (!p) {
      p = this.build(roomId);
      this.loaded.set(roomId, p);
      p.catch(() => this.loaded.delete(roomId));
    }
    return p;
  }

  private async build(roomId: string): Promise<Loaded> {
    const row = await this.rooms.getRoom(roomId);
    if (!row) throw new RoomError(404, 'unknown-room', 'this room no longer exists');
    const cls = await this.opts.store.getClass(row.class_code);
    if (!cls) throw new RoomError(404, 'unknown-class', `class ${row.class_code} no longer exists`);
    const known = await this.opts.catalog.find(cls.scenario_hash, this.opts.store);
    if (!known) throw new RoomError(409, 'scenario-unavailable', "the class's scenario is not available on this server");
    const rules: Rules = this.opts.catalog.rules(known, JSON.parse(row.figures) as FigureChoices);
    const game = new RoomGame(rules, row.seed, JSON.parse(row.figures) as FigureChoices, ROOM_BOT);
    const room: Loaded = {
      row,
      game,
      known,
      seats: await this.rooms.seats(roomId),
      connections: new Map(),
      remote: new Set(),
      chain: Promise.resolve(),
      finishing: null,
      outbox: null,
      noticed: new Map(),
      storedHere: false,
    };
    await this.catchUp(room);
    await this.readPresence(room);
    return room;
  }

  /** Applies log entries other servers stored since this cache's position. */
  private async catchUp(room: Loaded): Promise<Applied[]> {
    return this.applyRows(room, await this.rooms.logAfter(room.row.id, room.game.seq));
  }

  /** Applies stored log rows that follow this cache's position (the rest were applied already). */
  private applyRows(room: Loaded, rows: readonly RoomLogRow[]): Applied[] {
    const out: Applied[] = [];
    for (const r of rows) if (Number(r.seq) === room.game.seq + 1) out.push(room.game.apply(JSON.parse(r.entry) as LogEntry, room.game.seq + 1));
    forgetApplied(room);
    return out;
  }

  /**
   * Applies the entries other servers' notices brought that follow this cache's position, in
   * log order (must run inside exclusive()). A change checked after this sees the room as other
   * servers stored it, so it rarely loses its position to an entry already announced.
   */
  private applyNoticed(room: Loaded): Applied[] {
    const out: Applied[] = [];
    for (let e = room.noticed.get(room.game.seq + 1); e !== undefined; e = room.noticed.get(room.game.seq + 1)) {
      room.noticed.delete(room.game.seq + 1);
      out.push(room.game.apply(e, room.game.seq + 1));
    }
    forgetApplied(room);
    return out;
  }

  private exclusive<T>(room: Loaded, fn: () => Promise<T>): Promise<T> {
    const run = room.chain.then(fn, fn);
    room.chain = run.catch(() => {});
    return run;
  }

  /**
   * Stores an entry at the next position and applies it. Must run inside exclusive(). If another
   * server took the position, catch up and let `recheck` say whether the entry still stands.
   */
  private async appendLocked(
    room: Loaded,
    seat: string,
    clientId: string | null,
    entry: LogEntry,
    recheck: () => string | null = () => null,
  ): Promise<{ seq: number } | { error: string }> {
    for (let attempt = 0; attempt < 20; attempt++) {
      const seq = room.game.seq + 1;
      // The insert itself tells the other servers, entry included (one round trip): see RoomsStore.append.
      const r = await this.rooms.append(
        { room_id: room.row.id, seq, seat, client_id: clientId, entry: JSON.stringify(entry), created_at: this.now() },
        this.opts.fanout.payload({ k: 'log', r: room.row.id, seq, e: entry }),
      );
      if (r.kind === 'stored') {
        room.storedHere = true;
        const applied = room.game.apply(entry, seq);
        await this.afterApply(room, [applied]);
        return { seq };
      }
      // Another server stored this position first, or this very order came again (resent through
      // another server): apply the log's new entries (as the insert saw them, else read again),
      // then look for the order and check it again.
      let caught = this.applyRows(room, r.after);
      if (caught.length === 0) caught = await this.catchUp(room);
      await this.afterApply(room, caught);
      const stored = clientId === null ? undefined : room.game.seqOf(seat, clientId);
      if (stored !== undefined) return { seq: stored };
      const why = recheck();
      if (why) return { error: why };
    }
    return { error: 'the room is too busy; send the order again' };
  }

  private async afterApply(room: Loaded, applied: Applied[]): Promise<void> {
    if (applied.length === 0) return;
    const phase = room.game.over ? 'finished' : room.game.started ? 'playing' : 'waiting';
    if (phase !== room.row.phase) {
      room.row.phase = phase;
      room.row.updated_at = this.now();
      await this.rooms.updateRoom(room.row.id, { phase, updated_at: room.row.updated_at });
    }
    this.queueBroadcast(room, merged(applied));
    if (room.game.over) {
      this.flushBroadcast(room);
      void this.finish(room);
    }
  }

  /**
   * Seats hear of stored entries a moment later, in one frame each for every entry stored in
   * the meantime: the order's sender is acknowledged as soon as its entry is stored, and the
   * views (the bulk of a server's work: a view per seat, built and serialised) are built once
   * per batch instead of once per order.
   */
  private queueBroadcast(room: Loaded, applied: Applied): void {
    const waiting = room.outbox;
    room.outbox = waiting ? merged([waiting, applied]) : applied;
    if (!waiting) setTimeout(() => this.flushBroadcast(room), VIEW_BATCH_MS);
  }

  private flushBroadcast(room: Loaded): void {
    const applied = room.outbox;
    room.outbox = null;
    if (applied) this.broadcast(room, applied);
  }

  // ---------------------------------------------------------------- what seats send

  /**
   * A student's order: checked by the engine, stored, then acknowledged (with its position).
   * `turn`: the order stands only in that month (a deadline's end of turn must not end the next
   * month when another server's entries overtake it).
   */
  async order(roomId: string, seat: Capital, clientId: string, action: Order, turn?: number): Promise<{ seq: number } | { error: string }> {
    const room = await this.load(roomId);
    return this.exclusive(room, async () => {
      await this.afterApply(room, this.applyNoticed(room));
      const stored = room.game.seqOf(seat, clientId);
      if (stored !== undefined) return { seq: stored };
      const check = () => (turn !== undefined && room.game.state?.ctx.turn !== turn ? 'That month has already ended.' : room.game.check(seat, action));
      const why = check();
      if (why) return { error: why };
      const r = await this.appendLocked(room, seat, clientId, { kind: 'order', seat, id: clientId, action }, check);
      if ('error' in r) room.game.dropPreview(seat);
      return r;
    });
  }

  /** A seated student starts a waiting room: the computer plays the seats nobody holds. */
  async start(roomId: string): Promise<{ seq: number } | { error: string }> {
    const room = await this.load(roomId);
    return this.exclusive(room, async () => {
      if (room.game.started) return { seq: room.game.seq };
      room.seats = await this.rooms.seats(roomId);
      const humans = room.seats.map((s) => s.capital as Capital);
      return this.appendLocked(room, 'room', null, { kind: 'start', humans }, () => (room.game.started ? 'The game has already started.' : null));
    });
  }

  // ---------------------------------------------------------------- connections

  /** The seat a token opens, or undefined. */
  async seatOfToken(token: string): Promise<RoomSeatRow | undefined> {
    return this.rooms.seatByToken(hashKey(token));
  }

  /** A device connected to a seat: an older device on the same seat is told why and closed. */
  async attach(roomId: string, conn: SeatConnection): Promise<void> {
    const room = await this.load(roomId);
    await this.exclusive(room, async () => {
      const caught = await this.catchUp(room);
      room.seats = await this.rooms.seats(roomId);
      const old = room.connections.get(conn.seat);
      room.connections.set(conn.seat, conn);
      if (old && old.id !== conn.id) supersede(old);
      this.opts.fanout.publish({ k: 'takeover', r: roomId, seat: conn.seat, conn: conn.id });
      await this.rooms.setPresence(roomId, conn.seat, this.opts.fanout.serverId, conn.id, this.now());
      this.opts.fanout.publish({ k: 'presence', r: roomId, seat: conn.seat });
      room.remote.delete(conn.seat);
      conn.send(this.welcome(room, conn.seat));
      // The welcome holds the whole view: updates leave out what it gave, until it changes.
      const shown = room.game.viewState(conn.seat);
      this.sentReports.set(conn, shown?.reports.length ?? 0);
      if (shown) this.sentNews.set(conn, { from: shown.news, length: shown.news.length });
      else this.sentNews.delete(conn);
      if (this.hooks) conn.send(await this.hooks.seatMessages(roomId, conn.seat));
      if (room.game.over) conn.send(await this.finishedMessage(room));
      if (caught.length > 0) await this.afterApply(room, caught);
      else this.broadcast(room, { changed: 'none', resolved: null, refused: [] }, conn.seat);
    });
  }

  detach(roomId: string, conn: SeatConnection): void {
    const p = this.loaded.get(roomId);
    if (!p) return;
    void p.then(async (room) => {
      if (room.connections.get(conn.seat) !== conn) return;
      room.connections.delete(conn.seat);
      this.broadcast(room, { changed: 'none', resolved: null, refused: [] });
      // A room nobody here is connected to or watching is dropped from memory; its log keeps it.
      if (room.connections.size === 0 && !room.finishing && !this.hooks?.watching(room.row.class_code)) this.loaded.delete(roomId);
      await this.rooms.clearPresence(roomId, conn.seat, conn.id);
      this.opts.fanout.publish({ k: 'presence', r: roomId, seat: conn.seat });
    }).catch((e: unknown) => this.opts.log?.(e, 'a device leaving'));
  }

  private async onNotice(n: Notice): Promise<void> {
    if (n.k === 'presence') return this.presenceChanged(n.r, n.seat, false);
    if (n.k !== 'log' && n.k !== 'takeover' && n.k !== 'room') return;
    const p = this.loaded.get(n.r);
    if (!p) return;
    const room = await p.catch(() => null);
    if (!room) return;
    if (n.k === 'log') {
      if (n.seq <= room.game.seq) return;
      // Notices queue up behind a busy room; an order checked meanwhile applies the entries they
      // brought first. Entries are applied in log order from the notices; a gap (a notice lost,
      // or an entry too large for one) is read from the log.
      if (n.e !== undefined) room.noticed.set(n.seq, n.e);
      await this.exclusive(room, async () => {
        const applied = this.applyNoticed(room);
        if (n.seq > room.game.seq) applied.push(...(await this.catchUp(room)));
        await this.afterApply(room, applied);
      });
    } else if (n.k === 'room') {
      // A student joined on another server: names on every screen, and a waiting room's seats.
      await this.exclusive(room, async () => {
        room.seats = await this.rooms.seats(room.row.id);
        this.broadcast(room, { changed: 'none', resolved: null, refused: [] });
      });
    } else {
      const conn = room.connections.get(n.seat as Capital);
      if (conn && conn.id !== n.conn) {
        room.connections.delete(conn.seat);
        supersede(conn);
      }
    }
  }

  // ---------------------------------------------------------------- what seats receive

  summary(room: Loaded): RoomSummary {
    const g = room.game;
    const st = g.state;
    const seats: SeatStatus[] = CAPITALS.map((c) => {
      const held = room.seats.find((s) => s.capital === c);
      return {
        capital: c,
        kind: st ? g.control[c] : held ? 'human' : 'computer',
        pseudonym: held?.pseudonym ?? null,
        connected: room.connections.has(c) || room.remote.has(c),
        ended: g.ended(c),
        claimed: g.claims.has(c),
        ...(st ? {} : { awaited: !held && studentSeats(room.row).includes(c) }),
      };
    });
    return {
      id: room.row.id,
      classCode: room.row.class_code,
      number: room.row.number,
      phase: g.over ? 'finished' : st ? 'playing' : 'waiting',
      turn: st?.ctx.turn ?? 0,
      turns: g.rules.calendar.turns,
      date: st?.ctx.date ?? g.rules.calendar.start,
      seats,
      seq: g.seq,
      ...(this.hooks?.clockFields(room.row.id) ?? { deadline: null, paused: false }),
      resultId: room.row.result_id,
      updatedAt: room.row.updated_at,
    };
  }

  private welcome(room: Loaded, seat: Capital): ServerMessage {
    const held = room.seats.find((s) => s.capital === seat);
    const state = room.game.viewState(seat) ?? waitingState(room.game);
    return {
      type: 'welcome',
      v: 1,
      room: this.summary(room),
      seat,
      pseudonym: held?.pseudonym ?? '',
      rules: room.game.rules,
      scenario: { id: room.known.id, hash: room.known.hash, title: room.known.title },
      view: seatView(state, seat),
      acked: room.game.queuedIds(seat),
    };
  }

  /** Sends every connected seat what changed for it (only `only` when given). */
  private broadcast(room: Loaded, applied: Applied, only?: Capital): void {
    // Every change reaches the console, a device connecting to its seat included (who is connected).
    this.changed(room.row.id, room.storedHere);
    room.storedHere = false;
    const summary = this.summary(room);
    // What the summary shows, its log position aside: a seat whose screen would not change (another
    // seat's queued order) gets no frame at all.
    const shown = JSON.stringify({ ...summary, seq: 0 });
    for (const [seat, conn] of room.connections) {
      if (only && seat !== only) continue;
      const refused = applied.refused.filter((r) => r.seat === seat).map((r) => ({ id: r.id, message: r.message }));
      // The game's end comes as `finished`, with the whole record: no view of the last state.
      const withView = !room.game.over && (applied.changed === 'all' || applied.changed === seat);
      if (!withView && refused.length === 0 && applied.resolved === null && this.sentSummary.get(conn) === shown) continue;
      this.sentSummary.set(conn, shown);
      const state = withView ? room.game.viewState(seat) : null;
      const fresh = state !== null && this.sentReports.get(conn) !== state.reports.length;
      if (state) this.sentReports.set(conn, state.reports.length);
      conn.send({
        type: 'update',
        room: summary,
        ...(state ? { view: seatViewPatch(state, seat, fresh, this.newsChanged(conn, state)) } : {}),
        resolved: applied.resolved,
        ...(refused.length > 0 ? { refused } : {}),
      });
    }
  }

  /**
   * Whether the device's news is out of date (then it is taken as sent). Most orders change a
   * few figures, not the news, which is half of a view's bytes.
   */
  private newsChanged(conn: SeatConnection, state: GameState): boolean {
    const had = this.sentNews.get(conn);
    if (had?.from === state.news && had.length === state.news.length) return false;
    this.sentNews.set(conn, { from: state.news, length: state.news.length });
    return true;
  }

  // ---------------------------------------------------------------- the end

  /** Verifies the finished room's record (off the main thread when a pool runs) and files it. */
  private finish(room: Loaded): Promise<void> {
    if (!room.finishing)
      room.finishing = (async () => {
        try {
          if (!room.row.result_id) {
            const record = room.game.record();
            const classCode = room.row.class_code;
            const { scenario: _parsed, ...scenario } = room.known;
            const task: VerifyTask = {
              record,
              scenario,
              classCode,
              pseudonym: playersLine(room),
              id: newResultId(),
              now: this.now(),
              dedupKey: dedupKey(record, classCode),
            };
            const answer = this.opts.pool ? await this.opts.pool.run(task) : runVerifyTask(task, this.opts.catalog, room.known);
            if (!answer.ok) throw new Error(`the room's record did not verify: ${answer.error.message}`);
            const { row } = await this.opts.store.insertResult(answer.row, this.opts.catalog.rowToStore(room.known, task.now));
            room.row.result_id = row.id;
            room.row.phase = 'finished';
            await this.rooms.updateRoom(room.row.id, { result_id: row.id, phase: 'finished', updated_at: this.now() });
          }
          const msg = await this.finishedMessage(room);
          for (const conn of room.connections.values()) conn.send(msg);
          await this.hooks?.reveal(room.row.id);
        } catch (e) {
          this.opts.log?.(e, 'finishing a room');
          room.finishing = null;
        }
      })();
    return room.finishing;
  }

  private async finishedMessage(room: Loaded): Promise<ServerMessage> {
    return {
      type: 'finished',
      room: this.summary(room),
      record: room.game.record(),
      resultId: room.row.result_id,
      resultUrl: room.row.result_id ? `/results?id=${room.row.result_id}` : null,
    };
  }

  /** Summaries of a class's rooms (the teacher's list and console). */
  async classRooms(code: string): Promise<RoomSummary[]> {
    const rows = await this.rooms.listRooms(code);
    const out: RoomSummary[] = [];
    for (const r of rows) out.push(this.summary(await this.load(r.id)));
    return out;
  }

  // ---------------------------------------------------------------- the console's host

  async classRoomIds(code: string): Promise<string[]> {
    return (await this.rooms.listRooms(code)).map((r) => r.id);
  }

  async hostRoom(roomId: string): Promise<HostRoom> {
    const room = await this.load(roomId);
    return { id: roomId, classCode: room.row.class_code, summary: this.summary(room), state: room.game.state, rules: room.game.rules };
  }

  /** The teacher's inject, checked by the engine, then stored and applied like any entry. */
  async inject(roomId: string, action: InjectAction): Promise<{ seq: number } | { error: string }> {
    const room = await this.load(roomId);
    return this.exclusive(room, async () => {
      const check = () => {
        const st = room.game.state;
        if (!st) return 'the room has not started';
        const r = applyAction(st, action);
        return r.ok ? null : r.error.message;
      };
      const why = check();
      if (why) return { error: why };
      return this.appendLocked(room, 'teacher', null, { kind: 'teacher', action }, check);
    });
  }

  /**
   * Ends month `turn` for every student seat that has not, with the orders it gave. Each end is
   * stored under the client id `clock-<turn>-<seat>` and only while that month runs, so however
   * many servers try, each seat's month is ended once.
   */
  async endTurn(roomId: string, turn: number): Promise<void> {
    const room = await this.load(roomId);
    await this.exclusive(room, async () => this.afterApply(room, await this.catchUp(room)));
    for (const seat of room.game.rules.order) {
      if (room.game.over || room.game.state?.ctx.turn !== turn) return;
      if (room.game.control[seat] !== 'human' || room.game.ended(seat)) continue;
      await this.order(roomId, seat, `clock-${turn}-${seat}`, { type: 'endTurn', seat }, turn);
    }
  }

  sendToSeats(roomId: string, seats: readonly Capital[], message: ServerMessage | SeatExtraMessage): void {
    const p = this.loaded.get(roomId);
    if (!p) return;
    void p.then((room) => {
      for (const seat of seats) room.connections.get(seat)?.send(message);
    });
  }

  /** Why a student's order must wait now (the teacher paused the room), or null. */
  orderRefusal(roomId: string): string | null {
    return this.hooks?.orderRefusal(roomId) ?? null;
  }

  /** Waits for rooms being filed as results (tests and shutdown). */
  async settle(): Promise<void> {
    for (const p of [...this.loaded.values()]) {
      const room = await p.catch(() => null);
      if (room?.finishing) await room.finishing;
    }
  }
}

/** Drops noticed entries at or before the room's position (applied from the log or a notice). */
function forgetApplied(room: Loaded): void {
  for (const seq of room.noticed.keys()) if (seq <= room.game.seq) room.noticed.delete(seq);
}

function supersede(conn: SeatConnection): void {
  const message = 'This seat was opened on another tab or device, so this one stopped. Close it, or reload it to take the seat back.';
  conn.send({ type: 'superseded', message });
  conn.close(4001, 'seat opened elsewhere');
}

/** The seats students play in a room: all three, or all but the computer's in rooms of two. */
function studentSeats(room: RoomRow): Capital[] {
  return CAPITALS.filter((c) => room.size === 3 || c !== room.computer_seat);
}

function reservedByName(s: RoomSettings, room: RoomRow, seat: Capital): boolean {
  return s.fill === 'names' && s.assignments.some((a) => a.room === room.number && a.seat === seat);
}

function sameName(a: string, b: string): boolean {
  return a.trim().toLocaleLowerCase() === b.trim().toLocaleLowerCase();
}

function settingsOf(row: ClassRoomsRow): RoomSettings {
  return {
    size: row.size === 2 ? 2 : 3,
    fill: row.fill === 'names' ? 'names' : 'order',
    computerSeat: (CAPITALS as readonly string[]).includes(row.computer_seat) ? (row.computer_seat as Capital) : 'kyiv',
    assignments: JSON.parse(row.assignments) as RoomSettings['assignments'],
  };
}

/** The class board's name for a room's result: each seat's player, and who was the computer. */
function playersLine(room: Loaded): string {
  return CAPITALS.map((c) => {
    const held = room.seats.find((s) => s.capital === c);
    const who = room.game.everHuman.has(c) && held ? held.pseudonym : 'computer';
    return `${who} (${room.game.rules.capitals[c].name})`;
  }).join(', ');
}

/** Before the room starts, every seat sees the opening position. */
function waitingState(game: RoomGame): GameState {
  return createGame(game.rules, { seed: game.seed, figureChoices: game.figureChoices });
}
