/**
 * The results API against the real server (listening on a port) and a real database: SQLite in a
 * temp DATA_DIR, and PostgreSQL when DATABASE_URL_TEST is set. Genuine records are accepted with
 * the outcome the engine computes; forged ones are refused with a 4xx and leave nothing behind.
 */
import { execFile } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { promisify } from 'node:util';

import { beforeAll, describe, expect, it } from 'vitest';

import { createGame, applyInPlace, replay, type GameRecord, type Rules } from '../../src/engine';
import { loadLedgerFileSync } from '../../src/ledger/node';
import { CONTENT_SECURITY_POLICY } from '../../src/server/app';
import { loadScenario, resolveScenario } from '../../src/scenario';
import { playGame, recordOf } from '../../src/sim/play';
import { builtInRules } from '../helpers/rules';
import {
  BACKENDS,
  BOT_SEATS,
  call,
  genuineRecord,
  post,
  resultCount,
  useTestServer,
} from './helpers';

const ROOT = path.resolve(import.meta.dirname, '..', '..');
const clone = <T>(v: T): T => JSON.parse(JSON.stringify(v)) as T;

describe.each(BACKENDS)('results API on %s', (backend) => {
  let clock = Date.parse('2026-01-10T09:00:00Z');
  const srv = useTestServer(backend, { now: () => clock, sweepIntervalMs: 0 });

  describe('a genuine record', () => {
    const record = genuineRecord('api-genuine-1');
    let id: string;

    it('is accepted (201) with the outcome the engine computes', async () => {
      const res = await post(`${srv.api}/results`, record);
      expect(res.status, res.text).toBe(201);
      id = String(res.json['id']);
      expect(res.headers.get('location')).toBe(`/api/results/${id}`);
      const r = replay(clone(record), builtInRules());
      if (!r.ok) throw new Error(r.error.message);
      expect(res.json['finalHash']).toBe(r.value.finalHash);
      expect(res.json['metrics']).toEqual(r.value.state.metrics);
      expect(res.json['scores']).toEqual({
        pyongyang: r.value.state.metrics['pyongyang.score'],
        moscow: r.value.state.metrics['moscow.score'],
        kyiv: r.value.state.metrics['kyiv.score'],
      });
      expect(res.json['pseudonym']).toBe('Anonymous');
      expect(res.json['url']).toBe(`/results?id=${id}`);
      expect(res.headers.get('content-security-policy')).toBe(CONTENT_SECURITY_POLICY);
    });

    it('its stored outcome equals what `npm run replay` prints', async () => {
      const dir = mkdtempSync(path.join(tmpdir(), 'tc-replay-'));
      try {
        const file = path.join(dir, 'record.json');
        writeFileSync(file, JSON.stringify(record));
        const { stdout } = await promisify(execFile)(
          process.execPath,
          ['--import', 'tsx', 'src/cli/replay.ts', file],
          {
            cwd: ROOT,
          },
        );
        const stored = await call('GET', `${srv.api}/results/${id}`);
        expect(stored.status).toBe(200);
        const m = stored.json['metrics'] as Record<string, number>;
        expect(stdout).toContain(`final hash: ${String(stored.json['finalHash'])}`);
        expect(stdout).toContain(
          `scores: Pyongyang ${m['pyongyang.score']}, Moscow ${m['moscow.score']}, Kyiv ${m['kyiv.score']}`,
        );
        expect(stdout).toContain(
          `human cost: ${m['human.sent']} sent, ${m['human.killed']} killed, ${m['human.wounded']} wounded, ${m['human.captured']} captured`,
        );
        expect(stdout).toContain(`Kursk: ${m['moscow.kurskControl']}% under Russian control`);
      } finally {
        rmSync(dir, { recursive: true, force: true });
      }
    }, 60_000);

    it('GET /api/results/<id> returns it with its record and per-turn metrics', async () => {
      const res = await call('GET', `${srv.api}/results/${id}`);
      expect(res.status).toBe(200);
      expect(res.json['record']).toEqual(record);
      const history = res.json['history'] as { turn: number; metrics: Record<string, number> }[];
      const r = replay(clone(record), builtInRules());
      if (!r.ok) throw new Error(r.error.message);
      expect(history).toEqual(r.value.state.history);
      expect(res.json['turns']).toBe(record.turnHashes.length);
    });

    it('a second submission of the same record answers 200 with the same result, one row', async () => {
      const before = await resultCount(srv.store);
      const again = await post(`${srv.api}/results`, record);
      expect(again.status).toBe(200);
      expect(again.json['id']).toBe(id);
      expect(await resultCount(srv.store)).toBe(before);
      const rows = await srv.store.kysely
        .selectFrom('results')
        .select('id')
        .where('final_hash', '=', String(again.json['finalHash']))
        .execute();
      expect(rows).toHaveLength(1);
    });

    it('concurrent duplicates still store one row', async () => {
      const rec = genuineRecord('api-genuine-concurrent');
      const replies = await Promise.all(
        Array.from({ length: 8 }, () => post(`${srv.api}/results`, rec)),
      );
      const statuses = replies.map((r) => r.status).sort();
      expect(statuses.filter((s) => s === 201)).toHaveLength(1);
      expect(statuses.filter((s) => s === 200)).toHaveLength(7);
      expect(new Set(replies.map((r) => r.json['id'])).size).toBe(1);
    });

    it('the envelope form carries a pseudonym', async () => {
      const res = await post(`${srv.api}/results`, {
        record: genuineRecord('api-genuine-2'),
        pseudonym: '  Blue   Fox ',
      });
      expect(res.status).toBe(201);
      expect(res.json['pseudonym']).toBe('Blue Fox');
    });
  });

  describe('forged and bad submissions are refused and store nothing', () => {
    const base = genuineRecord('api-forged');

    it('an outcome added to the record (400)', async () => {
      const r = { ...clone(base), metrics: { 'pyongyang.score': 100 } };
      const res = await srv.refused(r, 400, 'invalid-record');
      expect((res.json['details'] as string[]).join('\n')).toContain('metrics');
    });

    it('an outcome added to the envelope (400)', async () => {
      await srv.refused(
        { record: clone(base), pseudonym: 'X', scores: { kyiv: 100 } },
        400,
        'invalid-submission',
      );
      await srv.refused(
        { record: clone(base), finalHash: '0123456789abcdef' },
        400,
        'invalid-submission',
      );
    });

    it('an illegal action inserted (422)', async () => {
      const r = clone(base);
      // Moscow (a person) releasing Kyiv's evidence in its first turn.
      const at = r.actions.findIndex((a) => a.seat === 'moscow' && a.type === 'endTurn');
      r.actions.splice(at, 0, { type: 'releaseEvidence', seat: 'moscow', amount: 1 });
      const res = await srv.refused(r, 422, 'illegal-action');
      expect(String(res.json['message'])).toContain(`action ${at} (turn 1)`);

      const r2 = clone(base);
      r2.actions.splice(at, 0, {
        type: 'assign',
        seat: 'moscow',
        sector: 'nowhere',
        count: 5,
      } as GameRecord['actions'][number]);
      await srv.refused(r2, 422, /illegal-action/);
    });

    it('a turn hash changed (422)', async () => {
      const r = clone(base);
      r.turnHashes[3] =
        r.turnHashes[3] === '0123456789abcdef' ? 'fedcba9876543210' : '0123456789abcdef';
      const res = await srv.refused(r, 422, 'turn-hash-mismatch');
      expect(String(res.json['message'])).toMatch(/turn 4 diverged/);
    });

    it('another seed than the one played (422)', async () => {
      // The computer seats play differently under another seed: found at their first turn.
      await srv.refused({ ...clone(base), seed: 'not-the-seed' }, 422, 'computer-moves-differ');
      // With people in every seat, the turn hashes tell.
      const people = clone(base);
      people.seats = { pyongyang: 'human', moscow: 'human', kyiv: 'human' };
      await srv.refused({ ...people, seed: 'not-the-seed' }, 422, 'turn-hash-mismatch');
    });

    it('an unknown engine version (422)', async () => {
      const res = await srv.refused(
        { ...clone(base), engineVersion: '999.0.0' },
        422,
        'engine-version',
      );
      expect(String(res.json['message'])).toContain('999.0.0');
    });

    it('an unknown scenario (422)', async () => {
      const r = clone(base);
      r.scenario = { id: 'no-such-scenario', hash: '0123456789abcdef' };
      const res = await srv.refused(r, 422, 'unknown-scenario');
      expect(String(res.json['message'])).toContain('no-such-scenario');
    });

    it('an unfinished game (422)', async () => {
      const rules = builtInRules();
      const played = playGame(rules, { seed: 'unfinished', seats: BOT_SEATS });
      const full = recordOf(played, BOT_SEATS);
      // Cut after the first turn resolved.
      const state = createGame(rules, { seed: 'unfinished' });
      const kept = [];
      for (const a of full.actions) {
        if (state.turnHashes.length >= 1) break;
        applyInPlace(state, a);
        kept.push(a);
      }
      const partial = { ...full, actions: kept, turnHashes: state.turnHashes };
      await srv.refused(partial, 422, 'unfinished');
    });

    it('a malformed body (400)', async () => {
      await srv.refused('{"formatVersion": 1, ', 400, 'malformed-json');
      await srv.refused('', 400, /empty-body|malformed-json/);
      await srv.refused('[1,2,3]', 400, 'invalid-request');
      await srv.refused({ hello: 'world' }, 400, 'invalid-record');
      await srv.refused('{"__proto__": {"x": 1}}', 400, /malformed-json|invalid/);
    });

    it('a body that is not JSON (415)', async () => {
      const res = await fetch(`${srv.api}/results`, {
        method: 'POST',
        headers: { 'content-type': 'text/plain' },
        body: 'hello',
      });
      expect(res.status).toBe(415);
      expect(((await res.json()) as { error: string }).error).toBe('unsupported-media-type');
    });

    it('an oversized body (413)', async () => {
      const r = clone(base);
      const padding = 'x'.repeat(100);
      const big = {
        ...r,
        actions: [
          ...r.actions,
          ...Array.from({ length: 25_000 }, () => ({
            type: 'endTurn',
            seat: 'kyiv',
            note: padding,
          })),
        ],
      };
      const res = await srv.refused(big, 413, 'body-too-large');
      expect(res.json['message']).toMatch(/too large/);
    });

    it('a pseudonym that is a web address or too long (400)', async () => {
      await srv.refused(
        { record: clone(base), pseudonym: 'visit evil.com' },
        400,
        'invalid-pseudonym',
      );
      await srv.refused(
        { record: clone(base), pseudonym: 'https://x.y' },
        400,
        'invalid-pseudonym',
      );
      await srv.refused(
        { record: clone(base), pseudonym: 'n'.repeat(41) },
        400,
        'invalid-pseudonym',
      );
      await srv.refused({ record: clone(base), pseudonym: '' }, 400, 'invalid-pseudonym');
    });

    it('an unknown class code (422)', async () => {
      await srv.refused({ record: clone(base), classCode: 'ZZZZZZ' }, 422, 'unknown-class');
      await srv.refused(
        { record: clone(base), classCode: 'not a code!' },
        400,
        'invalid-class-code',
      );
    });
  });

  describe('a scenario the server does not have', () => {
    let text: string;
    let rules: Rules;
    let hash: string;

    beforeAll(() => {
      const ledger = loadLedgerFileSync();
      if (!ledger.ok) throw new Error('ledger');
      text = readFileSync(path.join(ROOT, 'scenarios', 'historical-2024.yaml'), 'utf8').replace(
        /^title: .*$/m,
        "title: 'A teacher''s copy of the historical scenario'",
      );
      const loaded = loadScenario(text, 'copy.yaml', ledger.value);
      if (!loaded.ok) throw new Error('copy does not load');
      hash = loaded.value.hash;
      rules = resolveScenario(loaded.value.scenario, ledger.value, { default: 'central' }, hash);
    });

    it('is refused without its text, accepted with it, and known afterwards', async () => {
      const rec = recordOf(playGame(rules, { seed: 'custom-1', seats: BOT_SEATS }), BOT_SEATS);
      const refused = await srv.refused(rec, 422, 'unknown-scenario');
      expect(String(refused.json['message'])).toMatch(/send the scenario text/);

      const bad = await srv.refused(
        { record: rec, scenario: 'formatVersion: 1\nid: [' },
        422,
        'invalid-scenario',
      );
      expect((bad.json['details'] as string[]).length).toBeGreaterThan(0);

      const other = readFileSync(
        path.join(ROOT, 'scenarios', 'historical-2024.yaml'),
        'utf8',
      ).replace(/^title: .*$/m, 'title: Another');
      await srv.refused({ record: rec, scenario: other }, 422, 'scenario-hash-mismatch');

      const ok = await post(`${srv.api}/results`, { record: rec, scenario: text });
      expect(ok.status, ok.text).toBe(201);
      expect((ok.json['scenario'] as { hash: string }).hash).toBe(hash);

      // The next record of that scenario needs no text: the server stored it.
      const rec2 = recordOf(playGame(rules, { seed: 'custom-2', seats: BOT_SEATS }), BOT_SEATS);
      expect((await post(`${srv.api}/results`, rec2)).status).toBe(201);
      const sc = await call('GET', `${srv.api}/scenarios/${hash}`);
      expect(sc.status).toBe(200);
      expect(sc.json['text']).toBe(text);
      const file = await call('GET', `${srv.api}/scenarios/${hash}/file`);
      expect(file.headers.get('content-type')).toMatch(/^text\/yaml/);
      expect(file.text).toBe(text);
      const list = await call('GET', `${srv.api}/scenarios`);
      const entry = (
        list.json['scenarios'] as { hash: string; results: number; builtIn: boolean }[]
      ).find((s) => s.hash === hash);
      expect(entry).toMatchObject({ results: 2, builtIn: false });
    });
  });

  describe('listing, rules and fork', () => {
    let id: string;
    const record = genuineRecord('api-fork');

    beforeAll(async () => {
      const res = await post(`${srv.api}/results`, { record, pseudonym: 'Forker' });
      id = String(res.json['id']);
    });

    it('GET /api/results?scenario=… lists results without records, newest first', async () => {
      const res = await call('GET', `${srv.api}/results?scenario=historical-2024&limit=500`);
      expect(res.status).toBe(200);
      const results = res.json['results'] as Record<string, unknown>[];
      expect(results.length).toBeGreaterThanOrEqual(3);
      expect(results.find((r) => r['id'] === id)).toMatchObject({
        pseudonym: 'Forker',
        scenario: { id: 'historical-2024' },
      });
      expect(results[0]).not.toHaveProperty('record');
      expect(results[0]).toHaveProperty('metrics');
      expect(res.json['total']).toBe(results.length);
      const one = await call('GET', `${srv.api}/results?scenario=historical-2024&limit=1`);
      expect((one.json['results'] as unknown[]).length).toBe(1);
    });

    it('format=board lists the same runs compactly: metric ids once, one array per run', async () => {
      const objects = await call('GET', `${srv.api}/results?scenario=historical-2024&limit=500`);
      const board = await call(
        'GET',
        `${srv.api}/results?scenario=historical-2024&limit=500&format=board`,
      );
      expect(board.status).toBe(200);
      const b = board.json as unknown as {
        total: number;
        columns: string[];
        metrics: string[];
        rows: unknown[][];
      };
      expect(b.columns).toEqual(['id', 'pseudonym', 'createdAt', 'played', 'classCode', 'hidden']);
      const results = objects.json['results'] as {
        id: string;
        pseudonym: string;
        createdAt: string;
        metrics: Record<string, number>;
      }[];
      expect(b.total).toBe(objects.json['total']);
      expect(b.rows.map((r) => r[0])).toEqual(results.map((r) => r.id));
      const first = results[0]!;
      const row = b.rows[0]!;
      expect(row[1]).toBe(first.pseudonym);
      expect(row[2]).toBe(Date.parse(first.createdAt));
      const seats = (first as unknown as { seats: Record<string, string> }).seats;
      expect(row[3]).toBe(Object.keys(seats).filter((c) => seats[c] === 'human').join('+'));
      expect(Object.fromEntries(b.metrics.map((m, i) => [m, row[6 + i]]))).toEqual(first.metrics);
      expect(board.text.length).toBeLessThan(objects.text.length / 2);
    });

    it('refuses bad list queries', async () => {
      expect((await call('GET', `${srv.api}/results?limit=0`)).status).toBe(400);
      expect((await call('GET', `${srv.api}/results?limit=100000`)).status).toBe(400);
      expect((await call('GET', `${srv.api}/results?bogus=1`)).status).toBe(400);
      expect((await call('GET', `${srv.api}/results/..%2F..%2Fetc`)).status).toBe(400);
      const missing = await call('GET', `${srv.api}/results/doesnotexist`);
      expect(missing.status).toBe(404);
      expect(missing.json).toMatchObject({ error: 'unknown-result' });
    });

    it('GET /api/results/<id>/rules lets a client replay the record', async () => {
      const res = await call('GET', `${srv.api}/results/${id}/rules`);
      expect(res.status).toBe(200);
      const r = replay(clone(record), res.json as unknown as Rules);
      expect(r.ok).toBe(true);
    });

    it('GET /api/results/<id>/fork?turn=3 gives the record up to the start of turn 3', async () => {
      const res = await call('GET', `${srv.api}/results/${id}/fork?turn=3`);
      expect(res.status).toBe(200);
      expect(res.json['gameUrl']).toBe(`/?fork=${id}&turn=3`);
      const prefix = res.json['record'] as GameRecord;
      expect(prefix.turnHashes).toEqual(record.turnHashes.slice(0, 2));
      expect(prefix.actions).toEqual(record.actions.slice(0, prefix.actions.length));
      expect(prefix.seed).toBe(record.seed);
      const r = replay(clone(prefix), builtInRules());
      if (!r.ok) throw new Error(r.error.message);
      expect(r.value.state.ctx.turn).toBe(3);
      expect(r.value.state.ctx.phase).toBe('orders');
      expect(res.json['scenario']).toMatchObject({ id: 'historical-2024', builtIn: true });
      expect(String(res.json['scenarioText'])).toContain('id: historical-2024');
      expect((await call('GET', `${srv.api}/results/${id}/fork?turn=99`)).status).toBe(400);
      expect((await call('GET', `${srv.api}/results/${id}/fork`)).status).toBe(400);
    });
  });

  describe('classes and moderation', () => {
    let code: string;
    let key: string;
    let resultId: string;

    it('POST /api/classes returns a code and a moderation key once', async () => {
      const res = await post(`${srv.api}/classes`, {
        scenario: 'historical-2024',
        seed: 'class-seed',
        figures: 'central',
      });
      expect(res.status, res.text).toBe(201);
      code = String(res.json['code']);
      key = String(res.json['moderationKey']);
      expect(code).toMatch(/^[A-Z2-9]{6}$/);
      expect(key.length).toBeGreaterThanOrEqual(40);
      expect(res.headers.get('cache-control')).toBe('no-store');
      const cls = await call('GET', `${srv.api}/classes/${code.toLowerCase()}`);
      expect(cls.status).toBe(200);
      expect(cls.json).toMatchObject({
        code,
        seed: 'class-seed',
        figureChoices: { default: 'central' },
        results: 0,
        moderator: false,
      });
      expect(JSON.stringify(cls.json)).not.toContain(key);
      const row = await srv.store.getClass(code);
      expect(row?.key_hash).not.toContain(key);
    });

    it('refuses bad class requests', async () => {
      expect((await post(`${srv.api}/classes`, { scenario: 'nope' })).status).toBe(422);
      expect((await post(`${srv.api}/classes`, { scenario: 'historical-2024', extra: 1 })).status).toBe(
        400,
      );
      expect(
        (await post(`${srv.api}/classes`, { scenario: 'historical-2024', figures: 'extreme' })).status,
      ).toBe(400);
      expect(
        (await post(`${srv.api}/classes`, { scenario: 'historical-2024', retentionDays: 0 })).status,
      ).toBe(400);
      expect((await call('GET', `${srv.api}/classes/ZZZZZZ`)).status).toBe(404);
    });

    it('a submission to the class must match its scenario, seed and figures', async () => {
      const wrongSeed = genuineRecord('other-seed');
      const res = await srv.refused(
        { record: wrongSeed, classCode: code },
        422,
        'class-mismatch',
      );
      expect(String(res.json['message'])).toMatch(/seed/);
      const ok = await post(`${srv.api}/results`, {
        record: genuineRecord('class-seed'),
        classCode: code,
        pseudonym: 'Pupil One',
      });
      expect(ok.status, ok.text).toBe(201);
      expect(ok.json['classCode']).toBe(code);
      resultId = String(ok.json['id']);
      const other = await post(`${srv.api}/results`, {
        record: genuineRecord('class-seed', {
          pyongyang: 'historical',
          moscow: 'historical',
          kyiv: 'historical',
        }),
        classCode: code,
        pseudonym: '=HYPERLINK("x")',
      });
      expect(other.status, other.text).toBe(201);
      const list = await call('GET', `${srv.api}/results?class=${code}`);
      expect((list.json['results'] as unknown[]).length).toBe(2);
    });

    it('moderation needs the key: 401 without, 403 with a wrong one', async () => {
      const target = `${srv.api}/classes/${code}/results/${resultId}`;
      expect((await call('PATCH', target, { hidden: true })).status).toBe(401);
      expect(
        (await call('PATCH', target, { hidden: true }, { 'x-moderation-key': 'wrong' })).status,
      ).toBe(403);
      expect((await call('DELETE', target)).status).toBe(401);
      expect(
        (await call('DELETE', target, undefined, { 'x-moderation-key': 'wrong' })).status,
      ).toBe(403);
      expect((await call('GET', `${srv.api}/classes/${code}/export.csv`)).status).toBe(401);
      expect(
        (
          await call('GET', `${srv.api}/classes/${code}/export.csv`, undefined, {
            'x-moderation-key': 'x',
          })
        ).status,
      ).toBe(403);
      expect((await call('PATCH', `${srv.api}/classes/${code}`, { retentionDays: 1 })).status).toBe(
        401,
      );
      expect(
        (await call('GET', `${srv.api}/results?class=${code}`, undefined, { 'x-moderation-key': 'x' }))
          .status,
      ).toBe(403);
      const r = await call('GET', `${srv.api}/results/${resultId}`);
      expect(r.status).toBe(200);
    });

    it('with the key: hide, list hidden, export CSV, delete', async () => {
      const h = { 'x-moderation-key': key };
      const hide = await call(
        'PATCH',
        `${srv.api}/classes/${code}/results/${resultId}`,
        { hidden: true },
        h,
      );
      expect(hide.status).toBe(200);
      expect(hide.json['hidden']).toBe(true);
      const publicList = await call('GET', `${srv.api}/results?class=${code}`);
      expect((publicList.json['results'] as { id: string }[]).map((r) => r.id)).not.toContain(
        resultId,
      );
      expect((await call('GET', `${srv.api}/results/${resultId}`)).status).toBe(404);
      expect((await call('GET', `${srv.api}/results/${resultId}`, undefined, h)).status).toBe(200);
      const modList = await call('GET', `${srv.api}/results?class=${code}`, undefined, h);
      expect(
        (modList.json['results'] as { id: string; hidden: boolean }[]).find(
          (r) => r.id === resultId,
        )?.hidden,
      ).toBe(true);

      const csv = await call('GET', `${srv.api}/classes/${code}/export.csv`, undefined, h);
      expect(csv.status).toBe(200);
      expect(csv.headers.get('content-type')).toMatch(/^text\/csv/);
      const lines = csv.text.trim().split('\r\n');
      expect(lines).toHaveLength(3);
      expect(lines[0]).toMatch(/^id,created_at,pseudonym,hidden,/);
      expect(lines[0]).toContain('pyongyang.score');
      expect(csv.text).toContain('Pupil One');
      expect(csv.text).toContain(`"'=HYPERLINK(""x"")"`); // formula neutralised

      const del = await call('DELETE', `${srv.api}/classes/${code}/results/${resultId}`, undefined, h);
      expect(del.status).toBe(200);
      expect((await call('GET', `${srv.api}/results/${resultId}`, undefined, h)).status).toBe(404);
      expect(
        (await call('DELETE', `${srv.api}/classes/${code}/results/${resultId}`, undefined, h)).status,
      ).toBe(404);
    });

    it('retention: the sweeper deletes results older than the class keeps them', async () => {
      const h = { 'x-moderation-key': key };
      const set = await call('PATCH', `${srv.api}/classes/${code}`, { retentionDays: 7 }, h);
      expect(set.status).toBe(200);
      expect(set.json['retentionDays']).toBe(7);
      expect(await srv.store.countResults({ classCode: code, includeHidden: true })).toBe(1);
      clock += 8 * 24 * 3600 * 1000;
      const swept = await srv.store.sweep(clock);
      expect(swept.results).toBe(1);
      expect(swept.classes).toBe(1);
      expect((await call('GET', `${srv.api}/classes/${code}`)).status).toBe(404);
      // Results outside classes are kept.
      expect(await resultCount(srv.store)).toBeGreaterThan(0);
    });
  });
});

