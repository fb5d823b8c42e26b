/**
 * Bad input, golden: every file in tests/fixtures/scenarios/bad/*.yaml is validated against the
 * real figures ledger and its report must equal the file next to it, `<name>.expected.txt`,
 * exactly (every line, then the verdict). To regenerate the expected files after a deliberate
 * change of wording, run with UPDATE_GOLDEN=1 and review the diff:
 *
 *   UPDATE_GOLDEN=1 npx vitest run tests/scenario/golden.test.ts
 *
 * Hostile input (generated here rather than stored): an alias bomb, nesting 10,000 deep, a 5 MB
 * file, prototype keys, HTML and script in every text field. Each is answered within a second
 * (checked against a generous 5 s bound, as a hang detector only), with a clear message, without
 * a crash and without changing anything else (Object.prototype, the ledger).
 */
import { readdirSync, readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';

import { parse as parseYaml, stringify as stringifyYaml } from 'yaml';
import { beforeAll, describe, expect, it } from 'vitest';

import { loadLedgerFileSync } from '../../src/ledger/node';
import type { Ledger } from '../../src/ledger/schema';
import { validateScenarioText } from '../../src/scenario';

const DIR = path.join(import.meta.dirname, '..', 'fixtures', 'scenarios');
const BAD = path.join(DIR, 'bad');
const UPDATE = process.env.UPDATE_GOLDEN === '1';
/** A hang detector, not a benchmark: each case takes well under a second. */
const HANG_MS = 5000;

let ledger: Ledger;
beforeAll(() => {
  const r = loadLedgerFileSync();
  if (!r.ok) throw new Error('the figures ledger does not load');
  ledger = r.value;
});

/** Validate and time it. */
function timed(text: string, name: string) {
  const start = performance.now();
  const result = validateScenarioText(text, name, ledger);
  return { result, ms: performance.now() - start };
}

const polluted = () =>
  ['polluted', 'evil', 'injected'].some(
    (k) =>
      (Object.prototype as Record<string, unknown>)[k] !== undefined ||
      ({} as Record<string, unknown>)[k] !== undefined,
  );

describe('golden: broken scenario files and their exact messages', () => {
  const files = readdirSync(BAD)
    .filter((f) => f.endsWith('.yaml'))
    .sort();

  it('the corpus covers the kinds of mistakes the issue lists', () => {
    for (const name of [
      'wrong-types',
      'unknown-keys',
      'missing-fields',
      'duplicate-keys',
      'dangling-ids',
      'impossible-dates',
      'unreachable',
      'invalid-yaml',
      'newer-version',
    ])
      expect(files).toContain(`${name}.yaml`);
  });

  it('the base the corpus is made from is valid', () => {
    const { result } = timed(
      readFileSync(path.join(DIR, 'good-base.yaml'), 'utf8'),
      'good-base.yaml',
    );
    expect(result.report).toBe('✓ good-base.yaml: valid');
  });

  it.each(files)('%s', (file) => {
    const text = readFileSync(path.join(BAD, file), 'utf8');
    const { result, ms } = timed(text, file);
    const expectedPath = path.join(BAD, file.replace(/\.yaml$/, '.expected.txt'));
    if (UPDATE) writeFileSync(expectedPath, `${result.report}\n`);
    expect(`${result.report}\n`).toBe(readFileSync(expectedPath, 'utf8'));
    expect(result.ok).toBe(false);
    expect(result.scenario).toBeUndefined();
    expect(ms).toBeLessThan(HANG_MS);
  });
});

describe('hostile input: rejected or accepted as text, quickly, without side effects', () => {
  let ledgerBefore: string;
  beforeAll(() => {
    ledgerBefore = JSON.stringify(ledger);
  });

  const rejects = (text: string, name: string, expected: string[]) => {
    const { result, ms } = timed(text, name);
    expect(result.report.split('\n')).toEqual(expected);
    expect(result.ok).toBe(false);
    expect(ms).toBeLessThan(HANG_MS);
  };

  it('a YAML alias bomb ("billion laughs")', () => {
    let text = 'formatVersion: 1\na0: &a0 [lol, lol, lol, lol, lol, lol, lol, lol, lol]\n';
    for (let i = 1; i <= 9; i++)
      text += `a${i}: &a${i} [${Array.from({ length: 9 }, () => `*a${i - 1}`).join(', ')}]\n`;
    rejects(text, 'bomb.yaml', [
      'bomb.yaml:3:10: the aliases in this file (*a0...) expand to too much data (an "alias bomb"); write the values out instead',
      '✗ bomb.yaml: 1 error',
    ]);
  });

  it('flow nesting 10,000 deep', () => {
    const text = `formatVersion: 1\nid: ${'['.repeat(10_000)}${']'.repeat(10_000)}\n`;
    rejects(text, 'deep.yaml', [
      'deep.yaml:2:69: nested more than 64 levels deep',
      '✗ deep.yaml: 1 error',
    ]);
  });

  it('block nesting 10,000 deep', () => {
    const text = `formatVersion: 1\nid:\n  ${'- '.repeat(10_000)}x\n`;
    rejects(text, 'deep-block.yaml', [
      'deep-block.yaml:3:127: nested more than 64 levels deep',
      '✗ deep-block.yaml: 1 error',
    ]);
    // Indentation alone, one space a level (about 1.8 MB for 1,900 levels).
    let indented = 'formatVersion: 1\nid:\n';
    for (let i = 1; i <= 1900; i++) indented += `${' '.repeat(i)}k:\n`;
    rejects(indented, 'deep-indent.yaml', [
      'deep-indent.yaml:66:65: nested more than 64 levels deep',
      '✗ deep-indent.yaml: 1 error',
    ]);
  });

  it('JSON nesting 10,000 deep', () => {
    const text = `{"formatVersion": 1, "id": ${'{"a":'.repeat(10_000)}1${'}'.repeat(10_000)}}`;
    rejects(text, 'deep.json', [
      'deep.json:1:343: nested more than 64 levels deep',
      '✗ deep.json: 1 error',
    ]);
  });

  it('a 5 MB file', () => {
    const text = `formatVersion: 1\ndescription: "${'x'.repeat(5 * 1024 * 1024)}"\n`;
    rejects(text, 'big.yaml', [
      'big.yaml:1:1: the file is 5.0 MB; a scenario file may be at most 2.0 MB',
      '✗ big.yaml: 1 error',
    ]);
  });

  it('__proto__, constructor and prototype keys, in YAML and JSON, pollute nothing', () => {
    const base = readFileSync(path.join(DIR, 'good-base.yaml'), 'utf8');
    const yaml = base
      .replace('author: Test suite\n', 'author: Test suite\n__proto__: { polluted: true }\n')
      .replace(
        '  moscow:\n    name: Moscow',
        '  moscow:\n    constructor: { prototype: { evil: true } }\n    name: Moscow',
      );
    rejects(yaml, 'proto.yaml', [
      'proto.yaml:7:1 __proto__: unknown key "__proto__"',
      'proto.yaml:18:5 capitals.moscow.constructor: unknown key "constructor"',
      '✗ proto.yaml: 2 errors',
    ]);
    const data = parseYaml(base) as Record<string, unknown>;
    const json = JSON.stringify(data).replace(
      '"id":"golden-base"',
      '"id":"golden-base","__proto__":{"injected":true},"prototype":{"injected":true}',
    );
    const { result } = timed(json, 'proto.json');
    expect(result.report.split('\n')).toEqual([
      'proto.json:1:39 __proto__: unknown key "__proto__"',
      'proto.json:1:69 prototype: unknown key "prototype"',
      '✗ proto.json: 2 errors',
    ]);
    expect(polluted()).toBe(false);
  });

  it('HTML and script in every text field are accepted and carried verbatim', () => {
    const payload = `<script>alert(1)</script><img src=x onerror="alert(2)"> & "quotes" 'too'`;
    const data = parseYaml(readFileSync(path.join(DIR, 'good-base.yaml'), 'utf8')) as Record<
      string,
      unknown
    >;
    // Every free-text field the format has.
    const TEXT_KEYS = new Set([
      'title',
      'description',
      'author',
      'version',
      'name',
      'text',
      'source',
    ]);
    const TEXT_LISTS = new Set(['learningObjectives', 'debriefQuestions']);
    data.learningObjectives = ['one'];
    data.debriefQuestions = ['two'];
    let replaced = 0;
    const visit = (value: unknown): void => {
      if (Array.isArray(value)) value.forEach(visit);
      else if (value !== null && typeof value === 'object') {
        const record = value as Record<string, unknown>;
        for (const [k, v] of Object.entries(record)) {
          if (TEXT_KEYS.has(k) && typeof v === 'string') {
            record[k] = payload;
            replaced++;
          } else if (TEXT_LISTS.has(k) && Array.isArray(v)) {
            record[k] = v.map(() => payload);
            replaced += v.length;
          } else visit(v);
        }
      }
    };
    visit(data);
    expect(replaced).toBeGreaterThanOrEqual(14);
    for (const [text, name] of [
      [stringifyYaml(data), 'html.yaml'],
      [JSON.stringify(data, null, 2), 'html.json'],
    ] as const) {
      const { result, ms } = timed(text, name);
      expect(result.report).toBe(`✓ ${name}: valid`);
      expect(ms).toBeLessThan(HANG_MS);
      const s = result.scenario!;
      const texts = [
        s.title,
        s.description,
        s.author,
        s.version,
        ...s.learningObjectives,
        ...s.debriefQuestions,
        s.capitals.pyongyang.name,
        s.capitals.moscow.name,
        s.capitals.kyiv.name,
        ...s.sectors.map((x) => x.name),
        ...s.events.flatMap((e) => [e.title, e.text]),
        (s.capitals.kyiv.stocks.drones as { source: string }).source,
      ];
      expect(texts.length).toBe(replaced);
      for (const t of texts) expect(t).toBe(payload);
    }
    // A message quoting hostile text quotes it as text too.
    const bad = JSON.stringify({ ...data, language: payload });
    const { result } = timed(bad, 'html-bad.json');
    expect(result.report).toContain(
      'language: expected a language code such as "en" or "fr", got "<script>alert(1)</script><img src=x o..."',
    );
  });

  it('invalid YAML of many kinds is a message, never an exception', () => {
    for (const text of [
      '{',
      ']',
      'a: [',
      'a: {b',
      '"unclosed',
      'a:\n\t- b',
      '- a\nb: c',
      '? [a]\n: b',
      '%YAML 9.9\n---\na: 1',
      '\u0000',
      '&a a: *a',
    ]) {
      const { result, ms } = timed(text, 'x.yaml');
      expect(result.ok).toBe(false);
      expect(result.report).toMatch(/^x\.yaml:\d+:\d+/);
      expect(result.report.split('\n').at(-1)).toMatch(/^✗ x\.yaml: \d+ errors?/);
      expect(ms).toBeLessThan(HANG_MS);
    }
  });

  it('changed nothing else', () => {
    expect(polluted()).toBe(false);
    expect(JSON.stringify(ledger)).toBe(ledgerBefore);
  });
});

describe('one mis-indented line gives a few lines, led by the cause', () => {
  it('every line of the first 60 moved one or two columns either way', () => {
    const base = readFileSync(path.join(DIR, 'good-base.yaml'), 'utf8').split('\n');
    let worst = 0;
    for (let i = 0; i < 60; i++)
      for (const shift of [1, 2, -1, -2]) {
        const lines = [...base];
        const line = lines[i]!;
        if (shift < 0 && !line.startsWith(' '.repeat(-shift))) continue;
        lines[i] = shift > 0 ? ' '.repeat(shift) + line : line.slice(-shift);
        const { result } = timed(lines.join('\n'), 'moved.yaml');
        worst = Math.max(worst, result.report.split('\n').length);
      }
    expect(worst).toBeLessThanOrEqual(10);
  });
});
