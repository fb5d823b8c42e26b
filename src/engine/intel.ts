/**
 * What each capital believes about the others: ranges, not truth. A range always contains the
 * true value; its width is the observer's uncertainty about that capital, which events and
 * released evidence narrow and which drifts back up when nothing new is learnt.
 */
import type { Rng } from './rng';
import { clamp } from './stocks';
import { CAPITALS, type Capital, type GameState } from './types';

/** The figures each capital keeps secret, and that the others must estimate. */
export const ESTIMATED_METRICS: Record<Capital, readonly string[]> = {
  pyongyang: [
    'pyongyang.troopsSent',
    'pyongyang.atFront',
    'pyongyang.killed',
    'pyongyang.ammunitionShipped',
    'pyongyang.workersSent',
  ],
  moscow: ['moscow.frontTroops', 'moscow.losses', 'moscow.ammunition', 'moscow.manpowerGained'],
  kyiv: ['kyiv.frontTroops', 'kyiv.losses', 'kyiv.prisonersHeld'],
};

export function narrowUncertainty(
  state: GameState,
  observer: Capital | 'all',
  about: Capital,
  by: number,
): void {
  const { min, max } = state.rules.intel;
  for (const o of CAPITALS) {
    if (o === about || (observer !== 'all' && observer !== o)) continue;
    state.uncertainty[o][about] = clamp(state.uncertainty[o][about] - by, min, max);
  }
}

export function driftUncertainty(state: GameState): void {
  const { min, max, drift } = state.rules.intel;
  for (const o of CAPITALS)
    for (const t of CAPITALS)
      if (o !== t) state.uncertainty[o][t] = clamp(state.uncertainty[o][t] + drift, min, max);
}

export function refreshEstimates(state: GameState, rng: Rng): void {
  for (const o of CAPITALS) {
    const view: Record<string, { low: number; high: number }> = {};
    for (const t of CAPITALS) {
      if (t === o) continue;
      const u = state.uncertainty[o][t];
      for (const id of ESTIMATED_METRICS[t]) {
        const truth = state.metrics[id] ?? 0;
        const a = rng.next();
        view[id] = {
          low: Math.max(0, Math.floor(truth * (1 - u * a))),
          high: Math.ceil(truth * (1 + u * (1 - a))),
        };
      }
    }
    state.estimates[o] = view;
  }
}
