/**
 * The debrief's pure parts, in Node: decisions derived from a record beside the sources, chart
 * scaling, the pseudonym, the record's file name, submission to the class board (against a fake
 * fetch, and once against a real server), the retry queue, the pawns of the human-cost ledger,
 * and the scenario's discussion questions. The DOM is tested in tests/e2e/debrief.test.ts.
 */
import { readFileSync } from 'node:fs';

import { afterAll, beforeAll, describe, expect, it } from 'vitest';

import { getBot } from '../../src/ai';
import {
  applyInPlace,
  createGame,
  makeRecord,
  type Action,
  type Capital,
  type GameRecord,
  type GameState,
  type Rules,
  type Seats,
} from '../../src/engine';
import { findFigure, type Ledger } from '../../src/ledger';
import { loadLedgerFileSync } from '../../src/ledger/node';
import { checkPseudonym } from '../../src/server/pseudonym';
import { playGame } from '../../src/sim/play';
import {
  fates,
  fileSafe,
  objectivesCountingSoldiers,
  pawnCounts,
  pawnUnit,
  pendingSubmissions,
  queuePending,
  readArray,
  recordFileName,
  recordKey,
  rememberResult,
  resultsLink,
  explorerHref,
  retryPending,
  scenarioWords,
  scoreNouns,
  STORAGE_KEYS,
  submissionBody,
  submitResult,
  suggestPseudonym,
  type FetchLike,
  type KeyValue,
} from '../../src/ui/debrief';
import {
  actionTurns,
  deriveDecisions,
  figureAmount,
  metricAt,
  onSpans,
  type DecisionItem,
} from '../../src/ui/decisions';
import { builtInRules, HISTORICAL_SEATS } from '../helpers/rules';
import { startTestServer, type TestServer } from '../server/helpers';

const ledgerResult = loadLedgerFileSync();
if (!ledgerResult.ok) throw new Error('ledger invalid');
const ledger: Ledger = ledgerResult.value;
const rules = builtInRules();

/**
 * Plays a game with the historical computer players for every seat; `extra(seat, turn)` may add
 * orders a "human" seat gives before the bot's own orders of that turn.
 */
function play(
  extra: (state: GameState, seat: Capital, turn: number) => Action[] = () => [],
  keep: (a: Action) => boolean = () => true,
  seed = 'debrief-test',
  r: Rules = rules,
) {
  const state = createGame(r, { seed, figureChoices: { default: 'central' } });
  const log: Action[] = [];
  const bot = getBot('historical')!;
  const over = (): boolean => state.ctx.phase === 'over';
  while (!over()) {
    const seat = state.ctx.seat;
    const turn = state.ctx.turn;
    for (const a of [...extra(state, seat, turn), ...bot.decide(state, seat).filter(keep)]) {
      if (state.ctx.seat !== seat || state.ctx.turn !== turn || over()) break;
      if (applyInPlace(state, a).ok) log.push(a);
    }
    if (state.ctx.seat === seat && state.ctx.turn === turn && !over()) {
      const end: Action = { type: 'endTurn', seat };
      applyInPlace(state, end);
      log.push(end);
    }
  }
  return { state, actions: log };
}

function recordFor(state: GameState, actions: Action[], humans: Capital[]): GameRecord {
  const seats: Seats = { ...HISTORICAL_SEATS };
  for (const c of humans) seats[c] = 'human';
  return makeRecord(state, seats, actions);
}

function find(items: DecisionItem[], key: string): DecisionItem {
  const it = items.find((d) => d.key === key);
  if (!it) throw new Error(`no item ${key} in ${items.map((d) => d.key).join(', ')}`);
  return it;
}

