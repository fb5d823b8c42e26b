/**
 * Charts drawn as plain SVG (no chart library to load): a histogram with "you are here" markers
 * and a two-line chart for comparing runs turn by turn. Each chart has a text summary for screen
 * readers (title + desc) and for the projector (a caption under it).
 */
import { fmt, h, s } from './dom';
import { distribution, standingCounts, type Distribution, type Sorted } from './stats';

export interface Marker {
  value: number;
  label: string;
  /** Where the value stands, in words (when the chart has bins only, not the values). */
  where?: string;
}

let uid = 0;

const W = 320;
const H = 150;
const PAD = { left: 8, right: 8, top: 22, bottom: 30 };

function xScale(d: Distribution): (v: number) => number {
  const span = d.max - d.min;
  const inner = W - PAD.left - PAD.right;
  return (v) => PAD.left + (span === 0 ? inner / 2 : ((v - d.min) / span) * inner);
}

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
  const id = `chart-${++uid}`;
  const x = xScale(d);
  const maxCount = Math.max(1, ...d.bins.map((b) => b.count));
  const plotH = H - PAD.top - PAD.bottom;
  const inner = W - PAD.left - PAD.right;

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

  const svg = s('svg', {
    viewBox: `0 0 ${W} ${H}`,
    role: 'img',
    'aria-labelledby': `${id}-t ${id}-d`,
    class: 'chart histogram',
    preserveAspectRatio: 'xMidYMid meet',
  });
  svg.append(s('title', { id: `${id}-t` }, title), s('desc', { id: `${id}-d` }, summary));

  const barW = d.bins.length > 0 ? inner / d.bins.length : inner;
  d.bins.forEach((b, i) => {
    const bh = (b.count / maxCount) * plotH;
    const rect = s('rect', {
      x: (PAD.left + i * barW + 1).toFixed(1),
      y: (PAD.top + plotH - bh).toFixed(1),
      width: Math.max(1, barW - 2).toFixed(1),
      height: Math.max(b.count > 0 ? 1 : 0, bh).toFixed(1),
      class: 'bar',
    });
    rect.append(
      s('title', {}, `${b.count} run${b.count === 1 ? '' : 's'} from ${fmt(b.lo)} to ${fmt(b.hi)}`),
    );
    svg.append(rect);
  });
  // Axis with min, median and max.
  const axisY = PAD.top + plotH;
  svg.append(s('line', { x1: PAD.left, x2: W - PAD.right, y1: axisY, y2: axisY, class: 'axis' }));
  if (d.n > 0) {
    svg.append(
      s('text', { x: PAD.left, y: H - 8, class: 'tick', 'text-anchor': 'start' }, fmt(d.min)),
      s('text', { x: W - PAD.right, y: H - 8, class: 'tick', 'text-anchor': 'end' }, fmt(d.max)),
    );
    if (d.max > d.min) {
      const mx = x(d.median);
      svg.append(s('line', { x1: mx, x2: mx, y1: axisY, y2: axisY + 5, class: 'axis' }));
      // The median's label only where it does not run into the min and max labels.
      if (mx - PAD.left > 90 && W - PAD.right - mx > 90)
        svg.append(
          s(
            'text',
            { x: mx, y: H - 8, class: 'tick median', 'text-anchor': 'middle' },
            `median ${fmt(d.median)}`,
          ),
        );
    }
  }
  // "You are here".
  markers.slice(0, 3).forEach((m, i) => {
    // Several markers share one label (the first); the caption lists every value.
    const mx = x(m.value);
    svg.append(s('line', { x1: mx, x2: mx, y1: PAD.top - 4, y2: axisY, class: 'marker' }));
    const anchor = mx < W * 0.2 ? 'start' : mx > W * 0.8 ? 'end' : 'middle';
    svg.append(
      s(
        'text',
        { x: mx, y: 14, class: 'marker-label', 'text-anchor': anchor },
        i === 0 ? `▼ ${m.label}` : '▼',
      ),
    );
  });

  return h(
    'figure',
    { class: 'chart-figure' },
    h('figcaption', { class: 'chart-title' }, title),
    svg,
    h('p', { class: 'chart-summary' }, summary),
  );
}

export interface Series {
  label: string;
  values: (number | undefined)[];
  className: string;
}

/** Lines over turns (x = index of `xLabels`), for comparing two runs. */
export function lineChart(title: string, xLabels: string[], series: Series[]): HTMLElement {
  const id = `chart-${++uid}`;
  const w = 640;
  const hgt = 240;
  const pad = { left: 56, right: 12, top: 12, bottom: 36 };
  const all = series.flatMap((se) =>
    se.values.filter((v): v is number => v !== undefined && Number.isFinite(v)),
  );
  const lo = Math.min(0, ...all);
  const hi = Math.max(lo + 1, ...all);
  const xs = (i: number) =>
    pad.left + (xLabels.length <= 1 ? 0 : (i / (xLabels.length - 1)) * (w - pad.left - pad.right));
  const ys = (v: number) => pad.top + (1 - (v - lo) / (hi - lo)) * (hgt - pad.top - pad.bottom);
  const svg = s('svg', {
    viewBox: `0 0 ${w} ${hgt}`,
    role: 'img',
    'aria-labelledby': `${id}-t`,
    class: 'chart lines',
  });
  svg.append(
    s(
      'title',
      { id: `${id}-t` },
      `${title}: ${series.map((se) => `${se.label} ends at ${fmt(se.values[se.values.length - 1])}`).join('; ')}`,
    ),
  );
  svg.append(s('line', { x1: pad.left, x2: w - pad.right, y1: ys(lo), y2: ys(lo), class: 'axis' }));
  svg.append(s('line', { x1: pad.left, x2: pad.left, y1: pad.top, y2: ys(lo), class: 'axis' }));
  svg.append(
    s('text', { x: pad.left - 6, y: ys(hi) + 4, class: 'tick', 'text-anchor': 'end' }, fmt(hi)),
  );
  svg.append(
    s('text', { x: pad.left - 6, y: ys(lo), class: 'tick', 'text-anchor': 'end' }, fmt(lo)),
  );
  const step = Math.max(1, Math.ceil(xLabels.length / 8));
  xLabels.forEach((l, i) => {
    if (i % step === 0 || i === xLabels.length - 1)
      svg.append(s('text', { x: xs(i), y: hgt - 12, class: 'tick', 'text-anchor': 'middle' }, l));
  });
  for (const se of series) {
    const pts = se.values
      .map((v, i) =>
        v === undefined || !Number.isFinite(v) ? null : `${xs(i).toFixed(1)},${ys(v).toFixed(1)}`,
      )
      .filter((p): p is string => p !== null);
    svg.append(
      s('polyline', { points: pts.join(' '), class: `line ${se.className}`, fill: 'none' }),
    );
    se.values.forEach((v, i) => {
      if (v === undefined) return;
      const c = s('circle', {
        cx: xs(i).toFixed(1),
        cy: ys(v).toFixed(1),
        r: 3.5,
        class: `dot ${se.className}`,
      });
      c.append(s('title', {}, `${se.label}, ${xLabels[i]}: ${fmt(v)}`));
      svg.append(c);
    });
  }
  const legend = h(
    'ul',
    { class: 'legend' },
    ...series.map((se) =>
      h('li', {}, h('span', { class: `swatch ${se.className}`, 'aria-hidden': 'true' }), se.label),
    ),
  );
  return h(
    'figure',
    { class: 'chart-figure wide' },
    h('figcaption', { class: 'chart-title' }, title),
    svg,
    legend,
  );
}
