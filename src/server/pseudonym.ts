/**
 * Pseudonyms: what a student is called on the results board. Suggested by the game, editable,
 * never a real-name account. Checked here: 1-40 characters of printable text, no web addresses.
 * They are always shown as text (textContent), never as HTML.
 */
export const PSEUDONYM_MAX = 40;
export const DEFAULT_PSEUDONYM = 'Anonymous';

// Control characters, bidirectional overrides and isolates (they can reverse how text reads),
// zero-width characters and the byte-order mark.
// eslint-disable-next-line no-control-regex
const FORBIDDEN = /[\u0000-\u001f\u007f-\u009f\u200b-\u200f\u202a-\u202e\u2060-\u2069\ufeff]/u;
const TLDS =
  'com|net|org|info|biz|edu|gov|io|co|me|app|dev|xyz|site|online|link|click|ly|gg|tv|to|cc|us|uk|eu|de|fr|ru|ua|kp|kr|cn|jp';
const URL_LIKE = new RegExp(`(://|www\\.|\\b[a-z0-9-]+\\.(?:${TLDS})(?:/|\\b))`, 'iu');

export type PseudonymCheck = { ok: true; value: string } | { ok: false; message: string };

export function checkPseudonym(input: unknown): PseudonymCheck {
  if (input === undefined || input === null) return { ok: true, value: DEFAULT_PSEUDONYM };
  if (typeof input !== 'string') return { ok: false, message: 'the pseudonym must be text' };
  if (FORBIDDEN.test(input))
    return { ok: false, message: 'the pseudonym contains control or invisible characters' };
  const value = input.normalize('NFC').replace(/\s+/gu, ' ').trim();
  const length = [...value].length;
  if (length < 1) return { ok: false, message: 'the pseudonym is empty' };
  if (length > PSEUDONYM_MAX)
    return {
      ok: false,
      message: `the pseudonym is ${length} characters long; at most ${PSEUDONYM_MAX} are allowed`,
    };
  if (URL_LIKE.test(value))
    return {
      ok: false,
      message: 'the pseudonym looks like a web address; choose a name without one',
    };
  return { ok: true, value };
}
