/** Small statistics for the distributions: bins, quantiles, where one value stands. */

export interface Bin {
  lo: number;
  hi: number;
  count: number;
}

export interface Distribution {
  n: number;
  min: number;
  max: number;
  median: number;
  bins: Bin[];
}

/** Sorted values, as a typed array: its native numeric sort is many times faster than sort(fn). */
export type Sorted = Float64Array;

export function sortedNumbers(values: Iterable<number>): Sorted {
  const out: number[] = [];
  for (const v of values) if (Number.isFinite(v)) out.push(v);
  return Float64Array.from(out).sort();
}

export function quantile(sorted: Sorted, q: number): number {
  if (sorted.length === 0) return NaN;
  const pos = (sorted.length - 1) * q;
  const lo = Math.floor(pos);
  const hi = Math.ceil(pos);
  return sorted[lo]! + (sorted[hi]! - sorted[lo]!) * (pos - lo);
}

/** Equal-width bins over [min, max]: about √n of them, between 1 and `maxBins`. */
export function distribution(sorted: Sorted, maxBins = 24): Distribution {
  const n = sorted.length;
  if (n === 0) return { n, min: NaN, max: NaN, median: NaN, bins: [] };
  const min = sorted[0]!;
  const max = sorted[n - 1]!;
  const median = quantile(sorted, 0.5);
  if (min === max) return { n, min, max, median, bins: [{ lo: min, hi: max, count: n }] };
  let distinct = 1;
  for (let i = 1; i < n && distinct <= maxBins; i++) if (sorted[i] !== sorted[i - 1]) distinct++;
  const k = Math.max(1, Math.min(maxBins, distinct, Math.ceil(Math.sqrt(n)) + 1));
  const width = (max - min) / k;
  const bins: Bin[] = Array.from({ length: k }, (_, i) => ({
    lo: min + i * width,
    hi: i === k - 1 ? max : min + (i + 1) * width,
    count: 0,
  }));
  for (const v of sorted) {
    const i = Math.min(k - 1, Math.floor((v - min) / width));
    bins[i]!.count++;
  }
  return { n, min, max, median, bins };
}

/** How many of the sorted values are below `v` and equal to it ("you are here"). */
export function standingCounts(
  sorted: Sorted,
  v: number,
): { n: number; below: number; equal: number } {
  let below = 0;
  let equal = 0;
  if (Number.isFinite(v))
    for (const x of sorted) {
      if (x < v) below++;
      else if (x === v) equal++;
    }
  return { n: sorted.length, below, equal };
}
