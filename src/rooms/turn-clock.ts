/**
 * A room's turn clock: the class-wide deadline per turn, which the teacher can pause, resume,
 * extend or cut short. Plain data and pure functions; the caller passes the time (`now`, ms
 * since 1970), so the server drives it with its clock and tests with a fake one.
 *
 * While paused the clock keeps what was left and gives it back on resume: a pause never eats
 * into the students' time. `endNow` marks the turn due at once, paused or not.
 */

export interface TurnClock {
  /** Length of every turn (ms), or null: no deadline, the turn ends when every seat has. */
  turnMs: number | null;
  /** When the current turn ends (ms since 1970) while running; null without a deadline or while paused. */
  deadline: number | null;
  /** While paused: what was left of the turn (ms), or null without a deadline. */
  left: number | null;
  paused: boolean;
  /** The teacher ended this turn now. */
  forced: boolean;
}

/** Bounds on a deadline the teacher may set, seconds (the server may lower the minimum for tests). */
export const TURN_SECONDS = { min: 30, max: 60 * 60 } as const;

export function newClock(turnMs: number | null, paused = false): TurnClock {
  return { turnMs, deadline: null, left: paused ? turnMs : null, paused, forced: false };
}

/** A new turn begins: the full turn length again (kept as `left` while paused). */
export function startTurn(c: TurnClock, now: number): TurnClock {
  if (c.paused) return { ...c, left: c.turnMs, deadline: null, forced: false };
  return { ...c, deadline: c.turnMs === null ? null : now + c.turnMs, left: null, forced: false };
}

/** Sets the length of every turn; the current turn gets the new length from now. */
export function setTurnLength(c: TurnClock, turnMs: number | null, now: number): TurnClock {
  return startTurn({ ...c, turnMs }, now);
}

export function pause(c: TurnClock, now: number): TurnClock {
  if (c.paused) return c;
  return { ...c, paused: true, deadline: null, left: c.deadline === null ? null : Math.max(0, c.deadline - now) };
}

export function resume(c: TurnClock, now: number): TurnClock {
  if (!c.paused) return c;
  return { ...c, paused: false, left: null, deadline: c.left === null ? null : now + c.left };
}

/** Gives the current turn `ms` more (a turn without a deadline gets one, `ms` from now). */
export function extend(c: TurnClock, ms: number, now: number): TurnClock {
  if (c.paused) return { ...c, left: (c.left ?? 0) + ms };
  return { ...c, deadline: (c.deadline ?? now) + ms };
}

export function endNow(c: TurnClock): TurnClock {
  return { ...c, forced: true };
}

/** What is left of the turn (ms, never negative), or null without a deadline. */
export function remainingMs(c: TurnClock, now: number): number | null {
  if (c.forced) return 0;
  if (c.paused) return c.left;
  return c.deadline === null ? null : Math.max(0, c.deadline - now);
}

/** Whether the turn must end now: the teacher said so, or the deadline passed while running. */
export function isDue(c: TurnClock, now: number): boolean {
  if (c.forced) return true;
  return !c.paused && c.deadline !== null && now >= c.deadline;
}

/** "3:07", "0:05", "12:00": minutes and seconds, rounded up so 0:00 means the turn is over. */
export function formatClock(ms: number): string {
  const s = Math.max(0, Math.ceil(ms / 1000));
  return `${Math.floor(s / 60)}:${String(s % 60).padStart(2, '0')}`;
}
