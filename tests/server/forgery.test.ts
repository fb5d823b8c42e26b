// Forged results (issue 9, items 1 and 2): a record that makes a computer seat play badly for a
// person's benefit, seats the computer does not hold, copies of someone's run under another
// name, and junk riding along in a record. Each is refused with words, and nothing is stored.
import { readFileSync } from 'node:fs';
import path from 'node:path';

import { beforeAll, describe, expect, it } from 'vitest';

import type { GameRecord, Rules } from '../../src/engine';
import { loadLedgerFileSync } from '../../src/ledger/node';
import { loadScenario, resolveScenario } from '../../src/scenario';
import { playGame, recordOf } from '../../src/sim/play';
import {
  BOT_SEATS,
  genuineRecord,
  post,
  resultCount,
  startTestServer,
  useTestServer,
} from './helpers';

const ROOT = path.resolve(import.meta.dirname, '..', '..');
const clone = <T>(v: T): T => JSON.parse(JSON.stringify(v)) as T;

describe('forged records', () => {
  const srv = useTestServer('sqlite', { sweepIntervalMs: 0 });

  /** Moscow a person, Pyongyang and Kyiv the historical computer player. */
  const base = genuineRecord('forgery-base', {
    pyongyang: 'historical',
    moscow: 'random',
    kyiv: 'historical',
  });

  it('a computer seat whose orders were changed (Kyiv withdraws and stops targeting): 422 naming the turn and seat', async () => {
    const r = clone(base);
    const kyivEnd = r.actions.findIndex((a) => a.seat === 'kyiv' && a.type === 'endTurn');
    r.actions.splice(
      kyivEnd,
      0,
      { type: 'setPosture', seat: 'kyiv', posture: 'withdraw' },
      { type: 'setTargeting', seat: 'kyiv', on: false },
    );
    const res = await srv.refused(r, 422, 'computer-moves-differ');
    expect(String(res.json['message'])).toMatch(/Kyiv is played by the computer \(historical\)/);
    expect(String(res.json['message'])).toMatch(/in turn 1 /);
  });

  it('a computer seat whose order was dropped: 422', async () => {
    const r = clone(base);
    const firstKyiv = r.actions.findIndex((a) => a.seat === 'kyiv' && a.type !== 'endTurn');
    expect(firstKyiv).toBeGreaterThan(-1);
    r.actions.splice(firstKyiv, 1);
    await srv.refused(r, 422, 'computer-moves-differ');
  });

  it('the genuine record passes; the same seed with Kyiv a person is another run', async () => {
    const ok = await post(`${srv.api}/results`, { record: base, pseudonym: 'Honest Heron' });
    expect(ok.status, ok.text).toBe(201);
    const kyivPerson = genuineRecord('forgery-base', undefined, undefined, ['moscow', 'kyiv']);
    const other = await post(`${srv.api}/results`, { record: kyivPerson, pseudonym: 'Second Seat' });
    expect(other.status, other.text).toBe(201);
    expect(other.json['id']).not.toBe(ok.json['id']);
  });

  it.each([
    ['a label with extra spacing', 'historical '],
    ['another capitalisation', 'Historical'],
    ['free text', 'my own strategy'],
    ['a search budget the server does not offer', 'search:5000'],
  ])('seat value %s: 400', async (_what, label) => {
    const r = clone(base);
    r.seats.kyiv = label;
    const res = await srv.refused(r, 400, 'invalid-record');
    expect((res.json['details'] as string[]).join('\n')).toMatch(/seats\.kyiv: .* is not a player/);
  });

  it.each([
    ['the record', (r: Record<string, unknown>) => (r['comment'] = 'hi')],
    [
      'the seats',
      (r: Record<string, unknown>) =>
        ((r['seats'] as Record<string, unknown>)['teacher'] = 'human'),
    ],
    [
      'an action',
      (r: Record<string, unknown>) =>
        ((r['actions'] as Record<string, unknown>[])[0]!['why'] = 'x'),
    ],
    [
      'the figure choices',
      (r: Record<string, unknown>) =>
        ((r['figureChoices'] as Record<string, unknown>)['extra'] = 1),
    ],
    [
      'the scenario reference',
      (r: Record<string, unknown>) => ((r['scenario'] as Record<string, unknown>)['title'] = 'x'),
    ],
  ])('an unknown field in %s: 400', async (_where, add) => {
    const r = clone(base) as unknown as Record<string, unknown>;
    add(r);
    await srv.refused(r, 400, 'invalid-record');
  });

  it('a 1.9 MB junk field in an action is refused and not stored', async () => {
    const r = clone(base) as unknown as { actions: Record<string, unknown>[] };
    r.actions[0]!['padding'] = 'x'.repeat(1_900_000);
    const res = await srv.refused(r, 400, 'invalid-record');
    expect(res.text.length).toBeLessThan(5000); // the answer does not echo the junk
  });

  it('numbers no model holds: Infinity (1e999) and past 2^53 in an action', async () => {
    const i = base.actions.findIndex((a) => a.type !== 'endTurn');
    const text = JSON.stringify(base);
    const at = JSON.stringify(base.actions[i]);
    const kind = base.actions[i]!;
    const numeric = Object.entries(kind).find(([, v]) => typeof v === 'number');
    expect(numeric, 'the first order has a number').toBeDefined();
    const [field] = numeric!;
    for (const big of ['1e999', '9007199254740993', '-1e400']) {
      const forged = text.replace(
        at,
        at.replace(new RegExp(`"${field}":[-0-9.e]+`), `"${field}":${big}`),
      );
      expect(forged).not.toBe(text);
      await srv.refused(forged, 400, 'invalid-record');
    }
  });

  it('a seed or note that hides text: 400', async () => {
    await srv.refused({ ...clone(base), seed: 'forgery-base\u202E' }, 400, 'invalid-record');
    await srv.refused({ ...clone(base), seed: 'forgery\u0000base' }, 400, 'nul-character');
  });
});

