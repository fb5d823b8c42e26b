/**
 * Opening the database: SQLite (better-sqlite3, WAL) in DATA_DIR by default, or PostgreSQL when
 * DATABASE_URL is a postgres:// URL. Both go through Kysely and run the same migrations.
 */
import { mkdirSync } from 'node:fs';
import path from 'node:path';

import SqliteDatabase from 'better-sqlite3';
import {
  Kysely,
  Migrator,
  PostgresDialect,
  SqliteDialect,
  sql,
  type SqliteDatabase as SqliteDialectDatabase,
} from 'kysely';
import pg from 'pg';

import { migrationProvider } from './migrations';
import type { Database } from './schema';

export type DbKind = 'sqlite' | 'postgres';

export interface DbConfig {
  /** Folder for the SQLite file (created if missing). Ignored with a databaseUrl. */
  dataDir?: string;
  /** postgres://user:pass@host:port/db — selects PostgreSQL. */
  databaseUrl?: string;
  /** PostgreSQL schema to use (created if missing); tests give each file its own. */
  pgSchema?: string;
  /** PostgreSQL pool size. */
  pgPoolMax?: number;
  /**
   * SQLite `synchronous` in WAL mode. NORMAL (default) never loses a commit when the process
   * dies (SIGKILL included); only a power cut or OS crash may lose the last commits. FULL also
   * survives those, at the price of an fsync per commit.
   */
  sqliteSynchronous?: 'NORMAL' | 'FULL';
}

export interface Db {
  kysely: Kysely<Database>;
  kind: DbKind;
  /** The SQLite file, or the PostgreSQL URL without its password. */
  location: string;
  /** The raw better-sqlite3 handle (SQLite only): for PRAGMAs and checks. */
  sqlite?: SqliteDatabase.Database;
  close(): Promise<void>;
}

export const SQLITE_FILE_NAME = 'three-capitals.sqlite';

const SCHEMA_NAME = /^[a-z_][a-z0-9_]{0,62}$/;

/** pg returns bigint (int8) as a string; our bigints are millisecond times and counts. */
const pgTypes = {
  getTypeParser: ((oid: number, format?: 'text' | 'binary') =>
    oid === pg.types.builtins.INT8
      ? (v: string) => Number(v)
      : pg.types.getTypeParser(oid, format)) as typeof pg.types.getTypeParser,
};

export function redactUrl(url: string): string {
  try {
    const u = new URL(url);
    if (u.password) u.password = '***';
    return u.toString();
  } catch {
    return 'postgres://(unparsable URL)';
  }
}

export function isPostgresUrl(url: string | undefined): url is string {
  return !!url && /^postgres(ql)?:\/\//i.test(url);
}

/** Opens the database and brings its schema to the latest migration. */
export async function openDatabase(config: DbConfig): Promise<Db> {
  const db = isPostgresUrl(config.databaseUrl)
    ? await openPostgres(config.databaseUrl, config)
    : openSqlite(config);
  try {
    await migrate(
      db.kysely,
      db.kind === 'postgres' ? (config.pgSchema ?? (await currentSchema(db.kysely))) : undefined,
    );
  } catch (e) {
    await db.close();
    throw e;
  }
  return db;
}

function openSqlite(config: DbConfig): Db {
  const dir = path.resolve(config.dataDir ?? 'data');
  mkdirSync(dir, { recursive: true });
  const file = path.join(dir, SQLITE_FILE_NAME);
  const sqlite = new SqliteDatabase(file);
  try {
    // A damaged file must stop the server at start, not answer "healthy" and fail later.
    const check = sqlite.pragma('quick_check(5)') as { quick_check: string }[];
    const problems = check.map((r) => r.quick_check).filter((m) => m !== 'ok');
    if (problems.length > 0) throw new Error(problems.join('; '));
  } catch (e) {
    sqlite.close();
    throw new Error(
      `the SQLite database ${file} is damaged (${(e as Error).message}); restore it from a backup, or move it aside to start with an empty one`,
    );
  }
  sqlite.pragma('journal_mode = WAL');
  sqlite.pragma(`synchronous = ${config.sqliteSynchronous === 'FULL' ? 'FULL' : 'NORMAL'}`);
  sqlite.pragma('busy_timeout = 5000');
  // Checkpoint the WAL every 4,000 pages (16 MB) instead of 1,000: pages written again and again
  // (index pages, the results versions) are copied to the database once per checkpoint, and
  // each checkpoint's two fsyncs block the server's thread a quarter as often. Measured on
  // stored submissions: about 20 µs less CPU and wait per result.
  sqlite.pragma('wal_autocheckpoint = 4000');
  sqlite.pragma('foreign_keys = ON');
  const kysely = new Kysely<Database>({
    dialect: new SqliteDialect({ database: cachingStatements(sqlite) }),
  });
  return {
    kysely,
    kind: 'sqlite',
    location: file,
    sqlite,
    // Kysely's SqliteDriver closes the better-sqlite3 handle on destroy.
    close: () => kysely.destroy(),
  };
}

