/**
 * Input that crosses into the engine: action types named like object members, the per-turn
 * bounds on orders and offers, and numbers that are not finite. Each is an error value or a
 * clamp, never a throw.
 */
import { describe, expect, it } from 'vitest';
import { applyInPlace, createGame, makeRecord, replay, type Action, type Rules } from '../../src/engine';
import { builtInRules } from '../helpers/rules';

const rules = builtInRules();

describe('action types that name object members', () => {
  it.each(['toString', 'constructor', '__proto__', 'hasOwnProperty', 'valueOf', 'prototype'])('"%s" is an unknown action, not a crash', (type) => {
    const s = createGame(rules, { seed: 'proto' });
    const before = JSON.stringify(s);
    const r = applyInPlace(s, { type, seat: 'pyongyang' } as unknown as Action);
    expect(r).toMatchObject({ ok: false, error: { code: 'unknown-action' } });
    expect(JSON.stringify(s)).toBe(before);
  });

  it('a record holding one replays to a clear error', () => {
    const s = createGame(rules, { seed: 'proto' });
    const record = makeRecord(s, { pyongyang: 'human', moscow: 'historical', kyiv: 'historical' }, [
      { type: '__proto__', seat: 'pyongyang' } as unknown as Action,
    ]);
    const r = replay(record, rules);
    expect(r.ok).toBe(false);
    if (!r.ok) expect(r.error.kind).toBe('illegal-action');
  });
});

describe('bounds on one month', () => {
  it('offers past the per-turn bound are refused with a clear error; the bound is the scenario\'s', () => {
    const small: Rules = { ...rules, trade: { ...rules.trade, maxOpenOffers: 100 }, limits: { ...rules.limits, offersPerTurn: 3 } };
    const s = createGame(small, { seed: 'offers' });
    const offer: Action = { type: 'offer', seat: 'pyongyang', to: 'moscow', give: { troops: 1 }, get: { oil: 1 }, turns: 1 };
    for (let i = 0; i < 3; i++) expect(applyInPlace(s, offer).ok).toBe(true);
    const r = applyInPlace(s, offer);
    expect(r).toMatchObject({ ok: false, error: { code: 'too-many-offers' } });
    if (!r.ok) expect(r.error.message).toMatch(/3 offers this month/);
    // Withdrawing does not reopen the month's allowance: an offer/withdraw loop stays bounded.
    applyInPlace(s, { type: 'withdraw', seat: 'pyongyang', offerId: s.offers[0]!.id });
    expect(applyInPlace(s, offer).ok).toBe(false);
    // A new month, a new allowance.
    applyInPlace(s, { type: 'endTurn', seat: 'pyongyang' });
    applyInPlace(s, { type: 'endTurn', seat: 'moscow' });
    applyInPlace(s, { type: 'endTurn', seat: 'kyiv' });
    expect(applyInPlace(s, offer).ok).toBe(true);
  });

  it('orders past the per-turn bound are refused, and ending the turn is always allowed', () => {
    const small: Rules = { ...rules, limits: { ...rules.limits, actionsPerTurn: 20 } };
    const s = createGame(small, { seed: 'actions' });
    const order: Action = { type: 'setTraining', seat: 'pyongyang', months: 2 };
    for (let i = 0; i < 20; i++) expect(applyInPlace(s, order).ok).toBe(true);
    expect(applyInPlace(s, order)).toMatchObject({ ok: false, error: { code: 'too-many-actions' } });
    expect(s.ctx.turnActions).toBe(20);
    expect(applyInPlace(s, { type: 'endTurn', seat: 'pyongyang' }).ok).toBe(true);
    applyInPlace(s, { type: 'endTurn', seat: 'moscow' });
    applyInPlace(s, { type: 'endTurn', seat: 'kyiv' });
    expect(s.ctx.turnActions).toBe(0);
    expect(applyInPlace(s, order).ok).toBe(true);
  });
});

describe('numbers that are not finite never enter the state', () => {
  it('huge or non-finite income and stocks become whole, finite counts', () => {
    const bad: Rules = {
      ...rules,
      capitals: {
        ...rules.capitals,
        pyongyang: { ...rules.capitals.pyongyang, stocks: { ...rules.capitals.pyongyang.stocks, oil: Number.NaN, food: Infinity }, income: { ammunition: 1e308, oil: Number.NaN } },
      },
    };
    const s = createGame(bad, { seed: 'finite' });
    for (let t = 0; t < 3; t++)
      for (const seat of ['pyongyang', 'moscow', 'kyiv'] as const) applyInPlace(s, { type: 'endTurn', seat });
    for (const [item, n] of Object.entries(s.stocks.pyongyang)) {
      expect(Number.isInteger(n), item).toBe(true);
      expect(n, item).toBeGreaterThanOrEqual(0);
      expect(n, item).toBeLessThanOrEqual(1e12);
    }
    for (const [id, v] of Object.entries(s.metrics)) expect(Number.isFinite(v), id).toBe(true);
  });
});
