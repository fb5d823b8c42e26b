import { describe, expect, it } from 'vitest';

import { formatLedgerError, parseLedger } from '../../src/ledger';

/**
 * A small valid ledger. Line numbers matter: the expected messages below point into it
 * (doc-a: lines 3-13, doc-b: 14-20, fig-a: 22-30, fig-b: 31-43).
 */
const VALID = `formatVersion: 1
documents:
  - id: doc-a
    file: a.txt
    title: A title
    kind: news feature
    published: '2024-10'
    summary: A summary.
    references:
      - n: 1
        supports: Something.
      - n: 2
        supports: Something else.
  - id: doc-b
    file: b.txt
    title: B title
    kind: opinion
    published: '2025'
    summary: B summary.
    references: []
figures:
  - id: fig-a
    claim: A claim.
    kind: quantity
    value: 10
    bound: about
    unit: soldiers
    claimedBy: Someone
    status: reported
    sources: [{ document: doc-a, ref: 1 }]
  - id: fig-b
    claim: Another claim.
    kind: quantity
    low: 1
    central: 2
    high: 3
    bound: about
    unit: soldiers
    date: '2025-02'
    claimedBy: Someone else
    status: estimated
    sources: [{ document: doc-b, ref: null }]
`;

/** VALID with `from` replaced by `to` (which must occur exactly once). */
function edit(from: string, to: string): string {
  const at = VALID.indexOf(from);
  if (at < 0 || VALID.indexOf(from, at + 1) >= 0) throw new Error(`not unique: ${from}`);
  return VALID.slice(0, at) + to + VALID.slice(at + from.length);
}

function messages(text: string): string[] {
  const result = parseLedger(text, 'figures.yaml');
  return result.ok ? [] : result.errors.map(formatLedgerError);
}

