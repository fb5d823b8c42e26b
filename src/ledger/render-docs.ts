/**
 * Prints docs/figures.md, generated from seeds/figures.yaml so the page never drifts:
 *
 *   npx tsx src/ledger/render-docs.ts > docs/figures.md
 *
 * The output is run through Prettier with the repository's config, so `npm run format` leaves the
 * committed page unchanged (tests/ledger/docs.test.ts checks that it matches).
 */
import path from 'node:path';
import { fileURLToPath } from 'node:url';

import { format, resolveConfig } from 'prettier';

import { formatLedgerError } from './load';
import { DEFAULT_LEDGER_PATH, loadLedgerFileSync } from './node';
import { renderFiguresDoc } from './render';

/** Where the generated page lives. */
export const FIGURES_DOC_PATH = fileURLToPath(new URL('../../docs/figures.md', import.meta.url));

/** Render a Markdown page and format it as Prettier would format docs/figures.md. */
export async function formatFiguresDoc(markdown: string): Promise<string> {
  const config = (await resolveConfig(FIGURES_DOC_PATH)) ?? {};
  return format(markdown, { ...config, filepath: FIGURES_DOC_PATH });
}

/** The page for the ledger at `ledgerPath`, or the ledger's errors. */
export async function renderDocsFile(
  ledgerPath: string = DEFAULT_LEDGER_PATH,
): Promise<{ ok: true; text: string } | { ok: false; errors: string[] }> {
  const loaded = loadLedgerFileSync(ledgerPath);
  if (!loaded.ok) return { ok: false, errors: loaded.errors.map(formatLedgerError) };
  return { ok: true, text: await formatFiguresDoc(renderFiguresDoc(loaded.value)) };
}

async function main(): Promise<void> {
  const result = await renderDocsFile();
  if (!result.ok) {
    process.stderr.write(`${result.errors.join('\n')}\n`);
    process.exitCode = 1;
    return;
  }
  process.stdout.write(result.text);
}

const invokedDirectly =
  process.argv[1] !== undefined && path.resolve(process.argv[1]) === fileURLToPath(import.meta.url);
if (invokedDirectly) void main();
