/**
 * Words for the game's data: capitals, metrics, bundles and orders, for panels, dialogs and
 * screen readers. Reads plain data; decides nothing.
 */
import type { Action, Bundle, Capital, GameState, Item } from '../engine/types';
import { injectHeadline } from '../engine';
import { formatCount } from './dom';
import { ITEM_LABEL, itemNoun } from './metric-labels';

export { metricLabel, METRIC_LABEL, itemNoun, itemKeysInWords } from './metric-labels';

export const CAPITAL_IDS: readonly Capital[] = ['pyongyang', 'moscow', 'kyiv'];

export function capitalName(state: GameState | null, c: Capital): string {
  return state?.rules.capitals[c]?.name ?? c.charAt(0).toUpperCase() + c.slice(1);
}

/** Units of each item, as the historical scenario counts them (shown after amounts). */
export const ITEM_UNIT: Partial<Record<Item, string>> = {
  troops: 'soldiers',
  ammunition: 'containers',
  oil: 'thousand tonnes',
  food: 'thousand tonnes',
  currency: 'million US$',
  workers: 'workers',
  unCover: 'interventions',
  drones: 'drone teams',
  droneOperators: 'operator teams',
  evidence: 'items',
  prisoners: 'prisoners',
  pows: 'prisoners',
  ground: 'points of the salient',
  pause: 'months',
};

export function itemLabel(item: string): string {
  return ITEM_LABEL[item] ?? item;
}

/** "1,000 troops, 200 oil"; "nothing" for an empty bundle. */
export function bundleText(b: Bundle): string {
  const parts = Object.entries(b)
    .filter(([, n]) => (n ?? 0) > 0)
    .map(([item, n]) => `${formatCount(n ?? 0)} ${itemNoun(item)}`);
  return parts.length ? parts.join(', ') : 'nothing';
}

export function bundleIsEmpty(b: Bundle): boolean {
  return !Object.values(b).some((n) => (n ?? 0) > 0);
}

/** A metric value as shown: whole numbers with separators, one decimal for 0-100 scales. */
export function formatMetric(id: string, v: number): string {
  if (/(Control|Risk|scrutiny|support|kurskHeld|score)$/.test(id) && !Number.isInteger(v))
    return (Math.round(v * 10) / 10).toFixed(1);
  return formatCount(v);
}

function sectorName(state: GameState, id: string): string {
  return state.rules.sectors.find((s) => s.id === id)?.name ?? id;
}

const STANCE_WORDS = {
  deny: 'deny everything',
  conflicting: 'speak of “conflicting information”',
  confirm: 'confirm the deployment',
} as const;

/** One order in plain words (the end-of-turn summary and the orders list). */
export function describeAction(state: GameState, a: Action): string {
  const n = (c: Capital) => capitalName(state, c);
  switch (a.type) {
    case 'offer':
      return `Offer to ${n(a.to)}: give ${bundleText(a.give)}, ask ${bundleText(a.get)}, delivered over ${a.turns} turn${a.turns === 1 ? '' : 's'}.`;
    case 'accept':
      return `Accept offer #${a.offerId}.`;
    case 'reject':
      return `Reject offer #${a.offerId}.`;
    case 'counter':
      return `Counter offer #${a.offerId}: give ${bundleText(a.give)}, ask ${bundleText(a.get)}.`;
    case 'withdraw':
      return `Withdraw offer #${a.offerId}.`;
    case 'setTraining':
      return `Train new soldiers for ${a.months} month${a.months === 1 ? '' : 's'}.`;
    case 'setInformation':
      return a.policy === 'truth'
        ? 'Tell the soldiers the truth about where they fight.'
        : 'Keep telling the soldiers they fight Americans.';
    case 'recall':
      return `Bring ${formatCount(a.count)} soldiers home.`;
    case 'assign':
      return a.count > 0
        ? `Send ${formatCount(a.count)} North Korean soldiers to ${sectorName(state, a.sector)}.`
        : `Pull ${formatCount(-a.count)} North Korean soldiers back from ${sectorName(state, a.sector)}.`;
    case 'missileUnits':
      return a.count > 0
        ? `Move ${formatCount(a.count)} North Korean soldiers to missile units.`
        : `Move ${formatCount(-a.count)} soldiers back from missile units.`;
    case 'setPairing':
      return a.on
        ? 'Pair North Korean units with Russian drone operators.'
        : 'Stop pairing North Korean units with Russian drone operators.';
    case 'setStance':
      return `Public stance: ${STANCE_WORDS[a.stance]}.`;
    case 'allocate': {
      const parts: string[] = [];
      if (a.troops) parts.push(`${formatCount(Math.abs(a.troops))} troops`);
      if (a.drones) parts.push(`${formatCount(Math.abs(a.drones))} drone teams`);
      const what = parts.join(' and ') || 'nothing';
      return a.troops < 0 || a.drones < 0
        ? `Pull ${what} back from ${sectorName(state, a.sector)} to the reserve.`
        : `Send ${what} from the reserve to ${sectorName(state, a.sector)}.`;
    }
    case 'setPosture':
      return a.posture === 'hold' ? 'Hold the Kursk salient.' : 'Pull back from the Kursk salient.';
    case 'setTargeting':
      return a.on
        ? 'Aim drones at North Korean units.'
        : 'Stop aiming drones at North Korean units.';
    case 'publicise':
      return 'Show the captured North Korean soldiers to the press.';
    case 'releaseEvidence':
      return `Release ${formatCount(a.amount)} piece${a.amount === 1 ? '' : 's'} of evidence.`;
    case 'endTurn':
      return 'End the turn.';
    case 'inject':
      return `The teacher sends the news: “${injectHeadline(state.rules, a)}”.`;
  }
}

/** "It was not possible: …" with a capital letter and a full stop. */
export function politeError(message: string): string {
  const m = message.trim();
  const body = m.charAt(0).toUpperCase() + m.slice(1);
  return `That order was not given: ${body}${/[.!?]$/.test(body) ? '' : '.'}`;
}
