/**
 * The DOM side shared by every chart: SVG elements (createElementNS and textContent only, never
 * HTML strings), the accessible frame (role="img" named by a <title>, described by a <desc>),
 * marker shapes, and the table of numbers that goes beside every chart.
 */

const SVG_NS = 'http://www.w3.org/2000/svg';

type Attrs = Record<string, string | number | undefined>;
type Child = Node | string | null;

// The module builds its own few elements rather than importing a page's DOM helper, so a page
// that loads a chart loads nothing else with it (the game's helper pulls in its text module).
function build<E extends Element>(el: E, attrs: Attrs, children: Child[]): E {
  for (const [k, v] of Object.entries(attrs)) if (v !== undefined) el.setAttribute(k, String(v));
  for (const c of children) if (c !== null) el.append(c);
  return el;
}

export function svg<K extends keyof SVGElementTagNameMap>(
  tag: K,
  attrs: Attrs = {},
  ...children: Child[]
): SVGElementTagNameMap[K] {
  return build(document.createElementNS(SVG_NS, tag), attrs, children);
}

export function html<K extends keyof HTMLElementTagNameMap>(
  tag: K,
  attrs: Attrs = {},
  ...children: Child[]
): HTMLElementTagNameMap[K] {
  return build(document.createElement(tag), attrs, children);
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

/**
 * The numbers of a chart as a table, folded in a <details> beside it: for anyone who cannot see
 * the bars or lines, or wants the exact values. The first cell of each row heads the row. The
 * table is built when first opened, so a board of many charts does not build hundreds of rows
 * that nobody opens.
 */
export function dataTable(
  caption: string,
  head: readonly string[],
  /** The rows, asked for when the table is first opened. */
  rows: () => readonly (readonly string[])[],
): HTMLDetailsElement {
  const details = html(
    'details',
    { class: 'chart-data' },
    html('summary', {}, 'Show the numbers as a table'),
  );
  const table = () =>
    html(
      'table',
      { class: 'chart-table' },
      html('caption', {}, caption),
      html('thead', {}, html('tr', {}, ...head.map((c) => html('th', { scope: 'col' }, c)))),
      html(
        'tbody',
        {},
        ...rows().map(([first = '', ...rest]) =>
          html(
            'tr',
            {},
            html('th', { scope: 'row' }, first),
            ...rest.map((c) => html('td', {}, c)),
          ),
        ),
      ),
    );
  details.addEventListener('toggle', () => {
    if (details.open && !details.querySelector('table')) details.append(table());
  });
  return details;
}
