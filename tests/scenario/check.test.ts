import { describe, expect, it } from 'vitest';

import { loadScenarioFileSync } from '../../src/scenario/node';
import { loadLedgerFileSync } from '../../src/ledger/node';
import { formatIssue, formatReport, loadScenario, METRIC_IDS } from '../../src/scenario';
import { LEDGER, lineOf, SMALL_YAML, withLine } from './fixtures';

/** Every issue (errors and warnings) loadScenario reports, formatted. */
const report = (text: string): { ok: boolean; lines: string[] } => {
  const r = loadScenario(text, 's.yaml', LEDGER);
  return r.ok
    ? { ok: true, lines: r.value.warnings.map(formatIssue) }
    : { ok: false, lines: r.errors.map(formatIssue) };
};

describe('checkScenario: meaning errors', () => {
  const cases: { name: string; text: string; expected: string[] }[] = [
    {
      name: 'an unknown figure, with a suggestion',
      text: withLine('troops: { figure: troops-range }', '      troops: { figure: troops-rnage }'),
      expected: [
        `s.yaml:${lineOf('troops: { figure: troops-range }')}:25 capitals.pyongyang.stocks.troops.figure: unknown figure "troops-rnage" — did you mean "troops-range"?`,
      ],
    },
    {
      name: 'a qualitative figure used as a number',
      text: withLine(
        'troops: { figure: troops-range }',
        '      troops: { figure: soldiers-deceived }',
      ),
      expected: [
        `s.yaml:${lineOf('troops: { figure: troops-range }')}:25 capitals.pyongyang.stocks.troops.figure: figure "soldiers-deceived" has no number in the ledger (it is a qualitative figure); cite it in an event's "cites" instead`,
      ],
    },
    {
      name: 'an unknown cited figure',
      text: withLine('cites: [troops-range]', '    cites: [troops-range, ammo-singel]'),
      expected: [
        `s.yaml:${lineOf('cites: [troops-range]')}:27 events[0].cites[1]: unknown figure "ammo-singel" — did you mean "ammo-single"?`,
      ],
    },
    {
      name: 'a duplicate sector id',
      text: SMALL_YAML.replace('{ id: south, name: South', '{ id: north, name: South'),
      expected: [
        `s.yaml:${lineOf('- { id: south')}:11 sectors[1].id: duplicate sector id "north" (already used by sectors[0] on line ${lineOf('- { id: north')})`,
      ],
    },
    {
      name: 'a duplicate event id',
      text: SMALL_YAML.replace('  - id: later\n', '  - id: first-news\n'),
      expected: [
        `s.yaml:${lineOf('- id: later')}:9 events[1].id: duplicate event id "first-news" (already used by events[0] on line ${lineOf('- id: first-news')})`,
      ],
    },
    {
      name: 'until before from',
      text: SMALL_YAML.replace(
        "    from: '2024-11'\n",
        "    from: '2024-11'\n    until: '2024-10'\n",
      ),
      expected: [
        `s.yaml:${lineOf("from: '2024-11'") + 1}:12 events[1].until: until (2024-10) is before from (2024-11): this event can never fire`,
      ],
    },
    {
      name: 'an unknown scoring metric, with a suggestion',
      text: withLine(
        '- { metric: kyiv.kurskHeld',
        '    - { metric: kyiv.kurskHold, weight: 1, direction: max, scale: 100 }',
      ),
      expected: [
        `s.yaml:${lineOf('- { metric: kyiv.kurskHeld')}:17 scoring.kyiv[0].metric: unknown metric "kyiv.kurskHold" — did you mean "kyiv.kurskHeld"?`,
      ],
    },
    {
      name: 'a trade route from a capital to itself',
      text: withLine(
        '- { from: moscow, to: pyongyang',
        '    - { from: moscow, to: moscow, items: [oil, tech.nuclear] }',
      ),
      expected: [
        `s.yaml:${lineOf('- { from: moscow, to: pyongyang')}:27 trade.routes[1].to: a route must join two different capitals, but this one goes from moscow to moscow`,
        // With the only route to Pyongyang gone, its technology objective can earn nothing.
        `s.yaml:${lineOf('- { metric: pyongyang.techGained')}:73 scoring.pyongyang[0].scale: warning: this objective can never earn anything: pyongyang.techGained stays at 0 in this scenario (no technology can reach pyongyang: no trade route carries any tech.* item to it)`,
      ],
    },
    {
      name: 'a lever value that does not fit the lever',
      text: withLine(
        '- { type: lever, capital: moscow',
        '      - { type: lever, capital: moscow, lever: stance, value: yes }',
      ),
      expected: [
        `s.yaml:${lineOf('- { type: lever, capital: moscow')}:63 events[1].effects[0].value: stance takes "deny", "conflicting" or "confirm", got "yes"`,
      ],
    },
    {
      name: 'a negative count from a figure',
      text: SMALL_YAML.replace(
        'russianTroops: { figure: troops-range, scale: 0.05 }',
        'russianTroops: { figure: troops-range, scale: -1 }',
      ),
      expected: [
        `s.yaml:${lineOf('- { id: south')}:69 sectors[1].russianTroops.figure: a count cannot be negative, but this gives -10000 (low value)`,
      ],
    },
    {
      name: 'a capital listed twice in the order',
      text: SMALL_YAML.replace('calendar: {', 'order: [kyiv, kyiv, moscow]\ncalendar: {'),
      expected: [
        's.yaml:7:8 order: pyongyang missing: each capital gives orders once a turn',
        's.yaml:7:15 order[1]: kyiv is listed twice: each capital gives orders once a turn',
      ],
    },
  ];

  it.each(cases)('$name', ({ text, expected }) => {
    const r = report(text);
    expect(r.lines).toEqual(expected);
    expect(r.ok).toBe(false);
  });
});

