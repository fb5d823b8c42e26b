/**
 * The "historical" computer players: each capital does what the sources report, on the dates
 * the scenario's policies give. Played by all three seats with central figures, the historical
 * scenario reproduces the reported figures (tests/calibration).
 */
import {
  bundleEntries,
  compareMonths,
  type Action,
  type Bundle,
  type Capital,
  type GameState,
} from '../engine';
import { answerOffers, PLAIN_STYLE } from './judge';
import type { Bot } from './types';

function reached(state: Readonly<GameState>, month: string | null): boolean {
  return month !== null && compareMonths(state.ctx.date, month) >= 0;
}

/** Soldiers promised to Moscow but not yet delivered (open offers and active deals). */
export function troopsInPipeline(state: Readonly<GameState>): number {
  let n = 0;
  for (const o of state.offers) if (o.from === 'pyongyang' && o.status === 'open') n += o.give.troops ?? 0;
  for (const d of state.deals) {
    if (d.from !== 'pyongyang' || d.status !== 'active') continue;
    n += (d.give.troops ?? 0) - (d.delivered.give.troops ?? 0) - (d.shortfall.give.troops ?? 0);
  }
  return n;
}

export function priceFor(perThousand: Bundle, count: number): Bundle {
  const out: Bundle = {};
  for (const [item, n] of bundleEntries(perThousand)) {
    const m = Math.round((n * count) / 1000);
    if (m > 0) out[item] = m;
  }
  return out;
}

function pyongyang(state: Readonly<GameState>): Action[] {
  const seat: Capital = 'pyongyang';
  const policy = state.rules.policies.historical.pyongyang;
  const out: Action[] = [];
  if (state.levers.trainingMonths !== policy.trainingMonths)
    out.push({ type: 'setTraining', seat, months: policy.trainingMonths });
  if (state.levers.information !== policy.information)
    out.push({ type: 'setInformation', seat, policy: policy.information });
  out.push(...answerOffers(state, seat));

  let target = 0;
  for (const step of policy.troopsBy) if (reached(state, step.date)) target = step.total;
  const want = Math.min(target - state.human.sent - troopsInPipeline(state), state.stocks.pyongyang.troops);
  if (want > 0)
    out.push({
      type: 'offer',
      seat,
      to: 'moscow',
      give: { troops: want },
      get: priceFor(policy.askPerThousandTroops, want),
      turns: 1,
    });
  for (const o of policy.offers)
    if (o.date === state.ctx.date) out.push({ type: 'offer', seat, to: 'moscow', give: o.give, get: o.get, turns: o.turns });
  out.push({ type: 'endTurn', seat });
  return out;
}

/** How many more crews missile units can take (the engine refuses more). */
export function missileRoom(state: Readonly<GameState>): number {
  const perTech = state.rules.combat.missileCrewPerTechUnit;
  if (perTech <= 0) return Number.MAX_SAFE_INTEGER;
  return Math.max(0, perTech * state.stocks.moscow['tech.missile'] - state.expedition.missileUnits);
}

/** Splits `total` over sectors in proportion to `weights`, remainder to the heaviest. */
export function spread(total: number, weights: number[]): number[] {
  const sum = weights.reduce((a, b) => a + b, 0);
  if (total <= 0 || sum <= 0) return weights.map(() => 0);
  const parts = weights.map((w) => Math.floor((total * w) / sum));
  let rest = total - parts.reduce((a, b) => a + b, 0);
  const order = weights.map((w, i) => [w, i] as const).sort((a, b) => b[0] - a[0] || a[1] - b[1]);
  for (let k = 0; rest > 0; k = (k + 1) % order.length, rest--) parts[order[k]![1]]! += 1;
  return parts;
}

function moscow(state: Readonly<GameState>): Action[] {
  const seat: Capital = 'moscow';
  const policy = state.rules.policies.historical.moscow;
  const out: Action[] = [...answerOffers(state, seat)];
  if (state.levers.stance !== policy.stance) out.push({ type: 'setStance', seat, stance: policy.stance });
  const pairing = reached(state, policy.pairingFrom);
  if (state.levers.pairing !== pairing) out.push({ type: 'setPairing', seat, on: pairing });
  let ready = state.expedition.ready;
  if (reached(state, policy.missileUnitsFrom) && ready > 0) {
    const n = Math.min(Math.floor(ready * policy.missileUnitShare), missileRoom(state));
    if (n > 0) {
      out.push({ type: 'missileUnits', seat, count: n });
      ready -= n;
    }
  }
  // North Koreans go where Ukraine is strongest; reserves follow the same weights.
  const weights = state.sectors.map((s) => s.ukrainianTroops + 1);
  spread(ready, weights).forEach((n, i) => {
    if (n > 0) out.push({ type: 'assign', seat, sector: state.sectors[i]!.id, count: n });
  });
  const reserve = Math.floor(state.stocks.moscow.troops * policy.reinforceShare);
  spread(reserve, weights).forEach((n, i) => {
    if (n > 0) out.push({ type: 'allocate', seat, sector: state.sectors[i]!.id, troops: n, drones: 0 });
  });
  out.push({ type: 'endTurn', seat });
  return out;
}

function kyiv(state: Readonly<GameState>): Action[] {
  const seat: Capital = 'kyiv';
  const policy = state.rules.policies.historical.kyiv;
  const out: Action[] = [...answerOffers(state, seat)];
  const target = reached(state, policy.targetNorthKoreansFrom);
  if (state.levers.targetNorthKoreans !== target) out.push({ type: 'setTargeting', seat, on: target });
  const posture = reached(state, policy.withdrawFrom) ? 'withdraw' : 'hold';
  if (state.levers.posture !== posture) out.push({ type: 'setPosture', seat, posture });
  const pol = state.politics;
  if (policy.publicise && pol.prisonersHeld > pol.prisonersPublicised) out.push({ type: 'publicise', seat });
  if (policy.releaseEvidence && state.stocks.kyiv.evidence > 0)
    out.push({ type: 'releaseEvidence', seat, amount: state.stocks.kyiv.evidence });
  if (posture === 'hold') {
    // Reinforce where the enemy is strongest.
    const weights = state.sectors.map((s) => s.russianTroops + (state.expedition.bySector[s.id] ?? 0) + 1);
    const troops = spread(Math.floor(state.stocks.kyiv.troops * policy.reinforceShare), weights);
    const drones = spread(state.stocks.kyiv.drones, weights);
    state.sectors.forEach((s, i) => {
      if (troops[i]! > 0 || drones[i]! > 0)
        out.push({ type: 'allocate', seat, sector: s.id, troops: troops[i]!, drones: drones[i]! });
    });
  }
  out.push({ type: 'endTurn', seat });
  return out;
}

export const historicalBot: Bot = {
  name: 'historical',
  tradeStyle: () => PLAIN_STYLE,
  decide(state, seat) {
    return seat === 'pyongyang' ? pyongyang(state) : seat === 'moscow' ? moscow(state) : kyiv(state);
  },
};
