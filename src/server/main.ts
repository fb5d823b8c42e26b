// Entry point of `npm start` (spawned by scripts/start.mjs after the build): reads the
// environment (docs/server.md), opens the database (running migrations), listens, and shuts down
// cleanly on SIGINT/SIGTERM.
//
// With WORKERS > 1 (default: one per core, at most 4) this process is a node:cluster primary:
// it runs the migrations once, then forks WORKERS server processes that share the port and the
// database (SQLite in WAL mode takes one writer at a time; PostgreSQL any number).
import cluster from 'node:cluster';

import { openDatabase } from '../db/open';
import { ConfigError, readConfig, type ServerConfig } from './config';
import { createServer } from './server';

let config: ServerConfig;
try {
  config = readConfig();
} catch (e) {
  console.error(e instanceof ConfigError ? e.message : e);
  process.exit(2);
}

function dbConfig(c: ServerConfig) {
  return {
    dataDir: c.dataDir,
    ...(c.databaseUrl !== undefined ? { databaseUrl: c.databaseUrl } : {}),
    sqliteSynchronous: c.sqliteSynchronous,
    pgPoolMax: 1,
  };
}

function announce(port: number, location: string, workers: number): void {
  const procs = workers > 1 ? `, ${workers} server processes` : '';
  console.log(
    `Three Capitals is running at http://localhost:${port} (results stored in ${location}${procs})`,
  );
}

async function primary(c: ServerConfig): Promise<void> {
  // Migrate once before any worker starts (workers then find nothing to do).
  let location: string;
  try {
    const db = await openDatabase(dbConfig(c));
    location = db.location;
    await db.close();
  } catch (e) {
    console.error(`could not open the database: ${e instanceof Error ? e.message : String(e)}`);
    process.exit(1);
  }
  let closing = false;
  let announced = false;
  const fork = () => {
    const w = cluster.fork();
    w.on('message', (m: unknown) => {
      const port = (m as { listening?: unknown }).listening;
      if (typeof port === 'number' && !announced) {
        announced = true;
        announce(port, location, c.workers);
      }
    });
  };
  for (let i = 0; i < c.workers; i++) fork();
  cluster.on('exit', (worker, code, signal) => {
    if (closing) {
      if (Object.keys(cluster.workers ?? {}).length === 0) process.exit(0);
      return;
    }
    if (!announced) {
      console.error(`a server process exited before listening (${signal ?? code})`);
      process.exit(1);
    }
    console.error(
      `server process ${worker.process.pid} exited (${signal ?? code}); starting another`,
    );
    fork();
  });
  for (const signal of ['SIGINT', 'SIGTERM'] as const) {
    process.on(signal, () => {
      if (closing) return;
      closing = true;
      for (const w of Object.values(cluster.workers ?? {})) w?.process.kill('SIGTERM');
      setTimeout(() => process.exit(1), 10_000).unref();
    });
  }
}

async function server(c: ServerConfig): Promise<void> {
  let running;
  try {
    running = await createServer(c, { verifyThreads: c.verifyThreads });
  } catch (e) {
    console.error(`could not open the database: ${e instanceof Error ? e.message : String(e)}`);
    process.exit(1);
  }
  const { app, db } = running;

  let closing = false;
  const close = (code: number) => {
    if (closing) return;
    closing = true;
    app.close().then(
      () => process.exit(code),
      (err: unknown) => {
        console.error(err);
        process.exit(1);
      },
    );
  };
  for (const signal of ['SIGINT', 'SIGTERM'] as const) process.on(signal, () => close(0));
  // A worker whose primary died (e.g. SIGKILL) stops serving rather than linger.
  if (cluster.isWorker) process.on('disconnect', () => process.exit(1));

  try {
    await app.listen({ port: c.port, host: c.host });
    const address = app.server.address();
    const actualPort = typeof address === 'object' && address ? address.port : c.port;
    if (cluster.isWorker) process.send?.({ listening: actualPort });
    else announce(actualPort, db.location, 1);
  } catch (err) {
    console.error(err);
    process.exit(1);
  }
}

if (cluster.isPrimary && config.workers > 1) await primary(config);
else await server(config);
