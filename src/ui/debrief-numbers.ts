/** Numbers for the debrief's human-cost ledger and scores (pure: no DOM). */
import { CAPITALS, type Capital, type GameState, type Objective } from '../engine';

export interface Fate {
  key: 'killed' | 'invalided' | 'captured' | 'returned' | 'serving';
  label: string;
  count: number;
}

/** What became of the soldiers sent: disjoint groups that add up to the number sent. */
export function fates(state: Pick<GameState, 'metrics' | 'expedition'>): Fate[] {
  const m = state.metrics;
  const killed = m['pyongyang.killed'] ?? 0;
  const captured = m['pyongyang.captured'] ?? 0;
  const returned = m['pyongyang.returned'] ?? 0;
  const invalided = state.expedition.invalided;
  const serving = Math.max(
    0,
    (m['pyongyang.troopsSent'] ?? 0) - killed - captured - returned - invalided,
  );
  return [
    { key: 'killed', label: 'killed', count: killed },
    { key: 'invalided', label: 'wounded, out of the war', count: invalided },
    { key: 'captured', label: 'taken prisoner', count: captured },
    { key: 'returned', label: 'brought home', count: returned },
    { key: 'serving', label: 'still in Russia', count: serving },
  ];
}

/** Soldiers per pawn so that `total` needs at most `maxPawns` pawns (a round number). */
export function pawnUnit(total: number, maxPawns = 120): number {
  const steps = [1, 2, 5, 10, 20, 25, 50, 100, 200, 250, 500];
  for (let scale = 1; ; scale *= 1000) {
    for (const s of steps) if (Math.ceil(total / (s * scale)) <= maxPawns) return s * scale;
  }
}

/**
 * Pawns per group: the nearest whole numbers that add up to round(total / unit) (largest
 * remainders), and at least one pawn for any group that is not empty.
 */
export function pawnCounts(counts: readonly number[], unit: number): number[] {
  const total = counts.reduce((a, b) => a + b, 0);
  const target = Math.max(counts.filter((c) => c > 0).length, Math.round(total / unit));
  const exact = counts.map((c) => c / unit);
  const out = exact.map((e, i) => (counts[i]! > 0 ? Math.max(1, Math.floor(e)) : 0));
  let left = target - out.reduce((a, b) => a + b, 0);
  const order = exact
    .map((e, i) => ({ i, r: e - Math.floor(e) }))
    .filter((o) => counts[o.i]! > 0)
    .sort((a, b) => b.r - a.r || a.i - b.i);
  for (let k = 0; left > 0 && order.length > 0; k++, left--) out[order[k % order.length]!.i]!++;
  // Too many (the one-pawn minimums): take from the largest groups.
  while (left < 0) {
    let big = 0;
    out.forEach((v, i) => {
      if (v > out[big]!) big = i;
    });
    if (out[big]! <= 1) break;
    out[big]!--;
    left++;
  }
  return out;
}

const OBJECTIVE_NOUN: Record<string, string> = {
  'moscow.kurskControl': 'territory',
  'kyiv.kurskHeld': 'territory',
  'pyongyang.techGained': 'technology',
  'pyongyang.nuclearTech': 'technology',
  'kyiv.support': 'support abroad',
  'pyongyang.oilReceived': 'oil',
  'pyongyang.experience': 'combat experience',
  'pyongyang.experienceHome': 'experience brought home',
  'kyiv.powsFreed': 'prisoners freed',
  'pyongyang.regimeControl': 'control at home',
  'moscow.scrutiny': 'escaping scrutiny',
  'pyongyang.foodReceived': 'food',
  'pyongyang.currencyReceived': 'money',
  'moscow.manpowerGained': 'manpower',
  'kyiv.prisonersHeld': 'prisoners',
};

/** What the capitals' scores reward, in a few words, most heavily weighted first (at most five). */
export function scoreNouns(scoring: Record<Capital, readonly Objective[]>): string[] {
  const weight = new Map<string, number>();
  for (const c of CAPITALS) {
    const objectives = scoring[c] ?? [];
    const total = objectives.reduce((s, o) => s + o.weight, 0) || 1;
    for (const o of objectives) {
      const noun = OBJECTIVE_NOUN[o.metric];
      if (noun && o.direction === 'max')
        weight.set(noun, (weight.get(noun) ?? 0) + o.weight / total);
      else if (noun && o.direction === 'min' && o.metric === 'moscow.scrutiny')
        weight.set(noun, (weight.get(noun) ?? 0) + o.weight / total);
    }
  }
  return [...weight.entries()]
    .sort((a, b) => b[1] - a[1] || a[0].localeCompare(b[0]))
    .slice(0, 5)
    .map(([n]) => n);
}

/** Objectives whose metric counts North Korean soldiers (the human cost) for a capital. */
export function objectivesCountingSoldiers(objectives: readonly Objective[]): Objective[] {
  return objectives.filter((o) =>
    /^human\.|^pyongyang\.(killed|wounded|captured|troopsSent|atFront)$/.test(o.metric),
  );
}
