import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { CAPITALS, ESTIMATED_METRICS, replay, type Capital } from '../../src/engine';
import type { ServerMessage } from '../../src/rooms/protocol';
import { playBotRooms } from '../../src/session/room-bots';
import type { RoomClient } from '../../src/session/room-client';
import { builtInRules } from '../helpers/rules';
import { startTestServer, type TestServer } from '../server/helpers';
import { newClass, wsSocket } from './helpers';

let server: TestServer;
beforeAll(async () => {
  server = await startTestServer('sqlite');
});
afterAll(async () => {
  await server?.close();
});

/** Every way a frame could carry another seat's truth, checked on the parsed frame. */
function leaks(m: ServerMessage, seat: Capital): string[] {
  if (m.type !== 'welcome' && m.type !== 'update') return [];
  const v = m.view;
  if (!v) return [];
  const out: string[] = [];
  const raw = JSON.stringify(v);
  if ('rng' in v || 'seed' in v || 'turnHashes' in v) out.push('random state, seed or hashes');
  for (const c of CAPITALS) {
    if (c === seat) continue;
    if (Object.values(v.stocks[c]).some((n) => n !== 0)) out.push(`${c} stocks`);
    if (Object.keys(v.estimates[c] ?? {}).length > 0) out.push(`${c} estimates`);
    if (Object.keys(v.uncertainty[c] ?? {}).length > 0) out.push(`${c} uncertainty`);
    for (const id of ESTIMATED_METRICS[c]) if (raw.includes(`"${id}"`) && id in v.metrics) out.push(`metric ${id}`);
    for (const id of ESTIMATED_METRICS[c]) for (const h of v.history ?? []) if (id in h.metrics) out.push(`history ${id}`);
    if (v.metrics[`${c}.score`] !== undefined) out.push(`${c} score`);
  }
  if (v.offers.some((o) => o.from !== seat && o.to !== seat)) out.push('offer between others');
  if (v.deals.some((d) => d.from !== seat && d.to !== seat)) out.push('deal between others');
  if ((v.news ?? []).some((n) => n.visibleTo && !n.visibleTo.includes(seat))) out.push('private news');
  if (seat !== 'moscow' && v.sectors.some((s) => s.russianTroops !== 0)) out.push('russian troops');
  if (seat !== 'kyiv' && v.sectors.some((s) => s.ukrainianTroops !== 0 || s.ukrainianDrones !== 0)) out.push('ukrainian troops');
  if (seat === 'kyiv' && (v.expedition.ready !== 0 || Object.values(v.expedition.bySector).some((n) => n !== 0))) out.push('expedition');
  if (seat !== 'pyongyang' && (v.human.killed !== 0 || v.human.sent !== 0)) out.push('north korean losses');
  if (seat !== 'moscow' && v.human.russian.killed !== 0) out.push('russian losses');
  if (seat !== 'kyiv' && v.human.ukrainian.killed !== 0) out.push('ukrainian losses');
  for (const r of v.reports ?? [])
    for (const s of r.sectors) {
      if (seat !== 'moscow' && s.russian.killed !== 0) out.push('report: russian losses');
      if (seat !== 'pyongyang' && s.northKorean.killed !== 0) out.push('report: north korean losses');
    }
  return out;
}

describe('a class room played by three bots over WebSockets (SQLite)', () => {
  it('finishes, files a verified result on the class board, and no seat ever receives another seat’s hidden state', async () => {
    const { code } = await newClass(server.url);
    const frames = new Map<string, { seat: Capital; messages: ServerMessage[] }>();
    const report = await playBotRooms({
      origin: server.url,
      classCode: code,
      rooms: 1,
      makeSocket: wsSocket,
      timeoutMs: 60_000,
      onClient: (client: RoomClient, seat) => {
        const log = { seat: seat.seat, messages: [] as ServerMessage[] };
        frames.set(seat.token, log);
        client.subscribe((_c, m) => {
          if (m) log.messages.push(m);
        });
      },
    });
    expect(report.errorMessages).toEqual([]);
    expect(report).toMatchObject({ rooms: 1, finished: 1, errors: 0 });
    expect(report.actions).toBeGreaterThan(36);

    // Every frame each seat received during the whole game, until the game was over.
    let checked = 0;
    for (const { seat, messages } of frames.values()) {
      // Every month resolves on every device exactly once, in order, and the update that says so
      // carries that month's report (the device plays it); the last month's comes with the record.
      const updates = messages.filter((m) => m.type === 'update');
      const resolving = updates.filter((m) => m.resolved !== null);
      const months = updates[0]!.room.turns;
      expect(resolving.map((m) => m.resolved), `${seat} saw each month resolve once`).toEqual(Array.from({ length: months }, (_, i) => i + 1));
      for (const m of resolving.slice(0, -1)) expect(m.view?.reports?.at(-1)?.turn, `${seat}'s report of month ${m.resolved}`).toBe(m.resolved);
      for (const m of messages) {
        if (m.type === 'finished') break;
        if (m.type === 'update' && m.room.phase === 'finished') break;
        expect(leaks(m, seat), `${seat} received ${m.type}`).toEqual([]);
        checked++;
      }
    }
    expect(checked).toBeGreaterThan(100);

    // The class board lists the room's result: verified, three humans, the three pseudonyms.
    const board = (await (await fetch(`${server.url}/api/results?class=${code}`)).json()) as { results: { id: string; pseudonym: string; seats: Record<string, string> }[] };
    expect(board.results).toHaveLength(1);
    const result = board.results[0]!;
    expect(result.id).toBe(report.resultIds[0]);
    expect(result.seats).toEqual({ pyongyang: 'human', moscow: 'human', kyiv: 'human' });
    expect(result.pseudonym).toBe('Bot 1 (Pyongyang), Bot 2 (Moscow), Bot 3 (Kyiv)');
    const full = (await (await fetch(`${server.url}/api/results/${result.id}`)).json()) as { record: Parameters<typeof replay>[0] };
    expect(replay(full.record, builtInRules())).toMatchObject({ ok: true });
  });

  it('paced bots (think time) wait before each order, and the wait is not in the round trips', async () => {
    const { code } = await newClass(server.url);
    const thinkMs = 60;
    const report = await playBotRooms({ origin: server.url, classCode: code, rooms: 1, makeSocket: wsSocket, timeoutMs: 60_000, thinkMs, prefix: 'Paced' });
    expect(report).toMatchObject({ rooms: 1, finished: 1, errors: 0 });
    // Each seat waits before each of its orders: the game lasts at least one seat's share of them.
    expect(report.wallMs).toBeGreaterThanOrEqual((report.actions / 3) * thinkMs);
    // A round trip is timed from the order's sending, after the wait.
    expect(report.orderP50Ms).toBeLessThan(thinkMs);
  });
});
