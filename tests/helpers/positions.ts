/** Game positions for computer-player tests: a historical game played up to a given turn. */
import { historicalBot } from '../../src/ai';
import {
  applyInPlace,
  createGame,
  type Capital,
  type GameState,
  type Rules,
} from '../../src/engine';
import { builtInRules } from './rules';

/** Plays with historical bots until it is `seat`'s turn on `turn`. */
export function stateAt(
  seed: string,
  turn: number,
  seat: Capital,
  rules: Rules = builtInRules(),
): GameState {
  const s = createGame(rules, { seed });
  while (!(s.ctx.turn === turn && s.ctx.seat === seat)) {
    const who = s.ctx.seat;
    const t = s.ctx.turn;
    for (const a of historicalBot.decide(s, who)) {
      if (s.ctx.seat !== who || s.ctx.turn !== t) break;
      applyInPlace(s, a);
    }
  }
  return s;
}
