/** Stored rows -> the API's JSON. Lists are built as text: the metrics column is already JSON. */
import type { BoardRow, ClassRow, ResultRow, SummaryRow } from '../db/store';
import { expandHistory, scoresOf, type CompactHistory } from './verify';

export interface ResultSummary {
  id: string;
  url: string;
  scenario: { id: string; hash: string };
  classCode: string | null;
  pseudonym: string;
  engineVersion: string;
  seed: string;
  figureChoices: unknown;
  seats: Record<string, string>;
  turns: number;
  actionCount: number;
  finalHash: string;
  createdAt: string;
  hidden?: boolean;
  /** Set only for a verified fork: the parent result and the turn it was forked at. */
  forkedFrom?: { resultId: string; turn: number };
  metrics: Record<string, number>;
  scores: Record<string, number>;
}

export function resultUrl(id: string): string {
  return `/results?id=${encodeURIComponent(id)}`;
}

/** Everything of a summary but metrics and scores (added as raw JSON text by summaryJson). */
function head(row: SummaryRow, moderator: boolean): Omit<ResultSummary, 'metrics' | 'scores'> {
  const out: Omit<ResultSummary, 'metrics' | 'scores'> = {
    id: row.id,
    url: resultUrl(row.id),
    scenario: { id: row.scenario_id, hash: row.scenario_hash },
    classCode: row.class_code,
    pseudonym: row.pseudonym,
    engineVersion: row.engine_version,
    seed: row.seed,
    figureChoices: JSON.parse(row.figures) as unknown,
    seats: JSON.parse(row.seats) as Record<string, string>,
    turns: row.turns,
    actionCount: row.action_count,
    finalHash: row.final_hash,
    createdAt: new Date(row.created_at).toISOString(),
  };
  if (moderator) out.hidden = row.hidden !== 0;
  if (row.forked_from_result !== null && row.forked_from_turn !== null)
    out.forkedFrom = { resultId: row.forked_from_result, turn: row.forked_from_turn };
  return out;
}

export function summaryObject(row: SummaryRow, moderator = false): ResultSummary {
  const metrics = JSON.parse(row.metrics) as Record<string, number>;
  return { ...head(row, moderator), metrics, scores: scoresOf(metrics) };
}

/** The same as JSON.stringify(summaryObject(row)), without parsing the metrics text. */
export function summaryJson(row: SummaryRow, moderator = false): string {
  const h = JSON.stringify(head(row, moderator));
  const metrics = JSON.parse(row.metrics) as Record<string, number>;
  return `${h.slice(0, -1)},"metrics":${row.metrics},"scores":${JSON.stringify(scoresOf(metrics))}}`;
}

export function fullResult(
  row: ResultRow,
  moderator = false,
): ResultSummary & {
  record: unknown;
  history: ReturnType<typeof expandHistory>;
} {
  return {
    ...summaryObject(row, moderator),
    history: expandHistory(JSON.parse(row.history) as CompactHistory),
    record: JSON.parse(row.record) as unknown,
  };
}

export interface ClassInfo {
  code: string;
  scenario: { id: string; hash: string; title: string | null };
  seed: string | null;
  figureChoices: unknown;
  retentionDays: number;
  createdAt: string;
  results: number;
  links: { join: string; results: string };
  moderator?: boolean;
}

export function classInfo(
  row: ClassRow,
  title: string | null,
  results: number,
  moderator?: boolean,
): ClassInfo {
  const out: ClassInfo = {
    code: row.code,
    scenario: { id: row.scenario_id, hash: row.scenario_hash, title },
    seed: row.seed,
    figureChoices: row.figures === null ? null : (JSON.parse(row.figures) as unknown),
    retentionDays: row.retention_days,
    createdAt: new Date(row.created_at).toISOString(),
    results,
    links: {
      join: `/?class=${encodeURIComponent(row.code)}`,
      results: `/results?class=${encodeURIComponent(row.code)}`,
    },
  };
  if (moderator !== undefined) out.moderator = moderator;
  return out;
}

/** Columns of a board row before the metric values. */
export const BOARD_ROW_COLUMNS = [
  'id',
  'pseudonym',
  'createdAt',
  'played',
  'classCode',
  'hidden',
] as const;

const CAPITAL_ORDER = ['pyongyang', 'moscow', 'kyiv'];

/**
 * The board format: metric ids once, then one array per run (ids, names, times and every metric
 * value in `metrics` order). A tenth of the size of the object form for 10,000 runs.
 */
export function boardJson(
  rows: BoardRow[],
  total: number,
  limit: number,
  offset: number,
  moderator: boolean,
): string {
  const ids: string[] = [];
  const index = new Map<string, number>();
  const parsed = rows.map((r) => {
    const m = JSON.parse(r.metrics) as Record<string, number>;
    for (const k in m) {
      if (!index.has(k)) {
        index.set(k, ids.length);
        ids.push(k);
      }
    }
    return m;
  });
  const lines = rows.map((r, i) => {
    const seats = JSON.parse(r.seats) as Record<string, string>;
    const played = CAPITAL_ORDER.filter((c) => seats[c] === 'human').join('+');
    const m = parsed[i]!;
    const values = ids.map((k) => (typeof m[k] === 'number' ? m[k] : null));
    return JSON.stringify([
      r.id,
      r.pseudonym,
      r.created_at,
      played,
      r.class_code,
      moderator ? r.hidden !== 0 : false,
      ...values,
    ]);
  });
  return `{"total":${total},"limit":${limit},"offset":${offset},"columns":${JSON.stringify(BOARD_ROW_COLUMNS)},"metrics":${JSON.stringify(ids)},"rows":[${lines.join(',')}]}`;
}
