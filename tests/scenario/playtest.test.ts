/**
 * The playtester (src/scenario/playtest.ts): games with historical and random computer players,
 * findings about events, winners, refused orders, and the hard problems (non-finite numbers,
 * stalls, crashes), each with the game that showed it.
 */
import { describe, expect, it } from 'vitest';

import type { Bot } from '../../src/ai';
import { createGame } from '../../src/engine';
import { loadScenario, resolveScenario, type Scenario } from '../../src/scenario';
import {
  actionBudget,
  formatPlaytest,
  nonFinitePaths,
  playtest,
} from '../../src/scenario/playtest';
import { LEDGER, SMALL_YAML } from './fixtures';

function load(text: string = SMALL_YAML): { scenario: Scenario; hash: string } {
  const r = loadScenario(text, 's.yaml', LEDGER);
  if (!r.ok) throw new Error(JSON.stringify(r.errors));
  return r.value;
}

describe('playtest', () => {
  it('plays historical and random games, counting wins and events', () => {
    const { scenario, hash } = load();
    const report = playtest(scenario, LEDGER, hash, { runs: 8, seed: 't' });
    expect(report.games).toEqual({ historical: 6, random: 2 });
    expect(report.hardProblems).toBe(0);
    const wins = Object.values(report.wins).reduce((n, w) => n + w.historical + w.random, 0);
    expect(wins).toBeGreaterThanOrEqual(8);
    expect(report.eventsFired['first-news']).toEqual({ historical: 6, random: 2 });
    expect(report.findings.filter((f) => f.severity === 'error')).toEqual([]);
    const text = formatPlaytest(report, 's.yaml');
    expect(text.split('\n')[0]).toBe(
      `playtest s.yaml (small-test, ${hash}): 8 games, 6 with historical players, 2 with random players; seed "t"`,
    );
    expect(text.split('\n').at(-1)).toMatch(/^✓ s\.yaml: no hard problems in 8 games/);
  });

  it('is reproducible for a seed', () => {
    const { scenario, hash } = load();
    const a = playtest(scenario, LEDGER, hash, { runs: 6, seed: 'same' });
    const b = playtest(scenario, LEDGER, hash, { runs: 6, seed: 'same' });
    expect(a).toEqual(b);
  });

  it('reports events that never fired, and capitals that always win', () => {
    let text = SMALL_YAML.replace(
      "condition: { type: all, of: [{ type: metric, metric: human.killed, op: '>=', value: 10 }",
      "condition: { type: all, of: [{ type: metric, metric: human.killed, op: '>=', value: 100000 }",
    );
    // Every weight 0: every score is 0, so all three tie for the highest score in every game.
    text = text.replace(/weight: 1, direction/g, 'weight: 0, direction');
    const { scenario, hash } = load(text);
    const report = playtest(scenario, LEDGER, hash, { runs: 4, randomShare: 0.5 });
    expect(report.findings.map((f) => `${f.severity} ${f.kind}: ${f.message}`)).toEqual([
      'warning never-fired: event "later" never fired in 4 games (2 with historical players, 2 with random players)',
      'warning always-wins: pyongyang always wins: it has the highest score in all 4 games',
      'warning always-wins: moscow always wins: it has the highest score in all 4 games',
      'warning always-wins: kyiv always wins: it has the highest score in all 4 games',
    ]);
  });

  it('reports orders of the historical players that the rules refused', () => {
    const { scenario, hash } = load();
    const clumsy: Bot = {
      name: 'historical',
      decide: (_state, seat) => [
        { type: 'setPosture', seat, posture: 'withdraw' },
        { type: 'endTurn', seat },
      ],
    };
    const report = playtest(scenario, LEDGER, hash, {
      runs: 2,
      randomShare: 0,
      bots: { historical: clumsy },
    });
    const refused = report.findings.filter((f) => f.kind === 'refused').map((f) => f.message);
    expect(refused).toEqual([
      'the engine refused 6 orders of the historical computer player for pyongyang: setPosture: lever-disabled ×6 (e.g. "Pyongyang has no "posture" lever")',
      'the engine refused 6 orders of the historical computer player for moscow: setPosture: lever-disabled ×6 (e.g. "Moscow has no "posture" lever")',
      'the engine refused 6 orders of the historical computer player for kyiv: setPosture: lever-disabled ×6 (e.g. "the "posture" lever is not enabled for Kyiv in this scenario")',
    ]);
    expect(report.hardProblems).toBe(0);
  });

  it('a game that does not end within turns × seats × 200 actions is a stall, a hard problem', () => {
    const { scenario, hash } = load();
    expect(actionBudget(scenario)).toBe(3 * 3 * 200);
    const stubborn: Bot = {
      name: 'historical',
      // Thousands of refused orders every time it is asked, so the budget runs out.
      decide: (_state, seat) =>
        Array.from({ length: 5000 }, () => ({ type: 'recall' as const, seat, count: -1 })),
    };
    const report = playtest(scenario, LEDGER, hash, {
      runs: 1,
      randomShare: 0,
      bots: { historical: stubborn },
    });
    expect(report.hardProblems).toBe(1);
    expect(report.findings[0]).toEqual({
      severity: 'error',
      kind: 'stall',
      message:
        'game 0 (historical players, seed "1-0", central figures) stalled: it did not end within 1,800 actions (turns × seats × 200), stuck on turn 1',
    });
    expect(formatPlaytest(report, 's.yaml').split('\n').at(-1)).toMatch(
      /^✗ s\.yaml: 1 hard problem /,
    );
  });

  it('a crash is a hard problem, reported with its game', () => {
    const { scenario, hash } = load();
    const broken: Bot = {
      name: 'random',
      decide: () => {
        throw new Error('bot bug');
      },
    };
    const report = playtest(scenario, LEDGER, hash, { runs: 4, bots: { random: broken } });
    expect(report.hardProblems).toBe(1);
    expect(report.findings[0]!.message).toBe(
      'game 3 (random players, seed "1-3", central figures) crashed: bot bug',
    );
  });

  it('nonFinitePaths finds NaN and infinity anywhere in a state', () => {
    const { scenario, hash } = load();
    const state = createGame(resolveScenario(scenario, LEDGER, { default: 'central' }, hash), {
      seed: 's',
    });
    expect(nonFinitePaths(state)).toEqual([]);
    state.stocks.moscow.oil = NaN;
    state.sectors[1]!.control = Infinity;
    state.history[0]!.metrics['kyiv.support'] = -Infinity;
    expect(nonFinitePaths(state)).toEqual([
      'stocks.moscow.oil is NaN',
      'sectors[1].control is Infinity',
      'history[0].metrics.kyiv.support is -Infinity',
    ]);
  });
});
