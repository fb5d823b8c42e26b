/**
 * "Your game" on the explorer's distributions: the `mine` URL parameter.
 *
 *   explorer.html?scenario=historical-2024&mine=<JSON>
 *     <JSON> is the URL-encoded final metrics of the player's game, an object of metric id to
 *     number, e.g. encodeURIComponent(JSON.stringify(state.metrics)), or { "metrics": {...} }.
 *   explorer.html?mine=<key>
 *     any value that does not start with "{" is a localStorage key (same site); its value may be
 *     such a metrics object, anything with a `metrics` object (a GameState, a history point), or
 *     the game's autosave (`three-capitals.save`), which is replayed with the engine to get the
 *     final metrics.
 *
 * Unknown metric ids and values that are not finite numbers are ignored. Pure: storage is passed in.
 */
import { applyInPlace, createGame, type Action, type FigureChoices, type Rules } from '../engine';

export type Mine =
  | { ok: true; metrics: Record<string, number>; source: 'url' | 'storage' }
  | { ok: false; error: string };

function isObject(v: unknown): v is Record<string, unknown> {
  return v !== null && typeof v === 'object' && !Array.isArray(v);
}

function numbers(o: Record<string, unknown>): Record<string, number> {
  const out: Record<string, number> = {};
  for (const [k, v] of Object.entries(o))
    if (typeof v === 'number' && Number.isFinite(v) && k.length <= 80) out[k] = v;
  return out;
}

/** A save file of the game (src/store/save.ts): replay its actions to the final metrics. */
function replaySave(o: Record<string, unknown>): Record<string, number> | null {
  if (
    o.kind !== 'three-capitals-save' ||
    !isObject(o.rules) ||
    typeof o.seed !== 'string' ||
    !Array.isArray(o.actions)
  )
    return null;
  try {
    const state = createGame(o.rules as unknown as Rules, {
      seed: o.seed,
      figureChoices: (isObject(o.figureChoices)
        ? o.figureChoices
        : { default: 'central' }) as unknown as FigureChoices,
    });
    for (const a of o.actions as Action[]) applyInPlace(state, a);
    return numbers(state.metrics);
  } catch {
    return null;
  }
}

/** The final metrics in a parsed value: a metrics object, `{metrics}`, or a save file. */
export function metricsOf(value: unknown): Record<string, number> | null {
  if (!isObject(value)) return null;
  const replayed = replaySave(value);
  if (replayed) return replayed;
  const m = isObject(value.metrics) ? numbers(value.metrics) : numbers(value);
  return Object.keys(m).length > 0 ? m : null;
}

export interface KeyValueReader {
  getItem(key: string): string | null;
}

/** Reads the `mine` parameter (null when absent). */
export function parseMine(param: string | null, storage?: KeyValueReader | null): Mine | null {
  if (param === null || param.trim() === '') return null;
  const text = param.trim();
  if (text.startsWith('{')) {
    let parsed: unknown;
    try {
      parsed = JSON.parse(text);
    } catch {
      return { ok: false, error: 'the "mine" parameter is not valid JSON' };
    }
    const m = metricsOf(parsed);
    return m
      ? { ok: true, metrics: m, source: 'url' }
      : { ok: false, error: 'the "mine" parameter holds no metrics' };
  }
  let raw: string | null = null;
  try {
    raw = storage?.getItem(text) ?? null;
  } catch {
    raw = null;
  }
  if (raw === null) return { ok: false, error: `nothing is saved in this browser under "${text}"` };
  let parsed: unknown;
  try {
    parsed = JSON.parse(raw);
  } catch {
    return { ok: false, error: `what is saved under "${text}" is not JSON` };
  }
  const m = metricsOf(parsed);
  return m
    ? { ok: true, metrics: m, source: 'storage' }
    : { ok: false, error: `what is saved under "${text}" holds no metrics` };
}

/** The link a debrief uses: the explorer for `scenarioId` with the player's final metrics. */
export function explorerLink(
  scenarioId: string,
  metrics: Record<string, number>,
  base = '/explorer.html',
): string {
  const params = new URLSearchParams({ scenario: scenarioId, mine: JSON.stringify(metrics) });
  return `${base}?${params.toString()}`;
}
