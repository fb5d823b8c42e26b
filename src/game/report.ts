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
import { nearestPoint, placeLabels, placesAround, placesInView, type Box } from './label-layout';
import { INSET_ORIGIN, type MapView } from './map';
import { textStyle, v2 } from './map-paint';

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
  /** Ticks so far: the passing labels are laid out once per tick. */
  private ticks = 0;
  /** Loss cards and the main map's delivery labels; the inset's delivery labels. */
  private readonly mainLabels: PassingLabels;
  private readonly insetLabels: PassingLabels;
  private finished = false;
  private readonly onUpdate: (time: number, delta: number) => void;

  constructor(
    private readonly view: MapView,
    private readonly report: TurnReport,
    private speed: ReportSpeed,
    private readonly onDone: () => void,
    private readonly reducedMotion = false,
  ) {
    this.mainLabels = new PassingLabels(() => view.readableBoxes());
    this.insetLabels = new PassingLabels(() => view.insetReadableBoxes());
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
    this.ticks++;
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
    deliveries.forEach((d, i) => this.addDelivery(d, i * T.deliveryStagger));
    const front0 = deliveries.length > 0 ? T.frontDelay : 0;
    // On a phone the front is too small for every sector's card at once: they take turns, at
    // most two on show, so each finds a place that covers nothing.
    const cardStagger = this.view.size.width < 600 ? T.float / 2 : T.sectorStagger;
    this.report.sectors.forEach((s, i) =>
      this.addSector(s, front0 + i * T.sectorStagger, front0 + i * cardStagger),
    );
    if (this.tracks.length === 0)
      this.add({ start: 0, duration: 0, update: () => {}, end: () => {} });
  }

  private addSector(s: SectorReport, start: number, cardStart: number): void {
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
    let leader: Phaser.GameObjects.Graphics | null = null;
    const cardHeight = rows.length * CARD_ROW + CARD_PAD * 2;
    const key = {};
    this.add({
      start: cardStart,
      duration: T.float,
      begin: () => {
        const card = casualtyFloat(view.scene, rows);
        float = card;
        leader = view.scene.add.graphics();
        view.effectsLayer.add(leader);
        const cardWidth = (card.getData('width') as number | undefined) ?? 0;
        card.setScale(1 / view.zoom);
        card.setAlpha(0);
        view.effectsLayer.add(card);
        // Beside the sector's unit markers (they move with the front while the card shows), in
        // a place that covers no name, marker or other card.
        this.mainLabels.add(key, () => {
          const scale = view.textScale / view.zoom;
          const c = view.sectorAnchor(s.sector);
          const groups = view.markerGroups(s.sector);
          const w = cardWidth * scale;
          const h = cardHeight * scale;
          return [
            ...placesAround(
              groups.length > 0 ? groups : [{ left: c.x, right: c.x, top: c.y, bottom: c.y }],
              w,
              h,
              4 / view.zoom,
            ),
            // Anywhere in view (a phone's small front), joined to its sector by a leader line.
            ...placesInView(view.readableBoxes().view, w, h),
          ];
        });
      },
      update: (t) => {
        if (!float || !leader) return;
        const z = view.zoom;
        const box = this.mainLabels.boxOf(key, this.ticks);
        if (!box) return;
        // It fades in and out where it stands: sliding into place would pass over what it avoids.
        float.setScale(view.textScale / z);
        float.setPosition((box.left + box.right) / 2, box.top);
        const alpha = t < 0.12 ? t / 0.12 : t > 0.8 ? (1 - t) / 0.2 : 1;
        float.setAlpha(alpha);
        // A card placed away from its sector's markers points at the nearest of them.
        leader.clear();
        let best: { from: Pt; to: Pt; d: number } | null = null;
        for (const g of view.markerGroups(s.sector)) {
          const to = { x: (g.left + g.right) / 2, y: (g.top + g.bottom) / 2 };
          const from = nearestPoint(box, to);
          const d = Math.hypot(to.x - from.x, to.y - from.y);
          if (!best || d < best.d) best = { from, to, d };
        }
        if (best && best.d > 40 / z) {
          leader.lineStyle(2 / z, 0x12161c, 0.85 * alpha);
          leader.lineBetween(best.from.x, best.from.y, best.to.x, best.to.y);
        }
      },
      end: () => {
        this.mainLabels.remove(key);
        leader?.destroy();
        float?.destroy();
        float = null;
      },
    });
  }

  private addDelivery(d: DeliveryReport, start: number): void {
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
    // The arrow's head: the label goes beside it, clear of the city names and the other labels.
    let head: Pt = pts[0]!;
    const labels = inInset ? this.insetLabels : this.mainLabels;
    const key = {};

    this.add({
      start,
      duration: T.delivery,
      begin: () => {
        g = scene.add.graphics();
        const l = deliveryLabel(scene, d, inInset ? 1 : 2);
        label = l;
        layer.add([g, l]);
        labels.add(key, () =>
          besideArrow(
            head,
            l.width / zoom(),
            l.height / zoom(),
            zoom(),
            inInset ? view.insetReadableBoxes().view : null,
          ),
        );
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
        head = p;
        const box = labels.boxOf(key, this.ticks);
        if (box) label.setPosition(box.left, box.top);
        const alpha = t > 0.85 ? (1 - t) / 0.15 : 1;
        g.setAlpha(alpha);
        label.setAlpha(alpha);
      },
      end: () => {
        labels.remove(key);
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

/**
 * The labels passing over one camera's picture, laid out together once per tick (placeLabels):
 * none covers another or anything `readable` lists, and each keeps its place while it can.
 */
class PassingLabels {
  private readonly items = new Map<
    object,
    { candidates: () => Box[]; previous?: number; box: Box | null }
  >();
  private stamp = -1;

  constructor(private readonly readable: () => { boxes: Box[]; view: Box }) {}

  add(key: object, candidates: () => Box[]): void {
    this.items.set(key, { candidates, box: null });
    this.stamp = -1;
  }

  remove(key: object): void {
    this.items.delete(key);
  }

  boxOf(key: object, stamp: number): Box | null {
    if (stamp !== this.stamp) {
      this.stamp = stamp;
      const { boxes, view } = this.readable();
      const list = [...this.items.values()];
      const candidates = list.map((i) => i.candidates());
      const chosen = placeLabels(
        list.map((i, k) => ({ candidates: candidates[k]!, previous: i.previous })),
        boxes,
        view,
      );
      list.forEach((i, k) => {
        i.previous = chosen[k]!;
        i.box = candidates[k]![chosen[k]!] ?? null;
      });
    }
    return this.items.get(key)?.box ?? null;
  }
}

/**
 * Places for a w×h delivery label: beside the arrow's head at `p` (above or below, right or left,
 * then further out); then, in the small inset, stacked in its bottom-left or top-right corner.
 */
function besideArrow(p: Pt, w: number, h: number, z: number, inset: Box | null): Box[] {
  const out: Box[] = [];
  const gap = 10 / z;
  const step = h + 2 / z;
  for (const row of [0, 1, 2])
    for (const [dx, dy] of [
      [gap, -gap - h],
      [gap, gap],
      [-gap - w, -gap - h],
      [-gap - w, gap],
    ] as const) {
      const y = p.y + dy + (dy < 0 ? -1 : 1) * row * step;
      out.push({ left: p.x + dx, top: y, right: p.x + dx + w, bottom: y + h });
    }
  if (inset) {
    for (const row of [0, 1, 2, 3]) {
      const bottom = inset.bottom - row * step;
      out.push({ left: inset.left, top: bottom - h, right: inset.left + w, bottom });
      const top = inset.top + 20 / z + row * step;
      out.push({ left: inset.right - w, top, right: inset.right, bottom: top + h });
    }
    out.push(...placesInView(inset, w, h));
  }
  return out;
}

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

/** A delivery's label: its `most` largest goods with their icons, then how many more, late, short. */
function deliveryLabel(
  scene: Phaser.Scene,
  d: DeliveryReport,
  most: number,
): Phaser.GameObjects.Container {
  const c = scene.add.container(0, 0);
  const entries = Object.entries(d.moved)
    .filter(([, n]) => (n ?? 0) > 0)
    .sort((a, b) => (b[1] ?? 0) - (a[1] ?? 0));
  const shown = entries.slice(0, most);
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
  // The inset's labels are short (one good): the report's words list everything delivered.
  if (entries.length > shown.length && most > 1)
    notes.push(`+${entries.length - shown.length} more`);
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
