import { parse as parseYaml } from 'yaml';
import { describe, expect, it } from 'vitest';

import {
  formatIssue,
  formatReport,
  loadScenario,
  parseScenario,
  scenarioHash,
  type ScenarioIssue,
} from '../../src/scenario';
import { LEDGER, lineOf, SMALL_YAML, withLine } from './fixtures';

const messages = (text: string, file = 's.yaml'): string[] => {
  const r = parseScenario(text, file);
  return r.ok ? [] : r.errors.map(formatIssue);
};

describe('parseScenario: valid files', () => {
  it('parses the small YAML scenario and fills defaults', () => {
    const r = parseScenario(SMALL_YAML, 's.yaml');
    expect(r.ok).toBe(true);
    if (!r.ok) return;
    const s = r.value;
    expect(s.id).toBe('small-test');
    expect(s.language).toBe('en');
    expect(s.order).toEqual(['pyongyang', 'moscow', 'kyiv']);
    expect(s.learningObjectives).toEqual([]);
    expect(s.capitals.pyongyang.playable).toBe(true);
    expect(s.capitals.kyiv.playable).toBe(false);
    expect(s.capitals.moscow.income).toEqual({});
    expect(s.capitals.pyongyang.stocks.troops).toEqual({ figure: 'troops-range' });
    expect(s.events[1]!.condition).toMatchObject({ type: 'all' });
  });

  it('parses the same scenario written as JSON, to the same result and hash', () => {
    const json = JSON.stringify(parseYaml(SMALL_YAML));
    const fromJson = parseScenario(json, 's.json');
    const fromYaml = parseScenario(SMALL_YAML, 's.yaml');
    expect(fromJson.ok && fromYaml.ok).toBe(true);
    if (!fromJson.ok || !fromYaml.ok) return;
    expect(fromJson.value).toEqual(fromYaml.value);
    expect(scenarioHash(fromJson.value)).toBe(scenarioHash(fromYaml.value));
  });

  it('loadScenario checks against the ledger and returns the hash', () => {
    const r = loadScenario(SMALL_YAML, 's.yaml', LEDGER);
    expect(r.ok).toBe(true);
    if (!r.ok) return;
    expect(r.value.hash).toMatch(/^[0-9a-f]{16}$/);
    expect(r.value.warnings).toEqual([]);
    expect(formatReport('s.yaml', r.value.warnings)).toBe('✓ s.yaml: valid');
  });
});

const deepFlow = `formatVersion: 1\nx: ${'['.repeat(70)}${']'.repeat(70)}\n`;
let deepBlock = 'formatVersion: 1\nx:\n';
for (let i = 1; i <= 70; i++) deepBlock += `${'  '.repeat(i)}k:\n`;
deepBlock += `${'  '.repeat(71)}1\n`;

const aliasBomb = `formatVersion: 1
a: &a [x, x, x, x, x, x, x, x, x]
b: &b [*a, *a, *a, *a, *a, *a, *a, *a, *a]
c: &c [*b, *b, *b, *b, *b, *b, *b, *b, *b]
d: &d [*c, *c, *c, *c, *c, *c, *c, *c, *c]
e: [*d, *d, *d, *d, *d, *d, *d, *d, *d]
`;

describe('parseScenario: YAML features a scenario may use', () => {
  it('accepts brackets in quoted and block text, and a few aliases', () => {
    let text = SMALL_YAML.replace(
      'description: Two sectors, three turns, enough to exercise the loader.',
      `description: "${'['.repeat(70)} it's fine"\nlearningObjectives:\n  - |\n    ${'{'.repeat(70)}\n    "unbalanced\n  - '${'['.repeat(70)} it''s fine'`,
    );
    text = text.replace('map: { x: 0.2, y: 0.3 }', 'map: &spot { x: 0.2, y: 0.3 }');
    text = text.replace('map: { x: 0.6, y: 0.7 }', 'map: *spot');
    const r = parseScenario(text, 's.yaml');
    expect(r.ok ? [] : r.errors.map(formatIssue)).toEqual([]);
    if (r.ok) expect(r.value.sectors[1]!.map).toEqual({ x: 0.2, y: 0.3 });
  });
});

