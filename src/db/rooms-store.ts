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

export type Appended = { kind: 'stored' } | { kind: 'duplicate'; seq: number } | { kind: 'conflict' };

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
   * Appends at `seq`; a client id already stored for the seat is a duplicate (not stored twice).
   * With `notify` (PostgreSQL), the same statement NOTIFYs the other servers if the row went in.
   */
  async append(row: RoomLogRow, notify: { channel: string; payload: string } | null = null): Promise<Appended> {
    if (notify) {
      const r = await sql<{ n: unknown }>`with ins as (insert into room_log (room_id, seq, seat, client_id, entry, created_at)
        values (${row.room_id}, ${row.seq}, ${row.seat}, ${row.client_id}, ${row.entry}, ${row.created_at})
        on conflict do nothing returning seq) select pg_notify(${notify.channel}, ${notify.payload}) as n from ins`.execute(this.kysely);
      if (r.rows.length > 0) return { kind: 'stored' };
    } else {
      const r = await this.kysely
        .insertInto('room_log')
        .values(row)
        .onConflict((oc) => oc.doNothing())
        .executeTakeFirst();
      if (Number(r.numInsertedOrUpdatedRows ?? 0n) > 0) return { kind: 'stored' };
    }
    if (row.client_id !== null) {
      const seq = await this.seqOfOrder(row.room_id, row.seat, row.client_id);
      if (seq !== undefined) return { kind: 'duplicate', seq };
    }
    return { kind: 'conflict' };
  }

  /** Where a seat's order with this client id was stored, if it was. */
  async seqOfOrder(roomId: string, seat: string, clientId: string): Promise<number | undefined> {
    const row = await this.kysely
      .selectFrom('room_log')
      .select('seq')
      .where('room_id', '=', roomId)
      .where('seat', '=', seat)
      .where('client_id', '=', clientId)
      .executeTakeFirst();
    return row ? Number(row.seq) : undefined;
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
