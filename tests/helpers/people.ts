/**
 * Games with people in some seats, for tests: a computer player stands in for each person and
 * gives its orders one at a time, the way a person does in the game, and the computer seats
 * answer after each order through the game's own driver (playComputersAfter). The record labels
 * those seats "human", so it is exactly what the game would save.
 */
import { getBot } from '../../src/ai';
import {
  applyInPlace,
  createGame,
  makeRecord,
  type Action,
  type Capital,
  type GameRecord,
  type Rules,
  type Seats,
} from '../../src/engine';
import { playComputersAfter } from '../../src/sim/play';

export function playWithPeople(
  rules: Rules,
  seed: string,
  seats: Seats,
  standIns: Partial<Record<Capital, string>>,
  /** Orders already played (a fork's actions before its turn): the game goes on from there. */
  prefix: readonly Action[] = [],
): GameRecord {
  const labels: Seats = { ...seats };
  for (const c of Object.keys(standIns) as Capital[]) labels[c] = 'human';
  const isHuman = (c: Capital) => labels[c] === 'human';
  const state = createGame(rules, { seed, figureChoices: { default: 'central' } });
  const log: Action[] = [];
  for (const a of prefix) if (applyInPlace(state, a).ok) log.push(a);
  playComputersAfter(state, labels, null, log, isHuman);
  while (state.ctx.phase !== 'over') {
    const seat = state.ctx.seat;
    const turn = state.ctx.turn;
    const bot = getBot(standIns[seat]!)!;
    const still = () =>
      state.ctx.seat === seat && state.ctx.turn === turn && state.ctx.phase !== 'over';
    for (const a of bot.decide(state, seat)) {
      if (!still()) break;
      if (!applyInPlace(state, a).ok) continue;
      log.push(a);
      playComputersAfter(state, labels, a, log, isHuman);
    }
    if (still()) {
      const end: Action = { type: 'endTurn', seat };
      applyInPlace(state, end);
      log.push(end);
      playComputersAfter(state, labels, end, log, isHuman);
    }
  }
  return makeRecord(state, labels, log);
}