/**
 * Kysely's SQLite driver prepares every query anew; preparing costs more than running our small
 * queries. Reuse prepared statements by SQL text (Kysely runs one query at a time on SQLite).
 */
function cachingStatements(sqlite: SqliteDatabase.Database, max = 256): SqliteDialectDatabase {
  const cache = new Map<string, SqliteDatabase.Statement>();
  return {
    close: () => sqlite.close(),
    prepare(sql: string) {
      let stmt = cache.get(sql);
      if (!stmt) {
        stmt = sqlite.prepare(sql);
        if (cache.size >= max) cache.delete(cache.keys().next().value as string);
        cache.set(sql, stmt);
      }
      return stmt;
    },
  };
}

async function openPostgres(url: string, config: DbConfig): Promise<Db> {
  const schema = config.pgSchema;
  if (schema !== undefined) {
    if (!SCHEMA_NAME.test(schema)) throw new Error(`invalid PostgreSQL schema name "${schema}"`);
    const client = new pg.Client({ connectionString: url });
    await client.connect();
    try {
      await client.query(`CREATE SCHEMA IF NOT EXISTS ${schema}`);
    } finally {
      await client.end();
    }
  }
  const pool = new pg.Pool({
    connectionString: url,
    max: config.pgPoolMax ?? 10,
    types: pgTypes,
    ...(schema !== undefined ? { options: `-c search_path=${schema}` } : {}),
  });
  const kysely = new Kysely<Database>({ dialect: new PostgresDialect({ pool }) });
  return {
    kysely,
    kind: 'postgres',
    location: redactUrl(url),
    close: () => kysely.destroy(),
  };
}

/**
 * Runs every pending migration; throws with the failing migration's name. On PostgreSQL, name
 * the schema: Kysely looks for its migration tables in every schema otherwise, and would take
 * another schema's tables for ours.
 */
export async function migrate(kysely: Kysely<Database>, pgSchema?: string): Promise<string[]> {
  const migrator = new Migrator({
    db: kysely,
    provider: migrationProvider,
    ...(pgSchema !== undefined ? { migrationTableSchema: pgSchema } : {}),
  });
  const { error, results } = await migrator.migrateToLatest();
  const failed = results?.find((r) => r.status === 'Error');
  if (error || failed) {
    const cause = error instanceof Error ? error.message : String(error ?? 'unknown error');
    throw new Error(`database migration ${failed?.migrationName ?? ''} failed: ${cause}`);
  }
  return (results ?? []).filter((r) => r.status === 'Success').map((r) => r.migrationName);
}

/** The schema new tables go to (the first existing one on PostgreSQL's search_path). */
async function currentSchema(kysely: Kysely<Database>): Promise<string> {
  const r = await sql<{ s: string | null }>`select current_schema() as s`.execute(kysely);
  return r.rows[0]?.s ?? 'public';
}

/** Drops a PostgreSQL schema and everything in it (tests clean up with it). */
export async function dropPgSchema(url: string, schema: string): Promise<void> {
  if (!SCHEMA_NAME.test(schema)) throw new Error(`invalid PostgreSQL schema name "${schema}"`);
  const client = new pg.Client({ connectionString: url });
  await client.connect();
  try {
    await client.query(`DROP SCHEMA IF EXISTS ${schema} CASCADE`);
  } finally {
    await client.end();
  }
}
