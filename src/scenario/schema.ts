/**
 * The scenario FILE format: one zod 4 schema is the single source of the TypeScript types
 * (`ScenarioFile` = what an instructor writes, `Scenario` = after defaults), the runtime
 * validation (src/scenario/load.ts) and the published JSON Schema (`scenarios/schema.json`,
 * written by src/scenario/write-schema.ts with `scenarioJsonSchema()`).
 *
 * Every field has a description: an instructor's editor shows it on hover. Every object is
 * strict: an unknown key (usually a typo) is an error, never silently ignored.
 *
 * It mirrors `Rules` in src/engine/types.ts (same field names). The differences are for
 * authoring: metadata (title, objectives, debrief questions), a calendar written as months,
 * partial stocks, and Quantities: any number the sources report may be written as a reference
 * to a figure of the ledger (seeds/figures.yaml) instead of a bare number. src/scenario/resolve.ts
 * turns a Scenario into Rules.
 */
import { z } from 'zod';

import type { Capital, Item, LeverKey } from '../engine/types';
import { ADJUST_TARGETS, COMPARISONS, ITEMS, LEVER_KEYS, LEVER_NAMES } from './vocab';
import { describeValue } from './words';

import {
  CapitalSchema,
  CountChangeSchema,
  CountSchema,
  ITEM_DESCRIPTIONS,
  IncomeBundleSchema,
  InformationSchema,
  ItemSchema,
  PostureSchema,
  type Quantity,
  QuantitySchema,
  StanceSchema,
  StockBundleSchema,
  kebabId,
  month,
  nonNegative,
  num,
  points,
  share,
  text,
  wholeAtLeast,
} from './schema-blocks';

// The building blocks are public as before: callers keep importing them from here.
export {
  MAX_MAGNITUDE,
  CapitalSchema,
  ItemSchema,
  FigureRefSchema,
  OwnValueSchema,
  QuantitySchema,
  CountSchema,
  CountChangeSchema,
  StockBundleSchema,
  IncomeBundleSchema,
} from './schema-blocks';
export type { Quantity, FigureRef, OwnValue } from './schema-blocks';

export const FORMAT_VERSION = 1;

// ---------------------------------------------------------------------------------------------
// Capitals, calendar, sectors
// ---------------------------------------------------------------------------------------------

export const CalendarSchema = z
  .strictObject({
    start: month('Month of the first turn, "YYYY-MM" (the historical scenario starts "2024-10").'),
    turnMonths: z
      .int()
      .min(1)
      .max(12)
      .describe('Months per turn, 1-12 (the historical scenario uses 1).'),
    turns: z
      .int()
      .min(1)
      .max(120)
      .describe('Number of turns in a game, 1-120 (8-12 fit a lesson).'),
  })
  .describe('When the game starts and how long it lasts.');

export const CapitalRulesSchema = z
  .strictObject({
    name: text('Name shown to players, e.g. "Pyongyang".'),
    playable: z
      .boolean()
      .default(true)
      .describe('Whether a student may take this seat (otherwise the computer always plays it).'),
    stocks: StockBundleSchema.default({}).describe(
      'What the capital holds when the game starts, by item; missing items are 0.',
    ),
    income: IncomeBundleSchema.default({}).describe(
      "Added to the stocks every turn (production, foreign aid), by item; Kyiv's is scaled by international support.",
    ),
    levers: z
      .array(z.enum(LEVER_NAMES).describe('A kind of decision.'))
      .describe(
        'Decisions this capital may take in this scenario: trade, training, information, recall, assign, missileUnits, pairing, stance, allocate, posture, targeting, publicise, evidence.',
      ),
  })
  .describe('One capital: its name, starting stocks, income and the decisions open to it.');

