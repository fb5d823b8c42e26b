/** The class export: one row per result, every metric a column. Safe to open in a spreadsheet. */
import { CAPITALS } from '../engine';
import type { SummaryRow } from '../db/store';

/** RFC 4180 quoting; text that a spreadsheet would run as a formula is prefixed with a quote. */
export function csvCell(value: string | number | boolean | null): string {
  if (value === null) return '';
  if (typeof value === 'number') return Number.isFinite(value) ? String(value) : '';
  if (typeof value === 'boolean') return value ? 'true' : 'false';
  let s = value;
  if (/^[=+\-@\t\r]/.test(s)) s = `'${s}`;
  return /[",\r\n]/.test(s) ? `"${s.replace(/"/g, '""')}"` : s;
}

export function classCsv(rows: SummaryRow[]): string {
  const metricIds: string[] = [];
  const seen = new Set<string>();
  const parsed = rows.map((r) => {
    const m = JSON.parse(r.metrics) as Record<string, number>;
    for (const k of Object.keys(m)) {
      if (!seen.has(k)) {
        seen.add(k);
        metricIds.push(k);
      }
    }
    return m;
  });
  const header = [
    'id',
    'created_at',
    'pseudonym',
    'hidden',
    'scenario_id',
    'scenario_hash',
    'seed',
    'figures',
    ...CAPITALS.map((c) => `seat_${c}`),
    'turns',
    'actions',
    'final_hash',
    'forked_from_result',
    'forked_from_turn',
    ...metricIds,
  ];
  const lines = [header.map(csvCell).join(',')];
  rows.forEach((r, i) => {
    const seats = JSON.parse(r.seats) as Record<string, string>;
    const figures = JSON.parse(r.figures) as {
      default?: string;
      byFigure?: Record<string, string>;
    };
    const figureText =
      (figures.default ?? '') +
      (figures.byFigure && Object.keys(figures.byFigure).length > 0 ? ' (with overrides)' : '');
    const m = parsed[i]!;
    lines.push(
      [
        r.id,
        new Date(r.created_at).toISOString(),
        r.pseudonym,
        r.hidden !== 0,
        r.scenario_id,
        r.scenario_hash,
        r.seed,
        figureText,
        ...CAPITALS.map((c) => seats[c] ?? ''),
        r.turns,
        r.action_count,
        r.final_hash,
        r.forked_from_result,
        r.forked_from_turn,
        ...metricIds.map((id) => (typeof m[id] === 'number' ? m[id]! : null)),
      ]
        .map(csvCell)
        .join(','),
    );
  });
  return `${lines.join('\r\n')}\r\n`;
}
