/** The explorer page's pure parts: the `mine` parameter, URL settings, chart geometry. */
import { describe, expect, it } from 'vitest';
import { historicalBot } from '../../src/ai';
import { applyInPlace, createGame, type Action } from '../../src/engine';
import {
  describeDistribution,
  histogramGeometry,
  histogramSpec,
  metricLabel,
  tornadoGeometry,
  tornadoRows,
} from '../../src/explorer/charts';
import type { SensitivityRow } from '../../src/explorer/core';
import { explorerLink, parseMine } from '../../src/explorer/mine';
import { DEFAULTS, parseSettings, scenarioUrl, settingsParams } from '../../src/explorer/params';
import { builtInRules } from '../helpers/rules';

const store = (entries: Record<string, string>) => ({ getItem: (k: string) => entries[k] ?? null });

describe('the mine parameter', () => {
  it('reads metrics from the URL, bare or under "metrics"', () => {
    expect(parseMine('{"pyongyang.score":71.2,"kyiv.score":"x"}')).toEqual({
      ok: true,
      metrics: { 'pyongyang.score': 71.2 },
      source: 'url',
    });
    expect(parseMine(JSON.stringify({ metrics: { 'moscow.score': 40 } }))).toEqual({
      ok: true,
      metrics: { 'moscow.score': 40 },
      source: 'url',
    });
    expect(parseMine(null)).toBeNull();
    expect(parseMine('{oops')).toMatchObject({ ok: false });
    expect(parseMine('{"a":"b"}')).toMatchObject({ ok: false });
  });

  it('survives the round trip through a link', () => {
    const link = explorerLink('historical-2024', { 'pyongyang.killed': 4321, 'kyiv.score': 55.5 });
    const params = new URLSearchParams(link.split('?')[1]);
    expect(params.get('scenario')).toBe('historical-2024');
    expect(parseMine(params.get('mine'))).toMatchObject({
      ok: true,
      metrics: { 'pyongyang.killed': 4321, 'kyiv.score': 55.5 },
    });
  });

  it('reads a localStorage key: metrics, a state, or the autosave replayed', () => {
    expect(parseMine('k', store({ k: '{"kyiv.score":50}' }))).toEqual({
      ok: true,
      metrics: { 'kyiv.score': 50 },
      source: 'storage',
    });
    expect(parseMine('missing', store({}))).toMatchObject({ ok: false });
    const rules = builtInRules();
    const s = createGame(rules, { seed: 'mine' });
    const actions: Action[] = [];
    while (s.ctx.phase !== 'over') {
      const who = s.ctx.seat;
      const turn = s.ctx.turn;
      for (const a of historicalBot.decide(s, who)) {
        if (s.ctx.seat !== who || s.ctx.turn !== turn) break;
        if (applyInPlace(s, a).ok) actions.push(a);
      }
    }
    const save = {
      kind: 'three-capitals-save',
      version: 1,
      rules,
      seed: 'mine',
      figureChoices: { default: 'central' },
      actions,
      turnHashes: s.turnHashes,
    };
    const fromSave = parseMine(
      'three-capitals.save',
      store({ 'three-capitals.save': JSON.stringify(save) }),
    );
    expect(fromSave).toMatchObject({ ok: true, source: 'storage' });
    if (fromSave?.ok)
      expect(fromSave.metrics['pyongyang.killed']).toBe(s.metrics['pyongyang.killed']);
    const fromState = parseMine('st', store({ st: JSON.stringify({ metrics: s.metrics }) }));
    if (fromState?.ok) expect(fromState.metrics).toEqual(s.metrics);
  });
});