export const SectorSchema = z
  .strictObject({
    id: kebabId('Identifier of the sector, e.g. "sudzha"; orders and policies name it.'),
    name: text('Name shown on the map, e.g. "Sudzha".'),
    control: points('Russian control of the sector at the start, 0-100 (0: Ukraine holds it all).'),
    russianTroops: CountSchema.describe('Russian soldiers in the sector at the start.'),
    ukrainianTroops: CountSchema.describe('Ukrainian soldiers in the sector at the start.'),
    ukrainianDrones: CountSchema.describe('Ukrainian drones in the sector at the start.'),
    map: z
      .strictObject({
        x: share('Horizontal position, 0 (west) to 1 (east).'),
        y: share('Vertical position, 0 (north) to 1 (south).'),
      })
      .describe('Where the sector is drawn on the map (0-1 each way); the rules do not use it.'),
  })
  .describe('A named sector of the Kursk front.');

// ---------------------------------------------------------------------------------------------
// Model parameters (plain numbers)
// ---------------------------------------------------------------------------------------------

export const CombatSchema = z
  .strictObject({
    russianQuality: nonNegative('Combat value of one Russian soldier (1 = reference soldier).'),
    ukrainianQuality: nonNegative('Combat value of one Ukrainian soldier.'),
    northKoreanQuality: nonNegative('Combat value of one untrained North Korean soldier.'),
    trainingBonusPerMonth: nonNegative(
      'Extra quality per month of training, as a fraction of the base value (0.1 = +10% a month), up to trainingCapMonths.',
    ),
    trainingCapMonths: wholeAtLeast(
      0,
      'Months of training after which training adds nothing more.',
    ),
    droneValue: nonNegative('Combat value of one Ukrainian drone, in soldiers.'),
    russianLossRate: share(
      'Monthly casualties (killed + wounded) per Russian soldier in an even fight, 0-1.',
    ),
    ukrainianLossRate: share('Monthly casualties per Ukrainian soldier in an even fight, 0-1.'),
    northKoreanLossRate: share(
      'Monthly casualties per North Korean soldier in an even fight, 0-1.',
    ),
    killedShare: z
      .strictObject({
        russian: share('Share of Russian casualties who are killed, 0-1.'),
        ukrainian: share('Share of Ukrainian casualties who are killed, 0-1.'),
        northKorean: share('Share of North Korean casualties who are killed, 0-1.'),
      })
      .describe('Share of casualties that are deaths (the rest are wounded), by force.'),
    droneVulnerability: nonNegative(
      'Extra North Korean losses for units with no drone awareness (1 = double losses).',
    ),
    targetingMultiplier: nonNegative(
      'Multiplier on North Korean losses while Kyiv targets them with drones (1 = no change).',
    ),
    pairingLossMultiplier: nonNegative(
      'Multiplier on North Korean losses while paired with Russian drone operators (below 1 = fewer losses).',
    ),
    operatorsPerPairedSector: wholeAtLeast(0, 'Russian drone operators each paired sector needs.'),
    awarenessGainPerMonth: nonNegative(
      'Drone-awareness points (0-100 scale) gained per month at the front.',
    ),
    awarenessGainPaired: nonNegative('Extra drone-awareness points per month while paired.'),
    captureRate: z
      .strictObject({
        deceive: share(
          'Monthly chance per soldier at the front of being taken alive while deceived, 0-1.',
        ),
        truth: share(
          'Monthly chance per soldier at the front of being taken alive when told the truth, 0-1.',
        ),
      })
      .describe(
        'Monthly chance per North Korean soldier at the front of being taken alive, by information policy (the sources report captures as rare).',
      ),
    controlRate: nonNegative(
      'Control points (0-100 scale) moved per month at a 2:1 force advantage.',
    ),
    withdrawControlPerMonth: nonNegative(
      'Extra control points ceded per month in each sector while Kyiv withdraws.',
    ),
    withdrawShare: share(
      'Share of Ukrainian sector troops pulled back to reserve per month while withdrawing, 0-1.',
    ),
    ammunitionPerThousand: nonNegative(
      'Containers (or equivalent) of ammunition used per 1,000 soldiers per month.',
    ),
    ammunitionFloor: share('Fraction of strength left with no ammunition at all, 0-1.'),
    volatility: share('Random spread of combat outcomes, as a fraction either side (0.2 = ±20%).'),
    woundedReturnShare: share(
      'Share of wounded North Koreans who return to the ready pool the next month, 0-1.',
    ),
    missileUnitValue: nonNegative(
      'Combat value of one soldier in a missile unit (added to the Russian side everywhere).',
    ),
    missileUnitLossFactor: nonNegative(
      'Loss rate of missile units relative to front-line units (0.1 = a tenth).',
    ),
    missileCrewPerTechUnit: z
      .number()
      .int()
      .min(0)
      .default(0)
      .describe(
        'Most soldiers that missile units can use per package of missile technology Moscow holds (tech.missile). 0 means no limit. Crews beyond the limit add nothing.',
      ),
    morale: z
      .strictObject({
        start: points('North Korean morale at the start, 0-100.'),
        deceive: z
          .number()
          .describe('Morale effect of deceiving the soldiers (points, may be negative).'),
        truth: z
          .number()
          .describe('Morale effect of telling the soldiers the truth (points, may be negative).'),
        perCasualtyShare: z
          .number()
          .describe(
            'Morale points lost per unit of monthly casualty share (casualties / soldiers at the front).',
          ),
      })
      .describe('North Korean morale, on a 0-100 scale.'),
    moraleQuality: z
      .strictObject({
        atZero: nonNegative('Quality multiplier at morale 0.'),
        atFull: nonNegative('Quality multiplier at morale 100.'),
      })
      .describe('How morale scales North Korean combat quality (linear between the two).'),
  })
  .describe('Combat model parameters (monthly, by sector).');

