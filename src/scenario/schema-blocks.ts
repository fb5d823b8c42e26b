/**
 * The building blocks of the scenario schema (src/scenario/schema.ts): text, months, ids, bounded
 * numbers, items and the quantities a number may be written as (a bare number, a ledger figure or
 * the author's own sourced value).
 */
import { z } from 'zod';

import type { Item } from '../engine/types';
import {
  CAPITALS,
  INFORMATION_POLICIES,
  ITEMS,
  KEBAB_PATTERN,
  MONTH_PATTERN,
  POSTURES,
  STANCES,
} from './vocab';
import { describeValue } from './words';

// ---------------------------------------------------------------------------------------------
// Building blocks
// ---------------------------------------------------------------------------------------------

export const text = (description: string) =>
  z.string().trim().min(1, { error: 'must not be empty' }).describe(description);

export const month = (description: string) =>
  z
    .string()
    .regex(MONTH_PATTERN, {
      error: (iss) =>
        `expected a month written as "YYYY-MM" (e.g. "2024-10"), got ${describeValue(iss.input)}`,
    })
    .describe(description);

export const kebabId = (description: string) =>
  z
    .string()
    .regex(KEBAB_PATTERN, {
      error: (iss) =>
        `expected an id of lowercase letters and digits joined by "-" (e.g. "kursk-north"), got ${describeValue(iss.input)}`,
    })
    .describe(description);

/**
 * The largest size of any number in a scenario: a billion, some 75,000 times the largest figure
 * the model uses. Every number is finite and within it, so the engine's sums and products stay
 * finite and its counts stay exact integers (values past 2^53 are refused, not rounded).
 */
export const MAX_MAGNITUDE = 1_000_000_000;
export const tooLarge = `at most ${MAX_MAGNITUDE.toLocaleString('en-GB')} in size`;
/** Any number the model can hold. */
export const num = () =>
  z
    .number()
    .min(-MAX_MAGNITUDE, { error: `expected a number ${tooLarge}` })
    .max(MAX_MAGNITUDE, { error: `expected a number ${tooLarge}` });
/** Any whole number the model can hold. */
export const int = () =>
  z
    .int()
    .min(-MAX_MAGNITUDE, { error: `expected a whole number ${tooLarge}` })
    .max(MAX_MAGNITUDE, { error: `expected a whole number ${tooLarge}` });

/** A fraction between 0 and 1. */
export const share = (description: string) => num().min(0).max(1).describe(description);
/** A number that is not negative. */
export const nonNegative = (description: string) => num().min(0).describe(description);
/** Points on a 0-100 scale. */
export const points = (description: string) => num().min(0).max(100).describe(description);
export const wholeAtLeast = (min: number, description: string) =>
  int().min(min).describe(description);

export const CapitalSchema = z
  .enum(CAPITALS)
  .describe('One of the three capitals: "pyongyang", "moscow" or "kyiv".');
export const ItemSchema = z
  .enum(ITEMS)
  .describe(
    'A resource a capital can hold: troops, ammunition, oil, food, currency, workers, unCover, drones, droneOperators, evidence, or a technology track tech.missile, tech.drone, tech.airDefence, tech.nuclear, tech.cyber.',
  );
export const InformationSchema = z
  .enum(INFORMATION_POLICIES)
  .describe(
    'What Pyongyang tells its soldiers: "deceive" (they believe they fight Americans) or "truth".',
  );
export const StanceSchema = z
  .enum(STANCES)
  .describe(
    'Moscow\'s public stance on the North Korean troops: "deny", "conflicting" or "confirm".',
  );
export const PostureSchema = z
  .enum(POSTURES)
  .describe('Kyiv\'s posture in the Kursk salient: "hold" it as leverage or "withdraw".');

// ---------------------------------------------------------------------------------------------
// Quantities: a number, a ledger figure, or the instructor's own sourced value
// ---------------------------------------------------------------------------------------------

export const FigureRefSchema = z
  .strictObject({
    figure: z
      .string()
      .min(1, { error: 'must not be empty' })
      .describe(
        'Id of a quantity figure in the figures ledger (seeds/figures.yaml), e.g. "nk-troops-total". The game uses the figure\'s low, central or high value, as chosen when the game starts.',
      ),
    scale: z
      .number()
      .optional()
      .describe(
        'Multiplier applied to the figure (default 1), e.g. 0.5 for half of it or 0.001 to turn soldiers into thousands.',
      ),
    round: z
      .boolean()
      .optional()
      .describe(
        'Round the result to a whole number. Counts (stocks, troops, drones) are rounded unless this is false; other amounts only when this is true.',
      ),
  })
  .meta({
    id: 'FigureRef',
    description:
      'A number taken from the figures ledger: {figure: "<id>", scale?: number, round?: boolean}.',
  });

