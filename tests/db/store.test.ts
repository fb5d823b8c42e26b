/**
 * The storage layer on every backend: SQLite (WAL, in a temp folder) and PostgreSQL when
 * DATABASE_URL_TEST is set. Same migrations, same queries, same answers.
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';

import { afterAll, beforeAll, describe, expect, it } from 'vitest';

import SqliteDatabase from 'better-sqlite3';

import { dropPgSchema, migrate, openDatabase, SQLITE_FILE_NAME, type Db } from '../../src/db/open';
import { MIGRATIONS } from '../../src/db/migrations';
import { DAY_MS, Store, type ResultRow } from '../../src/db/store';
import { resultRowFixture } from '../helpers/result-row';

const PG_URL = process.env['DATABASE_URL_TEST'] || undefined;
const BACKENDS = PG_URL ? (['sqlite', 'postgres'] as const) : (['sqlite'] as const);
if (!PG_URL) console.warn('DATABASE_URL_TEST is not set: PostgreSQL storage tests are skipped');

const row = resultRowFixture;

describe.each(BACKENDS)('storage on %s', (backend) => {
  let db: Db;
  let store: Store;
  let dir: string;
  const schema = `tc_store_${process.pid}_${Date.now() % 1e6}`;

  beforeAll(async () => {
    dir = mkdtempSync(path.join(tmpdir(), 'tc-db-'));
    db = await openDatabase(
      backend === 'postgres' ? { databaseUrl: PG_URL, pgSchema: schema } : { dataDir: dir },
    );
    store = new Store(db);
  });

  afterAll(async () => {
    await db?.close();
    if (backend === 'postgres' && PG_URL) await dropPgSchema(PG_URL, schema);
    rmSync(dir, { recursive: true, force: true });
  });

  it('runs every migration once, and again is a no-op', async () => {
    expect(db.kind).toBe(backend);
    const applied = await db.kysely
      .selectFrom('kysely_migration' as never)
      .select('name' as never)
      .execute();
    expect(applied.map((r) => (r as { name: string }).name)).toEqual(Object.keys(MIGRATIONS));
    expect(await migrate(db.kysely, backend === 'postgres' ? schema : undefined)).toEqual([]);
  });

  if (backend === 'sqlite') {
    it('uses WAL and reports an intact file', () => {
      expect(db.sqlite!.pragma('journal_mode', { simple: true })).toBe('wal');
      expect(db.sqlite!.pragma('wal_autocheckpoint', { simple: true })).toBe(4000);
      expect(db.sqlite!.pragma('integrity_check', { simple: true })).toBe('ok');
    });
  }

  it('inserts a result once per dedup key, with large numbers and text intact', async () => {
    const a = row('a1', { created_at: 1_800_000_000_123, pseudonym: 'Ünïcødé <b>ok</b>' });
    expect((await store.insertResult(a)).created).toBe(true);
    const again = await store.insertResult({ ...a, id: 'a2' });
    expect(again.created).toBe(false);
    expect(again.row.id).toBe('a1');
    const got = await store.getResult('a1');
    expect(got).toEqual(a);
    expect(typeof got!.created_at).toBe('number');
    expect(await store.getResult('a2')).toBeUndefined();
  });

  // Results that arrive together share one commit on SQLite (a group commit): each must still
  // get its own answer, as if stored alone.
  it('stores results sent together each as if alone: a bad row fails alone, a copy is found', async () => {
    const before = await store.resultsVersion('5555555555555555');
    const at = (id: string, over: Partial<ResultRow> = {}) =>
      row(id, { scenario_hash: '5555555555555555', ...over });
    const answers = await Promise.allSettled([
      store.insertResult(at('g1')),
      // NOT NULL column left empty: the database refuses this row.
      store.insertResult(at('g-bad', { pseudonym: null as unknown as string })),
      store.insertResult(at('g2')),
      // The same run as g1 (same dedup key) in the same group: not stored twice.
      store.insertResult(at('g1-copy', { dedup_key: 'key-g1', pseudonym: 'Copy' })),
      store.insertResult(at('g3')),
    ]);
    expect(answers.map((a) => a.status)).toEqual([
      'fulfilled',
      'rejected',
      'fulfilled',
      'fulfilled',
      'fulfilled',
    ]);
    const value = (i: number) =>
      (answers[i] as PromiseFulfilledResult<{ created: boolean; row: { id: string } }>).value;
    expect([0, 2, 4].map((i) => value(i).created)).toEqual([true, true, true]);
    expect(value(3)).toMatchObject({ created: false, row: { id: 'g1', pseudonym: 'P g1' } });
    for (const id of ['g1', 'g2', 'g3']) expect(await store.getResult(id)).toEqual(at(id));
    expect(await store.getResult('g-bad')).toBeUndefined();
    expect(await store.getResult('g1-copy')).toBeUndefined();
    // Boards of the scenario see the change.
    expect(await store.resultsVersion('5555555555555555')).toBeGreaterThan(before);
  });

  if (backend === 'sqlite') {
    it('fails every result sent together when the database itself fails (locked), and stores nothing', async () => {
      // Another process holds SQLite's write lock longer than this connection waits for it.
      const other = new SqliteDatabase(path.join(dir, SQLITE_FILE_NAME));
      db.sqlite!.pragma('busy_timeout = 50');
      other.exec('BEGIN IMMEDIATE');
      try {
        const answers = await Promise.allSettled(
          ['l1', 'l2', 'l3'].map((id) => store.insertResult(row(id))),
        );
        expect(answers.map((a) => a.status)).toEqual(['rejected', 'rejected', 'rejected']);
        for (const a of answers)
          expect((a as PromiseRejectedResult).reason).toMatchObject({ code: 'SQLITE_BUSY' });
      } finally {
        other.exec('ROLLBACK');
        other.close();
        db.sqlite!.pragma('busy_timeout = 5000');
      }
      expect(await store.getResult('l1')).toBeUndefined();
      expect((await store.insertResult(row('l1'))).created).toBe(true);
    });
  }

  it('stores the pinned scenario in the same transaction, once', async () => {
    const sc = {
      hash: 'aaaaaaaaaaaaaaaa',
      id: 'custom',
      title: 'T',
      origin: 'upload',
      text: 'x: 1',
      created_at: 1,
    };
    await store.insertResult(row('b1', { scenario_hash: sc.hash, scenario_id: 'custom' }), sc);
    await store.insertResult(row('b2', { scenario_hash: sc.hash, scenario_id: 'custom' }), {
      ...sc,
      title: 'other',
    });
    expect(await store.getScenario(sc.hash)).toEqual(sc);
  });

  it('lists newest first with filters, counts, hides', async () => {
    await store.insertResult(row('c1', { class_code: 'ABCDEF', created_at: 10 }));
    await store.insertResult(row('c2', { class_code: 'ABCDEF', created_at: 20 }));
    await store.insertResult(
      row('c3', { class_code: 'ABCDEF', created_at: 30, scenario_id: 'other' }),
    );
    const list = await store.listResults({ classCode: 'ABCDEF' }, 10);
    expect(list.map((r) => r.id)).toEqual(['c3', 'c2', 'c1']);
    expect(list[0]).not.toHaveProperty('record');
    expect(await store.countResults({ classCode: 'ABCDEF', scenarioId: 'historical-2024' })).toBe(
      2,
    );
    expect(await store.setHidden('c2', true)).toBe(true);
    expect((await store.listResults({ classCode: 'ABCDEF' }, 10)).map((r) => r.id)).toEqual([
      'c3',
      'c1',
    ]);
    expect(
      (await store.listResults({ classCode: 'ABCDEF', includeHidden: true }, 10)).map((r) => r.id),
    ).toEqual(['c3', 'c2', 'c1']);
    expect(
      (await store.listResults({ classCode: 'ABCDEF', includeHidden: true }, 1, 1)).map(
        (r) => r.id,
      ),
    ).toEqual(['c2']);
    expect(await store.setHidden('nope', true)).toBe(false);
    expect(await store.deleteResult('c3')).toBe(true);
    expect(await store.deleteResult('c3')).toBe(false);
  });

  it('sweeps expired class data and keeps the rest', async () => {
    const t0 = 1_900_000_000_000;
    await store.createClass({
      code: 'SWEEP2',
      scenario_id: 'x',
      scenario_hash: 'h',
      seed: null,
      figures: null,
      key_hash: 'k',
      retention_days: 2,
      created_at: t0,
    });
    await store.createClass({
      code: 'KEEP22',
      scenario_id: 'x',
      scenario_hash: 'h',
      seed: null,
      figures: null,
      key_hash: 'k',
      retention_days: 30,
      created_at: t0,
    });
    expect(
      await store.createClass({
        code: 'KEEP22',
        scenario_id: 'y',
        scenario_hash: 'h',
        seed: null,
        figures: null,
        key_hash: 'k',
        retention_days: 1,
        created_at: t0,
      }),
    ).toBe(false);
    await store.insertResult(row('s-old', { class_code: 'SWEEP2', created_at: t0 }));
    await store.insertResult(row('s-new', { class_code: 'SWEEP2', created_at: t0 + 2 * DAY_MS }));
    await store.insertResult(row('k-old', { class_code: 'KEEP22', created_at: t0 }));
    await store.insertResult(row('free', { created_at: t0 }));

    const first = await store.sweep(t0 + 3 * DAY_MS);
    expect(first).toEqual({ results: 1, classes: 0 });
    expect(await store.getResult('s-old')).toBeUndefined();
    expect(await store.getResult('s-new')).toBeDefined();
    expect(await store.getClass('SWEEP2')).toBeDefined(); // still has a result

    const second = await store.sweep(t0 + 5 * DAY_MS);
    expect(second).toEqual({ results: 1, classes: 1 });
    expect(await store.getClass('SWEEP2')).toBeUndefined();
    expect(await store.getResult('k-old')).toBeDefined();
    expect(await store.getResult('free')).toBeDefined();
    expect(await store.sweep(t0 + 5 * DAY_MS)).toEqual({ results: 0, classes: 0 });
  });

  it('reopening keeps the data (migrations already applied)', async () => {
    if (backend === 'sqlite') {
      const again = await openDatabase({ dataDir: dir });
      try {
        expect(await new Store(again).getResult('a1')).toBeDefined();
      } finally {
        await again.close();
      }
    } else {
      const again = await openDatabase({ databaseUrl: PG_URL, pgSchema: schema });
      try {
        expect(await new Store(again).getResult('a1')).toBeDefined();
      } finally {
        await again.close();
      }
    }
  });
});