export const TradeSchema = z
  .strictObject({
    routes: z
      .array(
        z
          .strictObject({
            from: CapitalSchema.describe('Capital the items leave.'),
            to: CapitalSchema.describe('Capital the items reach (not the same as from).'),
            items: z.array(ItemSchema).describe('Items that may move along this route.'),
          })
          .describe('Which items may move from one capital to another.'),
      )
      .describe('Trade routes; an item with no route between two capitals cannot be traded.'),
    offerExpiryTurns: wholeAtLeast(1, 'An offer not answered within this many turns lapses.'),
    maxDeliveryTurns: wholeAtLeast(1, 'Longest delivery schedule, in turns.'),
    lateChance: share('Chance (0-1) that a scheduled delivery slips a turn.'),
    maxOpenOffers: wholeAtLeast(1, 'Most open offers a capital may have at once.'),
  })
  .describe('Trade rules: routes, offers and deliveries.');

export const LimitsSchema = z
  .strictObject({
    actionsPerTurn: z
      .int()
      .min(20)
      .max(2000)
      .default(300)
      .describe(
        'Most orders all seats together may give in one turn (answers to offers included, ending a turn excepted); 20-2000, default 300.',
      ),
    offersPerTurn: z
      .int()
      .min(1)
      .max(100)
      .default(8)
      .describe(
        'Most offers and counter-offers one capital may make in one turn; 1-100, default 8.',
      ),
  })
  .describe(
    'Bounds on one month, so that a game record stays cheap to replay and check. The defaults suit every built-in scenario.',
  );

const byStance = (what: string) =>
  z
    .strictObject({
      deny: num().describe(`${what} while Moscow denies.`),
      conflicting: num().describe(`${what} while Moscow gives conflicting information.`),
      confirm: num().describe(`${what} once Moscow confirms.`),
    })
    .describe(`${what}, by Moscow's stance.`);

