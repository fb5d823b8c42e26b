/**
 * The real server for browser tests: the built app (built first if stale) with a fresh SQLite
 * database in a temporary folder, rate limits off, listening on a free loopback port.
 */
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { ensureBuilt, ROOT } from '../../scripts/start.mjs';
import { createServer, loadCatalog, type Running } from '../../src/server/server';

export interface AppServer {
  running: Running;
  base: string;
  dataDir: string;
}

export async function startAppServer(
  prefix: string,
  options: { defaultRetentionDays?: number; sweepIntervalMs?: number; minTurnSeconds?: number } = {},
): Promise<AppServer> {
  await (ensureBuilt as () => Promise<boolean>)();
  const dataDir = mkdtempSync(path.join(tmpdir(), `${prefix}-`));
  const running = await createServer(
    {
      distDir: path.join(ROOT as string, 'dist'),
      logLevel: 'silent',
      dataDir,
      databaseUrl: undefined,
      rateLimit: 0,
      writeRateLimit: 0,
      trustProxy: false,
      defaultRetentionDays: options.defaultRetentionDays ?? 365,
      sqliteSynchronous: 'NORMAL',
      pgPoolMax: 1,
    },
    {
      logger: false,
      catalog: loadCatalog(undefined, () => {}),
      ...(options.sweepIntervalMs !== undefined
        ? { sweepIntervalMs: options.sweepIntervalMs }
        : {}),
      ...(options.minTurnSeconds !== undefined ? { minTurnSeconds: options.minTurnSeconds } : {}),
    },
  );
  const base = (await running.app.listen({ port: 0, host: '127.0.0.1' })).replace(
    'localhost',
    '127.0.0.1',
  );
  return { running, base, dataDir };
}
