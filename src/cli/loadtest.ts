/**
 * npm run loadtest -- [--duration 30] [--connections 100] [--records 500] [--classes 60]
 *                     [--runs 10000] [--database-url postgres://…] [--skip-submit] [--skip-page]
 *                     [--skip-browser]
 *
 * The server budgets of DESIGN.md §6, measured on loopback against the real server started as
 * a child process (`node --import tsx src/server/main.ts`, rate limits raised):
 *  1. Verified submissions: autocannon, N connections for D seconds, POSTing distinct genuine
 *     submissions (records pre-generated with the computer players, each sent to several
 *     classes); throughput, latency percentiles, errors, status codes, the server's peak memory.
 *  2. The results page of a scenario with 10,000 stored runs (seeded straight into the
 *     database): the API query, and the page in Chromium from navigation to rendered board.
 */
import { existsSync, mkdtempSync, rmSync } from 'node:fs';
import { availableParallelism, loadavg, tmpdir } from 'node:os';
import path from 'node:path';

import autocannon from 'autocannon';

import { openDatabase } from '../db/open';
import { parseArgs, positiveInt, run, UsageError } from './common';
import { CHROMIUM_FLAGS, CHROMIUM_PATH as CHROMIUM } from './chromium';
import { makeRecords, seedRuns } from './seed-runs';
import { cpuMs, rssMb, startServer, stopServer } from './server-process';

const f1 = (n: number) => (Number.isFinite(n) ? n.toFixed(1) : 'n/a');

async function submissions(opts: {
  duration: number;
  connections: number;
  records: number;
  classes: number;
  databaseUrl?: string;
  scenario: string;
}) {
  console.log(`Generating ${opts.records} genuine records (computer players)...`);
  const records = makeRecords(opts.records, opts.scenario);
  const dataDir = mkdtempSync(path.join(tmpdir(), 'tc-loadtest-'));
  const server = await startServer({ DATA_DIR: dataDir, DATABASE_URL: opts.databaseUrl ?? '' });
  try {
    // Every submission distinct: the same genuine record sent to different classes is a new
    // result each time (the server replays and stores it again), so R records x C classes give
    // R x C distinct submissions without generating that many games.
    const classes: string[] = [];
    for (let i = 0; i < opts.classes; i++) {
      const res = await fetch(`${server.url}/api/classes`, {
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body: JSON.stringify({ scenario: opts.scenario }),
      });
      if (res.status !== 201)
        throw new Error(`could not create a class: ${res.status} ${await res.text()}`);
      classes.push(((await res.json()) as { code: string }).code);
    }
    const recordTexts = records.map((r) => JSON.stringify(r));
    const body = (k: number) =>
      `{"record":${recordTexts[k % recordTexts.length]!},"pseudonym":"Load ${k}","classCode":"${classes[Math.floor(k / recordTexts.length) % classes.length]!}"}`;
    const distinct = recordTexts.length * classes.length;
    let next = 0;
    // Warm-up (not measured): JIT, the threads' first replays, SQLite's page cache.
    await autocannon({
      url: server.url,
      connections: 10,
      duration: 3,
      requests: [
        {
          method: 'POST',
          path: '/api/results',
          headers: { 'content-type': 'application/json' },
          setupRequest: (req) => ({ ...req, body: body(next++ % distinct) }),
        },
      ],
    });
    const idle = rssMb(server.proc.pid);
    let peak = idle;
    const sampler = setInterval(() => (peak = Math.max(peak, rssMb(server.proc.pid))), 250);
    const cpuBefore = cpuMs(server.proc.pid);
    console.log(
      `autocannon: ${opts.connections} connections, ${opts.duration} s after a 3 s warm-up, POST /api/results (${records.length} records x ${classes.length} classes = ${distinct} distinct submissions, then repeats)`,
    );
    const result = await autocannon({
      url: server.url,
      connections: opts.connections,
      duration: opts.duration,
      requests: [
        {
          method: 'POST',
          path: '/api/results',
          headers: { 'content-type': 'application/json' },
          setupRequest: (req) => ({ ...req, body: body(next++ % distinct) }),
        },
      ],
    });
    clearInterval(sampler);
    const cpuUsed = cpuMs(server.proc.pid) - cpuBefore;
    const codes = Object.fromEntries(
      Object.entries(result.statusCodeStats ?? {}).map(([k, v]) => [k, v.count ?? 0]),
    );
    console.log('\n== verified submissions');
    console.log(`requests:    ${result.requests.total} in ${result.duration.toFixed(1)} s`);
    console.log(
      `throughput:  ${f1(result.requests.average)} req/s (mean), ${f1(result.requests.p50 ?? NaN)} req/s (median second)`,
    );
    console.log(
      `latency:     p50 ${result.latency.p50} ms, p90 ${result.latency.p90} ms, p99 ${result.latency.p99} ms, max ${result.latency.max} ms`,
    );
    console.log(
      `errors:      ${result.errors} (timeouts ${result.timeouts}), non-2xx ${result.non2xx}`,
    );
    console.log(`status:      ${JSON.stringify(codes)} (201 new, 200 already stored)`);
    console.log(
      `server CPU:  ${(cpuUsed / Math.max(1, result.requests.total)).toFixed(2)} ms per request (all threads; ${f1(cpuUsed / 1000)} s in ${result.duration.toFixed(1)} s)`,
    );
    console.log(`server RSS:  ${f1(idle)} MB after warm-up, ${f1(peak)} MB peak under load`);
    console.log(
      `load avg:    ${loadavg()
        .map((l) => l.toFixed(1))
        .join(' ')} (other work on this machine competes for the cores)`,
    );
    return { result, idle, peak };
  } finally {
    await stopServer(server);
    rmSync(dataDir, { recursive: true, force: true });
  }
}

