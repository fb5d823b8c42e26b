/**
 * Words for the game's data: capitals, metrics, bundles and orders, for panels, dialogs and
 * screen readers. Reads plain data; decides nothing.
 */
import type { Bundle, Capital, GameState, Item } from '../engine/types';
import { formatCount } from './dom';
import { ITEM_LABEL } from './metric-labels';

export { bundleText, describeAction } from './plain-words';

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

export function bundleIsEmpty(b: Bundle): boolean {
  return !Object.values(b).some((n) => (n ?? 0) > 0);
}

/** A metric value as shown: whole numbers with separators, one decimal for 0-100 scales. */
export function formatMetric(id: string, v: number): string {
  if (/(Control|Risk|scrutiny|support|kurskHeld|score)$/.test(id) && !Number.isInteger(v))
    return (Math.round(v * 10) / 10).toFixed(1);
  return formatCount(v);
}

/** "It was not possible: …" with a capital letter and a full stop. */
export function politeError(message: string): string {
  const m = message.trim();
  const body = m.charAt(0).toUpperCase() + m.slice(1);
  return `That order was not given: ${body}${/[.!?]$/.test(body) ? '' : '.'}`;
}
