/** Invariants every state must keep, whatever the players do. Returns the broken ones. */
import { CAPITALS, ITEMS, METRIC_IDS, northKoreansAtFront, type GameState } from '../../src/engine';

export function brokenInvariants(s: GameState, initialPool: number): string[] {
  const out: string[] = [];
  for (const c of CAPITALS)
    for (const item of ITEMS) {
      const n = s.stocks[c][item];
      if (!Number.isInteger(n) || n < 0) out.push(`${c}.${item} = ${n}`);
    }
  for (const sec of s.sectors) {
    for (const k of ['russianTroops', 'ukrainianTroops', 'ukrainianDrones'] as const)
      if (!Number.isInteger(sec[k]) || sec[k] < 0) out.push(`${sec.id}.${k} = ${sec[k]}`);
    if (!(sec.control >= 0 && sec.control <= 100)) out.push(`${sec.id}.control = ${sec.control}`);
  }
  for (const id of METRIC_IDS) if (!Number.isFinite(s.metrics[id])) out.push(`metric ${id} = ${s.metrics[id]}`);
  const e = s.expedition;
  const training = e.training.reduce((a, c) => a + c.count, 0);
  const inTheatre = training + e.ready + northKoreansAtFront(s) + e.missileUnits + e.recovering;
  const h = s.human;
  // Every soldier sent is somewhere: in Russia, dead, captured, home again or invalided out.
  if (h.sent !== inTheatre + h.killed + h.captured + h.returned + e.invalided)
    out.push(`soldiers: sent ${h.sent} != accounted ${inTheatre + h.killed + h.captured + h.returned + e.invalided}`);
  if (s.stocks.pyongyang.troops + h.sent - s.rules.alreadyDelivered.troops !== initialPool)
    out.push(`Pyongyang's pool: ${s.stocks.pyongyang.troops} + ${h.sent} sent != ${initialPool}`);
  for (const p of ['scrutiny', 'support', 'regimeControl', 'dissentRisk'] as const)
    if (!(s.politics[p] >= 0 && s.politics[p] <= 100)) out.push(`${p} = ${s.politics[p]}`);
  for (const [id, r] of Object.entries(s.estimates.kyiv))
    if (!(r.low <= (s.metrics[id] ?? 0) && (s.metrics[id] ?? 0) <= r.high)) out.push(`estimate ${id} excludes the truth`);
  return out;
}
