/**
 * Two app servers on one PostgreSQL database (the same schema), as behind a round-robin
 * balancer: one room whose seats sit on both servers, and the teacher's console on the first.
 * Everything a room or console shows must cross between them through the database's fan-out
 * (LISTEN/NOTIFY), not only stored orders: messages, hides and mutes, the turn clock, who is
 * connected, new rooms. Skipped without DATABASE_URL_TEST (CI sets it).
 */
import { sql } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Capital } from '../../src/engine';
import type { ConsoleRoom } from '../../src/rooms/console-view';
import type { RoomMessage } from '../../src/rooms/messages';
import { joinSeats } from '../../src/session/room-bots';
import { ClockStore } from '../../src/server/console/clock-store';
import { newClock, startTurn } from '../../src/rooms/turn-clock';
import { PG_URL, startTestServer, type TestServer } from '../server/helpers';
import { after, consoleRoom, consoleSees, newClass, rawSeat, until } from './helpers';

type Raw = Awaited<ReturnType<typeof rawSeat>>;
type Frame = Record<string, unknown>;

if (!PG_URL) console.warn('DATABASE_URL_TEST is not set: the two-app-server rooms tests are skipped');

/** Which server each seat's device talks to: Pyongyang and Kyiv on B, Moscow on A. */
const ON_B: readonly Capital[] = ['pyongyang', 'kyiv'];

let a: TestServer;
let b: TestServer;
let cls: { code: string; key: string };
let sockets: Record<Capital, Raw>;
let teacher: Raw;
let roomId: string;
let tokens: Record<Capital, string>;
let counter = 0;

function answer(s: Raw, id: string, what: string): Promise<Frame> {
  return until(s, (f) => (f['type'] === 'ack' || f['type'] === 'error') && f['id'] === id, what);
}

function command(room: string, cmd: Record<string, unknown>): Promise<Frame> {
  const id = `cmd${++counter}`;
  const view = after(teacher);
  teacher.send({ type: 'console', id, room, command: cmd });
  return answer(view, id, `answer to ${JSON.stringify(cmd)}`);
}

function say(from: Capital, to: Capital[], text: string): Promise<Frame> {
  const id = `m${++counter}`;
  const view = after(sockets[from]);
  sockets[from].send({ type: 'message', id, to, text });
  return answer(view, id, 'message answer');
}

function order(seat: Capital, action: Record<string, unknown>): Promise<Frame> {
  const id = `o${++counter}`;
  const view = after(sockets[seat]);
  sockets[seat].send({ type: 'order', id, action: { seat, ...action } });
  return answer(view, id, 'order answer');
}

const consoleSeesRoom = (pred: (r: ConsoleRoom) => boolean, what: string): Promise<ConsoleRoom> =>
  consoleSees(teacher, roomId, pred, what);

const turnOf = (f: Frame) => ((f['room'] as { turn?: number } | undefined)?.turn ?? 0);

