/** Helpers for stocks and bundles. Every movement goes through moveItem, so nothing is created. */
import { ITEMS, type Bundle, type Item, type Stocks } from './types';

export function emptyStocks(): Stocks {
  const s = {} as Stocks;
  for (const item of ITEMS) s[item] = 0;
  return s;
}

const ITEM_INDEX = new Map<string, number>(ITEMS.map((item, i) => [item, i]));

/** An item's place in ITEMS (the order bundles are hashed and listed in), or undefined. */
export function itemIndex(key: string): number | undefined {
  return ITEM_INDEX.get(key);
}

/**
 * A bundle's non-zero entries in item order, whatever order its keys were written in. Bundles
 * come in many shapes, so reading every item of the list from each hits slow generic property
 * lookups; walking the keys the bundle has (for-in is fast on these) and sorting the handful
 * found is several times faster. Keys that are not items are left out.
 */
export function bundleEntries(bundle: Bundle): [Item, number][] {
  const out: [Item, number][] = [];
  const order: number[] = [];
  for (const key in bundle) {
    const idx = ITEM_INDEX.get(key);
    const n = bundle[key as Item];
    if (idx === undefined || n === undefined || n === 0) continue;
    // Insertion sort as we go: bundles hold a handful of items, stocks arrive in order.
    let j = out.length - 1;
    while (j >= 0 && order[j]! > idx) {
      out[j + 1] = out[j]!;
      order[j + 1] = order[j]!;
      j--;
    }
    out[j + 1] = [key as Item, n];
    order[j + 1] = idx;
  }
  return out;
}

export function addToBundle(bundle: Bundle, item: Item, n: number): void {
  bundle[item] = (bundle[item] ?? 0) + n;
}

export function bundleIsEmpty(bundle: Bundle): boolean {
  return bundleEntries(bundle).length === 0;
}

export function isItem(value: unknown): value is Item {
  return typeof value === 'string' && (ITEMS as readonly string[]).includes(value);
}

export function isCount(n: unknown): n is number {
  return typeof n === 'number' && Number.isInteger(n) && n >= 0 && n <= MAX_COUNT;
}

/** Largest count the engine holds: far above any real stock, far below 2^53. */
export const MAX_COUNT = 1e12;

/** Clamp to [lo, hi]; NaN becomes `lo`, so a bad number can never spread through the state. */
export function clamp(n: number, lo: number, hi: number): number {
  return n > lo ? (n > hi ? hi : n) : lo;
}

/** A whole count in [0, MAX_COUNT], whatever arrives (NaN, Infinity, fractions, negatives). */
export function toCount(n: number): number {
  return Math.round(clamp(n, 0, MAX_COUNT));
}
