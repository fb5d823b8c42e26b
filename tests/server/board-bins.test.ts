/**
 * GET /api/board (issue 13): the server bins the board so the page need not fetch every run. The
 * bins, "you are here" counts and the sorted page must equal what the page computed itself from
 * every run (the code it used is kept here as the reference), and bad parameters get a 400.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';

import { standing, standingText as chartWords } from '../../src/results/chart';
import { distribution, sortedNumbers } from '../../src/results/stats';
import {
  boardAnswer,
  PLAYED_FILTERS,
  playedAs,
  sortRuns,
  type BoardAnswer,
  type BoardRun,
  type PlayedFilter,
} from '../../src/server/board-bins';
import { BACKENDS, call, genuineRecord, post, startTestServer, type TestServer } from './helpers';

/** Runs with repeated and missing values, all three capitals and computer-only games. */
function syntheticRuns(n: number): BoardRun[] {
  const played = ['moscow', 'kyiv', 'pyongyang', '', 'moscow+kyiv'];
  return Array.from({ length: n }, (_, i) => ({
    id: `r${String(i).padStart(4, '0')}`,
    pseudonym: `Player ${(i * 7) % 13}`,
    createdAt: 1_000_000 + ((i * 37) % 101) * 1000,
    played: played[i % played.length]!,
    classCode: null,
    hidden: i % 17 === 0,
    forkedFrom: null,
    values: {
      'moscow.score': (i * 13) % 41,
      'kyiv.score': (i * 29) % 97,
      ...(i % 3 === 0 ? {} : { 'human.killed': (i * 1013) % 5000 }),
    },
  }));
}

/** What the page computed before the server did: the shown runs in the capital's filter. */
const oldColumn = (runs: BoardRun[], f: PlayedFilter, id: string) =>
  sortedNumbers(runs.filter((r) => !r.hidden && playedAs(r, f)).map((r) => r.values[id] ?? NaN));

/** The page's old table order (src/results/table.ts before issue 13). */
function oldOrder(runs: BoardRun[], key: string, dir: 1 | -1): string[] {
  const v = (r: BoardRun) =>
    key === 'pseudonym'
      ? r.pseudonym.toLowerCase()
      : key === 'createdAt'
        ? r.createdAt
        : (r.values[key] ?? NaN);
  return runs
    .map((r) => ({ r, v: v(r) }))
    .sort((a, b) => {
      const c =
        typeof a.v === 'number' && typeof b.v === 'number'
          ? (Number.isNaN(a.v) ? -Infinity : a.v) - (Number.isNaN(b.v) ? -Infinity : b.v)
          : String(a.v).localeCompare(String(b.v));
      return c * dir || (a.r.id < b.r.id ? -1 : a.r.id > b.r.id ? 1 : 0);
    })
    .map((k) => k.r.id);
}

describe('the binned board equals the page computing from every run', () => {
  const runs = syntheticRuns(600);
  const q = { sort: 'createdAt', dir: 'desc' as const, pageSize: 25, mine: [] as string[] };

  it.each(PLAYED_FILTERS)('bins per metric, filtered as played by %s', (f) => {
    const a = boardAnswer(runs, runs.length, { ...q, played: f });
    expect(a.inView).toBe(runs.filter((r) => !r.hidden && playedAs(r, f)).length);
    expect(a.inView).toBeGreaterThan(0);
    for (const id of ['moscow.score', 'kyiv.score', 'human.killed'])
      expect(a.distributions[id]).toEqual(distribution(oldColumn(runs, f, id)));
  });

  it('the filter really filters: Kyiv and Moscow runs give different bins', () => {
    const k = boardAnswer(runs, runs.length, { ...q, played: 'kyiv' });
    const m = boardAnswer(runs, runs.length, { ...q, played: 'moscow' });
    expect(k.distributions['kyiv.score']).not.toEqual(m.distributions['kyiv.score']);
    expect(k.inView + m.inView).toBeGreaterThan(
      boardAnswer(runs, 600, { ...q, played: 'all' }).inView / 2,
    );
  });

  it('"you are here": the latest of my runs, its capital by default, and the same words', () => {
    const mine = ['r0003', 'r0011', 'r0021'];
    const a = boardAnswer(runs, runs.length, { ...q, mine });
    const latest = runs
      .filter((r) => mine.includes(r.id) && !r.hidden)
      .sort((x, y) => y.createdAt - x.createdAt)[0]!;
    expect(a.mine[0]!.id).toBe(latest.id);
    expect(a.played).toBe(latest.played.split('+')[0] || 'all');
    for (const id of ['moscow.score', 'kyiv.score']) {
      const c = a.standing![id]!;
      expect(c.n).toBe(a.inView);
      const old = standing(oldColumn(runs, a.played, id), latest.values[id]!);
      expect(old.length).toBeGreaterThan(0);
      // The page turns the counts into the same words it used to compute from every value.
      expect(chartWords(c)).toBe(old);
    }
    // The first page is the one holding my latest run.
    expect(a.table.runs.map((r) => r.id)).toContain(latest.id);
  });

  it.each([
    ['createdAt', 'desc'],
    ['pseudonym', 'asc'],
    ['kyiv.score', 'desc'],
    ['human.killed', 'asc'],
  ] as const)('the table sorted by %s %s, paged as the page did', (key, dir) => {
    const expected = oldOrder(runs, key, dir === 'asc' ? 1 : -1);
    expect(sortRuns(runs, key, dir).map((r) => r.id)).toEqual(expected);
    const p = boardAnswer(runs, runs.length, { ...q, sort: key, dir, page: 3 });
    expect(p.table.pages).toBe(24);
    expect(p.table.runs.map((r) => r.id)).toEqual(expected.slice(75, 100));
  });
});

