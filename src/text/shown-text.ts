/**
 * The one rule for text that people type and other people read: pseudonyms, seeds, seat labels,
 * offer notes, class names, scenario titles and every other scenario text shown publicly, chat
 * messages. Runs in the browser and on the server (plain ES2022, no imports).
 *
 * Text in any script is welcome (Korean, Ukrainian, Russian, Arabic, Hindi...) and so are emoji,
 * including ZWJ sequences, skin tones and flag tags. Refused, because they hide or disguise what
 * the reader sees:
 *  - control characters (tab and line breaks only where the field is several lines long), NUL;
 *  - bidirectional overrides, embeddings, isolates and marks (they reorder what the eye reads);
 *  - invisible or blank-rendering characters: zero-width spaces, soft hyphen, word joiners,
 *    Hangul fillers (U+3164, U+115F, U+1160, U+FFA0), braille blank, private-use and unassigned
 *    code points, broken UTF-16 (lone surrogates);
 *  - joiners (ZWJ, ZWNJ) anywhere but between emoji or inside scripts that need them;
 *  - stacks of more than MAX_MARKS combining marks on one letter ("zalgo" text);
 *  - text with nothing visible in it;
 *  - for names (pseudonyms, seat labels, class names): anything that looks like a web address,
 *    including look-alike spellings (full-width dots, Cyrillic letters in a Latin word), and
 *    words mixing Latin, Greek, Cyrillic or Armenian letters (the classic look-alike trick).
 */

export interface ShownTextRule {
  /** What the field is called in messages, e.g. "the pseudonym". */
  label: string;
  /** Most characters (code points) after normalising. */
  max: number;
  /** Fewest characters (default 1). */
  min?: number;
  /** Line breaks and tabs allowed (descriptions, chat). */
  multiline?: boolean;
  /** A name: web addresses and mixed-script words refused. */
  name?: boolean;
  /**
   * Return the text exactly as given (seeds and records: changing a byte changes the game).
   * Otherwise the value is NFC-normalised, with runs of spaces collapsed and ends trimmed.
   */
  keepExact?: boolean;
}

/** The fields of the project that show typed text to other people. */
export const SHOWN_TEXT = {
  pseudonym: { label: 'the pseudonym', max: 40, name: true },
  seed: { label: 'the seed', max: 200, keepExact: true },
  seatLabel: { label: 'the seat label', max: 40, name: true },
  offerNote: { label: 'the note', max: 500, multiline: true, keepExact: true },
  className: { label: 'the class name', max: 80, name: true },
  scenarioTitle: { label: 'the title', max: 200, keepExact: true },
  scenarioText: { label: 'the text', max: 20_000, multiline: true, keepExact: true },
  chat: { label: 'the message', max: 500, multiline: true },
} as const satisfies Record<string, ShownTextRule>;

export type ShownTextKind = keyof typeof SHOWN_TEXT;

export type ShownTextCheck = { ok: true; value: string } | { ok: false; message: string };

/** Most combining marks allowed on one base character (Vietnamese uses 2, Indic clusters 3-4). */
export const MAX_MARKS = 4;

// Emoji flag tag sequences (e.g. England's flag): the black flag, tag letters, cancel tag.
const FLAG_TAGS = /\u{1F3F4}[\u{E0020}-\u{E007E}]{1,12}\u{E007F}/gu;
// Variation selector 16/15 after an emoji or symbol: keep the symbol, drop the selector.
const EMOJI_VS = /([\p{Emoji}\p{Extended_Pictographic}])[\uFE0E\uFE0F]/gu;
// Emoji joined by ZWJ (family, profession sequences): any number of links.
const EMOJI_ZWJ =
  /(?<=[\p{Extended_Pictographic}\p{Emoji_Modifier}])\u200D(?=[\p{Extended_Pictographic}\u{1F9B0}-\u{1F9B3}])/gu;
// Joiners inside scripts that shape letters with them (Arabic, Persian, Indic): between a letter
// or mark of a script that is not Latin, Greek, Cyrillic or Armenian, and a letter or mark.
const SCRIPT_JOINER =
  /(?<=[\p{L}\p{M}])(?<![\p{Script=Latin}\p{Script=Greek}\p{Script=Cyrillic}\p{Script=Armenian}\p{Script=Common}])[\u200C\u200D](?=[\p{L}\p{M}])(?![\p{Script=Latin}\p{Script=Greek}\p{Script=Cyrillic}\p{Script=Armenian}])/gu;

const BIDI = /[\p{Bidi_Control}]/u;
// Characters drawn as nothing or as blank space although they are not spaces.
const FILLERS =
  /\u034F|\u115F|\u1160|\u17B4|\u17B5|[\u3164\uFFA0\u2800\u180E\u{1D159}\u{1D173}-\u{1D17A}]/u;
// Format characters, private use, unassigned, lone surrogates, line/paragraph separators.
const INVISIBLE = /[\p{Cf}\p{Co}\p{Cn}\p{Cs}\p{Zl}\p{Zp}\p{Default_Ignorable_Code_Point}]/u;
const CONTROL_SINGLE = /[\p{Cc}]/u;
// eslint-disable-next-line no-control-regex
const CONTROL_MULTI = /[\u0000-\u0008\u000B\u000C\u000E-\u001F\u007F-\u009F]/u;
const MARK_STACK = new RegExp(`\\p{M}{${MAX_MARKS + 1}}`, 'u');
const VISIBLE = /[\p{L}\p{N}\p{P}\p{S}]/u;

