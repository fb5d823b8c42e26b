/**
 * The stock forecast beside Kyiv's stocks: what feeds and drains each stock, and the warning
 * before one runs out. Checked against what the engine then does when the turn resolves.
 */
import { describe, expect, it } from 'vitest';

import { applyInPlace, cloneState, createGame, type GameState } from '../../src/engine';
import { stockOutlook, stockWarning } from '../../src/ui/stockWatch';
import { builtInRules } from '../helpers/rules';

function kyivTurn(): GameState {
  const state = createGame(builtInRules(), {
    seed: 'stocks',
    figureChoices: { default: 'central' },
  });
  for (const seat of ['pyongyang', 'moscow'] as const)
    applyInPlace(state, { type: 'endTurn', seat });
  return state;
}

describe('stock outlook', () => {
  it('Kyiv’s ammunition: partners’ supplies scaled by support, minus the fighting', () => {
    const state = kyivTurn();
    const ammo = stockOutlook(state, 'kyiv').find((o) => o.item === 'ammunition')!;
    const supply = ammo.flows.find((f) => f.label.startsWith('Supplies from Kyiv’s partners'));
    const fighting = ammo.flows.find((f) => f.label.startsWith('Fighting at the front'));
    expect(fighting!.n).toBeLessThan(0);
    expect(ammo.net).toBe(ammo.flows.reduce((s, f) => s + f.n, 0));
    // Lower support, smaller supplies.
    const poorer = cloneState(state);
    poorer.politics.support = 0;
    const poorSupply = stockOutlook(poorer, 'kyiv')
      .find((o) => o.item === 'ammunition')!
      .flows.find((f) => f.label.startsWith('Supplies'));
    if (supply) expect(poorSupply?.n ?? 0).toBeLessThan(supply.n);
    // The forecast is the engine's month, give or take its random rounding of income.
    const before = state.stocks.kyiv.ammunition;
    const after = cloneState(state);
    applyInPlace(after, { type: 'endTurn', seat: 'kyiv' });
    const change = after.stocks.kyiv.ammunition - before;
    if (after.stocks.kyiv.ammunition > 0)
      expect(Math.abs(change - ammo.net)).toBeLessThanOrEqual(2);
  });

  it('warns before a falling stock runs out, not when it is safe', () => {
    const state = kyivTurn();
    const ammo = stockOutlook(state, 'kyiv').find((o) => o.item === 'ammunition')!;
    expect(ammo.net).toBeLessThan(0);
    const soon = { ...ammo, stock: -ammo.net, turnsLeft: 1 };
    expect(stockWarning(state, soon)).toMatch(/^Ammunition runs out in about 2 turns/);
    expect(stockWarning(state, { ...ammo, stock: 0, turnsLeft: 0 })).toMatch(
      /^Ammunition is empty\. Without shells your troops fight at \d+% of their strength\.$/,
    );
    expect(stockWarning(state, { ...ammo, stock: -ammo.net * 10, turnsLeft: 10 })).toBeNull();
    expect(stockWarning(state, { ...ammo, net: 5, turnsLeft: null })).toBeNull();
  });
});
