/**
 * The explorer's charts in words: what each histogram and the tornado chart say, for screen
 * readers and the live region. The drawing is the shared chart module's (src/charts); this file
 * only turns the batch's numbers into its inputs.
 */
import { binRanges } from '../charts/bins';
import { formatNumber as fmt, signed } from '../charts/format';
import { histogramGeometry, histogramTable, type HistogramSpec } from '../charts/histogram';
import {
  renderTornado as drawTornado,
  sortBySwing,
  type TornadoLayout,
  type TornadoRow,
} from '../charts/tornado';
import { metricLabel } from '../ui/metric-labels';
import type { Percentiles } from '../sim/batch';
import type { Histogram, MineMark, SensitivityRow } from './core';

export { fmt, signed, metricLabel, histogramGeometry, histogramTable };
export { tornadoGeometry, type TornadoRow } from '../charts/tornado';

/** One sentence describing a distribution, for screen readers and the live region. */
export function describeDistribution(
  id: string,
  runs: number,
  p: Percentiles,
  mine?: MineMark,
): string {
  let s = `${metricLabel(id)} over ${fmt(runs)} games: 10th percentile ${fmt(p.p10)}, median ${fmt(p.p50)}, 90th percentile ${fmt(p.p90)}, mean ${fmt(p.mean)}.`;
  if (mine) s += ` Your game: ${fmt(mine.value)}, ${mineSentence(mine)}.`;
  return s;
}

export function mineSentence(m: MineMark): string {
  const above = 1 - m.below - m.equal;
  if (m.below === 1) return 'higher than in every game of the batch';
  if (above === 1) return 'lower than in every game of the batch';
  if (m.equal === 1) return 'the same as in every game of the batch';
  const pct = (x: number) =>
    x > 0 && x < 0.005 ? 'under 1%' : x < 1 && x > 0.995 ? 'over 99%' : `${Math.round(x * 100)}%`;
  return `higher than in ${pct(m.below)} of the games, lower than in ${pct(above)}${m.equal > 0 ? `, equal in ${pct(m.equal)}` : ''}`;
}

/** A metric's histogram with the 10th, 50th and 90th percentiles and "your game" marked. */
export function histogramSpec(
  id: string,
  runs: number,
  h: Histogram,
  p: Percentiles,
  mine?: MineMark,
): HistogramSpec {
  return {
    title: `Distribution of ${metricLabel(id)}`,
    desc: describeDistribution(id, runs, p, mine),
    bins: binRanges(h),
    min: h.min,
    max: h.max,
    unit: ['game', 'games'],
    className: 'chart',
    marks: [
      { value: p.p10, kind: 'p10' },
      { value: p.p50, kind: 'median', text: `median ${fmt(p.p50)}` },
      { value: p.p90, kind: 'p90' },
      ...(mine
        ? [{ value: mine.value, kind: 'mine' as const, text: `you: ${fmt(mine.value)}` }]
        : []),
    ],
  };
}

export function tornadoRows(rows: readonly SensitivityRow[], metric: string): TornadoRow[] {
  return sortBySwing(
    rows.map((r) => {
      const low = r.low[metric] ?? 0;
      const high = r.high[metric] ?? 0;
      const unit = r.figure.unit ? ` ${r.figure.unit}` : '';
      return {
        key: r.figure.id,
        label: `${r.figure.claim} (tried at ${fmt(r.figure.low)} and ${fmt(r.figure.high)}${unit})`,
        short: `${fmt(r.figure.low)}–${fmt(r.figure.high)}${unit}`,
        low,
        central: r.central[metric] ?? 0,
        high,
        swing: Math.abs(high - low),
      };
    }),
  );
}

export function describeTornado(metric: string, rows: readonly TornadoRow[]): string {
  if (rows.length === 0)
    return `No ranged figures: ${metricLabel(metric)} does not depend on an uncertain figure in this scenario.`;
  const parts = rows.map(
    (r) =>
      `${r.label}: median ${fmt(r.low)} at its low value, ${fmt(r.high)} at its high value (${signed(r.high - r.low)})`,
  );
  return `Effect on the median of ${metricLabel(metric)}, each figure from low to high with the others central (central: ${fmt(rows[0]!.central)}). ${parts.join('; ')}.`;
}

export function renderTornado(
  metric: string,
  rows: readonly TornadoRow[],
  layout: TornadoLayout,
): SVGSVGElement {
  return drawTornado(
    `What moves ${metricLabel(metric)}`,
    describeTornado(metric, rows),
    rows,
    layout,
    'chart',
  );
}
