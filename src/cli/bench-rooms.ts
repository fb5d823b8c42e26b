/**
 * npm run bench:rooms -- [--rooms 40] [--database-url postgres://…] [--skip-sqlite] [--console] [--think-ms N] [--json]
 *
 * The class rooms' figures on this machine, against the real server started as child processes:
 *  1. one app server on SQLite, N rooms (3N sockets) played at once by bots over the protocol;
 *  2. with a PostgreSQL URL (--database-url, or DATABASE_URL_TEST): two app servers on one
 *     database, every student's join and socket taking the servers in turn (a round-robin
 *     balancer), rooms shared between them through LISTEN/NOTIFY.
 * Each prints rooms finished, actions, order round trip p50/p99, month broadcast p99, errors and
 * the servers' peak resident memory. With --console the teacher's console watches the class the
 * whole time (src/cli/console-watch.ts): each room update's delay to the console socket, and the
 * console page's main-thread work per second in Chromium.
 *
 * The bots play at full speed (each order as soon as the last is answered: some 80 times a
 * class's pace), which shows how the server copes under stress. With --think-ms N each setup is
 * played a second time, every bot waiting N ms before each order, and printed beside the
 * full-speed figures (labelled "paced"): closer to what a class feels.
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { loadavg, tmpdir } from 'node:os';
import { monitorEventLoopDelay } from 'node:perf_hooks';
import path from 'node:path';

import { ensureBuilt } from '../../scripts/start.mjs';
import { playBotRooms, type BotRoomsReport } from '../session/room-bots';
import { ConsolePage, ConsoleWatch, type ConsoleFigures, type PageWork } from './console-watch';
import { parseArgs, positiveInt, run } from './common';
import { wsSocket } from './ws-socket';
import { cpuMs, rssMb, startServer, stopServer, writtenKb, type Child } from './server-process';

interface Figures extends Omit<BotRoomsReport, 'errorMessages' | 'resultIds'> {
  setup: string;
  /** Each bot's wait before each order (ms); 0: full speed. */
  thinkMs: number;
  serverRssMb: number;
  /** CPU time the app servers used during the run (all threads), seconds: comparable under load. */
  serverCpuSeconds: number;
  /** What the app servers wrote to sockets and files during the run (kB): devices' frames, database. */
  serverWrittenKb: number;
  /**
   * How late the bots' own event loop ran (p99, ms): 120 seats' bots share one Node process, so
   * a round trip measured there includes the wait for that process, which a class of separate
   * devices would not have.
   */
  botsLoopDelayP99Ms: number;
  /** The machine's one-minute load average when the run ended. */
  loadAfter: number;
  /** With --console: the teacher's console watching every room (issue 12). */
  console?: ConsoleFigures & { page: PageWork };
}

async function classOn(url: string): Promise<{ code: string; key: string }> {
  const res = await fetch(`${url}/api/classes`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ scenario: 'historical-2024' }) });
  const body = (await res.json()) as { code: string; moderationKey: string };
  const set = await fetch(`${url}/api/classes/${body.code}/rooms/settings`, {
    method: 'PUT',
    headers: { 'content-type': 'application/json', 'x-moderation-key': body.moderationKey },
    body: JSON.stringify({ size: 3, fill: 'order' }),
  });
  if (set.status !== 200) throw new Error(`room settings refused (${set.status})`);
  return { code: body.code, key: body.moderationKey };
}

async function measure(setup: string, servers: Child[], rooms: number, withConsole: boolean, thinkMs: number): Promise<Figures> {
  const { code, key } = await classOn(servers[0]!.url);
  const watch = withConsole ? new ConsoleWatch(servers[0]!.url, code, key) : null;
  await watch?.open();
  const page = withConsole ? new ConsolePage(servers[0]!.url, code, key) : null;
  await page?.open();
  let peak = 0;
  const cpu0 = servers.reduce((n, s) => n + cpuMs(s.proc.pid) / 1000, 0);
  const written0 = servers.reduce((n, s) => n + writtenKb(s.proc.pid), 0);
  const sample = setInterval(() => {
    const total = servers.reduce((n, s) => n + rssMb(s.proc.pid), 0);
    if (total > peak) peak = total;
  }, 200);
  const origins = servers.map((s) => s.url);
  const lag = monitorEventLoopDelay({ resolution: 10 });
  lag.enable();
  const playing = playBotRooms({ origin: origins[0]!, origins, classCode: code, rooms, makeSocket: wsSocket, timeoutMs: 600_000, thinkMs, ...(watch ? { onClient: watch.onClient } : {}) });
  const report = await playing;
  lag.disable();
  const work = page ? await page.finish() : null;
  const seen = watch ? await watch.finish() : null;
  clearInterval(sample);
  const cpu = servers.reduce((n, s) => n + cpuMs(s.proc.pid) / 1000, 0) - cpu0;
  const written = servers.reduce((n, s) => n + writtenKb(s.proc.pid), 0) - written0;
  for (const m of report.errorMessages) console.log(`  error: ${m}`);
  const { errorMessages: _m, resultIds: _r, ...figures } = report;
  return { setup, thinkMs, ...figures, serverRssMb: Math.round(peak), serverCpuSeconds: Math.round(cpu * 10) / 10, serverWrittenKb: Math.round(written), botsLoopDelayP99Ms: Math.round(lag.percentile(99) / 1e6), loadAfter: Math.round(loadavg()[0]! * 100) / 100, ...(seen && work ? { console: { ...seen, page: work } } : {}) };
}

