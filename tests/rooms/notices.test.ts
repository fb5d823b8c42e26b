/**
 * Two room services on one PostgreSQL database, each hearing the other through LISTEN/NOTIFY,
 * with the test deciding when (and whether) each log notice reaches them. A notice carries the
 * stored entry: the next entry a server awaits is applied from it without reading the log, but
 * the order of entries is the log's, always. A lost notice, notices out of order, an insert
 * that loses its position to an entry not heard of yet, an order resent through the other
 * server: each must leave the server with exactly the game the stored log replays to.
 * Skipped without DATABASE_URL_TEST (CI sets it).
 */
import { sql } from 'kysely';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import type { Capital } from '../../src/engine';
import type { ServerMessage } from '../../src/rooms/protocol';
import { localFanout, noticePayload, pgFanout, PAYLOAD_BYTES, type Fanout, type Notice } from '../../src/server/rooms/fanout';
import { RoomService, type SeatConnection } from '../../src/server/rooms/service';
import { PG_URL, startTestServer, testCatalog, type TestServer } from '../server/helpers';
import { newClass } from './helpers';

if (!PG_URL) console.warn('DATABASE_URL_TEST is not set: the log notice tests are skipped');

/** A fan-out whose log notices of `room` wait in `held` until the test delivers them. */
interface Held {
  fanout: Fanout;
  held: Extract<Notice, { k: 'log' }>[];
  deliver(n: Notice): void;
}

let room = '';

async function heldFanout(): Promise<Held> {
  const real = await pgFanout(PG_URL!);
  const handlers: ((n: Notice) => void)[] = [];
  const held: Held['held'] = [];
  const deliver = (n: Notice) => handlers.forEach((h) => h(n));
  real.subscribe((n) => (n.k === 'log' && n.r === room ? held.push(n) : deliver(n)));
  const fanout: Fanout = {
    serverId: real.serverId,
    publish: (n) => real.publish(n),
    payload: (n) => real.payload(n),
    subscribe: (h) => void handlers.push(h),
    onResync: (h) => real.onResync(h),
    close: () => real.close(),
  };
  return { fanout, held, deliver };
}

function device(seat: Capital): SeatConnection & { frames: ServerMessage[] } {
  const frames: ServerMessage[] = [];
  return { id: `dev-${seat}`, seat, frames, send: (m) => void frames.push(m as ServerMessage), close: () => {} };
}

async function until(what: string, ok: () => boolean | Promise<boolean>): Promise<void> {
  const start = Date.now();
  while (!(await ok())) {
    if (Date.now() - start > 8000) throw new Error(`timed out waiting for ${what}`);
    await new Promise((r) => setTimeout(r, 10));
  }
}

let server: TestServer;
let x: RoomService;
let y: RoomService;
let hx: Held;
let hy: Held;
let n = 0;

const seqOn = async (s: RoomService) => (await s.hostRoom(room)).summary.seq;

/** The game the stored log replays to, rebuilt by a server that never held the room. */
async function replayed(): Promise<{ seq: number; state: string }> {
  const fresh = new RoomService({ store: server.store, catalog: testCatalog(), fanout: localFanout() });
  try {
    const r = await fresh.hostRoom(room);
    return { seq: r.summary.seq, state: JSON.stringify(r.state) };
  } finally {
    await fresh.close();
  }
}

async function sameAsLog(s: RoomService): Promise<void> {
  const r = await s.hostRoom(room);
  const log = await replayed();
  expect(r.summary.seq).toBe(log.seq);
  expect(JSON.stringify(r.state)).toBe(log.state);
}

/** `count` orders stored through X (each seat's end of month, in the engine's order), their notices held from Y. */
async function storeOnX(count: number): Promise<number[]> {
  const seqs: number[] = [];
  for (let i = 0; i < count; i++) {
    const turn = (await x.hostRoom(room)).summary;
    const seat = turn.seats.find((s) => !s.ended)!.capital;
    const r = await x.order(room, seat, `x${++n}`, { type: 'endTurn', seat });
    if (!('seq' in r)) throw new Error(r.error);
    seqs.push(r.seq);
  }
  await until('the notices to reach Y', () => hy.held.filter((h) => h.seq >= seqs[0]!).length >= count);
  return seqs;
}

const notices = (seqs: number[]) => seqs.map((s) => hy.held.find((h) => h.seq === s)!);

