/**
 * Outcome metrics, computed from the state (never stored as the truth, only as a snapshot).
 * The ids are the vocabulary of scenario objectives, event conditions and the CLI's output.
 */
import { clamp } from './stocks';
import { CAPITALS, TECH_TRACKS, type Capital, type GameState, type Objective } from './types';

export const METRIC_IDS = [
  'pyongyang.troopsSent',
  'pyongyang.atFront',
  'pyongyang.killed',
  'pyongyang.wounded',
  'pyongyang.captured',
  'pyongyang.returned',
  'pyongyang.ammunitionShipped',
  'pyongyang.workersSent',
  'pyongyang.techGained',
  'pyongyang.nuclearTech',
  'pyongyang.oilReceived',
  'pyongyang.foodReceived',
  'pyongyang.currencyReceived',
  'pyongyang.unCoverReceived',
  'pyongyang.experience',
  'pyongyang.experienceHome',
  'pyongyang.regimeControl',
  'pyongyang.dissentRisk',
  'pyongyang.score',
  'moscow.kurskControl',
  'moscow.killed',
  'moscow.wounded',
  'moscow.losses',
  'moscow.manpowerGained',
  'moscow.scrutiny',
  'moscow.ammunition',
  'moscow.frontTroops',
  'moscow.score',
  'kyiv.kurskHeld',
  'kyiv.killed',
  'kyiv.wounded',
  'kyiv.losses',
  'kyiv.support',
  'kyiv.prisonersHeld',
  'kyiv.powsFreed',
  'kyiv.pauseMonths',
  'kyiv.frontTroops',
  'kyiv.score',
  'human.sent',
  'human.killed',
  'human.wounded',
  'human.captured',
  'human.familiesAtRisk',
  'human.returned',
  'human.exchanged',
  'human.allKilled',
] as const;
export type KnownMetricId = (typeof METRIC_IDS)[number];

/** One decimal place: percentages read better and stay exactly reproducible. */
function tenth(n: number): number {
  return Math.round(n * 10) / 10;
}

export function northKoreansAtFront(state: GameState): number {
  let n = 0;
  for (const id in state.expedition.bySector) n += state.expedition.bySector[id] ?? 0;
  return n;
}

export function northKoreansInTheatre(state: GameState): number {
  const e = state.expedition;
  let training = 0;
  for (const c of e.training) training += c.count;
  return training + e.ready + northKoreansAtFront(state) + e.missileUnits + e.recovering;
}

/** Russian and Ukrainian soldiers in the sectors (North Koreans are counted apart). */
export function troopsAtFront(state: GameState): { russian: number; ukrainian: number } {
  let russian = 0;
  let ukrainian = 0;
  for (const s of state.sectors) {
    russian += s.russianTroops;
    ukrainian += s.ukrainianTroops;
  }
  return { russian, ukrainian };
}

export function kurskControl(state: GameState): number {
  if (state.sectors.length === 0) return 0;
  let sum = 0;
  for (const s of state.sectors) sum += s.control;
  return tenth(sum / state.sectors.length);
}

/** Whole points of the salient Kyiv holds (100 minus Russia's mean control, rounded down). */
export function kurskHeldPoints(state: GameState): number {
  if (state.sectors.length === 0) return 0;
  let sum = 0;
  for (const s of state.sectors) sum += 100 - s.control;
  return Math.max(0, Math.floor(sum / state.sectors.length + 1e-9));
}

