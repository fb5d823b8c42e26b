/**
 * Map geometry: read from assets/map/kursk.svg (the single source of the map's shapes), plus the
 * plane geometry the renderer needs (areas, clipping, hatching, paths). No Phaser here: these are
 * plain functions over points, usable in any test.
 *
 * The SVG keeps to a small subset the parser understands: <rect>, <polygon>, <polyline>,
 * <circle> and <text> with plain coordinates, grouped under <g id="main"> and <g id="inset">.
 */

export interface Pt {
  x: number;
  y: number;
}

export type ShapeKind = 'rect' | 'polygon' | 'polyline' | 'circle' | 'text';

export interface MapShape {
  kind: ShapeKind;
  id: string;
  /** The SVG class, which selects the style (theme.ts MAP_STYLE). */
  cls: string;
  points: Pt[];
  /** circle: centre in points[0]; rect: top-left in points[0]. */
  r: number;
  w: number;
  h: number;
  text: string;
  anchor: 'start' | 'middle' | 'end';
  /** A town label that names a front sector: the renderer replaces it with the sector's chip. */
  sector: string | null;
}

export interface SectorGeometry {
  /** Scenario sector id, e.g. "sudzha" (the SVG id is "sector-sudzha"). */
  id: string;
  name: string;
  points: Pt[];
  /** From the Ukrainian-held end to the Russian-held end: control grows along it. */
  axis: { from: Pt; to: Pt };
  /** Where the sector's name and control chip sits (outside the sector). */
  label: Pt;
  /** The same on narrow screens (chips above and below the front, not beside it). */
  labelNarrow: Pt;
  /** The town the sector is named after, if the map has one. */
  town: Pt | null;
}

export interface MapGeometry {
  width: number;
  height: number;
  main: MapShape[];
  inset: { width: number; height: number; shapes: MapShape[] };
  sectors: SectorGeometry[];
  /** Places in the inset, by name: pyongyang, wonsan, vladivostok, moscow, kursk. */
  places: Record<string, Pt>;
  /** The route in the inset: the sea leg (Wonsan → Vladivostok) then the rail leg (→ Kursk). */
  route: { sea: Pt[]; rail: Pt[] };
  /** Towns on the main map, by name. */
  towns: Record<string, Pt>;
}

export const SECTOR_PREFIX = 'sector-';

/** The scenario's sector ids the map draws (DESIGN: the historical scenario's four sectors). */
export const MAP_SECTOR_IDS = ['korenevo', 'sudzha', 'malaya-loknya', 'plekhovo'] as const;

// ---------------------------------------------------------------------------------------------
// Parsing
// ---------------------------------------------------------------------------------------------

export function parsePoints(s: string | null): Pt[] {
  if (!s) return [];
  const nums = s
    .trim()
    .split(/[\s,]+/)
    .filter((t) => t.length > 0)
    .map(Number);
  const pts: Pt[] = [];
  for (let i = 0; i + 1 < nums.length; i += 2)
    pts.push({ x: nums[i] as number, y: nums[i + 1] as number });
  return pts;
}

function num(el: Element, attr: string): number {
  const v = Number(el.getAttribute(attr) ?? '0');
  return Number.isFinite(v) ? v : 0;
}

function parseShape(el: Element): MapShape | null {
  const kind = el.localName as ShapeKind;
  const base: MapShape = {
    kind,
    id: el.getAttribute('id') ?? '',
    cls: el.getAttribute('class') ?? '',
    points: [],
    r: 0,
    w: 0,
    h: 0,
    text: '',
    anchor: 'start',
    sector: el.getAttribute('data-sector'),
  };
  switch (kind) {
    case 'rect':
      return {
        ...base,
        points: [{ x: num(el, 'x'), y: num(el, 'y') }],
        w: num(el, 'width'),
        h: num(el, 'height'),
      };
    case 'polygon':
    case 'polyline':
      return { ...base, points: parsePoints(el.getAttribute('points')) };
    case 'circle':
      return { ...base, points: [{ x: num(el, 'cx'), y: num(el, 'cy') }], r: num(el, 'r') };
    case 'text': {
      const a = el.getAttribute('text-anchor');
      return {
        ...base,
        points: [{ x: num(el, 'x'), y: num(el, 'y') }],
        text: (el.textContent ?? '').trim(),
        anchor: a === 'middle' || a === 'end' ? a : 'start',
      };
    }
    default:
      return null;
  }
}

