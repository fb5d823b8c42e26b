/**
 * Test servers on a real socket and a real database: SQLite in a temp DATA_DIR, and PostgreSQL
 * (a fresh schema per server) when DATABASE_URL_TEST is set. Genuine records come from the
 * engine's own batch player.
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';

import type { FastifyInstance } from 'fastify';
import { afterAll, beforeAll, expect } from 'vitest';

import type { Capital, GameRecord, Seats } from '../../src/engine';
import { dropPgSchema, type Db } from '../../src/db/open';
import type { Store } from '../../src/db/store';
import { createServer, loadCatalog } from '../../src/server/server';
import type { ScenarioCatalog } from '../../src/server/scenarios';
import type { ServerConfig, ServerLimits } from '../../src/server/config';
import { playWithPeople } from '../helpers/people';
import { builtInRules } from '../helpers/rules';

export const PG_URL = process.env['DATABASE_URL_TEST'] || undefined;

export type Backend = 'sqlite' | 'postgres';
/** The backends to run storage tests on: PostgreSQL only when DATABASE_URL_TEST is set. */
export const BACKENDS: Backend[] = PG_URL ? ['sqlite', 'postgres'] : ['sqlite'];

if (!PG_URL) console.warn('DATABASE_URL_TEST is not set: PostgreSQL storage tests are skipped');

let catalog: ScenarioCatalog | undefined;
/** Built-in scenarios are loaded once per test file; each server gets fresh caches. */
export function testCatalog(): ScenarioCatalog {
  catalog ??= loadCatalog(undefined, () => {});
  return catalog.fresh();
}

export interface TestServer {
  url: string;
  app: FastifyInstance;
  store: Store;
  db: Db;
  dataDir: string;
  /** The PostgreSQL schema (postgres backend). */
  pgSchema?: string;
  /** With PostgreSQL: the server's id in room notices (its listener's application_name is `tc-rooms-<id>`). */
  roomsServerId?: string;
  close(): Promise<void>;
}

let counter = 0;

export type TestServerOptions = Partial<Omit<ServerConfig, 'limits'>> & {
  limits?: Partial<ServerLimits>;
  now?: () => number;
  sweepIntervalMs?: number;
  minTurnSeconds?: number;
  /** Another test server whose PostgreSQL schema this one shares (several app servers, one database). */
  sameDatabaseAs?: TestServer;
};

export async function startTestServer(
  backend: Backend,
  overrides: TestServerOptions = {},
): Promise<TestServer> {
  const dataDir = mkdtempSync(path.join(tmpdir(), 'tc-data-'));
  const distDir = mkdtempSync(path.join(tmpdir(), 'tc-dist-'));
  const { now, sweepIntervalMs, verifyThreads, minTurnSeconds, sameDatabaseAs, ...config } = overrides;
  const ownSchema = backend === 'postgres' && !sameDatabaseAs;
  const pgSchema =
    backend !== 'postgres' ? undefined : (sameDatabaseAs?.pgSchema ?? `tc_test_${process.pid}_${++counter}_${Date.now() % 1e6}`);
  const running = await createServer(
    {
      distDir,
      logLevel: 'silent',
      dataDir,
      databaseUrl: backend === 'postgres' ? PG_URL : undefined,
      rateLimit: 0,
      writeRateLimit: 0,
      trustProxy: false,
      defaultRetentionDays: 365,
      sqliteSynchronous: 'NORMAL',
      pgPoolMax: 5,
      ...config,
    },
    {
      logger: false,
      catalog: testCatalog(),
      ...(pgSchema !== undefined ? { pgSchema } : {}),
      ...(now !== undefined ? { now } : {}),
      ...(sweepIntervalMs !== undefined ? { sweepIntervalMs } : {}),
      ...(verifyThreads !== undefined ? { verifyThreads } : {}),
      ...(minTurnSeconds !== undefined ? { minTurnSeconds } : {}),
    },
  );
  const address = await running.app.listen({ port: 0, host: '127.0.0.1' });
  return {
    url: address,
    app: running.app,
    store: running.store,
    db: running.db,
    dataDir,
    ...(pgSchema !== undefined ? { pgSchema } : {}),
    ...(running.roomsServerId !== undefined ? { roomsServerId: running.roomsServerId } : {}),
    async close() {
      await running.app.close();
      if (ownSchema && pgSchema !== undefined && PG_URL) await dropPgSchema(PG_URL, pgSchema);
      rmSync(dataDir, { recursive: true, force: true });
      rmSync(distDir, { recursive: true, force: true });
    },
  };
}

