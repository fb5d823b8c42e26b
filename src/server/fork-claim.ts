/**
 * A submission may say it was forked from a stored result at a turn. The claim is checked, never
 * trusted: the parent exists, plays the same scenario with the same seed and figure choices, and
 * the submitted record's actions before that turn are exactly the parent's (compared as canonical
 * JSON, so key order does not matter). A claim that fails is refused with 422 `invalid-fork`;
 * nothing is stored.
 */
import { z } from 'zod';

import type { Store } from '../db/store';
import type { GameRecord } from '../engine';
import { canonicalJson } from '../scenario/hash';
import { ApiError, unprocessable } from './errors';
import type { ForkAnswer } from './verify-task';

export const ForkClaimSchema = z
  .object({
    resultId: z.string().regex(/^[A-Za-z0-9_-]{1,32}$/),
    turn: z.number().int().min(1).max(1000),
  })
  .strict();
export type ForkClaim = z.infer<typeof ForkClaimSchema>;

/** How many of the parent's actions come before `turn` (a replay of the parent's record). */
export type CutParent = (parent: {
  row: NonNullable<Awaited<ReturnType<Store['getResult']>>>;
  record: GameRecord;
  turn: number;
}) => Promise<ForkAnswer>;

const refuse = (message: string) => unprocessable('invalid-fork', message);

/** The verified claim as the two stored columns; throws 422 `invalid-fork` when it does not hold. */
export async function checkForkClaim(
  store: Store,
  claim: ForkClaim,
  record: GameRecord,
  cutParent: CutParent,
): Promise<{ forked_from_result: string; forked_from_turn: number }> {
  const row = await store.getResult(claim.resultId);
  if (!row) throw refuse(`this game says it was forked from result ${claim.resultId}, which does not exist`);
  const what = `result ${row.id}`;
  if (row.scenario_hash !== record.scenario.hash)
    throw refuse(`${what} plays another scenario (${row.scenario_hash}); this record is for ${record.scenario.hash}`);
  if (row.seed !== record.seed) throw refuse(`${what} was played with another seed; a fork keeps the seed`);
  const parent = JSON.parse(row.record) as GameRecord;
  if (canonicalJson(parent.figureChoices) !== canonicalJson(record.figureChoices))
    throw refuse(`${what} was played with other figure choices; a fork keeps them`);
  if (claim.turn > row.turns)
    throw refuse(`${what} has ${row.turns} turns; it cannot be forked at turn ${claim.turn}`);
  const cut = await cutParent({ row, record: parent, turn: claim.turn });
  if (!cut.ok) throw new ApiError(cut.error.status, cut.error.code, cut.error.message, cut.error.details);
  const prefix = record.actions.slice(0, cut.kept);
  if (
    prefix.length !== cut.kept ||
    canonicalJson(prefix) !== canonicalJson(parent.actions.slice(0, cut.kept))
  )
    throw refuse(
      `this record's first ${cut.kept} actions are not the ones ${what} played before turn ${claim.turn}`,
    );
  return { forked_from_result: row.id, forked_from_turn: claim.turn };
}
