/**
 * Autosave. A save holds the rules, the seed and the action log, not just the state: loading
 * replays the log and checks every turn hash, so a damaged save is detected instead of being
 * trusted, and a save made by another engine version is recognised as such. Versioned format.
 */
import {
  applyInPlace,
  createGame,
  ENGINE_VERSION,
  type Action,
  type Capital,
  type FigureChoices,
  type GameState,
  type Rules,
} from '../engine';

export const SAVE_KEY = 'three-capitals.save';
export const SAVE_VERSION = 1;

export type SeatKind = 'human' | string;

/**
 * Where a game came from, so a reload of the same link resumes it and the debrief's New game
 * stays in the class: a class link (its code) or a result continued from a turn.
 */
export type GameOrigin = { kind: 'class'; code: string } | { kind: 'fork'; result: string; turn: number };

/**
 * A short lesson: the players decide every other turn; the turns between play themselves with
 * standing orders (levers as set, no new trades). The rules and the record stay the full game's.
 */
export type LessonLength = 'full' | 'short';

/** The origin a save claims, if it is well formed (a save is outside input). */
export function originOf(v: unknown): GameOrigin | undefined {
  if (!isObject(v)) return undefined;
  if (v.kind === 'class' && typeof v.code === 'string' && v.code.length <= 64) return { kind: 'class', code: v.code };
  if (v.kind === 'fork' && typeof v.result === 'string' && v.result.length <= 64 && Number.isInteger(v.turn))
    return { kind: 'fork', result: v.result, turn: v.turn as number };
  return undefined;
}

export interface SaveFile {
  kind: 'three-capitals-save';
  version: number;
  engineVersion: string;
  savedAt: string;
  rules: Rules;
  /** The scenario's source text, when it came from a file (for submitting the record later). */
  scenarioText?: string;
  origin?: GameOrigin;
  lesson?: LessonLength;
  seats: Record<Capital, SeatKind>;
  seed: string;
  figureChoices: FigureChoices;
  actions: Action[];
  turnHashes: string[];
}

export type SaveProblem =
  | { kind: 'corrupt'; message: string }
  | { kind: 'outdated'; message: string }
  | { kind: 'newer'; message: string };

/** Minimal storage interface (localStorage in the browser, a Map in tests). */
export interface KeyValueStorage {
  getItem(key: string): string | null;
  setItem(key: string, value: string): void;
  removeItem(key: string): void;
}

export function makeSave(
  state: GameState,
  seats: Record<Capital, SeatKind>,
  actions: readonly Action[],
  savedAt: string,
  scenarioText?: string,
  origin?: GameOrigin,
  lesson?: LessonLength,
): SaveFile {
  const save: SaveFile = {
    kind: 'three-capitals-save',
    version: SAVE_VERSION,
    engineVersion: state.engineVersion,
    savedAt,
    rules: state.rules,
    seats: { ...seats },
    seed: state.seed,
    figureChoices: state.figureChoices,
    actions: [...actions],
    turnHashes: [...state.turnHashes],
  };
  if (scenarioText !== undefined) save.scenarioText = scenarioText;
  if (origin) save.origin = origin;
  if (lesson === 'short') save.lesson = lesson;
  return save;
}

export type LoadedSave = { ok: true; save: SaveFile; state: GameState } | { ok: false; problem: SaveProblem; raw: string };

function isObject(v: unknown): v is Record<string, unknown> {
  return v !== null && typeof v === 'object' && !Array.isArray(v);
}

/** Reads and verifies a save. null when there is none. */
export function loadSave(raw: string | null): LoadedSave | null {
  if (raw === null) return null;
  let data: unknown;
  try {
    data = JSON.parse(raw);
  } catch {
    return { ok: false, raw, problem: { kind: 'corrupt', message: 'The saved game is not readable (it is not valid JSON).' } };
  }
  if (!isObject(data) || data.kind !== 'three-capitals-save')
    return { ok: false, raw, problem: { kind: 'corrupt', message: 'The saved data is not a Three Capitals game.' } };
  if (typeof data.version !== 'number' || data.version > SAVE_VERSION)
    return {
      ok: false,
      raw,
      problem: { kind: 'newer', message: `The game was saved by a newer version of Three Capitals (save format ${String(data.version)}).` },
    };
  if (data.engineVersion !== ENGINE_VERSION)
    return {
      ok: false,
      raw,
      problem: {
        kind: 'outdated',
        message: `The game was saved with rules version ${String(data.engineVersion)}; this is version ${ENGINE_VERSION}, so it may not replay the same way.`,
      },
    };
  const save = data as unknown as SaveFile;
  if (!isObject(save.rules) || !Array.isArray(save.actions) || !Array.isArray(save.turnHashes) || typeof save.seed !== 'string' || !isObject(save.seats))
    return { ok: false, raw, problem: { kind: 'corrupt', message: 'The saved game is missing parts.' } };
  const rebuilt = rebuild(save);
  if (!rebuilt.ok) return { ok: false, raw, problem: { kind: 'corrupt', message: rebuilt.message } };
  return { ok: true, save, state: rebuilt.state };
}

/** Replays a save's actions and checks its turn hashes. */
export function rebuild(save: SaveFile): { ok: true; state: GameState } | { ok: false; message: string } {
  let state: GameState;
  try {
    state = createGame(save.rules, { seed: save.seed, figureChoices: save.figureChoices });
  } catch {
    return { ok: false, message: 'The saved scenario could not be set up again.' };
  }
  for (let i = 0; i < save.actions.length; i++) {
    const a: unknown = save.actions[i];
    if (!isObject(a) || typeof a.type !== 'string' || typeof a.seat !== 'string')
      return { ok: false, message: `The saved game is damaged: move ${i + 1} is not a move.` };
    // A save is outside input (anyone can edit localStorage): whatever the engine does with a
    // strange move, a thrown error must become the save-problem dialog, never a blank page.
    let r: ReturnType<typeof applyInPlace>;
    try {
      r = applyInPlace(state, a as unknown as Action);
    } catch {
      return { ok: false, message: `The saved game is damaged: move ${i + 1} cannot be played.` };
    }
    if (!r.ok) return { ok: false, message: `The saved game is damaged: move ${i + 1} is not legal (${r.error.message}).` };
  }
  const n = Math.min(save.turnHashes.length, state.turnHashes.length);
  for (let t = 0; t < n; t++)
    if (save.turnHashes[t] !== state.turnHashes[t])
      return { ok: false, message: `The saved game is damaged: turn ${t + 1} does not replay to what was saved.` };
  if (save.turnHashes.length !== state.turnHashes.length)
    return { ok: false, message: 'The saved game is damaged: its moves and its turn record disagree.' };
  return { ok: true, state };
}
