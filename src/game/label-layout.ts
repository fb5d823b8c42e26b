/**
 * Where the map's passing labels go (loss cards over the sectors, delivery labels in the route
 * inset) so that they cover nothing a person reads: not each other, not a town, city or sector
 * name, not a unit marker or its count. Pure geometry on axis-aligned boxes, tested on its own.
 */

export interface Box {
  left: number;
  top: number;
  right: number;
  bottom: number;
}

/** The box of a w×h label whose top edge is centred on (x, y). */
export const boxBelow = (x: number, y: number, w: number, h: number): Box => ({
  left: x - w / 2,
  top: y,
  right: x + w / 2,
  bottom: y + h,
});

export function overlapArea(a: Box, b: Box): number {
  const w = Math.min(a.right, b.right) - Math.max(a.left, b.left);
  const h = Math.min(a.bottom, b.bottom) - Math.max(a.top, b.top);
  return w > 0 && h > 0 ? w * h : 0;
}

/** The part of `a` outside `bounds`. */
function outside(a: Box, bounds: Box): number {
  return (a.right - a.left) * (a.bottom - a.top) - overlapArea(a, bounds);
}

/** One label to place: its candidate boxes, best first, and the one it used last (kept if still clear). */
export interface LabelToPlace {
  candidates: Box[];
  previous?: number | undefined;
}

/**
 * Chooses a candidate for each label, in order: a label keeps its previous place while that is
 * clear, else takes the first clear candidate (inside `bounds`, over no obstacle and no label
 * placed before it); when none is clear, the one covering least (another label or the part off
 * the view counts four times, an obstacle once). Returns the chosen index per label.
 */
export function placeLabels(labels: LabelToPlace[], obstacles: Box[], bounds?: Box): number[] {
  const placed: Box[] = [];
  const cost = (b: Box): number => {
    let c = 0;
    for (const o of obstacles) c += overlapArea(b, o);
    for (const p of placed) c += 4 * overlapArea(b, p);
    if (bounds) c += 4 * outside(b, bounds);
    return c;
  };
  return labels.map((l) => {
    let best = -1;
    let bestCost = Infinity;
    const prev = l.previous;
    if (prev !== undefined && l.candidates[prev] && cost(l.candidates[prev]) === 0) best = prev;
    else
      for (let i = 0; i < l.candidates.length; i++) {
        const c = cost(l.candidates[i]!);
        if (c < bestCost) {
          best = i;
          bestCost = c;
          if (c === 0) break;
        }
      }
    if (best >= 0) placed.push(l.candidates[best]!);
    return best;
  });
}

/**
 * Candidate places for a w×h card beside groups of boxes (a sector's unit markers, side by side),
 * best first: right above, below, beside each group; then the same half a card sideways; then a
 * card's height further out, and again.
 */
export function placesAround(groups: Box[], w: number, h: number, gap: number): Box[] {
  const out: Box[] = [];
  for (const far of [0, h + gap, 2 * (h + gap)])
    for (const shift of [0, -w / 2, w / 2])
      for (const g of groups) {
        const cx = (g.left + g.right) / 2 + shift;
        const cy =
          (g.top + g.bottom) / 2 - h / 2 + (shift === 0 ? 0 : Math.sign(shift) * (h / 2 + gap));
        out.push(boxBelow(cx, g.top - gap - h - far, w, h));
        out.push(boxBelow(cx, g.bottom + gap + far, w, h));
        out.push({
          left: g.right + gap + far,
          top: cy,
          right: g.right + gap + far + w,
          bottom: cy + h,
        });
        out.push({
          left: g.left - gap - far - w,
          top: cy,
          right: g.left - gap - far,
          bottom: cy + h,
        });
      }
  return out;
}

/** Most places the last-resort grid lists (a tiny label over a large view stays cheap). */
export const MAX_VIEW_PLACES = 400;

/**
 * Every place for a w×h label on a grid over `view` (half a label apart, coarser when that would
 * list more than MAX_VIEW_PLACES): the last resort. A label not yet measured (no width or height)
 * has no place: a zero step would never end the grid.
 */
export function placesInView(view: Box, w: number, h: number): Box[] {
  const out: Box[] = [];
  if (!(w > 0) || !(h > 0)) return out;
  const cols = Math.max(1, Math.floor((view.right - view.left - w) / (w / 2)) + 1);
  const rows = Math.max(1, Math.floor((view.bottom - view.top - h) / (h / 2)) + 1);
  const thin = Math.max(1, Math.sqrt((cols * rows) / MAX_VIEW_PLACES));
  const dx = (w / 2) * thin;
  const dy = (h / 2) * thin;
  for (let top = view.top; top + h <= view.bottom && out.length < MAX_VIEW_PLACES; top += dy)
    for (let left = view.left; left + w <= view.right && out.length < MAX_VIEW_PLACES; left += dx)
      out.push({ left, top, right: left + w, bottom: top + h });
  return out;
}

/** The point of `b` nearest to `p` (where a leader line from `p` meets the label). */
export function nearestPoint(b: Box, p: { x: number; y: number }): { x: number; y: number } {
  return {
    x: Math.min(b.right, Math.max(b.left, p.x)),
    y: Math.min(b.bottom, Math.max(b.top, p.y)),
  };
}