describe('parseLedger', () => {
  it('accepts the valid fixture', () => {
    const result = parseLedger(VALID, 'figures.yaml');
    expect(result.ok ? [] : result.errors.map(formatLedgerError)).toEqual([]);
    expect(result.ok && result.value.figures.map((f) => f.id)).toEqual(['fig-a', 'fig-b']);
  });

  it('accepts plain JSON', () => {
    const json = JSON.stringify({
      formatVersion: 1,
      documents: [
        {
          id: 'd',
          file: 'd.txt',
          title: 'T',
          kind: 'k',
          published: '2024',
          summary: 'S',
          references: [],
        },
      ],
      figures: [],
    });
    expect(messages(json)).toEqual([]);
  });

  it.each<[string, string, string[]]>([
    [
      'duplicate figure id',
      edit('  - id: fig-b', '  - id: fig-a'),
      ['figures.yaml:31:9 figures[1].id: duplicate figure id "fig-a" (first defined at line 22)'],
    ],
    [
      'duplicate document id',
      edit('  - id: doc-b', '  - id: doc-a'),
      [
        'figures.yaml:14:9 documents[1].id: duplicate document id "doc-a" (first defined at line 3)',
        'figures.yaml:42:27 figures[1].sources[0].document: unknown document "doc-b"; did you mean "doc-a"?',
      ],
    ],
    [
      'unknown document, with a suggestion',
      edit('{ document: doc-a, ref: 1 }', '{ document: doc-c, ref: 1 }'),
      [
        'figures.yaml:30:27 figures[0].sources[0].document: unknown document "doc-c"; did you mean "doc-a"?',
      ],
    ],
    [
      'unknown document, nothing close',
      edit('{ document: doc-a, ref: 1 }', '{ document: something-else, ref: 1 }'),
      ['figures.yaml:30:27 figures[0].sources[0].document: unknown document "something-else"'],
    ],
    [
      'ref out of range',
      edit('{ document: doc-a, ref: 1 }', '{ document: doc-a, ref: 3 }'),
      [
        'figures.yaml:30:39 figures[0].sources[0].ref: reference [3] is not in doc-a, which has references [1] to [2]',
      ],
    ],
    [
      'ref to a document without references',
      edit('{ document: doc-b, ref: null }', '{ document: doc-b, ref: 1 }'),
      [
        'figures.yaml:42:39 figures[1].sources[0].ref: doc-b has no numbered references; use ref: null',
      ],
    ],
    [
      'low > high',
      edit(
        '    low: 1\n    central: 2\n    high: 3\n',
        '    low: 3\n    central: 2\n    high: 1\n',
      ),
      [
        'figures.yaml:34:10 figures[1].low: range out of order: low 3, central 2, high 1 (expected low <= central <= high)',
      ],
    ],
    [
      'incomplete range',
      edit('    central: 2\n', ''),
      ['figures.yaml:31:5 figures[1]: a range needs low, central and high (missing: central)'],
    ],
    [
      'value and range together',
      edit('    low: 1\n', '    value: 2\n    low: 1\n'),
      ['figures.yaml:34:12 figures[1].value: give either value or low/central/high, not both'],
    ],
    [
      'quantity without a number',
      edit('    value: 10\n    bound: about\n    unit: soldiers\n', ''),
      ['figures.yaml:22:5 figures[0]: a quantity needs a value or a low/central/high range'],
    ],
    [
      'qualitative figure with a value',
      edit('    kind: quantity\n    value: 10', '    kind: qualitative\n    value: 10'),
      [
        'figures.yaml:25:12 figures[0].value: a qualitative figure has no value; use kind "quantity" or remove the number',
      ],
    ],
    [
      'number without unit',
      edit('    unit: soldiers\n    claimedBy: Someone\n', '    claimedBy: Someone\n'),
      ['figures.yaml:22:5 figures[0]: a figure with a value needs a unit'],
    ],
    [
      'wrong type',
      edit('    value: 10', '    value: ten'),
      ['figures.yaml:25:12 figures[0].value: expected a number, got "ten"'],
    ],
    [
      'wrong type for ref',
      edit('{ document: doc-a, ref: 1 }', '{ document: doc-a, ref: one }'),
      ['figures.yaml:30:39 figures[0].sources[0].ref: expected a number, got "one"'],
    ],
    [
      'unknown key',
      edit('    claim: A claim.\n', '    claim: A claim.\n    colour: red\n'),
      ['figures.yaml:24:5 figures[0].colour: unknown key "colour"'],
    ],
    [
      'missing required field',
      edit('    claim: A claim.\n', ''),
      ['figures.yaml:22:5 figures[0].claim: required field is missing'],
    ],
    [
      'empty required field',
      edit('    claim: A claim.\n', '    claim:\n'),
      ['figures.yaml:23:5 figures[0].claim: expected a string, got null'],
    ],
    [
      'bad enum value',
      edit('    status: reported', '    status: rumoured'),
      [
        'figures.yaml:29:13 figures[0].status: expected one of "confirmed", "estimated", "disputed", "unverified", "reported", "assessment", got "rumoured"',
      ],
    ],
    [
      'bad date',
      edit("    date: '2025-02'", "    date: '2025-13'"),
      [
        'figures.yaml:39:11 figures[1].date: expected a date as "YYYY", "YYYY-MM" or "YYYY-MM-DD", got "2025-13"',
      ],
    ],
    [
      'bad id',
      edit('  - id: fig-a', '  - id: Fig_A'),
      [
        'figures.yaml:22:9 figures[0].id: expected an id of lowercase letters and digits joined by "-", e.g. "nk-troops-total", got "Fig_A"',
      ],
    ],
    [
      'references out of order',
      edit('      - n: 2', '      - n: 5'),
      [
        'figures.yaml:12:12 documents[0].references[1].n: expected reference number 2 (references are listed in order from 1), got 5',
      ],
    ],
    [
      'wrong format version',
      edit('formatVersion: 1', 'formatVersion: 2'),
      ['figures.yaml:1:16 formatVersion: expected 1, got 2'],
    ],
    [
      'several problems at once, in file order',
      edit('    value: 10', '    value: ten').replace('    status: estimated', '    status: maybe'),
      [
        'figures.yaml:25:12 figures[0].value: expected a number, got "ten"',
        'figures.yaml:41:13 figures[1].status: expected one of "confirmed", "estimated", "disputed", "unverified", "reported", "assessment", got "maybe"',
      ],
    ],
    [
      'invalid YAML (unclosed flow sequence: only the first syntax error is reported)',
      edit('{ document: doc-a, ref: 1 }]', '{ document: doc-a, ref: 1 }'),
      [
        'figures.yaml:31:3: Flow sequence in block collection must be sufficiently indented and end with a ]',
      ],
    ],
    [
      'invalid YAML (": " inside a plain scalar)',
      edit('    claim: A claim.', '    claim: A claim: with a colon'),
      ['figures.yaml:23:12: Nested mappings are not allowed in compact mappings'],
    ],
    [
      'invalid YAML (tab indentation)',
      edit('    claim: A claim.', '\tclaim: A claim.'),
      ['figures.yaml:23:1: Tabs are not allowed as indentation'],
    ],
    [
      'invalid YAML (duplicate key)',
      edit('    claim: A claim.\n', '    claim: A claim.\n    claim: Again.\n'),
      ['figures.yaml:24:5: duplicate key "claim"'],
    ],
    [
      'empty file',
      '',
      ['figures.yaml:1:1: the file is empty: expected a ledger with formatVersion: 1'],
    ],
  ])('%s', (_name, text, expected) => {
    expect(messages(text)).toEqual(expected);
  });

  it('never throws, whatever the input', () => {
    for (const text of [
      '[',
      '- 1\n- 2',
      'null',
      '42',
      '"x"',
      '{',
      'a: *nope',
      '\t',
      '---\na: 1\n---\nb: 2',
    ]) {
      const result = parseLedger(text, 'figures.yaml');
      expect(result.ok).toBe(false);
      if (!result.ok) {
        expect(result.errors.length).toBeGreaterThan(0);
        for (const e of result.errors)
          expect(formatLedgerError(e)).toMatch(/^figures\.yaml:\d+:\d+[: ]/);
      }
    }
  });
});
