/**
 * Checking the shape of a game record from outside (a file, an upload) before replaying it.
 * Strict at every level: an unknown field anywhere (record, seats, an action, a bundle, a news
 * item) is refused, so nothing rides along unverified and two spellings of one game cannot pass
 * as two games. Replay then checks the meaning: every action legal, every turn hash equal, every
 * computer seat's orders the ones its player gives (replay-checked.ts).
 *
 * Also here: a run's identity (runIdentity), what determines the game in one spelling.
 */
import { z } from 'zod';

import { botNames } from '../ai';
import { CAPITALS, ITEMS, TEACHER, type FigureChoices, type GameRecord } from '../engine';
import { INJECT_TEXT_MAX, INJECT_TITLE_MAX } from '../engine/inject';
import { canonicalJson, canonicalJsonWithout } from '../scenario/hash';
import { SHOWN_TEXT, shownTextProblem, type ShownTextRule } from '../text/shown-text';

const Capital = z.enum(CAPITALS);
const Choice = z.enum(['low', 'central', 'high']);

/** Who may hold a seat in a record: a person, or one of the computer players by name. */
export const SEAT_PLAYERS = ['human', ...botNames()] as const;
export const SeatPlayer = z.enum(SEAT_PLAYERS as unknown as [string, ...string[]], {
  error: (i) =>
    `${JSON.stringify(i.input)} is not a player: use "human" or one of ${botNames().join(', ')}`,
});

/** Figure choices: one default (low/central/high) and optional per-figure overrides. */
export const FigureChoicesSchema = z
  .object({ default: Choice, byFigure: z.record(z.string().max(100), Choice).optional() })
  .strict();

/** Text a reader sees (notes, news): refused when the shown-text rule refuses it. */
const shown = (rule: ShownTextRule) =>
  z.string().superRefine((s, ctx) => {
    const problem = shownTextProblem(s, rule);
    if (problem) ctx.addIssue({ code: 'custom', message: problem });
  });

// Amounts are checked for legality by the engine; here they must be plain finite numbers of a
// size the model can hold (JSON's 1e999 parses to Infinity).
const Amount = z.number().finite().min(-1e12).max(1e12);
const Count = z.number().int().min(-1e9).max(1e9);
const Bundle = z
  .partialRecord(z.enum(ITEMS), Amount)
  .refine((b) => Object.keys(b).length <= ITEMS.length);
const OfferId = z.number().int().min(0).max(1e9);
const Sector = z.string().min(1).max(60);
const Note = shown({ ...SHOWN_TEXT.offerNote });
const act = <T extends z.ZodRawShape>(type: string, shape: T) =>
  z.object({ type: z.literal(type), seat: Capital, ...shape }).strict();

const Trade = { give: Bundle, get: Bundle, turns: Count, note: Note.optional() };
export const ActionSchema = z.discriminatedUnion('type', [
  act('offer', { to: Capital, ...Trade }),
  act('accept', { offerId: OfferId }),
  act('reject', { offerId: OfferId, reason: Note.optional() }),
  act('counter', { offerId: OfferId, ...Trade }),
  act('withdraw', { offerId: OfferId }),
  act('setTraining', { months: Count }),
  act('setInformation', { policy: z.enum(['deceive', 'truth']) }),
  act('recall', { count: Count }),
  act('assign', { sector: Sector, count: Count }),
  act('missileUnits', { count: Count }),
  act('setPairing', { on: z.boolean() }),
  act('setStance', { stance: z.enum(['deny', 'conflicting', 'confirm']) }),
  act('allocate', { sector: Sector, troops: Count, drones: Count }),
  act('setPosture', { posture: z.enum(['hold', 'withdraw']) }),
  act('setTargeting', { on: z.boolean() }),
  act('publicise', {}),
  act('releaseEvidence', { amount: Count }),
  act('endTurn', {}),
  z
    .object({
      type: z.literal('inject'),
      seat: z.literal(TEACHER),
      event: z.string().min(1).max(100).optional(),
      news: z
        .object({
          title: shown({ label: 'the news title', max: INJECT_TITLE_MAX }),
          text: shown({ label: 'the news text', max: INJECT_TEXT_MAX, multiline: true }),
        })
        .strict()
        .optional(),
    })
    .strict(),
]);

