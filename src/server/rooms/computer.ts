/**
 * What the computer does in a room's seats, through the same two functions a local game uses
 * (src/sim/play.ts), so a room's record verifies exactly like a local one:
 *   - after each student's order, computer seats answer the offers waiting for them;
 *   - when the engine reaches a computer seat, it gives that seat's month of orders.
 * `seats` names the bot of each computer seat and 'human' for students' seats.
 */
import type { Action, Capital, GameState, Seats } from '../../engine';
import { playBots, playReactions } from '../../sim/play';

/** Plays computer seats, mutating `state` and appending to `log`, until `isHuman` holds the turn. */
export function computerMoves(state: GameState, seats: Seats, log: Action[], isHuman: (seat: Capital) => boolean): void {
  playBots(state, seats, log, isHuman);
}

/** Computer seats answer the offers that reach them now (several rounds fit in a month). */
export function computerAnswers(state: GameState, seats: Seats, log: Action[]): void {
  playReactions(state, seats, log);
}