function print(f: Figures): void {
  const pace = f.thinkMs > 0 ? `paced, each bot waits ${f.thinkMs} ms before each order (${(f.actions / (f.wallMs / 1000)).toFixed(0)} actions a second)` : 'full speed';
  console.log(`${f.setup}, ${pace}: ${f.finished}/${f.rooms} rooms finished, ${f.actions} actions (${f.refused} refused by the rules), ${f.errors} errors, ${(f.wallMs / 1000).toFixed(1)} s`);
  console.log(`  order round trip p50 ${f.orderP50Ms} ms, p99 ${f.orderP99Ms} ms (sent → the seat's own view holds it: p99 ${f.orderViewP99Ms} ms); month broadcast p99 ${f.broadcastP99Ms} ms; server RSS peak ${f.serverRssMb} MB`);
  const perAction = (n: number) => (n / Math.max(1, f.actions)).toFixed(2);
  console.log(`  app servers' CPU ${f.serverCpuSeconds} s (${perAction(f.serverCpuSeconds * 1000)} ms an action), written ${perAction(f.serverWrittenKb)} kB an action; the bots' own event loop ran late by up to ${f.botsLoopDelayP99Ms} ms (p99; the round trips above include such waits); load average ${f.loadAfter} at the end`);
  const c = f.console;
  if (!c) return;
  console.log(`  teacher's console: ${c.updates} room updates, latency to the console p50 ${c.latencyP50Ms} ms, p99 ${c.latencyP99Ms} ms, ${c.missed} never shown; ${c.frames} frames`);
  console.log(`  the console page (${c.page.rooms} rooms on screen, ${c.page.seconds} s): ${c.page.msPerSecond} ms of main-thread work per second (CPU ${c.page.cpuMsPerSecond}; script ${c.page.scriptMsPerSecond}, style ${c.page.styleMsPerSecond}, layout ${c.page.layoutMsPerSecond})`);
}

void run(async () => {
  const args = parseArgs(process.argv.slice(2), ['rooms', 'database-url', 'think-ms']);
  const rooms = positiveInt(args.flags.get('rooms'), 'rooms', 40);
  const paced = args.flags.has('think-ms') ? positiveInt(args.flags.get('think-ms'), 'think-ms', 500) : 0;
  /** Full speed always; paced as well when asked. */
  const runs = paced > 0 ? [0, paced] : [0];
  const pgFlag = args.flags.get('database-url');
  const pgUrl = typeof pgFlag === 'string' ? pgFlag : process.env['DATABASE_URL_TEST'];
  const json = args.flags.has('json');
  // --console: the teacher's console watches every room, on a socket and in Chromium (built app).
  const withConsole = args.flags.has('console');
  if (withConsole) await ensureBuilt();
  const results: Figures[] = [];
  /** Plays one setup at full speed, then paced when asked. */
  const playSetup = async (setup: string, servers: Child[]): Promise<void> => {
    for (const think of runs) {
      const f = await measure(setup, servers, rooms, withConsole, think);
      results.push(f);
      if (!json) print(f);
    }
  };
  console.log(`Class rooms: ${rooms} rooms (${rooms * 3} sockets), bots choosing every seat's orders; load average ${loadavg()[0]!.toFixed(2)} on this machine`);

  if (!args.flags.has('skip-sqlite')) {
    const dataDir = mkdtempSync(path.join(tmpdir(), 'tc-bench-rooms-'));
    const server = await startServer({ DATA_DIR: dataDir, DATABASE_URL: '', WORKERS: '1' });
    try {
      await playSetup('one app server, SQLite', [server]);
    } finally {
      await stopServer(server);
      rmSync(dataDir, { recursive: true, force: true });
    }
  }
  if (pgUrl) {
    const dirs = [0, 1].map(() => mkdtempSync(path.join(tmpdir(), 'tc-bench-rooms-')));
    const servers: Child[] = [];
    try {
      for (const d of dirs) servers.push(await startServer({ DATA_DIR: d, DATABASE_URL: pgUrl, WORKERS: '1', PG_POOL_MAX: '8' }));
      await playSetup('two app servers, one PostgreSQL', servers);
    } finally {
      for (const s of servers) await stopServer(s);
      for (const d of dirs) rmSync(d, { recursive: true, force: true });
    }
  } else if (!json) console.log('No PostgreSQL URL (--database-url or DATABASE_URL_TEST): the two-server run is skipped.');
  if (json) console.log(JSON.stringify(results));
  return results.every((r) => r.errors === 0 && r.finished === r.rooms) ? 0 : 1;
});
