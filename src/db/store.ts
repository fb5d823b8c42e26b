/**
 * Every query the server makes, portable between SQLite and PostgreSQL (Kysely's query builder
 * only; no dialect-specific SQL). Rows go in and out as the tables define them (schema.ts).
 */
import { CompiledQuery, type Kysely, type Selectable } from 'kysely';

import type { Db } from './open';
import type { ClassesTable, Database, ResultsTable, ScenariosTable } from './schema';

export type ResultRow = Selectable<ResultsTable>;
export type ClassRow = Selectable<ClassesTable>;
export type ScenarioRow = Selectable<ScenariosTable>;

/** The columns a list needs: everything but the large history and record. */
export const SUMMARY_COLUMNS = [
  'id',
  'scenario_id',
  'scenario_hash',
  'class_code',
  'pseudonym',
  'engine_version',
  'seed',
  'figures',
  'seats',
  'turns',
  'action_count',
  'final_hash',
  'hidden',
  'created_at',
  'metrics',
  'forked_from_result',
  'forked_from_turn',
] as const;
export type SummaryRow = Pick<ResultRow, (typeof SUMMARY_COLUMNS)[number]>;

/** Every column of a result, in the order the prepared insert takes them. */
const RESULT_COLUMNS = [...SUMMARY_COLUMNS, 'dedup_key', 'history', 'record'] as const;
// A column added to the table but not listed here fails to compile (it would not be stored).
const allColumns: Exclude<keyof ResultRow, (typeof RESULT_COLUMNS)[number]> extends never
  ? true
  : never = true;
void allColumns;
const SCENARIO_COLUMNS = ['hash', 'id', 'title', 'origin', 'text', 'created_at'] as const;

/**
 * A query built and compiled once (Kysely takes about 20 µs to build and compile one, more than
 * SQLite takes to run ours). Build it with `slot(name)` where a value goes; `bind` gives the
 * parameters for some values (constants in the query keep their place).
 */
const SLOT = '\u0000slot:';
const slot = (name: string) => `${SLOT}${name}` as never;
const slots = <K extends string>(columns: readonly K[]) =>
  Object.fromEntries(columns.map((c) => [c, slot(c)])) as Record<K, never>;

interface Prepared {
  sql: string;
  bind(values: Readonly<Record<string, unknown>>): unknown[];
}

function prepared(query: { compile(): CompiledQuery }): Prepared {
  const { sql, parameters } = query.compile();
  const names = parameters.map((p) =>
    typeof p === 'string' && p.startsWith(SLOT) ? p.slice(SLOT.length) : null,
  );
  return {
    sql,
    bind: (values) => names.map((n, i) => (n === null ? parameters[i] : values[n])),
  };
}

/** Whether an error is about one row (a constraint, its size), not the database as a whole. */
function rowRefused(e: unknown): boolean {
  const code = (e as { code?: unknown } | null)?.code;
  return (
    typeof code !== 'string' ||
    !code.startsWith('SQLITE_') ||
    /^SQLITE_(CONSTRAINT|TOOBIG|MISMATCH|RANGE)/.test(code)
  );
}

interface PendingInsert {
  row: ResultRow;
  scenario: ScenarioRow | undefined;
  resolve: (r: { created: boolean; row: SummaryRow }) => void;
  reject: (e: unknown) => void;
}

export const BOARD_COLUMNS = [
  'id',
  'pseudonym',
  'created_at',
  'seats',
  'class_code',
  'hidden',
  'metrics',
] as const;
/** A board row, and for a forked run the name and visibility of the run it continued. */
export type BoardRow = Pick<
  ResultRow,
  (typeof BOARD_COLUMNS)[number] | 'forked_from_result' | 'forked_from_turn'
> & { parent_pseudonym: string | null; parent_hidden: number | null };

export interface ResultFilter {
  scenarioId?: string;
  scenarioHash?: string;
  classCode?: string;
  includeHidden?: boolean;
}

export const DAY_MS = 24 * 60 * 60 * 1000;

export class Store {
  readonly kysely: Kysely<Database>;
  /**
   * The submission path's queries, built and compiled once: Kysely builds and compiles a query
   * in about 20 µs, more than SQLite takes to run these.
   */
  private readonly hot;
  /** SQLite: results waiting for the next group commit (see insertResult). */
  private pending: PendingInsert[] = [];
  private insertGroup:
    ((group: PendingInsert[]) => { created: boolean; row: SummaryRow }[]) | null = null;

