/**
 * How the map is painted: its palette and label styles, one SVG shape drawn with Phaser
 * Graphics, dashes, front-line teeth and unit-marker sizes. Pure drawing helpers: MapView
 * (map.ts) decides what goes where; the turn report's effects (report.ts) reuse the text style.
 */
import * as Phaser from 'phaser';

import { FONT_STACK, FORCE_STYLE, MAP_STYLE, NEUTRAL, hexToNumber } from '../ui/theme';
import type { MapShape, Pt, SectorGeometry } from './geometry';

/** The map's colours as Phaser numbers. */
export const PALETTE = {
  landRu: hexToNumber(MAP_STYLE.landRu),
  landUa: hexToNumber(MAP_STYLE.landUa),
  forest: hexToNumber(MAP_STYLE.forest),
  river: hexToNumber(MAP_STYLE.river),
  road: hexToNumber(MAP_STYLE.road),
  rail: hexToNumber(MAP_STYLE.rail),
  border: hexToNumber(MAP_STYLE.border),
  ink: hexToNumber(MAP_STYLE.ink),
  halo: hexToNumber(MAP_STYLE.halo),
  sea: hexToNumber(MAP_STYLE.sea),
  russian: hexToNumber(FORCE_STYLE.russian.color),
  ukrainian: hexToNumber(FORCE_STYLE.ukrainian.color),
  focus: hexToNumber(NEUTRAL.focus),
  white: 0xffffff,
};

export interface LabelStyle {
  size: number;
  bold?: boolean;
  italic?: boolean;
  color: string;
  spacing?: number;
}

export const LABEL_STYLES: Record<string, LabelStyle> = {
  'label-city': { size: 17, bold: true, color: MAP_STYLE.ink },
  'label-town': { size: 14, bold: true, color: MAP_STYLE.ink },
  'label-country': { size: 18, bold: true, color: MAP_STYLE.muted, spacing: 5 },
  'label-region': { size: 13, italic: true, color: MAP_STYLE.muted },
  'label-river': { size: 13, italic: true, color: MAP_STYLE.riverLabel },
  'label-note': { size: 11, color: '#3d3a40' },
  'label-inset': { size: 11, bold: true, color: MAP_STYLE.ink },
  'label-inset-title': { size: 12, bold: true, color: MAP_STYLE.ink },
};

export function textStyle(
  size: number,
  color: string,
  opts: Partial<LabelStyle> = {},
): Phaser.Types.GameObjects.Text.TextStyle {
  const style: Phaser.Types.GameObjects.Text.TextStyle = {
    fontFamily: FONT_STACK,
    fontSize: `${size}px`,
    color,
    fontStyle: [opts.italic ? 'italic' : '', opts.bold ? 'bold' : ''].join(' ').trim() || 'normal',
  };
  return style;
}

/** Draws one shape of the map's SVG; line widths and radii are screen pixels at this zoom. */
export function drawShape(g: Phaser.GameObjects.Graphics, s: MapShape, zoom: number, o: Pt): void {
  const px = (n: number): number => n / zoom;
  const pts = s.points.map((p) => ({ x: p.x + o.x, y: p.y + o.y }));
  switch (s.cls) {
    case 'land-ru':
    case 'inset-land':
      if (s.kind === 'rect') {
        g.fillStyle(PALETTE.landRu, 1);
        g.fillRect(pts[0]!.x, pts[0]!.y, s.w, s.h);
      } else {
        g.fillStyle(PALETTE.landRu, 1);
        g.fillPoints(v2(pts), true);
      }
      return;
    case 'inset-sea':
      g.fillStyle(PALETTE.sea, 1);
      g.fillRect(pts[0]!.x, pts[0]!.y, s.w, s.h);
      return;
    case 'land-ua':
      g.fillStyle(PALETTE.landUa, 1);
      g.fillPoints(v2(pts), true);
      return;
    case 'forest':
      g.fillStyle(PALETTE.forest, 1);
      g.fillPoints(v2(pts), true);
      return;
    case 'river':
      g.lineStyle(px(4), PALETTE.river, 1);
      g.strokePoints(v2(pts), false);
      return;
    case 'river-minor':
      g.lineStyle(px(2), PALETTE.river, 1);
      g.strokePoints(v2(pts), false);
      return;
    case 'road':
      g.lineStyle(px(2.5), PALETTE.road, 1);
      g.strokePoints(v2(pts), false);
      return;
    case 'rail':
      g.lineStyle(px(2), PALETTE.rail, 1);
      dashed(g, pts, [px(10), px(5)]);
      return;
    case 'border':
      // A light casing keeps the border legible over the sector shading.
      g.lineStyle(px(6), PALETTE.halo, 0.7);
      g.strokePoints(v2(pts), false);
      g.lineStyle(px(3), PALETTE.border, 1);
      dashed(g, pts, [px(16), px(5), px(3), px(5)]);
      return;
    case 'route-sea':
      g.lineStyle(px(2.5), PALETTE.ukrainian, 1);
      dashed(g, pts, [px(6), px(4)]);
      return;
    case 'route-rail':
      g.lineStyle(px(2.5), PALETTE.ink, 1);
      g.strokePoints(v2(pts), false);
      return;
    case 'town':
    case 'inset-place':
      g.fillStyle(PALETTE.white, 1);
      g.fillCircle(pts[0]!.x, pts[0]!.y, px(s.r));
      g.lineStyle(px(s.cls === 'town' ? 2.5 : 2), PALETTE.ink, 1);
      g.strokeCircle(pts[0]!.x, pts[0]!.y, px(s.r));
      return;
    case 'city':
      g.fillStyle(PALETTE.ink, 1);
      g.fillCircle(pts[0]!.x, pts[0]!.y, px(s.r));
      g.lineStyle(px(2.5), PALETTE.white, 1);
      g.strokeCircle(pts[0]!.x, pts[0]!.y, px(s.r));
      return;
    case 'scalebar':
      g.fillStyle(PALETTE.ink, 1);
      g.fillRect(pts[0]!.x, pts[0]!.y, s.w, s.h);
      return;
    default:
      return;
  }
}

