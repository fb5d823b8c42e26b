/** Everything a running server needs, opened in order: ledger, scenarios, database, app. */
import type { FastifyInstance, FastifyServerOptions } from 'fastify';

import { openDatabase, type Db } from '../db/open';
import { Store } from '../db/store';
import { formatLedgerError } from '../ledger';
import { loadLedgerFileSync } from '../ledger/node';
import { SCENARIOS_DIR } from '../scenario/node';
import { buildApp } from './app';
import { pgFanout } from './rooms/fanout';
import { DEFAULT_LIMITS, type ServerConfig, type ServerLimits } from './config';
import { ScenarioCatalog } from './scenarios';
import { VerifyPool } from './verify-pool';

export interface Running {
  app: FastifyInstance;
  db: Db;
  store: Store;
  catalog: ScenarioCatalog;
  /** With PostgreSQL: this server's id in room notices (its listener is `tc-rooms-<id>` in pg_stat_activity). */
  roomsServerId?: string;
}

export function loadCatalog(
  scenariosDir = SCENARIOS_DIR,
  warn: (m: string) => void = console.warn,
): ScenarioCatalog {
  const ledger = loadLedgerFileSync();
  if (!ledger.ok)
    throw new Error(
      `the figures ledger is invalid:\n${ledger.errors.map(formatLedgerError).join('\n')}`,
    );
  return new ScenarioCatalog(ledger.value).loadBuiltIns(scenariosDir, warn);
}

/** Opens the database (running migrations) and builds the app; the caller listens and closes. */
export async function createServer(
  config: Omit<ServerConfig, 'port' | 'host' | 'workers' | 'verifyThreads' | 'limits'> &
    Partial<Pick<ServerConfig, 'workers' | 'verifyThreads'>> & { limits?: Partial<ServerLimits> },
  extra: {
    logger?: FastifyServerOptions['logger'];
    pgSchema?: string;
    sweepIntervalMs?: number;
    now?: () => number;
    catalog?: ScenarioCatalog;
    /** Worker threads replaying submissions (0 or absent: inline). */
    verifyThreads?: number;
    /** Shortest turn deadline a teacher may set, seconds (default 30; browser tests lower it). */
    minTurnSeconds?: number;
  } = {},
): Promise<Running> {
  const catalog = extra.catalog ?? loadCatalog();
  const db = await openDatabase({
    dataDir: config.dataDir,
    ...(config.databaseUrl !== undefined ? { databaseUrl: config.databaseUrl } : {}),
    ...(extra.pgSchema !== undefined ? { pgSchema: extra.pgSchema } : {}),
    sqliteSynchronous: config.sqliteSynchronous,
    pgPoolMax: config.pgPoolMax,
  });
  const store = new Store(db);
  const limits = { ...DEFAULT_LIMITS, ...config.limits };
  const threads = extra.verifyThreads ?? config.verifyThreads ?? 0;
  const pool =
    threads > 0 ? new VerifyPool(threads, undefined, limits.replayTimeLimitMs) : undefined;
  await pool?.ready();
  // Several app servers share rooms through PostgreSQL's LISTEN/NOTIFY; SQLite means one server.
  const fanout =
    db.kind === 'postgres' && config.databaseUrl !== undefined
      ? await pgFanout(config.databaseUrl, (e) => console.error('rooms fan-out:', e))
      : undefined;
  const app = buildApp({
    ...(fanout ? { fanout } : {}),
    distDir: config.distDir,
    logger: extra.logger ?? { level: config.logLevel },
    store,
    catalog,
    rateLimit: config.rateLimit,
    writeRateLimit: config.writeRateLimit,
    defaultRetentionDays: config.defaultRetentionDays,
    trustProxy: config.trustProxy as FastifyServerOptions['trustProxy'],
    limits,
    ...(extra.sweepIntervalMs !== undefined ? { sweepIntervalMs: extra.sweepIntervalMs } : {}),
    ...(extra.now !== undefined ? { now: extra.now } : {}),
    ...(extra.minTurnSeconds !== undefined ? { minTurnSeconds: extra.minTurnSeconds } : {}),
    ...(pool ? { pool } : {}),
  });
  app.addHook('onClose', async () => {
    await fanout?.close();
    await pool?.close();
    await db.close();
  });
  return { app, db, store, catalog, ...(fanout ? { roomsServerId: fanout.serverId } : {}) };
}
