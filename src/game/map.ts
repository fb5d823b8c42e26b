/**
 * The map renderer: draws assets/map/kursk.svg (parsed by geometry.ts) with Phaser Graphics and
 * Text, shades each sector by Russian control, places unit markers and the front line, and
 * gives the turn-report player the hooks it needs. It reads a MapState and computes no rule.
 * How each thing is painted (palette, shapes, dashes, marker sizes) is in map-paint.ts.
 *
 * Cosmetic sizes (line widths, label and marker sizes) are in screen pixels: they are divided by
 * the camera zoom, so the map stays readable from a phone to a projector.
 */
import * as Phaser from 'phaser';

import { MAP_STYLE, NEUTRAL, type ForceId } from '../ui/theme';
import type { Box } from './label-layout';
import { MARKER_KEYS } from './assets';
import {
  bounds,
  centroid,
  hatchSegments,
  lerp,
  nearestOnBoundary,
  partAnchor,
  pointInPolygon,
  splitByControl,
  type MapGeometry,
  type MapShape,
  type Pt,
  type SectorGeometry,
} from './geometry';
import type { MapState, SectorView } from './selectors';
import { LABEL_STYLES, PALETTE, chipText, dashed, drawShape, formatTroops, frontTeeth, markerWidth, textStyle, v2 } from './map-paint';


/** The inset's world lies far from the main map; each camera ignores the other's layer. */
export const INSET_ORIGIN: Pt = { x: 4000, y: 0 };

export interface MapViewOptions {
  /** Show the route inset (its own camera). */
  inset: boolean;
  /** Show the sector chips and unit markers (needs a state). */
  units: boolean;
  /** Where to keep the focus: the whole map, or the front sectors with some context. */
  focus: 'map' | 'front';
  /** Leave this share of the canvas width free on the left (e.g. under a menu panel). */
  leftPad?: number;
  /** Draw the scale bar (default true). */
  scaleBar?: boolean;
}

interface Marker {
  image: Phaser.GameObjects.Image;
  count: Phaser.GameObjects.Text;
}

interface SectorObjects {
  geo: SectorGeometry;
  chip: Phaser.GameObjects.Text;
  markers: Record<ForceId, Marker>;
}

export class MapView {
  readonly scene: Phaser.Scene;
  readonly geo: MapGeometry;
  readonly opts: MapViewOptions;
  readonly mainLayer: Phaser.GameObjects.Layer;
  readonly insetLayer: Phaser.GameObjects.Layer;
  readonly effectsLayer: Phaser.GameObjects.Layer;
  readonly insetEffectsLayer: Phaser.GameObjects.Layer;
  readonly mainCam: Phaser.Cameras.Scene2D.Camera;
  insetCam: Phaser.Cameras.Scene2D.Camera | null = null;

  /** Current camera zooms (world units → screen pixels). */
  zoom = 1;
  insetZoom = 1;
  /** Shrinks markers a little when the map is shown small (phones). */
  uiScale = 1;
  /** The same for text, which must stay readable (never below ~11 px). */
  textScale = 1;
  private narrow = false;
  private scaleLabel: Phaser.GameObjects.Text | null = null;
  private scaleLength = 0;
  private scaleGfx: Phaser.GameObjects.Graphics | null = null;
  private insetBox: { x: number; y: number; w: number; h: number } | null = null;
  /** The part of the map the main camera shows, in map units. */
  private viewRect = { left: 0, right: 0, top: 0, bottom: 0 };

  private readonly base: Phaser.GameObjects.Graphics;
  private readonly sectorGfx: Phaser.GameObjects.Graphics;
  private readonly overlayGfx: Phaser.GameObjects.Graphics;
  private readonly insetGfx: Phaser.GameObjects.Graphics;
  private readonly labels: { text: Phaser.GameObjects.Text; shape: MapShape }[] = [];
  private readonly insetLabels: { text: Phaser.GameObjects.Text; shape: MapShape }[] = [];
  private readonly sectors = new Map<string, SectorObjects>();
  private readonly displayed = new Map<string, number>();
  private state: MapState | null = null;
  private selected: string | null = null;
  private width = 0;
  private height = 0;

