/**
 * Seeded randomness. The generator's state lives in the game state (state.rng), so a state is
 * plain JSON that can be hashed, saved and resumed, and replay draws the same numbers.
 */
import alea from 'seedrandom/lib/alea';
import type { RngState } from './types';

export interface Rng {
  /** Uniform in [0, 1). */
  next(): number;
  /** The state to store back into the game state. */
  save(): RngState;
}

export function seedRng(seed: string): RngState {
  return alea(seed, { state: true }).state();
}

export function openRng(state: RngState): Rng {
  const prng = alea('', { state: { ...state } });
  return { next: () => prng(), save: () => prng.state() };
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
