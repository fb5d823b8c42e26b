/** A stored result row with plausible columns, for storage and cache tests (not a verified game). */
import type { ResultRow } from '../../src/db/store';

export function resultRowFixture(id: string, over: Partial<ResultRow> = {}): ResultRow {
  return {
    id,
    dedup_key: `key-${id}`,
    scenario_id: 'historical-2024',
    scenario_hash: '0123456789abcdef',
    class_code: null,
    pseudonym: `P ${id}`,
    engine_version: '1.0.0',
    seed: 's',
    figures: '{"default":"central"}',
    seats: '{"pyongyang":"human","moscow":"historical","kyiv":"historical"}',
    turns: 12,
    action_count: 100,
    final_hash: 'ffffffffffffffff',
    hidden: 0,
    created_at: 1_700_000_000_000,
    metrics: '{"kyiv.score":50.5}',
    history: '{"ids":[],"turns":[]}',
    record: '{}',
    forked_from_result: null,
    forked_from_turn: null,
    ...over,
  };
}
