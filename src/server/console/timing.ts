/**
 * A room's timing as the console keeps it: the turn clock plus when the turn began and when
 * each seat ended it. `follow` moves it along as the room's game moves (a new turn restarts the
 * clock with the class's current settings). Pure: the caller passes the time.
 */
import type { Capital } from '../../engine/types';
import { newClock, startTurn, type TurnClock } from '../../rooms/turn-clock';

export interface ClassClock {
  /** Length of every turn (ms), or null: no deadline. */
  turnMs: number | null;
  paused: boolean;
}

export interface RoomTiming {
  turn: number;
  startedAt: number;
  clock: TurnClock;
  ended: Partial<Record<Capital, number>>;
}

export const NO_CLOCK: ClassClock = { turnMs: null, paused: false };

/** What the room's game says now: its turn, and which seats have ended it. */
export interface RoomProgress {
  playing: boolean;
  turn: number;
  ended: readonly Capital[];
}

export function follow(t: RoomTiming | undefined, cls: ClassClock, p: RoomProgress, now: number): RoomTiming {
  // A room never goes back a turn: a server that has not caught up yet leaves the clock alone.
  if (t && p.turn < t.turn) return t;
  if (!t || t.turn !== p.turn) {
    const base = t ? { ...t.clock, turnMs: cls.turnMs } : newClock(cls.turnMs, cls.paused);
    // A room that has not started yet has no turn to time: its clock starts with its first turn.
    const clock = p.playing ? startTurn(base, now) : base;
    return { turn: p.turn, startedAt: now, clock, ended: stamp({}, p.ended, now) };
  }
  const ended = stamp(t.ended, p.ended, now);
  return ended === t.ended ? t : { ...t, ended };
}

function stamp(was: Partial<Record<Capital, number>>, seats: readonly Capital[], now: number): Partial<Record<Capital, number>> {
  const fresh = seats.filter((c) => was[c] === undefined);
  if (fresh.length === 0) return was;
  const out = { ...was };
  for (const c of fresh) out[c] = now;
  return out;
}
