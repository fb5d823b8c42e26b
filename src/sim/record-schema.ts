/**
 * Checking the shape of a game record from outside (a file, an upload) before replaying it.
 * Replay then checks the meaning: every action legal, every turn hash equal.
 */
import { z } from 'zod';
import { CAPITALS, TEACHER, type GameRecord } from '../engine';

const Capital = z.enum(CAPITALS);
const Choice = z.enum(['low', 'central', 'high']);

/** Figure choices: one default (low/central/high) and optional per-figure overrides. */
export const FigureChoicesSchema = z
  .object({ default: Choice, byFigure: z.record(z.string().max(100), Choice).optional() })
  .strict();

export const RecordSchema = z
  .object({
    formatVersion: z.literal(1),
    engineVersion: z.string().max(40),
    scenario: z.object({ id: z.string().min(1).max(100), hash: z.string().regex(/^[0-9a-f]{16}$/) }).strict(),
    seed: z.string().max(200),
    figureChoices: FigureChoicesSchema,
    seats: z.object({ pyongyang: z.string().max(40), moscow: z.string().max(40), kyiv: z.string().max(40) }).strict(),
    // Actions are checked one by one by the engine during replay; here only their envelope.
    actions: z
      .array(z.looseObject({ type: z.string().max(30), seat: z.union([Capital, z.literal(TEACHER)]) }))
      .max(20000),
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

export function checkRecord(data: unknown): ParsedRecord {
  const r = RecordSchema.safeParse(data);
  if (!r.success)
    return {
      ok: false,
      errors: r.error.issues.map((i) => `${i.path.length > 0 ? i.path.join('.') : '(record)'}: ${i.message}`),
    };
  return { ok: true, value: r.data as unknown as GameRecord };
}
