/**
 * The computer bargains within the month: a human's offer to a computer seat is answered before
 * the human ends the turn, counters carry a price and a reason, and haggling ends.
 */
import { describe, expect, it } from 'vitest';
import { computerReactions, MAX_COUNTER_ROUNDS } from '../../src/ai';
import { applyInPlace, createGame, type Action, type GameState, type Seats } from '../../src/engine';
import { playBots } from '../../src/sim/play';
import { builtInRules } from '../helpers/rules';

const rules = builtInRules();

function humanPyongyang(moscow: string): { s: GameState; seats: Seats; log: Action[] } {
  const s = createGame(rules, { seed: 'bargain' });
  return { s, seats: { pyongyang: 'human', moscow, kyiv: 'historical' }, log: [] };
}

function act(g: { s: GameState; seats: Seats; log: Action[] }, a: Action): void {
  const r = applyInPlace(g.s, a);
  expect(r.ok, r.ok ? '' : r.error.message).toBe(true);
  g.log.push(a);
  playBots(g.s, g.seats, g.log, (c) => g.seats[c] === 'human');
}

describe('the computer answers within the turn', () => {
  it('a fair offer to a computer Moscow is accepted before Pyongyang ends its turn', () => {
    const g = humanPyongyang('historical');
    act(g, { type: 'offer', seat: 'pyongyang', to: 'moscow', give: { troops: 1000 }, get: { oil: 100 }, turns: 1 });
    expect(g.s.ctx.seat).toBe('pyongyang');
    expect(g.s.ctx.turn).toBe(1);
    expect(g.s.offers[0]!.status).toBe('accepted');
    expect(g.s.deals).toHaveLength(1);
    // The answer is in the log, by Moscow, so the record replays.
    expect(g.log.at(-1)).toEqual({ type: 'accept', seat: 'moscow', offerId: g.s.offers[0]!.id });
  });

  it('a dear offer gets a counter with a lower price and a one-line reason, and the human can answer it', () => {
    const g = humanPyongyang('historical');
    act(g, { type: 'offer', seat: 'pyongyang', to: 'moscow', give: { troops: 1000 }, get: { oil: 1300 }, turns: 1 });
    const counter = g.s.offers.at(-1)!;
    expect(g.s.offers[0]!.status).toBe('countered');
    expect(counter.from).toBe('moscow');
    expect(counter.to).toBe('pyongyang');
    expect(counter.give.oil).toBeGreaterThan(0);
    expect(counter.give.oil).toBeLessThan(1300);
    expect(counter.get).toEqual({ troops: 1000 });
    expect(counter.note).toMatch(/too high/);
    act(g, { type: 'accept', seat: 'pyongyang', offerId: counter.id });
    expect(g.s.deals).toHaveLength(1);
  });

  it('an offer far below what it is worth is refused at once, with a reason', () => {
    const g = humanPyongyang('historical');
    act(g, { type: 'offer', seat: 'pyongyang', to: 'moscow', give: { workers: 10 }, get: { oil: 3000 }, turns: 1 });
    expect(g.s.offers[0]!.status).toBe('rejected');
    expect(g.s.offers[0]!.reason).toMatch(/far too much/);
  });

  it(`haggling ends: the computer counters at most ${MAX_COUNTER_ROUNDS} times in one chain`, () => {
    const g = humanPyongyang('opportunist');
    act(g, { type: 'offer', seat: 'pyongyang', to: 'moscow', give: { troops: 1000 }, get: { oil: 1300 }, turns: 1 });
    let counters = 0;
    for (let round = 0; round < 10; round++) {
      const last = g.s.offers.at(-1)!;
      if (last.status !== 'open' || last.to !== 'pyongyang') break;
      counters++;
      act(g, { type: 'counter', seat: 'pyongyang', offerId: last.id, give: { troops: 1000 }, get: { oil: 1300 }, turns: 1 });
    }
    expect(counters).toBe(MAX_COUNTER_ROUNDS);
    const final = g.s.offers.at(-1)!;
    expect(final.status).toBe('rejected');
    expect(final.reason).toMatch(/stops here/);
  });

  it('nothing waits for a human seat, and a random player answers only on its own turn', () => {
    const g = humanPyongyang('random');
    applyInPlace(g.s, { type: 'offer', seat: 'pyongyang', to: 'moscow', give: { troops: 10 }, get: { oil: 1 }, turns: 1 });
    expect(computerReactions(g.s, g.seats)).toEqual([]);
    expect(computerReactions(g.s, { ...g.seats, moscow: 'human' })).toEqual([]);
    expect(computerReactions(g.s, { ...g.seats, moscow: 'dove' })).toHaveLength(1);
  });
});

describe('answers outside the seat order', () => {
  it('trade is live in another seat\'s turn (answers included); other orders keep the seat order', () => {
    const s = createGame(rules, { seed: 'off-turn' });
    applyInPlace(s, { type: 'offer', seat: 'pyongyang', to: 'moscow', give: { troops: 10 }, get: { oil: 1 }, turns: 1 });
    const id = s.offers[0]!.id;
    expect(applyInPlace(s, { type: 'accept', seat: 'kyiv', offerId: id }).ok).toBe(false);
    expect(applyInPlace(s, { type: 'setStance', seat: 'moscow', stance: 'deny' })).toMatchObject({ ok: false, error: { code: 'not-your-turn' } });
    expect(applyInPlace(s, { type: 'accept', seat: 'moscow', offerId: id }).ok).toBe(true);
    expect(s.ctx.seat).toBe('pyongyang');
  });
});
