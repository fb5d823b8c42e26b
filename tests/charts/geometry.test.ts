/**
 * The shared chart geometry (src/charts): nice steps and ticks, scale domains at the edges (one
 * value, all values equal, negative values), label spacing, bins, and the layouts built on them.
 * Pure functions, tested in Node; the three screens' own tests cover what they draw.
 */
import { describe, expect, it } from 'vitest';
import { binRanges, countBins } from '../../src/charts/bins';
import { formatAxis, formatNumber, signed } from '../../src/charts/format';
import { binText, histogramGeometry, type HistogramSpec } from '../../src/charts/histogram';
import {
  CHART_SIZE,
  describeChart,
  lineChartGeometry,
  type LineChartSpec,
} from '../../src/charts/line';
import {
  anchorFor,
  extent,
  labelStride,
  linearScale,
  niceScale,
  niceStep,
  spreadLabels,
} from '../../src/charts/scale';
import { sortBySwing, tornadoGeometry, type TornadoRow } from '../../src/charts/tornado';

describe('line chart scaling', () => {
  it('picks nice steps and bounds that cover the data', () => {
    expect(niceStep(2200)).toBe(2500);
    expect(niceStep(0.7)).toBe(1);
    expect(niceStep(13)).toBe(20);
    expect(niceScale(0, 11000)).toMatchObject({
      min: 0,
      max: 12500,
      step: 2500,
      ticks: [0, 2500, 5000, 7500, 10000, 12500],
    });
    expect(niceScale(0, 0)).toMatchObject({ min: 0, max: 1 });
    expect(niceScale(7, 7).min).toBe(0);
    const s = niceScale(-3.2, 9.1);
    expect(s.min).toBeLessThanOrEqual(-3.2);
    expect(s.max).toBeGreaterThanOrEqual(9.1);
    for (const t of s.ticks)
      expect(Math.abs(t / s.step - Math.round(t / s.step))).toBeLessThan(1e-9);
  });

  it('keeps end labels apart and inside the plot', () => {
    const ys = spreadLabels([100, 101, 102, 300], 17, 20, 264);
    expect(ys[3]).toBe(264);
    const sorted = [...ys].sort((a, b) => a - b);
    for (let i = 1; i < sorted.length; i++)
      expect(sorted[i]! - sorted[i - 1]!).toBeGreaterThanOrEqual(17 - 1e-9);
    for (const y of ys) expect(y).toBeGreaterThanOrEqual(20 - 17 * 4);
    // Crowded at the bottom: pushed back up, order kept.
    const low = spreadLabels([260, 262, 264], 17, 20, 264);
    expect(low).toEqual([230, 247, 264]);
  });

  it('maps the first and last points to the plot edges and values to heights', () => {
    const spec: LineChartSpec = {
      id: 't',
      title: 'Test',
      xLabels: ['Start', 'Oct', 'Nov'],
      xTitle: 'Month',
      yTitle: 'Soldiers',
      series: [{ label: 'Sent', values: [0, 1500, 11000], color: '#fff', marker: 'circle' }],
    };
    const g = lineChartGeometry(spec);
    const pts = g.lines[0]!.points;
    expect(pts[0]!.x).toBe(CHART_SIZE.left);
    expect(pts[2]!.x).toBe(CHART_SIZE.width - CHART_SIZE.right);
    expect(pts[0]!.y).toBe(CHART_SIZE.height - CHART_SIZE.bottom);
    expect(g.y.max).toBe(12500);
    expect(pts[2]!.y).toBeCloseTo(g.plot.bottom - (11000 / 12500) * (g.plot.bottom - g.plot.top));
    expect(g.lines[0]!.d.startsWith('M')).toBe(true);
    const fixed = lineChartGeometry({
      ...spec,
      yDomain: [0, 100],
      series: [{ ...spec.series[0]!, values: [10, 50, 100] }],
    });
    expect(fixed.y.min).toBe(0);
    expect(fixed.y.max).toBe(100);
    expect(fixed.lines[0]!.points[2]!.y).toBe(fixed.plot.top);
    expect(describeChart(spec)).toContain('Sent: 0 at Start, 11,000 at Nov.');
  });

  it('prints at most seven x labels, always the first and the last', () => {
    expect(labelStride(13, 7)).toBe(2);
    expect(labelStride(5, 7)).toBe(1);
    const g = lineChartGeometry({
      id: 'x',
      title: 'x',
      xLabels: Array.from({ length: 13 }, (_, i) => String(i)),
      xTitle: 'Month',
      yTitle: 'y',
      series: [],
    });
    const shown = g.x.ticks.filter((t) => t.shown).map((t) => t.index);
    expect(shown).toEqual([0, 2, 4, 6, 8, 10, 12]);
  });

  it('shortens axis numbers', () => {
    expect(formatAxis(12500)).toBe('12.5k');
    expect(formatAxis(2000)).toBe('2k');
    expect(formatAxis(60)).toBe('60');
    expect(formatAxis(1_500_000)).toBe('1.5M');
  });
});

