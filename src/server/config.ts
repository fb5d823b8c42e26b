/** The server's settings, read from the environment (documented in docs/server.md). */
import { isIP } from 'node:net';
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
  trustProxy: false | number | string;
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
  /** Connection and time limits (docs/server.md, "Limits"). */
  limits: ServerLimits;
}

export interface ServerLimits {
  /** A whole request (headers and body) must arrive within this time, else 408. */
  requestTimeoutMs: number;
  /** The request headers must arrive within this time (slow-drip clients are cut off). */
  headersTimeoutMs: number;
  /** An idle keep-alive connection is closed after this time. */
  keepAliveTimeoutMs: number;
  /** Most open connections; more are refused at once. */
  maxConnections: number;
  /** Most time one replay (verification or fork) may take in a worker thread, else 503. */
  replayTimeLimitMs: number;
}

export const DEFAULT_LIMITS: ServerLimits = {
  requestTimeoutMs: 30_000,
  headersTimeoutMs: 10_000,
  keepAliveTimeoutMs: 5_000,
  maxConnections: 1_000,
  replayTimeLimitMs: 10_000,
};

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

/**
 * Which proxies may tell the client's address (X-Forwarded-For): none (default), a hop count, or
 * the proxies' addresses and CIDR ranges. `true` (trust any sender) is refused: with it every
 * client could choose its own address and step around the rate limits.
 */
function trustProxy(raw: string | undefined): false | number | string {
  if (raw === undefined || raw === '' || raw === 'false' || raw === '0') return false;
  if (/^\d{1,2}$/.test(raw)) return Number(raw); // number of proxy hops
  const items = raw.split(',').map((x) => x.trim());
  for (const item of items) {
    const [address, bits, extra] = item.split('/');
    const family = isIP(address ?? '');
    const maxBits = family === 6 ? 128 : 32;
    const okBits = bits === undefined || (/^\d{1,3}$/.test(bits) && Number(bits) <= maxBits);
    if (family === 0 || !okBits || extra !== undefined)
      throw new ConfigError(
        `TRUST_PROXY must be a number of proxy hops (e.g. 1) or the proxies' addresses or CIDR ranges separated by commas (e.g. 10.0.0.5,10.1.0.0/16), got "${raw}"${raw === 'true' ? ': "true" would let any client choose its own address' : ''}`,
      );
  }
  return items.join(',');
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
    // Replaying is the CPU work of a submission. The main thread parses requests and talks to
    // the database, and needs a core of its own: one thread per remaining core (at least one,
    // so a replay never runs on the main thread; at most 4). On 2 cores one thread verified
    // 783 submissions/s against 575 with two (loadtest, back to back).
    verifyThreads: int(
      env,
      'VERIFY_THREADS',
      Math.max(1, Math.min(4, availableParallelism() - 1)),
      0,
      64,
    ),
    limits: {
      requestTimeoutMs: int(
        env,
        'REQUEST_TIMEOUT_MS',
        DEFAULT_LIMITS.requestTimeoutMs,
        1000,
        600_000,
      ),
      headersTimeoutMs: int(
        env,
        'HEADERS_TIMEOUT_MS',
        DEFAULT_LIMITS.headersTimeoutMs,
        500,
        600_000,
      ),
      keepAliveTimeoutMs: int(
        env,
        'KEEP_ALIVE_TIMEOUT_MS',
        DEFAULT_LIMITS.keepAliveTimeoutMs,
        100,
        600_000,
      ),
      maxConnections: int(env, 'MAX_CONNECTIONS', DEFAULT_LIMITS.maxConnections, 1, 1_000_000),
      replayTimeLimitMs: int(
        env,
        'REPLAY_TIME_LIMIT_MS',
        DEFAULT_LIMITS.replayTimeLimitMs,
        100,
        600_000,
      ),
    },
  };
}