export const BOT_SEATS: Seats = { pyongyang: 'historical', moscow: 'random', kyiv: 'historical' };

/**
 * A finished game: the computer players play every seat except those in `humans`, where the
 * seat's player in `seats` stands in for a person (tests/helpers/people.ts). A record the server
 * must accept: the computer seats' orders are exactly what their players give.
 */
export function genuineRecord(
  seed: string,
  seats: Seats = BOT_SEATS,
  scenarioId = 'historical-2024',
  humans: readonly Capital[] = ['moscow'],
): GameRecord {
  const rules = builtInRules(scenarioId);
  const standIns = Object.fromEntries(humans.map((c) => [c, seats[c]]));
  return playWithPeople(rules, seed, seats, standIns);
}

export async function post(url: string, body: unknown, headers: Record<string, string> = {}) {
  const res = await fetch(url, {
    method: 'POST',
    headers: { 'content-type': 'application/json', ...headers },
    body: typeof body === 'string' ? body : JSON.stringify(body),
  });
  const text = await res.text();
  let json: unknown;
  try {
    json = JSON.parse(text);
  } catch {
    json = undefined;
  }
  return { status: res.status, json: json as Record<string, unknown>, text, headers: res.headers };
}

export async function call(
  method: string,
  url: string,
  body?: unknown,
  headers: Record<string, string> = {},
) {
  const init: RequestInit = { method, headers: { ...headers } };
  if (body !== undefined) {
    init.body = JSON.stringify(body);
    (init.headers as Record<string, string>)['content-type'] = 'application/json';
  }
  const res = await fetch(url, init);
  const text = await res.text();
  let json: unknown;
  try {
    json = JSON.parse(text);
  } catch {
    json = undefined;
  }
  return { status: res.status, json: json as Record<string, unknown>, text, headers: res.headers };
}

export async function resultCount(store: Store): Promise<number> {
  const r = await store.kysely
    .selectFrom('results')
    .select((eb) => eb.fn.countAll<number>().as('n'))
    .executeTakeFirstOrThrow();
  return Number(r.n);
}

type Reply = Awaited<ReturnType<typeof post>>;

/** A test server shared by the tests of one describe block (see useTestServer). */
export interface SharedServer {
  readonly url: string;
  /** `${url}/api`. */
  readonly api: string;
  readonly port: number;
  readonly app: FastifyInstance;
  readonly store: Store;
  readonly db: Db;
  readonly dataDir: string;
  /**
   * Posts `body` to `route` (default /api/results) and asserts a refusal: the status, a JSON
   * error code (or one matching a pattern), a message in words, and no new stored result.
   */
  refused(body: unknown, status: number, error: string | RegExp, route?: string): Promise<Reply>;
}

/**
 * Starts a test server before the tests of the enclosing describe block and closes it (and its
 * PostgreSQL schema) after them. The handle reads the running server, so use it inside tests
 * and hooks, not while the block is being defined.
 */
export function useTestServer(
  backend: Backend,
  options: TestServerOptions = {},
  /** How long starting it may take (worker threads start slowly under load). */
  startTimeoutMs?: number,
): SharedServer {
  let running: TestServer | undefined;
  beforeAll(async () => {
    running = await startTestServer(backend, options);
  }, startTimeoutMs);
  afterAll(async () => {
    await running?.close();
  });
  const srv = (): TestServer => {
    if (!running) throw new Error('the test server is not running (use it inside a test)');
    return running;
  };
  return {
    get url() {
      return srv().url;
    },
    get api() {
      return `${srv().url}/api`;
    },
    get port() {
      return Number(new URL(srv().url).port);
    },
    get app() {
      return srv().app;
    },
    get store() {
      return srv().store;
    },
    get db() {
      return srv().db;
    },
    get dataDir() {
      return srv().dataDir;
    },
    async refused(body, status, error, route = '/api/results') {
      const before = await resultCount(srv().store);
      const res = await post(`${srv().url}${route}`, body);
      expect(res.status, res.text).toBe(status);
      expect(res.json).toBeTypeOf('object');
      if (typeof error === 'string') expect(res.json['error']).toBe(error);
      else expect(String(res.json['error'])).toMatch(error);
      // A message in words, not just a code.
      expect(res.json['message']).toBeTypeOf('string');
      expect(String(res.json['message']).length).toBeGreaterThan(5);
      expect(await resultCount(srv().store)).toBe(before);
      return res;
    },
  };
}
