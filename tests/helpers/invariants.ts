/** Invariants every state must keep, whatever the players do. Returns the broken ones. */
import { CAPITALS, ITEMS, METRIC_IDS, northKoreansAtFront, type GameState } from '../../src/engine';
import { kurskHeldPoints } from '../../src/engine/metrics';

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
  // Kyiv's prisoners: the stock, the politics count and the human ledger tell one story.
  if (s.stocks.kyiv.prisoners !== s.politics.prisonersHeld || s.politics.prisonersHeld !== h.captured - h.exchanged)
    out.push(`prisoners: stock ${s.stocks.kyiv.prisoners}, held ${s.politics.prisonersHeld}, captured ${h.captured} - exchanged ${h.exchanged}`);
  if (s.politics.prisonersPublicised > s.politics.prisonersHeld) out.push(`publicised ${s.politics.prisonersPublicised} > held ${s.politics.prisonersHeld}`);
  // Every capture puts a family at risk (familiesPerPrisoner a whole number in the built-ins).
  if (h.familiesAtRisk !== Math.round(h.captured * s.rules.politics.familiesPerPrisoner) && Number.isInteger(s.rules.politics.familiesPerPrisoner))
    out.push(`families ${h.familiesAtRisk} for ${h.captured} captured`);
  // Kyiv's ground is the salient it holds.
  if (s.stocks.kyiv.ground !== kurskHeldPoints(s)) out.push(`ground ${s.stocks.kyiv.ground} != held ${kurskHeldPoints(s)}`);
  for (const c of CAPITALS) for (const item of ['prisoners', 'ground'] as const) if (c !== 'kyiv' && s.stocks[c][item] !== 0) out.push(`${c} holds ${item}`);
  if (h.returned + h.exchanged > h.sent) out.push('more came home than were sent');
  const e2 = s.expedition;
  for (const k of ['ready', 'missileUnits', 'recovering', 'invalided', 'experience', 'experienceHome'] as const)
    if (!Number.isInteger(e2[k]) || e2[k] < 0) out.push(`expedition.${k} = ${e2[k]}`);
  for (const [id, n] of Object.entries(e2.bySector)) if (!Number.isInteger(n) || n < 0) out.push(`bySector.${id} = ${n}`);
  for (const cohort of e2.training) if (!Number.isInteger(cohort.count) || cohort.count <= 0) out.push(`cohort ${cohort.count}`);
  for (const k of ['killed', 'wounded', 'captured', 'returned', 'familiesAtRisk', 'exchanged'] as const)
    if (!Number.isInteger(h[k]) || h[k] < 0) out.push(`human.${k} = ${h[k]}`);
  for (const side of [h.russian, h.ukrainian]) if (side.killed < 0 || side.wounded < 0) out.push('negative casualties');
  for (const p of ['scrutiny', 'support', 'regimeControl', 'dissentRisk'] as const)
    if (!(s.politics[p] >= 0 && s.politics[p] <= 100)) out.push(`${p} = ${s.politics[p]}`);
  for (const [id, r] of Object.entries(s.estimates.kyiv))
    if (!(r.low <= (s.metrics[id] ?? 0) && (s.metrics[id] ?? 0) <= r.high)) out.push(`estimate ${id} excludes the truth`);
  return out;
}
