/**
 * Every query the class rooms make (issue 11), portable between SQLite and PostgreSQL. A
 * room's log is append-only: its position (seq) is the primary key with the room, so two app
 * servers writing the same position cannot both succeed; the loser catches up and retries.
 */
import { sql, type Kysely, type Selectable } from 'kysely';

import type { ClassRoomsTable, Database, RoomLogTable, RoomSeatsTable, RoomsTable } from './schema';

export type RoomRow = Selectable<RoomsTable>;
export type RoomSeatRow = Selectable<RoomSeatsTable>;
export type RoomLogRow = Selectable<RoomLogTable>;
export type ClassRoomsRow = Selectable<ClassRoomsTable>;

/**
 * `conflict`: the position was taken, or the seat's client id is already stored (a resent
 * order). `after` holds the log from the position on as the statement saw it (PostgreSQL; it
 * may miss a row committed while the statement waited, so an empty list means: read the log).
 */
export type Appended = { kind: 'stored' } | { kind: 'conflict'; after: RoomLogRow[] };

export class RoomsStore {
  constructor(readonly kysely: Kysely<Database>) {}

  async getSettings(code: string): Promise<ClassRoomsRow | undefined> {
    return this.kysely.selectFrom('class_rooms').selectAll().where('class_code', '=', code).executeTakeFirst();
  }

  async putSettings(row: ClassRoomsRow): Promise<void> {
    await this.kysely
      .insertInto('class_rooms')
      .values(row)
      .onConflict((oc) =>
        oc.column('class_code').doUpdateSet({
          size: row.size,
          fill: row.fill,
          computer_seat: row.computer_seat,
          assignments: row.assignments,
          updated_at: row.updated_at,
        }),
      )
      .execute();
  }

  async listRooms(code: string): Promise<RoomRow[]> {
    return this.kysely.selectFrom('rooms').selectAll().where('class_code', '=', code).orderBy('number').execute();
  }

  async getRoom(id: string): Promise<RoomRow | undefined> {
    return this.kysely.selectFrom('rooms').selectAll().where('id', '=', id).executeTakeFirst();
  }

  /** False when the class already has a room with this number (another server made it first). */
  async createRoom(row: RoomRow): Promise<boolean> {
    const r = await this.kysely
      .insertInto('rooms')
      .values(row)
      .onConflict((oc) => oc.doNothing())
      .executeTakeFirst();
    return Number(r.numInsertedOrUpdatedRows ?? 0n) > 0;
  }

  async updateRoom(id: string, set: Partial<Pick<RoomRow, 'phase' | 'result_id' | 'updated_at'>>): Promise<void> {
    await this.kysely.updateTable('rooms').set(set).where('id', '=', id).execute();
  }

  async seats(roomId: string): Promise<RoomSeatRow[]> {
    return this.kysely.selectFrom('room_seats').selectAll().where('room_id', '=', roomId).execute();
  }

  async seatsOfRooms(roomIds: string[]): Promise<RoomSeatRow[]> {
    if (roomIds.length === 0) return [];
    return this.kysely.selectFrom('room_seats').selectAll().where('room_id', 'in', roomIds).execute();
  }

  /** False when the seat is taken (another student got there first). */
  async takeSeat(row: RoomSeatRow): Promise<boolean> {
    const r = await this.kysely
      .insertInto('room_seats')
      .values(row)
      .onConflict((oc) => oc.doNothing())
      .executeTakeFirst();
    return Number(r.numInsertedOrUpdatedRows ?? 0n) > 0;
  }

  async seatByToken(tokenHash: string): Promise<RoomSeatRow | undefined> {
    return this.kysely.selectFrom('room_seats').selectAll().where('token_hash', '=', tokenHash).executeTakeFirst();
  }