export function computeMetrics(state: GameState): Record<string, number> {
  const h = state.human;
  const p = state.politics;
  const e = state.expedition;
  const recv = state.flows.received.pyongyang;
  const sentP = state.flows.sent.pyongyang;
  const already = state.rules.alreadyDelivered;
  let tech = 0;
  for (const t of TECH_TRACKS) tech += recv[`tech.${t}`] ?? 0;
  const control = kurskControl(state);
  const { russian: ruFront, ukrainian: uaFront } = troopsAtFront(state);
  const m: Record<string, number> = {
    'pyongyang.troopsSent': h.sent,
    'pyongyang.atFront': northKoreansAtFront(state),
    'pyongyang.killed': h.killed,
    'pyongyang.wounded': h.wounded,
    'pyongyang.captured': h.captured,
    'pyongyang.returned': h.returned,
    'pyongyang.ammunitionShipped': already.ammunition + (sentP.ammunition ?? 0),
    'pyongyang.workersSent': already.workers + (sentP.workers ?? 0),
    'pyongyang.techGained': tech,
    'pyongyang.nuclearTech': recv['tech.nuclear'] ?? 0,
    'pyongyang.oilReceived': recv.oil ?? 0,
    'pyongyang.foodReceived': recv.food ?? 0,
    'pyongyang.currencyReceived': recv.currency ?? 0,
    'pyongyang.unCoverReceived': recv.unCover ?? 0,
    'pyongyang.experience': e.experience,
    'pyongyang.experienceHome': e.experienceHome,
    'pyongyang.regimeControl': tenth(p.regimeControl),
    'pyongyang.dissentRisk': tenth(p.dissentRisk),
    'moscow.kurskControl': control,
    'moscow.killed': h.russian.killed,
    'moscow.wounded': h.russian.wounded,
    'moscow.losses': h.russian.killed + h.russian.wounded,
    'moscow.manpowerGained': northKoreansInTheatre(state),
    'moscow.scrutiny': tenth(p.scrutiny),
    'moscow.ammunition': state.stocks.moscow.ammunition,
    'moscow.frontTroops': ruFront,
    'kyiv.kurskHeld': tenth(100 - control),
    'kyiv.killed': h.ukrainian.killed,
    'kyiv.wounded': h.ukrainian.wounded,
    'kyiv.losses': h.ukrainian.killed + h.ukrainian.wounded,
    'kyiv.support': tenth(p.support),
    'kyiv.prisonersHeld': p.prisonersHeld,
    'kyiv.powsFreed': state.flows.received.kyiv.pows ?? 0,
    'kyiv.pauseMonths': state.flows.received.kyiv.pause ?? 0,
    'kyiv.frontTroops': uaFront,
    'human.sent': h.sent,
    'human.killed': h.killed,
    'human.wounded': h.wounded,
    'human.captured': h.captured,
    'human.familiesAtRisk': h.familiesAtRisk,
    'human.returned': h.returned,
    'human.exchanged': h.exchanged,
    'human.allKilled': h.killed + h.russian.killed + h.ukrainian.killed,
  };
  for (const c of CAPITALS) m[`${c}.score`] = score(state.rules.scoring[c], m);
  return m;
}

/** A capital's score, 0-100: the weighted mean of its objectives, each scored 0-1. */
export function score(objectives: readonly Objective[], metrics: Record<string, number>): number {
  let total = 0;
  let weights = 0;
  for (const o of objectives) {
    const v = metrics[o.metric] ?? 0;
    const part = o.scale > 0 ? clamp(v / o.scale, 0, 1) : 0;
    total += o.weight * (o.direction === 'max' ? part : 1 - part);
    weights += o.weight;
  }
  return weights > 0 ? tenth((100 * total) / weights) : 0;
}

/** How each objective contributed to a capital's score, for the debrief. */
export function scoreBreakdown(
  state: GameState,
  capital: Capital,
): { objective: Objective; value: number; points: number }[] {
  const objectives = state.rules.scoring[capital];
  let weights = 0;
  for (const o of objectives) weights += o.weight;
  return objectives.map((o) => {
    const value = state.metrics[o.metric] ?? 0;
    const part = o.scale > 0 ? clamp(value / o.scale, 0, 1) : 0;
    const earned = o.direction === 'max' ? part : 1 - part;
    return { objective: o, value, points: weights > 0 ? tenth((100 * o.weight * earned) / weights) : 0 };
  });
}
