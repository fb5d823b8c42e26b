import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import WebSocket from 'ws';
import { joinSeats } from '../../src/session/room-bots';
import { RoomClient, type SocketLike } from '../../src/session/room-client';
import { startTestServer, type TestServer } from '../server/helpers';
import { newClass, rawSeat } from './helpers';

let server: TestServer;
beforeAll(async () => {
  server = await startTestServer('sqlite');
});
afterAll(async () => {
  await server?.close();
});

async function until(test: () => boolean): Promise<void> {
  for (let i = 0; i < 400 && !test(); i++) await new Promise((r) => setTimeout(r, 10));
  expect(test()).toBe(true);
}

/** A started room: Pyongyang and Moscow on raw sockets, Kyiv's token, and a network for Kyiv we can cut. */
async function roomWithKyivToCut(prefix: string) {
  const { code } = await newClass(server.url);
  const [p, m, k] = await joinSeats(server.url, code, 3, prefix);
  const py = await rawSeat(server.url, p!.token);
  const mo = await rawSeat(server.url, m!.token);
  await py.next('welcome');
  await mo.next('welcome');
  const net = {
    online: true,
    current: null as WebSocket | null,
    makeSocket: (url: string): SocketLike => (net.current = new WebSocket(net.online ? url : 'ws://127.0.0.1:1/')) as unknown as SocketLike,
  };
  return { py, mo, k: k!, net };
}

