/**
 * The results page's distributions with "you are here" markers, drawn by the shared chart module
 * (src/charts); this file puts the page's words on them (where a run stands among the others).
 * The comparison's line chart is in compare-chart.ts, so the board does not load line code.
 */
import { formatNumber as fmt } from '../charts/format';
import { histogramTable, renderHistogram, type HistogramSize } from '../charts/histogram';
import { h } from './dom';
import { distribution, standingCounts, type Distribution, type Sorted } from './stats';

export interface Marker {
  value: number;
  label: string;
  /** Where the value stands, in words (when the chart has bins only, not the values). */
  where?: string;
}

/** A grid cell of about 18rem: small frame, so its 13px labels stay large once scaled. */
const CELL: HistogramSize = { width: 320, height: 172, left: 8, right: 8, top: 42, bottom: 30 };

/**
 * Where one run's value stands among the runs of a distribution that includes it, in words
 * that stay true at the edges and with ties: "the lowest of 2 runs", "level with all 4 other
 * runs", "higher than 3 of the 9 other runs, level with 2". Percentages only from 100 runs up.
 */
export function standing(sorted: Sorted, v: number): string {
  return standingText(standingCounts(sorted, v));
}

/** Where a run stands, in words, from its counts among the runs compared. */
export function standingText(c: { n: number; below: number; equal: number }): string {
  const { n, below, equal } = c;
  if (n === 0) return '';
  if (equal === 0) return ''; // not a value of these runs
  const others = n - 1;
  const level = equal - 1;
  const above = others - below - level;
  if (others === 0) return 'the only run so far';
  if (level === others)
    return others === 1 ? 'level with the other run' : `level with all ${others} other runs`;
  const tie = level > 0 ? `, level with ${level}` : '';
  if (below === 0 && level === 0) return `the lowest of ${n} runs`;
  if (above === 0 && level === 0) return `the highest of ${n} runs`;
  if (below === 0) return `lower than ${above} of the ${others} other runs${tie}`;
  if (n >= 100) return `higher than ${Math.round((below / others) * 100)}% of the other runs${tie}`;
  return `higher than ${below} of the ${others} other runs${tie}`;
}

/** A histogram from the values (sorted) or from bins the server computed (with each marker's `where`). */
export function histogram(
  title: string,
  data: Sorted | Distribution,
  markers: Marker[] = [],
): HTMLElement {
  const d = data instanceof Float64Array ? distribution(data) : data;
  const summary =
    d.n === 0
      ? 'No runs yet.'
      : `${d.n} run${d.n === 1 ? '' : 's'}; median ${fmt(d.median)}; from ${fmt(d.min)} to ${fmt(d.max)}.` +
        markers
          .map((m) => {
            const where = m.where ?? (data instanceof Float64Array ? standing(data, m.value) : '');
            return ` ${m.label}: ${fmt(m.value)}${where ? `, ${where}` : ''}.`;
          })
          .join('');
  const spec = {
    title,
    desc: summary,
    bins: d.bins,
    min: d.min,
    max: d.max,
    unit: ['run', 'runs'] as const,
    size: CELL,
    className: 'chart',
    marks: [
      ...(d.n > 0 && d.max > d.min
        ? [{ value: d.median, kind: 'median' as const, text: `median ${fmt(d.median)}` }]
        : []),
      // Several markers share one label (the first); the summary lists every value.
      ...markers.slice(0, 3).map((m, i) => ({
        value: m.value,
        kind: 'mine' as const,
        text: i === 0 ? `▼ ${m.label}` : '▼',
      })),
    ],
  };
  return h(
    'figure',
    { class: 'chart-figure' },
    h('figcaption', { class: 'chart-title' }, title),
    renderHistogram(spec),
    h('p', { class: 'chart-summary' }, summary),
    d.n > 0 ? histogramTable(spec) : null,
  );
}
