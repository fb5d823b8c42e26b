/**
 * Seeded randomness. The generator's state lives in the game state (state.rng), so a state is
 * plain JSON that can be hashed, saved and resumed, and replay draws the same numbers.
 *
 * The generator is Baagøe's Alea, number for number the one of the seedrandom package (which
 * games and records have always used; tests/engine/rng.test.ts compares the two), written as plain
 * functions over the four numbers of its state: seeding one per computer decision through the
 * package built several closures each time, a noticeable part of verifying a record.
 */
import type { RngState } from './types';

/** 2^-32 */
const UNIT = 2.3283064365386963e-10;

/** Alea's string hash ("Mash"): folds `text` into the running value `n`. */
function mash(n: number, text: string): number {
  for (let i = 0; i < text.length; i++) {
    n += text.charCodeAt(i);
    let h = 0.02519603282416938 * n;
    n = h >>> 0;
    h -= n;
    h *= n;
    n = h >>> 0;
    h -= n;
    n += h * 0x100000000;
  }
  return n;
}

/** The generator's state after seeding with `seed`. */
function seeded(seed: string): RngState {
  let n = 0xefc8249d;
  const s: number[] = [];
  for (let i = 0; i < 3; i++) {
    n = mash(n, ' ');
    s.push((n >>> 0) * UNIT);
  }
  for (let i = 0; i < 3; i++) {
    n = mash(n, seed);
    s[i]! -= (n >>> 0) * UNIT;
    if (s[i]! < 0) s[i]! += 1;
  }
  return { c: 1, s0: s[0]!, s1: s[1]!, s2: s[2]! };
}

/** Draws the next number in [0, 1), advancing `st` in place. */
function draw(st: RngState): number {
  const t = 2091639 * st.s0 + st.c * UNIT;
  st.s0 = st.s1;
  st.s1 = st.s2;
  st.c = t | 0;
  return (st.s2 = t - st.c);
}

export interface Rng {
  /** Uniform in [0, 1). */
  next(): number;
  /** The state to store back into the game state. */
  save(): RngState;
}

export function seedRng(seed: string): RngState {
  return seeded(seed);
}

export function openRng(state: RngState): Rng {
  const st = { c: state.c, s0: state.s0, s1: state.s1, s2: state.s2 };
  return { next: () => draw(st), save: () => ({ c: st.c, s0: st.s0, s1: st.s1, s2: st.s2 }) };
}

/** Numbers in [0, 1) seeded from `seed` (the computer players' own randomness). */
export function randomFrom(seed: string): () => number {
  const st = seeded(seed);
  return () => draw(st);
}

/**
 * Rounds an expected count to an integer without bias: the fractional part becomes the chance
 * of one more. Keeps small expectations (e.g. 0.3 captures a month) meaningful.
 */
export function roundRandom(expected: number, rng: Rng): number {
  if (!(expected > 0)) return 0;
  // Counts stay finite whatever a rule multiplies (the engine's largest count is 1e12).
  const e = expected < 1e12 ? expected : 1e12;
  const whole = Math.floor(e);
  return whole + (rng.next() < e - whole ? 1 : 0);
}

/** A multiplier in [1 - spread, 1 + spread] with a triangular distribution centred on 1. */
export function jitter(spread: number, rng: Rng): number {
  return 1 + spread * (rng.next() + rng.next() - 1);
}