describe('parseScenario: bad input, every message exact', () => {
  const cases: { name: string; text: string; expected: string[] }[] = [
    {
      name: 'a word where a number belongs',
      text: withLine(
        '- { type: adjust',
        '      - { type: adjust, target: moscow.scrutiny, by: ten }',
      ),
      expected: [
        `s.yaml:${lineOf('- { type: adjust')}:54 events[0].effects[0].by: expected a number, got "ten"`,
      ],
    },
    {
      name: 'a word where a whole number belongs',
      text: withLine('calendar:', "calendar: { start: '2024-10', turnMonths: 1, turns: ten }"),
      expected: ['s.yaml:7:53 calendar.turns: expected a whole number, got "ten"'],
    },
    {
      name: 'an unknown key, with a suggestion',
      text: withLine('title:', 'tittle: A small test scenario'),
      expected: ['s.yaml:3:1 tittle: unknown key "tittle" — did you mean "title"?'],
    },
    {
      name: 'an unknown key in a nested map, with the allowed keys',
      text: withLine('intel:', 'intel: { start: 0.5, min: 0.05, max: 0.8, drift: 0.02, speed: 1 }'),
      expected: [
        `s.yaml:${lineOf('intel:')}:56 intel.speed: unknown key "speed" (allowed here: start, min, max, drift)`,
      ],
    },
    {
      name: 'a missing formatVersion',
      text: SMALL_YAML.replace('formatVersion: 1\n', ''),
      expected: [
        's.yaml:1:1 formatVersion: required field is missing: a scenario file starts with "formatVersion: 1"',
      ],
    },
    {
      name: 'an unsupported formatVersion',
      text: SMALL_YAML.replace('formatVersion: 1\n', 'formatVersion: 2\n'),
      expected: [
        "s.yaml:1:16 formatVersion: this file is written in format version 2, which is newer than this version of Three Capitals can read (format versions 0 to 1): update Three Capitals, or ask the scenario's author for a version-1 file",
      ],
    },
    {
      name: 'a duplicate key',
      text: SMALL_YAML.replace('author: Test suite\n', 'author: Test suite\ntitle: Again\n'),
      expected: ['s.yaml:6:1 title: duplicate key "title" (first written on line 3)'],
    },
    {
      name: 'invalid YAML',
      text: SMALL_YAML.replace("version: '0.1'", "version: '0.1"),
      expected: ["s.yaml:6:14: invalid YAML: Missing closing 'quote"],
    },
    {
      name: 'an unknown effect type, with a suggestion',
      text: withLine('- { type: adjust', '      - { type: adjst, target: moscow.scrutiny, by: 5 }'),
      expected: [
        `s.yaml:${lineOf('- { type: adjust')}:17 events[0].effects[0].type: expected one of "adjust", "stock", "intel", "flag" or "lever", got "adjst" — did you mean "adjust"?`,
      ],
    },
    {
      name: 'a misspelt key inside a figure reference',
      text: withLine('ammunition: { figure', '  ammunition: { figure: ammo-single, scael: 2 }'),
      expected: [
        `s.yaml:${lineOf('ammunition: { figure')}:38 alreadyDelivered.ammunition.scael: unknown key "scael" — did you mean "scale"?`,
      ],
    },
    {
      name: 'a number where text belongs, quoted as written',
      text: SMALL_YAML.replace("version: '0.1'", 'version: 1.0'),
      expected: ['s.yaml:6:10 version: expected text, got 1.0 — write it in quotes: "1.0"'],
    },
    {
      name: 'a list where the scenario map belongs',
      text: '- formatVersion: 1\n',
      expected: ['s.yaml:1:1: expected a map, got a list'],
    },
    {
      name: 'an empty file',
      text: '# nothing here\n',
      expected: ['s.yaml:1:1: the file is empty: a scenario starts with "formatVersion: 1"'],
    },
    {
      name: 'two YAML documents',
      text: `${SMALL_YAML}---\nid: second\n`,
      expected: [
        `s.yaml:${SMALL_YAML.split('\n').length}:1: the file holds more than one YAML document (a line with ---); a scenario is one document`,
      ],
    },
    {
      name: 'an alias bomb',
      text: aliasBomb,
      expected: [
        's.yaml:3:8: the aliases in this file (*a...) expand to too much data (an "alias bomb"); write the values out instead',
      ],
    },
    {
      name: 'an alias that loops',
      text: 'formatVersion: 1\na: &x [1, *x]\n',
      expected: [
        's.yaml:2:11 a[1]: the alias *x refers to the list or map that contains it (a loop)',
      ],
    },
    {
      name: 'a non-core tag',
      text: 'formatVersion: 1\ntitle: !!binary aGVsbG8=\n',
      expected: ['s.yaml:2:17 title: the tag !!binary is not allowed in a scenario file'],
    },
    {
      name: 'flow nesting deeper than 64 (rejected before parsing)',
      text: deepFlow,
      expected: ['s.yaml:2:68: nested more than 64 levels deep'],
    },
    {
      name: 'block nesting deeper than 64',
      text: deepBlock,
      expected: ['s.yaml:66:129: nested more than 64 levels deep'],
    },
  ];

  it.each(cases)('$name', ({ text, expected }) => {
    expect(messages(text)).toEqual(expected);
  });

  it('rejects a file over 2 MB before parsing it', () => {
    const big = `formatVersion: 1\ndescription: "${'a'.repeat(3 * 1024 * 1024)}"\n`;
    expect(messages(big, 'big.yaml')).toEqual([
      'big.yaml:1:1: the file is 3.0 MB; a scenario file may be at most 2.0 MB',
    ]);
  });

  it('counts multi-byte characters in UTF-8 bytes', () => {
    const text = `formatVersion: 1\ndescription: "${'é'.repeat(1.1 * 1024 * 1024)}"\n`; // 2.2 MB
    expect(messages(text)).toEqual([
      's.yaml:1:1: the file is 2.2 MB; a scenario file may be at most 2.0 MB',
    ]);
  });

  it('reports every problem at once: three errors, three messages', () => {
    let text = withLine('calendar:', "calendar: { start: '2024-13', turnMonths: 1, turns: 3 }");
    text = withLine('intel:', 'intel: { start: 0.5, min: 0.05, max: 0.8, drift: fast }', text);
    text = withLine('information: deceive', '  information: decieve', text);
    expect(messages(text)).toEqual([
      's.yaml:7:20 calendar.start: expected a month written as "YYYY-MM" (e.g. "2024-10"), got "2024-13"',
      `s.yaml:${lineOf('intel:')}:50 intel.drift: expected a number, got "fast"`,
      `s.yaml:${lineOf('information: deceive')}:16 levers.information: expected one of "deceive" or "truth", got "decieve" — did you mean "deceive"?`,
    ]);
  });

  it('issues carry file, line, col, path, message and severity', () => {
    const r = parseScenario(
      withLine('calendar:', "calendar: { start: '2024-10', turnMonths: 1, turns: ten }"),
      'x.yaml',
    );
    expect(r.ok).toBe(false);
    if (r.ok) return;
    const issue: ScenarioIssue = r.errors[0]!;
    expect(issue).toEqual({
      file: 'x.yaml',
      line: 7,
      col: 53,
      path: 'calendar.turns',
      message: 'expected a whole number, got "ten"',
      severity: 'error',
    });
  });
});

