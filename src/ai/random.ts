/**
 * A bot that picks random orders among everything a seat could try, legal or not, to fuzz the
 * engine. Deterministic: its randomness is seeded from the game's seed, turn and seat.
 */
import { CAPITALS, ITEMS, randomFrom, type Action, type Capital, type GameState } from '../engine';
import type { Bot } from './types';

function pick<T>(rnd: () => number, xs: readonly T[]): T {
  return xs[Math.floor(rnd() * xs.length)]!;
}

function amount(rnd: () => number, max: number): number {
  // Mostly small legal amounts, sometimes zero, negative or far too large.
  const r = rnd();
  if (r < 0.05) return 0;
  if (r < 0.1) return -Math.floor(rnd() * 1000);
  if (r < 0.15) return Math.floor(max * 10 + 1000);
  return Math.floor(rnd() * (max + 1));
}

/** `places`: the sector ids and one that does not exist, listed once per decision. */
function candidate(state: Readonly<GameState>, seat: Capital, rnd: () => number, places: readonly string[]): Action {
  const sector = pick(rnd, places);
  const other = pick(rnd, CAPITALS);
  const item = pick(rnd, ITEMS);
  const item2 = pick(rnd, ITEMS);
  const stock = state.stocks[seat][item];
  const offerId = state.offers.length > 0 ? pick(rnd, state.offers).id : 999;
  switch (Math.floor(rnd() * 16)) {
    case 0:
      return { type: 'offer', seat, to: other, give: { [item]: amount(rnd, stock) }, get: { [item2]: amount(rnd, 500) }, turns: 1 + Math.floor(rnd() * 4) };
    case 1:
      return { type: 'accept', seat, offerId };
    case 2:
      return { type: 'reject', seat, offerId, reason: 'random' };
    case 3:
      return { type: 'counter', seat, offerId, give: { [item]: amount(rnd, stock) }, get: { [item2]: amount(rnd, 300) }, turns: 1 + Math.floor(rnd() * 3) };
    case 4:
      return { type: 'withdraw', seat, offerId };
    case 5:
      return { type: 'setTraining', seat, months: Math.floor(rnd() * 5) };
    case 6:
      return { type: 'setInformation', seat, policy: rnd() < 0.5 ? 'deceive' : 'truth' };
    case 7:
      return { type: 'recall', seat, count: amount(rnd, state.expedition.ready) };
    case 8:
      return { type: 'assign', seat, sector, count: amount(rnd, state.expedition.ready) - (rnd() < 0.3 ? 200 : 0) };
    case 9:
      return { type: 'missileUnits', seat, count: amount(rnd, state.expedition.ready) };
    case 10:
      return { type: 'setPairing', seat, on: rnd() < 0.5 };
    case 11:
      return { type: 'setStance', seat, stance: pick(rnd, ['deny', 'conflicting', 'confirm'] as const) };
    case 12:
      return { type: 'allocate', seat, sector, troops: amount(rnd, state.stocks[seat].troops) - (rnd() < 0.3 ? 500 : 0), drones: seat === 'kyiv' ? amount(rnd, state.stocks.kyiv.drones) : 0 };
    case 13:
      return { type: 'setPosture', seat, posture: rnd() < 0.8 ? 'hold' : 'withdraw' };
    case 14:
      return { type: 'setTargeting', seat, on: rnd() < 0.5 };
    default:
      return rnd() < 0.5 ? { type: 'publicise', seat } : { type: 'releaseEvidence', seat, amount: amount(rnd, state.stocks.kyiv.evidence) };
  }
}

export const randomBot: Bot = {
  name: 'random',
  decide(state, seat) {
    const rnd = randomFrom(`${state.seed}:${state.ctx.turn}:${seat}:${state.ctx.actionCount}`);
    const n = Math.floor(rnd() * 8);
    const out: Action[] = [];
    const places = state.sectors.map((s) => s.id).concat('nowhere');
    for (let i = 0; i < n; i++) out.push(candidate(state, seat, rnd, places));
    out.push({ type: 'endTurn', seat });
    return out;
  },
};