export const PoliticsSchema = z
  .strictObject({
    start: z
      .strictObject({
        scrutiny: points('International scrutiny of Moscow at the start, 0-100.'),
        support: points('International support for Kyiv at the start, 0-100.'),
        regimeControl: points("Pyongyang's regime control at the start, 0-100."),
        dissentRisk: points('Risk of dissent in North Korea at the start, 0-100.'),
      })
      .describe('Political indicators at the start (0-100 each).'),
    scrutinyPerThousandCasualties: byStance('Scrutiny points per 1,000 North Korean casualties'),
    stanceShift: byStance('One-off scrutiny change when Moscow switches to this stance'),
    scrutinyPerNuclearUnit: z
      .number()
      .describe('Scrutiny points per unit of nuclear technology delivered.'),
    evidenceScrutiny: num().describe('Scrutiny points per unit of evidence Kyiv releases.'),
    evidenceSupport: num().describe('Support points per unit of evidence Kyiv releases.'),
    evidenceNarrowing: share(
      'Intelligence uncertainty removed per unit of evidence released (0-1 scale).',
    ),
    publicitySupportPerPrisoner: z
      .number()
      .describe('Support points per publicised prisoner (up to publicityCap prisoners).'),
    publicityScrutinyPerPrisoner: z
      .number()
      .describe('Scrutiny points per publicised prisoner (up to publicityCap prisoners).'),
    publicityCap: wholeAtLeast(0, 'Most prisoners whose publicity still counts.'),
    familiesPerPrisoner: nonNegative(
      "Families put at risk per soldier taken prisoner (the sources report that a captured soldier's family faces execution).",
    ),
    supportPerKurskPoint: z
      .number()
      .describe('Support change per month per point of Kursk held above (or below) 50.'),
    supportDecay: num().describe('Support points lost per month.'),
    scrutinyDecay: num().describe('Scrutiny points lost per month.'),
    dissentPerThousandReturned: z
      .number()
      .describe('Dissent points per 1,000 returning soldiers (scaled by front experience).'),
    dissentPerPublicisedPrisoner: num().describe('Dissent points per publicised prisoner.'),
    dissentRevelationBonus: z
      .number()
      .describe(
        'Extra dissent points per publicised prisoner while the soldiers are deceived (the lie is exposed).',
      ),
    controlPerOil: num().describe('Regime-control points per unit of oil received.'),
    controlPerFood: num().describe('Regime-control points per unit of food received.'),
    controlPerUnCover: z
      .number()
      .describe('Regime-control points per unit of UN Security Council cover received.'),
    controlLossPerDissent: z
      .number()
      .describe('Regime-control points lost per month per point of dissent risk above 50.'),
    truthControlCost: z
      .number()
      .describe('One-off regime-control cost of telling the soldiers the truth.'),
    supportIncome: z
      .strictObject({
        atZero: nonNegative("Multiplier on Kyiv's income at support 0."),
        atFull: nonNegative("Multiplier on Kyiv's income at support 100."),
      })
      .describe("How international support scales Kyiv's income (linear between the two)."),
    dissentPerThousandLost: nonNegative(
      'Dissent points in North Korea per 1,000 soldiers killed or taken prisoner: the dead cost the regime that sent them (default 0).',
    ).default(0),
    sanctionsAtFullScrutiny: share(
      "Share of Moscow's income lost to sanctions at scrutiny 100, in proportion below (0-1, default 0).",
    ).default(0),
    supportPerScrutinyPoint: nonNegative(
      'Support points a month for Kyiv per point of scrutiny of Moscow above 50 (default 0).',
    ).default(0),
    denialPublicityMultiplier: nonNegative(
      'Multiplier on the scrutiny from publicised prisoners while Moscow denies the soldiers exist (default 1).',
    ).default(1),
  })
  .describe(
    'Politics: scrutiny of Moscow, support for Kyiv, regime control and dissent in Pyongyang.',
  );

export const IntelSchema = z
  .strictObject({
    start: nonNegative(
      "Starting uncertainty each capital has about the others' figures, as a fraction of the true value (0.3 = ±30%).",
    ),
    min: nonNegative('Smallest uncertainty intelligence can reach (fraction).'),
    max: nonNegative('Largest uncertainty (fraction).'),
    drift: nonNegative('Uncertainty regained per month without new information (fraction).'),
  })
  .describe("Intelligence: how well each capital knows the others' figures.");

export const LeversSchema = z
  .strictObject({
    trainingMonths: z
      .strictObject({
        min: wholeAtLeast(0, 'Shortest training Pyongyang may set, in months.'),
        max: wholeAtLeast(0, 'Longest training Pyongyang may set, in months.'),
        start: wholeAtLeast(0, 'Training length at the start, in months (between min and max).'),
      })
      .describe(
        'Months North Korean soldiers train in Russia before they can be sent to the front.',
      ),
    information: InformationSchema.describe(
      'What the soldiers are told at the start: "deceive" or "truth".',
    ),
    stance: StanceSchema.describe("Moscow's public stance at the start."),
    pairing: z
      .boolean()
      .describe('Whether North Korean units start paired with Russian drone operators.'),
    targetNorthKoreans: z
      .boolean()
      .describe('Whether Kyiv starts out targeting North Korean units with drones.'),
    posture: PostureSchema.describe("Kyiv's posture in Kursk at the start."),
  })
  .describe('Where each lever stands when the game starts.');

