/**
 * A scenario's board with thousands of runs, for the benchmarks (loadtest, bench:page): real
 * outcomes of a few hundred games played by the computer players, repeated to N rows and written
 * straight into the database in batches (no verification: the figures are about reading them).
 */
import { replay, type GameRecord, type Seats } from '../engine';
import type { Db } from '../db/open';
import { Store, type ResultRow } from '../db/store';
import { sha256Hex } from '../server/ids';
import { resultRow } from '../server/verify';
import { playGame, recordOf } from '../sim/play';
import { findScenarioById, rulesFor } from './common';

const BOTS = ['historical', 'random'];

/** N genuine records of `scenario`, every mix of the two bots over the three seats. */
export function makeRecords(n: number, scenario: string): GameRecord[] {
  const loaded = findScenarioById(scenario);
  const rules = rulesFor(loaded, { default: 'central' });
  const out: GameRecord[] = [];
  for (let i = 0; i < n; i++) {
    const seats: Seats = {
      pyongyang: BOTS[i % 2]!,
      moscow: BOTS[Math.floor(i / 2) % 2]!,
      kyiv: BOTS[Math.floor(i / 4) % 2]!,
    };
    out.push(recordOf(playGame(rules, { seed: `loadtest-${i}`, seats }), seats));
  }
  return out;
}

/**
 * Writes `runs` results of `scenario` (one second apart, newest first) into `db`, in batches; or,
 * with `stored`, one by one as the server stores them (its boards see the change), ids from `first`.
 */
export async function seedRuns(
  db: Db,
  scenario: string,
  runs: number,
  opts: { stored?: boolean; first?: number } = {},
): Promise<void> {
  const first = opts.first ?? 0;
  const rules = rulesFor(findScenarioById(scenario), { default: 'central' });
  const games = makeRecords(Math.min(300, runs), scenario).map((record) => {
    const r = replay(record, rules);
    if (!r.ok) throw new Error(r.error.message);
    return { record, outcome: { state: r.value.state, finalHash: r.value.finalHash } };
  });
  const now = Date.now();
  const batch: ResultRow[] = [];
  const store = new Store(db);
  for (let n = 0; n < runs; n++) {
    const i = first + n;
    const g = games[n % games.length]!;
    const row = resultRow({
      id: `seed${i}`,
      record: g.record,
      outcome: g.outcome,
      classCode: null,
      pseudonym: `Student ${i}`,
      now: now - n * 1000,
    });
    row.dedup_key = sha256Hex(`seed-${i}`);
    if (opts.stored) {
      await store.insertResult(row);
      continue;
    }
    batch.push(row);
    if (batch.length === 500 || n === runs - 1) {
      await db.kysely
        .transaction()
        .execute((trx) => trx.insertInto('results').values(batch).execute());
      batch.length = 0;
    }
  }
}
