/**
 * The map's passing labels (loss cards, delivery labels): placed so that none covers another or
 * anything the map lists as readable (names, unit markers), inside the view, and steady.
 */
import { describe, expect, it } from 'vitest';

import {
  overlapArea,
  placeLabels,
  placesAround,
  MAX_VIEW_PLACES,
  placesInView,
  type Box,
} from '../../src/game/label-layout';

const box = (left: number, top: number, w = 10, h = 4): Box => ({
  left,
  top,
  right: left + w,
  bottom: top + h,
});
const chosen = (labels: { candidates: Box[] }[], picks: number[]) =>
  picks.map((p, i) => labels[i]!.candidates[p]!);
const pairwiseClear = (boxes: Box[]) => {
  for (let i = 0; i < boxes.length; i++)
    for (let j = i + 1; j < boxes.length; j++) expect(overlapArea(boxes[i]!, boxes[j]!)).toBe(0);
};

describe('placing passing labels', () => {
  it('labels that all want the same place get separate places', () => {
    const same = box(0, 0);
    const labels = [0, 1, 2].map(() => ({
      candidates: [same, box(0, 5), box(0, 10), box(12, 0)],
    }));
    const picks = placeLabels(labels, []);
    expect(picks).toEqual([0, 1, 2]);
    pairwiseClear(chosen(labels, picks));
  });

  it('a label leaves names and markers readable when it can', () => {
    const name = box(2, 1, 3, 2);
    const labels = [{ candidates: [box(0, 0), box(0, 6)] }];
    expect(placeLabels(labels, [name])).toEqual([1]);
    // Touching edges is not covering.
    expect(placeLabels([{ candidates: [box(5, 3)] }], [box(0, 0, 5, 3)])).toEqual([0]);
  });

  it('stays inside the view rather than covering nothing off screen', () => {
    const view = box(0, 0, 20, 20);
    expect(placeLabels([{ candidates: [box(15, 0), box(5, 0)] }], [], view)).toEqual([1]);
  });

  it('keeps its place while clear, and moves when something comes over it', () => {
    const labels = [{ candidates: [box(0, 0), box(0, 10)], previous: 1 }];
    expect(placeLabels(labels, [])).toEqual([1]);
    expect(placeLabels(labels, [box(0, 10)])).toEqual([0]);
  });

  it('with no clear place, takes the one covering least, another label counting most', () => {
    const first = { candidates: [box(0, 0)] };
    const second = { candidates: [box(0, 2), box(0, 0, 10, 4)] };
    const marker = box(0, 2, 10, 1);
    // Candidate 0 covers half of the first label; candidate 1 covers all of it.
    expect(placeLabels([first, second], [marker])).toEqual([0, 0]);
  });

  it('places beside a sector’s markers never cover them, and the grid covers the view', () => {
    const groups = [box(50, 50, 20, 10), box(80, 70, 10, 10)];
    const around = placesAround(groups, 30, 12, 1);
    expect(around.length).toBeGreaterThan(20);
    for (const b of around.slice(0, 8))
      for (const g of groups.slice(0, 1)) expect(overlapArea(b, g)).toBe(0);
    for (const b of around) {
      expect(b.right - b.left).toBeCloseTo(30);
      expect(b.bottom - b.top).toBeCloseTo(12);
    }
    const view = box(0, 0, 100, 60);
    const grid = placesInView(view, 30, 12);
    for (const b of grid) expect(overlapArea(b, view)).toBeCloseTo(30 * 12);
    expect(grid.length).toBe(5 * 9);
  });

  it('four cards around crowded sectors all find clear places when the view has room', () => {
    const view = box(0, 0, 200, 120);
    const markers = [
      box(40, 40, 20, 10),
      box(70, 40, 20, 10),
      box(100, 40, 20, 10),
      box(130, 40, 20, 10),
    ];
    const names = [box(40, 20, 30, 6), box(100, 20, 30, 6)];
    const labels = markers.map((m) => ({
      candidates: [...placesAround([m], 40, 16, 1), ...placesInView(view, 40, 16)],
    }));
    const picks = placeLabels(labels, [...markers, ...names], view);
    const boxes = chosen(labels, picks);
    pairwiseClear(boxes);
    for (const b of boxes) {
      for (const o of [...markers, ...names]) expect(overlapArea(b, o)).toBe(0);
      expect(overlapArea(b, view)).toBeCloseTo(40 * 16);
    }
  });

  it('a label not yet measured gets no grid places, and a tiny one a bounded grid that still covers the view', () => {
    const view = box(0, 0, 1000, 800);
    // A zero step once made the grid loop until the array overflowed ("Invalid array length").
    expect(placesInView(view, 0, 12)).toEqual([]);
    expect(placesInView(view, 30, 0)).toEqual([]);
    expect(placesInView(view, Number.NaN, 12)).toEqual([]);
    const tiny = placesInView(view, 2, 1);
    expect(tiny.length).toBeGreaterThan(MAX_VIEW_PLACES / 2);
    expect(tiny.length).toBeLessThanOrEqual(MAX_VIEW_PLACES);
    for (const b of tiny) expect(overlapArea(b, view)).toBeCloseTo(2);
    // Spread over the whole view, not bunched in its first rows.
    expect(Math.max(...tiny.map((b) => b.bottom))).toBeGreaterThan(700);
    expect(Math.max(...tiny.map((b) => b.right))).toBeGreaterThan(900);
  });
});