export const ObjectiveSchema = z
  .strictObject({
    metric: z
      .string()
      .min(1, { error: 'must not be empty' })
      .describe(
        'Outcome metric id, e.g. "pyongyang.techGained", "kyiv.kurskHeld", "human.killed".',
      ),
    weight: nonNegative("Weight of this objective in the capital's score (weights are relative)."),
    direction: z
      .enum(['max', 'min'])
      .describe(
        '"max": more is better, full marks at scale; "min": less is better, no marks at scale.',
      ),
    scale: z
      .number()
      .positive()
      .describe('The metric value that earns full marks ("max") or none ("min"); above 0.'),
  })
  .describe('One scoring objective: a metric, how much it counts and which way is better.');

export const ScoringSchema = z
  .strictObject({
    pyongyang: z.array(ObjectiveSchema).describe("Pyongyang's objectives."),
    moscow: z.array(ObjectiveSchema).describe("Moscow's objectives."),
    kyiv: z.array(ObjectiveSchema).describe("Kyiv's objectives."),
  })
  .describe("How each capital's outcome metrics turn into its score (0-100).");

// ---------------------------------------------------------------------------------------------
// Events: a fixed vocabulary of conditions and effects (no expressions, no eval)
// ---------------------------------------------------------------------------------------------

const leverValue = z
  .union([z.string(), num(), z.boolean()])
  .describe(
    'A lever value: a number of months, "deceive"/"truth", a stance, a posture, or true/false.',
  );
const LeverKeySchema = z
  .enum(LEVER_KEYS)
  .describe(
    'A lever: trainingMonths, information, stance, pairing, targetNorthKoreans or posture.',
  );

export type ScenarioCondition =
  | { type: 'always' }
  | { type: 'metric'; metric: string; op: (typeof COMPARISONS)[number]; value: Quantity }
  | { type: 'lever'; capital: Capital; lever: LeverKey; equals: string | number | boolean }
  | { type: 'flag'; flag: string }
  | { type: 'chance'; probability: number }
  | { type: 'all'; of: ScenarioCondition[] }
  | { type: 'any'; of: ScenarioCondition[] }
  | { type: 'not'; of: ScenarioCondition };

// Recursive through getters (zod 4's way): `of` is looked up when validating, not when defining.
export const ConditionSchema: z.ZodType<ScenarioCondition, ScenarioCondition> = z
  .discriminatedUnion('type', [
    z.strictObject({ type: z.literal('always').describe('Always true.') }).describe('Always true.'),
    z
      .strictObject({
        type: z.literal('metric').describe('Compare an outcome metric with a value.'),
        metric: z.string().min(1).describe('Outcome metric id, e.g. "human.killed".'),
        op: z.enum(COMPARISONS).describe('Comparison: ">=", "<=", ">", "<" or "==".'),
        value: QuantitySchema.describe('The value to compare with (a number or a ledger figure).'),
      })
      .describe('True when a metric compares as given, e.g. human.killed >= 3000.'),
    z
      .strictObject({
        type: z.literal('lever').describe('Test where a lever stands.'),
        capital: CapitalSchema.describe('The capital that holds the lever.'),
        lever: LeverKeySchema,
        equals: leverValue,
      })
      .describe('True when a lever has the given value.'),
    z
      .strictObject({
        type: z.literal('flag').describe('Test a flag.'),
        flag: text('Name of a flag set by an earlier event.'),
      })
      .describe('True once an event has set this flag.'),
    z
      .strictObject({
        type: z.literal('chance').describe('A random draw.'),
        probability: share('Chance (0-1) that the condition holds on a given turn.'),
      })
      .describe('True with the given probability each turn (drawn from the game seed).'),
    z
      .strictObject({
        type: z.literal('all').describe('All of the listed conditions.'),
        get of(): z.ZodArray<typeof ConditionSchema> {
          return z.array(ConditionSchema).min(1).describe('The conditions that must all hold.');
        },
      })
      .describe('True when every listed condition holds.'),
    z
      .strictObject({
        type: z.literal('any').describe('Any of the listed conditions.'),
        get of(): z.ZodArray<typeof ConditionSchema> {
          return z.array(ConditionSchema).min(1).describe('The conditions of which one must hold.');
        },
      })
      .describe('True when at least one listed condition holds.'),
    z
      .strictObject({
        type: z.literal('not').describe('The opposite of a condition.'),
        /** The condition that must not hold (a bare reference: the editor shows Condition's description). */
        get of(): typeof ConditionSchema {
          return ConditionSchema;
        },
      })
      .describe('True when the given condition does not hold.'),
  ])
  .meta({
    id: 'Condition',
    description:
      'When an event fires. "type" is one of always, metric, lever, flag, chance, all, any, not.',
  });

