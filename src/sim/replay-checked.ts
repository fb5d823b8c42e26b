/**
 * Replaying a record the way it was played, to verify it: the people's orders come from the
 * record, the computer seats' orders are computed again here by the same driver the game runs
 * (playComputersAfter in play.ts: bots' turns, and their answers to offers within the month),
 * and must equal the record's. A record that labels a seat "historical" but gives it other orders does not verify,
 * nor does one that seats a person where the scenario allows only the computer.
 *
 * Bots are deterministic from the state (their randomness is seeded from the game), so a genuine
 * record always matches. Cost: a computer turn costs what the bot costs to think (search:hard
 * about half a second a turn); `deadline` stops a replay that runs past its time budget.
 */
import {
  applyInPlace,
  CAPITALS,
  createGame,
  ENGINE_VERSION,
  hashState,
  TEACHER,
  type Action,
  type Capital,
  type GameRecord,
  type GameState,
  type ReplayError,
  type Rules,
} from '../engine';
import { canonicalJson } from '../scenario/hash';
import { playComputersAfter } from './play';

export type CheckedReplayError =
  | ReplayError
  | { kind: 'seat-not-playable'; seat: Capital; message: string }
  | { kind: 'computer-moves'; turn: number; seat: Capital; index: number; message: string }
  | { kind: 'ends-early'; turn: number; message: string }
  | { kind: 'over-time'; message: string };

export type CheckedReplay =
  | { ok: true; value: { state: GameState; finalHash: string } }
  | { ok: false; error: CheckedReplayError };

function fail(error: CheckedReplayError): CheckedReplay {
  return { ok: false, error };
}

function describe(a: Action | undefined): string {
  return a ? canonicalJson(a).slice(0, 160) : 'no order';
}

export interface CheckedReplayOptions {
  /** performance.now() after which the replay gives up (checked between turns). */
  deadline?: number;
}

/**
 * Verifies `record` under `rules` in one pass: engine version and scenario, that computer seats
 * played exactly as their player does, that every person's order is legal and given in turn, and
 * every turn hash. Leaves checking that the game is over to the caller.
 */
export function replayChecked(
  record: GameRecord,
  rules: Rules,
  options: CheckedReplayOptions = {},
): CheckedReplay {
  if (record.engineVersion !== ENGINE_VERSION)
    return fail({
      kind: 'engine-version',
      message: `the record was made by engine ${record.engineVersion}; this is engine ${ENGINE_VERSION}`,
    });
  if (record.scenario.hash !== rules.scenarioHash || record.scenario.id !== rules.scenarioId)
    return fail({
      kind: 'scenario',
      message: `the record is for scenario ${record.scenario.id} (${record.scenario.hash}), not ${rules.scenarioId} (${rules.scenarioHash})`,
    });
  const seats = record.seats;
  for (const c of CAPITALS) {
    if (seats[c] === 'human' && rules.capitals[c].playable === false)
      return fail({
        kind: 'seat-not-playable',
        seat: c,
        message: `${rules.capitals[c].name} is always played by the computer in this scenario, but the record seats a person there`,
      });
  }
  const isHuman = (c: Capital) => seats[c] === 'human';
  const state = createGame(rules, { seed: record.seed, figureChoices: record.figureChoices });
  const actions = record.actions;
  let i = 0;
  /** The computer seats' orders after `last`, as the game gives them, must be the record's next. */
  const computersAfter = (last: Action | null): CheckedReplay | null => {
    const start = i;
    const expected: Action[] = [];
    playComputersAfter(state, seats, last, expected, isHuman);
    for (let k = 0; k < expected.length; k++) {
      const want = expected[k]!;
      const got = actions[start + k];
      if (!got)
        return fail({
          kind: 'ends-early',
          turn: state.ctx.turn,
          message: `the record stops in turn ${turnAt(record, rules, start + k)} of ${rules.calendar.turns}, where the computer still had orders to give`,
        });
      if (!sameValue(got, want)) return differs(start + k, got, want);
    }
    i = start + expected.length;
    return null;
  };
  const differs = (index: number, got: Action, want: Action | null): CheckedReplay => {
    const seat = (want?.seat ?? got.seat) as Capital;
    const turn = turnAt(record, rules, index);
    return fail({
      kind: 'computer-moves',
      turn,
      seat,
      index,
      message: `${rules.capitals[seat].name} is played by the computer (${seats[seat]}), but in turn ${turn} the record gives it other orders than that player does: order ${index} is ${describe(got)}, the computer gives ${want ? describe(want) : 'no order here'}`,
    });
  };

  let problem = computersAfter(null);
  if (problem) return problem;
  while (i < actions.length) {
    if (options.deadline !== undefined && performance.now() > options.deadline)
      return fail({
        kind: 'over-time',
        message: `the replay ran past its time budget at turn ${state.ctx.turn} of ${rules.calendar.turns}`,
      });
    // A person's order (or the teacher's news): computer seats' orders all come from the player.
    const a = actions[i]!;
    if (a.seat !== TEACHER && !isHuman(a.seat)) return differs(i, a, null);
    const turn = state.ctx.turn;
    const r = applyInPlace(state, a);
    if (!r.ok)
      return fail({
        kind: 'illegal-action',
        index: i,
        turn,
        message: `action ${i} (turn ${turn}): ${r.error.message}`,
      });
    i++;
    problem = computersAfter(a);
    if (problem) return problem;
  }
  const claimed = record.turnHashes;
  const actual = state.turnHashes;
  for (let t = 0; t < Math.min(claimed.length, actual.length); t++) {
    if (claimed[t] !== actual[t])
      return fail({
        kind: 'diverged',
        turn: t + 1,
        expected: claimed[t]!,
        actual: actual[t]!,
        message: `turn ${t + 1} diverged: the record says ${claimed[t]}, the replay gives ${actual[t]}`,
      });
  }
  if (claimed.length !== actual.length)
    return fail({
      kind: 'turn-count',
      message: `the record lists ${claimed.length} turn hashes but its actions resolve ${actual.length} turns`,
    });
  return { ok: true, value: { state, finalHash: hashState(state) } };
}

/** Deep equality of two JSON values, key order aside (cheaper than comparing canonical JSON). */
function sameValue(a: unknown, b: unknown): boolean {
  if (a === b) return true;
  if (typeof a !== 'object' || typeof b !== 'object' || a === null || b === null) return false;
  if (Array.isArray(a) !== Array.isArray(b)) return false;
  const ka = Object.keys(a);
  const kb = Object.keys(b);
  if (ka.length !== kb.length) return false;
  for (const k of ka) {
    if (!Object.hasOwn(b, k)) return false;
    if (!sameValue((a as Record<string, unknown>)[k], (b as Record<string, unknown>)[k]))
      return false;
  }
  return true;
}

/** The turn during which the record's order `index` is given (replayed again, for a message). */
function turnAt(record: GameRecord, rules: Rules, index: number): number {
  const state = createGame(rules, { seed: record.seed, figureChoices: record.figureChoices });
  for (let k = 0; k < index && k < record.actions.length; k++) {
    if (!applyInPlace(state, record.actions[k]!).ok || state.ctx.phase === 'over') break;
  }
  return state.ctx.turn;
}