describe('a seat socket', () => {
  it('answers a bad frame with an error, changes nothing, and stays usable', async () => {
    const { code } = await newClass(server.url);
    const [p] = await joinSeats(server.url, code, 3, 'S');
    const s = await rawSeat(server.url, p!.token);
    const welcome = await s.next('welcome');
    const seq = (welcome['room'] as { seq: number }).seq;
    s.send('not json');
    expect(await s.next('error')).toMatchObject({ code: 'malformed-json' });
    s.send({ type: 'order', id: 'a', action: { type: 'setTraining', seat: 'pyongyang', months: 'three' } });
    expect(await s.next('error')).toMatchObject({ code: 'invalid-message' });
    s.send('{"type":"order","id":"b","action":{"type":"offer","seat":"pyongyang","to":"moscow","give":{"__proto__":1},"get":{},"turns":1}}');
    expect(await s.next('error')).toMatchObject({ code: 'invalid-message' });
    s.send(JSON.stringify({ type: 'ping', t: 1, pad: 'x'.repeat(9000) }));
    expect(await s.next('error')).toMatchObject({ code: 'too-large' });
    s.send({ type: 'order', id: 'c', action: { type: 'setStance', seat: 'moscow', stance: 'confirm' } });
    expect(await s.next('error')).toMatchObject({ id: 'c', code: 'not-your-seat' });
    s.send({ type: 'order', id: 'd', action: { type: 'recall', seat: 'pyongyang', count: 999999 } });
    expect(await s.next('error')).toMatchObject({ id: 'd', code: 'refused' });
    // Nothing was stored: the log position has not moved, and the connection still answers.
    s.send({ type: 'ping', t: 7 });
    expect(await s.next('pong')).toEqual({ type: 'pong', t: 7 });
    s.send({ type: 'order', id: 'e', action: { type: 'setTraining', seat: 'pyongyang', months: 2 } });
    expect(await s.next('ack')).toEqual({ type: 'ack', id: 'e', seq: seq + 1 });
    // The same order sent again (a reconnect) is stored once.
    s.send({ type: 'order', id: 'e', action: { type: 'setTraining', seat: 'pyongyang', months: 2 } });
    expect(await s.next('ack')).toEqual({ type: 'ack', id: 'e', seq: seq + 1 });
    s.ws.close();
  });

  it('limits the rate of frames per connection', async () => {
    const { code } = await newClass(server.url);
    const [p] = await joinSeats(server.url, code, 1, 'R');
    const s = await rawSeat(server.url, p!.token);
    await s.next('welcome');
    for (let i = 0; i < 60; i++) s.send({ type: 'ping', t: i });
    await new Promise((r) => setTimeout(r, 300));
    const kinds = s.frames.map((f) => (JSON.parse(f) as { type: string; code?: string }).code ?? (JSON.parse(f) as { type: string }).type);
    expect(kinds.filter((k) => k === 'rate-limited').length).toBeGreaterThan(20);
    expect(kinds.filter((k) => k === 'pong').length).toBeLessThanOrEqual(33);
    s.ws.close();
  });

  it('refuses an unknown seat token and closes', async () => {
    const s = await rawSeat(server.url, 'ABCDEFGHJKMNPQRS');
    expect(await s.next('error')).toMatchObject({ code: 'unknown-seat' });
    expect((await s.closed).code).toBe(4003);
  });

  it('two tabs on one seat: the newer wins, the older is told why', async () => {
    const { code } = await newClass(server.url);
    const [p] = await joinSeats(server.url, code, 1, 'T');
    const older = await rawSeat(server.url, p!.token);
    await older.next('welcome');
    const newer = await rawSeat(server.url, p!.token);
    await newer.next('welcome');
    const told = await older.next('superseded');
    expect(told['message']).toMatch(/opened on another tab or device/);
    expect((await older.closed).code).toBe(4001);
    newer.send({ type: 'ping', t: 1 });
    expect(await newer.next('pong')).toEqual({ type: 'pong', t: 1 });
    newer.ws.close();
  });

  it('a device away for five minutes comes back to its seat; its order given offline is not lost', async () => {
    const { py, mo, k, net } = await roomWithKyivToCut('A');
    // Kyiv's device, with a clock we move by hand.
    const timers: { fn: () => void; ms: number }[] = [];
    const kyiv = new RoomClient({ origin: server.url, token: k.token, makeSocket: net.makeSocket, setTimer: (fn, ms) => timers.push({ fn, ms }), clearTimer: () => {} });
    kyiv.connect();
    await until(() => kyiv.status === 'open' && kyiv.snapshot !== null);

    // The lid closes: the connection drops, and an order given now waits on the device.
    net.online = false;
    net.current!.terminate();
    await until(() => kyiv.status === 'reconnecting');
    const answer = kyiv.order({ type: 'setPosture', seat: 'kyiv', posture: 'withdraw' });
    py.send({ type: 'order', id: 'p-end', action: { type: 'endTurn', seat: 'pyongyang' } });
    mo.send({ type: 'order', id: 'm-end', action: { type: 'endTurn', seat: 'moscow' } });
    await py.next('ack');
    await mo.next('ack');

    // Five minutes of failing reconnects, with growing pauses (at most ten seconds each).
    let waited = 0;
    while (waited < 5 * 60_000) {
      const t = timers.shift();
      if (!t) {
        await new Promise((r) => setTimeout(r, 5));
        continue;
      }
      expect(t.ms).toBeLessThanOrEqual(10_000);
      waited += t.ms;
      t.fn();
      await until(() => kyiv.status === 'reconnecting' && timers.length > 0);
    }
    expect(kyiv.unacknowledged).toBe(1);

    // Back on the network: the seat is as it was, the month still waits for Kyiv.
    net.online = true;
    timers.shift()!.fn();
    const r = await answer;
    expect(r.ok).toBe(true);
    expect(kyiv.snapshot!.room.turn).toBe(1);
    expect(kyiv.snapshot!.room.seats.map((s) => [s.capital, s.ended])).toEqual([
      ['pyongyang', true],
      ['moscow', true],
      ['kyiv', false],
    ]);
    expect((await kyiv.order({ type: 'endTurn', seat: 'kyiv' })).ok).toBe(true);
    await until(() => kyiv.snapshot!.room.turn === 2);
    expect(kyiv.snapshot!.view.levers.posture).toBe('withdraw');
    kyiv.close();
    py.ws.close();
    mo.ws.close();
  });

  it('a device away while a month resolves plays that month once on its return, and not again', async () => {
    const { py, mo, k, net } = await roomWithKyivToCut('R');
    const kyiv = new RoomClient({ origin: server.url, token: k.token, makeSocket: net.makeSocket, backoffMs: 5, maxBackoffMs: 20 });
    const seen: { type: string; resolved: number | null }[] = [];
    kyiv.subscribe((c, msg) => {
      if (msg?.type === 'welcome' || msg?.type === 'update') seen.push({ type: msg.type, resolved: c.snapshot!.resolved });
    });
    kyiv.connect();
    await until(() => kyiv.status === 'open');
    // Kyiv ends the month early, then its connection drops; the month resolves while it is away.
    expect((await kyiv.order({ type: 'endTurn', seat: 'kyiv' })).ok).toBe(true);
    net.online = false;
    net.current!.terminate();
    await until(() => kyiv.status === 'reconnecting');
    seen.length = 0;
    py.send({ type: 'order', id: 'p-end', action: { type: 'endTurn', seat: 'pyongyang' } });
    mo.send({ type: 'order', id: 'm-end', action: { type: 'endTurn', seat: 'moscow' } });
    await py.next('ack');
    await mo.next('ack');
    expect(seen).toEqual([]);
    net.online = true;
    await until(() => kyiv.status === 'open' && kyiv.snapshot!.room.turn === 2);
    // The welcome back says month 1 resolved: the screen plays its report, which the view holds.
    expect(seen[0]).toEqual({ type: 'welcome', resolved: 1 });
    expect(kyiv.snapshot!.view.reports.map((r) => r.turn)).toEqual([1]);
    // Another drop with nothing resolved meanwhile: no month plays again.
    seen.length = 0;
    net.current!.terminate();
    await until(() => seen.some((f) => f.type === 'welcome'));
    expect(seen.find((f) => f.type === 'welcome')).toEqual({ type: 'welcome', resolved: null });
    kyiv.close();
    py.ws.close();
    mo.ws.close();
  });
});
