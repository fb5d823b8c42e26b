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
  /** Issue 13: the result this run was forked from, and at which turn (verified), or null. */
  forked_from_result: string | null;
  forked_from_turn: number | null;
}

/** How a class fills its rooms (issue 11). */
export interface ClassRoomsTable {
  class_code: string;
  /** 3: three students a room; 2: two students and the computer. */
  size: number;
  /** 'order': rooms fill in join order; 'names': the teacher's assignments first. */
  fill: string;
  /** The capital the computer plays in rooms of two. */
  computer_seat: string;
  /** JSON: [{pseudonym, room, seat}] (the teacher's assignment by name). */
  assignments: string;
  updated_at: number;
}

export interface RoomsTable {
  id: string;
  class_code: string;
  /** 1, 2, 3… within the class. */
  number: number;
  /** 'waiting' | 'playing' | 'finished' (a summary; the log is the truth). */
  phase: string;
  seed: string;
  /** JSON of FigureChoices. */
  figures: string;
  size: number;
  computer_seat: string | null;
  /** The class board's result once the finished game is verified. */
  result_id: string | null;
  created_at: number;
  updated_at: number;
}

export interface RoomSeatsTable {
  room_id: string;
  capital: string;
  pseudonym: string;
  /** sha256 of the seat token (the token is shown once, at join). */
  token_hash: string;
  joined_at: number;
}

/** A room's ordered log: the game is rebuilt by replaying it (src/server/rooms/game.ts). */
export interface RoomLogTable {
  room_id: string;
  /** 1, 2, 3… per room: the order every app server applies entries in. */
  seq: number;
  /** The capital (or 'teacher', or 'room' for the room's own entries). */
  seat: string;
  /** The client's id of an order, so a resent order is stored once. */
  client_id: string | null;
  /** JSON of a LogEntry. */
  entry: string;
  created_at: number;
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
  /** The sender's id for the message, so a resent message is stored once (migration 0014). */
  client_id: string | null;
}

/** A seat whose messages the teacher has muted. */
export interface RoomMutesTable {
  room_id: string;
  seat: string;
  created_at: number;
}

/** The class-wide turn clock (issue 12): the deadline per turn, and whether every room is paused. */
export interface ClassClocksTable {
  class_code: string;
  turn_ms: number | null;
  paused: number;
  updated_at: number;
}

/** A room's turn clock (issue 12). */
export interface RoomClocksTable {
  room_id: string;
  class_code: string;
  /** The turn this clock is running for. */
  turn: number;
  started_at: number;
  /** JSON of TurnClock (src/rooms/turn-clock.ts). */
  clock: string;
  /** JSON: when each seat ended this turn ({capital: ms}). */
  ended: string;
  updated_at: number;
  /** The turn a deadline (or "end the turn now") was last carried out for, and when: one server wins it. */
  fired_turn: number | null;
  fired_at: number | null;
}

/** Which app server holds a seat's device now (several app servers on PostgreSQL). */
export interface RoomPresenceTable {
  room_id: string;
  seat: string;
  server_id: string;
  conn_id: string;
  /** Refreshed by its server every few seconds: a row not refreshed is a server that died. */
  seen_at: number;
}

/** Raised by every write to a scenario's results: the boards cached by app servers check it. */
export interface ResultsVersionsTable {
  scenario_hash: string;
  version: number;
}

export interface Database {
  scenarios: ScenariosTable;
  classes: ClassesTable;
  results: ResultsTable;
  class_rooms: ClassRoomsTable;
  rooms: RoomsTable;
  room_seats: RoomSeatsTable;
  room_log: RoomLogTable;
  room_messages: RoomMessagesTable;
  room_mutes: RoomMutesTable;
  class_clocks: ClassClocksTable;
  room_clocks: RoomClocksTable;
  room_presence: RoomPresenceTable;
  results_versions: ResultsVersionsTable;
}
