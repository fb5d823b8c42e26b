/** Plain-English names of the outcome metrics, grouped as the debrief groups them. */

export const CAPITAL_NAMES: Record<string, string> = {
  pyongyang: 'Pyongyang',
  moscow: 'Moscow',
  kyiv: 'Kyiv',
};

const LABELS: Record<string, string> = {
  'pyongyang.score': 'Pyongyang score',
  'moscow.score': 'Moscow score',
  'kyiv.score': 'Kyiv score',
  'human.sent': 'North Korean soldiers sent',
  'human.killed': 'North Korean soldiers killed',
  'human.wounded': 'North Korean soldiers wounded',
  'human.captured': 'North Korean soldiers captured',
  'human.familiesAtRisk': 'Families put at risk',
  'human.returned': 'Soldiers returned home',
  'human.allKilled': 'Soldiers killed, all sides',
  'pyongyang.troopsSent': 'Pyongyang: troops sent',
  'pyongyang.atFront': 'Pyongyang: troops at the front (end)',
  'pyongyang.killed': 'Pyongyang: soldiers killed',
  'pyongyang.wounded': 'Pyongyang: soldiers wounded',
  'pyongyang.captured': 'Pyongyang: soldiers captured',
  'pyongyang.returned': 'Pyongyang: soldiers returned home',
  'pyongyang.ammunitionShipped': 'Pyongyang: ammunition shipped (containers)',
  'pyongyang.workersSent': 'Pyongyang: workers sent',
  'pyongyang.techGained': 'Pyongyang: technology gained',
  'pyongyang.nuclearTech': 'Pyongyang: nuclear technology gained',
  'pyongyang.oilReceived': 'Pyongyang: oil received',
  'pyongyang.foodReceived': 'Pyongyang: food received',
  'pyongyang.currencyReceived': 'Pyongyang: hard currency received',
  'pyongyang.unCoverReceived': 'Pyongyang: UN cover received',
  'pyongyang.experience': 'Pyongyang: combat experience (soldier-months)',
  'pyongyang.regimeControl': 'Pyongyang: regime control',
  'pyongyang.dissentRisk': 'Pyongyang: dissent risk',
  'moscow.kurskControl': 'Kursk under Russian control (%)',
  'moscow.killed': 'Russian soldiers killed',
  'moscow.wounded': 'Russian soldiers wounded',
  'moscow.losses': 'Russian losses',
  'moscow.manpowerGained': 'Moscow: manpower gained',
  'moscow.scrutiny': 'Moscow: international scrutiny',
  'moscow.ammunition': 'Moscow: ammunition stock',
  'moscow.frontTroops': 'Russian troops at the front',
  'kyiv.kurskHeld': 'Kursk held by Ukraine (%)',
  'kyiv.killed': 'Ukrainian soldiers killed',
  'kyiv.wounded': 'Ukrainian soldiers wounded',
  'kyiv.losses': 'Ukrainian losses',
  'kyiv.support': 'Kyiv: international support',
  'kyiv.prisonersHeld': 'Kyiv: prisoners held',
  'kyiv.frontTroops': 'Ukrainian troops at the front',
};

export function metricLabel(id: string): string {
  return LABELS[id] ?? id;
}

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

export const ITEM_LABELS: Record<string, string> = {
  troops: 'troops',
  ammunition: 'ammunition',
  oil: 'oil',
  food: 'food',
  currency: 'hard currency',
  workers: 'workers',
  unCover: 'UN cover',
  drones: 'drones',
  droneOperators: 'drone operators',
  evidence: 'evidence',
  'tech.missile': 'missile tech',
  'tech.drone': 'drone tech',
  'tech.airDefence': 'air-defence tech',
  'tech.nuclear': 'nuclear tech',
  'tech.cyber': 'cyber tech',
};

/** "pyongyang+kyiv" (the board's played column) -> "Pyongyang + Kyiv". */
export function playedText(played: string): string {
  if (played === '') return 'Computer only';
  return played
    .split('+')
    .map((c) => CAPITAL_NAMES[c] ?? c)
    .join(' + ');
}