describe('verification in worker threads', () => {
  const srv = useTestServer('sqlite', { verifyThreads: 2 }, 60_000);

  it('gives the same answers as inline verification', async () => {
    const records = Array.from({ length: 6 }, (_, i) => genuineRecord(`pool-${i}`));
    const replies = await Promise.all(records.map((r) => post(`${srv.url}/api/results`, r)));
    for (const [i, res] of replies.entries()) {
      expect(res.status, res.text).toBe(201);
      const r = replay(clone(records[i]!), builtInRules());
      if (!r.ok) throw new Error(r.error.message);
      expect(res.json['finalHash']).toBe(r.value.finalHash);
      expect(res.json['metrics']).toEqual(r.value.state.metrics);
    }
    const forged = clone(records[0]!);
    forged.turnHashes[5] = '0123456789abcdef';
    const bad = await post(`${srv.url}/api/results`, { record: forged, classCode: null });
    expect(bad.status).toBe(422);
    expect(bad.json['error']).toBe('turn-hash-mismatch');
    const old = await post(`${srv.url}/api/results`, {
      ...clone(records[1]!),
      engineVersion: '0.0.1',
    });
    expect(old.json['error']).toBe('engine-version');
    expect(await resultCount(srv.store)).toBe(6);

    // Forks replay in the threads too, and cut the record where the main thread would.
    const fork = await call('GET', `${srv.url}/api/results/${String(replies[0]!.json['id'])}/fork?turn=4`);
    expect(fork.status, fork.text).toBe(200);
    const cut = fork.json['record'] as GameRecord;
    const state = createGame(builtInRules(), { seed: records[0]!.seed });
    let kept = 0;
    for (const a of records[0]!.actions) {
      if (state.ctx.turn >= 4) break;
      applyInPlace(state, a);
      kept++;
    }
    expect(cut.actions).toEqual(records[0]!.actions.slice(0, kept));
    expect(cut.turnHashes).toEqual(records[0]!.turnHashes.slice(0, 3));
  }, 60_000);
});