  constructor(scene: Phaser.Scene, geo: MapGeometry, opts: MapViewOptions) {
    this.scene = scene;
    this.geo = geo;
    this.opts = opts;
    this.mainCam = scene.cameras.main;
    this.mainCam.setBackgroundColor(NEUTRAL.bg);

    this.mainLayer = scene.add.layer();
    this.effectsLayer = scene.add.layer();
    this.insetLayer = scene.add.layer();
    this.insetEffectsLayer = scene.add.layer();

    this.base = scene.add.graphics();
    this.sectorGfx = scene.add.graphics();
    this.overlayGfx = scene.add.graphics();
    this.mainLayer.add([this.base, this.sectorGfx, this.overlayGfx]);

    for (const shape of geo.main) {
      if (shape.kind !== 'text') continue;
      if (opts.units && shape.sector) continue; // the sector chip names it
      const t = this.makeLabel(shape);
      this.mainLayer.add(t);
      if (shape.id === 'scale-label') this.scaleLabel = t;
      else this.labels.push({ text: t, shape });
    }
    // The scale bar's length in map units (its rects in the SVG); drawn in a corner of the view.
    this.scaleLength = Math.max(0, ...geo.main.filter((s) => s.cls === 'scalebar').map((s) => s.w));

    for (const sg of geo.sectors) {
      const chip = scene.add
        .text(sg.label.x, sg.label.y, sg.name, {
          ...textStyle(12, MAP_STYLE.ink, { bold: true }),
          backgroundColor: '#fbfaf7',
          padding: { x: 6, y: 3 },
          align: 'center',
        })
        .setOrigin(0.5, 0.5)
        .setVisible(false);
      const markers = {} as Record<ForceId, Marker>;
      for (const force of ['ukrainian', 'russian', 'northKorean'] as const) {
        const image = scene.add.image(0, 0, MARKER_KEYS[force]).setVisible(false);
        const count = scene.add
          .text(0, 0, '', {
            ...textStyle(11, MAP_STYLE.ink, { bold: true }),
            stroke: MAP_STYLE.halo,
            strokeThickness: 4,
          })
          .setOrigin(0.5, 0)
          .setVisible(false);
        this.mainLayer.add([image, count]);
        markers[force] = { image, count };
      }
      this.mainLayer.add(chip);
      this.sectors.set(sg.id, { geo: sg, chip, markers });
    }

    this.insetGfx = scene.add.graphics();
    this.insetLayer.add(this.insetGfx);
    for (const shape of geo.inset.shapes) {
      if (shape.kind !== 'text') continue;
      const t = this.makeLabel(shape);
      t.setPosition(INSET_ORIGIN.x + shape.points[0]!.x, INSET_ORIGIN.y + shape.points[0]!.y);
      this.insetLayer.add(t);
      this.insetLabels.push({ text: t, shape });
    }

    this.mainCam.ignore([this.insetLayer, this.insetEffectsLayer]);
    if (opts.inset) {
      this.insetCam = scene.cameras.add(0, 0, 10, 10, false, 'inset');
      this.insetCam.setBackgroundColor(MAP_STYLE.sea);
      this.insetCam.ignore([this.mainLayer, this.effectsLayer]);
    } else {
      this.insetLayer.setVisible(false);
      this.insetEffectsLayer.setVisible(false);
    }
  }

  private makeLabel(shape: MapShape): Phaser.GameObjects.Text {
    const st = LABEL_STYLES[shape.cls] ?? LABEL_STYLES['label-note']!;
    const p = shape.points[0] ?? { x: 0, y: 0 };
    const t = this.scene.add.text(p.x, p.y, shape.text, {
      ...textStyle(st.size, st.color, st),
      stroke: MAP_STYLE.halo,
      strokeThickness: 4,
    });
    if (st.spacing) t.setLetterSpacing(st.spacing);
    t.setOrigin(shape.anchor === 'middle' ? 0.5 : shape.anchor === 'end' ? 1 : 0, 0.8);
    return t;
  }

