/**
 * Tornado chart: how far one outcome moves when each uncertain figure goes from its low to its
 * high value, the others held central. Rows are sorted by that swing, largest first, so the
 * figure that matters most is on top. Geometry is pure; the SVG is built from it.
 */
import { formatNumber, signed } from './format';
import { linearScale } from './scale';
import { chartFrame, svg } from './svg';

export interface TornadoRow {
  /** Tie-break key for the sort (stable order between equal swings). */
  key: string;
  /** The row in words, for its tooltip and the description. */
  label: string;
  /** The row's short label drawn beside its bars ("10,000–12,000 soldiers"). */
  short: string;
  low: number;
  central: number;
  high: number;
  /** |high - low|. */
  swing: number;
}

/** Largest swing first; equal swings in key order. */
export function sortBySwing<T extends TornadoRow>(rows: readonly T[]): T[] {
  return [...rows].sort((a, b) => b.swing - a.swing || a.key.localeCompare(b.key));
}

export interface TornadoGeometry {
  width: number;
  height: number;
  centreX: number;
  rows: (TornadoRow & { y: number; xLow: number; xHigh: number })[];
}

export interface TornadoLayout {
  width: number;
  rowHeight: number;
  top: number;
  left: number;
  right: number;
  /** Row labels over their bars (a phone) rather than left of them. */
  labelAbove: boolean;
}

export const TORNADO: TornadoLayout = {
  width: 720,
  rowHeight: 56,
  top: 34,
  left: 250,
  right: 110,
  labelAbove: false,
};
/** A phone's layout: near its own width, each row's label above its bars, so text stays large. */
export const TORNADO_NARROW: TornadoLayout = {
  width: 360,
  rowHeight: 70,
  top: 34,
  left: 12,
  right: 70,
  labelAbove: true,
};

export function tornadoLayoutFor(boxWidth: number): TornadoLayout {
  return boxWidth < 560 ? TORNADO_NARROW : TORNADO;
}

/** Bars from the central value to each end, on one scale wide enough for the largest swing. */
export function tornadoGeometry(
  rows: readonly TornadoRow[],
  layout: TornadoLayout = TORNADO,
): TornadoGeometry {
  const { width, rowHeight, top, left, right } = layout;
  const central = rows[0]?.central ?? 0;
  let span = 0;
  for (const r of rows)
    span = Math.max(span, Math.abs(r.low - central), Math.abs(r.high - central));
  if (span === 0) span = 1;
  const x = linearScale(central - span, central + span, left, width - right);
  return {
    width,
    height: top + rows.length * rowHeight + 10,
    centreX: x(central),
    rows: rows.map((r, i) => ({ ...r, y: top + i * rowHeight, xLow: x(r.low), xHigh: x(r.high) })),
  };
}

export function renderTornado(
  title: string,
  desc: string,
  rows: readonly TornadoRow[],
  layout: TornadoLayout = TORNADO,
  className = '',
): SVGSVGElement {
  const g = tornadoGeometry(rows, layout);
  const root = chartFrame(g.width, g.height, title, desc, `chart-svg tornado ${className}`.trim());
  root.append(
    svg(
      'text',
      { x: g.centreX, y: 18, class: 'tick', 'text-anchor': 'middle' },
      `central ${formatNumber(rows[0]?.central ?? 0)}`,
    ),
    svg('line', { x1: g.centreX, x2: g.centreX, y1: 24, y2: g.height - 4, class: 'axis' }),
  );
  const bh = layout.rowHeight * (layout.labelAbove ? 0.4 : 0.5);
  for (const r of g.rows) {
    const y = layout.labelAbove
      ? r.y + layout.rowHeight - bh - 6
      : r.y + (layout.rowHeight - bh) / 2;
    root.append(
      svg(
        'text',
        layout.labelAbove
          ? { x: layout.left, y: y - 8, class: 'rowlabel', 'text-anchor': 'start' }
          : { x: layout.left - 10, y: y + bh / 2 + 6, class: 'rowlabel', 'text-anchor': 'end' },
        svg('title', {}, r.label),
        r.short,
      ),
    );
    const seg = (x: number, cls: string, label: string) =>
      root.append(
        svg(
          'rect',
          {
            x: Math.min(x, g.centreX),
            y,
            width: Math.max(2, Math.abs(x - g.centreX)),
            height: bh,
            class: cls,
          },
          svg('title', {}, label),
        ),
      );
    seg(r.xLow, 'bar-low', `low value: median ${formatNumber(r.low)}`);
    seg(r.xHigh, 'bar-high', `high value: median ${formatNumber(r.high)}`);
    root.append(
      svg(
        'text',
        { x: layout.width - 4, y: y + bh / 2 + 6, class: 'tick', 'text-anchor': 'end' },
        signed(r.high - r.low),
      ),
    );
  }
  return root;
}
