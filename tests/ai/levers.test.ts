/**
 * The lever grid and the search player: every row of the grid is a plan the hard search looks
 * at, so the strongest computer player can do at least as well as the grid's best row.
 */
import { describe, expect, it } from 'vitest';
import { candidates, HISTORICAL, LEVER_SETTINGS, SEARCH_LEVELS } from '../../src/ai';
import { CAPITALS } from '../../src/engine';
import { bestRows, leverGrid, settingText } from '../../src/sim/levers';
import { builtInRules } from '../helpers/rules';

describe('lever grid', () => {
  it('has one row per capital, lever and setting, in the documented shape', () => {
    const rows = leverGrid(builtInRules(), { runs: 1, seed: 'grid', capitals: ['kyiv'] });
    const settings = LEVER_SETTINGS.kyiv as Record<string, readonly unknown[]>;
    expect(rows).toHaveLength(Object.values(settings).reduce((n, v) => n + v.length, 0));
    for (const r of rows) {
      expect(Object.keys(r).sort()).toEqual(['capital', 'killed', 'lever', 'score', 'setting']);
      expect(r.capital).toBe('kyiv');
      expect(Number.isFinite(r.score) && Number.isInteger(r.killed)).toBe(true);
    }
    // The historical setting of a lever plays the historical game: same score on every such row.
    const base = HISTORICAL.kyiv as unknown as Record<string, unknown>;
    const historical = rows.filter((r) => settingText(base[r.lever]) === r.setting);
    expect(historical.length).toBeGreaterThan(5);
    expect(new Set(historical.map((r) => r.score)).size).toBe(1);
    expect(bestRows(rows).kyiv!.score).toBe(Math.max(...rows.map((r) => r.score)));
  });

  it('sending no soldiers, recalling them and leaving them idle are settings of the grid', () => {
    const p = LEVER_SETTINGS.pyongyang as Record<string, readonly unknown[]>;
    const m = LEVER_SETTINGS.moscow as Record<string, readonly unknown[]>;
    expect(p.troopsScale).toContain(0);
    expect(p.recallFrom!.some((v) => typeof v === 'number')).toBe(true);
    expect(m.frontShare).toContain(0);
  });

  it.each([...CAPITALS])('every grid row for %s is a candidate of the hard search', (seat) => {
    const cap = Math.max(8, Math.floor(SEARCH_LEVELS.hard / 4));
    const looked = candidates(seat).slice(0, cap).map((c) => JSON.stringify(c.plans[seat]));
    const settings = LEVER_SETTINGS[seat] as Record<string, readonly unknown[]>;
    for (const [lever, values] of Object.entries(settings))
      for (const v of values) {
        const plan = JSON.stringify({ ...HISTORICAL[seat], [lever]: v });
        expect(looked, `${seat} ${lever}=${String(v)}`).toContain(plan);
      }
  });
});