  constructor(readonly db: Db) {
    this.kysely = db.kysely;
    const k = this.kysely;
    this.hot = {
      insertResult: prepared(
        k
          .insertInto('results')
          .values(slots(RESULT_COLUMNS))
          .onConflict((oc) => oc.column('dedup_key').doNothing()),
      ),
      putScenario: prepared(
        k
          .insertInto('scenarios')
          .values(slots(SCENARIO_COLUMNS))
          .onConflict((oc) => oc.column('hash').doNothing()),
      ),
      byDedupKey: prepared(
        k.selectFrom('results').select(SUMMARY_COLUMNS).where('dedup_key', '=', slot('key')),
      ),
      getClass: prepared(k.selectFrom('classes').selectAll().where('code', '=', slot('code'))),
      bumpVersion: prepared(
        k
          .insertInto('results_versions')
          .values({ scenario_hash: slot('hash'), version: 1 })
          .onConflict((oc) =>
            oc
              .column('scenario_hash')
              .doUpdateSet((eb) => ({ version: eb('results_versions.version', '+', 1) })),
          ),
      ),
    };
  }

  /** Runs a query of `hot` with these values. */
  private async run<R>(q: Prepared, values: Record<string, unknown>): Promise<R[]> {
    return (await this.kysely.executeQuery<R>(CompiledQuery.raw(q.sql, q.bind(values)))).rows;
  }

  // ------------------------------------------------------------------ scenarios

  async getScenario(hash: string): Promise<ScenarioRow | undefined> {
    return this.kysely
      .selectFrom('scenarios')
      .selectAll()
      .where('hash', '=', hash)
      .executeTakeFirst();
  }

  async putScenario(row: ScenarioRow): Promise<void> {
    await this.kysely
      .insertInto('scenarios')
      .values(row)
      .onConflict((oc) => oc.column('hash').doNothing())
      .execute();
  }

  /** Scenario ids and hashes that have visible results, with counts. */
  async scenarioCounts(): Promise<{ scenario_id: string; scenario_hash: string; count: number }[]> {
    const rows = await this.kysely
      .selectFrom('results')
      .select(['scenario_id', 'scenario_hash'])
      .select((eb) => eb.fn.countAll<number>().as('count'))
      .where('hidden', '=', 0)
      .groupBy(['scenario_id', 'scenario_hash'])
      .execute();
    return rows.map((r) => ({ ...r, count: Number(r.count) }));
  }

  // ------------------------------------------------------------------ results

  /**
   * Stores a verified result (and the scenario it pins, if not stored yet) and raises its
   * scenario's results version, in one transaction. A result with the same dedup key is not
   * stored twice: `created` says which happened, and `row` is the stored one either way.
   * The promise resolves only once the row is committed.
   *
   * On SQLite the results that arrive together (in the same turn of the event loop) share one
   * transaction, a group commit: each commit writes the touched index pages and the version
   * row once for the whole group instead of once per result. A group that fails is stored again
   * one result per transaction, so a bad row fails alone. (So never await it inside a Kysely
   * transaction on SQLite: the group waits for the connection that transaction holds.)
   */
  insertResult(
    row: ResultRow,
    scenario?: ScenarioRow,
  ): Promise<{ created: boolean; row: SummaryRow }> {
    if (!this.db.sqlite) return this.insertOne(row, scenario);
    return new Promise((resolve, reject) => {
      this.pending.push({ row, scenario, resolve, reject });
      if (this.pending.length === 1) setImmediate(() => void this.commitPending());
    });
  }

  /** PostgreSQL: one transaction per result (concurrent commits share PostgreSQL's WAL flushes). */
  private async insertOne(
    row: ResultRow,
    scenario?: ScenarioRow,
  ): Promise<{ created: boolean; row: SummaryRow }> {
    return this.kysely.transaction().execute(async (trx) => {
      const run = (q: Prepared, values: Record<string, unknown>) =>
        trx.executeQuery(CompiledQuery.raw(q.sql, q.bind(values)));
      if (scenario) await run(this.hot.putScenario, scenario);
      const r = await run(this.hot.insertResult, row);
      if (Number(r.numAffectedRows ?? 0n) > 0) {
        await run(this.hot.bumpVersion, { hash: row.scenario_hash });
        return { created: true, row };
      }
      const existing = (await run(this.hot.byDedupKey, { key: row.dedup_key })).rows[0] as
        SummaryRow | undefined;
      if (!existing) throw new Error('a result with the same key was neither inserted nor found');
      return { created: false, row: existing };
    });
  }

  /** SQLite: commits every pending result (see insertResult). */
  private async commitPending(): Promise<void> {
    const group = this.pending;
    this.pending = [];
    try {
      // better-sqlite3 is synchronous; holding Kysely's connection keeps its queries (and its
      // transactions, which span awaits) from interleaving with ours.
      await this.kysely.connection().execute(async () => {
        const insert = this.sqliteGroupInsert();
        let answers: { created: boolean; row: SummaryRow }[] | null = null;
        try {
          answers = insert(group);
        } catch (e) {
          // Nothing of the group was stored. A row the database refused: store each alone, so
          // only that one fails. The database itself failing (disk full, locked, I/O): each
          // would fail (or wait out the busy timeout) again, so every result fails with it.
          if (!rowRefused(e)) throw e;
          for (const p of group) {
            try {
              p.resolve(insert([p])[0]!);
            } catch (e) {
              p.reject(e);
            }
          }
          return;
        }
        group.forEach((p, i) => p.resolve(answers[i]!));
      });
    } catch (e) {
      for (const p of group) p.reject(e); // the database failed, or the connection (closed)
    }
  }