describe('decisions beside the sources', () => {
  const historical = play();

  it('numbers every action with the turn it was given in', () => {
    const turns = actionTurns(rules, historical.actions);
    expect(turns[0]).toBe(1);
    expect(turns[turns.length - 1]).toBe(rules.calendar.turns);
    // Turns only go up, by one at a time.
    for (let i = 1; i < turns.length; i++)
      expect(turns[i]! - turns[i - 1]!).toBeGreaterThanOrEqual(0);
    expect(new Set(turns).size).toBe(rules.calendar.turns);
    const synthetic: Action[] = [
      { type: 'endTurn', seat: 'pyongyang' },
      { type: 'endTurn', seat: 'moscow' },
      { type: 'endTurn', seat: 'kyiv' },
      { type: 'publicise', seat: 'kyiv' },
    ];
    expect(actionTurns(rules, synthetic)).toEqual([1, 1, 1, 2]);
  });

  it('reads a metric at the end of a month from the history', () => {
    expect(metricAt(historical.state, 'pyongyang.troopsSent', '2024-12')).toBe(
      historical.state.history.find((p) => p.date === '2024-12' && p.turn > 0)!.metrics[
        'pyongyang.troopsSent'
      ],
    );
    expect(metricAt(historical.state, 'pyongyang.troopsSent', '2031-01')).toBeUndefined();
  });

  it('says how many soldiers Pyongyang sent beside the estimates, for a Pyongyang player', () => {
    const items = deriveDecisions({
      state: historical.state,
      record: recordFor(historical.state, historical.actions, ['pyongyang']),
      humans: ['pyongyang'],
      ledger,
    });
    const troops = find(items, 'pyongyang.troops');
    expect(troops.kind).toBe('decision');
    expect(troops.text).toMatch(/^You sent 1,500 soldiers by October 2024/);
    expect(troops.text).toContain('11,000 in all');
    expect(troops.sources.map((s) => s.figureId)).toEqual([
      'nk-troops-first-contingent',
      'nk-troops-total',
    ]);
    expect(troops.sources[1]!.text).toContain('10,000–12,000 soldiers');
    expect(troops.sources[1]!.status).toBe('estimated');
    // A player who kept the lie is told so, beside the prisoners' testimony.
    const info = find(items, 'pyongyang.information');
    expect(info.text).toContain('kept the soldiers believing they were fighting Americans');
    expect(info.sources[0]!.figureId).toBe('deception-fighting-americans');
    // Decisions come before outcomes.
    const firstOutcome = items.findIndex((d) => d.kind === 'outcome');
    expect(items.slice(firstOutcome).every((d) => d.kind === 'outcome')).toBe(true);
  });

  it('dates the turn a Pyongyang player told the soldiers the truth', () => {
    // The player's order, and none of the computer's own information orders for that seat.
    const g = play(
      (_state, seat, turn) =>
        seat === 'pyongyang' && turn === 3
          ? [{ type: 'setInformation', seat, policy: 'truth' }]
          : [],
      (a) => a.type !== 'setInformation',
    );
    const items = deriveDecisions({
      state: g.state,
      record: recordFor(g.state, g.actions, ['pyongyang']),
      humans: ['pyongyang'],
      ledger,
    });
    const info = find(items, 'pyongyang.information');
    expect(info.text).toMatch(/^You told the soldiers the truth in turn 3 \(December 2024\)\./);
    expect(info.turn).toBe(3);
    expect(info.date).toBe('2024-12');
    expect(info.sources.map((s) => s.figureId)).toContain('family-punishment-on-capture');
  });

  it('sets Kyiv publicising prisoners beside the captures and the families at risk', () => {
    const items = deriveDecisions({
      state: historical.state,
      record: recordFor(historical.state, historical.actions, ['kyiv']),
      humans: ['kyiv'],
      ledger,
    });
    const pub = find(items, 'kyiv.publicise');
    const families = historical.state.metrics['human.familiesAtRisk']!;
    expect(families).toBeGreaterThan(0);
    expect(pub.text).toMatch(/^You publicised prisoners/);
    expect(pub.text).toContain(`${families.toLocaleString('en-GB')} famil`);
    expect(pub.sources.map((s) => s.figureId)).toEqual([
      'nk-captured-jan-2025',
      'family-punishment-on-capture',
    ]);
    expect(pub.sources[0]!.text).toBe('2 prisoners captured alive in January 2025.');
    // Pyongyang is a computer seat here: its soldiers appear as an outcome, named plainly.
    const troops = find(items, 'pyongyang.troops');
    expect(troops.kind).toBe('outcome');
    expect(troops.text).toMatch(/^Pyongyang sent/);
    expect(items.some((d) => d.key === 'pyongyang.information')).toBe(false);
  });

  it('dates when a Moscow player first put North Koreans on the front line', () => {
    const items = deriveDecisions({
      state: historical.state,
      record: recordFor(historical.state, historical.actions, ['moscow']),
      humans: ['moscow'],
      ledger,
    });
    const front = find(items, 'moscow.front');
    const firstAssign = historical.actions.findIndex((a) => a.type === 'assign' && a.count > 0);
    const turn = actionTurns(rules, historical.actions)[firstAssign]!;
    expect(front.kind).toBe('decision');
    expect(front.turn).toBe(turn);
    expect(front.text).toContain(`in turn ${turn} (`);
    expect(front.sources[0]!.figureId).toBe('nk-kursk-frontline-feb-2025');
    expect(front.sources[0]!.text).toContain('February 2025');
    expect(find(items, 'moscow.pairing').text).toContain(
      'paired North Korean units with Russian drone operators from turn',
    );
  });

  it('compares the deaths with Ukraine’s report whoever played', () => {
    const items = deriveDecisions({
      state: historical.state,
      record: recordFor(historical.state, historical.actions, []),
      humans: [],
      ledger,
    });
    expect(items.every((d) => d.kind === 'outcome')).toBe(true);
    const deaths = find(items, 'human.killed');
    const byMarch = metricAt(historical.state, 'pyongyang.killed', '2025-03')!;
    expect(deaths.text).toContain(
      `${byMarch.toLocaleString('en-GB')} North Korean soldiers had been killed by the end of March 2025`,
    );
    expect(deaths.sources[0]!.text).toMatch(/^at least 3,000 deaths, reported by Ukraine/);
  });

  it('cites only figures the ledger has, and never leaves a decision without a source', () => {
    for (const humans of [
      ['pyongyang'],
      ['moscow'],
      ['kyiv'],
      ['pyongyang', 'moscow', 'kyiv'],
      [],
    ] as Capital[][]) {
      const items = deriveDecisions({
        state: historical.state,
        record: recordFor(historical.state, historical.actions, humans),
        humans,
        ledger,
      });
      expect(items.length).toBeGreaterThan(3);
      for (const d of items) {
        expect(d.sources.length, d.key).toBeGreaterThan(0);
        expect(d.text.length).toBeGreaterThan(10);
        for (const s of d.sources) expect(findFigure(ledger, s.figureId), s.figureId).toBeDefined();
      }
      // Hot-seat players are named by their capital, not "You".
      if (humans.length > 1) expect(items.some((d) => d.text.startsWith('You '))).toBe(false);
    }
  });

  it('drops a source the ledger lacks', () => {
    const thin: Ledger = {
      ...ledger,
      figures: ledger.figures.filter((f) => f.id !== 'nk-troops-first-contingent'),
    };
    const items = deriveDecisions({
      state: historical.state,
      record: recordFor(historical.state, historical.actions, ['pyongyang']),
      humans: ['pyongyang'],
      ledger: thin,
    });
    expect(find(items, 'pyongyang.troops').sources.map((s) => s.figureId)).toEqual([
      'nk-troops-total',
    ]);
  });

  it('words a ledger number as the sources phrase it', () => {
    expect(figureAmount(findFigure(ledger, 'nk-troops-total')!)).toBe(
      'about 10,000–12,000 soldiers',
    );
    expect(figureAmount(findFigure(ledger, 'nk-deaths-ukraine-report')!)).toBe(
      'at least 3,000 deaths',
    );
    expect(figureAmount(findFigure(ledger, 'nk-captured-jan-2025')!)).toBe('2 prisoners');
    expect(figureAmount(findFigure(ledger, 'deception-fighting-americans')!)).toBe('');
  });
});