function shapesUnder(group: Element | null): MapShape[] {
  if (!group) return [];
  const out: MapShape[] = [];
  for (const el of Array.from(group.querySelectorAll('rect, polygon, polyline, circle, text'))) {
    const s = parseShape(el);
    if (s) out.push(s);
  }
  return out;
}

function pair(s: string | null, fallback: Pt): Pt {
  const p = parsePoints(s);
  return p[0] ?? fallback;
}

/** Reads the map from the parsed SVG document (Phaser's XML loader hands us one). */
export function parseMapSvg(doc: Document): MapGeometry {
  const svg = doc.documentElement;
  const vb = parsePoints(svg.getAttribute('viewBox'));
  const width = vb[1]?.x ?? num(svg, 'width');
  const height = vb[1]?.y ?? num(svg, 'height');

  const mainGroup = doc.getElementById('main') ?? svg;
  const insetGroup = doc.getElementById('inset');
  const main = shapesUnder(mainGroup);
  const insetShapes = shapesUnder(insetGroup);
  const frame = insetShapes.find((s) => s.id === 'inset-frame');

  const towns: Record<string, Pt> = {};
  for (const s of main) {
    if (s.kind === 'circle' && s.id.startsWith('town-') && s.points[0])
      towns[s.id.slice(5)] = s.points[0];
  }

  const sectors: SectorGeometry[] = [];
  for (const el of Array.from(doc.querySelectorAll('polygon[id^="sector-"]'))) {
    const id = (el.getAttribute('id') ?? '').slice(SECTOR_PREFIX.length);
    const points = parsePoints(el.getAttribute('points'));
    const c = centroid(points);
    const axisPts = parsePoints(el.getAttribute('data-axis'));
    sectors.push({
      id,
      name: el.getAttribute('data-name') ?? id,
      points,
      axis: { from: axisPts[0] ?? c, to: axisPts[1] ?? { x: c.x, y: c.y - 1 } },
      label: pair(el.getAttribute('data-label'), c),
      labelNarrow: pair(
        el.getAttribute('data-label-narrow'),
        pair(el.getAttribute('data-label'), c),
      ),
      town: towns[id] ?? null,
    });
  }

  const places: Record<string, Pt> = {};
  for (const s of insetShapes) {
    if (s.kind === 'circle' && s.id.startsWith('place-') && s.points[0])
      places[s.id.slice(6)] = s.points[0];
  }

  return {
    width,
    height,
    main: main
      .filter((s) => !s.id.startsWith(SECTOR_PREFIX))
      .map((s) => extendBeyondEdges(s, width, height)),
    inset: { width: frame?.w ?? 0, height: frame?.h ?? 0, shapes: insetShapes },
    sectors,
    places,
    route: {
      sea: insetShapes.find((s) => s.id === 'route-sea')?.points ?? [],
      rail: insetShapes.find((s) => s.id === 'route-rail')?.points ?? [],
    },
    towns,
  };
}

/**
 * Pushes shapes that touch the map's edge outward, so that a view larger than the map shows land,
 * borders and rivers running on instead of a hard edge.
 */
export function extendBeyondEdges(
  shape: MapShape,
  width: number,
  height: number,
  by = 3000,
): MapShape {
  const onEdge = (p: Pt): boolean =>
    p.x <= 0.5 || p.y <= 0.5 || p.x >= width - 0.5 || p.y >= height - 0.5;
  if (shape.kind === 'polygon') {
    return {
      ...shape,
      points: shape.points.map((p) => ({
        x: p.x <= 0.5 ? p.x - by : p.x >= width - 0.5 ? p.x + by : p.x,
        y: p.y <= 0.5 ? p.y - by : p.y >= height - 0.5 ? p.y + by : p.y,
      })),
    };
  }
  if (shape.kind === 'polyline' && shape.points.length >= 2) {
    const pts = shape.points.slice();
    const out = (end: Pt, prev: Pt): Pt => {
      const d = Math.hypot(end.x - prev.x, end.y - prev.y) || 1;
      return { x: end.x + ((end.x - prev.x) / d) * by, y: end.y + ((end.y - prev.y) / d) * by };
    };
    if (onEdge(pts[0] as Pt)) pts.unshift(out(pts[0] as Pt, pts[1] as Pt));
    const n = pts.length;
    if (onEdge(pts[n - 1] as Pt)) pts.push(out(pts[n - 1] as Pt, pts[n - 2] as Pt));
    return { ...shape, points: pts };
  }
  if (shape.kind === 'rect' && shape.id === 'background') {
    return { ...shape, points: [{ x: -by, y: -by }], w: width + 2 * by, h: height + 2 * by };
  }
  return shape;
}