  // -------------------------------------------------------------------------------------------
  // Layout
  // -------------------------------------------------------------------------------------------

  /** Fits the cameras to a canvas of this size and redraws everything at the new zoom. */
  layout(width: number, height: number): void {
    this.width = width;
    this.height = height;
    const portrait = width < height * 1.05;
    const m = Math.round(Math.max(8, Math.min(16, width * 0.015)));

    // Inset box, in screen pixels.
    let insetBox: { x: number; y: number; w: number; h: number } | null = null;
    if (this.insetCam && this.geo.inset.width > 0) {
      const iw = Math.round(
        portrait ? Math.min(width - 2 * m, 320) : Math.min(380, Math.max(220, width * 0.36)),
      );
      const s = iw / this.geo.inset.width;
      const ih = Math.round(this.geo.inset.height * s);
      // Landscape: bottom-left, over Ukrainian ground away from the sectors. Portrait: below the map.
      insetBox = portrait
        ? { x: Math.round((width - iw) / 2), y: height - ih - m, w: iw, h: ih }
        : { x: m + Math.round(width * (this.opts.leftPad ?? 0)), y: height - ih - m, w: iw, h: ih };
      this.insetZoom = s;
      this.insetCam.setViewport(insetBox.x, insetBox.y, insetBox.w, insetBox.h);
      this.insetCam.setZoom(s);
      this.insetCam.centerOn(
        INSET_ORIGIN.x + this.geo.inset.width / 2,
        INSET_ORIGIN.y + this.geo.inset.height / 2,
      );
    }

    // The area the main map must keep its focus inside.
    const padL = Math.round(width * (this.opts.leftPad ?? 0));
    const avail = {
      x: padL,
      y: 0,
      w: width - padL,
      h: portrait && insetBox ? insetBox.y - m : height,
    };
    // The front: every sector and its chip, with room for the chips' width.
    this.narrow = width < 600;
    for (const so of this.sectors.values()) {
      const at = this.chipAt(so.geo);
      so.chip.setPosition(at.x, at.y);
    }
    const front = bounds(this.geo.sectors.flatMap((s) => [...s.points, this.chipAt(s)]));
    const margin = this.narrow ? 30 : 60;
    const focus =
      this.opts.focus === 'front'
        ? {
            x: front.x - margin,
            y: front.y - margin * 0.7,
            w: front.w + 2 * margin,
            h: front.h + 1.4 * margin,
          }
        : { x: 0, y: 0, w: this.geo.width, h: this.geo.height };
    const contain = Math.min(avail.w / focus.w, avail.h / focus.h);
    const cover = Math.max(width / this.geo.width, height / this.geo.height);
    // The front: as close as the focus allows. The whole map (a backdrop): fill the canvas.
    const zoom = Math.max(0.2, this.opts.focus === 'front' ? contain : cover);
    this.zoom = zoom;
    this.uiScale = Math.min(1, Math.max(0.7, zoom / 1.3));
    this.textScale = Math.max(0.92, this.uiScale);

    // Centre the focus in the available area, then keep the view on the map where it can.
    const viewW = width / zoom;
    const viewH = height / zoom;
    let cx = focus.x + focus.w / 2 - (avail.x + avail.w / 2 - width / 2) / zoom;
    let cy = focus.y + focus.h / 2 - (avail.y + avail.h / 2 - height / 2) / zoom;
    if (viewW <= this.geo.width) cx = Math.min(this.geo.width - viewW / 2, Math.max(viewW / 2, cx));
    if (viewH <= this.geo.height && !(portrait && insetBox)) {
      cy = Math.min(this.geo.height - viewH / 2, Math.max(viewH / 2, cy));
    }
    this.mainCam.setViewport(0, 0, width, height);
    this.mainCam.setZoom(zoom);
    this.mainCam.centerOn(cx, cy);
    this.viewRect = {
      left: cx - viewW / 2,
      right: cx + viewW / 2,
      top: cy - viewH / 2,
      bottom: cy + viewH / 2,
    };
    this.insetBox = insetBox;
    // Towns and labels that the inset would cut in half are left out.
    for (const { text, shape } of this.labels)
      text.setVisible(!this.underInset(shape.points[0]!, 28));

    for (const { text } of this.labels) text.setScale(1 / zoom);
    // Inset labels scale with the inset (it is a small picture); map labels keep their size.
    for (const so of this.sectors.values()) so.chip.setScale(this.textScale / zoom);

    this.drawBase();
    this.drawInset();
    this.drawSectors();
    this.placeMarkers();
    this.drawScaleBar(portrait && insetBox !== null);
  }

