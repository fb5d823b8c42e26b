/**
 * Zod's issues turned into plain words at the place in the file that caused them: one message per
 * unknown key (with "did you mean"), union branches resolved to the one the author meant, and
 * missing fields left out when a wrong type already explains them. Used by src/scenario/load.ts.
 */
import type { z } from 'zod';

import { suggest } from '../ledger/suggest';
import { pathToString, type DataPath, type PathSegment } from './issues';
import { ScenarioSchema } from './schema';
import { describeValue, orList, quotedChoices, typeName } from './words';

// ---------------------------------------------------------------------------------------------
// Zod issues in plain words
// ---------------------------------------------------------------------------------------------

type RawIssue = z.core.$ZodRawIssue;

function plural(n: number, one: string, many: string): string {
  return `${n} ${n === 1 ? one : many}`;
}

/** The per-parse error map: a plain-words message for every issue zod raises. */
export function plainMessage(issue: RawIssue): string {
  const input = issue.input;
  switch (issue.code) {
    case 'invalid_type': {
      if (input === undefined) return 'required field is missing';
      const format = (issue as { inst?: ZodLike }).inst?._zod.def.format;
      const whole = issue.expected === 'number' && format !== undefined && /int/.test(format);
      return `expected ${typeName(whole ? 'int' : issue.expected)}, got ${describeValue(input)}`;
    }
    case 'invalid_value': {
      if (input === undefined) return 'required field is missing';
      const hint =
        typeof input === 'string'
          ? didYouMean(
              input,
              issue.values.filter((v) => typeof v === 'string'),
            )
          : '';
      return `expected ${issue.values.length === 1 ? '' : 'one of '}${quotedChoices(issue.values)}, got ${describeValue(input)}${hint}`;
    }
    case 'too_small': {
      const min = String(issue.minimum);
      if (issue.origin === 'array' || issue.origin === 'set') {
        const n = Array.isArray(input) ? input.length : 0;
        return `expected at least ${plural(Number(issue.minimum), 'entry', 'entries')}, got ${n === 0 ? 'none' : n}`;
      }
      if (issue.origin === 'string')
        return Number(issue.minimum) <= 1
          ? 'must not be empty'
          : `expected at least ${min} characters`;
      return `expected ${issue.inclusive ? 'at least' : 'more than'} ${min}, got ${describeValue(input)}`;
    }
    case 'too_big': {
      const max = String(issue.maximum);
      if (issue.origin === 'array' || issue.origin === 'set') {
        const n = Array.isArray(input) ? input.length : 0;
        return `expected at most ${plural(Number(issue.maximum), 'entry', 'entries')}, got ${n}`;
      }
      if (issue.origin === 'string') return `expected at most ${max} characters`;
      return `expected ${issue.inclusive ? 'at most' : 'less than'} ${max}, got ${describeValue(input)}`;
    }
    case 'not_multiple_of':
      return `expected a multiple of ${String(issue.divisor)}, got ${describeValue(input)}`;
    case 'invalid_format':
      return `expected ${issue.format}, got ${describeValue(input)}`;
    case 'unrecognized_keys':
      return `unknown key ${issue.keys.map((k) => JSON.stringify(k)).join(', ')}`;
    case 'invalid_union':
      return `expected something else, got ${describeValue(input)}`;
    default:
      return issue.message ?? 'invalid value';
  }
}

function didYouMean(value: string, known: readonly unknown[]): string {
  const hint = suggest(
    value,
    known.filter((k): k is string => typeof k === 'string'),
  );
  return hint === undefined ? '' : ` — did you mean ${JSON.stringify(hint)}?`;
}

// A small view of zod's internal schema definitions, enough to find the keys allowed at a path.
interface SchemaDef {
  type: string;
  innerType?: ZodLike;
  getter?: () => ZodLike;
  in?: ZodLike;
  options?: ZodLike[];
  discriminator?: string;
  shape?: Record<string, ZodLike>;
  element?: ZodLike;
  values?: unknown[];
  format?: string;
}
interface ZodLike {
  _zod: { def: SchemaDef };
}

