/**
 * The board cache (issue 13): a board read once is answered from memory until its results change,
 * and then read again, whichever app server made the change. Two Store objects over two
 * connections to one database stand for two app servers (SQLite file, PostgreSQL schema).
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';

import { afterAll, beforeAll, describe, expect, it } from 'vitest';

import { dropPgSchema, openDatabase, type Db } from '../../src/db/open';
import { DAY_MS, Store, type ResultRow } from '../../src/db/store';
import { answerBoard } from '../../src/server/board-bins';
import { BoardCache } from '../../src/server/board-cache';
import { resultRowFixture } from '../helpers/result-row';
import { BACKENDS, PG_URL } from './helpers';

const HASH = 'aaaaaaaaaaaaaaaa';
const OTHER = 'bbbbbbbbbbbbbbbb';
let made = 0;

function row(id: string, over: Partial<ResultRow> = {}): ResultRow {
  made++;
  return resultRowFixture(id, {
    scenario_hash: HASH,
    pseudonym: `Player ${id}`,
    created_at: 1_700_000_000_000 + made * 1000,
    metrics: `{"kyiv.score":${made * 10}}`,
    ...over,
  });
}

const students = { scenarioHash: HASH, includeHidden: false };
const moderator = { scenarioHash: HASH, includeHidden: true };
const Q = {
  sort: 'createdAt',
  dir: 'desc' as const,
  pageSize: 25,
  mine: [],
  played: 'all' as const,
};
const ids = async (cache: BoardCache, filter = students) =>
  answerBoard(await cache.get(filter), Q).table.runs.map((r) => r.id);

describe.each(BACKENDS)('the board cache on %s, two app servers on one database', (backend) => {
  const dir = mkdtempSync(path.join(tmpdir(), 'tc-board-cache-'));
  const schema = `tc_board_cache_${process.pid}_${Date.now() % 1e6}`;
  const where =
    backend === 'postgres' ? { databaseUrl: PG_URL, pgSchema: schema } : { dataDir: dir };
  let dbA: Db;
  let dbB: Db;
  let a: Store; // the server whose cache is tested
  let b: Store; // the other server, which writes
  let cache: BoardCache;

  beforeAll(async () => {
    dbA = await openDatabase(where);
    dbB = await openDatabase(where);
    a = new Store(dbA);
    b = new Store(dbB);
    cache = new BoardCache(a);
    await a.insertResult(row('r1'));
    await a.insertResult(row('o1', { scenario_hash: OTHER }));
  });
  afterAll(async () => {
    await dbA?.close();
    await dbB?.close();
    if (backend === 'postgres' && PG_URL) await dropPgSchema(PG_URL, schema);
    rmSync(dir, { recursive: true, force: true });
  });

  it('answers an unchanged board from memory', async () => {
    const first = await cache.get(students);
    const reads = cache.reads;
    expect(await cache.get(students)).toBe(first);
    expect(cache.reads).toBe(reads);
  });

  it('reads the board again when the other server stores a result', async () => {
    expect(await ids(cache)).toEqual(['r1']);
    await b.insertResult(row('r2'));
    expect(await ids(cache)).toEqual(['r2', 'r1']);
    const board = answerBoard(await cache.get(students), Q);
    expect(board.total).toBe(2);
    expect(board.distributions['kyiv.score']!.n).toBe(2);
    // The same record again (a repeat) changes nothing and keeps the cached board.
    const reads = cache.reads;
    expect((await b.insertResult(row('r2-again', { dedup_key: 'key-r2' }))).created).toBe(false);
    await cache.get(students);
    expect(cache.reads).toBe(reads);
  });

  it('hides, shows again and deletes for students; the moderator sees the hidden run marked', async () => {
    expect(await ids(cache, moderator)).toEqual(['r2', 'r1']);
    await b.setHidden('r1', true);
    expect(await ids(cache)).toEqual(['r2']);
    const mod = answerBoard(await cache.get(moderator), Q);
    expect(mod.table.runs.map((r) => [r.id, r.hidden])).toEqual([
      ['r2', false],
      ['r1', true],
    ]);
    expect(mod.hidden).toBe(1);
    await b.setHidden('r1', false);
    expect(await ids(cache)).toEqual(['r2', 'r1']);
    await b.deleteResult('r2');
    expect(await ids(cache)).toEqual(['r1']);
    expect(await ids(cache, moderator)).toEqual(['r1']);
  });

  it('reads again after the retention sweep deletes old class results', async () => {
    await b.createClass({
      code: 'CACHE1',
      scenario_id: 'historical-2024',
      scenario_hash: HASH,
      seed: null,
      figures: null,
      key_hash: 'x',
      retention_days: 1,
      created_at: Date.now(),
    });
    await b.insertResult(row('old', { class_code: 'CACHE1', created_at: Date.now() - 3 * DAY_MS }));
    expect(await ids(cache)).toContain('old');
    expect((await b.sweep(Date.now())).results).toBe(1);
    expect(await ids(cache)).not.toContain('old');
  });

  it('keeps the boards of other scenarios when one scenario changes', async () => {
    const other = { scenarioHash: OTHER, includeHidden: false };
    expect(await ids(cache, other)).toEqual(['o1']);
    const reads = cache.reads;
    await b.insertResult(row('r3'));
    expect(await ids(cache, other)).toEqual(['o1']);
    expect(cache.reads).toBe(reads);
    expect(await ids(cache)).toContain('r3');
    expect(cache.reads).toBe(reads + 1);
  });

  it('a board named by scenario id alone (no hash) follows every scenario’s version', async () => {
    const byId = { scenarioId: 'historical-2024', includeHidden: false };
    const before = (await cache.get(byId)).all.length;
    await b.insertResult(row('by-id', { scenario_hash: OTHER }));
    expect((await cache.get(byId)).all.map((r) => r.id)).toContain('by-id');
    expect((await cache.get(byId)).all.length).toBe(before + 1);
  });

  it('a board warmed at start answers the first request from memory', async () => {
    const fresh = new BoardCache(a);
    await fresh.warm([students]);
    expect(fresh.reads).toBe(1);
    expect(answerBoard(await fresh.get(students), Q).table.runs.length).toBeGreaterThan(0);
    expect(fresh.reads).toBe(1);
  });

  it('keeps no more runs than its bound, dropping the least recently used board', async () => {
    const other = { scenarioHash: OTHER, includeHidden: false };
    const small = new BoardCache(a, 12, 2);
    await small.get(other); // one run
    await small.get(other);
    expect(small.reads).toBe(1);
    await small.get(students); // more than two runs: the other board goes
    await small.get(students);
    expect(small.reads).toBe(2);
    await small.get(other);
    expect(small.reads).toBe(3);
  });

  it('says which run a forked run continued, in names, also when that run is hidden or deleted', async () => {
    await b.insertResult(row('parent', { pseudonym: 'Ada' }));
    await b.insertResult(row('child', { forked_from_result: 'parent', forked_from_turn: 4 }));
    const fork = async (filter = students) =>
      (await cache.get(filter)).all.find((r) => r.id === 'child')!.forkedFrom;
    expect(await fork()).toEqual({ turn: 4, pseudonym: 'Ada' });
    expect((await cache.get(students)).all.find((r) => r.id === 'parent')!.forkedFrom).toBeNull();
    await b.setHidden('parent', true);
    expect(await fork()).toEqual({ turn: 4, gone: 'hidden' });
    expect(await fork(moderator)).toEqual({ turn: 4, pseudonym: 'Ada' });
    await b.deleteResult('parent');
    expect(await fork()).toEqual({ turn: 4, gone: 'deleted' });
  });
});
