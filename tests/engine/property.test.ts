import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { applyInPlace, createGame, ITEMS, type Bundle, type GameState, type Item } from '../../src/engine';
import { deliverDeals } from '../../src/engine/trade';
import { openRng } from '../../src/engine/rng';
import { builtInRules } from '../helpers/rules';

const TRADED: Item[] = ['troops', 'ammunition', 'workers', 'oil', 'food', 'currency', 'unCover', 'tech.missile', 'tech.nuclear'];

function total(s: GameState, item: Item): number {
  let n = s.stocks.pyongyang[item] + s.stocks.moscow[item] + s.stocks.kyiv[item];
  if (item === 'troops') n += s.human.sent; // soldiers leave stocks for the expedition
  return n;
}

describe('property: trades conserve what exists', () => {
  it('deliveries only move goods between capitals, never create or destroy them (and most runs reach one)', () => {
    const amount = fc.integer({ min: 0, max: 20000 });
    let delivered = 0;
    fc.assert(
      fc.property(
        fc.record({ troops: amount, ammunition: amount, workers: amount }),
        fc.record({ oil: amount, food: amount, currency: amount, unCover: fc.integer({ min: 0, max: 10 }), 'tech.nuclear': fc.integer({ min: 0, max: 5 }) }),
        fc.integer({ min: 1, max: 4 }),
        fc.string(),
        (give, get, turns, seed) => {
          const s = createGame(builtInRules(), { seed });
          // Clip both sides to what each holds, so the offer is legal and can be accepted.
          const g: Bundle = {};
          for (const [k, v] of Object.entries(give)) g[k as Item] = Math.min(v, s.stocks.pyongyang[k as Item]);
          const w: Bundle = {};
          for (const [k, v] of Object.entries(get)) w[k as Item] = Math.min(v, s.stocks.moscow[k as Item]);
          const r = applyInPlace(s, { type: 'offer', seat: 'pyongyang', to: 'moscow', give: g, get: w, turns });
          if (!r.ok) return r.error.code === 'bad-amount';
          expect(applyInPlace(s, { type: 'accept', seat: 'moscow', offerId: s.offers[0]!.id }).ok).toBe(true);
          const before = Object.fromEntries(TRADED.map((i) => [i, total(s, i)]));
          const rng = openRng(s.rng);
          for (let t = 0; t < 8; t++) deliverDeals(s, rng, { turn: 1, date: '', sectors: [], deliveries: [], events: [] });
          for (const i of TRADED) expect(total(s, i)).toBe(before[i]);
          const deal = s.deals[0]!;
          if ((deal.delivered.give.troops ?? 0) + (deal.delivered.get.oil ?? 0) + (deal.delivered.give.ammunition ?? 0) > 0) delivered++;
          // Delivered plus short equals what was promised, once the deal is complete.
          if (deal.status === 'complete')
            for (const [k, v] of Object.entries(deal.give)) expect((deal.delivered.give[k as Item] ?? 0) + (deal.shortfall.give[k as Item] ?? 0)).toBe(v);
          for (const i of ITEMS) expect(s.stocks.moscow[i]).toBeGreaterThanOrEqual(0);
          return true;
        },
      ),
      { numRuns: 200 },
    );
    expect(delivered).toBeGreaterThanOrEqual(150);
  });

  it("Kyiv's exchanges conserve prisoners and move the line by the ground handed over", () => {
    let reached = 0;
    fc.assert(
      fc.property(fc.integer({ min: 1, max: 30 }), fc.integer({ min: 0, max: 30 }), fc.integer({ min: 1, max: 40 }), fc.string(), (prisoners, pows, ground, seed) => {
        const s = createGame(builtInRules(), { seed });
        while (s.ctx.seat !== 'kyiv') applyInPlace(s, { type: 'endTurn', seat: s.ctx.seat });
        s.stocks.kyiv.prisoners = prisoners;
        s.politics.prisonersHeld = prisoners;
        s.human.captured = prisoners;
        const give: Bundle = { prisoners, ground: Math.min(ground, s.stocks.kyiv.ground) };
        const get: Bundle = { pows: Math.min(pows, s.stocks.moscow.pows) };
        expect(applyInPlace(s, { type: 'offer', seat: 'kyiv', to: 'moscow', give, get, turns: 1 }).ok).toBe(true);
        expect(applyInPlace(s, { type: 'accept', seat: 'moscow', offerId: s.offers.at(-1)!.id }).ok).toBe(true);
        const mean = () => s.sectors.reduce((n, x) => n + x.control, 0) / s.sectors.length;
        const before = { control: mean(), pows: s.stocks.moscow.pows };
        const rng = openRng(s.rng);
        for (let t = 0; t < 4; t++) deliverDeals(s, rng, { turn: 1, date: '', sectors: [], deliveries: [], events: [] });
        const deal = s.deals[0]!;
        const moved = deal.delivered.give.prisoners ?? 0;
        if (moved > 0) reached++;
        expect(s.stocks.kyiv.prisoners + s.human.exchanged).toBe(prisoners);
        expect(s.politics.prisonersHeld).toBe(s.stocks.kyiv.prisoners);
        expect(mean()).toBeCloseTo(before.control + (deal.delivered.give.ground ?? 0));
        expect(before.pows - s.stocks.moscow.pows).toBe(deal.delivered.get.pows ?? 0);
        expect(s.flows.received.kyiv.pows ?? 0).toBe(deal.delivered.get.pows ?? 0);
        return true;
      }),
      { numRuns: 100 },
    );
    expect(reached).toBeGreaterThanOrEqual(75);
  });
});

describe('property: any sequence of orders keeps stocks whole and metrics finite', () => {
  it('holds for random allocations and lever changes', () => {
    const order = fc.oneof(
      fc.record({ type: fc.constant('allocate' as const), sector: fc.constantFrom('sudzha', 'korenevo', 'plekhovo', 'malaya-loknya'), troops: fc.integer({ min: -3000, max: 3000 }), drones: fc.integer({ min: -100, max: 100 }) }),
      fc.record({ type: fc.constant('setTargeting' as const), on: fc.boolean() }),
      fc.record({ type: fc.constant('setPosture' as const), posture: fc.constantFrom('hold' as const, 'withdraw' as const) }),
    );
    fc.assert(
      fc.property(fc.array(fc.array(order, { maxLength: 6 }), { minLength: 12, maxLength: 12 }), fc.string(), (turns, seed) => {
        const s = createGame(builtInRules(), { seed });
        for (const orders of turns) {
          applyInPlace(s, { type: 'endTurn', seat: 'pyongyang' });
          applyInPlace(s, { type: 'endTurn', seat: 'moscow' });
          for (const o of orders) applyInPlace(s, { ...o, seat: 'kyiv' } as never);
          applyInPlace(s, { type: 'endTurn', seat: 'kyiv' });
          for (const v of Object.values(s.metrics)) expect(Number.isFinite(v)).toBe(true);
          for (const sec of s.sectors) expect(sec.ukrainianTroops).toBeGreaterThanOrEqual(0);
          expect(s.stocks.kyiv.troops).toBeGreaterThanOrEqual(0);
        }
        expect(s.ctx.phase).toBe('over');
      }),
      { numRuns: 60 },
    );
  });
});
