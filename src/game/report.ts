/**
 * Plays a TurnReport on the map: deliveries travel along the route, each sector's control moves
 * from its old to its new value, and casualty numbers rise from the sectors. A small timeline
 * driven by the scene's update clock, so that speed (1×, 2×, 4×) and skip are exact.
 */
import * as Phaser from 'phaser';

import type { Bundle, Capital, DeliveryReport, SectorReport, TurnReport } from '../engine/types';
import { ITEM_ICON, ITEM_LABEL, type IconName } from '../ui/icons';
import { CAPITAL_STYLE, FORCE_STYLE, MAP_STYLE, hexToNumber, type ForceId } from '../ui/theme';
import { iconKey } from './assets';
import { pointAlong, routeBetween, slicePolyline, type Pt } from './geometry';
import { INSET_ORIGIN, textStyle, v2, type MapView } from './map';

export type ReportSpeed = 1 | 2 | 4;

interface Track {
  start: number;
  duration: number;
  begin?: () => void;
  update: (t: number) => void;
  end: () => void;
  state: 'waiting' | 'running' | 'done';
}

/** Durations at 1× speed, in milliseconds. */
const T = {
  deliveryStagger: 350,
  delivery: 1900,
  frontDelay: 900,
  sectorStagger: 220,
  control: 1500,
  float: 3000,
};

export class TurnReportPlayer {
  private readonly tracks: Track[] = [];
  private elapsed = 0;
  private finished = false;
  private readonly onUpdate: (time: number, delta: number) => void;

  constructor(
    private readonly view: MapView,
    private readonly report: TurnReport,
    private speed: ReportSpeed,
    private readonly onDone: () => void,
    private readonly reducedMotion = false,
  ) {
    this.build();
    this.onUpdate = (_time, delta) => this.tick(delta);
  }

  start(): void {
    this.view.scene.events.on(Phaser.Scenes.Events.UPDATE, this.onUpdate);
    this.tick(0);
  }

  setSpeed(speed: ReportSpeed): void {
    this.speed = speed;
  }

  get isFinished(): boolean {
    return this.finished;
  }

  /** Jumps to the end: every sector at its new control, every effect removed, onDone called once. */
  skip(): void {
    if (this.finished) return;
    for (const tr of this.tracks) {
      if (tr.state === 'waiting') tr.begin?.();
      if (tr.state !== 'done') tr.end();
      tr.state = 'done';
    }
    this.finish();
  }

  /** Stops without calling onDone (the scene is going away). */
  cancel(): void {
    if (this.finished) return;
    for (const tr of this.tracks) if (tr.state === 'running') tr.end();
    this.finished = true;
    this.view.scene.events.off(Phaser.Scenes.Events.UPDATE, this.onUpdate);
  }

  private finish(): void {
    this.finished = true;
    this.view.scene.events.off(Phaser.Scenes.Events.UPDATE, this.onUpdate);
    this.onDone();
  }

  private tick(delta: number): void {
    if (this.finished) return;
    this.elapsed += delta * this.speed;
    let allDone = true;
    for (const tr of this.tracks) {
      if (tr.state === 'done') continue;
      if (this.elapsed < tr.start) {
        allDone = false;
        continue;
      }
      if (tr.state === 'waiting') {
        tr.state = 'running';
        tr.begin?.();
      }
      const t = tr.duration <= 0 ? 1 : Math.min(1, (this.elapsed - tr.start) / tr.duration);
      tr.update(t);
      if (t >= 1) {
        tr.end();
        tr.state = 'done';
      } else {
        allDone = false;
      }
    }
    if (allDone) this.finish();
  }

  private add(track: Omit<Track, 'state'>): void {
    this.tracks.push({ ...track, state: 'waiting' });
  }

  // -------------------------------------------------------------------------------------------

