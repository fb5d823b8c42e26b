/**
 * The explorer's charts, drawn as plain SVG: a histogram per metric (with p10, median, p90 and
 * "your game" marked) and a tornado chart of the figures' effects on one outcome. Geometry is
 * computed by pure functions (tested in Node); `render*` turn it into SVG elements with
 * createElementNS and textContent only, never HTML strings. Each chart is an image with a text
 * description (role="img", <title>, <desc>), and the page also shows the numbers as tables.
 */
import type { Histogram, MineMark, SensitivityRow } from './core';
import type { Percentiles } from '../sim/batch';

const SVG = 'http://www.w3.org/2000/svg';

export function fmt(n: number): string {
  if (!Number.isFinite(n)) return '–';
  return Number.isInteger(n)
    ? n.toLocaleString('en-GB')
    : n.toLocaleString('en-GB', { maximumFractionDigits: 1 });
}

export function signed(n: number): string {
  return n > 0 ? `+${fmt(n)}` : n < 0 ? `−${fmt(-n)}` : '0';
}

import { metricLabel } from '../ui/metric-labels';

export { metricLabel };

// ---------------------------------------------------------------------------------------------
// Histogram
// ---------------------------------------------------------------------------------------------

export interface HistogramGeometry {
  width: number;
  height: number;
  bars: { x: number; y: number; w: number; h: number; from: number; to: number; count: number }[];
  /** x of a value on the axis. */
  marks: { label: string; value: number; x: number; kind: 'p10' | 'p50' | 'p90' | 'mine' }[];
  axis: {
    y: number;
    left: number;
    right: number;
    min: number;
    max: number;
    /** x of the smallest and largest value played. */
    xMin: number;
    xMax: number;
  };
}

export const HIST = { width: 480, height: 236, left: 12, right: 12, top: 44, bottom: 40 };

export function histogramGeometry(
  h: Histogram,
  p: Percentiles,
  mine?: MineMark,
): HistogramGeometry {
  const { width, height, left, right, top, bottom } = HIST;
  const plotW = width - left - right;
  const plotH = height - top - bottom;
  const n = Math.max(1, h.counts.length);
  let lo = h.start;
  let hi = h.start + n * h.width;
  // A single bin (every game the same) is drawn as a bar in the middle, not across the chart.
  if (n === 1) {
    lo -= h.width;
    hi += h.width;
  }
  if (mine) {
    lo = Math.min(lo, mine.value);
    hi = Math.max(hi, mine.value);
  }
  if (hi <= lo) hi = lo + 1;
  const x = (v: number) => left + ((v - lo) / (hi - lo)) * plotW;
  const peak = Math.max(1, ...h.counts);
  const bars = h.counts.map((count, i) => {
    const from = h.start + i * h.width;
    const to = from + h.width;
    const bh = (count / peak) * plotH;
    const x0 = x(from);
    return { x: x0, y: top + plotH - bh, w: Math.max(1, x(to) - x0 - 1), h: bh, from, to, count };
  });
  const marks: HistogramGeometry['marks'] = [
    { label: 'p10', value: p.p10, x: x(p.p10), kind: 'p10' },
    { label: 'median', value: p.p50, x: x(p.p50), kind: 'p50' },
    { label: 'p90', value: p.p90, x: x(p.p90), kind: 'p90' },
  ];
  if (mine) marks.push({ label: 'your game', value: mine.value, x: x(mine.value), kind: 'mine' });
  return {
    width,
    height,
    bars,
    marks,
    axis: {
      y: top + plotH,
      left,
      right: width - right,
      min: lo,
      max: hi,
      xMin: x(h.min),
      xMax: x(h.max),
    },
  };
}

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

function el<K extends keyof SVGElementTagNameMap>(
  name: K,
  attrs: Record<string, string | number>,
  text?: string,
): SVGElementTagNameMap[K] {
  const e = document.createElementNS(SVG, name);
  for (const [k, v] of Object.entries(attrs)) e.setAttribute(k, String(v));
  if (text !== undefined) e.textContent = text;
  return e;
}

let uid = 0;

function chartFrame(width: number, height: number, title: string, desc: string): SVGSVGElement {
  const id = `chart-${++uid}`;
  const svg = el('svg', {
    viewBox: `0 0 ${width} ${height}`,
    role: 'img',
    'aria-labelledby': `${id}-t ${id}-d`,
    class: 'chart',
  });
  svg.append(el('title', { id: `${id}-t` }, title), el('desc', { id: `${id}-d` }, desc));
  return svg;
}

export function renderHistogram(
  id: string,
  runs: number,
  h: Histogram,
  p: Percentiles,
  mine?: MineMark,
): SVGSVGElement {
  const g = histogramGeometry(h, p, mine);
  const svg = chartFrame(
    g.width,
    g.height,
    `Distribution of ${metricLabel(id)}`,
    describeDistribution(id, runs, p, mine),
  );
  for (const b of g.bars) {
    const r = el('rect', { x: b.x, y: b.y, width: b.w, height: Math.max(0, b.h), class: 'bar' });
    const range =
      h.width === 1 && Number.isInteger(b.from + 0.5)
        ? fmt(b.from + 0.5)
        : `${fmt(b.from)} to ${fmt(b.to)}`;
    r.append(el('title', {}, `${range}: ${fmt(b.count)} games`));
    svg.append(r);
  }
  svg.append(
    el('line', { x1: g.axis.left, x2: g.axis.right, y1: g.axis.y, y2: g.axis.y, class: 'axis' }),
  );
  // The smallest and largest value played, under their own position.
  const tick = (v: number, x: number, anchor: string) =>
    svg.append(el('text', { x, y: g.height - 8, class: 'tick', 'text-anchor': anchor }, fmt(v)));
  tick(h.min, Math.min(g.axis.xMin, g.axis.right - 60), h.max === h.min ? 'middle' : 'start');
  if (h.max !== h.min) tick(h.max, Math.max(g.axis.xMax, g.axis.left + 60), 'end');
  for (const m of g.marks) {
    svg.append(
      el('line', {
        x1: m.x,
        x2: m.x,
        y1: HIST.top - 4,
        y2: g.axis.y,
        class: `mark mark-${m.kind}`,
      }),
    );
    if (m.kind === 'p50' || m.kind === 'mine') {
      const anchor = m.x < g.width * 0.2 ? 'start' : m.x > g.width * 0.8 ? 'end' : 'middle';
      svg.append(
        el(
          'text',
          {
            x: m.x,
            y: m.kind === 'mine' ? 16 : HIST.top - 8,
            class: `label label-${m.kind}`,
            'text-anchor': anchor,
          },
          m.kind === 'mine' ? `you: ${fmt(m.value)}` : `median ${fmt(m.value)}`,
        ),
      );
    }
  }
  return svg;
}