// ---------------------------------------------------------------------------------------------
// Plane geometry
// ---------------------------------------------------------------------------------------------

export function polygonArea(pts: readonly Pt[]): number {
  let a = 0;
  for (let i = 0, j = pts.length - 1; i < pts.length; j = i++) {
    const p = pts[i] as Pt;
    const q = pts[j] as Pt;
    a += (q.x + p.x) * (q.y - p.y);
  }
  return Math.abs(a) / 2;
}

export function centroid(pts: readonly Pt[]): Pt {
  let a = 0;
  let cx = 0;
  let cy = 0;
  for (let i = 0, j = pts.length - 1; i < pts.length; j = i++) {
    const p = pts[i] as Pt;
    const q = pts[j] as Pt;
    const f = q.x * p.y - p.x * q.y;
    a += f;
    cx += (q.x + p.x) * f;
    cy += (q.y + p.y) * f;
  }
  if (Math.abs(a) < 1e-9) {
    const n = Math.max(1, pts.length);
    return { x: pts.reduce((s, p) => s + p.x, 0) / n, y: pts.reduce((s, p) => s + p.y, 0) / n };
  }
  return { x: cx / (3 * a), y: cy / (3 * a) };
}

export function bounds(pts: readonly Pt[]): { x: number; y: number; w: number; h: number } {
  let minX = Infinity;
  let minY = Infinity;
  let maxX = -Infinity;
  let maxY = -Infinity;
  for (const p of pts) {
    minX = Math.min(minX, p.x);
    minY = Math.min(minY, p.y);
    maxX = Math.max(maxX, p.x);
    maxY = Math.max(maxY, p.y);
  }
  return { x: minX, y: minY, w: maxX - minX, h: maxY - minY };
}

export function pointInPolygon(p: Pt, pts: readonly Pt[]): boolean {
  let inside = false;
  for (let i = 0, j = pts.length - 1; i < pts.length; j = i++) {
    const a = pts[i] as Pt;
    const b = pts[j] as Pt;
    if (a.y > p.y !== b.y > p.y && p.x < ((b.x - a.x) * (p.y - a.y)) / (b.y - a.y) + a.x)
      inside = !inside;
  }
  return inside;
}

export function lerp(a: Pt, b: Pt, t: number): Pt {
  return { x: a.x + (b.x - a.x) * t, y: a.y + (b.y - a.y) * t };
}

function unit(a: Pt, b: Pt): Pt {
  const dx = b.x - a.x;
  const dy = b.y - a.y;
  const len = Math.hypot(dx, dy) || 1;
  return { x: dx / len, y: dy / len };
}

/** Keeps the part of a polygon where dot(p − origin, normal) ≥ 0 (Sutherland–Hodgman). */
export function clipHalfPlane(pts: readonly Pt[], origin: Pt, normal: Pt): Pt[] {
  const side = (p: Pt): number => (p.x - origin.x) * normal.x + (p.y - origin.y) * normal.y;
  const out: Pt[] = [];
  for (let i = 0; i < pts.length; i++) {
    const cur = pts[i] as Pt;
    const prev = pts[(i + pts.length - 1) % pts.length] as Pt;
    const sc = side(cur);
    const sp = side(prev);
    if (sc >= 0) {
      if (sp < 0) out.push(lerp(prev, cur, sp / (sp - sc)));
      out.push(cur);
    } else if (sp >= 0) {
      out.push(lerp(prev, cur, sp / (sp - sc)));
    }
  }
  return out;
}

/** The segments where the line through `origin` with direction `dir` crosses a polygon. */
export function lineThroughPolygon(pts: readonly Pt[], origin: Pt, dir: Pt): [Pt, Pt][] {
  // Normal of the line; crossings are edges whose ends lie on opposite sides.
  const n = { x: -dir.y, y: dir.x };
  const side = (p: Pt): number => (p.x - origin.x) * n.x + (p.y - origin.y) * n.y;
  const ts: number[] = [];
  for (let i = 0; i < pts.length; i++) {
    const a = pts[i] as Pt;
    const b = pts[(i + 1) % pts.length] as Pt;
    const sa = side(a);
    const sb = side(b);
    if ((sa < 0 && sb >= 0) || (sa >= 0 && sb < 0)) {
      const p = lerp(a, b, sa / (sa - sb));
      ts.push((p.x - origin.x) * dir.x + (p.y - origin.y) * dir.y);
    }
  }
  ts.sort((a, b) => a - b);
  const segs: [Pt, Pt][] = [];
  for (let i = 0; i + 1 < ts.length; i += 2) {
    const t0 = ts[i] as number;
    const t1 = ts[i + 1] as number;
    segs.push([
      { x: origin.x + dir.x * t0, y: origin.y + dir.y * t0 },
      { x: origin.x + dir.x * t1, y: origin.y + dir.y * t1 },
    ]);
  }
  return segs;
}

