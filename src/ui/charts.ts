/**
 * Small accessible line charts drawn as inline SVG, for the debrief (metrics over the turns).
 *
 * - Geometry is computed by pure functions (niceScale, lineChartGeometry, spreadLabels), tested in
 *   Node; `lineChart` turns it into elements with createElementNS and textContent only.
 * - Each chart is a <figure> whose heading is its title; the SVG is an image (role="img") named
 *   by a <title> and described by a <desc> that says what each line does; the numbers follow in a
 *   table (inside <details>) for anyone who cannot see the lines or wants the exact values.
 * - Colour is never the only signal: every line also has its own dash pattern and marker shape,
 *   and is labelled at its end. Colours are Okabe–Ito hues light enough for the dark panels.
 * - Text is large for a projector: the SVG scales to its box, the font sizes are in its units.
 */
import { h } from './dom';

const SVG_NS = 'http://www.w3.org/2000/svg';

export type MarkerShape = 'circle' | 'square' | 'triangle' | 'diamond' | 'cross';

export interface ChartSeries {
  /** Name in the legend, the description and the table. */
  label: string;
  /** Name at the end of the line, when the label is too long for the margin. */
  short?: string;
  values: readonly number[];
  color: string;
  /** stroke-dasharray ('' or undefined: solid). */
  dash?: string;
  marker: MarkerShape;
}

export interface LineChartSpec {
  /** Unique prefix for element ids. */
  id: string;
  title: string;
  /** Short label per point for the axis ("Start", "Oct", "Jan 2025"…). */
  xLabels: readonly string[];
  /** Long label per point for the table and description ("October 2024"); default xLabels. */
  xLongLabels?: readonly string[];
  xTitle: string;
  yTitle: string;
  series: readonly ChartSeries[];
  /** Fixed y range (e.g. [0, 100] for a percentage); otherwise from 0 to a nice maximum. */
  yDomain?: readonly [number, number];
  /** Formats a value for the axis, the end labels and the table. */
  format?: (n: number) => string;
  /** A sentence under the chart (what the numbers mean, where they come from). */
  note?: string;
}

export const CHART_SIZE = {
  width: 610,
  height: 330,
  left: 80,
  right: 172,
  top: 20,
  bottom: 66,
} as const;
/**
 * A phone's chart: drawn for its narrow box (at about its own size, so the text stays readable
 * and nothing scrolls), with only the values at the line ends (the legend names the lines).
 */
export const CHART_SIZE_NARROW = {
  width: 400,
  height: 330,
  left: 64,
  right: 84,
  top: 20,
  bottom: 66,
} as const;

/** The size to draw at for a box this many pixels wide. */
export function chartSizeFor(boxWidth: number): ChartSize {
  return boxWidth < 560 ? CHART_SIZE_NARROW : CHART_SIZE;
}

export type ChartSize = {
  width: number;
  height: number;
  left: number;
  right: number;
  top: number;
  bottom: number;
};

/** Colour-blind-safe colours that read on the dark panels (Okabe–Ito, lightened where needed). */
export const SERIES_COLORS = {
  cream: '#f0e6c8',
  orange: '#E69F00',
  skyBlue: '#56B4E9',
  green: '#3DD6A8',
  yellow: '#F0E442',
  purple: '#E59AC6',
  vermillion: '#FF9A5C',
  grey: '#b9c0c8',
} as const;

export const DASHES = ['', '9 5', '3 4', '12 4 3 4'] as const;

// ---------------------------------------------------------------------------------------------
// Pure geometry
// ---------------------------------------------------------------------------------------------

/** The "nice" step (1, 2, 2.5 or 5 times a power of ten) nearest above `raw`. */
export function niceStep(raw: number): number {
  if (!(raw > 0) || !Number.isFinite(raw)) return 1;
  const power = 10 ** Math.floor(Math.log10(raw));
  const f = raw / power;
  const nice = f <= 1 ? 1 : f <= 2 ? 2 : f <= 2.5 ? 2.5 : f <= 5 ? 5 : 10;
  return nice * power;
}

/**
 * Axis bounds and ticks covering [min, max] with about `target` intervals. The bounds are
 * multiples of the step, so every tick is a round number; an empty range gets a unit range.
 */
export function niceScale(
  min: number,
  max: number,
  target = 5,
): { min: number; max: number; step: number; ticks: number[] } {
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
    ticks.push(round(v, step));
  return { min: nmin, max: nmax, step, ticks };
}

