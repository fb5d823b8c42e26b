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
  // Issue 11: class rooms. A room is a row; its game is the ordered log (room_log), which any
  // app server replays to rebuild the room. Seat tokens are stored as their sha256 only.
  '0011_rooms': {
    async up(db: Kysely<unknown>) {
      await db.schema
        .createTable('class_rooms')
        .addColumn('class_code', 'text', (c) => c.primaryKey())
        .addColumn('size', 'integer', (c) => c.notNull())
        .addColumn('fill', 'text', (c) => c.notNull())
        .addColumn('computer_seat', 'text', (c) => c.notNull())
        .addColumn('assignments', 'text', (c) => c.notNull())
        .addColumn('updated_at', 'bigint', (c) => c.notNull())
        .execute();
      await db.schema
        .createTable('rooms')
        .addColumn('id', 'text', (c) => c.primaryKey())
        .addColumn('class_code', 'text', (c) => c.notNull())
        .addColumn('number', 'integer', (c) => c.notNull())
        .addColumn('phase', 'text', (c) => c.notNull())
        .addColumn('seed', 'text', (c) => c.notNull())
        .addColumn('figures', 'text', (c) => c.notNull())
        .addColumn('size', 'integer', (c) => c.notNull())
        .addColumn('computer_seat', 'text')
        .addColumn('result_id', 'text')
        .addColumn('created_at', 'bigint', (c) => c.notNull())
        .addColumn('updated_at', 'bigint', (c) => c.notNull())
        .execute();
      await db.schema.createIndex('rooms_class_number').unique().on('rooms').columns(['class_code', 'number']).execute();
      await db.schema
        .createTable('room_seats')
        .addColumn('room_id', 'text', (c) => c.notNull())
        .addColumn('capital', 'text', (c) => c.notNull())
        .addColumn('pseudonym', 'text', (c) => c.notNull())
        .addColumn('token_hash', 'text', (c) => c.notNull().unique())
        .addColumn('joined_at', 'bigint', (c) => c.notNull())
        .addPrimaryKeyConstraint('room_seats_pk', ['room_id', 'capital'])
        .execute();
      await db.schema
        .createTable('room_log')
        .addColumn('room_id', 'text', (c) => c.notNull())
        .addColumn('seq', 'integer', (c) => c.notNull())
        .addColumn('seat', 'text', (c) => c.notNull())
        .addColumn('client_id', 'text')
        .addColumn('entry', 'text', (c) => c.notNull())
        .addColumn('created_at', 'bigint', (c) => c.notNull())
        .addPrimaryKeyConstraint('room_log_pk', ['room_id', 'seq'])
        .execute();
      await db.schema.createIndex('room_log_client').unique().on('room_log').columns(['room_id', 'seat', 'client_id']).execute();
    },
    async down(db: Kysely<unknown>) {
      for (const t of ['room_log', 'room_seats', 'rooms', 'class_rooms']) await db.schema.dropTable(t).ifExists().execute();
      },
    },
  // Issue 12: students' messages in a room (kept for the debrief and the teacher's export) and
  // the seats a teacher has muted. Room ids are the rooms' own; no foreign key, so a room's
  // messages stay readable for the debrief whatever happens to its live state.
  '0012_room_messages': {
    async up(db: Kysely<unknown>) {
      await db.schema
        .createTable('room_messages')
        .addColumn('id', 'text', (c) => c.primaryKey())
        .addColumn('room_id', 'text', (c) => c.notNull())
        .addColumn('class_code', 'text', (c) => c.notNull())
        .addColumn('from_seat', 'text', (c) => c.notNull())
        .addColumn('to_seats', 'text', (c) => c.notNull())
        .addColumn('turn', 'integer', (c) => c.notNull())
        .addColumn('body', 'text', (c) => c.notNull())
        .addColumn('offer_id', 'integer')
        .addColumn('hidden', 'integer', (c) => c.notNull().defaultTo(0))
        .addColumn('created_at', 'bigint', (c) => c.notNull())
        .execute();
      await db.schema.createIndex('room_messages_room').on('room_messages').columns(['room_id', 'created_at']).execute();
      await db.schema.createIndex('room_messages_class').on('room_messages').columns(['class_code', 'created_at']).execute();
      await db.schema
        .createTable('room_mutes')
        .addColumn('room_id', 'text', (c) => c.notNull())
        .addColumn('seat', 'text', (c) => c.notNull())
        .addColumn('created_at', 'bigint', (c) => c.notNull())
        .addPrimaryKeyConstraint('room_mutes_pk', ['room_id', 'seat'])
        .execute();
    },
    async down(db: Kysely<unknown>) {
      await db.schema.dropTable('room_mutes').ifExists().execute();
      await db.schema.dropTable('room_messages').ifExists().execute();
    },
  },
  // Issue 12: the turn clock, class-wide (the deadline per turn, paused) and per room (when the
  // current turn ends, who ended it when), so a restart keeps every deadline and pause.
  '0012_room_turn_clocks': {
    async up(db: Kysely<unknown>) {
      await db.schema
        .createTable('class_clocks')
        .addColumn('class_code', 'text', (c) => c.primaryKey())
        .addColumn('turn_ms', 'integer')
        .addColumn('paused', 'integer', (c) => c.notNull().defaultTo(0))
        .addColumn('updated_at', 'bigint', (c) => c.notNull())
        .execute();
      await db.schema
        .createTable('room_clocks')
        .addColumn('room_id', 'text', (c) => c.primaryKey())
        .addColumn('class_code', 'text', (c) => c.notNull())
        .addColumn('turn', 'integer', (c) => c.notNull())
        .addColumn('started_at', 'bigint', (c) => c.notNull())
        .addColumn('clock', 'text', (c) => c.notNull())
        .addColumn('ended', 'text', (c) => c.notNull())
        .addColumn('updated_at', 'bigint', (c) => c.notNull())
        .execute();
      await db.schema.createIndex('room_clocks_class').on('room_clocks').column('class_code').execute();
    },
    async down(db: Kysely<unknown>) {
      await db.schema.dropTable('room_clocks').ifExists().execute();
      await db.schema.dropTable('class_clocks').ifExists().execute();
    },
  },
  // Issue 13: which stored result (and turn) a run was forked from, verified on submission.
  '0013_results_forked_from': {
    async up(db: Kysely<unknown>) {
      await db.schema.alterTable('results').addColumn('forked_from_result', 'text').execute();
      await db.schema.alterTable('results').addColumn('forked_from_turn', 'integer').execute();
    },
    async down(db: Kysely<unknown>) {
      await db.schema.alterTable('results').dropColumn('forked_from_turn').execute();
      await db.schema.alterTable('results').dropColumn('forked_from_result').execute();
    },
  },
  // Issues 11/12 on several app servers: which server holds each seat's device (so every
  // server's summaries show who is connected), which turn a deadline already ended (one server
  // wins the conditional update, so a deadline fires once), and messages' client ids (a device
  // resending an unacknowledged message through another server stores it once).
  '0014_rooms_fanout': {
    async up(db: Kysely<unknown>) {
      await db.schema
        .createTable('room_presence')
        .addColumn('room_id', 'text', (c) => c.notNull())
        .addColumn('seat', 'text', (c) => c.notNull())
        .addColumn('server_id', 'text', (c) => c.notNull())
        .addColumn('conn_id', 'text', (c) => c.notNull())
        .addColumn('seen_at', 'bigint', (c) => c.notNull())
        .addPrimaryKeyConstraint('room_presence_pk', ['room_id', 'seat'])
        .execute();
      await db.schema.createIndex('room_presence_server').on('room_presence').column('server_id').execute();
      await db.schema.alterTable('room_clocks').addColumn('fired_turn', 'integer').execute();
      await db.schema.alterTable('room_clocks').addColumn('fired_at', 'bigint').execute();
      await db.schema.alterTable('room_messages').addColumn('client_id', 'text').execute();
      await db.schema.createIndex('room_messages_client').unique().on('room_messages').columns(['room_id', 'from_seat', 'client_id']).execute();
    },
    async down(db: Kysely<unknown>) {
      await db.schema.dropIndex('room_messages_client').ifExists().execute();
      await db.schema.alterTable('room_messages').dropColumn('client_id').execute();
      await db.schema.alterTable('room_clocks').dropColumn('fired_at').execute();
      await db.schema.alterTable('room_clocks').dropColumn('fired_turn').execute();
      await db.schema.dropTable('room_presence').ifExists().execute();
    },
  },
  // Issue 13: a counter per scenario that every change to its results raises, so each app server
  // can tell with one small query whether the board it cached is still the database's.
  '0015_results_versions': {
    async up(db: Kysely<unknown>) {
      await db.schema
        .createTable('results_versions')
        .addColumn('scenario_hash', 'text', (c) => c.primaryKey())
        .addColumn('version', 'bigint', (c) => c.notNull())
        .execute();
    },
    async down(db: Kysely<unknown>) {
      await db.schema.dropTable('results_versions').ifExists().execute();
    },
  },
};

/** Kysely's MigrationProvider over the in-code list above. */
export const migrationProvider: MigrationProvider = {
  getMigrations: async () => MIGRATIONS,
};
