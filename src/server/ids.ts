/** Random identifiers, class codes and moderation keys (node:crypto only). */
import { createHash, randomBytes, randomFillSync, randomInt, timingSafeEqual } from 'node:crypto';

const ID_BYTES = 9;
// Random bytes drawn for many ids at once (one call into the generator per 455 ids instead of
// one per id); each byte is used once.
const idPool = Buffer.alloc(ID_BYTES * 455);
let idNext = idPool.length;

/** Result ids: 12 url-safe characters (72 random bits), safe to put in a share link. */
export function newResultId(): string {
  if (idNext + ID_BYTES > idPool.length) {
    randomFillSync(idPool);
    idNext = 0;
  }
  idNext += ID_BYTES;
  return idPool.toString('base64url', idNext - ID_BYTES, idNext);
}

/** No 0/O, 1/I/L: a code read aloud or copied from a projector must survive. */
export const CODE_ALPHABET = 'ABCDEFGHJKMNPQRSTUVWXYZ23456789';
export const CLASS_CODE_LENGTH = 6;
export const CLASS_CODE_PATTERN = /^[ABCDEFGHJKMNPQRSTUVWXYZ23456789]{6}$/;

export function newClassCode(): string {
  let s = '';
  for (let i = 0; i < CLASS_CODE_LENGTH; i++) s += CODE_ALPHABET[randomInt(CODE_ALPHABET.length)];
  return s;
}

/** What a student types: case and spaces and dashes forgiven. */
export function normaliseClassCode(input: string): string {
  return input.replace(/[\s-]/g, '').toUpperCase();
}

/** Moderation keys: 32 random bytes (256 bits), base64url. */
export function newModerationKey(): string {
  return randomBytes(32).toString('base64url');
}

/**
 * A moderation key is 256 random bits, so a plain sha256 is enough to store it (a slow hash
 * such as scrypt protects guessable passwords; nothing here is guessable).
 */
export function hashKey(key: string): string {
  return createHash('sha256').update(key, 'utf8').digest('hex');
}

export function keyMatches(key: string, storedHash: string): boolean {
  const a = Buffer.from(hashKey(key), 'hex');
  const b = Buffer.from(storedHash, 'hex');
  return a.length === b.length && timingSafeEqual(a, b);
}

export function sha256Hex(text: string): string {
  return createHash('sha256').update(text, 'utf8').digest('hex');
}