describe('copies of a run', () => {
  const srv = useTestServer('sqlite', { sweepIntervalMs: 0 });

  const record = genuineRecord('copy-base');

  it('is refused under another name (409 with words), answered with the first under the same name', async () => {
    const first = await post(`${srv.api}/results`, { record, pseudonym: 'First Finch' });
    expect(first.status, first.text).toBe(201);
    const before = await resultCount(srv.store);

    const copy = await post(`${srv.api}/results`, { record, pseudonym: 'Sock Puppet' });
    expect(copy.status).toBe(409);
    expect(copy.json['error']).toBe('copy-of-existing-run');
    expect(String(copy.json['message'])).toMatch(/already submitted under another pseudonym/);

    // Another spelling of the same run: keys reordered, whitespace, empty per-figure map.
    const respelled = JSON.parse(JSON.stringify(record)) as GameRecord;
    const reordered = Object.fromEntries(Object.entries(respelled).reverse());
    (reordered['figureChoices'] as Record<string, unknown>)['byFigure'] = {};
    const body = JSON.stringify({ pseudonym: 'Sock Puppet 2', record: reordered }, null, 3);
    const copy2 = await post(`${srv.api}/results`, body);
    expect(copy2.status, copy2.text).toBe(409);

    const retry = await post(`${srv.api}/results`, body.replace('Sock Puppet 2', 'First Finch'));
    expect(retry.status).toBe(200);
    expect(retry.json['id']).toBe(first.json['id']);
    expect(await resultCount(srv.store)).toBe(before);
  });

  it('sent at the same moment under two names (stored in one commit): one 201, the copy 409', async () => {
    const run = genuineRecord('copy-together');
    const before = await resultCount(srv.store);
    const [a, b] = await Promise.all([
      post(`${srv.api}/results`, { record: run, pseudonym: 'Quick Quail' }),
      post(`${srv.api}/results`, { record: run, pseudonym: 'Sly Sock' }),
    ]);
    expect([a!.status, b!.status].sort()).toEqual([201, 409]);
    expect([a!, b!].find((r) => r.status === 409)!.json['error']).toBe('copy-of-existing-run');
    expect(await resultCount(srv.store)).toBe(before + 1);
  });

  it('a copy claiming other turn hashes is replayed and refused, not answered with the stored run', async () => {
    const forged = clone(record);
    forged.turnHashes[2] =
      forged.turnHashes[2] === '0123456789abcdef' ? 'fedcba9876543210' : '0123456789abcdef';
    const res = await post(`${srv.api}/results`, { record: forged, pseudonym: 'First Finch' });
    expect(res.status).toBe(422);
    expect(res.json['error']).toBe('turn-hash-mismatch');
  });
});

