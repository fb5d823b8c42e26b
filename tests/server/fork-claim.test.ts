/**
 * Issue 13: a submission may say which stored result and turn it was forked from. The server
 * checks the claim against the parent (exists, same scenario, same actions before that turn),
 * stores it in its own columns, and the class CSV shows it. On SQLite, and PostgreSQL when
 * DATABASE_URL_TEST is set.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';

import type { GameRecord } from '../../src/engine';
import { forkedFromText } from '../../src/results/labels';
import type { BoardRun } from '../../src/server/board-bins';
import { csvCell } from '../../src/server/csv';
import { builtInRules } from '../helpers/rules';
import { playWithPeople } from '../helpers/people';
import { BACKENDS, BOT_SEATS, call, genuineRecord, post, resultCount, startTestServer, type TestServer } from './helpers';


/** The CSV's rows as header -> cell maps (no quoted commas in these cells). */
function csvRows(text: string): Record<string, string>[] {
  const [head, ...lines] = text.trim().split('\r\n');
  const cols = head!.split(',');
  return lines.map((l) => Object.fromEntries(l.split(',').map((c, i) => [cols[i]!, c])));
}

describe.each(BACKENDS)('fork claims (%s)', (backend) => {
  let srv: TestServer;
  let api: string;
  let parentId: string;
  let code: string;
  let key: string;
  const parent = genuineRecord('fork-claim-parent');
  let child: GameRecord;

  beforeAll(async () => {
    srv = await startTestServer(backend);
    api = `${srv.url}/api`;
    const up = await post(`${api}/results`, { record: parent, pseudonym: 'Parent Owl' });
    expect(up.status, up.text).toBe(201);
    parentId = String(up.json['id']);
    const cut = await call('GET', `${api}/results/${parentId}/fork?turn=4`);
    expect(cut.status, cut.text).toBe(200);
    const prefix = (cut.json['record'] as GameRecord).actions;
    expect(prefix.length).toBeGreaterThan(0);
    // The person's seat plays differently after the fork: a new game from the same turn.
    child = playWithPeople(builtInRules(), parent.seed, BOT_SEATS, { moscow: 'historical' }, prefix);
    expect(child.actions.slice(0, prefix.length)).toEqual(prefix);
    expect(child.actions).not.toEqual(parent.actions);
    const cls = await call('POST', `${api}/classes`, { scenario: 'historical-2024' });
    expect(cls.status, cls.text).toBe(201);
    code = String(cls.json['code']);
    key = String(cls.json['moderationKey']);
  }, 120_000);
  afterAll(async () => {
    await srv?.close();
  });

  it('stores an honest fork with its parent and turn, and the class CSV says so', async () => {
    const res = await post(`${api}/results`, {
      record: child,
      pseudonym: 'Fork Heron',
      classCode: code,
      forkedFrom: { resultId: parentId, turn: 4 },
    });
    expect(res.status, res.text).toBe(201);
    expect(res.json['forkedFrom']).toEqual({ resultId: parentId, turn: 4 });
    const full = await call('GET', `${api}/results/${String(res.json['id'])}`);
    expect(full.json['forkedFrom']).toEqual({ resultId: parentId, turn: 4 });

    // A plain game in the same class: empty fork columns, no forkedFrom in its JSON.
    const plain = await post(`${api}/results`, { record: genuineRecord('fork-claim-plain'), pseudonym: 'Plain Crow', classCode: code });
    expect(plain.status, plain.text).toBe(201);
    expect(plain.json).not.toHaveProperty('forkedFrom');

    const csv = await call('GET', `${api}/classes/${code}/export.csv`, undefined, { 'x-moderation-key': key });
    expect(csv.status, csv.text).toBe(200);
    const rows = csvRows(csv.text);
    // Ids are random base64url: one starting with "-" is written with the spreadsheet guard.
    const cell = (id: unknown) => csvCell(String(id));
    const forkRow = rows.find((r) => r['id'] === cell(res.json['id']))!;
    expect(forkRow['forked_from_result']).toBe(cell(parentId));
    expect(forkRow['forked_from_turn']).toBe('4');
    const plainRow = rows.find((r) => r['id'] === cell(plain.json['id']))!;
    expect(plainRow['forked_from_result']).toBe('');
    expect(plainRow['forked_from_turn']).toBe('');

    // The class board's table says it in words: whose run it continued, and from which turn.
    const board = await call('GET', `${api}/board?class=${code}&sort=pseudonym&dir=asc`);
    expect(board.status, board.text).toBe(200);
    const runs = (board.json['table'] as { runs: BoardRun[] }).runs;
    const forkRun = runs.find((r) => r.id === res.json['id'])!;
    expect(forkRun.forkedFrom).toEqual({ turn: 4, pseudonym: 'Parent Owl' });
    expect(forkedFromText(forkRun.forkedFrom!)).toBe('continued from Parent Owl’s run, turn 4');
    expect(runs.find((r) => r.id === plain.json['id'])!.forkedFrom).toBeNull();
  }, 120_000);

  it('refuses forged claims with 422 invalid-fork and stores nothing', async () => {
    const before = await resultCount(srv.store);
    const send = (record: GameRecord, forkedFrom: unknown) =>
      post(`${api}/results`, { record, pseudonym: 'Forger Stoat', forkedFrom });
    // A real game (accepted without the claim) that did not start like the parent.
    const other = genuineRecord('fork-claim-other');
    const cases: [string, Awaited<ReturnType<typeof send>>][] = [
      ['wrong prefix', await send(other, { resultId: parentId, turn: 4 })],
      ['unknown parent', await send(child, { resultId: 'nosuchresult', turn: 4 })],
      ['turn past the parent', await send(child, { resultId: parentId, turn: 999 })],
      // The child did play the parent's first three turns, but not its first five.
      ['later turn than the fork', await send(child, { resultId: parentId, turn: 6 })],
      ['other scenario', await send(genuineRecord('fork-claim-other-scn', BOT_SEATS, 'nuclear-deal'), { resultId: parentId, turn: 1 })],
    ];
    for (const [what, r] of cases) {
      expect(r.status, `${what}: ${r.text}`).toBe(422);
      expect(r.json['error'], what).toBe('invalid-fork');
    }
    // Malformed claims are refused by the envelope's strict parse.
    for (const bad of [{ resultId: parentId }, { resultId: parentId, turn: 0 }, { resultId: parentId, turn: 2, extra: 1 }, 'x']) {
      const r = await send(child, bad);
      expect(r.status, r.text).toBe(400);
    }
    expect(await resultCount(srv.store)).toBe(before);
  }, 120_000);
});