describe('nice steps and ticks', () => {
  it('rounds up to 1, 2, 2.5 or 5 times a power of ten', () => {
    expect([0.07, 0.3, 1, 1.2, 2.1, 2.6, 4, 5.1, 99].map((r) => niceStep(r))).toEqual([
      0.1, 0.5, 1, 2, 2.5, 5, 5, 10, 100,
    ]);
    // Whole-number bins skip 2.5.
    expect(niceStep(2.2, [1, 2, 5])).toBe(5);
    expect(niceStep(0)).toBe(1);
    expect(niceStep(NaN)).toBe(1);
  });

  it('ticks every step from the lower to the upper bound, both included', () => {
    const s = niceScale(3, 47);
    expect(s).toEqual({ min: 0, max: 50, step: 10, ticks: [0, 10, 20, 30, 40, 50] });
    expect(niceScale(0.1, 0.7).ticks).toEqual([0, 0.2, 0.4, 0.6, 0.8]);
  });

  it('gives one value a range from zero, on the side of the value', () => {
    expect(niceScale(40, 40)).toMatchObject({ min: 0, max: 40 });
    expect(niceScale(-40, -40)).toMatchObject({ min: -40, max: 0 });
    expect(niceScale(0, 0)).toMatchObject({ min: 0, max: 1 });
  });

  it('covers negative values with round ticks through zero', () => {
    const s = niceScale(-1250, 800);
    expect(s.min).toBe(-1500);
    expect(s.max).toBe(1000);
    expect(s.ticks).toContain(0);
    expect(s.ticks[0]).toBe(-1500);
    expect(s.ticks[s.ticks.length - 1]).toBe(1000);
    // Reversed bounds mean the same range.
    expect(niceScale(800, -1250)).toEqual(s);
  });
});

describe('scales and extents', () => {
  it('maps the domain ends onto the range ends, upside down for y', () => {
    const y = linearScale(-10, 30, 200, 0);
    expect(y(-10)).toBe(200);
    expect(y(30)).toBe(0);
    expect(y(0)).toBe(150);
  });

  it('puts every value of an empty domain in the middle', () => {
    const x = linearScale(5, 5, 10, 110);
    expect(x(5)).toBe(60);
    expect(x(7)).toBe(60);
  });

  it('finds the smallest and largest finite values', () => {
    expect(extent([3, undefined, -2, NaN, 8, Infinity])).toEqual([-2, 8]);
    expect(extent([undefined, NaN])).toBeUndefined();
    expect(extent([4])).toEqual([4, 4]);
  });

  it('anchors labels near an edge towards the inside', () => {
    expect(anchorFor(5, 300)).toBe('start');
    expect(anchorFor(150, 300)).toBe('middle');
    expect(anchorFor(295, 300)).toBe('end');
  });

  it('draws a line chart of negative values below a zero line', () => {
    const g = lineChartGeometry({
      id: 'n',
      title: 'Balance',
      xLabels: ['Start', 'Oct', 'Nov'],
      xTitle: 'Month',
      yTitle: 'Balance',
      series: [{ label: 'Balance', values: [0, -30, 20], marker: 'circle' }],
    });
    expect(g.y.min).toBeLessThanOrEqual(-30);
    const zero = g.y.ticks.find((t) => t.value === 0)!;
    const pts = g.lines[0]!.points;
    expect(pts[1]!.y).toBeGreaterThan(zero.pos);
    expect(pts[2]!.y).toBeLessThan(zero.pos);
  });

  it('leaves a gap where a value is missing instead of bridging it', () => {
    const g = lineChartGeometry({
      id: 'g',
      title: 'Two runs',
      xLabels: ['start', 'T1', 'T2', 'T3'],
      xTitle: 'Turn',
      yTitle: 'Score',
      series: [{ label: 'A', values: [1, undefined, 3, 4], marker: 'circle' }],
    });
    expect(g.lines[0]!.points.map((p) => p.index)).toEqual([0, 2, 3]);
    expect(g.lines[0]!.d.match(/M/g)).toHaveLength(2);
  });
});

describe('bins', () => {
  it('puts every value in exactly one bin of a nice width', () => {
    const values = [0, 3, 7, 7, 12, 19, 20, 41];
    const h = countBins(values, 5);
    expect(h.width).toBe(10);
    expect(h.start).toBe(0);
    expect(h.counts).toEqual([4, 2, 1, 0, 1]);
    expect(h.counts.reduce((a, b) => a + b, 0)).toBe(values.length);
    // The largest value sits in the last bin, not one past it.
    const ranges = binRanges(h);
    expect(ranges[ranges.length - 1]).toEqual({ lo: 40, hi: 50, count: 1 });
  });

  it('centres whole numbers one to a bin', () => {
    const h = countBins([2, 3, 3, 5], 24);
    expect(h.width).toBe(1);
    expect(h.start).toBe(1.5);
    expect(h.counts).toEqual([1, 2, 0, 1]);
    expect(binText(binRanges(h)[1]!)).toBe('3');
  });

  it('gives all-equal values a single bin and negative values bins below zero', () => {
    expect(countBins([7, 7, 7])).toMatchObject({ counts: [3], min: 7, max: 7 });
    const neg = countBins([-4.5, -0.5, 0.5], 4);
    expect(neg.start).toBeLessThanOrEqual(-4.5);
    expect(neg.counts.reduce((a, b) => a + b, 0)).toBe(3);
    expect(countBins([])).toMatchObject({ counts: [] });
  });

  it('says a range in words', () => {
    expect(binText({ lo: 10, hi: 15, count: 2 })).toBe('10 to 15');
    expect(binText({ lo: 4, hi: 4, count: 9 })).toBe('4');
  });
});

