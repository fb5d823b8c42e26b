/**
 * The built-in scenarios: each valid without a warning, headed for the editor's JSON Schema,
 * listed in BUILT_IN_SCENARIOS, playable to the end by the historical and the random computer
 * players; each counterfactual a copy of the historical scenario's calibrated model that changes
 * only what it is about, and tells a different story.
 */
import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';

import { beforeAll, describe, expect, it } from 'vitest';

import { loadLedgerFileSync } from '../../src/ledger/node';
import type { Ledger } from '../../src/ledger/schema';
import {
  BUILT_IN_SCENARIOS,
  formatIssue,
  loadScenario,
  resolveScenario,
  type Scenario,
} from '../../src/scenario';
import { nonFinitePaths } from '../../src/scenario/playtest';
import { playGame } from '../../src/sim/play';

const DIR = path.join(import.meta.dirname, '..', '..', 'scenarios');
const HEADER = '# yaml-language-server: $schema=./schema.json';

let ledger: Ledger;
const loaded = new Map<string, { scenario: Scenario; hash: string }>();

beforeAll(() => {
  const r = loadLedgerFileSync();
  if (!r.ok) throw new Error('the figures ledger does not load');
  ledger = r.value;
  for (const b of BUILT_IN_SCENARIOS) {
    const l = loadScenario(readFileSync(path.join(DIR, b.file), 'utf8'), b.file, ledger);
    if (l.ok) loaded.set(b.id, l.value);
  }
});

const get = (id: string) => {
  const s = loaded.get(id);
  if (s === undefined) throw new Error(`${id} did not load`);
  return s;
};

describe('the list of built-in scenarios', () => {
  it('names exactly the .yaml files in scenarios/, by id, file and title', () => {
    const files = readdirSync(DIR)
      .filter((f) => f.endsWith('.yaml'))
      .sort();
    expect(BUILT_IN_SCENARIOS.map((b) => b.file).sort()).toEqual(files);
    for (const b of BUILT_IN_SCENARIOS) {
      expect(b.file).toBe(`${b.id}.yaml`);
      expect(get(b.id).scenario.id).toBe(b.id);
      expect(get(b.id).scenario.title).toBe(b.title);
    }
    expect(
      BUILT_IN_SCENARIOS.filter((b) => b.kind === 'counterfactual').length,
    ).toBeGreaterThanOrEqual(3);
  });
});

describe.each(BUILT_IN_SCENARIOS.map((b) => [b.file, b] as const))('%s', (file, b) => {
  const text = () => readFileSync(path.join(DIR, file), 'utf8');

  it('starts with the yaml-language-server line for the published JSON Schema', () => {
    expect(text().split('\n')[0]).toBe(HEADER);
  });

  it('is valid, without a single warning', () => {
    const r = loadScenario(text(), file, ledger);
    expect(r.ok ? r.value.warnings.map(formatIssue) : r.errors.map(formatIssue)).toEqual([]);
  });

  it('has its own description, learning objectives and debrief questions', () => {
    const s = get(b.id).scenario;
    expect(s.description.length).toBeGreaterThan(100);
    expect(s.learningObjectives.length).toBeGreaterThanOrEqual(3);
    expect(s.debriefQuestions.length).toBeGreaterThanOrEqual(3);
    if (b.kind === 'counterfactual') {
      const h = get('historical-2024').scenario;
      expect(s.title).not.toBe(h.title);
      expect(s.description).not.toBe(h.description);
      for (const q of s.debriefQuestions) expect(h.debriefQuestions).not.toContain(q);
      for (const o of s.learningObjectives) expect(h.learningObjectives).not.toContain(o);
    }
  });

  it.each([
    ['historical', 'central'],
    ['historical', 'high'],
    ['random', 'low'],
    ['random', 'central'],
  ] as const)('plays to the end with %s computer players (%s figures)', (bot, choice) => {
    const { scenario, hash } = get(b.id);
    const rules = resolveScenario(scenario, ledger, { default: choice }, hash);
    const seats = { pyongyang: bot, moscow: bot, kyiv: bot };
    const played = playGame(rules, {
      seed: `builtin-${bot}-${choice}`,
      figureChoices: { default: choice },
      seats,
    });
    expect(played.state.ctx.phase).toBe('over');
    expect(played.state.history.length).toBe(scenario.calendar.turns + 1);
    expect(nonFinitePaths(played.state)).toEqual([]);
    if (bot === 'historical') expect(played.refused).toBe(0);
  });
});

