/**
 * The DOM side shared by every chart: SVG elements (createElementNS and textContent only, never
 * HTML strings), the accessible frame (role="img" named by a <title>, described by a <desc>),
 * marker shapes, and the table of numbers that goes beside every chart.
 */
import './charts.css';
import { h } from '../ui/dom';

const SVG_NS = 'http://www.w3.org/2000/svg';

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

let uid = 0;

/**
 * An SVG image of the given size, named by `title` and described by `desc` for screen readers;
 * `id` prefixes their element ids (`<id>-title`, `<id>-desc`), a unique one when not given.
 */
export function chartFrame(
  width: number,
  height: number,
  title: string,
  desc: string,
  className: string,
  id = `chart-${++uid}`,
): SVGSVGElement {
  return svg(
    'svg',
    {
      viewBox: `0 0 ${width} ${height}`,
      role: 'img',
      'aria-labelledby': `${id}-title ${id}-desc`,
      class: className,
      preserveAspectRatio: 'xMidYMid meet',
    },
    svg('title', { id: `${id}-title` }, title),
    svg('desc', { id: `${id}-desc` }, desc),
  );
}

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

/**
 * The numbers of a chart as a table, folded in a <details> beside it: for anyone who cannot see
 * the bars or lines, or wants the exact values. The first cell of each row heads the row.
 */
export function dataTable(
  caption: string,
  head: readonly string[],
  rows: readonly (readonly string[])[],
): HTMLDetailsElement {
  return h(
    'details',
    { class: 'chart-data' },
    h('summary', {}, 'Show the numbers as a table'),
    h(
      'table',
      { class: 'chart-table' },
      h('caption', {}, caption),
      h('thead', {}, h('tr', {}, ...head.map((c) => h('th', { scope: 'col' }, c)))),
      h(
        'tbody',
        {},
        ...rows.map(([first = '', ...rest]) =>
          h('tr', {}, h('th', { scope: 'row' }, first), ...rest.map((c) => h('td', {}, c))),
        ),
      ),
    ),
  );
}
