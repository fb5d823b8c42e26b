/** Helpers for stocks and bundles. Every movement goes through moveItem, so nothing is created. */
import { ITEMS, type Bundle, type Item, type Stocks } from './types';

export function emptyStocks(): Stocks {
  const s = {} as Stocks;
  for (const item of ITEMS) s[item] = 0;
  return s;
}

export function bundleEntries(bundle: Bundle): [Item, number][] {
  const out: [Item, number][] = [];
  for (const item of ITEMS) {
    const n = bundle[item];
    if (n !== undefined && n !== 0) out.push([item, n]);
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