describe('histogram layout', () => {
  const spec = (over: Partial<HistogramSpec> = {}): HistogramSpec => ({
    title: 'Score',
    desc: 'Score over 9 runs.',
    bins: [
      { lo: 0, hi: 10, count: 2 },
      { lo: 10, hi: 20, count: 6 },
      { lo: 20, hi: 30, count: 1 },
    ],
    min: 1,
    max: 28,
    unit: ['run', 'runs'],
    ...over,
  });

  it('draws the tallest bin to the top of the plot and every bar on the axis', () => {
    const g = histogramGeometry(spec());
    expect(g.bars[1]!.y).toBeCloseTo(g.axis.top);
    for (const b of g.bars) {
      expect(b.y + b.h).toBeCloseTo(g.axis.y);
      expect(b.x).toBeGreaterThanOrEqual(g.axis.left);
      expect(b.x + b.w).toBeLessThanOrEqual(g.axis.right);
    }
    expect(g.bars[0]!.h).toBeCloseTo((g.bars[1]!.h * 2) / 6);
  });

  it('widens the axis to take in a mark outside the bins, and keeps it inside the frame', () => {
    const g = histogramGeometry(spec({ marks: [{ value: 45, kind: 'mine', text: '▼ You' }] }));
    const mine = g.marks[0]!;
    expect(mine.x).toBeCloseTo(g.axis.right);
    expect(mine.anchor).toBe('end');
    expect(g.axis.max).toBe(45);
  });

  it('keeps the end values inside the frame on a narrow chart', () => {
    const g = histogramGeometry(spec());
    const [lo, hi] = g.ends;
    expect(lo!.anchor).toBe('start');
    expect(lo!.x).toBeGreaterThanOrEqual(g.axis.left);
    expect(hi!.anchor).toBe('end');
    expect(hi!.x).toBeLessThanOrEqual(g.axis.right);
  });

  it('draws a single all-equal bin as one bar in the middle with one end label', () => {
    const g = histogramGeometry(spec({ bins: [{ lo: 50, hi: 50, count: 9 }], min: 50, max: 50 }));
    expect(g.bars).toHaveLength(1);
    const b = g.bars[0]!;
    expect(b.x + b.w / 2).toBeCloseTo((g.axis.left + g.axis.right) / 2);
    expect(b.w).toBeGreaterThan(1);
    expect(g.ends).toHaveLength(1);
    expect(g.ends[0]!.x).toBeCloseTo((g.axis.left + g.axis.right) / 2);
  });
});

describe('tornado layout', () => {
  const row = (key: string, low: number, high: number): TornadoRow => ({
    key,
    label: key,
    short: key,
    low,
    central: 10,
    high,
    swing: Math.abs(high - low),
  });

  it('sorts rows by swing, largest first, ties by key', () => {
    const rows = sortBySwing([row('b', 9, 11), row('a', 4, 20), row('c', 11, 9)]);
    expect(rows.map((r) => r.key)).toEqual(['a', 'b', 'c']);
  });

  it('centres bars on the central value with the widest swing filling the frame', () => {
    const g = tornadoGeometry([row('a', 4, 16), row('b', 12, 8)]);
    const [a, b] = g.rows;
    expect(a!.xLow).toBeCloseTo(250);
    expect(a!.xHigh).toBeCloseTo(720 - 110);
    // A figure that lowers the outcome at its high value draws its high bar to the left.
    expect(b!.xHigh).toBeLessThan(g.centreX);
    expect(b!.xLow).toBeGreaterThan(g.centreX);
    expect(g.rows[1]!.y).toBeGreaterThan(g.rows[0]!.y);
  });
});

describe('numbers in words', () => {
  it('groups thousands, keeps one decimal and signs changes', () => {
    expect(formatNumber(12345)).toBe('12,345');
    expect(formatNumber(12.46)).toBe('12.5');
    expect(formatNumber(undefined)).toBe('–');
    expect(signed(3)).toBe('+3');
    expect(signed(-2.5)).toBe('−2.5');
    expect(signed(0)).toBe('0');
    expect(formatAxis(-12500)).toBe('-12.5k');
  });
});