describe('seats the scenario gives only to the computer', () => {
  const srv = useTestServer('sqlite', { sweepIntervalMs: 0 });
  let text: string;
  let rules: Rules;
  beforeAll(() => {
    const ledger = loadLedgerFileSync();
    if (!ledger.ok) throw new Error('ledger');
    // Kyiv's block is the third "playable: true"; make it the computer's only.
    const original = readFileSync(path.join(ROOT, 'scenarios', 'historical-2024.yaml'), 'utf8');
    let n = 0;
    text = original
      .replace(/^id: .*$/m, 'id: kyiv-computer-only')
      .replace(/playable: true/g, (m) => (++n === 3 ? 'playable: false' : m));
    const loaded = loadScenario(text, 'kyiv-computer-only.yaml', ledger.value);
    if (!loaded.ok) throw new Error('the test scenario does not load');
    rules = resolveScenario(
      loaded.value.scenario,
      ledger.value,
      { default: 'central' },
      loaded.value.hash,
    );
    expect(rules.capitals.kyiv.playable).toBe(false);
  });

  it('a record seating a person there is refused (422); the computer in it is accepted', async () => {
    const rec = recordOf(playGame(rules, { seed: 'unplayable', seats: BOT_SEATS }), BOT_SEATS);
    const person = { ...clone(rec), seats: { ...rec.seats, kyiv: 'human' } };
    const res = await post(`${srv.url}/api/results`, { record: person, scenario: text });
    expect(res.status).toBe(422);
    expect(res.json['error']).toBe('seat-not-playable');
    expect(String(res.json['message'])).toMatch(/Kyiv is always played by the computer/);
    const ok = await post(`${srv.url}/api/results`, { record: rec, scenario: text });
    expect(ok.status, ok.text).toBe(201);
  });
});

describe('a modified scenario wearing a built-in id (item 3)', () => {
  const srv = useTestServer('sqlite', { sweepIntervalMs: 0 });
  let text: string;
  let rules: Rules;
  let hash: string;
  beforeAll(() => {
    const ledger = loadLedgerFileSync();
    if (!ledger.ok) throw new Error('ledger');
    // Same id and title as the built-in; Moscow's losses count for nothing in its score.
    text = readFileSync(path.join(ROOT, 'scenarios', 'historical-2024.yaml'), 'utf8').replace(
      '{ metric: moscow.losses, weight: 2,',
      '{ metric: moscow.losses, weight: 0.001,',
    );
    const loaded = loadScenario(text, 'historical-2024.yaml', ledger.value);
    if (!loaded.ok) throw new Error('the modified scenario does not load');
    hash = loaded.value.hash;
    rules = resolveScenario(loaded.value.scenario, ledger.value, { default: 'central' }, hash);
  });

  it('gets its own board, never the built-in one, and is never called built in', async () => {
    const genuine = await post(`${srv.api}/results`, genuineRecord('builtin-board'));
    expect(genuine.status, genuine.text).toBe(201);
    const rec = recordOf(playGame(rules, { seed: 'impostor', seats: BOT_SEATS }), BOT_SEATS);
    expect(rec.scenario.id).toBe('historical-2024');
    const up = await post(`${srv.api}/results`, { record: rec, scenario: text });
    expect(up.status, up.text).toBe(201);

    const board = (await (await fetch(`${srv.api}/results?scenario=historical-2024`)).json()) as {
      results: { id: string; scenario: { hash: string } }[];
    };
    expect(board.results.map((r) => r.id)).toEqual([genuine.json['id']]);
    const own = (await (
      await fetch(`${srv.api}/results?scenario=historical-2024&hash=${hash}`)
    ).json()) as {
      results: { id: string }[];
    };
    expect(own.results.map((r) => r.id)).toEqual([up.json['id']]);

    const list = (await (await fetch(`${srv.api}/scenarios`)).json()) as {
      scenarios: { id: string; hash: string; builtIn: boolean; results: number }[];
    };
    const entries = list.scenarios.filter((s) => s.id === 'historical-2024');
    expect(entries.find((s) => s.hash === hash)).toMatchObject({ builtIn: false, results: 1 });
    expect(entries.filter((s) => s.builtIn)).toHaveLength(1);
    expect(entries.find((s) => s.builtIn)!.hash).not.toBe(hash);

    const one = (await (await fetch(`${srv.api}/scenarios/${hash}`)).json()) as Record<string, unknown>;
    expect(one).toMatchObject({ builtIn: false, origin: 'upload' });
    const fork = (await (
      await fetch(`${srv.api}/results/${String(up.json['id'])}/fork?turn=2`)
    ).json()) as {
      scenario: { builtIn: boolean };
    };
    expect(fork.scenario.builtIn).toBe(false);
  });

  it('a stored row claiming to be built in is not believed', async () => {
    await srv.store.kysely
      .updateTable('scenarios')
      .set({ origin: 'builtin' })
      .where('hash', '=', hash)
      .execute();
    const fresh = await startTestServer('sqlite', { sweepIntervalMs: 0, dataDir: srv.dataDir });
    try {
      const one = (await (await fetch(`${fresh.url}/api/scenarios/${hash}`)).json()) as Record<
        string,
        unknown
      >;
      expect(one).toMatchObject({ builtIn: false, origin: 'upload' });
    } finally {
      await fresh.app.close();
    }
  });
});
