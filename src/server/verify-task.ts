/**
 * The CPU-heavy parts of the API as self-contained tasks: verifying a submission (resolve the
 * scenario's rules, replay the record recomputing computer seats, build the row to store) and
 * cutting a stored record for a fork. Run inline or in a worker thread (verify-pool.ts); both
 * give the same answer, as plain data.
 */
import { applyInPlace, createGame, type GameRecord } from '../engine';
import type { ResultRow } from '../db/store';
import { ApiError } from './errors';
import type { Checked, KnownScenario, ScenarioCatalog } from './scenarios';
import { resultRow, verifyRecord } from './verify';

export interface VerifyTask {
  record: GameRecord;
  /** The scenario the record names (checked by the caller), without its parsed form. */
  scenario: Omit<KnownScenario, 'scenario'>;
  classCode: string | null;
  pseudonym: string;
  id: string;
  now: number;
  dedupKey: string;
  /** Most milliseconds the replay may take (503 past it). */
  timeLimitMs?: number;
  /** The record as JSON.stringify wrote it, when the task arrived as text (stored as it is). */
  recordJson?: string;
}

export type VerifyAnswer =
  | { ok: true; row: ResultRow }
  | { ok: false; error: { status: number; code: string; message: string; details?: string[] } };

type TaskError = { status: number; code: string; message: string; details?: string[] };

/** The scenario of a task, from the cache or validated again from its text. */
function scenarioOf(
  scenario: Omit<KnownScenario, 'scenario'>,
  catalog: ScenarioCatalog,
): KnownScenario | TaskError {
  const hit = catalog.known(scenario.hash);
  if (hit) return hit;
  const r = catalog.check(scenario.text, `${scenario.id}.yaml`, scenario.origin);
  if (!r.ok || r.value.hash !== scenario.hash)
    return {
      status: 409,
      code: 'scenario-unavailable',
      message: 'the scenario no longer validates',
    };
  catalog.remember(r.value);
  return r.value;
}

export interface ForkTask {
  scenario: Omit<KnownScenario, 'scenario'>;
  record: GameRecord;
  /** Keep every action before the start of this turn. */
  turn: number;
}

export type ForkAnswer =
  { ok: true; kept: number; date: string; turnHashes: string[] } | { ok: false; error: TaskError };

/** Replays a stored record up to the start of `task.turn`: how many actions come before it. */
export function runForkTask(
  task: ForkTask,
  catalog: ScenarioCatalog,
  known?: KnownScenario,
): ForkAnswer {
  const scenario = known ?? scenarioOf(task.scenario, catalog);
  if (!('scenario' in scenario)) return { ok: false, error: scenario };
  const { record } = task;
  const rules = catalog.rules(scenario, record.figureChoices);
  const state = createGame(rules, { seed: record.seed, figureChoices: record.figureChoices });
  let kept = 0;
  for (const a of record.actions) {
    if (state.ctx.turn >= task.turn || state.ctx.phase === 'over') break;
    const r = applyInPlace(state, a);
    if (!r.ok)
      return {
        ok: false,
        error: {
          status: 409,
          code: 'scenario-unavailable',
          message: `the stored record no longer replays: ${r.error.message}`,
        },
      };
    kept++;
  }
  return { ok: true, kept, date: state.ctx.date, turnHashes: [...state.turnHashes] };
}

/** Scenario text sent by a client, to validate (parse, schema, meaning checks) off the main thread. */
export interface ScenarioTask {
  text: string;
  fileName: string;
}

export type ScenarioAnswer = Checked;

export function runScenarioTask(task: ScenarioTask, catalog: ScenarioCatalog): ScenarioAnswer {
  return catalog.check(task.text, task.fileName);
}

export type PoolMessage =
  | { kind: 'verify'; task: Omit<VerifyTask, 'record'>; recordJson: string }
  | { kind: 'fork'; task: ForkTask }
  | { kind: 'scenario'; task: ScenarioTask };

export function runVerifyTask(
  task: VerifyTask,
  catalog: ScenarioCatalog,
  known?: KnownScenario,
): VerifyAnswer {
  try {
    const scenario = known ?? scenarioOf(task.scenario, catalog);
    if (!('scenario' in scenario)) return { ok: false, error: scenario };
    let rules;
    try {
      rules = catalog.rules(scenario, task.record.figureChoices);
    } catch (e) {
      return {
        ok: false,
        error: {
          status: 422,
          code: 'invalid-figures',
          message: `the record's figure choices cannot be applied: ${(e as Error).message}`,
        },
      };
    }
    const deadline =
      task.timeLimitMs !== undefined ? performance.now() + task.timeLimitMs : undefined;
    const outcome = verifyRecord(task.record, rules, true, deadline);
    return {
      ok: true,
      row: resultRow({
        id: task.id,
        record: task.record,
        outcome,
        classCode: task.classCode,
        pseudonym: task.pseudonym,
        now: task.now,
        dedupKey: task.dedupKey,
        ...(task.recordJson !== undefined ? { recordJson: task.recordJson } : {}),
      }),
    };
  } catch (e) {
    if (e instanceof ApiError) {
      const error: { status: number; code: string; message: string; details?: string[] } = {
        status: e.status,
        code: e.code,
        message: e.message,
      };
      if (e.details) error.details = e.details;
      return { ok: false, error };
    }
    throw e;
  }
}