describe('parseScenario: prototype keys', () => {
  const polluted = () =>
    (Object.prototype as Record<string, unknown>).polluted !== undefined ||
    ({} as Record<string, unknown>).polluted !== undefined;

  it('refuses __proto__ as an unknown key, in YAML, and pollutes nothing', () => {
    const text = SMALL_YAML.replace(
      'author: Test suite\n',
      'author: Test suite\n__proto__: { polluted: true }\n',
    );
    expect(messages(text)).toEqual(['s.yaml:6:1 __proto__: unknown key "__proto__"']);
    expect(polluted()).toBe(false);
  });

  it('refuses __proto__, constructor and prototype in JSON, nested too, and pollutes nothing', () => {
    const data = parseYaml(SMALL_YAML) as Record<string, unknown>;
    const json = JSON.stringify(data).replace(
      '"id":"small-test"',
      '"id":"small-test","__proto__":{"polluted":true},"constructor":{"prototype":{"polluted":true}}',
    );
    const out = messages(json, 's.json');
    expect(out).toEqual([
      's.json:1:38 __proto__: unknown key "__proto__"',
      's.json:1:68 constructor: unknown key "constructor"',
    ]);
    expect(polluted()).toBe(false);
    const nested = SMALL_YAML.replace(
      '  pyongyang:\n    name: Pyongyang',
      '  pyongyang:\n    prototype: { polluted: true }\n    name: Pyongyang',
    );
    expect(messages(nested)).toEqual([
      's.yaml:10:5 capitals.pyongyang.prototype: unknown key "prototype"',
    ]);
    expect(polluted()).toBe(false);
  });
});

describe('parseScenario never throws', () => {
  it('returns a Result for every prefix of a valid file and for odd input', () => {
    for (let n = 0; n < SMALL_YAML.length; n += 13) {
      expect(() => parseScenario(SMALL_YAML.slice(0, n), 's.yaml')).not.toThrow();
    }
    for (const text of [
      '',
      '\0',
      '{',
      ']',
      '!!',
      '&a *a',
      '*a',
      '? ? ?',
      'a: |\n  [[[[\n',
      '\uFEFFformatVersion: 1',
      42 as unknown as string,
    ]) {
      const r = parseScenario(text, 's.yaml');
      expect(r.ok).toBe(false);
    }
  });
});