const TLDS =
  'com|net|org|info|biz|edu|gov|mil|int|io|co|me|app|dev|xyz|site|online|link|click|ly|gg|tv|to|cc|us|uk|eu|de|fr|ru|ua|kp|kr|cn|jp|in|su|рф|укр|top|shop|live|win|store|tk|ml|ga|cf';
// After folding look-alikes: "://", "www.", or a dotted host name ending in a common top-level
// domain. Letters of any script count (a Cyrillic "о" in "gооgle.com" is still an address).
const URL_LIKE = new RegExp(
  `(://|\\bwww\\.|[\\p{L}\\p{N}-]\\.(?:${TLDS})(?![\\p{L}\\p{N}])|\\b(?:https?|ftp|mailto|javascript|data):)`,
  'iu',
);
// Dots that read as "." in an address: full-width, ideographic, halfwidth, one-dot leader,
// small full stop; also " dot " written out and "[.]".
const DOT_LIKE =
  /[\uFF0E\u3002\uFF61\u2024\uFE52\u0701\u0702\u2E3C]|\s*[[(]\s*(?:\.|dot)\s*[\])]\s*|\s+dot\s+/giu;

const CONFUSABLE_SCRIPTS = [
  ['Latin', /\p{Script=Latin}/u],
  ['Greek', /\p{Script=Greek}/u],
  ['Cyrillic', /\p{Script=Cyrillic}/u],
  ['Armenian', /\p{Script=Armenian}/u],
] as const;
const WORD = /[\p{L}\p{M}\p{N}]+/gu;

/** What makes `text` unfit to show under `rule`, in words; null when it is fine. */
export function shownTextProblem(text: string, rule: ShownTextRule): string | null {
  const { label } = rule;
  // Bound the work before any pattern runs: a code point is at most 2 UTF-16 units, and a
  // character may carry MAX_MARKS marks plus an emoji sequence (~11 units).
  if (text.length > rule.max * 12)
    return `${label} is far too long (at most ${rule.max} characters)`;
  if (text.includes('\u0000')) return `${label} contains a NUL character`;
  if ((rule.multiline ? CONTROL_MULTI : CONTROL_SINGLE).test(text))
    return `${label} contains control characters${rule.multiline ? '' : ' (line breaks or tabs)'}`;
  if (BIDI.test(text))
    return `${label} contains direction-changing characters (they make text read in another order than it is written)`;
  if (FILLERS.test(text))
    return `${label} contains a character that shows as blank space (such as a Hangul filler)`;
  const rest = text
    .replace(FLAG_TAGS, '\u{1F3F4}')
    .replace(EMOJI_VS, '$1')
    .replace(EMOJI_ZWJ, '')
    .replace(SCRIPT_JOINER, '');
  if (INVISIBLE.test(rest))
    return `${label} contains invisible or unassigned characters (zero-width spaces, joiners outside emoji, private-use code points)`;
  if (MARK_STACK.test(text))
    return `${label} stacks more than ${MAX_MARKS} accents or marks on one letter`;
  if (text.trim() === '') return `${label} is empty`;
  if (!VISIBLE.test(text)) return `${label} has nothing visible in it`;
  if (rule.name) {
    const folded = text.normalize('NFKC').replace(DOT_LIKE, '.');
    if (URL_LIKE.test(folded)) return `${label} looks like a web address; choose one without`;
    for (const word of text.match(WORD) ?? []) {
      const scripts = CONFUSABLE_SCRIPTS.filter(([, re]) => re.test(word)).map(([n]) => n);
      if (scripts.length > 1)
        return `${label} mixes ${scripts.join(' and ')} letters in the word "${word}" (a way to imitate another name); write each word in one alphabet`;
    }
  }
  return null;
}

/** Normalises (unless the rule keeps text exact) and checks `input` under `rule`. */
export function checkText(input: unknown, rule: ShownTextRule): ShownTextCheck {
  if (typeof input !== 'string') return { ok: false, message: `${rule.label} must be text` };
  const problem = shownTextProblem(input, rule);
  if (problem) return { ok: false, message: problem };
  const value = rule.keepExact
    ? input
    : rule.multiline
      ? input.normalize('NFC').replace(/\r\n?/g, '\n').trim()
      : input.normalize('NFC').replace(/\s+/gu, ' ').trim();
  const length = [...value].length;
  const min = rule.min ?? 1;
  if (length < min)
    return {
      ok: false,
      message:
        min === 1 ? `${rule.label} is empty` : `${rule.label} is shorter than ${min} characters`,
    };
  if (length > rule.max)
    return {
      ok: false,
      message: `${rule.label} is ${length} characters long; at most ${rule.max} are allowed`,
    };
  return { ok: true, value };
}

/** `checkText` for one of the project's fields (SHOWN_TEXT). */
export function checkShownText(input: unknown, kind: ShownTextKind): ShownTextCheck {
  return checkText(input, SHOWN_TEXT[kind]);
}