export function chipText(name: string, control: number): string {
  return `${name}\n${Math.round(control)}% Russian`;
}

/** Marker width in screen pixels: grows with the square root of the troops, within limits. */
export function markerWidth(troops: number): number {
  return Math.round(Math.min(58, Math.max(26, 24 + 16 * Math.sqrt(Math.max(0, troops) / 10000))));
}

export function formatTroops(n: number): string {
  if (n >= 10000) return `${(n / 1000).toFixed(0)}k`;
  if (n >= 1000) return `${(n / 1000).toFixed(1).replace(/\.0$/, '')}k`;
  return String(Math.round(n));
}

/** Strokes a polyline as dashes; `pattern` alternates dash and gap lengths. */
export function dashed(
  g: Phaser.GameObjects.Graphics,
  pts: readonly Pt[],
  pattern: number[],
): void {
  if (pts.length < 2 || pattern.length === 0) return;
  let pi = 0;
  let left = pattern[0]!;
  let on = true;
  for (let i = 1; i < pts.length; i++) {
    let a = pts[i - 1]!;
    const b = pts[i]!;
    let seg = Math.hypot(b.x - a.x, b.y - a.y);
    while (seg > 1e-6) {
      const step = Math.min(left, seg);
      const t = step / seg;
      const c = { x: a.x + (b.x - a.x) * t, y: a.y + (b.y - a.y) * t };
      if (on) g.lineBetween(a.x, a.y, c.x, c.y);
      a = c;
      seg -= step;
      left -= step;
      if (left <= 1e-6) {
        pi = (pi + 1) % pattern.length;
        left = pattern[pi]!;
        on = !on;
      }
    }
  }
}

/** Small triangles along a front segment, pointing from the Russian side toward Ukraine. */
export function frontTeeth(
  g: Phaser.GameObjects.Graphics,
  a: Pt,
  b: Pt,
  sector: SectorGeometry,
  spacing: number,
  size: number,
  color: number,
): void {
  const len = Math.hypot(b.x - a.x, b.y - a.y);
  if (len < spacing) return;
  const dir = { x: (b.x - a.x) / len, y: (b.y - a.y) / len };
  // Toward the Ukrainian end of the axis.
  const ax = sector.axis.from.x - sector.axis.to.x;
  const ay = sector.axis.from.y - sector.axis.to.y;
  let n = { x: -dir.y, y: dir.x };
  if (n.x * ax + n.y * ay < 0) n = { x: -n.x, y: -n.y };
  g.fillStyle(color, 1);
  const count = Math.floor(len / (spacing * 2));
  for (let i = 0; i < count; i++) {
    const t = (i + 0.5) / count;
    const c = { x: a.x + (b.x - a.x) * t, y: a.y + (b.y - a.y) * t };
    g.fillTriangle(
      c.x - (dir.x * size) / 2,
      c.y - (dir.y * size) / 2,
      c.x + (dir.x * size) / 2,
      c.y + (dir.y * size) / 2,
      c.x + n.x * size,
      c.y + n.y * size,
    );
  }
}

/** Graphics' point methods read only .x and .y; their typings ask for Vector2. */
export function v2(pts: readonly Pt[]): Phaser.Math.Vector2[] {
  return pts as unknown as Phaser.Math.Vector2[];
}
