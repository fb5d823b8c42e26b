/**
 * Personalities: computer players that differ in what they value, for all three capitals.
 *
 * - hawk: territory first. Moscow throws everything at the Kursk front and pays dearly for
 *   troops; Pyongyang sends every soldier at once and asks for military technology; Kyiv holds
 *   the salient, reinforces hard and hunts North Korean units with drones.
 * - dove: lives first. Fewer soldiers, longer training, the truth told to soldiers, soldiers
 *   brought home; Moscow keeps North Koreans off the front line and says openly what it does;
 *   Kyiv spares prisoners' families the cameras and pulls back from the salient.
 * - opportunist: its own score first. Trades hard at the edge of what the partner accepts,
 *   haggles over fair offers and pulls whichever levers pay best against historical opponents.
 *
 * Each is a plan (see plans.ts) plus a trading style (see judge.ts): pure functions of the state.
 */
import type { Capital } from '../engine';
import type { TradeStyle } from './judge';
import {
  HISTORICAL,
  planOrders,
  type KyivPlan,
  type MoscowPlan,
  type PyongyangPlan,
} from './plans';
import type { Bot } from './types';

export const PERSONALITY_NAMES = ['hawk', 'dove', 'opportunist'] as const;
export type PersonalityName = (typeof PERSONALITY_NAMES)[number];

export interface Personality {
  pyongyang: PyongyangPlan;
  moscow: MoscowPlan;
  kyiv: KyivPlan;
  style: Record<Capital, TradeStyle>;
}

const MILITARY_TECH = {
  'tech.missile': 3,
  'tech.drone': 3,
  'tech.airDefence': 2,
  'tech.nuclear': 5,
} as const;

export const PERSONALITIES: Record<PersonalityName, Personality> = {
  hawk: {
    pyongyang: {
      ...HISTORICAL.pyongyang,
      early: true,
      price: 0.9,
      datedOffers: false,
      sellAmmo: 0.3,
      information: 'deceive',
      trainingMonths: 1,
      emphasis: MILITARY_TECH,
    },
    moscow: {
      ...HISTORICAL.moscow,
      reinforceShare: 1,
      stance: 'deny',
      pairing: 'start',
      missileUnits: 'never',
      frontShare: 1,
      focus: 'contested',
      buyTroops: 2000,
      pay: 1.25,
      // A hawk asks a steep price in ground for any pause.
      sellPause: 8,
    },
    kyiv: {
      ...HISTORICAL.kyiv,
      reinforceShare: 1,
      droneShare: 1,
      focus: 'northKoreans',
      targeting: 'start',
      publicise: true,
      evidence: true,
    },
    style: {
      pyongyang: {
        label: 'hawk',
        valueScale: { 'tech.missile': 2, 'tech.drone': 2, 'tech.nuclear': 2 },
        haggle: 1,
      },
      moscow: { label: 'hawk', valueScale: { troops: 2, ammunition: 1.5 }, haggle: 1 },
      kyiv: { label: 'hawk', valueScale: {}, haggle: 1 },
    },
  },
  dove: {
    pyongyang: {
      ...HISTORICAL.pyongyang,
      troopsScale: 0.5,
      information: 'truth',
      trainingMonths: 3,
      recallFrom: 9,
      emphasis: { food: 3, oil: 2 },
    },
    moscow: {
      ...HISTORICAL.moscow,
      reinforceShare: 0.3,
      stance: 'confirm',
      pairing: 'start',
      missileUnits: 'start',
      missileShare: 0.6,
      frontShare: 0.5,
      // A dove Moscow takes its allies' soldiers back for prisoners of war, one for one.
      buyPrisoners: 1,
    },
    kyiv: {
      ...HISTORICAL.kyiv,
      reinforceShare: 0.3,
      droneShare: 1,
      targeting: 'never',
      publicise: false,
      evidence: true,
      withdrawFrom: 7,
      // A dove Kyiv exchanges its prisoners one for one and trades ground for a pause.
      swapPrisoners: 1,
      groundForPause: 4,
    },
    style: {
      // Soldiers are dear to a dove: it sells few, and never cheaply.
      pyongyang: { label: 'dove', valueScale: { troops: 3, food: 2 }, haggle: 1 },
      // A dove Moscow will not hand over nuclear technology.
      moscow: { label: 'dove', valueScale: { 'tech.nuclear': 4, troops: 0.8 }, haggle: 1 },
      kyiv: { label: 'dove', valueScale: {}, haggle: 1 },
    },
  },
  opportunist: {
    pyongyang: {
      ...HISTORICAL.pyongyang,
      price: 0.95,
      datedOffers: false,
      sellAmmo: 0.5,
      sellWorkers: true,
    },
    moscow: {
      ...HISTORICAL.moscow,
      reinforceShare: 0.7,
      stance: 'confirm',
      missileUnits: 'start',
      missileShare: 1,
      buyPrisoners: 1,
      sellPause: 5,
    },
    kyiv: {
      ...HISTORICAL.kyiv,
      targeting: 'never',
      focus: 'held',
      reinforceShare: 0.8,
      // Prisoners are worth more as a bargaining chip than on camera.
      publicise: false,
      swapPrisoners: 2,
      groundForPause: 3,
    },
    style: {
      // An opportunist keeps a deal only while the partner keeps it: a short delivery ends it.
      pyongyang: { label: 'opportunist', valueScale: {}, haggle: 1.3, counterAbove: 0.5, breaksShortDeals: true },
      moscow: { label: 'opportunist', valueScale: {}, haggle: 1.3, counterAbove: 0.5, breaksShortDeals: true },
      kyiv: { label: 'opportunist', valueScale: {}, haggle: 1.3, counterAbove: 0.5, breaksShortDeals: true },
    },
  },
};

export function personalityBot(name: PersonalityName): Bot {
  const p = PERSONALITIES[name];
  return {
    name,
    tradeStyle: (seat) => p.style[seat],
    decide(state, seat) {
      return planOrders(state, seat, p, p.style[seat]);
    },
  };
}
