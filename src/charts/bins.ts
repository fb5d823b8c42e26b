/** Histogram bins (pure): counting values into bins of a nice width, and bins as ranges. */
import { niceStep } from './scale';

/** Bins of equal width: the left edge of the first, the width, and a count per bin. */
export interface Histogram {
  start: number;
  width: number;
  counts: number[];
  /** Smallest and largest value counted. */
  min: number;
  max: number;
}

/** One bar: the values from `lo` to `hi` and how many there are. */
export interface Bin {
  lo: number;
  hi: number;
  count: number;
}

/** About `target` bins of a nice width (1, 2 or 5 times a power of ten) covering every value. */
export function countBins(values: ArrayLike<number>, target = 24): Histogram {
  const n = values.length;
  if (n === 0) return { start: 0, width: 1, counts: [], min: 0, max: 0 };
  let min = Infinity;
  let max = -Infinity;
  let integers = true;
  for (let i = 0; i < n; i++) {
    const v = values[i]!;
    if (v < min) min = v;
    if (v > max) max = v;
    if (integers && !Number.isInteger(v)) integers = false;
  }
  const raw = niceStep((max - min) / target, [1, 2, 5]);
  const width = integers ? Math.max(1, Math.round(raw)) : raw;
  // Whole numbers one to a bin: centre each bin on its number, so marks fall mid-bar.
  const start = integers && width === 1 ? min - 0.5 : Math.floor(min / width) * width;
  const bins = Math.max(1, Math.floor((max - start) / width) + 1);
  const counts = new Array<number>(bins).fill(0);
  for (let i = 0; i < n; i++)
    counts[Math.min(bins - 1, Math.floor((values[i]! - start) / width))]!++;
  return { start, width, counts, min, max };
}

/** The bins of a histogram as ranges. */
export function binRanges(h: Histogram): Bin[] {
  return h.counts.map((count, i) => ({
    lo: h.start + i * h.width,
    hi: h.start + (i + 1) * h.width,
    count,
  }));
}