  /** The scale bar in a corner of the visible map: bottom right, or top right above an inset. */
  private drawScaleBar(top: boolean): void {
    if (!this.scaleLength || !this.scaleLabel) return;
    if (this.opts.scaleBar === false) {
      this.scaleLabel.setVisible(false);
      return;
    }
    if (!this.scaleGfx) {
      this.scaleGfx = this.scene.add.graphics();
      this.mainLayer.add(this.scaleGfx);
      this.mainLayer.bringToTop(this.scaleLabel);
    }
    const g = this.scaleGfx;
    const view = this.viewRect;
    const pad = this.px(16);
    const x1 = view.right - pad - this.scaleLength;
    const y = top ? view.top + pad + this.px(22) : view.bottom - pad;
    g.clear();
    g.fillStyle(PALETTE.halo, 0.85);
    g.fillRoundedRect(
      x1 - this.px(8),
      y - this.px(28),
      this.scaleLength + this.px(16),
      this.px(38),
      this.px(4),
    );
    g.fillStyle(PALETTE.ink, 1);
    g.fillRect(x1, y - this.px(2), this.scaleLength, this.px(4));
    g.fillRect(x1, y - this.px(7), this.px(2), this.px(12));
    g.fillRect(x1 + this.scaleLength - this.px(2), y - this.px(7), this.px(2), this.px(12));
    this.scaleLabel.setPosition(x1 + this.scaleLength / 2, y - this.px(10)).setScale(1 / this.zoom);
  }

  // -------------------------------------------------------------------------------------------
  // State
  // -------------------------------------------------------------------------------------------

  /** Shows a state at once (no animation). */
  setState(state: MapState | null): void {
    this.state = state;
    this.displayed.clear();
    if (state) for (const s of state.sectors) this.displayed.set(s.id, s.control);
    this.drawSectors();
    this.placeMarkers();
  }

  getState(): MapState | null {
    return this.state;
  }

  /** The control shown for a sector (the animation moves it between two states). */
  getDisplayedControl(id: string): number {
    return this.displayed.get(id) ?? this.state?.sectors.find((s) => s.id === id)?.control ?? 0;
  }

  setDisplayedControl(id: string, control: number): void {
    this.displayed.set(id, control);
    this.drawSectors();
    this.placeMarkers();
  }

  setSelected(id: string | null): void {
    this.selected = id;
    this.drawSectors();
  }

  getSelected(): string | null {
    return this.selected;
  }

  /** The sector under a canvas point, if any. */
  sectorAt(screenX: number, screenY: number): string | null {
    const wp = this.mainCam.getWorldPoint(screenX, screenY);
    for (const s of this.geo.sectors)
      if (pointInPolygon({ x: wp.x, y: wp.y }, s.points)) return s.id;
    return null;
  }

  sectorGeometry(id: string): SectorGeometry | undefined {
    return this.sectors.get(id)?.geo;
  }

  /** True when a map point lies under the inset (or within `pad` screen pixels of it). */
  private underInset(p: Pt, pad: number): boolean {
    const b = this.insetBox;
    if (!b) return false;
    const sx = (p.x - this.viewRect.left) * this.zoom;
    const sy = (p.y - this.viewRect.top) * this.zoom;
    return sx > b.x - pad && sx < b.x + b.w + pad && sy > b.y - pad && sy < b.y + b.h + pad;
  }