// ---------------------------------------------------------------------------------------------
// Tornado
// ---------------------------------------------------------------------------------------------

export interface TornadoRow {
  figure: string;
  /** The figure in words: what the sources claim and the range tried (the table's row). */
  label: string;
  /** The range tried, e.g. "10,000–12,000 soldiers" (the chart's row, where space is short). */
  short: string;
  low: number;
  central: number;
  high: number;
  /** |high - low|: rows are sorted by it, largest first. */
  swing: number;
}

export function tornadoRows(rows: readonly SensitivityRow[], metric: string): TornadoRow[] {
  return rows
    .map((r) => {
      const low = r.low[metric] ?? 0;
      const high = r.high[metric] ?? 0;
      return {
        figure: r.figure.id,
        label: `${r.figure.claim} (tried at ${fmt(r.figure.low)} and ${fmt(r.figure.high)}${r.figure.unit ? ` ${r.figure.unit}` : ''})`,
        short: `${fmt(r.figure.low)}–${fmt(r.figure.high)}${r.figure.unit ? ` ${r.figure.unit}` : ''}`,
        low,
        central: r.central[metric] ?? 0,
        high,
        swing: Math.abs(high - low),
      };
    })
    .sort((a, b) => b.swing - a.swing || a.figure.localeCompare(b.figure));
}

export interface TornadoGeometry {
  width: number;
  height: number;
  centreX: number;
  rows: (TornadoRow & { y: number; xLow: number; xHigh: number })[];
}

export const TORNADO = { width: 720, rowHeight: 56, top: 34, left: 250, right: 110 };

export function tornadoGeometry(rows: TornadoRow[]): TornadoGeometry {
  const { width, rowHeight, top, left, right } = TORNADO;
  const central = rows[0]?.central ?? 0;
  let span = 0;
  for (const r of rows)
    span = Math.max(span, Math.abs(r.low - central), Math.abs(r.high - central));
  if (span === 0) span = 1;
  const half = (width - left - right) / 2;
  const centreX = left + half;
  const x = (v: number) => centreX + ((v - central) / span) * half;
  return {
    width,
    height: top + rows.length * rowHeight + 10,
    centreX,
    rows: rows.map((r, i) => ({ ...r, y: top + i * rowHeight, xLow: x(r.low), xHigh: x(r.high) })),
  };
}

export function describeTornado(metric: string, rows: TornadoRow[]): string {
  if (rows.length === 0)
    return `No ranged figures: ${metricLabel(metric)} does not depend on an uncertain figure in this scenario.`;
  const parts = rows.map(
    (r) =>
      `${r.label}: median ${fmt(r.low)} at its low value, ${fmt(r.high)} at its high value (${signed(r.high - r.low)})`,
  );
  return `Effect on the median of ${metricLabel(metric)}, each figure from low to high with the others central (central: ${fmt(rows[0]!.central)}). ${parts.join('; ')}.`;
}

export function renderTornado(metric: string, rows: TornadoRow[]): SVGSVGElement {
  const g = tornadoGeometry(rows);
  const svg = chartFrame(
    g.width,
    g.height,
    `What moves ${metricLabel(metric)}`,
    describeTornado(metric, rows),
  );
  svg.append(
    el(
      'text',
      { x: g.centreX, y: 18, class: 'tick', 'text-anchor': 'middle' },
      `central ${fmt(rows[0]?.central ?? 0)}`,
    ),
  );
  svg.append(el('line', { x1: g.centreX, x2: g.centreX, y1: 24, y2: g.height - 4, class: 'axis' }));
  for (const r of g.rows) {
    const bh = TORNADO.rowHeight * 0.5;
    const y = r.y + (TORNADO.rowHeight - bh) / 2;
    const rowLabel = el(
      'text',
      { x: TORNADO.left - 10, y: y + bh / 2 + 6, class: 'rowlabel', 'text-anchor': 'end' },
      r.short,
    );
    rowLabel.append(el('title', {}, r.label));
    svg.append(rowLabel);
    const seg = (x: number, cls: string, label: string) => {
      const x0 = Math.min(x, g.centreX);
      const w = Math.max(2, Math.abs(x - g.centreX));
      const rect = el('rect', { x: x0, y, width: w, height: bh, class: cls });
      rect.append(el('title', {}, label));
      svg.append(rect);
    };
    seg(r.xLow, 'bar-low', `low value: median ${fmt(r.low)}`);
    seg(r.xHigh, 'bar-high', `high value: median ${fmt(r.high)}`);
    svg.append(
      el(
        'text',
        { x: TORNADO.width - 4, y: y + bh / 2 + 6, class: 'tick', 'text-anchor': 'end' },
        signed(r.high - r.low),
      ),
    );
  }
  return svg;
}