describe.runIf(PG_URL)('two app servers on one PostgreSQL', () => {
  beforeAll(async () => {
    a = await startTestServer('postgres', { minTurnSeconds: 1 });
    b = await startTestServer('postgres', { minTurnSeconds: 1, sameDatabaseAs: a });
    cls = await newClass(a.url);
    const set = await fetch(`${a.url}/api/classes/${cls.code}/rooms/settings`, {
      method: 'PUT',
      headers: { 'content-type': 'application/json', 'x-moderation-key': cls.key },
      body: JSON.stringify({ size: 3, fill: 'order' }),
    });
    expect(set.status).toBe(200);
    // The console opens on A before the class has a room: the room is opened on B.
    teacher = await rawSeat(a.url, '');
    teacher.send({ type: 'hello', v: 1, role: 'console', classCode: cls.code, moderationKey: cls.key });
    await until(teacher, (f) => f['type'] === 'console', 'the console frame');
    const joined = await joinSeats(b.url, cls.code, 3, 'Student');
    roomId = joined[0]!.roomId;
    tokens = Object.fromEntries(joined.map((s) => [s.seat, s.token])) as Record<Capital, string>;
    sockets = {} as Record<Capital, Raw>;
    for (const s of joined) {
      sockets[s.seat] = await rawSeat(ON_B.includes(s.seat) ? b.url : a.url, s.token);
      await sockets[s.seat].next('welcome');
    }
  }, 60_000);

  afterAll(async () => {
    for (const s of Object.values(sockets ?? {})) s.ws.close();
    teacher?.ws.close();
    await b?.close();
    await a?.close();
  });

  it("the console on A shows a room opened and played on B, with every seat's connection", async () => {
    await consoleSeesRoom((r) => r.summary.phase === 'playing' && r.summary.seats.every((s) => s.connected), 'the room playing, every seat connected');
    // Kyiv (on B) ends its month: the console on A sees it.
    expect((await order('kyiv', { type: 'endTurn' }))['type']).toBe('ack');
    await consoleSeesRoom((r) => r.summary.seats.find((s) => s.capital === 'kyiv')!.ended, "Kyiv's ended month");
    // Moscow (on A) sees B's seat leave and come back.
    const moscowView = after(sockets.moscow);
    sockets.pyongyang.ws.close();
    const seatOf = (f: Frame, c: Capital) => ((f['room'] as { seats: { capital: Capital; connected: boolean }[] }).seats.find((s) => s.capital === c)!);
    await until(moscowView, (f) => f['type'] === 'update' && !seatOf(f, 'pyongyang').connected, "Pyongyang's device gone, seen on A");
    await consoleSeesRoom((r) => !r.summary.seats.find((s) => s.capital === 'pyongyang')!.connected, "Pyongyang's device gone");
    // It comes back through B: A's console and A's seat see it connected again.
    sockets.pyongyang = await rawSeat(b.url, tokens.pyongyang);
    await sockets.pyongyang.next('welcome');
    await consoleSeesRoom((r) => r.summary.seats.every((s) => s.connected), "Pyongyang's device back");
  });

  it('the console on A follows a second room that lives wholly on B', async () => {
    const joined = await joinSeats(b.url, cls.code, 3, 'Second');
    const second = joined[0]!.roomId;
    expect(second).not.toBe(roomId);
    const seats: Raw[] = [];
    for (const s of joined) {
      const raw = await rawSeat(b.url, s.token);
      await raw.next('welcome');
      seats.push(raw);
    }
    const seen = (pred: (r: ConsoleRoom) => boolean) => () => {
      const room = consoleRoom(teacher, second);
      return room !== null && pred(room);
    };
    await expect.poll(seen((r) => r.summary.phase === 'playing' && r.summary.seats.every((s) => s.connected)), { timeout: 8000 }).toBe(true);
    const kyiv = joined.findIndex((s) => s.seat === 'kyiv');
    seats[kyiv]!.send({ type: 'order', id: 'second-end', action: { type: 'endTurn', seat: 'kyiv' } });
    await expect.poll(seen((r) => r.summary.seats.find((s) => s.capital === 'kyiv')!.ended), { timeout: 8000 }).toBe(true);
    for (const s of seats) s.ws.close();
    await expect.poll(seen((r) => r.summary.seats.every((s) => !s.connected)), { timeout: 8000 }).toBe(true);
  });

  it("a message from a seat on A reaches its addressee on B (and no one else); hide and mute from A's console reach B", async () => {
    const kyivView = after(sockets.kyiv);
    expect((await say('moscow', ['pyongyang'], 'Shells for oil, quietly.'))['type']).toBe('ack');
    const got = await until(sockets.pyongyang, (f) => f['type'] === 'message', 'the message at Pyongyang on B');
    expect((got['message'] as RoomMessage).text).toBe('Shells for oil, quietly.');
    const room = await consoleSeesRoom((r) => r.messages.some((m) => m.text === 'Shells for oil, quietly.'), 'the message');
    await new Promise((r) => setTimeout(r, 200));
    expect(kyivView.frames.join('\n')).not.toContain('Shells for oil');
    // And the other way: Kyiv on B to Moscow on A.
    expect((await say('kyiv', ['moscow'], 'We hold Kursk.'))['type']).toBe('ack');
    await until(sockets.moscow, (f) => f['type'] === 'message' && (f['message'] as RoomMessage).text === 'We hold Kursk.', 'the message at Moscow on A');

    const target = room.messages.find((m) => m.text === 'Shells for oil, quietly.')!;
    const pyView = after(sockets.pyongyang);
    expect((await command(roomId, { kind: 'hide', message: target.id, hidden: true }))['type']).toBe('ack');
    const list = await until(pyView, (f) => f['type'] === 'messages', 'the archive without the hidden message, on B');
    expect((list['messages'] as RoomMessage[]).map((m) => m.text)).not.toContain('Shells for oil, quietly.');

    const kyView = after(sockets.kyiv);
    expect((await command(roomId, { kind: 'mute', seat: 'kyiv', muted: true }))['type']).toBe('ack');
    expect((await until(kyView, (f) => f['type'] === 'messages', 'the muted notice on B'))['muted']).toBe(true);
    // B refuses the muted seat's message: it read the mute from the database.
    expect((await say('kyiv', ['moscow'], 'let me speak'))['code']).toBe('muted');
    const unmuted = after(sockets.kyiv);
    await command(roomId, { kind: 'mute', seat: 'kyiv', muted: false });
    await until(unmuted, (f) => f['type'] === 'messages' && f['muted'] === false, 'unmuted on B');
    expect((await say('kyiv', ['moscow'], 'thank you'))['type']).toBe('ack');
  });

  it("a pause from the console on A stops the clock and holds orders for a seat on B; resume gives it back", async () => {
    expect((await command('all', { kind: 'deadline', seconds: 600 }))['type']).toBe('ack');
    const pyView = after(sockets.pyongyang);
    expect((await command('all', { kind: 'pause' }))['type']).toBe('ack');
    const paused = await until(pyView, (f) => f['type'] === 'clock' && f['paused'] === true, 'the paused clock on B');
    expect(paused['deadline']).toBeNull();
    const refused = await order('pyongyang', { type: 'setTraining', months: 1 });
    expect(refused['code']).toBe('paused');
    const resumeView = after(sockets.pyongyang);
    expect((await command('all', { kind: 'resume' }))['type']).toBe('ack');
    const resumed = await until(resumeView, (f) => f['type'] === 'clock' && f['paused'] === false, 'the resumed clock on B');
    expect(resumed['deadline'] as number).toBeGreaterThan(Date.now() + 590_000);
    expect((await order('pyongyang', { type: 'setTraining', months: 1 }))['type']).toBe('ack');
  });

  it('a deadline passing ends the turn once, not twice, with two servers timing the room', async () => {
    const views = { py: after(sockets.pyongyang), mo: after(sockets.moscow) };
    const turn = (await consoleSeesRoom((r) => r.summary.phase === 'playing', 'playing')).summary.turn;
    // Kyiv has ended this month; Pyongyang and Moscow have not. Two seconds for the month.
    expect((await command('all', { kind: 'deadline', seconds: 2 }))['type']).toBe('ack');
    await until(views.py, (f) => f['type'] === 'update' && turnOf(f) === turn + 1, 'the next month on B', 8000);
    await until(views.mo, (f) => f['type'] === 'update' && turnOf(f) === turn + 1, 'the next month on A', 8000);
    // The next month has just begun: nobody may have ended it (a stale server's second firing would).
    const entries = await a.db.kysely.selectFrom('room_log').select(['seat', 'client_id']).where('room_id', '=', roomId).execute();
    const clockEnds = entries.filter((e) => e.client_id?.startsWith('clock-')).map((e) => e.client_id).sort();
    expect(clockEnds).toEqual([`clock-${turn}-moscow`, `clock-${turn}-pyongyang`]);
    // The stored clock moves to the new month just after the devices hear of it.
    const stored = () => a.db.kysely.selectFrom('room_clocks').select(['turn', 'fired_turn']).where('room_id', '=', roomId).executeTakeFirstOrThrow();
    await expect.poll(async () => Number((await stored()).turn), { timeout: 5000 }).toBe(turn + 1);
    expect(Number((await stored()).fired_turn)).toBe(turn);
    // A server that comes late to the old month (its own deadline check, a retried claim) ends nothing.
    await Promise.all([a.app.rooms.endTurn(roomId, turn), b.app.rooms.endTurn(roomId, turn)]);
    const again = await a.db.kysely.selectFrom('room_log').select('seq').where('room_id', '=', roomId).execute();
    expect(again.length).toBe(entries.length);
    expect((await command('all', { kind: 'deadline', seconds: null }))['type']).toBe('ack');
    const room = await consoleSeesRoom((r) => r.summary.turn === turn + 1 && r.summary.deadline === null, 'the next month without a deadline');
    expect(room.summary.seats.filter((s) => s.ended)).toEqual([]);
  });

  it('when both servers find a deadline passed at once, the database gives the turn to exactly one', async () => {
    const stores = [new ClockStore(a.db.kysely), new ClockStore(b.db.kysely)];
    const t0 = Date.now();
    const timing = { turn: 4, startedAt: t0 - 5000, clock: startTurn(newClock(1000), t0 - 5000), ended: {} };
    for (let round = 0; round < 5; round++) {
      const room = `race-room-${round}`;
      await stores[0]!.putRoom(room, cls.code, timing, t0);
      const claims = await Promise.all([0, 1, 0, 1].map((i) => stores[i]!.claimDue(room, 4, t0, () => true)));
      expect(claims.filter((c) => c.claimed)).toHaveLength(1);
      // Another turn, or a clock not due, is never claimed.
      expect((await stores[1]!.claimDue(room, 5, t0, () => true)).claimed).toBe(false);
    }
    const fresh = 'race-room-fresh';
    await stores[0]!.putRoom(fresh, cls.code, timing, t0);
    expect((await stores[0]!.claimDue(fresh, 4, t0, () => false)).claimed).toBe(false);
  });
  it("B's listening connection drops: a message and a mute from A meanwhile reach B's devices once it listens again", async () => {
    const cut = await sql<{ ok: boolean }>`SELECT pg_terminate_backend(pid) AS ok FROM pg_stat_activity WHERE application_name = ${`tc-rooms-${b.roomsServerId}`}`.execute(a.store.kysely);
    expect(cut.rows).toHaveLength(1);
    const pyView = after(sockets.pyongyang);
    const kyView = after(sockets.kyiv);
    // Sent while B does not listen: the notices are lost; B reads the database again when it is back.
    expect((await say('moscow', ['pyongyang'], 'Did you hear this?'))['type']).toBe('ack');
    expect((await command(roomId, { kind: 'mute', seat: 'kyiv', muted: true }))['type']).toBe('ack');
    const heard = await until(pyView, (f) => f['type'] === 'messages' && (f['messages'] as RoomMessage[]).some((m) => m.text === 'Did you hear this?'), 'the message at Pyongyang on B');
    expect(heard['type']).toBe('messages');
    await until(kyView, (f) => f['type'] === 'messages' && f['muted'] === true, 'the mute at Kyiv on B');
    expect((await say('kyiv', ['moscow'], 'still here'))['code']).toBe('muted');
    await command(roomId, { kind: 'mute', seat: 'kyiv', muted: false });
  });
});
