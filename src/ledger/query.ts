/** Look-ups on a validated ledger. Pure. */
import type { Figure, Ledger, LedgerDocument, RangeChoice } from './schema';

// Ledgers are static data: index each one once (by identity) so look-ups are O(1).
const figureIndexes = new WeakMap<Ledger, Map<string, Figure>>();

function figureIndex(ledger: Ledger): Map<string, Figure> {
  let index = figureIndexes.get(ledger);
  if (index === undefined) {
    index = new Map();
    for (const fig of ledger.figures) if (!index.has(fig.id)) index.set(fig.id, fig);
    figureIndexes.set(ledger, index);
  }
  return index;
}

/** The figure with this id, or undefined. */
export function findFigure(ledger: Ledger, id: string): Figure | undefined {
  return figureIndex(ledger).get(id);
}

/** The document with this id, or undefined. */
export function findDocument(ledger: Ledger, id: string): LedgerDocument | undefined {
  return ledger.documents.find((d) => d.id === id);
}

/** Every figure id, in ledger order. */
export function figureIds(ledger: Ledger): string[] {
  return ledger.figures.map((f) => f.id);
}

/**
 * The figure's low/central/high; a single `value` gives the same number for all three.
 * Undefined for a figure without a number.
 */
export function figureRange(
  figure: Figure,
): { low: number; central: number; high: number } | undefined {
  if (figure.value !== undefined) {
    return { low: figure.value, central: figure.value, high: figure.value };
  }
  if (figure.low !== undefined && figure.central !== undefined && figure.high !== undefined) {
    return { low: figure.low, central: figure.central, high: figure.high };
  }
  return undefined;
}

/**
 * The number a scenario gets for figure `id` under `choice`: a range gives its low, central or
 * high; a single `value` gives that value whatever the choice. Undefined when the id is unknown
 * or the figure has no number.
 */
export function figureValue(ledger: Ledger, id: string, choice: RangeChoice): number | undefined {
  const figure = findFigure(ledger, id);
  return figure === undefined ? undefined : figureRange(figure)?.[choice];
}
