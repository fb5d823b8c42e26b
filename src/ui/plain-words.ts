/**
 * Counts, bundles and orders in plain words, shared by the game (the orders list, the
 * end-of-turn summary, what a screen reader hears) and the results page's replay, so a student
 * reads the same sentence for the same order in both. Pure: reads the rules and the action,
 * touches no page.
 */
import type { Action, Bundle, Capital, Rules } from '../engine/types';
import { injectHeadline } from '../engine/inject';
import { itemNoun } from './metric-labels';

const numberFormat = new Intl.NumberFormat('en-GB');

/** 12345 → "12,345". */
export function formatCount(n: number): string {
  return numberFormat.format(Math.round(n));
}

/** "1,000 troops, 200 oil"; "nothing" for an empty bundle. */
export function bundleText(b: Bundle): string {
  const parts = Object.entries(b)
    .filter(([, n]) => (n ?? 0) > 0)
    .map(([item, n]) => `${formatCount(n ?? 0)} ${itemNoun(item)}`);
  return parts.length ? parts.join(', ') : 'nothing';
}

const STANCE_WORDS = {
  deny: 'deny everything',
  conflicting: 'speak of “conflicting information”',
  confirm: 'confirm the deployment',
} as const;

/** One order in plain words, as its capital gives it ("Send 2,000 troops from the reserve to …"). */
export function describeAction(rules: Rules, a: Action): string {
  const n = (c: Capital) => rules.capitals[c]?.name ?? c;
  const sector = (id: string) => rules.sectors.find((s) => s.id === id)?.name ?? id;
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
        ? `Send ${formatCount(a.count)} North Korean soldiers to ${sector(a.sector)}.`
        : `Pull ${formatCount(-a.count)} North Korean soldiers back from ${sector(a.sector)}.`;
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
        ? `Pull ${what} back from ${sector(a.sector)} to the reserve.`
        : `Send ${what} from the reserve to ${sector(a.sector)}.`;
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
      return `The teacher sends the news: “${injectHeadline(rules, a)}”.`;
    default:
      // A record from a newer engine may hold an order this page does not know.
      return 'An order this version of the game does not know.';
  }
}

/** The same order with the capital that gave it, for a list of every capital's orders. */
export function describeOrderBy(rules: Rules, a: Action): string {
  if (a.type === 'inject') return describeAction(rules, a);
  const seat = a.seat as Capital;
  return `${rules.capitals[seat]?.name ?? seat} — ${describeAction(rules, a)}`;
}