export const MAX_RECORD_ACTIONS = 20_000;

export const RecordSchema = z
  .object({
    formatVersion: z.literal(1),
    engineVersion: z.string().max(40),
    scenario: z
      .object({ id: z.string().min(1).max(100), hash: z.string().regex(/^[0-9a-f]{16}$/) })
      .strict(),
    seed: shown({ ...SHOWN_TEXT.seed }),
    figureChoices: FigureChoicesSchema,
    seats: z.object({ pyongyang: SeatPlayer, moscow: SeatPlayer, kyiv: SeatPlayer }).strict(),
    actions: z.array(ActionSchema).max(MAX_RECORD_ACTIONS),
    turnHashes: z.array(z.string().regex(/^[0-9a-f]{16}$/)).max(1000),
  })
  .strict();

export type ParsedRecord = { ok: true; value: GameRecord } | { ok: false; errors: string[] };

export function parseRecord(text: string): ParsedRecord {
  let data: unknown;
  try {
    data = JSON.parse(text);
  } catch (e) {
    return { ok: false, errors: [`not JSON: ${(e as Error).message}`] };
  }
  return checkRecord(data);
}

/** Most problems listed for one record: a wrong record says what is wrong, not everything. */
const MAX_ISSUES = 20;

export function checkRecord(data: unknown): ParsedRecord {
  const r = RecordSchema.safeParse(data, { reportInput: false });
  if (!r.success) {
    const issues = r.error.issues;
    const errors = issues
      .slice(0, MAX_ISSUES)
      .map((i) => `${i.path.length > 0 ? i.path.map(String).join('.') : '(record)'}: ${i.message}`);
    if (issues.length > MAX_ISSUES) errors.push(`... and ${issues.length - MAX_ISSUES} more`);
    return { ok: false, errors };
  }
  return { ok: true, value: r.data as unknown as GameRecord };
}

/** Figure choices in one spelling: overrides equal to the default and an empty map dropped. */
export function canonicalFigures(f: FigureChoices): FigureChoices {
  const byFigure: Record<string, string> = {};
  for (const [id, choice] of Object.entries(f.byFigure ?? {}))
    if (choice !== f.default) byFigure[id] = choice;
  return Object.keys(byFigure).length > 0
    ? ({ default: f.default, byFigure } as FigureChoices)
    : { default: f.default };
}

/**
 * What identifies a run: everything that determines the game (engine version,
 * scenario hash, seed, figure choices, who held each seat, every order) and nothing else. Key
 * order, spacing, the record's own turn-hash claims and the free text of notes do not change it,
 * so one game sent twice with cosmetic differences is one run. Canonical JSON: hash it to store.
 */
export function runIdentity(record: GameRecord): string {
  const rest = canonicalJson({
    engineVersion: record.engineVersion,
    scenario: record.scenario.hash,
    seed: record.seed,
    figureChoices: canonicalFigures(record.figureChoices),
    seats: record.seats,
  });
  // The canonical JSON of {actions, ...rest}: "actions" sorts before every other key. Each
  // action is written without its free text, not copied without it (the server computes this
  // for every submission; tests/sim/replay-checked.test.ts pins the result).
  let actions = '[';
  for (let i = 0; i < record.actions.length; i++) {
    if (i > 0) actions += ',';
    actions += canonicalJsonWithout(record.actions[i]!, FREE_TEXT);
  }
  return `{"actions":${actions}]${rest === '{}' ? '}' : `,${rest.slice(1)}`}`;
}

/** An order's free text: notes and reasons do not change the game. */
const FREE_TEXT: ReadonlySet<string> = new Set(['note', 'reason']);
