/**
 * Scenario format versions and the chain that upgrades older files, so that a scenario written
 * for an earlier version of Three Capitals keeps loading.
 *
 * Every file says which format it is written in (`formatVersion`). Before the schema sees a file,
 * `migrateScenario` runs `migrations[v]`, `migrations[v + 1]`, ... on the plain data until it
 * reaches FORMAT_VERSION. A file newer than this build is refused with a clear message (it may
 * use fields this build does not know).
 *
 * Adding a format version N + 1:
 *  1. change the schema (src/scenario/schema.ts) and set FORMAT_VERSION = N + 1 there;
 *  2. register `migrations[N]`: `up` turns a version-N document into a version-(N + 1) one
 *     (plain data in, plain data out, never throwing on odd input: the schema reports problems
 *     afterwards), `pathBack` says where a new path was written in the old file (so messages
 *     still point at the right line), and `summary` says what changed in a teacher's words;
 *  3. keep a version-N file in tests/fixtures/scenarios/old/ and a test that it still loads.
 * docs/scenarios.md ("Format versions") lists the chain.
 */
import type { DataPath } from './load';
import { FORMAT_VERSION } from './schema';

/** The oldest format version this build can still read (by migrating it). */
export const OLDEST_FORMAT_VERSION = 0;

/** A scenario document as plain data (a YAML or JSON map). */
export type PlainDoc = Record<string, unknown>;

/** One step of the chain: from version n (its key in `migrations`) to version n + 1. */
export interface Migration {
  /** What changed, in a teacher's words (shown in the "older format" warning). */
  summary: string;
  /** A version-n document -> a version-(n + 1) document. Never throws; never mutates `doc`. */
  up: (doc: PlainDoc) => PlainDoc;
  /**
   * Where a version-(n + 1) path was written in the version-n document `before`, so issues
   * found after the upgrade point at the file as written. Paths the step did not move are
   * returned unchanged.
   */
  pathBack: (path: DataPath, before: PlainDoc) => DataPath;
}

const isRecord = (v: unknown): v is PlainDoc =>
  v !== null && typeof v === 'object' && !Array.isArray(v);
const has = (o: PlainDoc, key: string) => Object.hasOwn(o, key);

/** Version 0 (the prototype's draft): `objectives` and a monthly `{startMonth, months}` calendar. */
const renamesScoring = (doc: PlainDoc) => has(doc, 'objectives') && !has(doc, 'scoring');
const oldCalendar = (doc: PlainDoc): PlainDoc | undefined => {
  const cal = doc.calendar;
  return isRecord(cal) && (has(cal, 'startMonth') || has(cal, 'months')) ? cal : undefined;
};

/** The registered chain: `migrations[n]` upgrades a version-n file to version n + 1. */
export const migrations: Readonly<Record<number, Migration>> = {
  0: {
    summary:
      '"objectives" is now called "scoring", and the calendar "{startMonth, months}" is now "{start, turnMonths: 1, turns}"',
    up(doc) {
      const out: PlainDoc = {};
      for (const [key, value] of Object.entries(doc)) {
        if (key === 'objectives' && renamesScoring(doc)) continue;
        out[key] = value;
      }
      out.formatVersion = 1;
      if (renamesScoring(doc)) out.scoring = doc.objectives;
      const cal = oldCalendar(doc);
      if (cal !== undefined) {
        const calendar: PlainDoc = {};
        for (const [key, value] of Object.entries(cal)) {
          if (key === 'startMonth') calendar.start = value;
          else if (key === 'months') calendar.turns = value;
          else calendar[key] = value;
        }
        if (!has(calendar, 'turnMonths')) calendar.turnMonths = 1;
        out.calendar = calendar;
      }
      return out;
    },
    pathBack(path, before) {
      const [head, next, ...rest] = path;
      if (head === 'scoring' && renamesScoring(before)) return ['objectives', ...path.slice(1)];
      if (head === 'calendar' && oldCalendar(before) !== undefined) {
        if (next === 'start') return ['calendar', 'startMonth', ...rest];
        if (next === 'turns') return ['calendar', 'months', ...rest];
        if (next === 'turnMonths') return ['calendar'];
      }
      return path;
    },
  },
};

export type MigrationOutcome =
  /** Current version, or no usable formatVersion at all: the schema reports what is wrong. */
  | { kind: 'as-is'; doc: unknown }
  | {
      kind: 'migrated';
      doc: PlainDoc;
      from: number;
      /** What each step changed, oldest first. */
      summaries: string[];
      /** Where a path of the upgraded document was written in the file. */
      pathBack: (path: DataPath) => DataPath;
    }
  | { kind: 'refused'; message: string };

/** Upgrade `data` (a parsed scenario file) to FORMAT_VERSION, or say why it cannot be. */
export function migrateScenario(data: unknown): MigrationOutcome {
  if (!isRecord(data)) return { kind: 'as-is', doc: data };
  const version = data.formatVersion;
  if (typeof version !== 'number' || !Number.isInteger(version) || version === FORMAT_VERSION)
    return { kind: 'as-is', doc: data };
  if (version > FORMAT_VERSION) {
    return {
      kind: 'refused',
      message: `this file is written in format version ${version}, which is newer than this version of Three Capitals can read (format versions ${OLDEST_FORMAT_VERSION} to ${FORMAT_VERSION}): update Three Capitals, or ask the scenario's author for a version-${FORMAT_VERSION} file`,
    };
  }
  if (version < OLDEST_FORMAT_VERSION) {
    return {
      kind: 'refused',
      message: `unknown format version ${version}: format versions start at ${OLDEST_FORMAT_VERSION}; a new file starts with "formatVersion: ${FORMAT_VERSION}"`,
    };
  }
  const befores: PlainDoc[] = [];
  const steps: Migration[] = [];
  let doc: PlainDoc = data;
  for (let v = version; v < FORMAT_VERSION; v++) {
    const step = migrations[v];
    if (step === undefined) {
      return {
        kind: 'refused',
        message: `format version ${v} can no longer be read: there is no upgrade from it to version ${v + 1}`,
      };
    }
    befores.push(doc);
    steps.push(step);
    try {
      doc = step.up(doc);
    } catch (e) {
      return {
        kind: 'refused',
        message: `could not upgrade this file from format version ${v}: ${e instanceof Error ? e.message : String(e)}`,
      };
    }
  }
  return {
    kind: 'migrated',
    doc,
    from: version,
    summaries: steps.map((s) => s.summary),
    pathBack: (path) => {
      let p = path;
      for (let i = steps.length - 1; i >= 0; i--) p = steps[i]!.pathBack(p, befores[i]!);
      return p;
    },
  };
}

/** The warning shown for a file that was upgraded while reading. */
export function migratedWarning(from: number, summaries: readonly string[]): string {
  return `this file is written in the older format version ${from}; it was upgraded to version ${FORMAT_VERSION} while reading (${summaries.join('; ')}). Update the file and write "formatVersion: ${FORMAT_VERSION}" to keep it current`;
}