describe('pseudonym, file name, links', () => {
  it('suggests the same adjective-and-animal name for the same game, another on request', () => {
    const a = suggestPseudonym('seed-1:abc');
    expect(a).toBe(suggestPseudonym('seed-1:abc'));
    expect(a).toMatch(/^[A-Z][a-z]+ [A-Z][a-z]+$/);
    const names = new Set(Array.from({ length: 20 }, (_, n) => suggestPseudonym('seed-1:abc', n)));
    expect(names.size).toBeGreaterThan(15);
    const games = new Set(Array.from({ length: 50 }, (_, i) => suggestPseudonym(`seed-${i}:x`)));
    expect(games.size).toBeGreaterThan(35);
    for (const n of [...names, ...games]) expect(checkPseudonym(n)).toEqual({ ok: true, value: n });
  });

  it('names the record file three-capitals-<scenario>-<seed>.json, safely', () => {
    expect(
      recordFileName({ scenario: { id: 'historical-2024', hash: 'h' }, seed: 'kursk-4821-bk' }),
    ).toBe('three-capitals-historical-2024-kursk-4821-bk.json');
    expect(recordFileName({ scenario: { id: 'x', hash: 'h' }, seed: '../../etc/pass wd' })).toBe(
      'three-capitals-x-etc-pass-wd.json',
    );
    expect(fileSafe('')).toBe('game');
    expect(fileSafe('ünï cødé')).toBe('n-c-d');
  });

  it('links to the class board and the explorer', () => {
    expect(resultsLink('historical-2024', 'ABC123')).toBe(
      '/results?scenario=historical-2024&class=ABC123',
    );
    expect(resultsLink('historical-2024', null)).toBe('/results?scenario=historical-2024');
    expect(explorerHref('nuclear-deal')).toBe(
      '/explorer.html?scenario=nuclear-deal&mine=tc.lastGame',
    );
  });
});

