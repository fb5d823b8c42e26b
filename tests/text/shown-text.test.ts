// The shown-text rule (src/text/shown-text.ts), table by table: what people may be called and
// write where others read it. Normal text in every script and emoji pass; tricks that hide or
// disguise text are refused with a message naming the trick.
import { describe, expect, it } from 'vitest';

import {
  checkShownText,
  checkText,
  MAX_MARKS,
  shownTextProblem,
  SHOWN_TEXT,
} from '../../src/text/shown-text';

const ACCEPTED: [string, string][] = [
  ['Latin', 'Quiet Heron'],
  ['Ukrainian', 'Тихий Журавель'],
  ['Russian', 'Ёжик в тумане'],
  ['Korean', '조용한 왜가리'],
  ['Japanese (Han, kana)', '東京タワー'],
  ['Vietnamese (two marks)', 'Nguyễn Văn Ấn'],
  ['Hindi (virama cluster)', 'क्षत्रिय'],
  ['Persian with ZWNJ', 'می‌خواهم'],
  ['Arabic', 'مالك الحزين'],
  ['ZWJ family emoji', '👨‍👩‍👧‍👦 team'],
  ['ZWJ with VS16', '👁️‍🗨️'],
  ['skin tone', '👍🏽 ok'],
  ['flag tag sequence', '🏴󠁧󠁢󠁥󠁮󠁧󠁿 fan'],
  ['keycap', '1️⃣ first'],
  ['regional-indicator flag', '🇺🇦 Kyiv'],
  ['separate words in two alphabets', 'Ivan Петров'],
  ['abbreviation with a dot', 'St. Petersburg'],
  ['dotted word that is no address', 'node.js fan'],
  ['digits', 'Heron 42'],
];

const REFUSED: [string, string, RegExp][] = [
  ['right-to-left override', 'abc\u202Edcb', /direction-changing/],
  ['left-to-right isolate', 'a\u2066b\u2069', /direction-changing/],
  ['right-to-left mark', 'a\u200Fb', /direction-changing/],
  ['Arabic letter mark', 'a\u061Cb', /direction-changing/],
  ['Hangul filler U+3164 alone', '\u3164', /blank space/],
  ['Hangul filler U+3164 in a name', 'Heron\u3164', /blank space/],
  ['Hangul choseong filler U+115F', '\u115F', /blank space/],
  ['Hangul jungseong filler U+1160', 'a\u1160', /blank space/],
  ['halfwidth Hangul filler U+FFA0', '\uFFA0x', /blank space/],
  ['braille blank', '\u2800', /blank space/],
  ['zero-width space', 'Hel\u200Blo', /invisible/],
  ['ZWJ between Latin letters', 'He\u200Dron', /invisible/],
  ['ZWNJ between Latin letters', 'He\u200Cron', /invisible/],
  ['ZWJ at the end', 'Heron\u200D', /invisible/],
  ['soft hyphen', 'He\u00ADron', /invisible/],
  ['word joiner', 'He\u2060ron', /invisible/],
  ['byte-order mark', '\uFEFFHeron', /invisible/],
  ['private use', 'Heron\uE000', /invisible/],
  ['unassigned code point', 'Heron\u{E0FFF}', /invisible/],
  ['lone surrogate', 'Heron\uD800', /invisible/],
  ['tag characters outside a flag', 'Heron\u{E0041}', /invisible/],
  ['line separator', 'a\u2028b', /invisible/],
  ['NUL', 'a\u0000b', /NUL/],
  ['tab', 'a\tb', /control/],
  ['newline', 'a\nb', /control/],
  ['escape', 'a\u001b[31m', /control/],
  ['C1 control', 'a\u0085b', /control/],
  [`${MAX_MARKS + 1} combining marks`, 'e\u0301\u0302\u0303\u0304\u0305', /marks on one letter/],
  ['zalgo', `H${'\u0336\u0337'.repeat(20)}i`, /marks on one letter/],
  ['only spaces', '   ', /empty/],
  ['only marks', '\u0301\u0301', /nothing visible/],
  ['web address', 'evil.com', /web address/],
  ['scheme', 'http://x', /web address/],
  ['www', 'www.example', /web address/],
  ['Cyrillic o in an address', 'g\u043e\u043egle.com', /web address/],
  ['full-width dot in an address', 'google\uFF0Ecom', /web address/],
  ['ideographic full stop in an address', 'example\u3002org', /web address/],
  ['full-width letters in an address', '\uFF45\uFF56\uFF49\uFF4C.com', /web address/],
  ['"dot" written out', 'evil dot com', /web address/],
  ['Cyrillic a in a Latin word', 'Iv\u0430n', /mixes Latin and Cyrillic/],
  ['Greek omicron in a Latin word', 'Her\u03BFn', /mixes Latin and Greek/],
  ['too long', 'x'.repeat(41), /at most 40/],
  ['absurdly long', 'x'.repeat(100_000), /far too long/],
];