  /** One SQLite transaction (BEGIN IMMEDIATE: a writer waits its turn) for a group of results. */
  private sqliteGroupInsert() {
    if (this.insertGroup) return this.insertGroup;
    const sqlite = this.db.sqlite!;
    const { hot } = this;
    const insert = sqlite.prepare(hot.insertResult.sql);
    const putScenario = sqlite.prepare(hot.putScenario.sql);
    const byDedupKey = sqlite.prepare(hot.byDedupKey.sql);
    const bump = sqlite.prepare(hot.bumpVersion.sql);
    const txn = sqlite.transaction((group: PendingInsert[]) => {
      const bumped = new Set<string>();
      const answers = group.map(({ row, scenario }) => {
        if (scenario) putScenario.run(hot.putScenario.bind(scenario));
        if (insert.run(hot.insertResult.bind(row)).changes > 0) {
          bumped.add(row.scenario_hash);
          return { created: true, row: row as SummaryRow };
        }
        // Stored before, or earlier in this same group.
        const existing = byDedupKey.get(hot.byDedupKey.bind({ key: row.dedup_key })) as
          SummaryRow | undefined;
        if (!existing) throw new Error('a result with the same key was neither inserted nor found');
        return { created: false, row: existing };
      });
      // A version is a change counter: one step per scenario for the whole group is enough.
      for (const hash of bumped) bump.run(hot.bumpVersion.bind({ hash }));
      return answers;
    });
    this.insertGroup = (group) => txn.immediate(group);
    return this.insertGroup;
  }

  /** The stored result with this dedup key (summary columns only). */
  async findByDedupKey(key: string): Promise<SummaryRow | undefined> {
    return (await this.run<SummaryRow>(this.hot.byDedupKey, { key }))[0];
  }

  async getResult(id: string): Promise<ResultRow | undefined> {
    return this.kysely.selectFrom('results').selectAll().where('id', '=', id).executeTakeFirst();
  }

  async listResults(filter: ResultFilter, limit: number, offset = 0): Promise<SummaryRow[]> {
    let q = this.kysely.selectFrom('results').select(SUMMARY_COLUMNS);
    if (filter.scenarioId !== undefined) q = q.where('scenario_id', '=', filter.scenarioId);
    if (filter.scenarioHash !== undefined) q = q.where('scenario_hash', '=', filter.scenarioHash);
    if (filter.classCode !== undefined) q = q.where('class_code', '=', filter.classCode);
    if (!filter.includeHidden) q = q.where('hidden', '=', 0);
    return q.orderBy('created_at', 'desc').orderBy('id').limit(limit).offset(offset).execute();
  }

  /** The few columns the results board needs, for many rows at once. */
  async listBoard(filter: ResultFilter, limit: number, offset = 0): Promise<BoardRow[]> {
    let q = this.kysely
      .selectFrom('results as r')
      .leftJoin('results as p', 'p.id', 'r.forked_from_result')
      .select(BOARD_COLUMNS.map((c) => `r.${c}` as const))
      .select([
        'r.forked_from_result',
        'r.forked_from_turn',
        'p.pseudonym as parent_pseudonym',
        'p.hidden as parent_hidden',
      ]);
    if (filter.scenarioId !== undefined) q = q.where('r.scenario_id', '=', filter.scenarioId);
    if (filter.scenarioHash !== undefined) q = q.where('r.scenario_hash', '=', filter.scenarioHash);
    if (filter.classCode !== undefined) q = q.where('r.class_code', '=', filter.classCode);
    if (!filter.includeHidden) q = q.where('r.hidden', '=', 0);
    return q.orderBy('r.created_at', 'desc').orderBy('r.id').limit(limit).offset(offset).execute();
  }

  async countResults(filter: ResultFilter): Promise<number> {
    let q = this.kysely.selectFrom('results').select((eb) => eb.fn.countAll<number>().as('n'));
    if (filter.scenarioId !== undefined) q = q.where('scenario_id', '=', filter.scenarioId);
    if (filter.scenarioHash !== undefined) q = q.where('scenario_hash', '=', filter.scenarioHash);
    if (filter.classCode !== undefined) q = q.where('class_code', '=', filter.classCode);
    if (!filter.includeHidden) q = q.where('hidden', '=', 0);
    const r = await q.executeTakeFirst();
    return Number(r?.n ?? 0);
  }