class MemoryStorage implements KeyValue {
  readonly map = new Map<string, string>();
  getItem(k: string) {
    return this.map.get(k) ?? null;
  }
  setItem(k: string, v: string) {
    this.map.set(k, v);
  }
  removeItem(k: string) {
    this.map.delete(k);
  }
}

function fakeFetch(answer: (body: Record<string, unknown>) => Response | Error): {
  fetch: FetchLike;
  calls: Record<string, unknown>[];
} {
  const calls: Record<string, unknown>[] = [];
  return {
    calls,
    fetch: async (_url, init) => {
      const body = JSON.parse(String(init?.body)) as Record<string, unknown>;
      calls.push(body);
      const a = answer(body);
      if (a instanceof Error) throw a;
      return a;
    },
  };
}

const json = (status: number, body: unknown) =>
  new Response(JSON.stringify(body), { status, headers: { 'content-type': 'application/json' } });

describe('submission to the class board', () => {
  const g = playGame(rules, { seed: 'submit-1', seats: HISTORICAL_SEATS });
  const record = recordFor(g.state, g.actions, ['kyiv']);

  it('sends {record, pseudonym, classCode} and nothing empty', () => {
    expect(
      Object.keys(submissionBody({ record, pseudonym: 'Quiet Heron', classCode: '  ' })),
    ).toEqual(['record', 'pseudonym']);
    expect(
      submissionBody({ record, pseudonym: 'Quiet Heron', classCode: 'ab-12', scenario: 'text' }),
    ).toMatchObject({ classCode: 'ab-12', scenario: 'text' });
  });

  it('says which run and turn a forked game continued from (and nothing for other games)', () => {
    const forkedFrom = { resultId: 'abc123', turn: 4 };
    expect(submissionBody({ record, pseudonym: 'Quiet Heron', forkedFrom })['forkedFrom']).toEqual(
      forkedFrom,
    );
    expect(submissionBody({ record, pseudonym: 'Quiet Heron' })).not.toHaveProperty('forkedFrom');
  });

  it('reads the result id, the server’s 4xx message, and a network failure', async () => {
    const ok = await submitResult(
      { record, pseudonym: 'Quiet Heron' },
      fakeFetch(() => json(201, { id: 'r1', classCode: null, scenario: { id: 'historical-2024' } }))
        .fetch,
    );
    expect(ok).toEqual({
      kind: 'ok',
      id: 'r1',
      created: true,
      classCode: null,
      scenarioId: 'historical-2024',
    });
    const again = await submitResult(
      { record, pseudonym: 'Quiet Heron' },
      fakeFetch(() =>
        json(200, { id: 'r1', classCode: 'AB12', scenario: { id: 'historical-2024' } }),
      ).fetch,
    );
    expect(again).toMatchObject({ kind: 'ok', created: false, classCode: 'AB12' });
    const refused = await submitResult(
      { record, pseudonym: 'Quiet Heron', classCode: 'NOPE' },
      fakeFetch(() => json(422, { error: 'unknown-class', message: 'there is no class NOPE' }))
        .fetch,
    );
    expect(refused).toEqual({ kind: 'rejected', status: 422, message: 'there is no class NOPE' });
    const details = await submitResult(
      { record, pseudonym: 'x' },
      fakeFetch(() => json(400, { message: 'bad', details: ['a: b', 'c: d'] })).fetch,
    );
    expect(details).toMatchObject({ kind: 'rejected', message: 'bad: a: b; c: d' });
    const offline = await submitResult(
      { record, pseudonym: 'x' },
      fakeFetch(() => new TypeError('Failed to fetch')).fetch,
    );
    expect(offline).toEqual({ kind: 'offline', message: 'Failed to fetch' });
    expect(
      (await submitResult({ record, pseudonym: 'x' }, fakeFetch(() => json(503, {})).fetch)).kind,
    ).toBe('offline');
    expect(
      (
        await submitResult(
          { record, pseudonym: 'x' },
          fakeFetch(() => json(429, { message: 'slow down' })).fetch,
        )
      ).kind,
    ).toBe('offline');
  });

  it('keeps a submission that could not be sent, and retries it later', async () => {
    const storage = new MemoryStorage();
    expect(
      queuePending(storage, { record, pseudonym: 'Quiet Heron' }, '2025-01-01T00:00:00Z'),
    ).toBe(true);
    // The same game again replaces, not duplicates.
    queuePending(storage, { record, pseudonym: 'Brave Otter' }, '2025-01-02T00:00:00Z');
    const other = recordFor(
      playGame(rules, { seed: 'submit-2', seats: HISTORICAL_SEATS }).state,
      [],
      [],
    );
    queuePending(storage, { record: other, pseudonym: 'Calm Seal' }, '2025-01-02T00:00:00Z');
    expect(pendingSubmissions(storage).map((p) => p.payload.pseudonym)).toEqual([
      'Brave Otter',
      'Calm Seal',
    ]);

    // Still offline: both kept.
    let r = await retryPending(storage, fakeFetch(() => new TypeError('offline')).fetch);
    expect(r).toMatchObject({ sent: [], rejected: [], kept: 2 });
    // Back online: one accepted, one refused for good.
    const f = fakeFetch((body) =>
      body['pseudonym'] === 'Brave Otter'
        ? json(201, { id: 'r9', classCode: null, scenario: { id: 'historical-2024' } })
        : json(422, { message: 'scenario mismatch' }),
    );
    r = await retryPending(storage, f.fetch);
    expect(r.sent.map((s) => s.key)).toEqual([recordKey(record)]);
    expect(r.rejected[0]!.outcome.message).toBe('scenario mismatch');
    expect(pendingSubmissions(storage)).toEqual([]);
    expect(storage.getItem(STORAGE_KEYS.pending)).toBeNull();
    expect(readArray(storage, STORAGE_KEYS.myResults)).toEqual(['r9']);
    rememberResult(storage, 'r9');
    rememberResult(storage, 'r10');
    expect(readArray(storage, STORAGE_KEYS.myResults)).toEqual(['r9', 'r10']);
  });

  it('survives damaged storage', () => {
    const storage = new MemoryStorage();
    storage.setItem(STORAGE_KEYS.pending, '{not json');
    storage.setItem(STORAGE_KEYS.myResults, '"x"');
    expect(pendingSubmissions(storage)).toEqual([]);
    expect(readArray(storage, STORAGE_KEYS.myResults)).toEqual([]);
    expect(readArray(null, STORAGE_KEYS.myResults)).toEqual([]);
  });

  describe('against the real results API', () => {
    let server: TestServer;
    beforeAll(async () => {
      server = await startTestServer('sqlite');
    });
    afterAll(async () => {
      await server?.close();
    });

    it('is accepted (201), then recognised (200), and a bad class gets the server’s message', async () => {
      const fetchFn: FetchLike = (input, init) => fetch(`${server.url}${input}`, init);
      const pseudonym = suggestPseudonym(`${record.seed}:${record.turnHashes.at(-1)}`);
      const first = await submitResult({ record, pseudonym }, fetchFn);
      expect(first).toMatchObject({
        kind: 'ok',
        created: true,
        scenarioId: 'historical-2024',
        classCode: null,
      });
      const second = await submitResult({ record, pseudonym }, fetchFn);
      expect(second).toMatchObject({ kind: 'ok', created: false });
      if (first.kind === 'ok' && second.kind === 'ok') expect(second.id).toBe(first.id);
      const bad = await submitResult({ record, pseudonym, classCode: 'ZZZZZZ' }, fetchFn);
      expect(bad.kind).toBe('rejected');
      if (bad.kind === 'rejected') expect(bad.message).toContain('ZZZZZZ');
    });
  });
});