  private build(): void {
    const deliveries = this.report.deliveries.filter(
      (d) => bundleTotal(d.moved) > 0 || bundleTotal(d.short) > 0,
    );
    deliveries.forEach((d, i) => this.addDelivery(d, i * T.deliveryStagger, i));
    const front0 = deliveries.length > 0 ? T.frontDelay : 0;
    this.report.sectors.forEach((s, i) => this.addSector(s, front0 + i * T.sectorStagger));
    if (this.tracks.length === 0)
      this.add({ start: 0, duration: 0, update: () => {}, end: () => {} });
  }

  private addSector(s: SectorReport, start: number): void {
    const view = this.view;
    const from = s.controlBefore;
    const to = s.controlAfter;
    this.add({
      start,
      duration: this.reducedMotion ? 0 : T.control,
      begin: () => view.setDisplayedControl(s.sector, from),
      update: (t) => view.setDisplayedControl(s.sector, from + (to - from) * easeInOut(t)),
      end: () => view.setDisplayedControl(s.sector, to),
    });

    const rows: CasualtyRow[] = [];
    const nk = s.northKorean;
    if (nk.killed + nk.wounded + nk.captured > 0) rows.push({ force: 'northKorean', ...nk });
    if (s.russian.killed + s.russian.wounded > 0)
      rows.push({ force: 'russian', ...s.russian, captured: 0 });
    if (s.ukrainian.killed + s.ukrainian.wounded > 0)
      rows.push({ force: 'ukrainian', ...s.ukrainian, captured: 0 });
    if (rows.length === 0) return;

    let float: Phaser.GameObjects.Container | null = null;
    const cardHeight = rows.length * CARD_ROW + CARD_PAD * 2;
    let cardWidth = 0;
    this.add({
      start,
      duration: T.float,
      begin: () => {
        float = casualtyFloat(view.scene, rows);
        cardWidth = (float.getData('width') as number | undefined) ?? 0;
        float.setScale(1 / view.zoom);
        float.setAlpha(0);
        view.effectsLayer.add(float);
      },
      update: (t) => {
        if (!float) return;
        const z = view.zoom;
        const rise = this.reducedMotion ? 0 : 34 * easeOut(Math.min(1, t / 0.35));
        const scale = view.textScale / z;
        // Off the unit markers (they move with the front while the card shows): of the places
        // the map offers, the first that covers fewest markers.
        const h = cardHeight * scale;
        const w = cardWidth * scale;
        const boxes = view.markerBoxes();
        const covered = (p: { x: number; y: number }) =>
          boxes.filter(
            (b) =>
              b.left < p.x + w / 2 && b.right > p.x - w / 2 && b.top < p.y + h && b.bottom > p.y,
          ).length;
        let at = view.lossCardPlaces(s.sector, h)[0]!;
        for (const p of view.lossCardPlaces(s.sector, h)) if (covered(p) < covered(at)) at = p;
        float.setScale(scale);
        float.setPosition(at.x, at.y - rise / z);
        float.setAlpha(t < 0.12 ? t / 0.12 : t > 0.8 ? (1 - t) / 0.2 : 1);
      },
      end: () => {
        float?.destroy();
        float = null;
      },
    });
  }