export const EffectSchema = z
  .discriminatedUnion('type', [
    z
      .strictObject({
        type: z.literal('adjust').describe('Move an indicator.'),
        target: z
          .enum(ADJUST_TARGETS)
          .describe(
            'The indicator: moscow.scrutiny, kyiv.support, pyongyang.regimeControl, pyongyang.dissentRisk, expedition.morale or expedition.droneAwareness (all 0-100).',
          ),
        by: QuantitySchema.describe('Points to add (negative to subtract).'),
      })
      .describe('Move an indicator by some points.'),
    z
      .strictObject({
        type: z.literal('stock').describe("Change a capital's stock."),
        capital: CapitalSchema.describe('Whose stock changes.'),
        item: ItemSchema,
        by: CountChangeSchema.describe('How many to add (negative to take away).'),
      })
      .describe("Add to (or take from) a capital's stock: goods from outside the three capitals."),
    z
      .strictObject({
        type: z.literal('intel').describe('New information.'),
        observer: z
          .union([CapitalSchema, z.literal('all')])
          .describe('Who learns something: a capital or "all".'),
        about: CapitalSchema.describe('Whose figures become clearer.'),
        narrow: share('Uncertainty removed, as a fraction (0-1).'),
      })
      .describe("Narrow one capital's uncertainty about another."),
    z
      .strictObject({
        type: z.literal('flag').describe('Set a flag.'),
        flag: text('Name of the flag; later conditions can test it.'),
      })
      .describe('Set a flag that later conditions can test.'),
    z
      .strictObject({
        type: z.literal('lever').describe('Move a lever.'),
        capital: CapitalSchema.describe('The capital that holds the lever.'),
        lever: LeverKeySchema,
        value: leverValue,
      })
      .describe('Set a lever (e.g. Moscow switches its stance to "confirm").'),
  ])
  .meta({
    id: 'Effect',
    description: 'What an event does. "type" is one of adjust, stock, intel, flag, lever.',
  });

export const EventSchema = z
  .strictObject({
    id: kebabId('Identifier of the event, e.g. "uniform-video"; unique in the scenario.'),
    title: text('Headline shown to players.'),
    text: text('What happened, in your own words (shown as plain text).'),
    date: month(
      'Month the event fires ("YYYY-MM"); with a condition as well, it fires that month only if the condition holds.',
    ).optional(),
    condition: ConditionSchema.optional().describe(
      'Fires on the first turn this holds (between from and until). Without date or condition, fires on the first turn.',
    ),
    from: month('Earliest month a conditional event may fire ("YYYY-MM").').optional(),
    until: month('Latest month a conditional event may fire ("YYYY-MM").').optional(),
    effects: z.array(EffectSchema).default([]).describe('What the event does, in order.'),
    cites: z
      .array(z.string().min(1).describe('A ledger figure id.'))
      .default([])
      .describe('Ids of the ledger figures the event text relies on (shown on its source card).'),
  })
  .describe('An event from the sources: when it fires, what it says, what it does, what it cites.');

// ---------------------------------------------------------------------------------------------
// Policies of the computer players
// ---------------------------------------------------------------------------------------------

const monthOrNull = (description: string) =>
  z
    .union([month(description), z.null().describe('Never.')])
    .describe(`${description} null: never.`);

