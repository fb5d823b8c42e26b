/**
 * Line charts over a sequence of points (months of a game, turns of two runs): geometry as a pure
 * function, then a <figure> with its heading, a legend, the SVG image and the table of numbers.
 * Colour is never the only cue: each line may carry a dash pattern and a marker shape, and is
 * labelled at its end with its last value (and its name, when the margin is wide enough).
 */
import { formatAxis, formatNumber } from './format';
import { extent, labelStride, linearScale, niceScale, spreadLabels, type ChartSize } from './scale';
import { chartFrame, dataTable, html as h, svg } from './svg';

export type MarkerShape = 'circle' | 'square' | 'triangle' | 'diamond' | 'cross';

/** A marker of a given shape centred on (x, y), radius r (a second cue beside colour). */
export function marker(
  shape: MarkerShape,
  x: number,
  y: number,
  r: number,
  paint: { color?: string; className?: string },
): SVGElement {
  const common = {
    fill: paint.color,
    class: paint.className ? `dot ${paint.className}` : 'dot',
  };
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
        stroke: paint.color,
        class: paint.className ? `cross ${paint.className}` : 'cross',
        fill: 'none',
      });
  }
}

export interface ChartSeries {
  /** Name in the legend, the description and the table. */
  label: string;
  /** Name at the end of the line, when the label is too long for the margin. */
  short?: string;
  /** One value per x label; undefined or not finite: no point there. */
  values: readonly (number | undefined)[];
  /** A colour for the line, or a class the page's stylesheet colours. */
  color?: string;
  className?: string;
  /** stroke-dasharray ('' or undefined: solid). */
  dash?: string;
  marker: MarkerShape;
}

export interface LineChartSpec {
  /** Unique prefix for element ids. */
  id: string;
  title: string;
  /** Short label per point for the axis ("Start", "Oct", "Jan\n2025"…). */
  xLabels: readonly string[];
  /** Long label per point for the table and description ("October 2024"); default xLabels. */
  xLongLabels?: readonly string[];
  xTitle: string;
  yTitle: string;
  series: readonly ChartSeries[];
  /** Fixed y range (e.g. [0, 100] for a percentage); otherwise from 0 to a nice maximum. */
  yDomain?: readonly [number, number];
  /** Formats a value for the end labels and the table. */
  format?: (n: number) => string;
  /** A sentence under the chart (what the numbers mean, where they come from). */
  note?: string;
}

export type { ChartSize };

export const CHART_SIZE: ChartSize = {
  width: 610,
  height: 330,
  left: 80,
  right: 172,
  top: 20,
  bottom: 66,
};
/**
 * A phone's chart: drawn for its narrow box (at about its own size, so the text stays readable
 * and nothing scrolls), with only the values at the line ends (the legend names the lines).
 */
export const CHART_SIZE_NARROW: ChartSize = {
  width: 400,
  height: 330,
  left: 64,
  right: 84,
  top: 20,
  bottom: 66,
};

/** The size to draw at for a box this many pixels wide. */
export function chartSizeFor(boxWidth: number): ChartSize {
  return boxWidth < 560 ? CHART_SIZE_NARROW : CHART_SIZE;
}

export interface LineGeometry {
  size: ChartSize;
  plot: { left: number; right: number; top: number; bottom: number };
  y: { min: number; max: number; ticks: { value: number; pos: number }[] };
  x: { ticks: { index: number; pos: number; label: string; shown: boolean }[] };
  lines: {
    points: { x: number; y: number; value: number; index: number }[];
    d: string;
    labelY: number;
  }[];
}

