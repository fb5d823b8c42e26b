/**
 * Node-only conveniences for scenarios (CLI, tests, server). The pure modules never read files;
 * the browser passes text from a file picker, a drop or a fetch to `loadScenario`.
 */
import { readFileSync, statSync, writeFileSync } from 'node:fs';
import { readFile, stat } from 'node:fs/promises';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

import type { Result } from '../ledger/result';
import type { Ledger } from '../ledger/schema';
import { loadScenario, type LoadedScenario } from './load-scenario';
import { MAX_SCENARIO_BYTES, type ScenarioIssue } from './load';
import { scenarioJsonSchema } from './schema';
import { megabytes } from './words';

/** Absolute path of the repository's scenarios/ folder. */
export const SCENARIOS_DIR = fileURLToPath(new URL('../../scenarios/', import.meta.url));
/** Where the published JSON Schema lives. */
export const SCHEMA_PATH = path.join(SCENARIOS_DIR, 'schema.json');

/** How a file is named in messages: relative to the working directory when inside it. */
function displayName(file: string): string {
  const rel = path.relative(process.cwd(), path.resolve(file));
  return rel !== '' && !rel.startsWith('..') && !path.isAbsolute(rel) ? rel : file;
}

function fileIssue(file: string, message: string): Result<LoadedScenario, ScenarioIssue[]> {
  return { ok: false, errors: [{ file, line: 1, col: 1, path: '', message, severity: 'error' }] };
}

function readProblem(e: unknown): string {
  const code = (e as { code?: unknown }).code;
  return `cannot read the file (${typeof code === 'string' ? code : e instanceof Error ? e.message : String(e)})`;
}

const tooBig = (size: number) =>
  `the file is ${megabytes(size)}; a scenario file may be at most ${megabytes(MAX_SCENARIO_BYTES)}`;

/** Read, validate and check a scenario file. Never throws for bad input (missing file included). */
export async function loadScenarioFile(
  file: string,
  ledger: Ledger,
): Promise<Result<LoadedScenario, ScenarioIssue[]>> {
  const name = displayName(file);
  let text: string;
  try {
    const info = await stat(file);
    if (info.size > MAX_SCENARIO_BYTES) return fileIssue(name, tooBig(info.size)); // do not even read it
    text = await readFile(file, 'utf8');
  } catch (e) {
    return fileIssue(name, readProblem(e));
  }
  return loadScenario(text, name, ledger);
}

/** The same, synchronously (for CLI tools). */
export function loadScenarioFileSync(
  file: string,
  ledger: Ledger,
): Result<LoadedScenario, ScenarioIssue[]> {
  const name = displayName(file);
  let text: string;
  try {
    const info = statSync(file);
    if (info.size > MAX_SCENARIO_BYTES) return fileIssue(name, tooBig(info.size));
    text = readFileSync(file, 'utf8');
  } catch (e) {
    return fileIssue(name, readProblem(e));
  }
  return loadScenario(text, name, ledger);
}

/** The text of scenarios/schema.json: the JSON Schema, two-space indented, ending in a newline. */
export function schemaFileText(): string {
  return `${JSON.stringify(scenarioJsonSchema(), null, 2)}\n`;
}

/** Write scenarios/schema.json (or `file`). */
export function writeSchemaFile(file: string = SCHEMA_PATH): string {
  writeFileSync(file, schemaFileText());
  return file;
}
