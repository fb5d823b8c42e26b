import { describe, expect, it } from 'vitest';
import { remainingMs, pause } from '../../src/rooms/turn-clock';
import { ClockStore } from '../../src/server/console/clock-store';
import { follow, NO_CLOCK } from '../../src/server/console/timing';
import { BACKENDS, useTestDb } from '../helpers/test-db';

const T0 = 1_800_000_000_000;
const cls = { turnMs: 120_000, paused: false };

describe("a room's timing follows its game", () => {
  it('a waiting room has no running clock; its first turn starts the class deadline', () => {
    const waiting = follow(undefined, cls, { playing: false, turn: 0, ended: [] }, T0);
    expect(remainingMs(waiting.clock, T0 + 999_999)).toBeNull();
    const first = follow(waiting, cls, { playing: true, turn: 1, ended: [] }, T0 + 5_000);
    expect(first.startedAt).toBe(T0 + 5_000);
    expect(remainingMs(first.clock, T0 + 5_000)).toBe(120_000);
  });

  it('records when each seat ended the turn, once, and starts afresh at the next turn', () => {
    let t = follow(undefined, cls, { playing: true, turn: 1, ended: [] }, T0);
    t = follow(t, cls, { playing: true, turn: 1, ended: ['moscow'] }, T0 + 10_000);
    const same = follow(t, cls, { playing: true, turn: 1, ended: ['moscow'] }, T0 + 20_000);
    expect(same).toBe(t);
    t = follow(t, cls, { playing: true, turn: 1, ended: ['moscow', 'kyiv'] }, T0 + 30_000);
    expect(t.ended).toEqual({ moscow: T0 + 10_000, kyiv: T0 + 30_000 });
    t = follow(t, { turnMs: 60_000, paused: false }, { playing: true, turn: 2, ended: [] }, T0 + 40_000);
    expect(t).toMatchObject({ turn: 2, startedAt: T0 + 40_000, ended: {} });
    expect(remainingMs(t.clock, T0 + 40_000)).toBe(60_000);
  });

  it('a paused room stays paused into the next turn, holding the full turn', () => {
    let t = follow(undefined, cls, { playing: true, turn: 1, ended: [] }, T0);
    t = { ...t, clock: pause(t.clock, T0 + 1000) };
    t = follow(t, cls, { playing: true, turn: 2, ended: [] }, T0 + 50_000);
    expect(t.clock.paused).toBe(true);
    expect(remainingMs(t.clock, T0 + 500_000)).toBe(120_000);
  });

  it('a room opened while the class is paused starts paused', () => {
    const t = follow(undefined, { turnMs: 60_000, paused: true }, { playing: true, turn: 1, ended: [] }, T0);
    expect(t.clock.paused).toBe(true);
    expect(follow(undefined, NO_CLOCK, { playing: true, turn: 1, ended: [] }, T0).clock.paused).toBe(false);
  });
});

describe.each(BACKENDS)('clocks stored on %s', (backend) => {
  const t = useTestDb(backend, 'tc_clk');

  it('keeps the class clock and each room clock across reads and updates', async () => {
    const store = new ClockStore(t.db.kysely);
    expect(await store.getClass('ABCDEF')).toBeUndefined();
    await store.putClass('ABCDEF', { turnMs: 240_000, paused: false }, T0);
    await store.putClass('ABCDEF', { turnMs: 240_000, paused: true }, T0 + 1);
    expect(await store.getClass('ABCDEF')).toEqual({ turnMs: 240_000, paused: true });
    const timing = follow(undefined, cls, { playing: true, turn: 3, ended: ['kyiv'] }, T0);
    await store.putRoom('room-1', 'ABCDEF', timing, T0);
    expect(await store.getRoom('room-1')).toEqual(timing);
    const later = { ...timing, clock: pause(timing.clock, T0 + 30_000) };
    await store.putRoom('room-1', 'ABCDEF', later, T0 + 30_000);
    expect(await store.getRoom('room-1')).toEqual(later);
    await store.deleteClass('ABCDEF');
    expect(await store.getRoom('room-1')).toBeUndefined();
    expect(await store.getClass('ABCDEF')).toBeUndefined();
  });
});
