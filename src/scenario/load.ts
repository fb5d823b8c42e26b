/**
 * Scenario text (YAML 1.2 or JSON) -> a validated `Scenario`, or every problem at once, each at
 * `file:line:col` in plain words for a teacher. Pure: no Node built-ins (the browser passes text
 * it got from a file picker, a drop or a fetch; Node callers use src/scenario/node.ts).
 *
 * Order: size and flow-nesting checks on the raw text; YAML parse (core schema, unique keys);
 * a walk of the YAML tree (tags, forbidden and complex keys, nesting, looping aliases); YAML to
 * plain data (alias expansion capped); the zod schema with every issue mapped back to the node
 * that caused it. Never throws for bad input.
 */
import {
  isAlias,
  isCollection,
  isMap,
  isPair,
  isScalar,
  isSeq,
  LineCounter,
  parseDocument,
  type Document,
  type Node as YamlNode,
} from 'yaml';

import type { Result } from '../ledger/result';
import { migrateScenario, migratedWarning } from './migrate';
import { ScenarioSchema, type Scenario } from './schema';
import { encodingProblem, misindentedLine, normaliseLineEndings } from './text-shape';
import { megabytes } from './words';
import {
  formatIssue,
  pathToString,
  sortIssues,
  type DataPath,
  type PathSegment,
  type ScenarioIssue,
  type Severity,
} from './issues';
import { dropExplainedMissing, placeIssues, plainMessage, type Placed } from './schema-issues';

// The problem types and their formatting live in ./issues; callers keep importing them from here.
export { formatIssue, pathToString, sortIssues };
export type { DataPath, PathSegment, ScenarioIssue, Severity };

// ---------------------------------------------------------------------------------------------
// Limits
// ---------------------------------------------------------------------------------------------

/** Largest scenario file accepted, in bytes (UTF-8). */
export const MAX_SCENARIO_BYTES = 2 * 1024 * 1024;
/** Deepest nesting of lists and maps accepted. */
export const MAX_NESTING = 64;
/**
 * Most lists, maps and values in one file, and most keys in one map. A real scenario has a few
 * thousand values and maps of a few dozen keys; the caps keep a hostile file's cost bounded
 * (every check after parsing is linear in what they allow).
 */
export const MAX_NODES = 50_000;
export const MAX_MAP_KEYS = 2_000;
/** yaml's `maxAliasCount`: caps how far aliases may expand (alias bombs). */
export const MAX_ALIAS_COUNT = 100;
/** Keys that could reach Object.prototype in careless code: refused like any unknown key. */
const FORBIDDEN_KEYS = new Set(['__proto__', 'constructor', 'prototype']);
/** The only explicit tags allowed: those of the YAML 1.2 core schema. */
const CORE_TAGS = new Set([
  'tag:yaml.org,2002:str',
  'tag:yaml.org,2002:int',
  'tag:yaml.org,2002:float',
  'tag:yaml.org,2002:bool',
  'tag:yaml.org,2002:null',
  'tag:yaml.org,2002:map',
  'tag:yaml.org,2002:seq',
]);

/** UTF-8 size of `text`, stopping early once it is clearly over `limit`. */
function utf8Bytes(text: string, limit: number): number {
  if (text.length > limit) return text.length; // at least one byte per UTF-16 unit
  let n = 0;
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    if (c < 0x80) n += 1;
    else if (c < 0x800) n += 2;
    else if (c >= 0xd800 && c <= 0xdbff && i + 1 < text.length) {
      const d = text.charCodeAt(i + 1);
      if (d >= 0xdc00 && d <= 0xdfff) {
        n += 4;
        i++;
      } else n += 3;
    } else n += 3;
  }
  return n;
}

/**
 * Position of the first flow bracket (`[` or `{`) nested deeper than `max`, scanning the raw
 * text before parsing (a deeply nested flow collection is the cheap way to exhaust a parser).
 * Quoted scalars, comments and block scalars are skipped; brackets inside a plain scalar may be
 * counted, which can only over-count a text with dozens of unclosed brackets.
 */