describe('the human-cost ledger', () => {
  const g = playGame(rules, { seed: 'ledger-1', seats: HISTORICAL_SEATS });

  it('splits the soldiers sent into fates that add up', () => {
    const f = fates(g.state);
    expect(f.reduce((s, x) => s + x.count, 0)).toBe(g.state.metrics['pyongyang.troopsSent']);
    expect(f.find((x) => x.key === 'killed')!.count).toBe(g.state.human.killed);
  });

  it('draws a round number of soldiers per pawn, and a pawn for every group that is not empty', () => {
    expect(pawnUnit(11000)).toBe(100);
    expect(pawnUnit(22000)).toBe(200);
    expect(pawnUnit(90)).toBe(1);
    expect(pawnUnit(5_000_000)).toBe(50_000);
    const counts = [5221, 2051, 9, 0, 3719];
    const pawns = pawnCounts(counts, 100);
    expect(pawns.reduce((a, b) => a + b, 0)).toBe(110);
    expect(pawns[2]).toBe(1);
    expect(pawns[3]).toBe(0);
    expect(pawns[0]).toBe(52);
  });

  it('knows which objectives count North Korean soldiers', () => {
    expect(objectivesCountingSoldiers(rules.scoring.pyongyang)).toEqual([]);
    expect(
      objectivesCountingSoldiers([
        { metric: 'human.killed', weight: 1, direction: 'min', scale: 100 },
      ]),
    ).toHaveLength(1);
    expect(scoreNouns(rules.scoring)).toContain('territory');
  });
});