/** How much a capital values one unit of each item (plain numbers, for judging offers). */
const ValuesBundleSchema = (() => {
  const shape = {} as Record<Item, z.ZodOptional<z.ZodNumber>>;
  for (const item of ITEMS) {
    shape[item] = z
      .number()
      .min(0)
      .optional()
      .describe(
        `Value of one unit of ${item} (${ITEM_DESCRIPTIONS[item]}), in the capital's own points.`,
      );
  }
  return z.strictObject(shape);
})();

export const PoliciesSchema = z
  .strictObject({
    historical: z
      .strictObject({
        pyongyang: z
          .strictObject({
            troopsBy: z
              .array(
                z
                  .strictObject({
                    date: month('The month ("YYYY-MM").'),
                    total: CountSchema.describe('Soldiers sent in all, by the end of that month.'),
                  })
                  .describe('A step of the deployment schedule.'),
              )
              .default([])
              .describe(
                'Cumulative North Korean soldiers sent, by month (e.g. about 1,500 in October 2024, then 10,000-12,000).',
              ),
            askPerThousandTroops: IncomeBundleSchema.default({}).describe(
              'What Pyongyang asks Moscow for in return, per 1,000 soldiers sent, by item.',
            ),
            offers: z
              .array(
                z
                  .strictObject({
                    date: month('Month the offer is made ("YYYY-MM").'),
                    give: StockBundleSchema.describe('What Pyongyang gives Moscow, by item.'),
                    get: StockBundleSchema.describe('What Pyongyang asks for in return, by item.'),
                    turns: wholeAtLeast(1, 'Deliveries are spread evenly over this many turns.'),
                  })
                  .describe('An offer Pyongyang makes Moscow in a given month.'),
              )
              .default([])
              .describe('Other offers Pyongyang makes (ammunition, workers...), by month.'),
            trainingMonths: wholeAtLeast(0, 'Training length Pyongyang sets, in months.'),
            information: InformationSchema,
          })
          .describe("Pyongyang's historical policy."),
        moscow: z
          .strictObject({
            pairingFrom: monthOrNull(
              'Month from which North Korean units are paired with Russian drone operators.',
            ),
            missileUnitsFrom: monthOrNull(
              'Month from which a share of trained North Koreans is moved to missile units.',
            ),
            missileUnitShare: share(
              'Share of ready North Korean soldiers moved to missile units each month, 0-1.',
            ),
            stance: StanceSchema,
            reinforceShare: share(
              'Share of the Russian reserve sent to the front each month, 0-1.',
            ),
          })
          .describe("Moscow's historical policy."),
        kyiv: z
          .strictObject({
            targetNorthKoreansFrom: monthOrNull(
              'Month from which Kyiv targets North Korean units with drones.',
            ),
            publicise: z.boolean().describe('Publicise prisoners once they are taken.'),
            releaseEvidence: z.boolean().describe('Release evidence as soon as Kyiv holds some.'),
            withdrawFrom: monthOrNull('Month from which Kyiv withdraws from the Kursk salient.'),
            reinforceShare: share(
              'Share of the Ukrainian reserve sent to the front each month, 0-1.',
            ),
          })
          .describe("Kyiv's historical policy."),
      })
      .describe('What each capital did, month by month, as the sources report it.'),
    values: z
      .strictObject({
        pyongyang: ValuesBundleSchema.default({}).describe(
          "Pyongyang's value of one unit of each item.",
        ),
        moscow: ValuesBundleSchema.default({}).describe("Moscow's value of one unit of each item."),
        kyiv: ValuesBundleSchema.default({}).describe("Kyiv's value of one unit of each item."),
      })
      .describe(
        'How much each capital values one unit of each item, for judging trade offers: an offer is worth taking when what arrives is worth at least what leaves.',
      ),
    counterAbove: share(
      'A computer player counters an offer worth at least this share of a fair one (0-1), and refuses below.',
    ),
  })
  .describe(
    'Data for the computer players (seats no student holds); the rules themselves never read it.',
  );

// ---------------------------------------------------------------------------------------------
// The scenario file
// ---------------------------------------------------------------------------------------------