  /** Where a sector's chip goes at the current layout. */
  chipAt(s: SectorGeometry): Pt {
    return this.narrow ? s.labelNarrow : s.label;
  }

  /** A sector's anchor for effects: its centroid. */
  sectorAnchor(id: string): Pt {
    const so = this.sectors.get(id);
    if (!so) return { x: this.geo.width / 2, y: this.geo.height / 2 };
    return centroid(so.geo.points);
  }

  /**
   * What a passing label must leave readable on the main map, in world units: the sector chips,
   * town and map labels, unit markers with their counts, the scale bar and the inset; and the
   * part of the map in view.
   */
  readableBoxes(): { boxes: Box[]; view: Box } {
    const boxes: Box[] = [];
    const add = (o: Phaser.GameObjects.Text | Phaser.GameObjects.Image): void => {
      if (!o.visible) return;
      const r = o.getBounds();
      boxes.push({ left: r.left, top: r.top, right: r.right, bottom: r.bottom });
    };
    for (const { text } of this.labels) add(text);
    for (const so of this.sectors.values()) {
      add(so.chip);
      boxes.push(...this.markerGroups(so.geo.id));
    }
    if (this.scaleLabel?.visible) {
      const r = this.scaleLabel.getBounds();
      boxes.push({ left: r.left, top: r.top, right: r.right, bottom: r.bottom + this.px(14) });
    }
    const v = this.viewRect;
    const b = this.insetBox;
    if (b)
      boxes.push({
        left: v.left + b.x / this.zoom,
        top: v.top + b.y / this.zoom,
        right: v.left + (b.x + b.w) / this.zoom,
        bottom: v.top + (b.y + b.h) / this.zoom,
      });
    return { boxes, view: { ...v } };
  }

  /** The same in the inset (its labels), in the inset's world units, and the inset's area. */
  insetReadableBoxes(): { boxes: Box[]; view: Box } {
    const boxes = this.insetLabels
      .filter(({ text }) => text.visible)
      .map(({ text }) => {
        const r = text.getBounds();
        return { left: r.left, top: r.top, right: r.right, bottom: r.bottom };
      });
    const pad = 4 / this.insetZoom;
    const view = {
      left: INSET_ORIGIN.x + pad,
      top: INSET_ORIGIN.y + pad,
      right: INSET_ORIGIN.x + this.geo.inset.width - pad,
      bottom: INSET_ORIGIN.y + this.geo.inset.height - pad,
    };
    return { boxes, view };
  }

  /** A sector's unit markers with their counts, one box per side on show (the Russian and North Korean pair together). */
  markerGroups(id: string): Box[] {
    const so = this.sectors.get(id);
    if (!so) return [];
    const box = (f: ForceId): Box | null => {
      const { image, count } = so.markers[f];
      if (!image.visible) return null;
      return {
        left: Math.min(image.x - image.displayWidth / 2, count.x - count.displayWidth / 2),
        right: Math.max(image.x + image.displayWidth / 2, count.x + count.displayWidth / 2),
        top: image.y - image.displayHeight / 2,
        bottom: count.y + count.displayHeight,
      };
    };
    const ua = box('ukrainian');
    const ru = box('russian');
    const nk = box('northKorean');
    const pair =
      ru && nk
        ? {
            left: Math.min(ru.left, nk.left),
            top: Math.min(ru.top, nk.top),
            right: Math.max(ru.right, nk.right),
            bottom: Math.max(ru.bottom, nk.bottom),
          }
        : (ru ?? nk);
    return [pair, ua].filter((b): b is Box => b !== null);
  }

  // -------------------------------------------------------------------------------------------
  // Drawing
  // -------------------------------------------------------------------------------------------

  private px(n: number): number {
    return n / this.zoom;
  }

