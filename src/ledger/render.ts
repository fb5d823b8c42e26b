/**
 * The ledger as a human-readable Markdown page (docs/figures.md). Pure: `render-docs.ts` reads
 * the file, renders, formats and prints.
 */
import type { z } from 'zod';

import { figureRange } from './query';
import {
  DocumentSchema,
  FigureSchema,
  ReferenceSchema,
  SourceRefSchema,
  type Figure,
  type FigureSource,
  type Ledger,
} from './schema';

/** 13000 -> "13,000" (locale-independent, so the page is identical on every machine). */
export function formatNumber(n: number): string {
  const [int = '', frac] = String(Math.abs(n)).split('.');
  const grouped = int.replace(/\B(?=(\d{3})+(?!\d))/g, ',');
  return `${n < 0 ? '-' : ''}${grouped}${frac === undefined ? '' : `.${frac}`}`;
}

const BOUND_WORDS = { atLeast: 'at least ', atMost: 'up to ', about: 'about ', exact: '' } as const;

/** "at least 13,000 containers", "about 10,000-12,000 soldiers (central 11,000)", or "". */
export function formatFigureValue(figure: Figure): string {
  const range = figureRange(figure);
  if (range === undefined) return '';
  const bound = figure.bound === undefined ? '' : BOUND_WORDS[figure.bound];
  const unit = figure.unit === undefined ? '' : ` ${figure.unit}`;
  if (figure.value !== undefined) return `${bound}${formatNumber(figure.value)}${unit}`;
  return `${bound}${formatNumber(range.low)}–${formatNumber(range.high)}${unit} (central ${formatNumber(range.central)})`;
}

/** "doc-pawns [3]; doc-uniform-video". */
export function formatSources(sources: readonly FigureSource[]): string {
  return sources.map((s) => (s.ref === null ? s.document : `${s.document} [${s.ref}]`)).join('; ');
}

/** Text safe inside a Markdown table cell. */
function cell(text: string): string {
  return text.replace(/\\/g, '\\\\').replace(/\|/g, '\\|').replace(/\r?\n/g, ' ');
}

function row(cells: readonly string[]): string {
  return `| ${cells.map(cell).join(' | ')} |`;
}

function table(header: readonly string[], rows: readonly (readonly string[])[]): string[] {
  return [row(header), row(header.map(() => '---')), ...rows.map(row)];
}

function fieldRows(shape: Record<string, z.ZodType>): string[][] {
  return Object.entries(shape).map(([name, schema]) => [
    `\`${name}\``,
    schema.safeParse(undefined).success ? 'no' : 'yes',
    schema.description ?? '',
  ]);
}

/** Render the whole page. `ledgerPath` is only used in the text. */
export function renderFiguresDoc(ledger: Ledger, ledgerPath = 'seeds/figures.yaml'): string {
  const out: string[] = [];
  const push = (...lines: string[]) => out.push(...lines);

  push(
    '<!-- Generated from seeds/figures.yaml by src/ledger/render-docs.ts; do not edit by hand.',
    '     Regenerate: npx tsx src/ledger/render-docs.ts > docs/figures.md -->',
    '',
    '# Figures ledger',
    '',
    `\`${ledgerPath}\` is our own structured record of the source documents the game is built on.`,
    'Every number the model starts from is a figure in the ledger, with who claims it, how sure it',
    'is and which document (and numbered reference) it comes from. Claims and notes are written in',
    'our own words; only titles and a few two- or three-word quotes are taken from the sources. The',
    "game's source card for any number reads from the ledger, and scenarios cite figures by id.",
    '',
    'The ledger is validated by `src/ledger` (`parseLedger`): the schema first, then meaning checks',
    '(unique ids, known documents, references in range, ordered ranges, numbers with a unit and a',
    'bound). A range gives low, central and high; a scenario chooses which one the game starts from.',
    '',
    `Documents: ${ledger.documents.length}. Figures: ${ledger.figures.length}.`,
    '',
    '## Fields',
    '',
    '### Document',
    '',
    ...table(['field', 'required', 'meaning'], fieldRows(DocumentSchema.shape)),
    '',
    'Each reference:',
    '',
    ...table(['field', 'required', 'meaning'], fieldRows(ReferenceSchema.shape)),
    '',
    '### Figure',
    '',
    ...table(['field', 'required', 'meaning'], fieldRows(FigureSchema.shape)),
    '',
    'Each source:',
    '',
    ...table(['field', 'required', 'meaning'], fieldRows(SourceRefSchema.shape)),
    '',
    '## Documents',
    '',
  );

  for (const doc of ledger.documents) {
    push(
      `### \`${doc.id}\`: ${doc.title}`,
      '',
      `- File: \`seeds/${doc.file}\``,
      `- Kind: ${doc.kind}`,
      `- Published: ${doc.published}`,
      `- Summary: ${doc.summary}`,
    );
    if (doc.notes !== undefined) push(`- Notes: ${doc.notes}`);
    push('');
    if (doc.references.length === 0) {
      push('No numbered references.', '');
    } else {
      push(
        ...table(
          ['ref', 'cited for'],
          doc.references.map((r) => [`[${r.n}]`, r.supports]),
        ),
        '',
      );
    }
  }

  push(
    '## Figures',
    '',
    ...table(
      ['id', 'value', 'date', 'claimed by', 'status', 'sources'],
      ledger.figures.map((f) => [
        `\`${f.id}\``,
        formatFigureValue(f) || '—',
        f.date ?? '—',
        f.claimedBy,
        f.status,
        formatSources(f.sources),
      ]),
    ),
    '',
    '## Claims',
    '',
  );
  for (const f of ledger.figures) {
    push(`- \`${f.id}\` (${f.kind}): ${f.claim}`);
    if (f.notes !== undefined) push(`  Notes: ${f.notes}`);
  }
  push('');

  return out.join('\n');
}