export const ScenarioSchema = z
  .strictObject({
    formatVersion: z
      .literal(FORMAT_VERSION, {
        error: (iss) =>
          iss.input === undefined
            ? `required field is missing: a scenario file starts with "formatVersion: ${FORMAT_VERSION}"`
            : `unsupported format version ${describeValue(iss.input)}: write "formatVersion: ${FORMAT_VERSION}" (a whole number, without quotes)`,
      })
      .describe(
        'Version of the scenario file format: write 1. Files in an older format (0) still load: they are upgraded when read.',
      ),
    id: kebabId('Identifier of the scenario, e.g. "historical-2024"; results are grouped by it.'),
    title: text('Title shown in the scenario menu.'),
    description: text('What the scenario is about and how it differs from history (plain text).'),
    author: text('Who wrote the scenario.'),
    language: z
      .string()
      .regex(/^[a-z]{2,3}(?:-[A-Za-z0-9]{2,8})*$/, {
        error: (iss) =>
          `expected a language code such as "en" or "fr", got ${describeValue(iss.input)}`,
      })
      .default('en')
      .describe('Language of the texts, as a code such as "en" (default) or "ko".'),
    version: text('Version of this scenario, e.g. "1.0" (write it in quotes).'),
    learningObjectives: z
      .array(text('One learning objective.'))
      .default([])
      .describe('What students should understand after playing.'),
    debriefQuestions: z
      .array(text('One question.'))
      .default([])
      .describe('Questions for the debrief after the game.'),
    calendar: CalendarSchema,
    order: z
      .array(CapitalSchema)
      .default(['pyongyang', 'moscow', 'kyiv'])
      .describe('Order in which the capitals give orders each turn; each capital once.'),
    capitals: z
      .strictObject({
        pyongyang: CapitalRulesSchema.describe('North Korea.'),
        moscow: CapitalRulesSchema.describe('Russia.'),
        kyiv: CapitalRulesSchema.describe('Ukraine.'),
      })
      .describe('The three capitals.'),
    alreadyDelivered: z
      .strictObject({
        troops: CountSchema.describe('North Korean soldiers already delivered to Russia.'),
        ammunition: CountSchema.describe('Containers of ammunition already shipped to Russia.'),
        workers: CountSchema.describe('North Korean workers already sent to Russia.'),
      })
      .describe(
        'Counts delivered before the game starts (e.g. the 13,000+ containers shipped before October 2024); they count in the metrics.',
      ),
    sectors: z.array(SectorSchema).min(1).describe('The sectors of the Kursk front.'),
    combat: CombatSchema,
    trade: TradeSchema,
    politics: PoliticsSchema,
    intel: IntelSchema,
    levers: LeversSchema,
    events: z.array(EventSchema).default([]).describe('Events from the sources, in any order.'),
    scoring: ScoringSchema,
    limits: LimitsSchema.default({ actionsPerTurn: 300, offersPerTurn: 8 }),
    policies: PoliciesSchema.optional(),
  })
  .meta({
    title: 'Three Capitals scenario',
    description:
      'A scenario for Three Capitals, written in YAML 1.2 (or JSON). Numbers the sources report may refer to the figures ledger.',
  });

/** What an instructor writes (defaults may be left out). */
export type ScenarioFile = z.input<typeof ScenarioSchema>;
/** A validated scenario with defaults filled in (Quantities not yet resolved). */
export type Scenario = z.output<typeof ScenarioSchema>;
export type ScenarioPolicies = z.output<typeof PoliciesSchema>;
export type ScenarioEvent = Scenario['events'][number];
export type ScenarioEffect = z.output<typeof EffectSchema>;
export type ScenarioSector = Scenario['sectors'][number];

/** Options for the published JSON Schema: draft-07 is what editors' YAML plugins understand best. */
export const JSON_SCHEMA_OPTIONS = { target: 'draft-7', io: 'input' } as const;

/** The JSON Schema of the scenario file format (what scenarios/schema.json holds). */
export function scenarioJsonSchema(): Record<string, unknown> {
  return z.toJSONSchema(ScenarioSchema, JSON_SCHEMA_OPTIONS) as Record<string, unknown>;
}