describe('limits', () => {
  const srv = useTestServer('sqlite', { rateLimit: 5, writeRateLimit: 2 });

  it('rate-limits each address with a JSON 429', async () => {
    const statuses: number[] = [];
    let last: Awaited<ReturnType<typeof call>> | undefined;
    for (let i = 0; i < 7; i++) {
      last = await call('GET', `${srv.url}/api/results?limit=1`);
      statuses.push(last.status);
    }
    expect(statuses.slice(0, 5)).toEqual([200, 200, 200, 200, 200]);
    expect(statuses[6]).toBe(429);
    expect(last?.json).toMatchObject({ error: 'rate-limited' });
    expect(last?.headers.get('retry-after')).toBeTruthy();
    // Writes have their own, lower limit.
    const w = [];
    for (let i = 0; i < 3; i++)
      w.push((await post(`${srv.url}/api/classes`, { scenario: 'historical-2024' })).status);
    expect(w).toEqual([201, 201, 429]);
    // Pages and scenario files are not limited.
    for (let i = 0; i < 8; i++)
      expect((await call('GET', `${srv.url}/scenarios/historical-2024.yaml`)).status).toBe(200);
  });

  it('serves the scenario files and schema at /scenarios/, nothing else', async () => {
    const yaml = await call('GET', `${srv.url}/scenarios/historical-2024.yaml`);
    expect(yaml.text).toContain('id: historical-2024');
    expect(yaml.headers.get('content-security-policy')).toBe(CONTENT_SECURITY_POLICY);
    const schema = await call('GET', `${srv.url}/scenarios/schema.json`);
    expect(schema.status).toBe(200);
    expect(schema.json).toHaveProperty('$schema');
    expect((await call('GET', `${srv.url}/scenarios/%2e%2e/package.json`)).status).toBe(404);
  });
});