export const OwnValueSchema = z
  .strictObject({
    value: num().describe('The number, in the unit of the field it is given for.'),
    source: text(
      'Where the number comes from (publication, page, or "own assumption: why"); shown on the number\'s source card.',
    ),
  })
  .meta({
    id: 'OwnValue',
    description:
      'The instructor\'s own number with its own source: {value: number, source: "..."}.',
  });

/** Any reported amount: a number, a ledger figure or an own sourced value. */
export const QuantitySchema = z
  .union([
    num().describe('A plain number, in the unit of the field.'),
    FigureRefSchema,
    OwnValueSchema,
  ])
  .meta({
    id: 'Quantity',
    description:
      'A number, written plainly (1500), as a ledger figure ({figure: "nk-troops-total"}) or as your own sourced value ({value: 1500, source: "..."}).',
  });

/** A count (people, containers, drones): a whole number that is not negative, or a figure. */
export const CountSchema = z
  .union([int().min(0).describe('A whole number, 0 or more.'), FigureRefSchema, OwnValueSchema])
  .meta({
    id: 'Count',
    description:
      'A count (soldiers, containers, drones...): a whole number (1500), a ledger figure ({figure: "nk-troops-first-contingent"}, rounded) or your own sourced value ({value: 1500, source: "..."}).',
  });

/** A change to a count, which may be negative. */
export const CountChangeSchema = z
  .union([
    int().describe('A whole number; negative to take away.'),
    FigureRefSchema,
    OwnValueSchema,
  ])
  .meta({
    id: 'CountChange',
    description:
      'A change to a count: a whole number (negative takes away), a ledger figure (rounded) or your own sourced value.',
  });

export type Quantity = z.output<typeof QuantitySchema>;
export type FigureRef = z.output<typeof FigureRefSchema>;
export type OwnValue = z.output<typeof OwnValueSchema>;

export const ITEM_DESCRIPTIONS: Record<Item, string> = {
  troops: 'soldiers',
  ammunition: 'containers of ammunition (the unit the sources use)',
  oil: 'oil, in the unit the scenario states (e.g. thousand tonnes)',
  food: 'food, in the unit the scenario states (e.g. thousand tonnes)',
  currency: 'hard currency, in the unit the scenario states (e.g. million US dollars)',
  workers: 'workers sent abroad',
  unCover: 'interventions at the UN Security Council',
  drones: 'drones (or drone teams)',
  droneOperators: 'experienced drone operators (or teams)',
  evidence: 'pieces of evidence that can be released (videos, documents)',
  prisoners: 'North Korean soldiers held prisoner by Kyiv',
  pows: 'Ukrainian soldiers held prisoner by Moscow',
  ground: "points of the Kursk salient Kyiv holds (1 = 1% of it); Kyiv's stock follows the map",
  pause: 'months of pause in the Russian offensive on the Kursk front',
  'tech.missile': 'missile-technology transfer packages',
  'tech.drone': 'drone-technology transfer packages',
  'tech.airDefence': 'air-defence-technology transfer packages',
  'tech.nuclear': 'nuclear-technology transfer packages',
  'tech.cyber': 'cyber-technology transfer packages',
};

export function bundleOf<S extends z.ZodType>(quantity: S, what: string) {
  const shape = {} as Record<Item, z.ZodOptional<S>>;
  for (const item of ITEMS) {
    shape[item] = quantity
      .optional()
      .describe(`${item}: ${what}, in ${ITEM_DESCRIPTIONS[item]}.`) as z.ZodOptional<S>;
  }
  return z.strictObject(shape);
}

/** Amounts by item; missing items are 0. */
export const StockBundleSchema = bundleOf(CountSchema, 'how many').describe(
  'Amounts by item (missing items are 0).',
);
export const IncomeBundleSchema = bundleOf(QuantitySchema, 'amount added each turn').describe(
  'Amounts added each turn, by item (missing items are 0; fractions are rounded at random each turn).',
);
