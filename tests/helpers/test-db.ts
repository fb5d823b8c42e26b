/** A fresh database per test file on each backend: SQLite in a temp folder, and PostgreSQL (own schema) when DATABASE_URL_TEST is set. */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll } from 'vitest';
import { dropPgSchema, openDatabase, type Db } from '../../src/db/open';

export const PG_URL = process.env['DATABASE_URL_TEST'] || undefined;
export const BACKENDS = PG_URL ? (['sqlite', 'postgres'] as const) : (['sqlite'] as const);

/** Opens the database in beforeAll and removes it in afterAll; read `.db` inside tests. */
export function useTestDb(backend: 'sqlite' | 'postgres', prefix: string): { db: Db } {
  const holder = {} as { db: Db };
  let dir = '';
  const schema = `${prefix}_${process.pid}_${Date.now() % 1e6}`;
  beforeAll(async () => {
    dir = mkdtempSync(path.join(tmpdir(), `${prefix}-`));
    holder.db = await openDatabase(backend === 'postgres' ? { databaseUrl: PG_URL, pgSchema: schema } : { dataDir: dir });
  });
  afterAll(async () => {
    await holder.db?.close();
    if (backend === 'postgres' && PG_URL) await dropPgSchema(PG_URL, schema);
    rmSync(dir, { recursive: true, force: true });
  });
  return holder;
}
