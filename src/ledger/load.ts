/**
 * Text of `seeds/figures.yaml` -> a validated `Ledger`, or every problem at once as
 * `figures.yaml:LINE:COL path: message`. Pure (no file access): Node callers use `node.ts`, the
 * browser imports the text with Vite's `?raw`.
 */
import { err, ok, type Result } from './result';
import { LedgerSchema, type Figure, type Ledger } from './schema';
import { unknownIdMessage } from './suggest';
import {
  formatSourceError,
  issuesToErrors,
  parseYamlSource,
  sortErrors,
  type DataPath,
  type SourceError,
  type YamlSource,
} from './yaml-source';

/** One problem in the ledger file, positioned at 1-based line and column. */
export type LedgerError = SourceError;

/** `figures.yaml:12:7 figures[3].low: message`. */
export const formatLedgerError: (e: LedgerError) => string = formatSourceError;

/** The ledger's conventional file name (for messages when the text came from elsewhere). */
export const LEDGER_FILE_NAME = 'figures.yaml';

/**
 * Parse and validate the ledger. Never throws for bad input: YAML syntax errors, schema errors
 * and meaning errors (duplicate ids, unknown documents, references out of range, unordered
 * ranges, quantities without numbers...) all come back as `{ ok: false, errors }`, sorted by
 * position. Meaning checks run only once the shape is valid.
 */
export function parseLedger(text: string, fileName: string): Result<Ledger, LedgerError[]> {
  const parsed = parseYamlSource(text, fileName);
  if (!parsed.ok) return parsed;
  const source = parsed.value;

  if (source.data == null) {
    return err([source.errorAt([], 'the file is empty: expected a ledger with formatVersion: 1')]);
  }

  const checked = LedgerSchema.safeParse(source.data, { reportInput: true });
  if (!checked.success) return err(sortErrors(issuesToErrors(checked.error.issues, source)));

  const errors = checkMeaning(checked.data, source);
  return errors.length > 0 ? err(sortErrors(errors)) : ok(checked.data);
}

const RANGE_KEYS = ['low', 'central', 'high'] as const;

function checkMeaning(ledger: Ledger, source: YamlSource): LedgerError[] {
  const errors: LedgerError[] = [];
  const at = (path: DataPath, message: string) => errors.push(source.errorAt(path, message));
  const lineOf = (path: DataPath) => source.locate(path).line;

  // Documents: unique ids and files, references numbered 1..n in order.
  const documents = new Map<string, { index: number; referenceNumbers: Set<number> }>();
  const files = new Map<string, number>();
  ledger.documents.forEach((doc, i) => {
    const first = documents.get(doc.id);
    if (first !== undefined) {
      at(
        ['documents', i, 'id'],
        `duplicate document id ${JSON.stringify(doc.id)} (first defined at line ${lineOf(['documents', first.index, 'id'])})`,
      );
    } else {
      documents.set(doc.id, {
        index: i,
        referenceNumbers: new Set(doc.references.map((r) => r.n)),
      });
    }
    const firstFile = files.get(doc.file);
    if (firstFile !== undefined) {
      at(
        ['documents', i, 'file'],
        `file ${JSON.stringify(doc.file)} is already recorded as document ${JSON.stringify(ledger.documents[firstFile]!.id)}`,
      );
    } else {
      files.set(doc.file, i);
    }
    doc.references.forEach((ref, j) => {
      if (ref.n !== j + 1) {
        at(
          ['documents', i, 'references', j, 'n'],
          `expected reference number ${j + 1} (references are listed in order from 1), got ${ref.n}`,
        );
      }
    });
  });

  // Figures.
  const figureIndex = new Map<string, number>();
  ledger.figures.forEach((fig, i) => {
    const base: DataPath = ['figures', i];
    const first = figureIndex.get(fig.id);
    if (first !== undefined) {
      at(
        [...base, 'id'],
        `duplicate figure id ${JSON.stringify(fig.id)} (first defined at line ${lineOf(['figures', first, 'id'])})`,
      );
    } else {
      figureIndex.set(fig.id, i);
    }

    const seenSources = new Set<string>();
    fig.sources.forEach((src, j) => {
      const srcPath: DataPath = [...base, 'sources', j];
      const doc = documents.get(src.document);
      if (doc === undefined) {
        at([...srcPath, 'document'], unknownIdMessage('document', src.document, documents.keys()));
        return;
      }
      const key = `${src.document}#${String(src.ref)}`;
      if (seenSources.has(key)) {
        at(
          srcPath,
          `duplicate source: ${src.document} ${src.ref === null ? '(no reference)' : `[${src.ref}]`} is listed twice`,
        );
      }
      seenSources.add(key);
      if (src.ref !== null && !doc.referenceNumbers.has(src.ref)) {
        const count = doc.referenceNumbers.size;
        at(
          [...srcPath, 'ref'],
          count === 0
            ? `${src.document} has no numbered references; use ref: null`
            : `reference [${src.ref}] is not in ${src.document}, which has references [1] to [${count}]`,
        );
      }
    });

    checkNumbers(fig, base, at);
  });

  return errors;
}

function checkNumbers(
  fig: Figure,
  base: DataPath,
  at: (path: DataPath, message: string) => void,
): void {
  const hasValue = fig.value !== undefined;
  const present = RANGE_KEYS.filter((k) => fig[k] !== undefined);
  const anyRange = present.length > 0;
  const hasNumber = hasValue || anyRange;

  if (hasValue && anyRange) {
    at([...base, 'value'], 'give either value or low/central/high, not both');
  }
  if (anyRange && present.length < RANGE_KEYS.length) {
    const missing = RANGE_KEYS.filter((k) => fig[k] === undefined);
    at(base, `a range needs low, central and high (missing: ${missing.join(', ')})`);
  }
  if (fig.low !== undefined && fig.central !== undefined && fig.high !== undefined) {
    if (!(fig.low <= fig.central && fig.central <= fig.high)) {
      at(
        [...base, 'low'],
        `range out of order: low ${fig.low}, central ${fig.central}, high ${fig.high} (expected low <= central <= high)`,
      );
    }
  }

  switch (fig.kind) {
    case 'quantity':
      if (!hasNumber) at(base, 'a quantity needs a value or a low/central/high range');
      break;
    case 'qualitative':
      if (hasNumber) {
        at(
          [...base, hasValue ? 'value' : present[0]!],
          'a qualitative figure has no value; use kind "quantity" or remove the number',
        );
      }
      break;
    case 'date':
    case 'event':
      if (fig.date === undefined) at(base, `a ${fig.kind} figure needs a date`);
      break;
  }

  if (hasNumber) {
    if (fig.unit === undefined) at(base, 'a figure with a value needs a unit');
    if (fig.bound === undefined) {
      at(base, 'a figure with a value needs a bound (atLeast, atMost, about or exact)');
    }
  } else {
    if (fig.unit !== undefined) at([...base, 'unit'], 'unit applies only to a figure with a value');
    if (fig.bound !== undefined) {
      at([...base, 'bound'], 'bound applies only to a figure with a value');
    }
  }
}
