/**
 * Faults, against the real server as child processes: kill -9 mid-month and restart (SQLite);
 * two app servers on one PostgreSQL behind a round-robin balancer, one killed. The rooms are
 * played by bots through the real protocol; every order the server acknowledged must be in the
 * stored log, and every room must finish as a verified result whose record replays.
 */
import { mkdtempSync, rmSync } from 'node:fs';
import net from 'node:net';
import { tmpdir } from 'node:os';
import path from 'node:path';
import Database from 'better-sqlite3';
import { describe, expect, it } from 'vitest';
import { replay, type GameRecord } from '../../src/engine';
import { startServer, stopServer, type Child } from '../../src/cli/server-process';
import { wsSocket } from '../../src/cli/ws-socket';
import { playBotRooms } from '../../src/session/room-bots';
import { builtInRules } from '../helpers/rules';
import { PG_URL } from '../server/helpers';
import { newClass } from './helpers';

interface Acked {
  roomId: string;
  seat: string;
  id: string;
}

/** Plays `rooms` rooms; after `after` acknowledged orders, `fault` runs once. */
async function playThrough(origin: string, code: string, rooms: number, after: number, fault: () => void) {
  const acked: Acked[] = [];
  let fired = false;
  const report = await playBotRooms({
    origin,
    classCode: code,
    rooms,
    makeSocket: wsSocket,
    timeoutMs: 150_000,
    onClient: (client, seat) =>
      client.subscribe((_c, m) => {
        if (m?.type !== 'ack') return;
        acked.push({ roomId: seat.roomId, seat: seat.seat, id: m.id });
        if (!fired && acked.length >= after) {
          fired = true;
          fault();
        }
      }),
  });
  return { report, acked };
}

async function expectVerified(origin: string, code: string, rooms: number): Promise<void> {
  const list = (await (await fetch(`${origin}/api/results?class=${code}`)).json()) as { results: { id: string; finalHash: string }[] };
  expect(list.results).toHaveLength(rooms);
  for (const r of list.results) {
    const full = (await (await fetch(`${origin}/api/results/${r.id}`)).json()) as { record: GameRecord; finalHash: string };
    const again = replay(full.record, builtInRules());
    expect(again.ok && again.value.finalHash).toBe(full.finalHash);
  }
}

describe('faults', () => {
  it('kill -9 mid-month and restart: devices reconnect, no acknowledged order is lost, rooms finish verified', { timeout: 180_000 }, async () => {
    const dataDir = mkdtempSync(path.join(tmpdir(), 'tc-rooms-kill-'));
    const env = { DATA_DIR: dataDir, DATABASE_URL: '', WORKERS: '1', PORT: '19211', VERIFY_THREADS: '0' };
    let server: Child = await startServer(env);
    const restarted: Promise<void>[] = [];
    try {
      const { code } = await newClass(server.url);
      const { report, acked } = await playThrough(server.url, code, 2, 80, () => {
        server.proc.kill('SIGKILL');
        restarted.push(
          new Promise((r) => setTimeout(r, 400)).then(async () => {
            server = await startServer(env);
          }),
        );
      });
      await Promise.all(restarted);
      expect(report.errorMessages).toEqual([]);
      expect(report).toMatchObject({ rooms: 2, finished: 2, errors: 0 });
      await expectVerified(server.url, code, 2);
      await stopServer(server);
      const db = new Database(path.join(dataDir, 'three-capitals.sqlite'), { readonly: true });
      const has = db.prepare('select 1 from room_log where room_id = ? and seat = ? and client_id = ?');
      const lost = acked.filter((a) => !has.get(a.roomId, a.seat, a.id));
      db.close();
      expect(acked.length).toBeGreaterThan(200);
      expect(lost).toEqual([]);
    } finally {
      await stopServer(server);
      rmSync(dataDir, { recursive: true, force: true });
    }
  });

  it.runIf(PG_URL)('two app servers on one PostgreSQL behind a balancer; one is killed, its devices go on on the other', { timeout: 180_000 }, async () => {
    const dirs = [0, 1].map(() => mkdtempSync(path.join(tmpdir(), 'tc-rooms-pg-')));
    const servers: Child[] = [];
    // A round-robin TCP balancer that skips a server that refuses connections.
    let next = 0;
    const balancer = net.createServer((client) => {
      const tryFrom = (k: number) => {
        if (k >= servers.length) return client.destroy();
        const target = new URL(servers[(next + k) % servers.length]!.url);
        const upstream = net.connect(Number(target.port), target.hostname);
        upstream.once('connect', () => {
          next = (next + k + 1) % servers.length;
          client.pipe(upstream).pipe(client);
        });
        upstream.once('error', () => {
          if (!upstream.readable || upstream.connecting) tryFrom(k + 1);
          else client.destroy();
        });
        client.once('error', () => upstream.destroy());
      };
      tryFrom(0);
    });
    await new Promise<void>((r) => balancer.listen(19212, '127.0.0.1', () => r()));
    const origin = 'http://127.0.0.1:19212';
    try {
      for (const d of dirs) servers.push(await startServer({ DATA_DIR: d, DATABASE_URL: PG_URL!, WORKERS: '1', VERIFY_THREADS: '0', PG_POOL_MAX: '4' }));
      const { code } = await newClass(origin);
      const { report } = await playThrough(origin, code, 2, 80, () => servers[0]!.proc.kill('SIGKILL'));
      expect(report.errorMessages).toEqual([]);
      expect(report).toMatchObject({ rooms: 2, finished: 2, errors: 0 });
      await expectVerified(origin, code, 2);
    } finally {
      balancer.close();
      for (const s of servers) await stopServer(s);
      for (const d of dirs) rmSync(d, { recursive: true, force: true });
    }
  });
});