describe('checkScenario: warnings keep the scenario playable', () => {
  it('an event dated outside the calendar can never fire', () => {
    const text = withLine("date: '2024-10'", "    date: '2025-06'");
    const r = report(text);
    expect(r.ok).toBe(true);
    expect(r.lines).toEqual([
      `s.yaml:${lineOf("date: '2024-10'")}:11 events[0].date: warning: this event can never fire: 2025-06 is after the game (the game runs from 2024-10 to 2024-12)`,
    ]);
  });

  it('a flag tested but never set, and round: false on a count', () => {
    let text = SMALL_YAML.replace(
      '{ type: lever, capital: moscow, lever: stance, equals: conflicting }',
      '{ type: flag, flag: pact-signed }',
    );
    text = withLine(
      'troops: { figure: troops-range }',
      '      troops: { figure: troops-range, round: false }',
      text,
    );
    const r = report(text);
    expect(r.ok).toBe(true);
    expect(r.lines).toEqual([
      `s.yaml:${lineOf('troops: { figure: troops-range }')}:46 capitals.pyongyang.stocks.troops.round: warning: round: false on a count: soldiers, containers and drones are whole numbers, so the game may get fractions it cannot use`,
      `s.yaml:${lineOf('condition: { type: all')}:115 events[1].condition.of[1].flag: warning: no event sets the flag "pact-signed"`,
    ]);
  });

  it('formatReport says plainly whether the file is valid', () => {
    expect(formatReport('s.yaml', [])).toBe('✓ s.yaml: valid');
    const warned = loadScenario(
      withLine("date: '2024-10'", "    date: '2025-06'"),
      's.yaml',
      LEDGER,
    );
    expect(warned.ok).toBe(true);
    if (warned.ok)
      expect(formatReport('s.yaml', warned.value.warnings).split('\n').at(-1)).toBe(
        '✓ s.yaml: valid (1 warning)',
      );
    const failed = loadScenario(
      withLine('cites: [troops-range]', '    cites: [nope]'),
      's.yaml',
      LEDGER,
    );
    expect(failed.ok).toBe(false);
    if (!failed.ok)
      expect(formatReport('s.yaml', failed.errors).split('\n').at(-1)).toBe('✗ s.yaml: 1 error');
  });
});

describe('metrics', () => {
  it('METRIC_IDS holds every metric the scenario format documents', () => {
    const documented = [
      ...[
        'troopsSent',
        'atFront',
        'killed',
        'wounded',
        'captured',
        'returned',
        'ammunitionShipped',
        'workersSent',
        'techGained',
        'nuclearTech',
        'oilReceived',
        'foodReceived',
        'currencyReceived',
        'unCoverReceived',
        'experience',
        'regimeControl',
        'dissentRisk',
        'score',
      ].map((m) => `pyongyang.${m}`),
      ...[
        'kurskControl',
        'killed',
        'wounded',
        'losses',
        'manpowerGained',
        'scrutiny',
        'ammunition',
        'score',
      ].map((m) => `moscow.${m}`),
      ...['kurskHeld', 'killed', 'wounded', 'losses', 'support', 'prisonersHeld', 'score'].map(
        (m) => `kyiv.${m}`,
      ),
      ...['sent', 'killed', 'wounded', 'captured', 'familiesAtRisk', 'returned', 'allKilled'].map(
        (m) => `human.${m}`,
      ),
    ];
    for (const id of documented) expect(METRIC_IDS).toContain(id);
  });
});

describe('the shipped scenarios', () => {
  it('scenarios/historical-2024.yaml loads against seeds/figures.yaml without errors', () => {
    const ledger = loadLedgerFileSync();
    expect(ledger.ok).toBe(true);
    if (!ledger.ok) return;
    const r = loadScenarioFileSync('scenarios/historical-2024.yaml', ledger.value);
    expect(r.ok ? [] : r.errors.map(formatIssue)).toEqual([]);
  });

  it('a missing file is a Result, not an exception', () => {
    const r = loadScenarioFileSync('scenarios/does-not-exist.yaml', LEDGER);
    expect(r.ok).toBe(false);
    if (!r.ok)
      expect(r.errors.map(formatIssue)).toEqual([
        'scenarios/does-not-exist.yaml:1:1: cannot read the file (ENOENT)',
      ]);
  });
});
