/** Keeping or breaking deals: withdrawing from an accepted offer breaks its deal; personalities differ. */
import { describe, expect, it } from 'vitest';
import { dealsToBreak, judgeOffer, PERSONALITIES, PLAIN_STYLE } from '../../src/ai';
import { applyInPlace, createGame, type GameState } from '../../src/engine';
import { builtInRules } from '../helpers/rules';

function withDeal(): { s: GameState; offerId: number } {
  const s = createGame(builtInRules(), { seed: 'deal' });
  applyInPlace(s, { type: 'offer', seat: 'pyongyang', to: 'moscow', give: { ammunition: 3000 }, get: { oil: 300 }, turns: 3 });
  const offerId = s.offers[0]!.id;
  expect(applyInPlace(s, { type: 'accept', seat: 'moscow', offerId }).ok).toBe(true);
  return { s, offerId };
}

describe('breaking a deal', () => {
  it('either party may walk away from an active deal; nothing more moves; the partner is told', () => {
    const { s, offerId } = withDeal();
    for (const seat of ['pyongyang', 'moscow', 'kyiv'] as const) applyInPlace(s, { type: 'endTurn', seat });
    const deal = s.deals[0]!;
    expect(deal.done).toBe(1);
    expect(applyInPlace(s, { type: 'withdraw', seat: 'kyiv', offerId }).ok).toBe(false);
    expect(applyInPlace(s, { type: 'withdraw', seat: 'moscow', offerId }).ok).toBe(true);
    expect(deal).toMatchObject({ status: 'broken', brokenBy: 'moscow' });
    expect(s.news.at(-1)!.visibleTo).toEqual(['moscow', 'pyongyang']);
    const delivered = JSON.stringify(deal.delivered);
    for (let t = 0; t < 3; t++) for (const seat of ['pyongyang', 'moscow', 'kyiv'] as const) applyInPlace(s, { type: 'endTurn', seat });
    expect(JSON.stringify(deal.delivered)).toBe(delivered);
    expect(applyInPlace(s, { type: 'withdraw', seat: 'pyongyang', offerId })).toMatchObject({ ok: false, error: { code: 'offer-closed' } });
  });

  it('a computer makes no new deal with a capital that broke one with it', () => {
    const { s, offerId } = withDeal();
    applyInPlace(s, { type: 'withdraw', seat: 'pyongyang', offerId });
    applyInPlace(s, { type: 'offer', seat: 'pyongyang', to: 'moscow', give: { troops: 1000 }, get: { oil: 1 }, turns: 1 });
    const v = judgeOffer(s, 'moscow', s.offers.at(-1)!);
    expect(v.response).toBe('reject');
    expect(v.reason).toMatch(/broke deal/);
  });

  it('the opportunist walks away when its partner delivers short; the others keep the deal', () => {
    const { s } = withDeal();
    const deal = s.deals[0]!;
    expect(dealsToBreak(s, 'moscow', PERSONALITIES.opportunist.style.moscow)).toEqual([]);
    deal.shortfall.give.ammunition = 500; // Pyongyang could not deliver all it promised
    expect(dealsToBreak(s, 'moscow', PERSONALITIES.opportunist.style.moscow)).toEqual([{ type: 'withdraw', seat: 'moscow', offerId: deal.offerId }]);
    expect(dealsToBreak(s, 'moscow', PLAIN_STYLE)).toEqual([]);
    expect(dealsToBreak(s, 'moscow', PERSONALITIES.dove.style.moscow)).toEqual([]);
    expect(dealsToBreak(s, 'moscow', PERSONALITIES.hawk.style.moscow)).toEqual([]);
    // Its own shortfall is no reason to walk away.
    expect(dealsToBreak(s, 'pyongyang', PERSONALITIES.opportunist.style.pyongyang)).toEqual([]);
  });
});
