/**
 * What the computer does in a room's seats. One function, so the room plays its computer seats
 * exactly as a local game does (and a room's record verifies like a local one): today the bots
 * give a seat's whole month of orders when the engine reaches that seat (src/sim/play.ts).
 */
import type { Action, Capital, GameState, Seats } from '../../engine';
import { playBots } from '../../sim/play';

/** Plays computer seats, mutating `state` and appending to `log`, until `isHuman` holds the turn. */
export function computerMoves(state: GameState, seats: Seats, log: Action[], isHuman: (seat: Capital) => boolean): void {
  playBots(state, seats, log, isHuman);
}