describe('shown text: pseudonyms', () => {
  it.each(ACCEPTED)('accepts %s', (_what, text) => {
    expect(checkShownText(text, 'pseudonym')).toEqual({ ok: true, value: text });
  });

  it.each(REFUSED)('refuses %s', (_what, text, message) => {
    const r = checkShownText(text, 'pseudonym');
    expect(r.ok).toBe(false);
    if (!r.ok) expect(r.message).toMatch(message);
  });

  it('normalises spacing and composition, and refuses what is not text', () => {
    expect(checkShownText('  Quiet   Heron ', 'pseudonym')).toEqual({
      ok: true,
      value: 'Quiet Heron',
    });
    // "e" + combining acute composes to one character (NFC), so two look-alike names are equal.
    expect(checkShownText('Ame\u0301lie', 'pseudonym')).toEqual({ ok: true, value: 'Am\u00E9lie' });
    expect(checkShownText(42, 'pseudonym')).toEqual({
      ok: false,
      message: 'the pseudonym must be text',
    });
  });

  it('counts emoji as characters, not as UTF-16 units, against the limit', () => {
    const family = '👨‍👩‍👧‍👦';
    expect(checkShownText(family.repeat(5), 'pseudonym').ok).toBe(true);
  });
});

describe('shown text: other fields', () => {
  it('keeps seeds and notes exactly as typed (they are part of a game record)', () => {
    expect(checkShownText('  spaced  seed ', 'seed')).toEqual({
      ok: true,
      value: '  spaced  seed ',
    });
    expect(checkShownText('line one\nline two', 'offerNote')).toEqual({
      ok: true,
      value: 'line one\nline two',
    });
  });

  it('allows addresses and mixed alphabets outside names (a note may cite a source)', () => {
    expect(shownTextProblem('see kyivindependent.com', SHOWN_TEXT.offerNote)).toBeNull();
    expect(shownTextProblem('Ivаn', SHOWN_TEXT.seed)).toBeNull();
  });

  it.each([
    ['seed', 'seed\u202E'],
    ['seed', 'seed\u0000'],
    ['offerNote', 'note\u3164'],
    ['scenarioTitle', 'Title\u200B'],
    ['scenarioText', 'text\u0007'],
    ['chat', 'x\u202Ey'],
    ['seatLabel', 'Kyiv\u2066'],
  ] as const)('refuses hidden characters in %s', (kind, text) => {
    expect(checkShownText(text, kind).ok).toBe(false);
  });

  it('multi-line fields take line breaks and tabs but no other controls', () => {
    expect(checkShownText('a\r\nb\tc', 'chat')).toEqual({ ok: true, value: 'a\nb\tc' });
    expect(checkShownText('a\u000Bb', 'chat').ok).toBe(false);
  });

  it('a custom rule reports under its own label and bounds', () => {
    expect(checkText('ab', { label: 'the code', max: 6, min: 3 })).toEqual({
      ok: false,
      message: 'the code is shorter than 3 characters',
    });
  });
});