async function resultsPage(opts: {
  runs: number;
  scenario: string;
  skipBrowser: boolean;
  databaseUrl?: string;
}) {
  const dataDir = mkdtempSync(path.join(tmpdir(), 'tc-loadtest-page-'));
  try {
    const db = await openDatabase({
      dataDir,
      ...(opts.databaseUrl ? { databaseUrl: opts.databaseUrl } : {}),
    });
    const t0 = performance.now();
    await seedRuns(db, opts.scenario, opts.runs);
    await db.close();
    console.log(
      `\nSeeded ${opts.runs} runs of ${opts.scenario} in ${(performance.now() - t0).toFixed(0)} ms`,
    );

    if (!opts.skipBrowser) {
      const { ensureBuilt } = (await import('../../scripts/start.mjs')) as {
        ensureBuilt: () => Promise<boolean>;
      };
      await ensureBuilt(); // the page measured is the built one
    }
    const server = await startServer({ DATA_DIR: dataDir, DATABASE_URL: opts.databaseUrl ?? '' });
    try {
      console.log('\n== results page, scenario with', opts.runs, 'runs');
      for (const format of ['bins', 'board', 'objects']) {
        const url =
          format === 'bins'
            ? `${server.url}/api/board?scenario=${encodeURIComponent(opts.scenario)}`
            : `${server.url}/api/results?scenario=${encodeURIComponent(opts.scenario)}&limit=10000&format=${format}`;
        await (await fetch(url)).arrayBuffer(); // warm up (first query, JIT)
        const times: number[] = [];
        let bytes = 0;
        for (let i = 0; i < 5; i++) {
          const t = performance.now();
          const body = await (await fetch(url)).arrayBuffer();
          times.push(performance.now() - t);
          bytes = body.byteLength;
        }
        times.sort((a, b) => a - b);
        console.log(
          `API query:   ${format === 'bins' ? 'GET /api/board' : `format=${format}`}: ${f1(times[2]!)} ms median of 5 (${f1(times[0]!)}–${f1(times[4]!)}), ${(bytes / 1e3).toFixed(1)} kB JSON${format === 'bins' ? ' (what the page uses)' : ''}`,
        );
      }
      console.log(`server RSS:  ${f1(rssMb(server.proc.pid))} MB after the queries`);

      if (opts.skipBrowser) return;
      if (!existsSync(CHROMIUM)) {
        console.log(`page:        skipped (${CHROMIUM} is missing)`);
        return;
      }
      const { chromium } = await import('playwright-core');
      const profile = mkdtempSync(path.join(tmpdir(), 'tc-loadtest-chromium-'));
      const context = await chromium.launchPersistentContext(profile, {
        executablePath: CHROMIUM,
        headless: true,
        viewport: { width: 1280, height: 800 },
        args: [...CHROMIUM_FLAGS],
      });
      try {
        const page = await context.newPage();
        const samples: { ready: number; api: number; render: number }[] = [];
        // Bytes of JSON the page fetches (bodies of /api/ answers), per load.
        let apiBytes = 0;
        page.on('response', (res) => {
          if (new URL(res.url()).pathname.startsWith('/api/'))
            void res
              .body()
              .then((b) => (apiBytes += b.byteLength))
              .catch(() => undefined);
        });
        for (let i = 0; i < 4; i++) {
          if (i === 1)
            console.log(
              `page JSON:   ${(apiBytes / 1e3).toFixed(1)} kB fetched from /api/ by the cold load`,
            );
          await page.goto(`${server.url}/results?scenario=${encodeURIComponent(opts.scenario)}`);
          await page.waitForSelector('main[data-ready="board"]', { timeout: 60_000 });
          const t = await page.evaluate(() => ({
            ready: performance.now(),
            api: Number(document.querySelector('main')?.dataset['apiMs'] ?? NaN),
            render: Number(document.querySelector('main')?.dataset['renderMs'] ?? NaN),
          }));
          samples.push(t);
        }
        const warm = samples.slice(1).sort((a, b) => a.ready - b.ready);
        const mid = warm[Math.floor(warm.length / 2)]!;
        console.log(
          `page:        ${f1(samples[0]!.ready)} ms cold, ${f1(mid.ready)} ms warm (median): navigation start to the board rendered`,
        );
        console.log(
          `             of which ${f1(mid.render)} ms fetching and drawing ${opts.runs} runs (${f1(mid.api)} ms fetch + parse, ${f1(mid.render - mid.api)} ms histograms and table)`,
        );
      } finally {
        await context.close();
        rmSync(profile, { recursive: true, force: true });
      }
    } finally {
      await stopServer(server);
    }
  } finally {
    rmSync(dataDir, { recursive: true, force: true });
  }
}