describe.each(BACKENDS)('GET /api/board on %s', (backend) => {
  let srv: TestServer;
  let api: string;
  const ids: string[] = [];

  beforeAll(async () => {
    srv = await startTestServer(backend, { sweepIntervalMs: 0 });
    api = `${srv.url}/api`;
    for (let i = 0; i < 4; i++) {
      const humans = i % 2 === 0 ? (['moscow'] as const) : (['kyiv'] as const);
      const res = await post(
        `${api}/results`,
        genuineRecord(`board-bins-${i}`, undefined, undefined, humans),
      );
      expect(res.status, res.text).toBe(201);
      ids.push(String(res.json['id']));
    }
  }, 120_000);
  afterAll(async () => {
    await srv?.close();
  });

  it('answers bins equal to the old computation over format=board, and a page of runs', async () => {
    const raw = (
      await call('GET', `${api}/results?scenario=historical-2024&limit=10000&format=board`)
    ).json as unknown as { metrics: string[]; rows: unknown[][] };
    const runs: BoardRun[] = raw.rows.map((r) => ({
      id: r[0] as string,
      pseudonym: r[1] as string,
      createdAt: r[2] as number,
      played: r[3] as string,
      classCode: null,
      hidden: false,
      forkedFrom: null,
      values: Object.fromEntries(
        raw.metrics.map((m, i) => [m, r[6 + i]]).filter((e) => typeof e[1] === 'number'),
      ) as Record<string, number>,
    }));
    const res = await call(
      'GET',
      `${api}/board?scenario=historical-2024&played=kyiv&pageSize=2&page=1&sort=moscow.score&dir=asc&mine=${ids[1]}`,
    );
    expect(res.status, res.text).toBe(200);
    const a = res.json as unknown as ReturnType<typeof boardAnswer>;
    expect(a.inView).toBe(runs.filter((r) => playedAs(r, 'kyiv')).length);
    expect(a.inView).toBeGreaterThan(0);
    expect(a.distributions['kyiv.score']).toEqual(
      JSON.parse(JSON.stringify(distribution(oldColumn(runs, 'kyiv', 'kyiv.score')))),
    );
    const mineRun = runs.find((r) => r.id === ids[1])!;
    expect(chartWords(a.standing!['kyiv.score']!)).toBe(
      standing(oldColumn(runs, 'kyiv', 'kyiv.score'), mineRun.values['kyiv.score']!),
    );
    expect(a.table.runs.map((r) => r.id)).toEqual(oldOrder(runs, 'moscow.score', 1).slice(2, 4));
    expect(res.text.length).toBeLessThan(20_000);
  });

  it('a repeated board comes from the cache, and a new result changes it; a table page omits the charts', async () => {
    const url = `${api}/board?scenario=historical-2024&played=all`;
    const before = (await call('GET', url)).json as unknown as BoardAnswer;
    expect((await call('GET', url)).json).toEqual(before);
    const res = await post(`${api}/results`, genuineRecord('board-bins-cache', undefined, undefined, ['kyiv']));
    expect(res.status, res.text).toBe(201);
    const after = (await call('GET', url)).json as unknown as BoardAnswer;
    expect(after.total).toBe(before.total + 1);
    expect(after.distributions['kyiv.score']!.n).toBe(before.distributions['kyiv.score']!.n + 1);
    expect(after.table.runs[0]!.id).toBe(res.json['id']);
    const page = (await call('GET', `${url}&charts=false&sort=pseudonym&dir=asc`))
      .json as unknown as BoardAnswer;
    expect(page.distributions).toEqual({});
    expect(page.standing).toBeNull();
    expect(page.table.runs.map((r) => r.pseudonym)).toEqual(
      [...page.table.runs.map((r) => r.pseudonym)].sort((x, y) => x.toLowerCase().localeCompare(y.toLowerCase())),
    );
    expect(page.total).toBe(after.total);
  });

  it.each([
    ['no scenario', 'played=all'],
    ['page size over 100', 'scenario=historical-2024&pageSize=101'],
    ['negative page', 'scenario=historical-2024&page=-1'],
    ['unknown capital', 'scenario=historical-2024&played=paris'],
    ['sort by markup', 'scenario=historical-2024&sort=%3Cscript%3E'],
    ['unknown direction', 'scenario=historical-2024&dir=up'],
    [
      '51 of my ids',
      `scenario=historical-2024&mine=${Array.from({ length: 51 }, (_, i) => `a${i}`).join(',')}`,
    ],
    ['an unknown parameter', 'scenario=historical-2024&limit=10000'],
    ['charts neither true nor false', 'scenario=historical-2024&charts=maybe'],
    ['a bad class code', 'class=%%%%'],
  ])('refuses %s with 400', async (_what, query) => {
    const res = await call('GET', `${api}/board?${query}`);
    expect(res.status, res.text).toBe(400);
    expect(String(res.json['message']).length).toBeGreaterThan(5);
  });
});
