/**
 * Histograms with marks: bars for how many runs fell in each range, vertical lines for the
 * median (and the 10th and 90th percentiles) and for "you are here". Geometry is a pure function;
 * the SVG and the table of bins are built from it. The chart fits any box it is given: the
 * smallest and largest values are printed inside the frame, never cut off at its edges.
 */
import { formatNumber } from './format';
import { anchorFor, linearScale, type ChartSize } from './scale';
import { chartFrame, dataTable, svg } from './svg';
import type { Bin } from './bins';

export type MarkKind = 'mine' | 'median' | 'p10' | 'p90';

export interface HistogramMark {
  value: number;
  kind: MarkKind;
  /** The words above the line ("median 12", "▼ You"); none: the line alone. */
  text?: string;
}

/** The frame; its `top` leaves room above the bars for two rows of mark labels. */
export type HistogramSize = ChartSize;

export interface HistogramSpec {
  title: string;
  /** The text description read by screen readers (what the bars and marks say). */
  desc: string;
  bins: readonly Bin[];
  /** Smallest and largest value counted (the axis ends). */
  min: number;
  max: number;
  marks?: readonly HistogramMark[];
  /** What is counted, singular and plural: "run"/"runs", "game"/"games". */
  unit: readonly [string, string];
  size?: HistogramSize;
  /** Extra class on the SVG (the page's stylesheet). */
  className?: string;
}

export const HISTOGRAM_SIZE: HistogramSize = {
  width: 480,
  height: 236,
  left: 12,
  right: 12,
  top: 44,
  bottom: 40,
};

/** A phone's frame: drawn near its own size, so its text stays as large as on a laptop. */
export const HISTOGRAM_SIZE_NARROW: HistogramSize = {
  width: 320,
  height: 200,
  left: 8,
  right: 8,
  top: 44,
  bottom: 36,
};

/** The frame to draw at for a box this many pixels wide. */
export function histogramSizeFor(boxWidth: number): HistogramSize {
  return boxWidth < 420 ? HISTOGRAM_SIZE_NARROW : HISTOGRAM_SIZE;
}

export interface HistogramGeometry {
  width: number;
  height: number;
  bars: { x: number; y: number; w: number; h: number; bin: Bin }[];
  marks: (HistogramMark & { x: number; labelY: number; anchor: 'start' | 'middle' | 'end' })[];
  axis: { y: number; top: number; left: number; right: number; min: number; max: number };
  /** Where the smallest and largest values are printed, kept inside the frame. */
  ends: { value: number; x: number; anchor: 'start' | 'middle' | 'end' }[];
}

export function histogramGeometry(spec: HistogramSpec): HistogramGeometry {
  const size = spec.size ?? HISTOGRAM_SIZE;
  const { width, height, left, right, top, bottom } = size;
  const plotH = height - top - bottom;
  const bins = spec.bins;
  let lo = bins.length > 0 ? bins[0]!.lo : spec.min;
  let hi = bins.length > 0 ? bins[bins.length - 1]!.hi : spec.max;
  // A single bin (every run the same) is drawn as a bar in the middle, not across the chart.
  if (bins.length <= 1) {
    const pad = hi - lo || Math.max(1, Math.abs(lo) * 0.1);
    lo -= pad;
    hi += pad;
  }
  for (const m of spec.marks ?? [])
    if (Number.isFinite(m.value)) [lo, hi] = [Math.min(lo, m.value), Math.max(hi, m.value)];
  const x = linearScale(lo, hi, left, width - right);
  const peak = Math.max(1, ...bins.map((b) => b.count));
  const axisY = top + plotH;
  const bars = bins.map((bin) => {
    const bh = (bin.count / peak) * plotH;
    const x0 = x(bin.lo);
    // A bin of zero width (all values equal) still gets a visible bar.
    const w = bin.hi > bin.lo ? x(bin.hi) - x0 - 1 : (width - left - right) / 8;
    return {
      x: bin.hi > bin.lo ? x0 : x0 - w / 2,
      y: axisY - bh,
      w: Math.max(1, w),
      h: bin.count > 0 ? Math.max(1, bh) : 0,
      bin,
    };
  });
  const marks = (spec.marks ?? [])
    .filter((m) => Number.isFinite(m.value))
    .map((m) => {
      const mx = x(m.value);
      // "You are here" on the top row, the median on the row below it.
      return {
        ...m,
        x: mx,
        labelY: m.kind === 'mine' ? 16 : top - 8,
        anchor: anchorFor(mx, width),
      };
    });
  const ends: HistogramGeometry['ends'] = [];
  if (Number.isFinite(spec.min)) {
    if (spec.max === spec.min) ends.push({ value: spec.min, x: x(spec.min), anchor: 'middle' });
    else
      ends.push(
        // Never closer to the far edge than 60 units, so both numbers have room.
        { value: spec.min, x: Math.min(x(spec.min), width - right - 60), anchor: 'start' },
        { value: spec.max, x: Math.max(x(spec.max), left + 60), anchor: 'end' },
      );
  }
  return {
    width,
    height,
    bars,
    marks,
    axis: { y: axisY, top, left, right: width - right, min: lo, max: hi },
    ends,
  };
}

