/**
 * The turn clocks in the database: a restart (or another app server) finds every deadline and
 * pause. Several app servers change one room's clock through read-modify-write transactions
 * (the row locked on PostgreSQL), and the database alone decides which server carries out a
 * deadline: a conditional claim of the turn, so a deadline ends a turn once.
 */
import { PostgresAdapter, type Kysely, type QueryCreator, type Selectable } from 'kysely';
import type { Database, RoomClocksTable } from '../../db/schema';
import type { TurnClock } from '../../rooms/turn-clock';
import type { ClassClock, RoomTiming } from './timing';

/** A server that claimed a deadline and died is replaced after this long (ms). */
export const CLAIM_LAPSE_MS = 15_000;

function timingOf(r: Selectable<RoomClocksTable>): RoomTiming {
  return { turn: r.turn, startedAt: Number(r.started_at), clock: JSON.parse(r.clock) as TurnClock, ended: JSON.parse(r.ended) as RoomTiming['ended'] };
}

export class ClockStore {
  private readonly pg: boolean;

  constructor(private readonly kysely: Kysely<Database>) {
    this.pg = kysely.getExecutor().adapter instanceof PostgresAdapter;
  }

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
    return r ? timingOf(r) : undefined;
  }

  async putRoom(roomId: string, classCode: string, t: RoomTiming, now: number): Promise<void> {
    await this.write(this.kysely, roomId, classCode, t, now);
  }

  private async write(db: Kysely<Database>, roomId: string, classCode: string, t: RoomTiming, now: number): Promise<void> {
    const values = { turn: t.turn, started_at: t.startedAt, clock: JSON.stringify(t.clock), ended: JSON.stringify(t.ended), updated_at: now };
    await db
      .insertInto('room_clocks')
      .values({ room_id: roomId, class_code: classCode, ...values, fired_turn: null, fired_at: null })
      .onConflict((oc) => oc.column('room_id').doUpdateSet(values))
      .execute();
  }

  /**
   * A new turn's clock, written only if the stored one is of an earlier turn (another server may
   * have started this turn already, and the teacher changed it since): one statement, no lock.
   * Returns the stored timing.
   */
  async startTurn(roomId: string, classCode: string, t: RoomTiming, now: number): Promise<RoomTiming> {
    const values = { turn: t.turn, started_at: t.startedAt, clock: JSON.stringify(t.clock), ended: JSON.stringify(t.ended), updated_at: now };
    const upsert = (db: QueryCreator<Database>) =>
      db
        .insertInto('room_clocks')
        .values({ room_id: roomId, class_code: classCode, ...values, fired_turn: null, fired_at: null })
        .onConflict((oc) => oc.column('room_id').doUpdateSet(values).where('room_clocks.turn', '<', t.turn));
    if (this.pg) {
      // One round trip: the row written, or (another server started the turn first) the stored one.
      const r = await this.kysely
        .with('up', (db) => upsert(db).returningAll())
        .selectFrom('up')
        .selectAll()
        .unionAll((db) => db.selectFrom('room_clocks').selectAll().where('room_id', '=', roomId).where(({ not, exists, selectFrom }) => not(exists(selectFrom('up').select('up.room_id')))))
        .execute();
      const row = r[0];
      if (row) return timingOf(row as Selectable<RoomClocksTable>);
    } else {
      const r = await upsert(this.kysely).executeTakeFirst();
      if (Number(r.numInsertedOrUpdatedRows ?? 0n) > 0) return t;
    }
    return (await this.getRoom(roomId)) ?? t;
  }

  /** When each seat ended turn `turn` (only while the stored clock is of that turn). */
  async setEnded(roomId: string, turn: number, ended: RoomTiming['ended'], now: number): Promise<void> {
    await this.kysely.updateTable('room_clocks').set({ ended: JSON.stringify(ended), updated_at: now }).where('room_id', '=', roomId).where('turn', '=', turn).execute();
  }

  private async locked(db: Kysely<Database>, roomId: string): Promise<Selectable<RoomClocksTable> | undefined> {
    const q = db.selectFrom('room_clocks').selectAll().where('room_id', '=', roomId);
    return (this.pg ? q.forUpdate() : q).executeTakeFirst();
  }

  /**
   * Changes a room's clock as stored now (not as this server last saw it), so a pause on one
   * server and a new turn on another never overwrite each other. Returns the stored timing.
   */
  async updateRoom(roomId: string, classCode: string, change: (t: RoomTiming | undefined) => RoomTiming | undefined, now: number): Promise<RoomTiming | undefined> {
    return this.kysely.transaction().execute(async (trx) => {
      const row = await this.locked(trx, roomId);
      const was = row ? timingOf(row) : undefined;
      const next = change(was);
      if (next && next !== was) await this.write(trx, roomId, classCode, next, now);
      return next ?? was;
    });
  }

  /**
   * Claims the carrying out of turn `turn`'s deadline: true for exactly one caller while the
   * stored clock says the turn is due (`due`), unless the claimant has not finished it within
   * CLAIM_LAPSE_MS (it died). Also returns the stored timing.
   */
  async claimDue(roomId: string, turn: number, now: number, due: (t: RoomTiming) => boolean): Promise<{ claimed: boolean; timing: RoomTiming | undefined; firedTurn: number | null }> {
    return this.kysely.transaction().execute(async (trx) => {
      const row = await this.locked(trx, roomId);
      if (!row) return { claimed: false, timing: undefined, firedTurn: null };
      const timing = timingOf(row);
      const firedTurn = row.fired_turn === null ? null : Number(row.fired_turn);
      const taken = firedTurn === turn && Number(row.fired_at ?? 0) > now - CLAIM_LAPSE_MS;
      if (timing.turn !== turn || !due(timing) || taken) return { claimed: false, timing, firedTurn };
      await trx.updateTable('room_clocks').set({ fired_turn: turn, fired_at: now }).where('room_id', '=', roomId).execute();
      return { claimed: true, timing, firedTurn: turn };
    });
  }

  async deleteClass(code: string): Promise<void> {
    await this.kysely.deleteFrom('room_clocks').where('class_code', '=', code).execute();
    await this.kysely.deleteFrom('class_clocks').where('class_code', '=', code).execute();
  }
}
