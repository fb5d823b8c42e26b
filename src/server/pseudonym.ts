/**
 * Pseudonyms: what a student is called on the results board. Suggested by the game, editable,
 * never a real-name account. Checked by the shared shown-text rule (src/text/shown-text.ts):
 * 1-40 characters of visible text in any script, no web addresses, no disguised letters.
 * They are always shown as text (textContent), never as HTML.
 */
import { checkShownText, SHOWN_TEXT, type ShownTextCheck } from '../text/shown-text';

export const PSEUDONYM_MAX = SHOWN_TEXT.pseudonym.max;
export const DEFAULT_PSEUDONYM = 'Anonymous';

export type PseudonymCheck = ShownTextCheck;

export function checkPseudonym(input: unknown): PseudonymCheck {
  if (input === undefined || input === null) return { ok: true, value: DEFAULT_PSEUDONYM };
  return checkShownText(input, 'pseudonym');
}