describe('URL settings', () => {
  const known = (n: string) => ['historical', 'dove', 'search:hard'].includes(n);
  it('reads and writes the same settings', () => {
    const s = parseSettings(
      new URLSearchParams(
        'scenario=nuclear-deal&runs=500&seed=abc&figures=sampled&seats=pyongyang=search:hard,kyiv=dove&sensitivity=50',
      ),
      known,
    );
    expect(s).toEqual({
      scenario: 'nuclear-deal',
      runs: 500,
      seed: 'abc',
      figures: 'sampled',
      seats: { pyongyang: 'search:hard', moscow: 'historical', kyiv: 'dove' },
      sensitivityRuns: 50,
      autorun: false,
    });
    expect(parseSettings(settingsParams(s), known)).toEqual(s);
  });

  it('falls back to defaults on nonsense, and runs at once with mine', () => {
    const s = parseSettings(
      new URLSearchParams(
        'runs=-4&figures=middle&seats=narnia=dove,kyiv=skynet&sensitivity=1e9&mine=%7B%7D',
      ),
      known,
    );
    expect(s).toEqual({ ...DEFAULTS, autorun: true });
  });

  it('fetches built-ins from /scenarios/ and only same-site paths otherwise', () => {
    const builtIns = [{ id: 'historical-2024', file: 'historical-2024.yaml' }];
    expect(scenarioUrl('historical-2024', builtIns)).toBe('/scenarios/historical-2024.yaml');
    expect(scenarioUrl('/scenarios/mine.yaml', builtIns)).toBe('/scenarios/mine.yaml');
    for (const bad of [
      'https://evil.example/x.yaml',
      '//evil.example/x.yaml',
      '/../etc/passwd.yaml',
      'javascript:alert(1)',
      '/x.html',
    ])
      expect(scenarioUrl(bad, builtIns), bad).toBeNull();
  });
});

describe('chart geometry', () => {
  it('puts bars inside the frame and your game where it belongs', () => {
    const h = { start: 0, width: 10, counts: [1, 4, 2], min: 0, max: 29 };
    const p = { p10: 5, p50: 15, p90: 25, mean: 15 };
    const spec = histogramSpec('pyongyang.killed', 100, h, p, { value: 40, below: 1, equal: 0 });
    const g = histogramGeometry(spec);
    expect(spec.marks?.map((m) => m.text ?? '')).toEqual(['', 'median 15', '', 'you: 40']);
    expect(g.bars).toHaveLength(3);
    for (const b of g.bars) {
      expect(b.x).toBeGreaterThanOrEqual(0);
      expect(b.x + b.w).toBeLessThanOrEqual(g.width);
      expect(b.y + b.h).toBeCloseTo(g.axis.y);
    }
    expect(g.bars[1]!.h).toBeGreaterThan(g.bars[0]!.h);
    const mine = g.marks.find((m) => m.kind === 'mine')!;
    expect(mine.x).toBeCloseTo(g.axis.right);
    expect(
      describeDistribution('pyongyang.killed', 100, p, { value: 40, below: 1, equal: 0 }),
    ).toContain('higher than in every game of the batch');
    expect(metricLabel('pyongyang.techGained')).toBe('Technology packages received');
  });

  it('sorts tornado rows by swing and centres them on the central median', () => {
    const fig = (id: string) => ({ id, claim: id, unit: 'people', low: 1, central: 2, high: 3 });
    const rows: SensitivityRow[] = [
      { figure: fig('small'), low: { m: 9 }, central: { m: 10 }, high: { m: 11 } },
      { figure: fig('big'), low: { m: 4 }, central: { m: 10 }, high: { m: 20 } },
    ];
    const t = tornadoRows(rows, 'm');
    expect(t.map((r) => r.key)).toEqual(['big', 'small']);
    const g = tornadoGeometry(t);
    expect(g.rows[0]!.xLow).toBeLessThan(g.centreX);
    expect(g.rows[0]!.xHigh).toBeGreaterThan(g.centreX);
    expect(g.rows[1]!.xHigh - g.rows[1]!.xLow).toBeLessThan(g.rows[0]!.xHigh - g.rows[0]!.xLow);
  });
});
