/** The server's settings, read from the environment (documented in docs/server.md). */
import { availableParallelism } from 'node:os';
import path from 'node:path';

export interface ServerConfig {
  port: number;
  host: string;
  distDir: string;
  logLevel: string;
  dataDir: string;
  databaseUrl: string | undefined;
  rateLimit: number;
  writeRateLimit: number;
  trustProxy: boolean | number | string;
  defaultRetentionDays: number;
  sqliteSynchronous: 'NORMAL' | 'FULL';
  pgPoolMax: number;
  /**
   * Server processes sharing the port (node:cluster); 1 (the default) serves from this process.
   * More than one suits PostgreSQL; with SQLite the processes queue for the one writer lock.
   */
  workers: number;
  /** Worker threads that replay submitted records (0: replay on the main thread). */
  verifyThreads: number;
}

export class ConfigError extends Error {}

function int(
  env: NodeJS.ProcessEnv,
  name: string,
  fallback: number,
  min: number,
  max: number,
): number {
  const raw = env[name];
  if (raw === undefined || raw === '') return fallback;
  const n = Number(raw);
  if (!Number.isInteger(n) || n < min || n > max)
    throw new ConfigError(`${name} must be a whole number from ${min} to ${max}, got "${raw}"`);
  return n;
}

function trustProxy(raw: string | undefined): boolean | number | string {
  if (raw === undefined || raw === '' || raw === 'false' || raw === '0') return false;
  if (raw === 'true') return true;
  if (/^\d+$/.test(raw)) return Number(raw); // number of proxy hops
  return raw; // comma-separated addresses or CIDR ranges of trusted proxies
}

export function readConfig(
  env: NodeJS.ProcessEnv = process.env,
  root = process.cwd(),
): ServerConfig {
  const sync = (env['SQLITE_SYNCHRONOUS'] ?? 'NORMAL').toUpperCase();
  if (sync !== 'NORMAL' && sync !== 'FULL')
    throw new ConfigError(`SQLITE_SYNCHRONOUS must be NORMAL or FULL, got "${sync}"`);
  const databaseUrl = env['DATABASE_URL'] || undefined;
  if (databaseUrl !== undefined && !/^postgres(ql)?:\/\//i.test(databaseUrl))
    throw new ConfigError(
      'DATABASE_URL must be a postgres:// URL (leave it unset for SQLite in DATA_DIR)',
    );
  return {
    port: int(env, 'PORT', 8080, 0, 65535),
    host: env['HOST'] || '0.0.0.0',
    distDir: path.resolve(root, env['DIST_DIR'] || 'dist'),
    logLevel: env['LOG_LEVEL'] || 'warn',
    dataDir: path.resolve(root, env['DATA_DIR'] || 'data'),
    databaseUrl,
    rateLimit: int(env, 'RATE_LIMIT_MAX', 600, 0, 1_000_000_000),
    writeRateLimit: int(env, 'RATE_LIMIT_WRITE_MAX', 120, 0, 1_000_000_000),
    trustProxy: trustProxy(env['TRUST_PROXY']),
    defaultRetentionDays: int(env, 'DEFAULT_RETENTION_DAYS', 365, 1, 3650),
    sqliteSynchronous: sync,
    pgPoolMax: int(env, 'PG_POOL_MAX', 10, 1, 1000),
    workers: int(env, 'WORKERS', 1, 1, 64),
    // Replaying is the CPU work of a submission: one thread per core (at most 4) beside the
    // main thread, which parses requests and talks to the database.
    verifyThreads: int(
      env,
      'VERIFY_THREADS',
      availableParallelism() > 1 ? Math.min(4, availableParallelism()) : 0,
      0,
      64,
    ),
  };
}
