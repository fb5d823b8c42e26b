// The engine's generator must draw exactly the numbers of seedrandom's Alea, which every game
// and stored record so far was played with: a different number anywhere changes turn hashes,
// and records made before would no longer verify.
import alea from 'seedrandom/lib/alea';
import { describe, expect, it } from 'vitest';

import { randomFrom, seedRng } from '../../src/engine';
import { openRng } from '../../src/engine/rng';

const SEEDS = [
  '',
  ' ',
  'a',
  'loadtest-0:3:moscow:47',
  'Ünïcødé seed 🙂 with a surrogate pair',
  'x'.repeat(500),
  ...Array.from({ length: 300 }, (_, i) => `seed-${i}:${i % 13}:kyiv:${i * 7919}`),
];

describe('the seeded generator', () => {
  it('seeds the same state as seedrandom for every seed', () => {
    for (const seed of SEEDS)
      expect(seedRng(seed), seed).toEqual(alea(seed, { state: true }).state());
  });

  it('draws the same numbers as seedrandom, from a seed and from a saved state', () => {
    for (const seed of SEEDS) {
      const ours = randomFrom(seed);
      const theirs = alea(seed);
      for (let i = 0; i < 50; i++) expect(ours(), `${seed} #${i}`).toBe(theirs());
    }
    for (const seed of SEEDS.slice(0, 40)) {
      const reference = alea(seed, { state: true });
      for (let i = 0; i < 7; i++) reference();
      const opened = openRng(reference.state());
      const continued = alea('', { state: reference.state() });
      for (let i = 0; i < 50; i++) expect(opened.next()).toBe(continued());
      expect(opened.save()).toEqual(continued.state());
    }
  });

  it('leaves the state it was opened from unchanged (a game state is only changed by saving)', () => {
    const state = seedRng('keep');
    const copy = { ...state };
    const rng = openRng(state);
    rng.next();
    rng.next();
    expect(state).toEqual(copy);
    expect(rng.save()).not.toEqual(copy);
  });
});
