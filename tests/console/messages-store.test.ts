/** Messages and mutes on every backend: SQLite, and PostgreSQL when DATABASE_URL_TEST is set. */
import { beforeAll, describe, expect, it } from 'vitest';
import { MessageStore } from '../../src/server/console/messages-store';
import { BACKENDS, useTestDb } from '../helpers/test-db';

describe.each(BACKENDS)('message archive on %s', (backend) => {
  const t = useTestDb(backend, 'tc_msg');
  let store: MessageStore;
  beforeAll(() => {
    store = new MessageStore(t.db.kysely);
  });

  it('stores messages and gives a room its archive in the order they were sent, text intact', async () => {
    const text = 'Oil for shells? «да» 🙂 <b>not bold</b>, "quoted"';
    const a = await store.add({ room: 'roomA1', classCode: 'ABCDEF', from: 'moscow', turn: 2, draft: { to: ['pyongyang'], text, offerId: 7 }, now: 2_000_000_000_001 });
    await store.add({ room: 'roomA1', classCode: 'ABCDEF', from: 'kyiv', turn: 2, draft: { to: ['pyongyang', 'moscow'], text: 'second', offerId: null }, now: 2_000_000_000_002 });
    await store.add({ room: 'roomB2', classCode: 'ABCDEF', from: 'kyiv', turn: 1, draft: { to: ['moscow'], text: 'other room', offerId: null }, now: 2_000_000_000_000 });
    await store.add({ room: 'roomC3', classCode: 'ZZZZZZ', from: 'kyiv', turn: 1, draft: { to: ['moscow'], text: 'other class', offerId: null }, now: 1 });
    const room = await store.ofRoom('roomA1');
    expect(room.map((m) => m.text)).toEqual([text, 'second']);
    expect(room[0]).toEqual({ id: a.id, room: 'roomA1', from: 'moscow', to: ['pyongyang'], turn: 2, text, offerId: 7, hidden: false, at: 2_000_000_000_001 });
    expect(room[1]!.to).toEqual(['pyongyang', 'moscow']);
    expect((await store.ofClass('ABCDEF')).map((m) => m.text)).toEqual(['other room', text, 'second']);
  });

  it('hides a message (kept, marked) only within its own class', async () => {
    const [first] = await store.ofRoom('roomA1');
    expect(await store.setHidden('ZZZZZZ', first!.id, true)).toBeUndefined();
    expect((await store.ofRoom('roomA1'))[0]!.hidden).toBe(false);
    const hidden = await store.setHidden('ABCDEF', first!.id, true);
    expect(hidden?.hidden).toBe(true);
    const again = await store.ofRoom('roomA1');
    expect(again).toHaveLength(2);
    expect(again[0]!.hidden).toBe(true);
    expect((await store.setHidden('ABCDEF', first!.id, false))?.hidden).toBe(false);
  });

  it('mutes and unmutes a seat, per room', async () => {
    await store.setMuted('roomA1', 'kyiv', true, 5);
    await store.setMuted('roomA1', 'kyiv', true, 6);
    await store.setMuted('roomA1', 'moscow', true, 6);
    expect(await store.mutedSeats('roomA1')).toEqual(['moscow', 'kyiv']);
    expect(await store.mutedSeats('roomB2')).toEqual([]);
    await store.setMuted('roomA1', 'kyiv', false, 7);
    expect(await store.mutedSeats('roomA1')).toEqual(['moscow']);
  });

  it("deletes a class's messages and mutes, leaving other classes alone", async () => {
    await store.deleteClass('ABCDEF', ['roomA1', 'roomB2']);
    expect(await store.ofClass('ABCDEF')).toEqual([]);
    expect(await store.mutedSeats('roomA1')).toEqual([]);
    expect(await store.ofClass('ZZZZZZ')).toHaveLength(1);
  });
});