const isRecord = (v: unknown): v is Record<string, unknown> =>
  v !== null && typeof v === 'object' && !Array.isArray(v);

/** Strip wrappers (optional, default, lazy...) and pick the union option that fits `value`. */
function unwrapSchema(schema: ZodLike, value: unknown): ZodLike {
  for (let guard = 0; guard < 100; guard++) {
    const def = schema._zod.def;
    if (def.innerType !== undefined) schema = def.innerType;
    else if (def.type === 'lazy' && def.getter !== undefined) schema = def.getter();
    else if (def.type === 'pipe' && def.in !== undefined) schema = def.in;
    else if (def.type === 'union' && def.options !== undefined) {
      const option = pickOption(def, value);
      if (option === undefined) return schema;
      schema = option;
    } else return schema;
  }
  return schema;
}

function pickOption(def: SchemaDef, value: unknown): ZodLike | undefined {
  const options = def.options ?? [];
  if (!isRecord(value)) return undefined;
  const objects = options
    .map((o) => ({ option: o, inner: unwrapSchema(o, value) }))
    .filter(({ inner }) => inner._zod.def.type === 'object');
  if (def.discriminator !== undefined) {
    const tag = value[def.discriminator];
    const match = objects.find(({ inner }) => {
      const lit = inner._zod.def.shape?.[def.discriminator!];
      return lit !== undefined && (unwrapSchema(lit, tag)._zod.def.values ?? []).includes(tag);
    });
    if (match !== undefined) return match.inner;
  }
  let best: ZodLike | undefined;
  let bestScore = -1;
  for (const { inner } of objects) {
    const shape = inner._zod.def.shape ?? {};
    const score = Object.keys(value).filter((k) => Object.hasOwn(shape, k)).length;
    if (score > bestScore) {
      best = inner;
      bestScore = score;
    }
  }
  return best;
}

/** The keys the schema allows for the map at `path` of `data`, if it is a map there. */
function allowedKeysAt(path: DataPath, data: unknown): string[] {
  let schema = ScenarioSchema as unknown as ZodLike;
  let value = data;
  for (const seg of path) {
    schema = unwrapSchema(schema, value);
    const def = schema._zod.def;
    if (def.type === 'object' && def.shape !== undefined && typeof seg === 'string') {
      const next = def.shape[seg];
      if (next === undefined) return [];
      schema = next;
    } else if (def.type === 'array' && def.element !== undefined) schema = def.element;
    else return [];
    value =
      isRecord(value) || Array.isArray(value)
        ? (value as Record<PathSegment, unknown>)[seg]
        : undefined;
  }
  schema = unwrapSchema(schema, value);
  const def = schema._zod.def;
  return def.type === 'object' && def.shape !== undefined ? Object.keys(def.shape) : [];
}

type Issue = z.core.$ZodIssue;

/** A union branch that failed only because the value has the wrong type altogether. */
const rejectsType = (branch: readonly Issue[]) =>
  branch.length > 0 && branch.every((i) => i.path.length === 0 && i.code === 'invalid_type');

export interface Placed {
  path: PathSegment[];
  message: string;
  key?: boolean;
  /** Quote the source text of the value (for "expected text, got 1.0"). */
  quoteSource?: boolean;
  /** For an unknown key: the allowed key it is probably a misspelling of. */
  suggested?: string;
}

/**
 * A misspelt required key gives two issues: the unknown key ("did you mean ...?") and the
 * missing field. The first says it all: drop the second.
 */
export function dropExplainedMissing(placed: Placed[]): Placed[] {
  const explained = new Set(
    placed
      .filter((p) => p.suggested !== undefined)
      .map((p) => pathToString([...p.path.slice(0, -1), p.suggested!])),
  );
  return placed.filter(
    (p) =>
      !(p.message.startsWith('required field is missing') && explained.has(pathToString(p.path))),
  );
}