  /**
   * Appends at `seq`; nothing is stored if the position or the seat's client id is taken (the
   * caller reads the log to tell which). With `notify` (PostgreSQL), the same statement NOTIFYs
   * the other servers if the row went in.
   */
  async append(row: RoomLogRow, notify: { channel: string; payload: string } | null = null): Promise<Appended> {
    if (notify) {
      // One round trip either way: stored (one row with no seq, the notice sent), or the
      // entries another server stored from this position on (the caller applies them).
      const r = await sql<RoomLogRow | { seq: null }>`with ins as (insert into room_log (room_id, seq, seat, client_id, entry, created_at)
          values (${row.room_id}, ${row.seq}, ${row.seat}, ${row.client_id}, ${row.entry}, ${row.created_at})
          on conflict do nothing returning seq),
        note as (select pg_notify(${notify.channel}, ${notify.payload}) from ins)
        select null::integer as seq, null as room_id, null as seat, null as client_id, null as entry, null::bigint as created_at from note
        union all
        select seq, room_id, seat, client_id, entry, created_at from room_log
          where room_id = ${row.room_id} and seq >= ${row.seq} and not exists (select 1 from ins)
        order by seq nulls first`.execute(this.kysely);
      if (r.rows[0]?.seq === null) return { kind: 'stored' };
      return { kind: 'conflict', after: r.rows as RoomLogRow[] };
    }
    const r = await this.kysely
      .insertInto('room_log')
      .values(row)
      .onConflict((oc) => oc.doNothing())
      .executeTakeFirst();
    return Number(r.numInsertedOrUpdatedRows ?? 0n) > 0 ? { kind: 'stored' } : { kind: 'conflict', after: [] };
  }

  /** The room's log after position `seq`, in order. */
  async logAfter(roomId: string, seq: number): Promise<RoomLogRow[]> {
    return this.kysely
      .selectFrom('room_log')
      .selectAll()
      .where('room_id', '=', roomId)
      .where('seq', '>', seq)
      .orderBy('seq')
      .execute();
  }

  // ------------------------------------------------------------------ presence (several app servers)

  /** This server holds the seat's device now (a newer device anywhere replaces the row). */
  async setPresence(roomId: string, seat: string, serverId: string, connId: string, now: number): Promise<void> {
    const values = { server_id: serverId, conn_id: connId, seen_at: now };
    await this.kysely
      .insertInto('room_presence')
      .values({ room_id: roomId, seat, ...values })
      .onConflict((oc) => oc.columns(['room_id', 'seat']).doUpdateSet(values))
      .execute();
  }

  /** The device left; a newer device's row (another connection) stays. */
  async clearPresence(roomId: string, seat: string, connId: string): Promise<void> {
    await this.kysely.deleteFrom('room_presence').where('room_id', '=', roomId).where('seat', '=', seat).where('conn_id', '=', connId).execute();
  }

  /** Which server holds each connected seat of the room. */
  async presence(roomId: string): Promise<{ seat: string; server_id: string }[]> {
    return this.kysely.selectFrom('room_presence').select(['seat', 'server_id']).where('room_id', '=', roomId).execute();
  }

  /**
   * A server's heartbeat: refreshes its own rows, and deletes rows no server refreshed since
   * `staleBefore` (their server died without saying goodbye). Returns the rooms that lost one.
   */
  async refreshPresence(serverId: string, now: number, staleBefore: number): Promise<string[]> {
    await this.kysely.updateTable('room_presence').set({ seen_at: now }).where('server_id', '=', serverId).execute();
    const gone = await this.kysely.deleteFrom('room_presence').where('seen_at', '<', staleBefore).returning('room_id').execute();
    return [...new Set(gone.map((g) => g.room_id))];
  }

  /** This server is closing: its devices are gone. Returns the rooms that lost one. */
  async dropServerPresence(serverId: string): Promise<string[]> {
    const gone = await this.kysely.deleteFrom('room_presence').where('server_id', '=', serverId).returning('room_id').execute();
    return [...new Set(gone.map((g) => g.room_id))];
  }
}