/** Leaf paths where two plain values differ. */
function differences(a: unknown, b: unknown, at = ''): string[] {
  if (a !== null && b !== null && typeof a === 'object' && typeof b === 'object') {
    if (Array.isArray(a) !== Array.isArray(b)) return [at];
    const keys = new Set([...Object.keys(a), ...Object.keys(b)]);
    return [...keys].flatMap((k) =>
      differences(
        (a as Record<string, unknown>)[k],
        (b as Record<string, unknown>)[k],
        at === '' ? k : `${at}.${k}`,
      ),
    );
  }
  return Object.is(a, b) ? [] : [at];
}

/** What each counterfactual may change in the model, beyond its own texts and events. */
const CHANGES: Record<string, string[]> = {
  'nuclear-deal': [
    'policies.historical.pyongyang.askPerThousandTroops.tech.nuclear',
    'policies.historical.pyongyang.offers.5',
  ],
  'told-the-truth': ['levers.information', 'policies.historical.pyongyang.information'],
  'kursk-given-up': ['policies.historical.kyiv.withdrawFrom'],
  'deployment-doubled': [
    'capitals.pyongyang.stocks.troops.scale',
    'policies.historical.pyongyang.troopsBy.0.total.scale',
    'policies.historical.pyongyang.troopsBy.1.total.scale',
    'policies.historical.pyongyang.troopsBy.2.total.scale',
  ],
};
const OWN = ['id', 'title', 'description', 'learningObjectives', 'debriefQuestions', 'events'];

describe('the counterfactuals', () => {
  const counterfactuals = BUILT_IN_SCENARIOS.filter((b) => b.kind === 'counterfactual');

  it('each is listed with the changes it makes', () => {
    expect(counterfactuals.map((b) => b.id).sort()).toEqual(Object.keys(CHANGES).sort());
  });

  it.each(counterfactuals.map((b) => b.id))(
    '%s copies the calibrated model and changes only what it is about',
    (id) => {
      const h = get('historical-2024').scenario as Record<string, unknown>;
      const s = get(id).scenario as Record<string, unknown>;
      const strip = (x: Record<string, unknown>) =>
        Object.fromEntries(Object.entries(x).filter(([k]) => !OWN.includes(k)));
      expect(differences(strip(h), strip(s)).sort()).toEqual([...CHANGES[id]!].sort());
      // Every historical event is kept, firing the same way (told-the-truth rewrites one text).
      const events = new Map((s.events as Scenario['events']).map((e) => [e.id, e]));
      for (const e of h.events as Scenario['events']) {
        const mine = events.get(e.id);
        expect(mine, e.id).toBeDefined();
        const { text: _t, ...rest } = e;
        const { text: _u, ...mineRest } = mine!;
        expect(mineRest).toEqual(rest);
      }
      expect(events.size).toBeGreaterThan((h.events as unknown[]).length);
    },
  );

  /** Median of a metric at the end of `n` games with the historical players. */
  const median = (id: string, metric: string, n = 5): number => {
    const { scenario, hash } = get(id);
    const rules = resolveScenario(scenario, ledger, { default: 'central' }, hash);
    const seats = { pyongyang: 'historical', moscow: 'historical', kyiv: 'historical' };
    const values = Array.from({ length: n }, (_, i) => {
      const played = playGame(rules, { seed: `story-${i}`, seats, keepLog: false });
      return played.state.metrics[metric] ?? NaN;
    }).sort((a, b) => a - b);
    return values[Math.floor(n / 2)]!;
  };

  it('each tells a different story from the historical scenario', () => {
    const h = (metric: string) => median('historical-2024', metric);
    expect(h('pyongyang.nuclearTech')).toBe(0);
    expect(median('nuclear-deal', 'pyongyang.nuclearTech')).toBe(2);
    expect(median('told-the-truth', 'human.captured')).toBeGreaterThan(4 * h('human.captured'));
    expect(median('told-the-truth', 'human.familiesAtRisk')).toBeGreaterThan(
      4 * h('human.familiesAtRisk'),
    );
    expect(h('kyiv.kurskHeld')).toBeGreaterThan(30);
    expect(median('kursk-given-up', 'kyiv.kurskHeld')).toBeLessThan(5);
    expect(median('kursk-given-up', 'human.allKilled')).toBeLessThan(0.7 * h('human.allKilled'));
    expect(median('deployment-doubled', 'pyongyang.troopsSent')).toBe(
      2 * h('pyongyang.troopsSent'),
    );
    expect(median('deployment-doubled', 'human.killed')).toBeGreaterThan(1.6 * h('human.killed'));
  });
});
