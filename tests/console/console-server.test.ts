/**
 * The teacher's console against the real server (HTTP and WebSocket, SQLite): a class with one
 * room of three students on raw sockets that record every frame, and a console connection.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { replay, type Capital, type GameRecord } from '../../src/engine';
import type { ConsoleRoom } from '../../src/rooms/console-view';
import type { RoomMessage } from '../../src/rooms/messages';
import { joinSeats } from '../../src/session/room-bots';
import { builtInRules } from '../helpers/rules';
import { startTestServer, type TestServer } from '../server/helpers';
import { after, consoleSees, newClass, rawSeat, until } from '../rooms/helpers';

type Raw = Awaited<ReturnType<typeof rawSeat>>;
type Frame = Record<string, unknown>;

let server: TestServer;
let cls: { code: string; key: string };
let sockets: Record<Capital, Raw>;
let teacher: Raw;
let roomId: string;

async function openConsole(key: string): Promise<Raw> {
  const c = await rawSeat(server.url, '');
  c.send({ type: 'hello', v: 1, role: 'console', classCode: cls.code, moderationKey: key });
  return c;
}

let counter = 0;
function command(room: string, cmd: Record<string, unknown>): Promise<Frame> {
  const id = `cmd${++counter}`;
  const view = after(teacher);
  teacher.send({ type: 'console', id, room, command: cmd });
  return until(view, (f) => (f['type'] === 'ack' || f['type'] === 'error') && f['id'] === id, `answer to ${JSON.stringify(cmd)}`);
}

async function say(from: Capital, to: Capital[], text: string, offerId?: number): Promise<Frame> {
  const id = `m${++counter}`;
  const view = after(sockets[from]);
  sockets[from].send({ type: 'message', id, to, text, ...(offerId !== undefined ? { offerId } : {}) });
  return until(view, (f) => (f['type'] === 'ack' || f['type'] === 'error') && f['id'] === id, 'message answer');
}

async function order(seat: Capital, action: Record<string, unknown>): Promise<Frame> {
  const id = `o${++counter}`;
  const view = after(sockets[seat]);
  sockets[seat].send({ type: 'order', id, action: { seat, ...action } });
  return until(view, (f) => (f['type'] === 'ack' || f['type'] === 'error') && f['id'] === id, 'order answer');
}

const consoleSeesRoom = (pred: (r: ConsoleRoom) => boolean, what: string): Promise<ConsoleRoom> =>
  consoleSees(teacher, roomId, pred, what);

const turnOf = (f: Frame) => ((f['room'] as { turn?: number } | undefined)?.turn ?? 0);

beforeAll(async () => {
  server = await startTestServer('sqlite', { minTurnSeconds: 1 });
  cls = await newClass(server.url);
  const joined = await joinSeats(server.url, cls.code, 3, 'Student');
  roomId = joined[0]!.roomId;
  sockets = {} as Record<Capital, Raw>;
  for (const s of joined) {
    sockets[s.seat] = await rawSeat(server.url, s.token);
    await sockets[s.seat].next('welcome');
  }
  teacher = await openConsole(cls.key);
  await until(teacher, (f) => f['type'] === 'console', 'the console frame');
}, 60_000);

afterAll(async () => {
  for (const s of Object.values(sockets ?? {})) s.ws.close();
  teacher?.ws.close();
  await server?.close();
});

describe("the teacher's console on the rooms server", () => {
  it('refuses a wrong moderation key and closes the connection', async () => {
    const bad = await openConsole('x'.repeat(24));
    const err = await bad.next('error');
    expect(err['code']).toBe('moderation-key-invalid');
    expect((await bad.closed).code).toBe(4003);
  });

  it('shows every room live: seats, students, turn, scores, human cost and the events still to come, in words', async () => {
    const room = await consoleSeesRoom((r) => r.summary.phase === 'playing', 'a playing room');
    expect(room.summary.turn).toBe(1);
    expect(room.summary.seats.map((s) => [s.capital, s.kind, s.connected])).toEqual([
      ['pyongyang', 'human', true],
      ['moscow', 'human', true],
      ['kyiv', 'human', true],
    ]);
    expect(room.summary.seats.map((s) => s.pseudonym).sort()).toEqual(['Student 1', 'Student 2', 'Student 3']);
    expect(room.scores.moscow).toBeGreaterThan(0);
    const n = expect.any(Number);
    expect(room.humanCost).toEqual({ sent: n, killed: 0, wounded: 0, captured: 0, familiesAtRisk: 0, russianKilled: 0, ukrainianKilled: 0 });
    const titles = room.injectable.map((e) => e.title);
    expect(titles).toContain('Soldiers for nuclear technology?');
    expect(titles).not.toContain('Intelligence services report North Korean soldiers in Russia');
  });

  it('messages reach only their addressees during the game; the console reads them all', async () => {
    const kyivView = after(sockets.kyiv);
    const ok = await say('pyongyang', ['moscow'], 'Shells for oil — and <b>quietly</b>.');
    expect(ok['type']).toBe('ack');
    const got = await until(sockets.moscow, (f) => f['type'] === 'message', 'the message at Moscow');
    expect((got['message'] as RoomMessage).text).toBe('Shells for oil — and <b>quietly</b>.');
    expect((got['message'] as RoomMessage).from).toBe('pyongyang');
    await consoleSeesRoom((r) => r.messages.some((m) => m.text.startsWith('Shells for oil')), 'the message');
    // Kyiv hears nothing of it: no frame carries its text.
    await new Promise((r) => setTimeout(r, 200));
    expect(kyivView.frames.join('\n')).not.toContain('Shells for oil');
    const both = await say('kyiv', ['pyongyang', 'moscow'], 'We hold Kursk.');
    expect(both['type']).toBe('ack');
    await until(sockets.pyongyang, (f) => f['type'] === 'message' && (f['message'] as RoomMessage).text === 'We hold Kursk.', 'Kyiv to both at Pyongyang');
    await until(sockets.moscow, (f) => f['type'] === 'message' && (f['message'] as RoomMessage).text === 'We hold Kursk.', 'Kyiv to both at Moscow');
  });

  it('a message resent under the same id after a reconnect is stored once', async () => {
    const id = `again${++counter}`;
    const view = after(sockets.moscow);
    for (let i = 0; i < 2; i++) {
      const answers = after(sockets.pyongyang);
      sockets.pyongyang.send({ type: 'message', id, to: ['moscow'], text: 'only once, please' });
      await until(answers, (f) => f['type'] === 'ack' && f['id'] === id, 'ack');
    }
    await new Promise((r) => setTimeout(r, 300));
    expect(view.frames.filter((f) => f.includes('only once, please'))).toHaveLength(1);
  });

  it('refuses a message to oneself, a disguised one, one tied to a stranger offer, and a flood', async () => {
    expect((await say('moscow', ['moscow'], 'hi'))['code']).toBe('bad-addressee');
    expect((await say('moscow', ['kyiv'], 'a\u202Eb'))['code']).toBe('bad-text');
    expect((await say('moscow', ['kyiv'], 'about this', 999))['code']).toBe('unknown-offer');
    const answers: unknown[] = [];
    for (let i = 0; i < 8; i++) answers.push((await say('moscow', ['pyongyang'], `note ${i}`))['code'] ?? 'ok');
    expect(answers).toContain('rate-limited');
    expect(answers.slice(0, 5)).toEqual(['ok', 'ok', 'ok', 'ok', 'ok']);
  });

  it('the teacher hides a message (kept, marked) and mutes a seat', async () => {
    const room = await consoleSeesRoom((r) => r.messages.length >= 2, 'messages');
    const target = room.messages.find((m) => m.text === 'We hold Kursk.')!;
    const pyView = after(sockets.pyongyang);
    expect((await command(roomId, { kind: 'hide', message: target.id, hidden: true }))['type']).toBe('ack');
    const list = await until(pyView, (f) => f['type'] === 'messages', 'the refreshed archive');
    expect((list['messages'] as RoomMessage[]).map((m) => m.text)).not.toContain('We hold Kursk.');
    const shown = await consoleSeesRoom((r) => r.messages.some((m) => m.id === target.id && m.hidden), 'the hidden mark');
    expect(shown.messages.find((m) => m.id === target.id)?.text).toBe('We hold Kursk.');

    const kyView = after(sockets.kyiv);
    expect((await command(roomId, { kind: 'mute', seat: 'kyiv', muted: true }))['type']).toBe('ack');
    expect((await until(kyView, (f) => f['type'] === 'messages', 'muted notice'))['muted']).toBe(true);
    expect((await say('kyiv', ['moscow'], 'let me speak'))['code']).toBe('muted');
    await command(roomId, { kind: 'mute', seat: 'kyiv', muted: false });
    expect((await say('kyiv', ['moscow'], 'thank you'))['type']).toBe('ack');
    // Hide and mute name one room; a message of another class is not found.
    expect((await command('all', { kind: 'mute', seat: 'kyiv', muted: true }))['type']).toBe('error');
    expect((await command(roomId, { kind: 'hide', message: 'nosuchmessage1', hidden: true }))['type']).toBe('error');
  });

  it('a deadline ends the turn of seats that have not, with the orders they gave', async () => {
    expect((await order('pyongyang', { type: 'setTraining', months: 1 }))['type']).toBe('ack');
    expect((await order('moscow', { type: 'endTurn' }))['type']).toBe('ack');
    expect((await command('all', { kind: 'deadline', seconds: 0 }))['type']).toBe('error');
    const views = { py: after(sockets.pyongyang), ky: after(sockets.kyiv) };
    expect((await command('all', { kind: 'deadline', seconds: 1 }))['type']).toBe('ack');
    const clock = await until(views.ky, (f) => f['type'] === 'clock', 'the countdown');
    expect(clock['deadline']).toBeGreaterThan(Date.now() - 500);
    expect(clock['paused']).toBe(false);
    const next = await until(views.py, (f) => f['type'] === 'update' && turnOf(f) === 2, 'turn 2 after the deadline', 6000);
    expect((next['room'] as { deadline: number | null }).deadline).not.toBeNull();
    const room = await consoleSeesRoom((r) => r.summary.turn === 2, 'turn 2');
    expect(room.clock.turnMs).toBe(1000);
  });

  it('pause stops the clock and holds orders; resume gives the time back', async () => {
    expect((await command('all', { kind: 'deadline', seconds: 600 }))['type']).toBe('ack');
    const ky = after(sockets.kyiv);
    expect((await command('all', { kind: 'pause' }))['type']).toBe('ack');
    expect((await until(ky, (f) => f['type'] === 'clock', 'paused clock'))['paused']).toBe(true);
    const held = await order('kyiv', { type: 'setTargeting', on: true });
    expect(held['type']).toBe('error');
    expect(String(held['message'])).toMatch(/paused/);
    const paused = await consoleSeesRoom((r) => r.summary.paused, 'paused');
    expect(paused.clock.left).toBeGreaterThan(590_000);
    expect((await command('all', { kind: 'resume' }))['type']).toBe('ack');
    expect((await order('kyiv', { type: 'setTargeting', on: true }))['type']).toBe('ack');
    const resumed = await consoleSeesRoom((r) => !r.summary.paused, 'resumed');
    expect(resumed.summary.deadline! - Date.now()).toBeGreaterThan(580_000);
  });

  it('an injected event reaches every seat as news and moves the game; plain news too', async () => {
    const py = after(sockets.pyongyang);
    expect((await command('all', { kind: 'inject', event: 'nuclear-claim' }))['type']).toBe('ack');
    const upd = await until(py, (f) => f['type'] === 'update' && JSON.stringify(f['view'] ?? '').includes('Soldiers for nuclear technology?'), 'the injected event');
    const news = (upd['view'] as { news: { title: string; injected?: boolean }[] }).news;
    expect(news.find((n) => n.title === 'Soldiers for nuclear technology?')?.injected).toBe(true);
    await consoleSeesRoom((r) => !r.injectable.some((e) => e.id === 'nuclear-claim'), 'the event gone from the picker');
    expect((await command('all', { kind: 'inject', event: 'nuclear-claim' }))['type']).toBe('error');
    expect((await command('all', { kind: 'inject', event: 'no-such-event' }))['type']).toBe('error');
    const ky = after(sockets.kyiv);
    expect((await command(roomId, { kind: 'news', title: 'The Security Council meets', text: 'A vote is expected.' }))['type']).toBe('ack');
    await until(ky, (f) => f['type'] === 'update' && JSON.stringify(f['view'] ?? '').includes('The Security Council meets'), 'plain news');
    expect((await command(roomId, { kind: 'news', title: '   ', text: '' }))['type']).toBe('error');
  });

  it('end now, turn after turn, to the debrief: the whole room reads every message but the hidden one, and the record verifies', async () => {
    for (let turn = 2; turn <= 12; turn++) {
      const py = after(sockets.pyongyang);
      expect((await command(roomId, { kind: 'endTurn' }))['type']).toBe('ack');
      await until(py, (f) => (f['type'] === 'update' && turnOf(f) === turn + 1) || f['type'] === 'finished', `turn ${turn} ended`);
    }
    const done = await until(sockets.kyiv, (f) => f['type'] === 'finished' && typeof f['resultId'] === 'string', 'the finished room');
    const record = done['record'] as GameRecord;
    expect(record.actions.filter((a) => a.type === 'inject')).toHaveLength(2);
    // Pyongyang's order given before the first deadline counts: the deadline kept it.
    const firstEnd = record.actions.findIndex((a) => a.type === 'endTurn' && a.seat === 'pyongyang');
    expect(record.actions.slice(0, firstEnd)).toContainEqual({ type: 'setTraining', seat: 'pyongyang', months: 1 });
    expect(replay(record, builtInRules()).ok).toBe(true);
    const reveal = await until(sockets.kyiv, (f) => f['type'] === 'messages' && (f['messages'] as RoomMessage[]).some((m) => m.text.startsWith('Shells for oil')), 'the revealed archive');
    const texts = (reveal['messages'] as RoomMessage[]).map((m) => m.text);
    expect(texts).not.toContain('We hold Kursk.');
    expect(texts).toContain('thank you');
    const finished = await consoleSeesRoom((r) => r.summary.phase === 'finished' && r.summary.resultId !== null, 'the finished room');
    // The replay viewer of the room's result shows the same archive, the hidden message left out.
    const res = await fetch(`${server.url}/api/results/${finished.summary.resultId}/messages`);
    const archive = ((await res.json()) as { messages: RoomMessage[] }).messages.map((m) => m.text);
    expect(archive).toContain('Shells for oil — and <b>quietly</b>.');
    expect(archive).not.toContain('We hold Kursk.');
    expect((await fetch(`${server.url}/api/results/not%20an%20id/messages`)).status).toBe(400);
    expect(((await (await fetch(`${server.url}/api/results/abcdefghijkl/messages`)).json()) as { messages: unknown[] }).messages).toEqual([]);
  });

  it("exports the class's messages as CSV behind the moderation key", async () => {
    const url = `${server.url}/api/classes/${cls.code}/messages.csv`;
    expect((await fetch(url)).status).toBe(401);
    expect((await fetch(url, { headers: { 'X-Moderation-Key': 'y'.repeat(24) } })).status).toBe(403);
    const res = await fetch(url, { headers: { 'X-Moderation-Key': cls.key } });
    expect(res.status).toBe(200);
    const csv = await res.text();
    const lines = csv.trim().split('\r\n');
    expect(lines[0]).toBe('room,sent_at,turn,from,to,offer,hidden,text');
    expect(lines.some((l) => l.startsWith('1,') && l.includes(',Pyongyang,Moscow,,false,Shells for oil'))).toBe(true);
    expect(lines.some((l) => l.includes('Kyiv,Pyongyang and Moscow,,true,We hold Kursk.'))).toBe(true);
  });
});

