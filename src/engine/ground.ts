/**
 * Kyiv's bargaining chips on the Kursk front: the ground it holds and the months of pause it is
 * owed. Ground is the salient itself (1 point = 1% of it), so Kyiv's `ground` stock is kept equal
 * to what it holds; handing ground over moves the line in Russia's favour where Ukraine holds
 * most. Nothing stops the fighting from moving the line back later, unless a pause holds.
 */
import { kurskHeldPoints } from './metrics';
import { clamp } from './stocks';
import type { GameState } from './types';

/** Kyiv's `ground` stock follows the salient it holds, in whole points. */
export function syncGround(state: GameState): void {
  state.stocks.kyiv.ground = kurskHeldPoints(state);
}

/**
 * Hands `points` of the salient to Russia: each point is 1% of the whole, taken first from the
 * sectors Ukraine holds most of. Returns the points actually handed over.
 */
export function cedeGround(state: GameState, points: number): number {
  const n = state.sectors.length;
  if (n === 0 || points <= 0) return 0;
  let left = Math.min(points, kurskHeldPoints(state)) * n; // sector points to move
  const moved = left / n;
  const order = state.sectors.map((s, i) => i).sort((a, b) => state.sectors[a]!.control - state.sectors[b]!.control || a - b);
  for (const i of order) {
    if (left <= 0) break;
    const s = state.sectors[i]!;
    const take = Math.min(left, 100 - s.control);
    s.control = clamp(s.control + take, 0, 100);
    left -= take;
  }
  syncGround(state);
  return moved;
}