/** Removes float noise (0.30000000000000004) at the precision of the step. */
function round(v: number, step: number): number {
  const decimals = Math.max(0, -Math.floor(Math.log10(step)) + 1);
  return Number(v.toFixed(Math.min(10, decimals)));
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

export interface ChartGeometry {
  size: ChartSize;
  plot: { left: number; right: number; top: number; bottom: number };
  y: { min: number; max: number; ticks: { value: number; pos: number }[] };
  x: { ticks: { index: number; pos: number; label: string; shown: boolean }[] };
  lines: { points: { x: number; y: number; value: number }[]; d: string; labelY: number }[];
}

/** Which x labels to print so that at most `maxLabels` show, always the first and the last. */
export function labelStride(n: number, maxLabels: number): number {
  if (n <= maxLabels) return 1;
  return Math.ceil((n - 1) / Math.max(1, maxLabels - 1));
}

export function lineChartGeometry(
  spec: LineChartSpec,
  size: ChartSize = CHART_SIZE,
): ChartGeometry {
  const n = Math.max(1, spec.xLabels.length);
  const left = size.left;
  const right = size.width - size.right;
  const top = size.top;
  const bottom = size.height - size.bottom;
  let lo: number;
  let hi: number;
  if (spec.yDomain) {
    [lo, hi] = spec.yDomain;
  } else {
    lo = 0;
    hi = 0;
    for (const s of spec.series)
      for (const v of s.values)
        if (Number.isFinite(v)) [lo, hi] = [Math.min(lo, v), Math.max(hi, v)];
  }
  const scale = spec.yDomain
    ? { min: lo, max: hi, ticks: niceScale(lo, hi, 5).ticks.filter((t) => t >= lo && t <= hi) }
    : niceScale(lo, hi, 5);
  const span = scale.max - scale.min || 1;
  const xOf = (i: number) => (n === 1 ? (left + right) / 2 : left + (i * (right - left)) / (n - 1));
  const yOf = (v: number) => bottom - ((v - scale.min) / span) * (bottom - top);
  const stride = labelStride(n, 7);
  const lines = spec.series.map((s) => {
    const points = s.values.slice(0, n).map((value, i) => ({ x: xOf(i), y: yOf(value), value }));
    const d = points
      .map((p, i) => `${i === 0 ? 'M' : 'L'}${p.x.toFixed(1)} ${p.y.toFixed(1)}`)
      .join(' ');
    return { points, d, labelY: points.length > 0 ? points[points.length - 1]!.y : bottom };
  });
  const spread = spreadLabels(
    lines.map((l) => l.labelY),
    17,
    top + 6,
    bottom,
  );
  lines.forEach((l, i) => (l.labelY = spread[i]!));
  return {
    size,
    plot: { left, right, top, bottom },
    y: {
      min: scale.min,
      max: scale.max,
      ticks: scale.ticks.map((value) => ({ value, pos: yOf(value) })),
    },
    x: {
      ticks: spec.xLabels.map((label, index) => ({
        index,
        pos: xOf(index),
        label,
        shown: index % stride === 0 || index === n - 1,
      })),
    },
    lines,
  };
}

/** 12345 -> "12,345"; 12.5 -> "12.5". */
export function formatValue(n: number): string {
  if (!Number.isFinite(n)) return '–';
  return n.toLocaleString('en-GB', { maximumFractionDigits: 1 });
}

/** Compact axis numbers: 12,000 -> "12k", 2,500 -> "2.5k", 1,500,000 -> "1.5M". */
export function formatAxis(n: number): string {
  const a = Math.abs(n);
  if (a >= 1e6) return `${trim(n / 1e6)}M`;
  if (a >= 1000) return `${trim(n / 1000)}k`;
  return formatValue(n);
}

function trim(n: number): string {
  return n.toFixed(1).replace(/\.0$/, '');
}

/**
 * A sentence per line for screen readers: where it starts, where it ends, and its peak when the
 * peak is neither. "Killed: 0 at Start, 5,210 at September 2025."
 */
export function describeChart(spec: LineChartSpec): string {
  const fmt = spec.format ?? formatValue;
  const long = spec.xLongLabels ?? spec.xLabels;
  const parts = [
    `${spec.title}. ${spec.yTitle} by ${spec.xTitle.toLowerCase()}, ${long[0] ?? ''} to ${long[long.length - 1] ?? ''}.`,
  ];
  for (const s of spec.series) {
    const v = s.values;
    if (v.length === 0) continue;
    const first = v[0]!;
    const last = v[v.length - 1]!;
    let peak = 0;
    v.forEach((x, i) => {
      if (x > v[peak]!) peak = i;
    });
    let line = `${s.label}: ${fmt(first)} at ${long[0]}, ${fmt(last)} at ${long[v.length - 1]}`;
    if (peak !== 0 && peak !== v.length - 1 && v[peak]! > last)
      line += `, highest ${fmt(v[peak]!)} at ${long[peak]}`;
    parts.push(`${line}.`);
  }
  return parts.join(' ');
}

// ---------------------------------------------------------------------------------------------
// SVG elements
// ---------------------------------------------------------------------------------------------

type SvgAttrs = Record<string, string | number | undefined>;

export function svg<K extends keyof SVGElementTagNameMap>(
  tag: K,
  attrs: SvgAttrs = {},
  ...children: (Node | string)[]
): SVGElementTagNameMap[K] {
  const el = document.createElementNS(SVG_NS, tag);
  for (const [k, v] of Object.entries(attrs)) if (v !== undefined) el.setAttribute(k, String(v));
  for (const c of children) el.append(typeof c === 'string' ? document.createTextNode(c) : c);
  return el;
}

/** A marker of a given shape centred on (x, y), radius r. */
export function marker(
  shape: MarkerShape,
  x: number,
  y: number,
  r: number,
  color: string,
  bg: string,
): SVGElement {
  const common = { fill: color, stroke: bg, 'stroke-width': 1.5 };
  switch (shape) {
    case 'circle':
      return svg('circle', { cx: x, cy: y, r, ...common });
    case 'square':
      return svg('rect', {
        x: x - r * 0.9,
        y: y - r * 0.9,
        width: r * 1.8,
        height: r * 1.8,
        ...common,
      });
    case 'triangle':
      return svg('polygon', {
        points: `${x},${y - r * 1.15} ${x + r * 1.1},${y + r * 0.8} ${x - r * 1.1},${y + r * 0.8}`,
        ...common,
      });
    case 'diamond':
      return svg('polygon', {
        points: `${x},${y - r * 1.25} ${x + r * 1.1},${y} ${x},${y + r * 1.25} ${x - r * 1.1},${y}`,
        ...common,
      });
    case 'cross':
      return svg('path', {
        d: `M${x - r} ${y - r} L${x + r} ${y + r} M${x - r} ${y + r} L${x + r} ${y - r}`,
        stroke: color,
        'stroke-width': 2.6,
        'stroke-linecap': 'round',
        fill: 'none',
      });
  }
}

const AXIS_COLOR = '#b9c0c8';
const GRID_COLOR = '#3a4552';
const PANEL_BG = '#1c232c';

/** The chart as a <figure>: heading, SVG image with title and description, data table. */
export function lineChart(
  spec: LineChartSpec,
  headingLevel: 'h3' | 'h4' = 'h3',
  chartSize: ChartSize = CHART_SIZE,
): HTMLElement {
  const g = lineChartGeometry(spec, chartSize);
  const namesAtEnds = chartSize.right >= 120;
  const fmt = spec.format ?? formatValue;
  const titleId = `${spec.id}-title`;
  const descId = `${spec.id}-desc`;
  const headingId = `${spec.id}-heading`;
  const { plot, size } = g;

  const root = svg('svg', {
    viewBox: `0 0 ${size.width} ${size.height}`,
    role: 'img',
    'aria-labelledby': `${titleId} ${descId}`,
    class: 'chart-svg',
    preserveAspectRatio: 'xMidYMid meet',
  });
  root.append(
    svg('title', { id: titleId }, spec.title),
    svg('desc', { id: descId }, describeChart(spec)),
  );

  // Grid and y axis.
  const grid = svg('g', { class: 'chart-grid' });
  for (const t of g.y.ticks) {
    grid.append(
      svg('line', {
        x1: plot.left,
        x2: plot.right,
        y1: t.pos,
        y2: t.pos,
        stroke: GRID_COLOR,
        'stroke-width': 1,
      }),
      svg(
        'text',
        {
          x: plot.left - 10,
          y: t.pos + 6,
          'text-anchor': 'end',
          fill: AXIS_COLOR,
          'font-size': 17,
        },
        formatAxis(t.value),
      ),
    );
  }
  root.append(grid);
  root.append(
    svg(
      'text',
      {
        x: 16,
        y: (plot.top + plot.bottom) / 2,
        transform: `rotate(-90 16 ${(plot.top + plot.bottom) / 2})`,
        'text-anchor': 'middle',
        fill: AXIS_COLOR,
        'font-size': 16,
      },
      spec.yTitle,
    ),
  );

  // x axis.
  const xAxis = svg('g', { class: 'chart-x' });
  xAxis.append(
    svg('line', {
      x1: plot.left,
      x2: plot.right,
      y1: plot.bottom,
      y2: plot.bottom,
      stroke: AXIS_COLOR,
      'stroke-width': 1.5,
    }),
  );
  for (const t of g.x.ticks) {
    xAxis.append(
      svg('line', {
        x1: t.pos,
        x2: t.pos,
        y1: plot.bottom,
        y2: plot.bottom + (t.shown ? 7 : 4),
        stroke: AXIS_COLOR,
        'stroke-width': 1.5,
      }),
    );
    if (t.shown) {
      const [first, second] = t.label.split('\n');
      const text = svg(
        'text',
        {
          x: t.pos,
          y: plot.bottom + 24,
          'text-anchor': 'middle',
          fill: AXIS_COLOR,
          'font-size': 17,
        },
        first ?? '',
      );
      xAxis.append(text);
      if (second)
        xAxis.append(
          svg(
            'text',
            {
              x: t.pos,
              y: plot.bottom + 43,
              'text-anchor': 'middle',
              fill: AXIS_COLOR,
              'font-size': 15,
            },
            second,
          ),
        );
    }
  }
  xAxis.append(
    svg(
      'text',
      {
        x: (plot.left + plot.right) / 2,
        y: size.height - 2,
        'text-anchor': 'middle',
        fill: AXIS_COLOR,
        'font-size': 15,
      },
      spec.xTitle,
    ),
  );
  root.append(xAxis);

  // Lines, markers, end labels.
  spec.series.forEach((s, i) => {
    const line = g.lines[i]!;
    const group = svg('g', { class: 'chart-series' });
    group.append(
      svg('path', {
        d: line.d,
        fill: 'none',
        stroke: s.color,
        'stroke-width': 3.2,
        'stroke-linejoin': 'round',
        'stroke-linecap': 'round',
        'stroke-dasharray': s.dash || undefined,
      }),
    );
    for (const p of line.points) group.append(marker(s.marker, p.x, p.y, 4.2, s.color, PANEL_BG));
    const last = line.points[line.points.length - 1];
    if (last) {
      const lx = plot.right + 14;
      if (Math.abs(line.labelY - last.y) > 2)
        group.append(
          svg('line', {
            x1: last.x + 6,
            y1: last.y,
            x2: lx - 3,
            y2: line.labelY,
            stroke: s.color,
            'stroke-width': 1,
          }),
        );
      group.append(
        svg(
          'text',
          { x: lx, y: line.labelY + 5, fill: s.color, 'font-size': 16, 'font-weight': 700 },
          namesAtEnds ? `${s.short ?? s.label} ${fmt(last.value)}` : fmt(last.value),
        ),
      );
    }
    root.append(group);
  });

  const long = spec.xLongLabels ?? spec.xLabels;
  const table = h(
    'table',
    { class: 'chart-table' },
    h('caption', {}, `${spec.title}: the numbers`),
    h(
      'thead',
      {},
      h(
        'tr',
        {},
        h('th', { scope: 'col' }, spec.xTitle),
        ...spec.series.map((s) => h('th', { scope: 'col' }, s.label)),
      ),
    ),
    h(
      'tbody',
      {},
      ...long.map((label, i) =>
        h(
          'tr',
          {},
          h('th', { scope: 'row' }, label),
          ...spec.series.map((s) =>
            h('td', {}, s.values[i] === undefined ? '–' : fmt(s.values[i]!)),
          ),
        ),
      ),
    ),
  );

  const legend = h(
    'ul',
    { class: 'chart-legend', 'aria-hidden': 'true' },
    ...spec.series.map((s) => {
      const key = svg('svg', { viewBox: '0 0 40 16', width: 40, height: 16, class: 'chart-key' });
      key.append(
        svg('line', {
          x1: 2,
          x2: 38,
          y1: 8,
          y2: 8,
          stroke: s.color,
          'stroke-width': 3,
          'stroke-dasharray': s.dash || undefined,
        }),
        marker(s.marker, 20, 8, 4.2, s.color, PANEL_BG),
      );
      return h('li', {}, key, s.label);
    }),
  );

  return h(
    'figure',
    { class: 'chart', 'aria-labelledby': headingId },
    h('figcaption', {}, h(headingLevel, { id: headingId, class: 'chart-title' }, spec.title)),
    legend,
    h('div', { class: 'chart-scroll' }, root),
    spec.note ? h('p', { class: 'chart-note' }, spec.note) : null,
    h('details', { class: 'chart-data' }, h('summary', {}, 'Show the numbers as a table'), table),
  );
}