describe('discussion questions', () => {
  it('come from the built-in scenario the game was played with', () => {
    const w = scenarioWords('historical-2024', undefined, ledger);
    expect(w.questions).toHaveLength(4);
    expect(w.questions[0]).toContain('fight Americans');
    expect(w.objectives.length).toBeGreaterThan(0);
    expect(scenarioWords('told-the-truth', undefined, ledger).title).toContain('truth');
  });

  it('come from the scenario text when one is given, and are empty for an unknown scenario', () => {
    const text = readFileSync('scenarios/historical-2024.yaml', 'utf8').replace(
      /debriefQuestions:\n(?: {2}- .*\n)+/,
      'debriefQuestions:\n  - A question of our own?\n',
    );
    expect(scenarioWords('historical-2024', text, ledger).questions).toEqual([
      'A question of our own?',
    ]);
    expect(scenarioWords('no-such-scenario', undefined, ledger)).toEqual({
      title: null,
      questions: [],
      objectives: [],
    });
  });
});

describe('your decisions follow reversals', () => {
  it('a switch turned off and on again is reported as its spans', () => {
    expect(
      onSpans(
        [
          { on: true, turn: 1 },
          { on: false, turn: 5 },
          { on: true, turn: 8 },
        ],
        false,
        12,
      ),
    ).toEqual([
      { from: 1, to: 4 },
      { from: 8, to: 12 },
    ]);
    // The last order of a turn counts; a switch flipped and flipped back in one turn never changed.
    expect(
      onSpans(
        [
          { on: false, turn: 3 },
          { on: true, turn: 3 },
        ],
        true,
        6,
      ),
    ).toEqual([{ from: 1, to: 6 }]);
    expect(onSpans([], false, 12)).toEqual([]);
  });

  it('Kyiv aimed drones in turns 1–4 and 8–12, not "from turn 1"', () => {
    const game = play(
      (state, seat, turn) => {
        if (seat !== 'kyiv') return [];
        if (turn === 1 || turn === 8) return [{ type: 'setTargeting', seat, on: true }];
        if (turn === 5) return [{ type: 'setTargeting', seat, on: false }];
        return [];
      },
      (a) => a.type !== 'setTargeting',
    );
    const items = deriveDecisions({
      state: game.state,
      record: recordFor(game.state, game.actions, ['kyiv']),
      humans: ['kyiv'],
      ledger,
    });
    const text = find(items, 'kyiv.targeting').text;
    expect(text).toMatch(
      /^You aimed drones at North Korean units in turns 1–4 \(.+\) and 8–12 \(.+\)\.$/,
    );
  });
});
