/**
 * The CPU-heavy part of a submission as one self-contained task: resolve the scenario's rules,
 * replay the record, build the row to store. Runs inline or in a worker thread (verify-pool.ts);
 * both give the same answer, as plain data.
 */
import type { GameRecord } from '../engine';
import type { ResultRow } from '../db/store';
import { ApiError } from './errors';
import type { KnownScenario, ScenarioCatalog } from './scenarios';
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
}

export type VerifyAnswer =
  | { ok: true; row: ResultRow }
  | { ok: false; error: { status: number; code: string; message: string; details?: string[] } };

export function runVerifyTask(
  task: VerifyTask,
  catalog: ScenarioCatalog,
  known?: KnownScenario,
): VerifyAnswer {
  try {
    let scenario = known ?? catalog.known(task.scenario.hash);
    if (!scenario) {
      const r = catalog.check(task.scenario.text, `${task.scenario.id}.yaml`, task.scenario.origin);
      if (!r.ok || r.value.hash !== task.scenario.hash)
        return {
          ok: false,
          error: {
            status: 409,
            code: 'scenario-unavailable',
            message: 'the scenario no longer validates',
          },
        };
      scenario = r.value;
      catalog.remember(scenario);
    }
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
    const outcome = verifyRecord(task.record, rules);
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