/** Zod issues -> messages at paths: one per unknown key, union branches resolved. */
export function placeIssues(
  issues: readonly Issue[],
  base: DataPath,
  data: unknown,
  out: Placed[],
): void {
  for (const issue of issues) {
    const path = [...base, ...(issue.path as PathSegment[])];
    if (issue.code === 'unrecognized_keys') {
      const allowed = allowedKeysAt(path, data);
      for (const key of issue.keys) {
        const hint = suggest(key, allowed);
        let message = `unknown key ${JSON.stringify(key)}`;
        if (hint !== undefined) message += ` — did you mean ${JSON.stringify(hint)}?`;
        else if (allowed.length > 0 && allowed.length <= 10) {
          message += ` (allowed here: ${allowed.join(', ')})`;
        }
        out.push({ path: [...path, key], message, key: true, suggested: hint });
      }
    } else if (issue.code === 'invalid_union') {
      placeUnion(issue, path, data, out);
    } else if (
      issue.code === 'invalid_type' &&
      issue.expected === 'string' &&
      (typeof issue.input === 'number' || typeof issue.input === 'boolean')
    ) {
      out.push({ path, message: issue.message, quoteSource: true });
    } else {
      out.push({ path, message: issue.message });
    }
  }
}

function placeUnion(
  issue: z.core.$ZodIssueInvalidUnion,
  path: PathSegment[],
  data: unknown,
  out: Placed[],
): void {
  const input = issue.input;
  // A discriminated union whose `type` (discriminator) matches no option.
  const disc = (issue as { discriminator?: string }).discriminator;
  const options = (issue as { options?: unknown[] }).options;
  if (issue.errors.length === 0 && disc !== undefined) {
    const choices = (options ?? []).filter((o): o is string => typeof o === 'string');
    const tag = isRecord(input) ? input[disc] : undefined;
    if (!isRecord(input)) {
      out.push({ path: path.slice(0, -1), message: `expected a map, got ${describeValue(input)}` });
    } else if (tag === undefined) {
      out.push({
        path,
        message: `required field is missing: expected one of ${quotedChoices(choices)}`,
      });
    } else {
      const hint = typeof tag === 'string' ? didYouMean(tag, choices) : '';
      out.push({
        path,
        message: `expected one of ${quotedChoices(choices)}, got ${describeValue(tag)}${hint}`,
      });
    }
    return;
  }
  const branches = issue.errors;
  const candidates = branches.filter((b) => !rejectsType(b));
  if (candidates.length === 0) {
    // Wrong type for every option: say which types would do.
    // The plain-words name of each expected type, as plainMessage wrote it ("a whole number").
    let expected = branches.flatMap((b) =>
      b.map((i) => ({
        type: i.code === 'invalid_type' ? i.expected : '',
        name:
          /^expected (.+?), got /.exec(i.message)?.[1] ??
          (i.code === 'invalid_type' ? typeName(i.expected) : ''),
      })),
    );
    if (input === null || typeof input !== 'object') {
      const scalars = expected.filter((e) => e.type !== 'object' && e.type !== 'array');
      if (scalars.length > 0) expected = scalars;
    }
    const names = [...new Set(expected.map((e) => e.name).filter((n) => n !== ''))];
    out.push({ path, message: `expected ${orList(names)}, got ${describeValue(input)}` });
    return;
  }
  // Every option refused the value itself (e.g. two lists of allowed words): merge the choices.
  if (candidates.every((b) => b.every((i) => i.path.length === 0 && i.code === 'invalid_value'))) {
    const values = candidates.flatMap((b) =>
      b.flatMap((i) => (i.code === 'invalid_value' ? i.values : [])),
    );
    const hint = typeof input === 'string' ? didYouMean(input, values) : '';
    out.push({
      path,
      message: `expected one of ${quotedChoices(values)}, got ${describeValue(input)}${hint}`,
    });
    return;
  }
  // Otherwise the option that came closest: the fewest problems.
  const best = candidates.reduce((a, b) => (b.length < a.length ? b : a));
  placeIssues(best, path, data, out);
}
