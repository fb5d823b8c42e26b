/**
 * Pure chart geometry shared by every chart: nice steps and ticks, linear scales, label spacing.
 * No DOM here, so all of it is tested in Node.
 */

/** A chart's frame in SVG units: its size and the margins around the plot. */
export interface ChartSize {
  width: number;
  height: number;
  left: number;
  right: number;
  top: number;
  bottom: number;
}

/** The steps a "nice" interval may take, times a power of ten. */
export const NICE_STEPS = [1, 2, 2.5, 5] as const;

/**
 * The nice step (one of `steps` times a power of ten) nearest above `raw`. Whole-number data
 * passes steps without 2.5 and gets at least 1, so bins and ticks never fall between integers.
 */
export function niceStep(raw: number, steps: readonly number[] = NICE_STEPS): number {
  if (!(raw > 0) || !Number.isFinite(raw)) return 1;
  const power = 10 ** Math.floor(Math.log10(raw));
  const f = raw / power;
  // 1e-9: 0.3 / 0.1 is 2.9999999999999996, which must count as 3 (a step of 5, not 10).
  const nice = steps.find((s) => f <= s + 1e-9) ?? 10;
  return nice * power;
}

export interface NiceScale {
  min: number;
  max: number;
  step: number;
  ticks: number[];
}

/**
 * Axis bounds and ticks covering [min, max] with about `target` intervals. The bounds are
 * multiples of the step, so every tick is a round number. A single value gets a range from 0 to
 * it (or from it to 0 when negative); 0 alone gets 0 to 1.
 */
export function niceScale(min: number, max: number, target = 5): NiceScale {
  let lo = Number.isFinite(min) ? min : 0;
  let hi = Number.isFinite(max) ? max : 1;
  if (hi < lo) [lo, hi] = [hi, lo];
  if (hi === lo) {
    if (hi === 0) hi = 1;
    else if (lo > 0) lo = 0;
    else hi = 0;
  }
  const step = niceStep((hi - lo) / Math.max(1, target));
  const nmin = Math.floor(lo / step + 1e-9) * step;
  const nmax = Math.ceil(hi / step - 1e-9) * step;
  const ticks: number[] = [];
  for (let i = 0, v = nmin; v <= nmax + step * 1e-6 && i < 100; i++, v = nmin + i * step)
    ticks.push(roundTo(v, step));
  return { min: roundTo(nmin, step), max: roundTo(nmax, step), step, ticks };
}

/** Removes float noise (0.30000000000000004) at the precision of the step. */
function roundTo(v: number, step: number): number {
  const decimals = Math.max(0, -Math.floor(Math.log10(step)) + 1);
  return Number(v.toFixed(Math.min(10, decimals)));
}

/** Smallest and largest finite value, or undefined when there is none. */
export function extent(values: Iterable<number | undefined>): [number, number] | undefined {
  let lo = Infinity;
  let hi = -Infinity;
  for (const v of values) {
    if (v === undefined || !Number.isFinite(v)) continue;
    if (v < lo) lo = v;
    if (v > hi) hi = v;
  }
  return lo <= hi ? [lo, hi] : undefined;
}

/**
 * Maps [d0, d1] onto [r0, r1]. An empty domain (every value equal) maps to the middle of the
 * range, so a lone value is drawn in the centre rather than at an edge or at NaN.
 */
export function linearScale(d0: number, d1: number, r0: number, r1: number): (v: number) => number {
  const span = d1 - d0;
  if (!(span !== 0) || !Number.isFinite(span)) return () => (r0 + r1) / 2;
  return (v) => r0 + ((v - d0) / span) * (r1 - r0);
}

/** Which x labels to print so that at most `maxLabels` show, always the first and the last. */
export function labelStride(n: number, maxLabels: number): number {
  if (n <= maxLabels) return 1;
  return Math.ceil((n - 1) / Math.max(1, maxLabels - 1));
}

/**
 * Moves label positions apart so that no two are closer than `gap`, keeping them inside
 * [top, bottom] and as near their wanted positions as possible. Returns positions in input order.
 */
export function spreadLabels(
  wanted: readonly number[],
  gap: number,
  top: number,
  bottom: number,
): number[] {
  const order = wanted.map((y, i) => ({ y, i })).sort((a, b) => a.y - b.y || a.i - b.i);
  const ys = order.map((o) => Math.min(bottom, Math.max(top, o.y)));
  // Push down, then pull back up from the bottom edge.
  for (let k = 1; k < ys.length; k++) ys[k] = Math.max(ys[k]!, ys[k - 1]! + gap);
  if (ys.length > 0 && ys[ys.length - 1]! > bottom) {
    ys[ys.length - 1] = bottom;
    for (let k = ys.length - 2; k >= 0; k--) ys[k] = Math.min(ys[k]!, ys[k + 1]! - gap);
  }
  const out = new Array<number>(wanted.length);
  order.forEach((o, k) => (out[o.i] = ys[k]!));
  return out;
}

/** Text anchor that keeps a label at x inside a chart `width` wide (edges grow inwards). */
export function anchorFor(x: number, width: number): 'start' | 'middle' | 'end' {
  return x < width * 0.2 ? 'start' : x > width * 0.8 ? 'end' : 'middle';
}
