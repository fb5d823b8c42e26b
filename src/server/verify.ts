/**
 * Verifying a submitted record: the server replays it with the same engine and keeps only what
 * it computed itself. The record's own claims (turn hashes) are checked, never trusted; nothing
 * in a submission can set an outcome.
 */
import { CAPITALS, type GameRecord, type GameState, type Rules } from '../engine';
import { replayChecked } from '../sim/replay-checked';
import { runIdentity } from '../sim/record-schema';
import type { ResultRow } from '../db/store';
import { ApiError, unprocessable } from './errors';
import { sha256Hex } from './ids';

export interface Outcome {
  state: GameState;
  finalHash: string;
}

/**
 * Replays `record` under `rules`, recomputing every computer seat's orders; a record that does
 * not verify is a 422 with the reason, one that runs past `deadline` (performance.now()) a 503.
 */
export function verifyRecord(
  record: GameRecord,
  rules: Rules,
  requireFinished = true,
  deadline?: number,
): Outcome {
  const r = replayChecked(record, rules, deadline !== undefined ? { deadline } : {});
  if (!r.ok) {
    const e = r.error;
    switch (e.kind) {
      case 'engine-version':
        throw unprocessable(
          'engine-version',
          `${e.message}: replay it with a matching version of the game`,
        );
      case 'scenario':
        throw unprocessable('scenario-mismatch', e.message);
      case 'illegal-action':
        throw unprocessable('illegal-action', `the record does not verify: ${e.message}`);
      case 'diverged':
        throw unprocessable('turn-hash-mismatch', `the record does not verify: ${e.message}`);
      case 'turn-count':
        throw unprocessable('turn-count', `the record does not verify: ${e.message}`);
      case 'seat-not-playable':
        throw unprocessable('seat-not-playable', `the record does not verify: ${e.message}`);
      case 'computer-moves':
        throw unprocessable('computer-moves-differ', `the record does not verify: ${e.message}`);
      case 'ends-early':
        throw unprocessable(
          'unfinished',
          `the game is not over (${e.message}): finish it before submitting`,
        );
      case 'over-time':
        throw new ApiError(
          503,
          'verification-timeout',
          `verifying this record took longer than the server allows (${e.message}); try again later`,
        );
      default:
        throw new ApiError(422, 'not-verified', 'the record does not verify');
    }
  }
  const state = r.value.state;
  if (requireFinished && state.ctx.phase !== 'over') {
    throw unprocessable(
      'unfinished',
      `the game is not over (turn ${state.ctx.turn} of ${state.rules.calendar.turns}): finish it before submitting`,
    );
  }
  return { state, finalHash: r.value.finalHash };
}

/** Per-turn metrics, compact: the metric ids once, then one row of values per turn. */
export interface CompactHistory {
  ids: string[];
  turns: { turn: number; date: string; values: number[] }[];
}

export function compactHistory(state: GameState): CompactHistory {
  const ids = Object.keys(state.metrics);
  return {
    ids,
    turns: state.history.map((h) => ({
      turn: h.turn,
      date: h.date,
      values: ids.map((id) => h.metrics[id] ?? 0),
    })),
  };
}

export function expandHistory(
  h: CompactHistory,
): { turn: number; date: string; metrics: Record<string, number> }[] {
  return h.turns.map((t) => {
    const metrics: Record<string, number> = {};
    h.ids.forEach((id, i) => {
      metrics[id] = t.values[i] ?? 0;
    });
    return { turn: t.turn, date: t.date, metrics };
  });
}

/**
 * One row per run and class: a run (what determines the game: engine version, scenario hash,
 * seed, figures, seats, every order; see runIdentity) is stored once per class, whatever its
 * spelling. Known before any replay.
 */
export function dedupKey(record: GameRecord, classCode: string | null): string {
  return sha256Hex(`${classCode ?? ''}\n${runIdentity(record)}`);
}

export function resultRow(args: {
  id: string;
  record: GameRecord;
  outcome: Outcome;
  classCode: string | null;
  pseudonym: string;
  now: number;
  dedupKey?: string;
  /** `JSON.stringify(record)` already written (the verification thread receives it so). */
  recordJson?: string;
}): ResultRow {
  const { record, outcome, classCode } = args;
  const state = outcome.state;
  return {
    id: args.id,
    dedup_key: args.dedupKey ?? dedupKey(record, classCode),
    scenario_id: record.scenario.id,
    scenario_hash: record.scenario.hash,
    class_code: classCode,
    pseudonym: args.pseudonym,
    engine_version: record.engineVersion,
    seed: record.seed,
    figures: JSON.stringify(record.figureChoices),
    seats: JSON.stringify(record.seats),
    turns: state.turnHashes.length,
    action_count: record.actions.length,
    final_hash: outcome.finalHash,
    hidden: 0,
    created_at: args.now,
    metrics: JSON.stringify(state.metrics),
    history: JSON.stringify(compactHistory(state)),
    record: args.recordJson ?? JSON.stringify(record),
    forked_from_result: null,
    forked_from_turn: null,
  };
}

export function scoresOf(metrics: Record<string, number>): Record<string, number> {
  const out: Record<string, number> = {};
  for (const c of CAPITALS) {
    const v = metrics[`${c}.score`];
    if (typeof v === 'number') out[c] = v;
  }
  return out;
}