  /** `slot`: the delivery's place in the month's list; labels that overlap take separate rows. */
  private addDelivery(d: DeliveryReport, start: number, slot: number): void {
    const view = this.view;
    const scene = view.scene;
    const carriesTroops = (d.moved.troops ?? 0) > 0;
    let path: Pt[] | null = routeBetween(view.geo, d.from, d.to, carriesTroops);
    let inInset = true;
    if (!path || !view.insetCam) {
      // Pairs the inset does not show (Kyiv's): an arrow across the main map's Ukrainian side.
      inInset = false;
      const sumy = view.geo.towns['sumy'] ?? { x: 372, y: 628 };
      const west = { x: sumy.x - 300, y: sumy.y - 10 };
      path = d.to === 'kyiv' ? [west, sumy] : [sumy, west];
    }
    const o = inInset ? INSET_ORIGIN : { x: 0, y: 0 };
    const pts = path.map((p) => ({ x: p.x + o.x, y: p.y + o.y }));
    const color = hexToNumber(CAPITAL_STYLE[d.from as Capital]?.color ?? MAP_STYLE.ink);
    const layer = inInset ? view.insetEffectsLayer : view.effectsLayer;
    const zoom = (): number => (inInset ? view.insetZoom : view.zoom);
    let g: Phaser.GameObjects.Graphics | null = null;
    let label: Phaser.GameObjects.Container | null = null;

    this.add({
      start,
      duration: T.delivery,
      begin: () => {
        g = scene.add.graphics();
        label = deliveryLabel(scene, d);
        layer.add([g, label]);
      },
      update: (t) => {
        if (!g || !label) return;
        const z = zoom();
        const k = this.reducedMotion ? 1 : easeInOut(Math.min(1, t / 0.75));
        g.clear();
        const trail = slicePolyline(pts, 0, k);
        g.lineStyle(7 / z, 0xffffff, 0.9);
        g.strokePoints(v2(trail), false);
        g.lineStyle(4 / z, color, 1);
        g.strokePoints(v2(trail), false);
        const { p, angle } = pointAlong(pts, k);
        arrowHead(g, p, angle, 13 / z, color);
        label.setScale(1 / z);
        const lw = label.width / z;
        let lx = p.x + 10 / z;
        // Deliveries travel the same route a moment apart: each label keeps its own row.
        const row = (slot % 3) * 26;
        let ly = p.y - (30 + row) / z;
        if (inInset) {
          const right = INSET_ORIGIN.x + view.geo.inset.width - 4 / z;
          if (lx + lw > right) lx = Math.max(INSET_ORIGIN.x + 4 / z, p.x - 10 / z - lw);
          if (ly < INSET_ORIGIN.y + 26 / z) ly = p.y + (14 + row) / z;
        }
        label.setPosition(lx, ly);
        const alpha = t > 0.85 ? (1 - t) / 0.15 : 1;
        g.setAlpha(alpha);
        label.setAlpha(alpha);
      },
      end: () => {
        g?.destroy();
        label?.destroy();
        g = null;
        label = null;
      },
    });
  }
}

// ---------------------------------------------------------------------------------------------
// Pieces
// ---------------------------------------------------------------------------------------------

interface CasualtyRow {
  force: ForceId;
  killed: number;
  wounded: number;
  captured: number;
}

const fmt = new Intl.NumberFormat('en-GB');

/** A dark chip: one row per force — its letter badge, then killed, wounded, captured. */
const CARD_ROW = 22;
const CARD_PAD = 6;

function casualtyFloat(scene: Phaser.Scene, rows: CasualtyRow[]): Phaser.GameObjects.Container {
  const c = scene.add.container(0, 0);
  const rowH = CARD_ROW;
  const pad = CARD_PAD;
  const items: Phaser.GameObjects.GameObject[] = [];
  let maxW = 0;
  rows.forEach((row, i) => {
    const y = pad + i * rowH + rowH / 2;
    let x = pad;
    const style = FORCE_STYLE[row.force];
    const badge = scene.add.graphics();
    badge.fillStyle(hexToNumber(style.color), 1);
    badge.fillRect(x, y - 8, 18, 16);
    badge.lineStyle(1, 0xffffff, 0.9);
    badge.strokeRect(x, y - 8, 18, 16);
    const letter = scene.add
      .text(x + 9, y, style.letter, textStyle(11, '#ffffff', { bold: true }))
      .setOrigin(0.5, 0.5);
    items.push(badge, letter);
    x += 24;
    const parts: [IconName, number, string][] = [
      ['killed', row.killed, 'killed'],
      ['wounded', row.wounded, 'wounded'],
      ['captured', row.captured, 'captured'],
    ];
    for (const [icon, n] of parts) {
      if (n <= 0) continue;
      const img = scene.add.image(x + 8, y, iconKey(icon)).setDisplaySize(16, 16);
      const txt = scene.add
        .text(x + 19, y, fmt.format(n), textStyle(12, '#ffffff', { bold: true }))
        .setOrigin(0, 0.5);
      items.push(img, txt);
      x += 19 + txt.width + 8;
    }
    maxW = Math.max(maxW, x - 8 + pad);
  });
  const bg = scene.add.graphics();
  const h = rows.length * rowH + pad * 2;
  bg.fillStyle(0x12161c, 0.9);
  bg.fillRoundedRect(0, 0, maxW, h, 6);
  bg.lineStyle(1, 0xf0e6c8, 0.8);
  bg.strokeRoundedRect(0, 0, maxW, h, 6);
  c.add([bg, ...items]);
  // Centre horizontally on the anchor.
  for (const child of c.list as unknown as { x: number }[]) child.x -= maxW / 2;
  c.setData('width', maxW);
  return c;
}