export function lineChartGeometry(spec: LineChartSpec, size: ChartSize = CHART_SIZE): LineGeometry {
  const n = Math.max(1, spec.xLabels.length);
  const left = size.left;
  const right = size.width - size.right;
  const top = size.top;
  const bottom = size.height - size.bottom;
  let scale: { min: number; max: number; ticks: number[] };
  if (spec.yDomain) {
    const [lo, hi] = spec.yDomain;
    scale = { min: lo, max: hi, ticks: niceScale(lo, hi).ticks.filter((t) => t >= lo && t <= hi) };
  } else {
    // From 0 (counts and scores read against zero), or below it when a value is negative.
    const [lo, hi] = extent(spec.series.flatMap((s) => s.values)) ?? [0, 0];
    scale = niceScale(Math.min(0, lo), Math.max(0, hi));
  }
  const xOf = linearScale(0, n - 1, left, right);
  const yOf = linearScale(scale.min, scale.max, bottom, top);
  const stride = labelStride(n, 7);
  const lines = spec.series.map((s) => {
    const points = s.values
      .slice(0, n)
      .flatMap((value, index) =>
        value === undefined || !Number.isFinite(value)
          ? []
          : [{ x: xOf(index), y: yOf(value), value, index }],
      );
    // A gap in the values breaks the line rather than bridging it.
    const d = points
      .map(
        (p, i) =>
          `${i === 0 || points[i - 1]!.index !== p.index - 1 ? 'M' : 'L'}${p.x.toFixed(1)} ${p.y.toFixed(1)}`,
      )
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

/**
 * A sentence per line for screen readers: where it starts, where it ends, and its peak when the
 * peak is neither. "Killed: 0 at Start, 5,210 at September 2025."
 */
export function describeChart(spec: LineChartSpec): string {
  const fmt = spec.format ?? formatNumber;
  const long = spec.xLongLabels ?? spec.xLabels;
  const parts = [
    `${spec.title}. ${spec.yTitle} by ${spec.xTitle.toLowerCase()}, ${long[0] ?? ''} to ${long[long.length - 1] ?? ''}.`,
  ];
  for (const s of spec.series) {
    const v = s.values
      .map((x, i) => ({ x, i }))
      .filter((p): p is { x: number; i: number } => Number.isFinite(p.x));
    if (v.length === 0) continue;
    const first = v[0]!;
    const last = v[v.length - 1]!;
    let peak = first;
    for (const p of v) if (p.x > peak.x) peak = p;
    let line = `${s.label}: ${fmt(first.x)} at ${long[first.i]}, ${fmt(last.x)} at ${long[last.i]}`;
    if (peak !== first && peak !== last && peak.x > last.x)
      line += `, highest ${fmt(peak.x)} at ${long[peak.i]}`;
    parts.push(`${line}.`);
  }
  return parts.join(' ');
}

export interface LineChartOptions {
  /** The heading the figure's caption carries; null: the caption is plain text. */
  headingLevel?: 'h3' | 'h4' | null;
  size?: ChartSize;
  /** False when the page shows its own table of the same numbers beside the chart. */
  table?: boolean;
  /** Extra class on the SVG (the page's stylesheet). */
  className?: string;
}

/** The chart as a <figure>: heading, legend, SVG image with title and description, data table. */
export function lineChart(spec: LineChartSpec, options: LineChartOptions = {}): HTMLElement {
  const size = options.size ?? CHART_SIZE;
  const headingLevel = options.headingLevel === undefined ? 'h3' : options.headingLevel;
  const g = lineChartGeometry(spec, size);
  const namesAtEnds = size.right >= 120;
  const fmt = spec.format ?? formatNumber;
  const headingId = `${spec.id}-heading`;
  const { plot } = g;

  const root = chartFrame(
    size.width,
    size.height,
    spec.title,
    describeChart(spec),
    `chart-svg${options.className ? ` ${options.className}` : ''}`,
    spec.id,
  );
  const midY = (plot.top + plot.bottom) / 2;
  for (const t of g.y.ticks)
    root.append(
      svg('line', { x1: plot.left, x2: plot.right, y1: t.pos, y2: t.pos, class: 'grid' }),
      svg(
        'text',
        { x: plot.left - 10, y: t.pos + 6, 'text-anchor': 'end', class: 'tick', 'font-size': 17 },
        formatAxis(t.value),
      ),
    );
  root.append(
    svg(
      'text',
      {
        x: 16,
        y: midY,
        transform: `rotate(-90 16 ${midY})`,
        'text-anchor': 'middle',
        class: 'axis-title',
        'font-size': 16,
      },
      spec.yTitle,
    ),
    svg('line', { x1: plot.left, x2: plot.right, y1: plot.bottom, y2: plot.bottom, class: 'axis' }),
  );
  for (const t of g.x.ticks) {
    root.append(
      svg('line', {
        x1: t.pos,
        x2: t.pos,
        y1: plot.bottom,
        y2: plot.bottom + (t.shown ? 7 : 4),
        class: 'axis',
      }),
    );
    if (!t.shown) continue;
    const [first, second] = t.label.split('\n');
    const at = (y: number, fontSize: number, text: string) =>
      svg(
        'text',
        { x: t.pos, y, 'text-anchor': 'middle', class: 'tick', 'font-size': fontSize },
        text,
      );
    root.append(at(plot.bottom + 24, 17, first ?? ''));
    if (second) root.append(at(plot.bottom + 43, 15, second));
  }
  root.append(
    svg(
      'text',
      {
        x: (plot.left + plot.right) / 2,
        y: size.height - 2,
        'text-anchor': 'middle',
        class: 'axis-title',
        'font-size': 15,
      },
      spec.xTitle,
    ),
  );

  spec.series.forEach((s, i) => {
    const line = g.lines[i]!;
    const paint = { color: s.color, className: s.className };
    const group = svg('g', { class: 'chart-series' });
    group.append(
      svg('path', {
        d: line.d,
        stroke: s.color,
        class: s.className ? `line ${s.className}` : 'line',
        'stroke-dasharray': s.dash || undefined,
      }),
    );
    for (const p of line.points) group.append(marker(s.marker, p.x, p.y, 4.2, paint));
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
            class: s.className ? `leader ${s.className}` : 'leader',
          }),
        );
      group.append(
        svg(
          'text',
          {
            x: lx,
            y: line.labelY + 5,
            fill: s.color,
            class: s.className ? `end-label ${s.className}` : 'end-label',
            'font-size': 16,
            'font-weight': 700,
          },
          namesAtEnds ? `${s.short ?? s.label} ${fmt(last.value)}` : fmt(last.value),
        ),
      );
    }
    root.append(group);
  });

  const long = spec.xLongLabels ?? spec.xLabels;
  const legend = h(
    'ul',
    { class: 'chart-legend', 'aria-hidden': 'true' },
    ...spec.series.map((s) => {
      const key = svg(
        'svg',
        { viewBox: '0 0 40 16', width: 40, height: 16, class: 'chart-key' },
        svg('line', {
          x1: 2,
          x2: 38,
          y1: 8,
          y2: 8,
          stroke: s.color,
          class: s.className ? `line ${s.className}` : 'line',
          'stroke-dasharray': s.dash || undefined,
        }),
        marker(s.marker, 20, 8, 4.2, { color: s.color, className: s.className }),
      );
      return h('li', {}, key, s.label);
    }),
  );
  const caption = headingLevel
    ? h(headingLevel, { id: headingId, class: 'chart-title' }, spec.title)
    : h('span', { id: headingId, class: 'chart-title' }, spec.title);
  return h(
    'figure',
    { class: 'chart', 'aria-labelledby': headingId },
    h('figcaption', {}, caption),
    legend,
    h('div', { class: 'chart-scroll' }, root),
    spec.note ? h('p', { class: 'chart-note' }, spec.note) : null,
    options.table === false
      ? null
      : dataTable(
          `${spec.title}: the numbers`,
          [spec.xTitle, ...spec.series.map((s) => s.label)],
          () =>
            long.map((label, i) => [
              label,
              ...spec.series.map((s) => {
                const v = s.values[i];
                return v === undefined || !Number.isFinite(v) ? '–' : fmt(v);
              }),
            ]),
        ),
  );
}