  private drawBase(): void {
    const g = this.base;
    g.clear();
    for (const s of this.geo.main) {
      // The border and the towns are drawn above the sector shading (drawSectors).
      if (s.cls === 'border' || s.cls === 'town' || s.cls === 'city' || s.cls === 'scalebar')
        continue;
      drawShape(g, s, this.zoom, { x: 0, y: 0 });
    }
  }

  private drawInset(): void {
    if (!this.insetCam) return;
    const g = this.insetGfx;
    g.clear();
    for (const s of this.geo.inset.shapes) drawShape(g, s, this.insetZoom, INSET_ORIGIN);
    // Frame drawn last, inside the viewport edge.
    const lw = 2 / this.insetZoom;
    g.lineStyle(lw, PALETTE.ink, 1);
    g.strokeRect(
      INSET_ORIGIN.x + lw / 2,
      INSET_ORIGIN.y + lw / 2,
      this.geo.inset.width - lw,
      this.geo.inset.height - lw,
    );
  }

  /** Sector shading, front lines, outlines and the selection; called on every control change. */
  private drawSectors(): void {
    const g = this.sectorGfx;
    const o = this.overlayGfx;
    g.clear();
    o.clear();
    const hasState = this.state !== null;
    for (const so of this.sectors.values()) {
      const sg = so.geo;
      if (!hasState) {
        // No game: the sectors as plain outlined areas.
        g.fillStyle(PALETTE.ukrainian, 0.08);
        g.fillPoints(v2(sg.points), true);
      } else {
        const control = this.getDisplayedControl(sg.id);
        const split = splitByControl(sg, control);
        if (split.ukrainian.length > 2) {
          g.fillStyle(PALETTE.ukrainian, MAP_STYLE.ukrainianFillAlpha);
          g.fillPoints(v2(split.ukrainian), true);
        }
        if (split.russian.length > 2) {
          g.fillStyle(PALETTE.russian, MAP_STYLE.russianFillAlpha);
          g.fillPoints(v2(split.russian), true);
          g.lineStyle(this.px(1.6), PALETTE.russian, MAP_STYLE.russianHatchAlpha);
          for (const [a, b] of hatchSegments(split.russian, this.px(7), -Math.PI / 4))
            g.lineBetween(a.x, a.y, b.x, b.y);
        }
        for (const [a, b] of split.front) {
          o.lineStyle(this.px(8), PALETTE.halo, 1);
          o.lineBetween(a.x, a.y, b.x, b.y);
          o.lineStyle(this.px(4), PALETTE.ink, 1);
          o.lineBetween(a.x, a.y, b.x, b.y);
          // Teeth on the Russian side, like a drawn front line.
          frontTeeth(o, a, b, sg, this.px(7), this.px(5), PALETTE.ink);
        }
      }
      g.lineStyle(this.px(1.5), PALETTE.ink, 0.9);
      dashed(g, [...sg.points, sg.points[0]!], [this.px(4), this.px(3)]);

      if (so.chip.visible && hasState) {
        const control = Math.round(this.getDisplayedControl(sg.id));
        so.chip.setText(chipText(sg.name, control));
      }
    }
    // Leader lines from each chip to its sector.
    if (hasState && this.opts.units) {
      for (const so of this.sectors.values()) {
        const at = this.chipAt(so.geo);
        const edge = nearestOnBoundary(at, so.geo.points);
        o.lineStyle(this.px(3.5), PALETTE.halo, 0.9);
        o.lineBetween(at.x, at.y, edge.x, edge.y);
        o.lineStyle(this.px(1.5), PALETTE.ink, 1);
        o.lineBetween(at.x, at.y, edge.x, edge.y);
        o.fillStyle(PALETTE.ink, 1);
        o.fillCircle(edge.x, edge.y, this.px(2.5));
      }
    }
    // Selection on top: a yellow band with a dark core, readable without colour.
    const sel = this.selected ? this.sectors.get(this.selected) : undefined;
    if (sel) {
      const ring = [...sel.geo.points, sel.geo.points[0]!];
      o.lineStyle(this.px(7), PALETTE.focus, 1);
      o.strokePoints(v2(ring), false);
      o.lineStyle(this.px(2.5), PALETTE.ink, 1);
      o.strokePoints(v2(ring), false);
    }
    // Redraw the border above the shading.
    const border = this.geo.main.find((s) => s.cls === 'border');
    if (border) drawShape(o, border, this.zoom, { x: 0, y: 0 });
    // Towns above everything drawn so far.
    for (const s of this.geo.main) {
      if ((s.cls === 'town' || s.cls === 'city') && !this.underInset(s.points[0]!, 12)) {
        drawShape(o, s, this.zoom, { x: 0, y: 0 });
      }
    }
  }

