/** Every stock and count stays whole and accounted for, turn after turn, whoever plays. */
import { describe, expect, it } from 'vitest';
import { CAPITALS, createGame } from '../../src/engine';
import { playBots } from '../../src/sim/play';
import { brokenInvariants } from '../helpers/invariants';
import { builtInRules } from '../helpers/rules';

describe('invariants over every stock, every turn', () => {
  it.each(['historical', 'hawk', 'dove', 'opportunist'])('with %s players in every seat, and Kyiv bargaining', (bot) => {
    const rules = builtInRules();
    for (const seed of ['i1', 'i2']) {
      const s = createGame(rules, { seed });
      const pool = s.stocks.pyongyang.troops;
      const seats = { pyongyang: bot, moscow: bot, kyiv: bot };
      let turns = 0;
      while (s.ctx.phase !== 'over') {
        playBots(s, seats, [], () => s.ctx.turn > turns);
        turns++;
        expect(brokenInvariants(s, pool), `${bot} ${seed} turn ${turns}`).toEqual([]);
        for (const c of CAPITALS) expect(s.metrics[`${c}.score`]).toBeGreaterThanOrEqual(0);
      }
    }
  });

  it('the dove Kyiv and Moscow really exchange prisoners', () => {
    const s = createGame(builtInRules(), { seed: 'swap' });
    playBots(s, { pyongyang: 'historical', moscow: 'dove', kyiv: 'dove' }, [], () => false);
    expect(s.human.exchanged).toBeGreaterThan(0);
    expect(s.flows.received.kyiv.pows ?? 0).toBeGreaterThan(0);
  });
});
