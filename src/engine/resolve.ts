/**
 * Turn resolution: what happens after the last seat ends its orders. Order matters and is fixed:
 * wounded and training, deliveries, income, combat, politics, lapsed offers, then the snapshot
 * and hash, then the next turn's events and estimates.
 */
import { turnDate } from './calendar';
import { advanceExpedition, resolveCombat } from './combat';
import { fireEvents } from './events';
import { hashState } from './state-hash';
import { driftUncertainty, refreshEstimates } from './intel';
import { computeMetrics, kurskControl } from './metrics';
import { openRng, roundRandom, type Rng } from './rng';
import { bundleEntries, clamp, toCount } from './stocks';
import { deliverDeals, lapseOffers } from './trade';
import { CAPITALS, type GameState, type TurnReport } from './types';

function collectIncome(state: GameState, rng: Rng): void {
  const { supportIncome: { atZero, atFull }, sanctionsAtFullScrutiny } = state.rules.politics;
  const kyivScale = atZero + ((atFull - atZero) * state.politics.support) / 100;
  // Sanctions follow scrutiny: what the world sees of the deployment costs Moscow supplies.
  const moscowScale = clamp(1 - (sanctionsAtFullScrutiny * state.politics.scrutiny) / 100, 0, 1);
  for (const c of CAPITALS) {
    // Kyiv's supplies depend on how much its partners back it.
    const scale = c === 'kyiv' ? kyivScale : c === 'moscow' ? moscowScale : 1;
    for (const [item, n] of bundleEntries(state.rules.capitals[c].income)) {
      const stock = state.stocks[c];
      stock[item] = toCount(stock[item] + (n > 0 ? roundRandom(n * scale, rng) : n));
    }
  }
}

function updatePolitics(state: GameState): void {
  const p = state.rules.politics;
  const pol = state.politics;
  const held = 100 - kurskControl(state);
  // Partners back Kyiv more while it holds ground, and while the world watches Moscow.
  const watched = Math.max(0, pol.scrutiny - 50) * p.supportPerScrutinyPoint;
  pol.support = clamp(pol.support + p.supportPerKurskPoint * (held - 50) + watched - p.supportDecay, 0, 100);
  pol.scrutiny = clamp(pol.scrutiny - p.scrutinyDecay, 0, 100);
  const over = pol.dissentRisk - 50;
  if (over > 0) pol.regimeControl = clamp(pol.regimeControl - p.controlLossPerDissent * over, 0, 100);
}

export function resolveTurn(state: GameState): void {
  const rng = openRng(state.rng);
  const report: TurnReport = { turn: state.ctx.turn, date: state.ctx.date, sectors: [], deliveries: [], events: [] };
  advanceExpedition(state, rng);
  deliverDeals(state, rng, report);
  collectIncome(state, rng);
  resolveCombat(state, rng, report);
  updatePolitics(state);
  lapseOffers(state);
  driftUncertainty(state);
  state.metrics = computeMetrics(state);
  state.history.push({ turn: state.ctx.turn, date: state.ctx.date, metrics: { ...state.metrics } });

  const cal = state.rules.calendar;
  if (state.ctx.turn >= cal.turns) {
    state.ctx.phase = 'over';
  } else {
    state.ctx.turn += 1;
    state.ctx.date = turnDate(cal.start, cal.turnMonths, state.ctx.turn);
    // Events may move scrutiny, support and the like: recompute only when one fired.
    if (fireEvents(state, rng, report) > 0) state.metrics = computeMetrics(state);
  }
  refreshEstimates(state, rng);
  state.ctx.seat = state.rules.order[0] ?? 'pyongyang';
  state.ctx.turnActions = 0;
  state.reports.push(report);
  state.rng = rng.save();
  state.turnHashes.push(hashState(state));
}
