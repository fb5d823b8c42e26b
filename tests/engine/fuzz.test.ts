import { describe, expect, it } from 'vitest';
import { applyInPlace, createGame, hashState, type Action, type GameState } from '../../src/engine';
import { randomBot } from '../../src/ai';
import { brokenInvariants } from '../helpers/invariants';
import { builtInRules } from '../helpers/rules';

/** Plays one game of random orders, checking that refused orders change nothing. */
function fuzzGame(seed: string): { state: GameState; refused: number; broken: string[] } {
  const rules = builtInRules();
  const state = createGame(rules, { seed });
  const pool = state.stocks.pyongyang.troops;
  let refused = 0;
  const broken: string[] = [];
  let guard = 0;
  while (state.ctx.phase !== 'over' && guard++ < 500) {
    const seat = state.ctx.seat;
    for (const a of randomBot.decide(state, seat)) {
      if (state.ctx.seat !== seat) break;
      const before = hashState(state);
      const r = applyInPlace(state, a as Action);
      if (!r.ok) {
        refused++;
        if (hashState(state) !== before) broken.push(`refused ${a.type} changed the state`);
      }
    }
    // The bot's orders may have ended the turn already; end it if not.
    applyInPlace(state, { type: 'endTurn', seat });
    broken.push(...brokenInvariants(state, pool));
  }
  return { state, refused, broken };
}

describe('fuzz: random orders', () => {
  it('1,000 games of random legal and illegal moves never throw and keep every invariant', () => {
    let refused = 0;
    for (let i = 0; i < 1000; i++) {
      const { state, refused: r, broken } = fuzzGame(`fuzz-${i}`);
      expect(broken, `seed fuzz-${i}`).toEqual([]);
      expect(state.ctx.phase).toBe('over');
      refused += r;
    }
    // The fuzzer must actually exercise the refusals, not only legal moves.
    expect(refused).toBeGreaterThan(1000);
  }, 120_000);
});
