/**
 * Versioned migrations, in code (no migration folder to ship), run by Kysely's Migrator on
 * startup. They use only Kysely's schema builder with types both SQLite and PostgreSQL accept,
 * so one list serves both. Never edit a migration that has shipped: add the next one.
 */
import { type Kysely, type Migration, type MigrationProvider } from 'kysely';

export const MIGRATIONS: Record<string, Migration> = {
  '0001_initial': {
    async up(db: Kysely<unknown>) {
      await db.schema
        .createTable('scenarios')
        .addColumn('hash', 'text', (c) => c.primaryKey())
        .addColumn('id', 'text', (c) => c.notNull())
        .addColumn('title', 'text', (c) => c.notNull())
        .addColumn('origin', 'text', (c) => c.notNull())
        .addColumn('text', 'text', (c) => c.notNull())
        .addColumn('created_at', 'bigint', (c) => c.notNull())
        .execute();

      await db.schema
        .createTable('classes')
        .addColumn('code', 'text', (c) => c.primaryKey())
        .addColumn('scenario_id', 'text', (c) => c.notNull())
        .addColumn('scenario_hash', 'text', (c) => c.notNull())
        .addColumn('seed', 'text')
        .addColumn('figures', 'text')
        .addColumn('key_hash', 'text', (c) => c.notNull())
        .addColumn('retention_days', 'integer', (c) => c.notNull())
        .addColumn('created_at', 'bigint', (c) => c.notNull())
        .execute();

      // Small columns first: a list query reads them without touching the large ones.
      await db.schema
        .createTable('results')
        .addColumn('id', 'text', (c) => c.primaryKey())
        .addColumn('dedup_key', 'text', (c) => c.notNull().unique())
        .addColumn('scenario_id', 'text', (c) => c.notNull())
        .addColumn('scenario_hash', 'text', (c) => c.notNull())
        .addColumn('class_code', 'text')
        .addColumn('pseudonym', 'text', (c) => c.notNull())
        .addColumn('engine_version', 'text', (c) => c.notNull())
        .addColumn('seed', 'text', (c) => c.notNull())
        .addColumn('figures', 'text', (c) => c.notNull())
        .addColumn('seats', 'text', (c) => c.notNull())
        .addColumn('turns', 'integer', (c) => c.notNull())
        .addColumn('action_count', 'integer', (c) => c.notNull())
        .addColumn('final_hash', 'text', (c) => c.notNull())
        .addColumn('hidden', 'integer', (c) => c.notNull().defaultTo(0))
        .addColumn('created_at', 'bigint', (c) => c.notNull())
        .addColumn('metrics', 'text', (c) => c.notNull())
        .addColumn('history', 'text', (c) => c.notNull())
        .addColumn('record', 'text', (c) => c.notNull())
        .execute();

      await db.schema
        .createIndex('results_scenario_created')
        .on('results')
        .columns(['scenario_id', 'created_at'])
        .execute();
      await db.schema
        .createIndex('results_class_created')
        .on('results')
        .columns(['class_code', 'created_at'])
        .execute();
    },
    async down(db: Kysely<unknown>) {
      await db.schema.dropTable('results').ifExists().execute();
      await db.schema.dropTable('classes').ifExists().execute();
      await db.schema.dropTable('scenarios').ifExists().execute();
    },
  },
};

/** Kysely's MigrationProvider over the in-code list above. */
export const migrationProvider: MigrationProvider = {
  getMigrations: async () => MIGRATIONS,
};
