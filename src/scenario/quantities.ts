/**
 * Quantities in a validated scenario: where they are, and what kind of number each must become.
 * Shared by the meaning checks (every figure reference, wherever it is) and the resolver.
 */
import type { FigureRef, OwnValue, Quantity } from './schema';
import type { DataPath, PathSegment } from './load';

/**
 * count: a whole number that is not negative (stocks, soldiers, drones): rounded unless the
 *        reference says `round: false`;
 * change: a whole number that may be negative (a stock effect): rounded likewise;
 * amount: any number (income, points, thresholds): rounded only with `round: true`.
 */
export type QuantityKind = 'count' | 'change' | 'amount';

export const isFigureRef = (q: unknown): q is FigureRef =>
  q !== null && typeof q === 'object' && typeof (q as { figure?: unknown }).figure === 'string';

export const isOwnValue = (q: unknown): q is OwnValue =>
  q !== null &&
  typeof q === 'object' &&
  typeof (q as { value?: unknown }).value === 'number' &&
  typeof (q as { source?: unknown }).source === 'string';

const COUNT_PATHS = [
  /^capitals\.\w+\.stocks\./,
  /^alreadyDelivered\.\w+$/,
  /^sectors\.\d+\.(?:russianTroops|ukrainianTroops|ukrainianDrones)$/,
  /^policies\.historical\.pyongyang\.troopsBy\.\d+\.total$/,
  /^policies\.historical\.pyongyang\.offers\.\d+\.(?:give|get)\./,
];

/** What kind of number the quantity at `path` must be (see QuantityKind). */
export function quantityKind(path: DataPath, scenario: unknown): QuantityKind {
  const key = path.join('.');
  if (COUNT_PATHS.some((re) => re.test(key))) return 'count';
  const effect = /^events\.(\d+)\.effects\.(\d+)\.by$/.exec(key);
  if (effect !== null) {
    const events = (scenario as { events?: { effects?: { type?: string }[] }[] }).events;
    const type = events?.[Number(effect[1])]?.effects?.[Number(effect[2])]?.type;
    return type === 'stock' ? 'change' : 'amount';
  }
  return 'amount';
}

export interface FoundQuantity {
  quantity: Exclude<Quantity, number>;
  path: PathSegment[];
  kind: QuantityKind;
}

/** Every figure reference and own sourced value in the scenario, wherever it is written. */
export function findQuantities(scenario: unknown): FoundQuantity[] {
  const out: FoundQuantity[] = [];
  const visit = (value: unknown, path: PathSegment[]): void => {
    if (value === null || typeof value !== 'object') return;
    if (isFigureRef(value) || isOwnValue(value)) {
      out.push({ quantity: value, path, kind: quantityKind(path, scenario) });
      return;
    }
    if (Array.isArray(value)) value.forEach((v, i) => visit(v, [...path, i]));
    else for (const [k, v] of Object.entries(value)) visit(v, [...path, k]);
  };
  visit(scenario, []);
  return out;
}
