/**
 * Students' messages in the database: every message is stored before anyone is told of it, so
 * the archive survives a restart and is there for the debrief and the teacher's export. The
 * same queries run on SQLite and PostgreSQL.
 */
import type { Kysely, Selectable } from 'kysely';
import { CAPITALS, type Capital } from '../../engine/types';
import type { Database, RoomMessagesTable } from '../../db/schema';
import type { CheckedDraft, RoomMessage } from '../../rooms/messages';
import { newResultId } from '../ids';

type Row = Selectable<RoomMessagesTable>;

function toMessage(r: Row): RoomMessage {
  return {
    id: r.id,
    room: r.room_id,
    from: r.from_seat as Capital,
    to: r.to_seats.split(',').filter((c): c is Capital => (CAPITALS as readonly string[]).includes(c)),
    turn: r.turn,
    text: r.body,
    offerId: r.offer_id,
    hidden: r.hidden !== 0,
    at: Number(r.created_at),
  };
}

export class MessageStore {
  constructor(private readonly kysely: Kysely<Database>) {}

  async add(args: { room: string; classCode: string; from: Capital; turn: number; draft: CheckedDraft; now: number }): Promise<RoomMessage> {
    return (await this.addOnce(args, null)).message;
  }

  /**
   * Stores a message once per sender's client id (a device resends what was not acknowledged,
   * perhaps through another server): `fresh` is false when it was stored before.
   */
  async addOnce(args: { room: string; classCode: string; from: Capital; turn: number; draft: CheckedDraft; now: number }, clientId: string | null): Promise<{ message: RoomMessage; fresh: boolean }> {
    const row: Row = {
      // The same 72-bit random ids as results: a message id can be named in a hide command safely.
      id: newResultId(),
      room_id: args.room,
      class_code: args.classCode,
      from_seat: args.from,
      to_seats: args.draft.to.join(','),
      turn: args.turn,
      body: args.draft.text,
      offer_id: args.draft.offerId,
      hidden: 0,
      created_at: args.now,
      client_id: clientId,
    };
    const r = await this.kysely.insertInto('room_messages').values(row).onConflict((oc) => oc.doNothing()).executeTakeFirst();
    if (Number(r.numInsertedOrUpdatedRows ?? 0n) > 0 || clientId === null) return { message: toMessage(row), fresh: true };
    const old = await this.kysely
      .selectFrom('room_messages')
      .selectAll()
      .where('room_id', '=', args.room)
      .where('from_seat', '=', args.from)
      .where('client_id', '=', clientId)
      .executeTakeFirstOrThrow();
    return { message: toMessage(old), fresh: false };
  }

  /** One message by id (another server stored or hid it). */
  async byId(id: string): Promise<RoomMessage | undefined> {
    const row = await this.kysely.selectFrom('room_messages').selectAll().where('id', '=', id).executeTakeFirst();
    return row ? toMessage(row) : undefined;
  }

  /** A room's whole archive, hidden ones included (callers filter with `readableMessages`). */
  ofRoom(room: string): Promise<RoomMessage[]> {
    return this.list('room_id', room);
  }

  /** Every message of a class, oldest first (the teacher's export). */
  ofClass(classCode: string): Promise<RoomMessage[]> {
    return this.list('class_code', classCode);
  }

  private async list(column: 'room_id' | 'class_code', value: string): Promise<RoomMessage[]> {
    const rows = await this.kysely
      .selectFrom('room_messages')
      .selectAll()
      .where(column, '=', value)
      .orderBy('created_at')
      .orderBy('id')
      .execute();
    return rows.map(toMessage);
  }

  /**
   * The archive of the room whose finished game is result `resultId`, hidden messages left out
   * (the replay viewer shows it: the game is over, so its messages are revealed). Empty if the
   * result is hidden by the teacher or was not a room's game.
   */
  async ofResult(resultId: string): Promise<RoomMessage[]> {
    const rows = await this.kysely
      .selectFrom('room_messages')
      .selectAll()
      .where('hidden', '=', 0)
      .where('room_id', 'in', (qb) =>
        qb
          .selectFrom('rooms')
          .innerJoin('results', 'results.id', 'rooms.result_id')
          .select('rooms.id')
          .where('rooms.result_id', '=', resultId)
          .where('results.hidden', '=', 0),
      )
      .orderBy('created_at')
      .orderBy('id')
      .execute();
    return rows.map(toMessage);
  }

  /** Hides (or shows again) a message of the class; returns it, or undefined if there is none. */
  async setHidden(classCode: string, id: string, hidden: boolean): Promise<RoomMessage | undefined> {
    await this.kysely
      .updateTable('room_messages')
      .set({ hidden: hidden ? 1 : 0 })
      .where('id', '=', id)
      .where('class_code', '=', classCode)
      .execute();
    const row = await this.kysely
      .selectFrom('room_messages')
      .selectAll()
      .where('id', '=', id)
      .where('class_code', '=', classCode)
      .executeTakeFirst();
    return row ? toMessage(row) : undefined;
  }

  async setMuted(room: string, seat: Capital, muted: boolean, now: number): Promise<void> {
    if (muted)
      await this.kysely
        .insertInto('room_mutes')
        .values({ room_id: room, seat, created_at: now })
        .onConflict((oc) => oc.columns(['room_id', 'seat']).doNothing())
        .execute();
    else await this.kysely.deleteFrom('room_mutes').where('room_id', '=', room).where('seat', '=', seat).execute();
  }

  async mutedSeats(room: string): Promise<Capital[]> {
    const rows = await this.kysely.selectFrom('room_mutes').select('seat').where('room_id', '=', room).execute();
    return CAPITALS.filter((c) => rows.some((r) => r.seat === c));
  }

  /** Deletes a class's messages and mutes (retention, class deletion). */
  async deleteClass(classCode: string, rooms: readonly string[]): Promise<void> {
    await this.kysely.deleteFrom('room_messages').where('class_code', '=', classCode).execute();
    if (rooms.length > 0) await this.kysely.deleteFrom('room_mutes').where('room_id', 'in', rooms).execute();
  }
}