export interface ControlSplit {
  /** Russian-held part (empty at control 0). */
  russian: Pt[];
  /** Ukrainian-held part (empty at control 100). */
  ukrainian: Pt[];
  /** The front line inside the sector (empty at 0 and 100). */
  front: [Pt, Pt][];
}

/**
 * Splits a sector by a line across its axis so that the Russian-held share of its area equals
 * `control` percent. Pure view geometry: the rules know only the number.
 */
export function splitByControl(sector: SectorGeometry, control: number): ControlSplit {
  const c = Math.min(100, Math.max(0, control)) / 100;
  const pts = sector.points;
  if (c <= 0.001) return { russian: [], ukrainian: pts.slice(), front: [] };
  if (c >= 0.999) return { russian: pts.slice(), ukrainian: [], front: [] };
  const u = unit(sector.axis.from, sector.axis.to);
  const o = sector.axis.from;
  const proj = (p: Pt): number => (p.x - o.x) * u.x + (p.y - o.y) * u.y;
  let lo = Infinity;
  let hi = -Infinity;
  for (const p of pts) {
    const s = proj(p);
    lo = Math.min(lo, s);
    hi = Math.max(hi, s);
  }
  const total = polygonArea(pts);
  const at = (s: number): Pt => ({ x: o.x + u.x * s, y: o.y + u.y * s });
  // Bisection: the Russian part (proj ≥ cut) shrinks as the cut moves toward the Russian end.
  let a = lo;
  let b = hi;
  for (let i = 0; i < 32; i++) {
    const mid = (a + b) / 2;
    const share = polygonArea(clipHalfPlane(pts, at(mid), u)) / total;
    if (share > c) a = mid;
    else b = mid;
  }
  const cut = at((a + b) / 2);
  return {
    russian: clipHalfPlane(pts, cut, u),
    ukrainian: clipHalfPlane(pts, cut, { x: -u.x, y: -u.y }),
    front: lineThroughPolygon(pts, cut, { x: -u.y, y: u.x }),
  };
}

/**
 * Where to put a marker inside part of a sector: the part's centroid when it lies inside it,
 * else the middle of the part's widest crossing along the sector's axis. Null for slivers.
 */
export function partAnchor(part: readonly Pt[], sector: SectorGeometry, minShare = 0.1): Pt | null {
  if (part.length < 3) return null;
  const share = polygonArea(part) / Math.max(1e-9, polygonArea(sector.points));
  if (share < minShare) return null;
  const c = centroid(part);
  if (pointInPolygon(c, part)) return c;
  const u = unit(sector.axis.from, sector.axis.to);
  const segs = lineThroughPolygon(part, c, u);
  let best: [Pt, Pt] | null = null;
  let bestLen = -1;
  for (const sg of segs) {
    const len = Math.hypot(sg[1].x - sg[0].x, sg[1].y - sg[0].y);
    if (len > bestLen) {
      best = sg;
      bestLen = len;
    }
  }
  return best ? lerp(best[0], best[1], 0.5) : c;
}

/** The point of a polygon's boundary nearest to p (for leader lines). */
export function nearestOnBoundary(p: Pt, pts: readonly Pt[]): Pt {
  let best = pts[0] ?? p;
  let bestD = Infinity;
  for (let i = 0; i < pts.length; i++) {
    const a = pts[i] as Pt;
    const b = pts[(i + 1) % pts.length] as Pt;
    const dx = b.x - a.x;
    const dy = b.y - a.y;
    const l2 = dx * dx + dy * dy;
    const t = l2 > 0 ? Math.max(0, Math.min(1, ((p.x - a.x) * dx + (p.y - a.y) * dy) / l2)) : 0;
    const q = { x: a.x + dx * t, y: a.y + dy * t };
    const d = (q.x - p.x) ** 2 + (q.y - p.y) ** 2;
    if (d < bestD) {
      bestD = d;
      best = q;
    }
  }
  return best;
}

