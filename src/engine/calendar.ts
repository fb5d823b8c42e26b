/** Month arithmetic on "YYYY-MM" strings, without Date (its behaviour depends on the host). */

export function parseMonth(month: string): { year: number; month: number } {
  const [y, m] = month.split('-');
  return { year: Number(y), month: Number(m) };
}

export function addMonths(month: string, n: number): string {
  const { year, month: m } = parseMonth(month);
  const index = year * 12 + (m - 1) + n;
  const y = Math.floor(index / 12);
  const mm = (index % 12) + 1;
  return `${y}-${String(mm).padStart(2, '0')}`;
}

/** The month of turn `turn` (1-based). */
export function turnDate(start: string, turnMonths: number, turn: number): string {
  return addMonths(start, (turn - 1) * turnMonths);
}

/** -1, 0 or 1 as a is before, the same as, or after b (both "YYYY-MM"). */
export function compareMonths(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}

/** Whether `month` falls within the turn that starts at `turnStart` and lasts `turnMonths`. */
export function monthInTurn(month: string, turnStart: string, turnMonths: number): boolean {
  if (turnMonths === 1) return month === turnStart;
  return compareMonths(month, turnStart) >= 0 && compareMonths(month, addMonths(turnStart, turnMonths)) < 0;
}
