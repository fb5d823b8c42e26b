/**
 * YAML text -> plain data, keeping enough of the parse to point every error at `file:line:col`.
 * Generic on purpose: the scenario validator reuses it with its own schema.
 *
 * Pure: no Node built-ins, no file reading (the browser passes text it got from `?raw`, a file
 * picker or a fetch).
 */
import {
  LineCounter,
  isAlias,
  isMap,
  isPair,
  isScalar,
  isSeq,
  parseDocument,
  type Node,
} from 'yaml';
import type { z } from 'zod';

import { err, ok, type Result } from './result';

/** One problem in a source file, positioned at 1-based line and column. */
export interface SourceError {
  file: string;
  line: number;
  col: number;
  /** Data path such as `figures[3].sources[0].ref`; empty for the file as a whole. */
  path: string;
  message: string;
}

/** `figures.yaml:12:7 figures[3].low: message`, or `figures.yaml:1:1: message` without a path. */
export function formatSourceError(e: SourceError): string {
  const where = `${e.file}:${e.line}:${e.col}`;
  return e.path === '' ? `${where}: ${e.message}` : `${where} ${e.path}: ${e.message}`;
}

export type DataPath = readonly PropertyKey[];

/** `['figures', 3, 'sources', 0, 'ref']` -> `figures[3].sources[0].ref`. */
export function pathToString(path: DataPath): string {
  let out = '';
  for (const seg of path) {
    if (typeof seg === 'number') out += `[${seg}]`;
    else {
      const s = String(seg);
      out += /^[A-Za-z_$][\w$]*$/.test(s) ? (out === '' ? s : `.${s}`) : `[${JSON.stringify(s)}]`;
    }
  }
  return out;
}

export interface Position {
  line: number;
  col: number;
}

export interface YamlSource {
  fileName: string;
  /** The parsed data as plain JS values. */
  data: unknown;
  /**
   * Where `path` is written. With `key: true` and a path ending in a map key, the position of the
   * key itself (useful for "unknown key"). A path that does not exist (a missing field) resolves
   * to the deepest node that does.
   */
  locate(path: DataPath, options?: { key?: boolean }): Position;
  /** A positioned error for `path`. */
  errorAt(path: DataPath, message: string, options?: { key?: boolean }): SourceError;
}

/** The short message of a yaml error, without the appended "at line X, column Y" context. */
function shortYamlMessage(message: string): string {
  const cut = message.search(/ at line \d+, column \d+/);
  return (cut >= 0 ? message.slice(0, cut) : message).trim();
}

/** The key text at the start of a duplicate-key error: a quoted or plain scalar before `:`. */
const DUPLICATE_KEY_TEXT = /^("(?:[^"\\\n]|\\.)*"|'(?:[^'\n]|'')*'|[^:#\n]+?)[ \t]*:/;

function unquote(key: string): string {
  if (key.startsWith('"')) {
    try {
      return String(JSON.parse(key));
    } catch {
      return key;
    }
  }
  if (key.startsWith("'")) return key.slice(1, -1).replace(/''/g, "'");
  return key;
}

/**
 * Parse YAML 1.2 text (plain JSON is valid YAML). Duplicate keys are errors. Returns every
 * syntax error at once, positioned.
 */