/** Parallel hatch lines clipped to a polygon: `spacing` apart, at `angle` radians. */
export function hatchSegments(pts: readonly Pt[], spacing: number, angle: number): [Pt, Pt][] {
  if (pts.length < 3 || spacing <= 0) return [];
  const dir = { x: Math.cos(angle), y: Math.sin(angle) };
  const n = { x: -dir.y, y: dir.x };
  let lo = Infinity;
  let hi = -Infinity;
  for (const p of pts) {
    const s = p.x * n.x + p.y * n.y;
    lo = Math.min(lo, s);
    hi = Math.max(hi, s);
  }
  const segs: [Pt, Pt][] = [];
  // Anchor the hatching to the plane, not to the polygon, so neighbouring parts line up.
  for (let s = Math.ceil(lo / spacing) * spacing; s <= hi; s += spacing) {
    segs.push(...lineThroughPolygon(pts, { x: n.x * s, y: n.y * s }, dir));
  }
  return segs;
}

export function polylineLength(pts: readonly Pt[]): number {
  let len = 0;
  for (let i = 1; i < pts.length; i++) {
    const a = pts[i - 1] as Pt;
    const b = pts[i] as Pt;
    len += Math.hypot(b.x - a.x, b.y - a.y);
  }
  return len;
}

/** The point at fraction t (0-1) of a polyline's length, and the direction of travel there. */
export function pointAlong(pts: readonly Pt[], t: number): { p: Pt; angle: number } {
  if (pts.length === 0) return { p: { x: 0, y: 0 }, angle: 0 };
  if (pts.length === 1) return { p: pts[0] as Pt, angle: 0 };
  const total = polylineLength(pts);
  let remaining = Math.min(1, Math.max(0, t)) * total;
  for (let i = 1; i < pts.length; i++) {
    const a = pts[i - 1] as Pt;
    const b = pts[i] as Pt;
    const seg = Math.hypot(b.x - a.x, b.y - a.y);
    if (remaining <= seg || i === pts.length - 1) {
      const f = seg > 0 ? Math.min(1, remaining / seg) : 0;
      return { p: lerp(a, b, f), angle: Math.atan2(b.y - a.y, b.x - a.x) };
    }
    remaining -= seg;
  }
  const last = pts[pts.length - 1] as Pt;
  return { p: last, angle: 0 };
}

/** Sub-polyline from fraction t0 to t1 of the length (for drawing a route as it is travelled). */
export function slicePolyline(pts: readonly Pt[], t0: number, t1: number): Pt[] {
  if (pts.length < 2) return pts.slice();
  const total = polylineLength(pts);
  const s0 = Math.max(0, Math.min(t0, t1)) * total;
  const s1 = Math.min(1, Math.max(t0, t1)) * total;
  const out: Pt[] = [];
  let acc = 0;
  for (let i = 1; i < pts.length; i++) {
    const a = pts[i - 1] as Pt;
    const b = pts[i] as Pt;
    const seg = Math.hypot(b.x - a.x, b.y - a.y);
    const segStart = acc;
    const segEnd = acc + seg;
    if (segEnd >= s0 && segStart <= s1 && seg > 0) {
      const f0 = Math.max(0, (s0 - segStart) / seg);
      const f1 = Math.min(1, (s1 - segStart) / seg);
      if (out.length === 0) out.push(lerp(a, b, f0));
      out.push(lerp(a, b, f1));
    }
    acc = segEnd;
  }
  return out;
}

/**
 * The route a delivery travels in the inset between Pyongyang and Moscow, either way: by road to
 * Wonsan, by sea to Vladivostok, by rail west. Soldiers (`toFront`) ride on to Kursk. Null for
 * pairs the inset does not show.
 */
export function routeBetween(
  geo: MapGeometry,
  from: string,
  to: string,
  toFront = false,
): Pt[] | null {
  const py = geo.places['pyongyang'];
  if (!py) return null;
  const outbound = [py, ...geo.route.sea, ...geo.route.rail];
  const moscow = geo.places['moscow'];
  const mi = moscow ? outbound.findIndex((p) => samePt(p, moscow)) : -1;
  const path = toFront || mi < 1 ? outbound : outbound.slice(0, mi + 1);
  if (from === 'pyongyang' && to === 'moscow') return path;
  if (from === 'moscow' && to === 'pyongyang') return path.slice().reverse();
  return null;
}

function samePt(a: Pt, b: Pt): boolean {
  return Math.abs(a.x - b.x) < 0.5 && Math.abs(a.y - b.y) < 0.5;
}
