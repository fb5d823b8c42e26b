/**
 * Game records: the action log is the source of truth. replay() rebuilds the game from the
 * record and checks every turn's hash, so a divergence is found at the turn it happens.
 */
import { applyInPlace } from './actions';
import { createGame } from './create';
import { hashState } from './state-hash';
import type { Action, GameRecord, GameState, Rules, Seats } from './types';
import { ENGINE_VERSION } from './version';

export type ReplayError =
  | { kind: 'engine-version'; message: string }
  | { kind: 'scenario'; message: string }
  | { kind: 'illegal-action'; index: number; turn: number; message: string }
  | { kind: 'diverged'; turn: number; expected: string; actual: string; message: string }
  | { kind: 'turn-count'; message: string };

export interface Replayed {
  state: GameState;
  finalHash: string;
}

export function makeRecord(state: GameState, seats: Seats, actions: readonly Action[]): GameRecord {
  return {
    formatVersion: 1,
    engineVersion: state.engineVersion,
    scenario: { id: state.rules.scenarioId, hash: state.rules.scenarioHash },
    seed: state.seed,
    figureChoices: state.figureChoices,
    seats: { ...seats },
    actions: actions.map((a) => ({ ...a })),
    turnHashes: [...state.turnHashes],
  };
}

/** Rebuilds a game from its record; `rules` must be the record's scenario resolved with its figure choices. */
export function replay(record: GameRecord, rules: Rules): { ok: true; value: Replayed } | { ok: false; error: ReplayError } {
  if (record.engineVersion !== ENGINE_VERSION)
    return {
      ok: false,
      error: {
        kind: 'engine-version',
        message: `the record was made by engine ${record.engineVersion}; this is engine ${ENGINE_VERSION}`,
      },
    };
  if (record.scenario.hash !== rules.scenarioHash || record.scenario.id !== rules.scenarioId)
    return {
      ok: false,
      error: {
        kind: 'scenario',
        message: `the record is for scenario ${record.scenario.id} (${record.scenario.hash}), not ${rules.scenarioId} (${rules.scenarioHash})`,
      },
    };
  const state = createGame(rules, { seed: record.seed, figureChoices: record.figureChoices });
  for (let i = 0; i < record.actions.length; i++) {
    const turn = state.ctx.turn;
    const resolved = state.turnHashes.length;
    const r = applyInPlace(state, record.actions[i]!);
    if (!r.ok)
      return {
        ok: false,
        error: { kind: 'illegal-action', index: i, turn, message: `action ${i} (turn ${turn}): ${r.error.message}` },
      };
    if (state.turnHashes.length > resolved) {
      const expected = record.turnHashes[resolved];
      const actual = state.turnHashes[resolved]!;
      if (expected !== actual)
        return {
          ok: false,
          error: {
            kind: 'diverged',
            turn,
            expected: String(expected),
            actual,
            message: `turn ${turn} diverged: the record says ${String(expected)}, the replay gives ${actual}`,
          },
        };
    }
  }
  if (state.turnHashes.length !== record.turnHashes.length)
    return {
      ok: false,
      error: {
        kind: 'turn-count',
        message: `the record lists ${record.turnHashes.length} turn hashes but its actions resolve ${state.turnHashes.length} turns`,
      },
    };
  return { ok: true, value: { state, finalHash: hashState(state) } };
}