describe.runIf(PG_URL)('log notices between two app servers', () => {
  beforeAll(async () => {
    server = await startTestServer('postgres');
    const cls = await newClass(server.url);
    const set = await fetch(`${server.url}/api/classes/${cls.code}/rooms/settings`, {
      method: 'PUT',
      headers: { 'content-type': 'application/json', 'x-moderation-key': cls.key },
      body: JSON.stringify({ size: 3, fill: 'order' }),
    });
    expect(set.status).toBe(200);
    hx = await heldFanout();
    hy = await heldFanout();
    x = new RoomService({ store: server.store, catalog: testCatalog(), fanout: hx.fanout });
    y = new RoomService({ store: server.store, catalog: testCatalog(), fanout: hy.fanout });
    const row = (await server.store.getClass(cls.code))!;
    const joined = [];
    for (const name of ['Ana', 'Boris', 'Chen']) joined.push(await x.join(row, name));
    room = joined[0]!.room.id;
    // Both servers hold the room: a device of one seat on each.
    await x.attach(room, device('pyongyang'));
    await y.attach(room, device('kyiv'));
    expect(await seqOn(y)).toBe(await seqOn(x));
  });

  afterAll(async () => {
    for (const s of [x, y]) await s?.close();
    for (const h of [hx, hy]) await h?.fanout.close();
    await server?.close();
  });

  it('applies the next entries from their notices, in order, without reading the log', async () => {
    const seqs = await storeOnX(2);
    expect(notices(seqs).every((h) => h.e !== undefined)).toBe(true);
    const reads = vi.spyOn(y.rooms, 'logAfter');
    for (const h of notices(seqs)) hy.deliver(h);
    await until('Y to apply both', async () => (await seqOn(y)) === seqs[1]);
    expect(reads).not.toHaveBeenCalled();
    reads.mockRestore();
    await sameAsLog(y);
  });

  it('a lost notice: the next one finds the gap and reads the missing entries from the log', async () => {
    const seqs = await storeOnX(3);
    const reads = vi.spyOn(y.rooms, 'logAfter');
    // The first is never delivered; the third's entry must not be applied in the second's place.
    hy.deliver(notices(seqs)[1]!);
    await until('Y to catch up', async () => (await seqOn(y)) === seqs[2]);
    expect(reads).toHaveBeenCalled();
    reads.mockRestore();
    hy.deliver(notices(seqs)[2]!);
    await sameAsLog(y);
  });

  it('notices out of order: entries are still applied in the log order', async () => {
    const seqs = await storeOnX(3);
    for (const h of notices(seqs).reverse()) hy.deliver(h);
    await until('Y to apply all three', async () => (await seqOn(y)) === seqs[2]);
    await sameAsLog(y);
  });

  it('an order that loses its position to an entry Y has not heard of is stored after it, once; resent through X it is answered, not stored again', async () => {
    // X's entry must not end the month (Y's seat would then be one that has ended, as Y sees it).
    while ((await x.hostRoom(room)).summary.seats.filter((s) => s.ended).length >= 2) {
      const [s] = await storeOnX(1);
      for (const h of notices([s!])) hy.deliver(h);
      await until('Y to follow', async () => (await seqOn(y)) === s);
    }
    const [taken] = await storeOnX(1);
    // Y has not heard of `taken`: its insert at that position fails, and the same statement
    // returns X's entry, which Y applies before storing its own order at the next position.
    expect(await seqOn(y)).toBe(taken! - 1);
    const seat = (await x.hostRoom(room)).summary.seats.find((s) => !s.ended)!.capital;
    const mine = await y.order(room, seat, 'resent-once', { type: 'endTurn', seat });
    expect(mine).toEqual({ seq: taken! + 1 });
    // The same order again through X, which has not heard of Y's entry: the same position comes back.
    const again = await x.order(room, seat, 'resent-once', { type: 'endTurn', seat });
    expect(again).toEqual({ seq: taken! + 1 });
    const rows = await server.store.kysely.selectFrom('room_log').select(['seq', 'client_id']).where('room_id', '=', room).execute();
    expect(rows.filter((r) => r.client_id === 'resent-once').map((r) => Number(r.seq))).toEqual([taken! + 1]);
    for (const h of hy.held.filter((h) => h.seq === taken)) hy.deliver(h);
    await sameAsLog(y);
    await sameAsLog(x);
  });

  it("the listening connection drops: what another server stored meanwhile is read from the log once it listens again (no notice needed)", async () => {
    const seqs: number[] = [];
    // Y's listener is cut off by the database, as a network blip or a failover would.
    const cut = await server.store.kysely
      .selectFrom(sql<{ pid: number; application_name: string }>`pg_stat_activity`.as('a'))
      .select(sql<boolean>`pg_terminate_backend(pid)`.as('ok'))
      .where('application_name', '=', `tc-rooms-${hy.fanout.serverId}`)
      .execute();
    expect(cut).toHaveLength(1);
    const before = await seqOn(y);
    for (let i = 0; i < 2; i++) {
      const seat = (await x.hostRoom(room)).summary.seats.find((s) => !s.ended)!.capital;
      const r = await x.order(room, seat, `blip${i}`, { type: 'endTurn', seat });
      if (!('seq' in r)) throw new Error(r.error);
      seqs.push(r.seq);
    }
    // Sent while Y did not listen: lost for good. Y must find the entries by itself.
    await until('Y to read what it missed', async () => (await seqOn(y)) === seqs[1]);
    expect(before).toBeLessThan(seqs[0]!);
    expect(hy.held.filter((h) => seqs.includes(h.seq))).toEqual([]);
    await sameAsLog(y);
  });
});

describe('a log notice', () => {
  it('carries the entry when it fits in a NOTIFY payload, and only the position when it does not', () => {
    const small = JSON.parse(noticePayload({ k: 'log', r: 'room', seq: 7, e: { kind: 'claim', seat: 'kyiv' } }, 'srv')) as Notice;
    expect(small).toEqual({ k: 'log', r: 'room', seq: 7, e: { kind: 'claim', seat: 'kyiv' }, s: 'srv' });
    const note = 'x'.repeat(PAYLOAD_BYTES);
    const big = noticePayload({ k: 'log', r: 'room', seq: 8, e: { kind: 'order', seat: 'kyiv', id: 'a', action: { type: 'endTurn', seat: 'kyiv', note } as never } }, 'srv');
    expect(Buffer.byteLength(big)).toBeLessThan(8000);
    expect(JSON.parse(big)).toEqual({ k: 'log', r: 'room', seq: 8, s: 'srv' });
  });
});