export function parseYamlSource(text: string, fileName: string): Result<YamlSource, SourceError[]> {
  const lineCounter = new LineCounter();
  const doc = parseDocument(text, {
    version: '1.2',
    uniqueKeys: true,
    prettyErrors: false,
    keepSourceTokens: false,
    lineCounter,
  });

  const posOf = (offset: number): Position => {
    const { line, col } = lineCounter.linePos(offset);
    return { line, col };
  };

  if (doc.errors.length > 0) {
    // After a syntax error the parser's later complaints are mostly consequences of the first
    // one; keep the first, plus any duplicate keys (each is a problem on its own).
    const independent = doc.errors.filter((e, i) => i === 0 || e.code === 'DUPLICATE_KEY');
    return err(
      independent.map((e) => {
        const { line, col } = posOf(e.pos[0]);
        let message = shortYamlMessage(e.message);
        if (e.code === 'DUPLICATE_KEY') {
          const key = DUPLICATE_KEY_TEXT.exec(text.slice(e.pos[0]))?.[1];
          if (key !== undefined) message = `duplicate key ${JSON.stringify(unquote(key))}`;
        }
        return { file: fileName, line, col, path: '', message };
      }),
    );
  }

  let data: unknown;
  try {
    data = doc.toJS({ maxAliasCount: 100 });
  } catch (e) {
    // e.g. an alias bomb exceeding maxAliasCount.
    const message = e instanceof Error ? e.message : String(e);
    return err([{ file: fileName, line: 1, col: 1, path: '', message }]);
  }

  const resolve = (node: unknown): unknown => (isAlias(node) ? node.resolve(doc) : node);

  const locate = (path: DataPath, options: { key?: boolean } = {}): Position => {
    let current = resolve(doc.contents) as Node | null | undefined;
    let offset: number | undefined = current?.range?.[0];
    for (let i = 0; i < path.length; i++) {
      const seg = path[i];
      if (isMap(current)) {
        const pair = current.items.find(
          (p) => isPair(p) && isScalar(p.key) && String(p.key.value) === String(seg),
        );
        if (!pair) break;
        const keyOffset = (pair.key as Node).range?.[0];
        const value = resolve(pair.value) as Node | null | undefined;
        const emptyValue = value?.range == null || value.range[0] === value.range[1];
        if ((i === path.length - 1 && options.key === true) || emptyValue) {
          offset = keyOffset ?? offset;
          break;
        }
        current = value;
        offset = value?.range?.[0] ?? offset;
      } else if (isSeq(current) && typeof seg === 'number') {
        const item = resolve(current.items[seg]) as Node | null | undefined;
        if (item?.range == null) break;
        current = item;
        offset = item.range[0];
      } else {
        break;
      }
    }
    return offset === undefined ? { line: 1, col: 1 } : posOf(offset);
  };

  const errorAt = (path: DataPath, message: string, options?: { key?: boolean }): SourceError => {
    const { line, col } = locate(path, options);
    return { file: fileName, line, col, path: pathToString(path), message };
  };

  return ok({ fileName, data, locate, errorAt });
}

/** How a value read from YAML looks in a message: `"ten"`, `12`, `null`, `a list`. */
export function describeInput(input: unknown): string {
  if (input === undefined) return 'nothing';
  if (input === null) return 'null';
  if (Array.isArray(input)) return 'a list';
  if (typeof input === 'string') {
    const s = input.length > 40 ? `${input.slice(0, 37)}...` : input;
    return JSON.stringify(s);
  }
  if (typeof input === 'object') return 'a map';
  return String(input);
}

const EXPECTED_NAMES: Record<string, string> = {
  string: 'a string',
  number: 'a number',
  int: 'an integer',
  boolean: 'true or false',
  array: 'a list',
  object: 'a map',
  null: 'null',
};

/** A plain-language message for one zod issue (zod's own wording is for programmers). */
export function describeIssue(issue: z.core.$ZodIssue): string {
  switch (issue.code) {
    case 'invalid_type': {
      if (issue.input === undefined) return 'required field is missing';
      const expected = EXPECTED_NAMES[issue.expected] ?? issue.expected;
      return `expected ${expected}, got ${describeInput(issue.input)}`;
    }
    case 'invalid_value': {
      const options = issue.values.map((v) => JSON.stringify(v));
      const expected = options.length === 1 ? options[0] : `one of ${options.join(', ')}`;
      return `expected ${expected}, got ${describeInput(issue.input)}`;
    }
    case 'unrecognized_keys':
      return `unknown key ${issue.keys.map((k) => JSON.stringify(k)).join(', ')}`;
    case 'too_small':
      if (issue.origin === 'number' || issue.origin === 'int') {
        const cmp = issue.inclusive ? 'at least' : 'greater than';
        return `expected a number ${cmp} ${String(issue.minimum)}, got ${describeInput(issue.input)}`;
      }
      return issue.message;
    case 'too_big':
      if (issue.origin === 'number' || issue.origin === 'int') {
        const cmp = issue.inclusive ? 'at most' : 'less than';
        return `expected a number ${cmp} ${String(issue.maximum)}, got ${describeInput(issue.input)}`;
      }
      return issue.message;
    case 'invalid_format':
      return `${issue.message}, got ${describeInput(issue.input)}`;
    default:
      return issue.message;
  }
}

/**
 * Zod issues -> positioned errors. An unknown key is reported once per key, at the key itself.
 * Run the schema with `{ reportInput: true }` so messages can quote the offending value.
 */
export function issuesToErrors(
  issues: readonly z.core.$ZodIssue[],
  source: YamlSource,
): SourceError[] {
  const out: SourceError[] = [];
  for (const issue of issues) {
    if (issue.code === 'unrecognized_keys') {
      for (const key of issue.keys) {
        out.push(
          source.errorAt([...issue.path, key], `unknown key ${JSON.stringify(key)}`, { key: true }),
        );
      }
    } else {
      out.push(source.errorAt(issue.path, describeIssue(issue)));
    }
  }
  return out;
}

/** Errors in reading order (line, then column), stable for equal positions. */
export function sortErrors<E extends SourceError>(errors: readonly E[]): E[] {
  return [...errors].sort((a, b) => a.line - b.line || a.col - b.col);
}