function deliveryLabel(scene: Phaser.Scene, d: DeliveryReport): Phaser.GameObjects.Container {
  const c = scene.add.container(0, 0);
  const entries = Object.entries(d.moved)
    .filter(([, n]) => (n ?? 0) > 0)
    .sort((a, b) => (b[1] ?? 0) - (a[1] ?? 0));
  const shown = entries.slice(0, 2);
  const items: Phaser.GameObjects.GameObject[] = [];
  let x = 6;
  for (const [item, n] of shown) {
    const icon = ITEM_ICON[item];
    if (icon) {
      items.push(scene.add.image(x + 8, 12, iconKey(icon)).setDisplaySize(16, 16));
      x += 19;
    }
    const t = scene.add
      .text(
        x,
        12,
        `${fmt.format(n ?? 0)} ${shortLabel(item)}`,
        textStyle(12, '#ffffff', { bold: true }),
      )
      .setOrigin(0, 0.5);
    items.push(t);
    x += t.width + 8;
  }
  const notes: string[] = [];
  if (entries.length > shown.length) notes.push(`+${entries.length - shown.length} more`);
  if (d.late) notes.push('late');
  if (bundleTotal(d.short) > 0) notes.push('short');
  if (shown.length === 0) notes.unshift('nothing delivered');
  if (notes.length) {
    const t = scene.add
      .text(x, 12, notes.join(' · '), textStyle(12, '#ffd0a8', { bold: true }))
      .setOrigin(0, 0.5);
    items.push(t);
    x += t.width + 8;
  }
  const bg = scene.add.graphics();
  bg.fillStyle(0x12161c, 0.9);
  bg.fillRoundedRect(0, 0, x - 2, 24, 5);
  c.add([bg, ...items]);
  c.setSize(x - 2, 24);
  return c;
}

function shortLabel(item: string): string {
  const l = ITEM_LABEL[item] ?? item;
  return l.replace(/ technology$/, ' tech').replace(/^[A-Z](?=[a-z])/, (c) => c.toLowerCase());
}

function arrowHead(
  g: Phaser.GameObjects.Graphics,
  p: Pt,
  angle: number,
  size: number,
  color: number,
): void {
  const cos = Math.cos(angle);
  const sin = Math.sin(angle);
  const tip = { x: p.x + cos * size * 0.6, y: p.y + sin * size * 0.6 };
  const l = {
    x: p.x - cos * size * 0.5 - sin * size * 0.5,
    y: p.y - sin * size * 0.5 + cos * size * 0.5,
  };
  const r = {
    x: p.x - cos * size * 0.5 + sin * size * 0.5,
    y: p.y - sin * size * 0.5 - cos * size * 0.5,
  };
  g.fillStyle(0xffffff, 1);
  g.fillCircle(p.x, p.y, size * 0.75);
  g.fillStyle(color, 1);
  g.fillTriangle(tip.x, tip.y, l.x, l.y, r.x, r.y);
}

function bundleTotal(b: Bundle): number {
  let n = 0;
  for (const v of Object.values(b)) n += v ?? 0;
  return n;
}

function easeInOut(t: number): number {
  return t < 0.5 ? 2 * t * t : 1 - (-2 * t + 2) ** 2 / 2;
}

function easeOut(t: number): number {
  return 1 - (1 - t) ** 3;
}
