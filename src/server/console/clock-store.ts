/** The turn clocks in the database: a restart (or another app server) finds every deadline and pause. */
import type { Kysely } from 'kysely';
import type { Database } from '../../db/schema';
import type { TurnClock } from '../../rooms/turn-clock';
import type { ClassClock, RoomTiming } from './timing';

export class ClockStore {
  constructor(private readonly kysely: Kysely<Database>) {}

  async getClass(code: string): Promise<ClassClock | undefined> {
    const r = await this.kysely.selectFrom('class_clocks').selectAll().where('class_code', '=', code).executeTakeFirst();
    return r ? { turnMs: r.turn_ms === null ? null : Number(r.turn_ms), paused: r.paused !== 0 } : undefined;
  }

  async putClass(code: string, c: ClassClock, now: number): Promise<void> {
    const values = { turn_ms: c.turnMs, paused: c.paused ? 1 : 0, updated_at: now };
    await this.kysely
      .insertInto('class_clocks')
      .values({ class_code: code, ...values })
      .onConflict((oc) => oc.column('class_code').doUpdateSet(values))
      .execute();
  }

  async getRoom(roomId: string): Promise<RoomTiming | undefined> {
    const r = await this.kysely.selectFrom('room_clocks').selectAll().where('room_id', '=', roomId).executeTakeFirst();
    if (!r) return undefined;
    return { turn: r.turn, startedAt: Number(r.started_at), clock: JSON.parse(r.clock) as TurnClock, ended: JSON.parse(r.ended) as RoomTiming['ended'] };
  }

  async putRoom(roomId: string, classCode: string, t: RoomTiming, now: number): Promise<void> {
    const values = { turn: t.turn, started_at: t.startedAt, clock: JSON.stringify(t.clock), ended: JSON.stringify(t.ended), updated_at: now };
    await this.kysely
      .insertInto('room_clocks')
      .values({ room_id: roomId, class_code: classCode, ...values })
      .onConflict((oc) => oc.column('room_id').doUpdateSet(values))
      .execute();
  }

  async deleteClass(code: string): Promise<void> {
    await this.kysely.deleteFrom('room_clocks').where('class_code', '=', code).execute();
    await this.kysely.deleteFrom('class_clocks').where('class_code', '=', code).execute();
  }
}