  /** Unit markers and sector chips, sized by troops, in screen pixels. */
  private placeMarkers(): void {
    const z = this.zoom;
    const bySector = new Map<string, SectorView>();
    if (this.state) for (const s of this.state.sectors) bySector.set(s.id, s);
    for (const so of this.sectors.values()) {
      const sv = bySector.get(so.geo.id);
      const show = this.opts.units && sv !== undefined;
      so.chip.setVisible(show);
      if (show && sv)
        so.chip.setText(chipText(so.geo.name, Math.round(this.getDisplayedControl(so.geo.id))));
      const u = this.uiScale;
      const place = (force: ForceId, at: Pt, troops: number, shift: number): void => {
        const mk = so.markers[force];
        const visible = show && troops > 0;
        mk.image.setVisible(visible);
        mk.count.setVisible(visible);
        if (!visible) return;
        const w = markerWidth(troops) * u;
        const h = (w * 2) / 3;
        const x = at.x + shift / z;
        const y = at.y;
        mk.image.setPosition(x, y).setDisplaySize(w / z, h / z);
        mk.count
          .setPosition(x, y + h / 2 / z + 1 / z)
          .setScale(this.textScale / z)
          .setText(formatTroops(troops));
      };
      if (sv) {
        // Each side's markers sit in the part of the sector it holds, and move with the front.
        const split = splitByControl(so.geo, this.getDisplayedControl(so.geo.id));
        const ax = so.geo.axis;
        const ruAt =
          partAnchor(split.russian, so.geo) ?? nudgeInside(lerp(ax.from, ax.to, 0.85), so.geo);
        const uaAt =
          partAnchor(split.ukrainian, so.geo) ?? nudgeInside(lerp(ax.from, ax.to, 0.15), so.geo);
        place('ukrainian', uaAt, sv.ukrainian, 0);
        const pair = sv.northKorean > 0 && sv.russian > 0;
        const half = pair
          ? ((markerWidth(sv.russian) + markerWidth(sv.northKorean)) * u) / 4 + 4
          : 0;
        place('russian', ruAt, sv.russian, -half);
        place('northKorean', ruAt, sv.northKorean, half);
      } else {
        for (const f of ['ukrainian', 'russian', 'northKorean'] as const) {
          so.markers[f].image.setVisible(false);
          so.markers[f].count.setVisible(false);
        }
      }
    }
  }

  /** Removes the view's objects and its extra camera. */
  destroy(): void {
    if (this.insetCam) this.scene.cameras.remove(this.insetCam);
    this.mainLayer.destroy();
    this.effectsLayer.destroy();
    this.insetLayer.destroy();
    this.insetEffectsLayer.destroy();
  }

  get size(): { width: number; height: number } {
    return { width: this.width, height: this.height };
  }
}

/** A point on the way from p to the sector's centroid, inside the sector. */
function nudgeInside(p: Pt, sector: SectorGeometry): Pt {
  if (pointInPolygon(p, sector.points)) return p;
  const c = centroid(sector.points);
  for (let t = 0.2; t <= 1; t += 0.2) {
    const q = lerp(p, c, t);
    if (pointInPolygon(q, sector.points)) return q;
  }
  return c;
}

