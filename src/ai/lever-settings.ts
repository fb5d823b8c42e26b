/**
 * The settings each capital's levers can take in a plan (src/ai/plans.ts): what the search
 * player varies one at a time, and the rows of the lever grid (`npm run levers`). "None" and
 * "bring them home" are settings too: sending no soldiers (troopsScale 0), recalling them
 * (recallFrom), leaving the North Koreans out of the line (frontShare 0).
 */
import type { Capital } from '../engine';
import type { KyivPlan, MoscowPlan, PyongyangPlan } from './plans';

export type LeverSettings<T> = { [K in keyof T]?: readonly T[K][] };

export const PYONGYANG_LEVERS: LeverSettings<PyongyangPlan> = {
  troopsScale: [0, 0.5, 1],
  recallFrom: [null, 4, 8],
  price: [null, 0.8, 0.95, 1],
  sellAmmo: [0, 0.5, 0.9],
  trainingMonths: [1, 2, 3],
  information: ['deceive', 'truth'],
  early: [false, true],
  datedOffers: [true, false],
};

export const MOSCOW_LEVERS: LeverSettings<MoscowPlan> = {
  frontShare: [0, 0.5, 1],
  missileUnits: ['historical', 'start', 'never'],
  missileShare: [0.3, 0.6, 1],
  reinforceShare: [0.3, 0.5, 0.7, 1],
  stance: ['conflicting', 'confirm', 'deny'],
  pairing: ['historical', 'start'],
  focus: ['enemy', 'contested'],
  buyPrisoners: [0, 1],
  sellPause: [0, 5],
};

export const KYIV_LEVERS: LeverSettings<KyivPlan> = {
  targeting: ['historical', 'never', 'start'],
  focus: ['enemy', 'held', 'northKoreans'],
  reinforceShare: [0.3, 0.6, 1],
  publicise: [true, false],
  evidence: [true, false],
  droneShare: [0.5, 1],
  withdrawFrom: [null, 10],
  swapPrisoners: [0, 1, 2],
  groundForPause: [0, 3],
};

export const LEVER_SETTINGS: Record<Capital, LeverSettings<object>> = {
  pyongyang: PYONGYANG_LEVERS as LeverSettings<object>,
  moscow: MOSCOW_LEVERS as LeverSettings<object>,
  kyiv: KYIV_LEVERS as LeverSettings<object>,
};