  /** Every result of a class, oldest first, for the CSV export (hidden ones included). */
  async classResults(code: string): Promise<SummaryRow[]> {
    return this.kysely
      .selectFrom('results')
      .select(SUMMARY_COLUMNS)
      .where('class_code', '=', code)
      .orderBy('created_at', 'asc')
      .orderBy('id')
      .execute();
  }

  async setHidden(id: string, hidden: boolean): Promise<boolean> {
    const r = await this.kysely
      .updateTable('results')
      .set({ hidden: hidden ? 1 : 0 })
      .where('id', '=', id)
      .executeTakeFirst();
    const changed = Number(r.numUpdatedRows) > 0;
    if (changed) await this.bumpResultsVersion(await this.scenarioHashOf(id));
    return changed;
  }

  async deleteResult(id: string): Promise<boolean> {
    const hash = await this.scenarioHashOf(id);
    const r = await this.kysely.deleteFrom('results').where('id', '=', id).executeTakeFirst();
    const deleted = Number(r.numDeletedRows) > 0;
    if (deleted) await this.bumpResultsVersion(hash);
    return deleted;
  }

  private async scenarioHashOf(id: string): Promise<string | undefined> {
    const r = await this.kysely
      .selectFrom('results')
      .select('scenario_hash')
      .where('id', '=', id)
      .executeTakeFirst();
    return r?.scenario_hash;
  }

  // ------------------------------------------------------------------ results versions

  /**
   * Raises the version of a scenario's results (every scenario's when `hash` is undefined). Called
   * after the write it announces, so a board read after reading the old version is at worst read
   * again, never kept stale.
   */
  async bumpResultsVersion(hash: string | undefined): Promise<void> {
    if (hash === undefined) {
      await this.kysely
        .updateTable('results_versions')
        .set((eb) => ({ version: eb('version', '+', 1) }))
        .execute();
      return;
    }
    await this.kysely
      .insertInto('results_versions')
      .values({ scenario_hash: hash, version: 1 })
      .onConflict((oc) =>
        oc
          .column('scenario_hash')
          .doUpdateSet((eb) => ({ version: eb('results_versions.version', '+', 1) })),
      )
      .execute();
  }

  /**
   * A number that changes whenever the results of `hash` change (of any scenario when `hash` is
   * undefined: the sum of every counter, which only grows).
   */
  async resultsVersion(hash: string | undefined): Promise<number> {
    let q = this.kysely
      .selectFrom('results_versions')
      .select((eb) => eb.fn.coalesce(eb.fn.sum<number>('version'), eb.lit(0)).as('v'));
    if (hash !== undefined) q = q.where('scenario_hash', '=', hash);
    const r = await q.executeTakeFirst();
    return Number(r?.v ?? 0);
  }

  // ------------------------------------------------------------------ classes

  async createClass(row: ClassRow): Promise<boolean> {
    const r = await this.kysely
      .insertInto('classes')
      .values(row)
      .onConflict((oc) => oc.column('code').doNothing())
      .executeTakeFirst();
    return Number(r.numInsertedOrUpdatedRows ?? 0n) > 0;
  }

  async getClass(code: string): Promise<ClassRow | undefined> {
    return (await this.run<ClassRow>(this.hot.getClass, { code }))[0];
  }

  async setRetention(code: string, days: number): Promise<boolean> {
    const r = await this.kysely
      .updateTable('classes')
      .set({ retention_days: days })
      .where('code', '=', code)
      .executeTakeFirst();
    return Number(r.numUpdatedRows) > 0;
  }

  // ------------------------------------------------------------------ retention

  /**
   * Deletes each class's results older than its retention period, then classes that are older
   * than their retention period and have no results left. Idempotent: several servers may run
   * it at once.
   */
  async sweep(now: number): Promise<{ results: number; classes: number }> {
    const classes = await this.kysely
      .selectFrom('classes')
      .select(['code', 'retention_days', 'created_at'])
      .execute();
    let results = 0;
    let removed = 0;
    for (const c of classes) {
      const cutoff = now - c.retention_days * DAY_MS;
      const r = await this.kysely
        .deleteFrom('results')
        .where('class_code', '=', c.code)
        .where('created_at', '<', cutoff)
        .executeTakeFirst();
      results += Number(r.numDeletedRows);
      if (Number(r.numDeletedRows) > 0) await this.bumpResultsVersion(undefined);
      if (c.created_at < cutoff) {
        const d = await this.kysely
          .deleteFrom('classes')
          .where('code', '=', c.code)
          .where(({ not, exists, selectFrom }) =>
            not(exists(selectFrom('results').select('id').where('class_code', '=', c.code))),
          )
          .executeTakeFirst();
        removed += Number(d.numDeletedRows);
      }
    }
    return { results, classes: removed };
  }
}