run(async () => {
  const args = parseArgs(process.argv.slice(2), [
    'duration',
    'connections',
    'records',
    'classes',
    'runs',
    'database-url',
    'scenario',
  ]);
  if (args.positional.length > 0) throw new UsageError(`unexpected argument ${args.positional[0]}`);
  const duration = positiveInt(args.flags.get('duration'), 'duration', 30);
  const connections = positiveInt(args.flags.get('connections'), 'connections', 100);
  const records = positiveInt(args.flags.get('records'), 'records', 500);
  const classes = positiveInt(args.flags.get('classes'), 'classes', 60);
  const runs = positiveInt(args.flags.get('runs'), 'runs', 10_000);
  const scenario = String(args.flags.get('scenario') ?? 'historical-2024');
  const dbFlag = args.flags.get('database-url');
  const databaseUrl = typeof dbFlag === 'string' ? dbFlag : undefined;
  console.log(
    `node ${process.version}, ${databaseUrl ? 'PostgreSQL' : 'SQLite (WAL)'}, loopback, ${availableParallelism()} cores, server VERIFY_THREADS=${process.env['VERIFY_THREADS'] ?? 'default (one per core, at most 4)'}, load average ${loadavg()
      .map((l) => l.toFixed(1))
      .join(' ')}`,
  );
  if (!args.flags.has('skip-submit'))
    await submissions({
      duration,
      connections,
      records,
      classes,
      scenario,
      ...(databaseUrl ? { databaseUrl } : {}),
    });
  if (!args.flags.has('skip-page'))
    await resultsPage({
      runs,
      scenario,
      skipBrowser: args.flags.has('skip-browser'),
      ...(databaseUrl ? { databaseUrl } : {}),
    });
  return 0;
});
