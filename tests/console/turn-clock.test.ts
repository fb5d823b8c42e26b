import { describe, expect, it } from 'vitest';
import {
  endNow,
  extend,
  formatClock,
  isDue,
  newClock,
  pause,
  remainingMs,
  resume,
  setTurnLength,
  startTurn,
} from '../../src/rooms/turn-clock';

const MIN = 60_000;
const T0 = 1_800_000_000_000;

describe('turn clock', () => {
  it('without a deadline a turn never ends by itself', () => {
    const c = startTurn(newClock(null), T0);
    expect(remainingMs(c, T0 + 10 * MIN)).toBeNull();
    expect(isDue(c, T0 + 1000 * MIN)).toBe(false);
  });

  it('a 4-minute turn is due at exactly 4 minutes, not a millisecond before', () => {
    const c = startTurn(newClock(4 * MIN), T0);
    expect(remainingMs(c, T0)).toBe(4 * MIN);
    expect(remainingMs(c, T0 + MIN)).toBe(3 * MIN);
    expect(isDue(c, T0 + 4 * MIN - 1)).toBe(false);
    expect(isDue(c, T0 + 4 * MIN)).toBe(true);
    expect(remainingMs(c, T0 + 5 * MIN)).toBe(0);
  });

  it('each new turn gets the full length again', () => {
    let c = startTurn(newClock(4 * MIN), T0);
    c = startTurn(c, T0 + 3 * MIN);
    expect(remainingMs(c, T0 + 3 * MIN)).toBe(4 * MIN);
    expect(isDue(c, T0 + 7 * MIN - 1)).toBe(false);
    expect(isDue(c, T0 + 7 * MIN)).toBe(true);
  });

  it('a pause keeps what was left, however long it lasts, and resume gives it back', () => {
    let c = startTurn(newClock(4 * MIN), T0);
    c = pause(c, T0 + MIN);
    expect(remainingMs(c, T0 + 30 * MIN)).toBe(3 * MIN);
    expect(isDue(c, T0 + 30 * MIN)).toBe(false);
    expect(pause(c, T0 + 2 * MIN)).toBe(c);
    c = resume(c, T0 + 30 * MIN);
    expect(remainingMs(c, T0 + 30 * MIN)).toBe(3 * MIN);
    expect(isDue(c, T0 + 33 * MIN - 1)).toBe(false);
    expect(isDue(c, T0 + 33 * MIN)).toBe(true);
    expect(resume(c, T0 + 31 * MIN)).toBe(c);
  });

  it('a turn that starts while paused waits with its full length', () => {
    let c = pause(startTurn(newClock(2 * MIN), T0), T0);
    c = startTurn(c, T0 + MIN);
    expect(remainingMs(c, T0 + 10 * MIN)).toBe(2 * MIN);
    c = resume(c, T0 + 10 * MIN);
    expect(isDue(c, T0 + 12 * MIN)).toBe(true);
  });

  it('extend adds time to the current turn, running or paused, and gives a deadline-less turn one', () => {
    let c = startTurn(newClock(4 * MIN), T0);
    c = extend(c, MIN, T0 + 2 * MIN);
    expect(remainingMs(c, T0 + 2 * MIN)).toBe(3 * MIN);
    c = pause(c, T0 + 2 * MIN);
    c = extend(c, MIN, T0 + 3 * MIN);
    expect(remainingMs(c, T0 + 9 * MIN)).toBe(4 * MIN);
    let d = startTurn(newClock(null), T0);
    d = extend(d, MIN, T0 + 5 * MIN);
    expect(isDue(d, T0 + 6 * MIN - 1)).toBe(false);
    expect(isDue(d, T0 + 6 * MIN)).toBe(true);
    // The extension is for this turn only.
    c = startTurn(resume(c, T0 + 9 * MIN), T0 + 10 * MIN);
    expect(remainingMs(c, T0 + 10 * MIN)).toBe(4 * MIN);
  });

  it('end now makes the turn due at once, even while paused, until the next turn starts', () => {
    let c = endNow(pause(startTurn(newClock(4 * MIN), T0), T0));
    expect(isDue(c, T0)).toBe(true);
    expect(remainingMs(c, T0)).toBe(0);
    c = endNow(startTurn(newClock(null), T0));
    expect(isDue(c, T0)).toBe(true);
    c = startTurn(c, T0 + 1);
    expect(isDue(c, T0 + 1000 * MIN)).toBe(false);
  });

  it('setting the length applies to the current turn from now, and to every turn after', () => {
    let c = startTurn(newClock(null), T0);
    c = setTurnLength(c, MIN, T0 + 5 * MIN);
    expect(remainingMs(c, T0 + 5 * MIN)).toBe(MIN);
    expect(isDue(c, T0 + 6 * MIN)).toBe(true);
    c = startTurn(c, T0 + 7 * MIN);
    expect(remainingMs(c, T0 + 7 * MIN)).toBe(MIN);
    c = setTurnLength(c, null, T0 + 7 * MIN);
    expect(isDue(c, T0 + 100 * MIN)).toBe(false);
  });

  it('reads as minutes and seconds, rounded up', () => {
    expect(formatClock(4 * MIN)).toBe('4:00');
    expect(formatClock(187_000)).toBe('3:07');
    expect(formatClock(4_001)).toBe('0:05');
    expect(formatClock(0)).toBe('0:00');
    expect(formatClock(-5)).toBe('0:00');
  });
});
