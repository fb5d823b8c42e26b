/** Plain-English names of the outcome metrics, grouped as the debrief groups them. */

export const CAPITAL_NAMES: Record<string, string> = {
  pyongyang: 'Pyongyang',
  moscow: 'Moscow',
  kyiv: 'Kyiv',
};

import { itemKeysInWords, itemNoun, metricLabel } from '../ui/metric-labels';

export { itemKeysInWords, itemNoun, metricLabel };

export interface MetricGroup {
  title: string;
  ids: string[];
  open: boolean;
}

/** Groups the metrics present in the data, in a stable order; unknown ids go last. */
export function groupMetrics(ids: readonly string[]): MetricGroup[] {
  const present = new Set(ids);
  const take = (list: string[]) => list.filter((id) => present.has(id));
  const scores = take(['pyongyang.score', 'moscow.score', 'kyiv.score']);
  const human = take([
    'human.sent',
    'human.killed',
    'human.wounded',
    'human.captured',
    'human.familiesAtRisk',
    'human.returned',
    'human.allKilled',
  ]);
  const used = new Set([...scores, ...human]);
  const byPrefix = (p: string) => ids.filter((id) => id.startsWith(`${p}.`) && !used.has(id));
  const groups: MetricGroup[] = [
    { title: 'Scores', ids: scores, open: true },
    { title: 'Human cost (no capital can trade it away)', ids: human, open: true },
    { title: 'Pyongyang', ids: byPrefix('pyongyang'), open: false },
    { title: 'Moscow', ids: byPrefix('moscow'), open: false },
    { title: 'Kyiv', ids: byPrefix('kyiv'), open: false },
  ];
  const grouped = new Set(groups.flatMap((g) => g.ids));
  const rest = ids.filter((id) => !grouped.has(id));
  if (rest.length > 0) groups.push({ title: 'Other', ids: rest, open: false });
  return groups.filter((g) => g.ids.length > 0);
}

/** Which capitals a person played in a run (seats held by "human"). */
export function humanSeats(seats: Record<string, string>): string[] {
  return Object.keys(CAPITAL_NAMES).filter((c) => seats[c] === 'human');
}

export function seatsText(seats: Record<string, string>): string {
  const humans = humanSeats(seats);
  if (humans.length === 0) return 'Computer only';
  return humans.map((c) => CAPITAL_NAMES[c]).join(' + ');
}

/** "pyongyang+kyiv" (the board's played column) -> "Pyongyang + Kyiv". */
export function playedText(played: string): string {
  if (played === '') return 'Computer only';
  return played
    .split('+')
    .map((c) => CAPITAL_NAMES[c] ?? c)
    .join(' + ');
}

/** What a forked run's row says of the run it continued: a name and a turn, never an id. */
export function forkedFromText(
  f: { turn: number; pseudonym: string } | { turn: number; gone: 'hidden' | 'deleted' },
): string {
  const whose =
    'pseudonym' in f
      ? `${f.pseudonym}’s run`
      : f.gone === 'hidden'
        ? 'a run hidden by the teacher'
        : 'a run since deleted';
  return `continued from ${whose}, turn ${f.turn}`;
}
