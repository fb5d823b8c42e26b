/**
 * Seat tokens: what a student's device proves its seat with, and the personal resume code shown
 * at join (the same secret, typed in groups of four). 16 characters from the class-code alphabet
 * (no look-alikes) are about 79 random bits; the server stores only their sha256, like
 * moderation keys.
 */
import { randomInt } from 'node:crypto';
import { CODE_ALPHABET } from '../ids';

export const SEAT_TOKEN_LENGTH = 16;

export function newSeatToken(): string {
  let s = '';
  for (let i = 0; i < SEAT_TOKEN_LENGTH; i++) s += CODE_ALPHABET[randomInt(CODE_ALPHABET.length)];
  return s;
}