function findDeepFlow(text: string, max: number): { line: number; col: number } | undefined {
  let depth = 0;
  let line = 1;
  let lineStart = 0;
  let prev = '\n';
  let blockIndent = -1; // >= 0 while inside a block scalar: lines indented more than this
  const indentOf = (start: number) => {
    let k = start;
    while (text[k] === ' ') k++;
    return k - start;
  };
  const indents: number[] = []; // block indentation levels open at the current line
  for (let i = 0; i < text.length; i++) {
    if (i === lineStart && depth === 0) {
      const deepBlock = blockDepth(text, lineStart, indents, max);
      if (deepBlock !== undefined) return { line, col: deepBlock };
    }
    const ch = text[i]!;
    if (ch === '\n') {
      line++;
      lineStart = i + 1;
      prev = '\n';
      if (blockIndent >= 0) {
        // Skip the block scalar's lines: blank, or indented more than its parent line.
        for (;;) {
          const ind = indentOf(lineStart);
          const next = text[lineStart + ind];
          if (next === undefined) return undefined;
          if (next === '\n' || next === '\r' || ind > blockIndent) {
            const nl = text.indexOf('\n', lineStart);
            if (nl < 0) return undefined;
            i = nl;
            line++;
            lineStart = nl + 1;
          } else break;
        }
        blockIndent = -1;
        i = lineStart - 1;
      }
      continue;
    }
    const atTokenStart = prev === '\n' || prev === ' ' || prev === '\t' || '[{,:'.includes(prev);
    if (ch === '#' && (prev === '\n' || prev === ' ' || prev === '\t')) {
      const nl = text.indexOf('\n', i);
      if (nl < 0) return undefined;
      i = nl - 1;
      continue;
    }
    if ((ch === '"' || ch === "'") && atTokenStart) {
      // Skip the quoted scalar ("" with backslash escapes, '' with doubled quotes).
      let j = i + 1;
      for (; j < text.length; j++) {
        const c = text[j];
        if (c === '\n') {
          line++;
          lineStart = j + 1;
        } else if (ch === '"' && c === '\\') j++;
        else if (c === ch) {
          if (ch === "'" && text[j + 1] === "'") j++;
          else break;
        }
      }
      i = j;
      prev = ch;
      continue;
    }
    if ((ch === '|' || ch === '>') && atTokenStart && depth === 0) {
      const rest = text.slice(
        i + 1,
        text.indexOf('\n', i) < 0 ? text.length : text.indexOf('\n', i),
      );
      if (/^[+-]?\d?[+-]?\s*(?:#.*)?\r?$/.test(rest)) blockIndent = indentOf(lineStart);
    }
    if (ch === '[' || ch === '{') {
      depth++;
      if (depth > max) return { line, col: i - lineStart + 1 };
    } else if ((ch === ']' || ch === '}') && depth > 0) depth--;
    if (ch !== ' ' && ch !== '\t' && ch !== '\r') prev = ch;
    else prev = ' ';
  }
  return undefined;
}

/**
 * Block nesting at the line starting at `start`: the indentation levels still open (kept in
 * `indents`) plus the compact indicators the line starts with (`- - - x`, `? ? x`). Returns the
 * 1-based column where it passes `max`, if it does. An estimate that can only over-count by a
 * level or two (a plain scalar continued on a deeper line), never enough to refuse a real file.
 */
function blockDepth(
  text: string,
  start: number,
  indents: number[],
  max: number,
): number | undefined {
  let j = start;
  while (text[j] === ' ') j++;
  const c = text[j];
  if (c === undefined || c === '\n' || c === '\r' || c === '#') return undefined;
  if (j === start && (text.startsWith('---', j) || text.startsWith('...', j))) {
    indents.length = 0;
    return undefined;
  }
  const indent = j - start;
  while (indents.length > 0 && indents[indents.length - 1]! >= indent) indents.pop();
  indents.push(indent);
  let depth = indents.length;
  if (depth > max) return indent + 1;
  for (;;) {
    const k = text[j];
    const after = text[j + 1];
    if ((k === '-' || k === '?' || k === ':') && (after === ' ' || after === '\t')) {
      depth++;
      if (depth > max) return j - start + 1;
      j += 2;
      while (text[j] === ' ' || text[j] === '\t') j++;
    } else return undefined;
  }
}

// ---------------------------------------------------------------------------------------------
// Source positions
// ---------------------------------------------------------------------------------------------

/** Where things are written in a parsed file. */
export interface ScenarioSource {
  fileName: string;
  /**
   * Where `path` is written (1-based). With `key: true` and a path ending in a map key, the key
   * itself. A path that does not exist (a missing field) resolves to the deepest node that does.
   */
  locate(path: DataPath, options?: { key?: boolean }): { line: number; col: number };
  /** A positioned issue for `path`. */
  issueAt(
    path: DataPath,
    message: string,
    severity?: Severity,
    options?: { key?: boolean },
  ): ScenarioIssue;
}

/** For checks run on a scenario that did not come from text: every issue at 1:1. */
export function sourceless(fileName: string): ScenarioSource {
  return {
    fileName,
    locate: () => ({ line: 1, col: 1 }),
    issueAt: (path, message, severity = 'error') => ({
      file: fileName,
      line: 1,
      col: 1,
      path: pathToString(path),
      message,
      severity,
    }),
  };
}

function makeSource(fileName: string, doc: Document, lineCounter: LineCounter): ScenarioSource {
  const resolve = (node: unknown): unknown => (isAlias(node) ? node.resolve(doc) : node);
  const startOf = (node: unknown): number | undefined => (node as YamlNode | null)?.range?.[0];

  const locate = (path: DataPath, options: { key?: boolean } = {}) => {
    let current = resolve(doc.contents);
    let offset = startOf(doc.contents);
    for (let i = 0; i < path.length; i++) {
      const seg = path[i]!;
      if (isMap(current)) {
        const pair = current.items.find(
          (p) => isScalar(p.key) && String(p.key.value) === String(seg),
        );
        if (pair === undefined) break;
        const keyOffset = startOf(pair.key);
        const value = resolve(pair.value) as YamlNode | null;
        const empty = value?.range == null || value.range[0] === value.range[1];
        if ((i === path.length - 1 && options.key === true) || empty) {
          offset = keyOffset ?? offset;
          break;
        }
        current = value;
        offset = startOf(pair.value) ?? offset;
      } else if (isSeq(current) && typeof seg === 'number') {
        const item = current.items[seg];
        if (startOf(item) === undefined) break;
        current = resolve(item);
        offset = startOf(item);
      } else break;
    }
    if (offset === undefined) return { line: 1, col: 1 };
    const { line, col } = lineCounter.linePos(offset);
    return { line, col };
  };

  return {
    fileName,
    locate,
    issueAt: (path, message, severity = 'error', options) => ({
      file: fileName,
      ...locate(path, options),
      path: pathToString(path),
      message,
      severity,
    }),
  };
}

// ---------------------------------------------------------------------------------------------
// YAML errors and the tree walk
// ---------------------------------------------------------------------------------------------

function yamlMessage(code: string, message: string): string {
  const short = message.replace(/ at line \d+, column \d+[\s\S]*$/, '').trim();
  switch (code) {
    case 'MULTIPLE_DOCS':
      return 'the file holds more than one YAML document (a line with ---); a scenario is one document';
    case 'TAB_AS_INDENT':
      return 'a tab is used to indent: YAML indents with spaces only';
    case 'BAD_ALIAS':
    case 'BAD_ANCHOR':
      return `invalid alias or anchor: ${short}`;
    default:
      return `invalid YAML: ${short}`;
  }
}

interface WalkResult {
  issues: ScenarioIssue[];
  /** Problems that leave the tree unusable (loops, tags, nesting): validation stops there. */
  fatal: boolean;
  firstAlias?: { line: number; col: number; name: string };
}

/**
 * Walk the YAML tree without following aliases: refuse non-core tags, forbidden keys
 * (`__proto__`, `constructor`, `prototype`), keys that are not plain scalars, duplicate keys,
 * nesting deeper than MAX_NESTING and aliases that loop back into their own ancestors.
 * Forbidden and complex keys are removed from the tree so validation can go on without them.
 */
function walkTree(doc: Document, lineCounter: LineCounter, fileName: string): WalkResult {
  const issues: ScenarioIssue[] = [];
  const result: WalkResult = { issues, fatal: false };
  const pos = (node: unknown) => lineCounter.linePos((node as YamlNode | null)?.range?.[0] ?? 0);
  const add = (node: unknown, path: DataPath, message: string) => {
    const { line, col } = pos(node);
    issues.push({
      file: fileName,
      line,
      col,
      path: pathToString(path),
      message,
      severity: 'error',
    });
  };
  const ancestors: unknown[] = [];
  let tooDeepReported = false;
  let nodes = 0;

  const visit = (node: unknown, path: PathSegment[], depth: number): void => {
    if (node == null || result.fatal) return;
    if (++nodes > MAX_NODES) {
      add(
        node,
        path,
        `the file holds more than ${MAX_NODES.toLocaleString('en-GB')} values; a scenario needs far fewer`,
      );
      result.fatal = true;
      return;
    }
    if (isAlias(node)) {
      const { line, col } = pos(node);
      result.firstAlias ??= { line, col, name: node.source };
      const target = node.resolve(doc);
      if (target === undefined) {
        add(node, path, `the alias *${node.source} has no anchor &${node.source} before it`);
        result.fatal = true;
      } else if (ancestors.includes(target)) {
        add(
          node,
          path,
          `the alias *${node.source} refers to the list or map that contains it (a loop)`,
        );
        result.fatal = true;
      }
      return;
    }
    const tagged = node as YamlNode;
    if (tagged.tag !== undefined && !CORE_TAGS.has(tagged.tag)) {
      add(
        node,
        path,
        `the tag ${tagged.tag.replace(/^tag:yaml\.org,2002:/, '!!')} is not allowed in a scenario file`,
      );
      result.fatal = true;
      return;
    }
    if (!isCollection(node)) return;
    if (depth > MAX_NESTING) {
      if (!tooDeepReported) add(node, path, `nested more than ${MAX_NESTING} levels deep`);
      tooDeepReported = true;
      result.fatal = true;
      return;
    }
    ancestors.push(node);
    if (isMap(node) && node.items.length > MAX_MAP_KEYS) {
      add(
        node,
        path,
        `this map has ${node.items.length.toLocaleString('en-GB')} keys; at most ${MAX_MAP_KEYS.toLocaleString('en-GB')} are allowed`,
      );
      result.fatal = true;
      return;
    }
    if (isMap(node)) {
      const seen = new Map<string, number>();
      node.items = node.items.filter((pair) => {
        if (!isPair(pair)) return false;
        const key = pair.key;
        if (!isScalar(key)) {
          add(key ?? node, path, 'a key must be plain text, not a list or a map');
          return false;
        }
        const name = key.value === null ? '' : String(key.value);
        if (FORBIDDEN_KEYS.has(name)) {
          add(key, [...path, name], `unknown key ${JSON.stringify(name)}`);
          return false;
        }
        const first = seen.get(name);
        if (first !== undefined) {
          add(
            key,
            [...path, name],
            `duplicate key ${JSON.stringify(name)} (first written on line ${first})`,
          );
          return false;
        }
        seen.set(name, pos(key).line);
        visit(pair.value, [...path, name], depth + 1);
        return true;
      });
    } else if (isSeq(node)) {
      node.items.forEach((item, i) => visit(item, [...path, i], depth + 1));
    }
    ancestors.pop();
  };
  visit(doc.contents, [], 1);
  return result;
}

/** First path in plain data nested deeper than `max` (aliases may deepen what the tree showed). */
function findDeepData(data: unknown, max: number): PathSegment[] | undefined {
  const stack: { value: unknown; path: PathSegment[] }[] = [{ value: data, path: [] }];
  while (stack.length > 0) {
    const { value, path } = stack.pop()!;
    if (value === null || typeof value !== 'object') continue;
    if (path.length >= max) return path;
    if (Array.isArray(value)) value.forEach((v, i) => stack.push({ value: v, path: [...path, i] }));
    else for (const [k, v] of Object.entries(value)) stack.push({ value: v, path: [...path, k] });
  }
  return undefined;
}

// ---------------------------------------------------------------------------------------------
// Parse
// ---------------------------------------------------------------------------------------------

export interface ParsedScenario {
  scenario: Scenario;
  source: ScenarioSource;
  warnings: ScenarioIssue[];
}

const fail = <T>(issues: ScenarioIssue[]): Result<T, ScenarioIssue[]> => ({
  ok: false,
  errors: sortIssues(issues),
});

/**
 * Parse and validate scenario text, keeping source positions for later meaning checks.
 * Fails with every problem found (sorted by position); YAML warnings come back as `warnings`.
 */
export function parseScenarioSource(
  text: string,
  fileName: string,
): Result<ParsedScenario, ScenarioIssue[]> {
  const partial = parseScenarioPartial(text, fileName);
  if (partial.parsed !== undefined && !partial.issues.some((i) => i.severity === 'error'))
    return { ok: true, value: partial.parsed };
  return fail(partial.issues);
}

/** What parsing found: every issue so far, and the scenario when the schema accepted it. */
export interface PartialParse {
  /** Errors and warnings, sorted by position. */
  issues: ScenarioIssue[];
  /**
   * Present when the schema accepted the data, even if the YAML walk removed keys it refused
   * (duplicate or forbidden keys, reported in `issues`): meaning checks can still run on it.
   */
  parsed?: ParsedScenario;
}

/** Like parseScenarioSource, but keeps the scenario when only removable keys were refused. */
export function parseScenarioPartial(text: string, fileName: string): PartialParse {
  try {
    return parseUnguarded(text, fileName);
  } catch (e) {
    // Nothing above should throw; if a library does on some odd input, it is still a Result.
    const message = e instanceof Error ? e.message : String(e);
    return {
      issues: [
        {
          file: fileName,
          line: 1,
          col: 1,
          path: '',
          message: `could not read the file: ${message}`,
          severity: 'error',
        },
      ],
    };
  }
}

const stop = (issues: ScenarioIssue[]): PartialParse => ({ issues: sortIssues(issues) });

function parseUnguarded(text: string, fileName: string): PartialParse {
  const at = (line: number, col: number, message: string): ScenarioIssue => ({
    file: fileName,
    line,
    col,
    path: '',
    message,
    severity: 'error',
  });
  if (typeof text !== 'string') return stop([at(1, 1, 'expected the text of a scenario file')]);

  const bytes = utf8Bytes(text, MAX_SCENARIO_BYTES);
  if (bytes > MAX_SCENARIO_BYTES) {
    return stop([
      at(
        1,
        1,
        `the file is ${megabytes(bytes)}; a scenario file may be at most ${megabytes(MAX_SCENARIO_BYTES)}`,
      ),
    ]);
  }
  const encoding = encodingProblem(text);
  if (encoding) return stop([at(1, 1, encoding.message)]);
  const endings = normaliseLineEndings(text);
  text = endings.text;
  // A file of more lines than values allowed cannot be a scenario: refused before parsing it.
  let lines = 1;
  for (let i = text.indexOf('\n'); i >= 0; i = text.indexOf('\n', i + 1)) lines++;
  if (lines > MAX_NODES)
    return stop([
      at(
        1,
        1,
        `the file has ${lines.toLocaleString('en-GB')} lines; a scenario needs far fewer (at most ${MAX_NODES.toLocaleString('en-GB')} values)`,
      ),
    ]);
  const deep = findDeepFlow(text, MAX_NESTING);
  if (deep !== undefined)
    return stop([at(deep.line, deep.col, `nested more than ${MAX_NESTING} levels deep`)]);

  const lineCounter = new LineCounter();
  const doc = parseDocument(text, {
    version: '1.2',
    schema: 'core',
    // Duplicate keys are found by walkTree with a Map: yaml's own check compares every key with
    // every earlier one (a 15,000-key map took seconds).
    uniqueKeys: false,
    resolveKnownTags: false,
    merge: false,
    prettyErrors: false,
    keepSourceTokens: false,
    logLevel: 'error', // not 'silent': that would also drop the error for a second document
    strict: true,
    lineCounter,
  });

  const walk = walkTree(doc, lineCounter, fileName);
  const yamlErrors = doc.errors
    .filter((e) => e.code !== 'DUPLICATE_KEY') // reported by the walk, with the key's name
    .map((e) => {
      const { line, col } = lineCounter.linePos(e.pos[0]);
      return at(line, col, yamlMessage(e.code, e.message));
    });
  // Keys the walk removed (forbidden, duplicate, complex) are reported together with the schema's
  // findings; anything else stops here.
  // A tab used to indent confuses the parser into a cascade of follow-on errors: say only that.
  const tabs = yamlErrors.filter((e) => e.message.startsWith('a tab is used to indent'));
  if (tabs.length > 0) return stop(tabs);
  // Broken YAML: its own errors only (what the walk of a half-parsed tree finds is noise), led by
  // the mis-indented line that usually causes them, and capped: one bad line can make the parser
  // report every line after it.
  if (yamlErrors.length > 0) return { issues: yamlCascade(text, yamlErrors, at) };
  if (walk.fatal) return stop(walk.issues);
  const warnings: ScenarioIssue[] = endings.crOnly
    ? [
        {
          ...at(
            1,
            1,
            'the file ends its lines with a carriage return alone (old Mac style); they were read as line breaks',
          ),
          severity: 'warning',
        },
      ]
    : [];
  warnings.push(
    ...doc.warnings
      .filter((w) => w.code !== 'TAG_RESOLVE_FAILED') // every tag is an error already
      .map((w) => {
        const { line, col } = lineCounter.linePos(w.pos[0]);
        return { ...at(line, col, yamlMessage(w.code, w.message)), severity: 'warning' as const };
      }),
  );

  let data: unknown;
  try {
    data = doc.toJS({ maxAliasCount: MAX_ALIAS_COUNT });
  } catch (_e) {
    const a = walk.firstAlias ?? { line: 1, col: 1, name: '' };
    return stop([
      ...walk.issues,
      at(
        a.line,
        a.col,
        `the aliases in this file (*${a.name}...) expand to too much data (an "alias bomb"); write the values out instead`,
      ),
    ]);
  }

  const fileSource = makeSource(fileName, doc, lineCounter);
  if (data === null || data === undefined) {
    return stop([
      ...walk.issues,
      at(1, 1, 'the file is empty: a scenario starts with "formatVersion: 1"'),
    ]);
  }
  const tooDeep = findDeepData(data, MAX_NESTING);
  if (tooDeep !== undefined) {
    return stop([
      ...walk.issues,
      fileSource.issueAt(tooDeep, `nested more than ${MAX_NESTING} levels deep (through aliases)`),
    ]);
  }

  // Older format versions are upgraded here, before the schema sees the data; issues found
  // afterwards are placed where the file wrote them (see src/scenario/migrate.ts).
  const migrated = migrateScenario(data);
  if (migrated.kind === 'refused')
    return stop([...walk.issues, fileSource.issueAt(['formatVersion'], migrated.message)]);
  let pathBack = (path: DataPath): DataPath => path;
  let source = fileSource;
  if (migrated.kind === 'migrated') {
    data = migrated.doc;
    pathBack = migrated.pathBack;
    source = mappedSource(fileSource, pathBack);
    warnings.push(
      fileSource.issueAt(
        ['formatVersion'],
        migratedWarning(migrated.from, migrated.summaries),
        'warning',
      ),
    );
  }

  const parsed = ScenarioSchema.safeParse(data, { reportInput: true, error: plainMessage });
  if (!parsed.success) {
    const placed: Placed[] = [];
    placeIssues(parsed.error.issues, [], data, placed);
    const seen = new Set<string>();
    const issues: ScenarioIssue[] = [];
    for (const p of dropExplainedMissing(placed)) {
      let message = p.message;
      if (p.quoteSource === true) message = quoteHint(message, doc, text, [...pathBack(p.path)]);
      const issue = source.issueAt(p.path, message, 'error', { key: p.key });
      const id = formatIssue(issue);
      if (!seen.has(id)) issues.push(issue);
      seen.add(id);
    }
    return stop([...walk.issues, ...issues, ...warnings]);
  }
  // Keys the walk removed (duplicates, forbidden keys) are errors, but the rest of the file is
  // still checked for meaning: every problem at once.
  return {
    issues: sortIssues([...walk.issues, ...warnings]),
    parsed: { scenario: parsed.data, source, warnings: sortIssues(warnings) },
  };
}

/** Most YAML errors listed after the first: the rest nearly always follow from it. */
const MAX_YAML_ERRORS = 3;

function yamlCascade(
  text: string,
  errors: ScenarioIssue[],
  at: (line: number, col: number, message: string) => ScenarioIssue,
): ScenarioIssue[] {
  const sorted = sortIssues(errors);
  const first = sorted[0]!;
  const out: ScenarioIssue[] = [];
  const culprit = misindentedLine(text, first.line + 1);
  if (culprit) {
    const spaces = (n: number) => `${n} space${n === 1 ? '' : 's'}`;
    out.push(
      at(
        culprit.line,
        culprit.indent + 1,
        `line ${culprit.line} is indented ${spaces(culprit.indent)}, but the lines around it use ${culprit.expected.map(spaces).join(' or ')}: keys of one map must start in the same column, and only a line ending in ":" may be followed by deeper ones (this is probably the cause of what follows)`,
      ),
    );
  }
  out.push(...sorted.slice(0, MAX_YAML_ERRORS));
  const rest = sorted.length - MAX_YAML_ERRORS;
  if (rest > 0) {
    const next = sorted[MAX_YAML_ERRORS]!;
    out.push(
      at(
        next.line,
        next.col,
        `... and ${rest} more YAML error${rest === 1 ? '' : 's'} from here on, most likely caused by the first: fix it and validate again`,
      ),
    );
  }
  return out;
}

/** "expected text, got 1.0 — write it in quotes: "1.0"" using the value as written. */
function quoteHint(message: string, doc: Document, text: string, path: DataPath): string {
  const node = doc.getIn(path as PathSegment[], true) as YamlNode | undefined;
  const range = node?.range;
  const written = range ? text.slice(range[0], range[1]).trim() : '';
  if (written === '' || written.length > 40 || /["'\n]/.test(written))
    return `${message} — write it in quotes to make it text`;
  return `expected text, got ${written} — write it in quotes: "${written}"`;
}

/** `source`, with every path first mapped back to where an older file wrote it. */
function mappedSource(
  source: ScenarioSource,
  pathBack: (path: DataPath) => DataPath,
): ScenarioSource {
  return {
    fileName: source.fileName,
    locate: (path, options) => source.locate(pathBack(path), options),
    issueAt: (path, message, severity, options) =>
      source.issueAt(pathBack(path), message, severity, options),
  };
}

/** Parse and validate scenario text (schema only; see loadScenario for the meaning checks too). */
export function parseScenario(text: string, fileName: string): Result<Scenario, ScenarioIssue[]> {
  const parsed = parseScenarioSource(text, fileName);
  return parsed.ok ? { ok: true, value: parsed.value.scenario } : parsed;
}
