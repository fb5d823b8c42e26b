/**
 * The figures ledger (`seeds/figures.yaml`): one zod schema is the single source of the
 * TypeScript types, the runtime validation and (via `z.toJSONSchema(LedgerSchema)`) the JSON
 * Schema. Every field carries a description so an editor can show it on hover.
 *
 * The schema checks shape only. Cross-field meaning (unique ids, known documents, references in
 * range, ordered ranges...) is checked by `parseLedger` in `load.ts`.
 */
import { z } from 'zod';

const ID_PATTERN = /^[a-z0-9]+(?:-[a-z0-9]+)*$/;
/** YYYY, YYYY-MM or YYYY-MM-DD (month 01-12, day 01-31). */
const DATE_PATTERN = /^\d{4}(?:-(?:0[1-9]|1[0-2])(?:-(?:0[1-9]|[12]\d|3[01]))?)?$/;
/** A plain file name inside seeds/: no folders, not hidden. */
const FILE_PATTERN = /^[A-Za-z0-9_][A-Za-z0-9._-]*$/;

export const IdSchema = z
  .string()
  .regex(ID_PATTERN, {
    error: 'expected an id of lowercase letters and digits joined by "-", e.g. "nk-troops-total"',
  })
  .describe('A stable identifier: lowercase letters and digits joined by "-".');

export const LedgerDateSchema = z
  .string()
  .regex(DATE_PATTERN, { error: 'expected a date as "YYYY", "YYYY-MM" or "YYYY-MM-DD"' })
  .describe('A date as precise as the source allows: "YYYY", "YYYY-MM" or "YYYY-MM-DD".');

const Text = z.string().trim().min(1, { error: 'expected some text, got an empty string' });

export const ReferenceSchema = z
  .object({
    n: z
      .int()
      .positive()
      .describe('The reference number as printed in the document, e.g. 3 for "[3]".'),
    supports: Text.describe(
      'What the document cites this reference for, in our own words (the reference list itself is not part of the document).',
    ),
  })
  .strict()
  .describe('One numbered reference of a source document.');

export const DocumentSchema = z
  .object({
    id: IdSchema.describe('Identifier figures use to cite this document, e.g. "doc-pawns".'),
    file: z
      .string()
      .regex(FILE_PATTERN, { error: 'expected a plain file name inside seeds/, e.g. "000_x.txt"' })
      .describe('File name of the verbatim copy of the document in seeds/.'),
    title: Text.describe('The headline exactly as published.'),
    kind: Text.describe(
      'What kind of text it is, e.g. "opinion/analysis article", "news feature".',
    ),
    published: LedgerDateSchema.describe(
      'What we know of the publication date ("YYYY", "YYYY-MM" or "YYYY-MM-DD"); explain in notes how it was inferred.',
    ),
    summary: Text.describe('What the document says, in our own words, in one or two sentences.'),
    notes: Text.optional().describe(
      'Optional: how the date was inferred, caveats about the document.',
    ),
    references: z
      .array(ReferenceSchema)
      .describe(
        'The numbered references [1]..[n] the document cites, in order; empty if it has none.',
      ),
  })
  .strict()
  .describe('A source document the ledger records.');

export const FIGURE_KINDS = ['quantity', 'date', 'event', 'qualitative'] as const;
export const BOUNDS = ['atLeast', 'atMost', 'about', 'exact'] as const;
export const UNITS = ['soldiers', 'containers', 'workers', 'deaths', 'prisoners'] as const;
export const STATUSES = [
  'confirmed',
  'estimated',
  'disputed',
  'unverified',
  'reported',
  'assessment',
] as const;

const FigureNumber = z.number();

export const SourceRefSchema = z
  .object({
    document: IdSchema.describe('Id of the document (under `documents`) the figure comes from.'),
    ref: z
      .int()
      .positive()
      .nullable()
      .describe(
        'The numbered reference in that document the figure is cited to, or null where the document gives none.',
      ),
  })
  .strict()
  .describe('Where a figure comes from.');

export const FigureSchema = z
  .object({
    id: IdSchema.describe(
      'Identifier scenarios, events and the engine use to cite this figure, e.g. "nk-troops-total".',
    ),
    claim: Text.describe('The claim in one sentence, in our own words.'),
    kind: z
      .enum(FIGURE_KINDS)
      .describe(
        'quantity: a number; date: when something began or happened; event: something that happened; qualitative: a statement without a number.',
      ),
    value: FigureNumber.optional().describe(
      'The number, for a single-valued figure. Use either value or low/central/high.',
    ),
    low: FigureNumber.optional().describe('Lowest value of the range (low <= central <= high).'),
    central: FigureNumber.optional().describe(
      'Central value of the range; explain in notes if it is our own midpoint.',
    ),
    high: FigureNumber.optional().describe('Highest value of the range.'),
    bound: z
      .enum(BOUNDS)
      .optional()
      .describe(
        'How the source phrases the number: atLeast ("over 13,000"), atMost ("up to 10,000"), about ("about 1,500"), exact ("two").',
      ),
    unit: z.enum(UNITS).optional().describe('What the number counts.'),
    date: LedgerDateSchema.optional().describe(
      'When the claim refers to ("YYYY", "YYYY-MM" or "YYYY-MM-DD"); required for date and event figures.',
    ),
    claimedBy: Text.describe(
      'Who makes the claim, e.g. "South Korean intelligence", "Ukrainian forces", "Zelensky".',
    ),
    status: z
      .enum(STATUSES)
      .describe(
        "confirmed: acknowledged or attested beyond doubt; estimated: an estimate or projection; disputed: denied by a party; unverified: the source says it is not independently verified; reported: stated by a named party, not verified further; assessment: an author's analysis or judgement, not a reported fact.",
      ),
    sources: z
      .array(SourceRefSchema)
      .min(1, { error: 'expected at least one source' })
      .describe('The documents (and numbered references) the figure comes from.'),
    notes: Text.optional().describe(
      'Optional: why this range or date, what is uncertain, how the figure was derived.',
    ),
  })
  .strict()
  .describe('One figure: a number, date, event or statement taken from the source documents.');

export const LedgerSchema = z
  .object({
    formatVersion: z.literal(1).describe('Version of the ledger format; currently 1.'),
    documents: z
      .array(DocumentSchema)
      .min(1, { error: 'expected at least one document' })
      .describe('The source documents.'),
    figures: z.array(FigureSchema).describe('The figures taken from the documents.'),
  })
  .strict()
  .describe('Three Capitals figures ledger: our structured record of the source documents.');

export type Ledger = z.infer<typeof LedgerSchema>;
export type LedgerDocument = z.infer<typeof DocumentSchema>;
export type LedgerReference = z.infer<typeof ReferenceSchema>;
export type Figure = z.infer<typeof FigureSchema>;
export type FigureSource = z.infer<typeof SourceRefSchema>;
export type FigureKind = (typeof FIGURE_KINDS)[number];
export type FigureBound = (typeof BOUNDS)[number];
export type FigureUnit = (typeof UNITS)[number];
export type FigureStatus = (typeof STATUSES)[number];
export type RangeChoice = 'low' | 'central' | 'high';
