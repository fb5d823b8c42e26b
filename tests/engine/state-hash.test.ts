import { describe, expect, it } from 'vitest';
import { cloneState, hashState, type GameState } from '../../src/engine';
import { playGame } from '../../src/sim/play';
import { builtInRules, HISTORICAL_SEATS } from '../helpers/rules';

/** Parts of the state the hash leaves out on purpose: derived each turn, or pinned elsewhere. */
const DERIVED = ['rules', 'metrics', 'history', 'news', 'reports', 'estimates', 'turnHashes'];

function leaves(value: unknown, path: (string | number)[] = []): (string | number)[][] {
  if (value !== null && typeof value === 'object') {
    return Object.entries(value).flatMap(([k, v]) => leaves(v, [...path, Array.isArray(value) ? Number(k) : k]));
  }
  return [path];
}

function midGame(): GameState {
  // A finished historical game: offers, deals, cohorts, prisoners and flags all present.
  return playGame(builtInRules(), { seed: 'hash-coverage', seats: HISTORICAL_SEATS }).state;
}

describe('state hash', () => {
  it('changes when any leaf of the world changes', () => {
    const state = midGame();
    const base = hashState(state);
    const paths = leaves(state).filter((p) => !DERIVED.includes(String(p[0])));
    expect(paths.length).toBeGreaterThan(300);
    const missed: string[] = [];
    for (const path of paths) {
      const copy = cloneState(state) as unknown as Record<string | number, unknown>;
      let parent = copy;
      for (const k of path.slice(0, -1)) parent = parent[k] as Record<string | number, unknown>;
      const key = path.at(-1)!;
      const v = parent[key];
      parent[key] = typeof v === 'number' ? v + 1 : typeof v === 'boolean' ? !v : `${String(v)}x`;
      if (hashState(copy as unknown as GameState) === base) missed.push(path.join('.'));
    }
    expect(missed).toEqual([]);
  });

  it('does not change with derived parts or key order', () => {
    const state = midGame();
    const base = hashState(state);
    const copy = cloneState(state);
    copy.news = [];
    copy.metrics = {};
    expect(hashState(copy)).toBe(base);
    const reordered = cloneState(state);
    reordered.expedition.bySector = Object.fromEntries(Object.entries(reordered.expedition.bySector).reverse());
    expect(hashState(reordered)).toBe(base);
  });
});
