/**
 * The database schema as Kysely sees it. The same tables exist on SQLite and PostgreSQL (see
 * migrations.ts). Portable choices: JSON is stored as text (parsed by the app), times are
 * milliseconds since 1970 in a bigint, booleans are 0/1 integers.
 */

/** Scenario texts that results pin (built-in ones are copied here on first use, uploads always). */
export interface ScenariosTable {
  hash: string;
  id: string;
  title: string;
  /** 'builtin' (a file in scenarios/) or 'upload' (sent with a record or a class). */
  origin: string;
  text: string;
  created_at: number;
}

export interface ClassesTable {
  code: string;
  scenario_id: string;
  scenario_hash: string;
  /** Fixed seed every student plays with, or null. */
  seed: string | null;
  /** Fixed figure choices (JSON of FigureChoices), or null. */
  figures: string | null;
  /** sha256 of the moderation key (hex). The key itself is shown once and never stored. */
  key_hash: string;
  /** Results older than this many days are deleted (and the class once it is that old and empty). */
  retention_days: number;
  created_at: number;
}

export interface ResultsTable {
  id: string;
  /** sha256(class code + canonical record): one row per record and class. */
  dedup_key: string;
  scenario_id: string;
  scenario_hash: string;
  class_code: string | null;
  pseudonym: string;
  engine_version: string;
  seed: string;
  /** JSON of FigureChoices. */
  figures: string;
  /** JSON of Seats. */
  seats: string;
  turns: number;
  action_count: number;
  final_hash: string;
  hidden: number;
  created_at: number;
  /** JSON: final metrics computed by the server's replay. */
  metrics: string;
  /** JSON: per-turn metrics, compact ({ids, turns: [{turn, date, values}]}). Large: kept last. */
  history: string;
  /** JSON: the verified game record as submitted (extra fields refused). Large: kept last. */
  record: string;
}

/** A student's message in a room (issue 12). */
export interface RoomMessagesTable {
  id: string;
  room_id: string;
  class_code: string;
  from_seat: string;
  /** Addressees, comma-separated capitals. */
  to_seats: string;
  turn: number;
  body: string;
  offer_id: number | null;
  hidden: number;
  created_at: number;
}

/** A seat whose messages the teacher has muted. */
export interface RoomMutesTable {
  room_id: string;
  seat: string;
  created_at: number;
}

export interface Database {
  scenarios: ScenariosTable;
  classes: ClassesTable;
  results: ResultsTable;
  room_messages: RoomMessagesTable;
  room_mutes: RoomMutesTable;
}
