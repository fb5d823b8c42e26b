/**
 * Node-only conveniences for the ledger (CLI, tests, server). The pure modules never read files;
 * the browser imports the YAML text with Vite's `?raw` and calls `parseLedger`.
 */
import { readFileSync } from 'node:fs';
import { readFile } from 'node:fs/promises';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

import { parseLedger, type LedgerError } from './load';
import { err, type Result } from './result';
import type { Ledger } from './schema';

/** Absolute path of the repository's seeds/ folder. */
export const SEEDS_DIR = fileURLToPath(new URL('../../seeds/', import.meta.url));

/** Absolute path of seeds/figures.yaml. */
export const DEFAULT_LEDGER_PATH = path.join(SEEDS_DIR, 'figures.yaml');

/** How a file is named in messages: relative to the working directory when inside it. */
function displayName(file: string): string {
  const rel = path.relative(process.cwd(), path.resolve(file));
  return rel !== '' && !rel.startsWith('..') && !path.isAbsolute(rel) ? rel : file;
}

function readError(file: string, e: unknown): Result<Ledger, LedgerError[]> {
  const code = (e as { code?: unknown }).code;
  const reason = typeof code === 'string' ? code : e instanceof Error ? e.message : String(e);
  return err([{ file, line: 1, col: 1, path: '', message: `cannot read the file (${reason})` }]);
}

/** Read and validate a ledger file (default: seeds/figures.yaml). Never throws for bad input. */
export async function loadLedgerFile(
  file: string = DEFAULT_LEDGER_PATH,
): Promise<Result<Ledger, LedgerError[]>> {
  const name = displayName(file);
  let text: string;
  try {
    text = await readFile(file, 'utf8');
  } catch (e) {
    return readError(name, e);
  }
  return parseLedger(text, name);
}

/** Synchronous `loadLedgerFile`, for scripts and test set-up. */
export function loadLedgerFileSync(
  file: string = DEFAULT_LEDGER_PATH,
): Result<Ledger, LedgerError[]> {
  const name = displayName(file);
  let text: string;
  try {
    text = readFileSync(file, 'utf8');
  } catch (e) {
    return readError(name, e);
  }
  return parseLedger(text, name);
}