/** A bin in words: "12" for a whole-number bin centred on 12, otherwise "10 to 15". */
export function binText(b: Bin): string {
  const mid = (b.lo + b.hi) / 2;
  if (b.hi === b.lo) return formatNumber(b.lo);
  return b.hi - b.lo === 1 && Number.isInteger(mid)
    ? formatNumber(mid)
    : `${formatNumber(b.lo)} to ${formatNumber(b.hi)}`;
}

function countText(n: number, unit: readonly [string, string]): string {
  return `${formatNumber(n)} ${n === 1 ? unit[0] : unit[1]}`;
}

/** The histogram as an SVG image with its description; each bar names its range and count. */
export function renderHistogram(spec: HistogramSpec): SVGSVGElement {
  const g = histogramGeometry(spec);
  const root = chartFrame(
    g.width,
    g.height,
    spec.title,
    spec.desc,
    `chart-svg histogram${spec.className ? ` ${spec.className}` : ''}`,
  );
  for (const b of g.bars)
    root.append(
      svg(
        'rect',
        {
          x: b.x.toFixed(1),
          y: b.y.toFixed(1),
          width: b.w.toFixed(1),
          height: b.h.toFixed(1),
          class: 'bar',
        },
        svg('title', {}, `${binText(b.bin)}: ${countText(b.bin.count, spec.unit)}`),
      ),
    );
  root.append(
    svg('line', { x1: g.axis.left, x2: g.axis.right, y1: g.axis.y, y2: g.axis.y, class: 'axis' }),
  );
  for (const e of g.ends)
    root.append(
      svg(
        'text',
        { x: e.x, y: g.height - 8, class: 'tick', 'text-anchor': e.anchor },
        formatNumber(e.value),
      ),
    );
  for (const m of g.marks) {
    root.append(
      svg('line', {
        x1: m.x,
        x2: m.x,
        y1: m.kind === 'mine' ? 20 : g.axis.top - 4,
        y2: g.axis.y,
        class: `mark mark-${m.kind}`,
      }),
    );
    if (m.text)
      root.append(
        svg(
          'text',
          { x: m.x, y: m.labelY, class: `label label-${m.kind}`, 'text-anchor': m.anchor },
          m.text,
        ),
      );
  }
  return root;
}

/** The bins as a table beside the chart. */
export function histogramTable(spec: HistogramSpec): HTMLDetailsElement {
  const unit = spec.unit[1];
  return dataTable(`${spec.title}: ${unit} per range`, ['Values', `Number of ${unit}`], () =>
    spec.bins.map((b) => [binText(b), formatNumber(b.count)]),
  );
}
