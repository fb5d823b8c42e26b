/**
 * Monthly combat on the Kursk front, sector by sector. Russian and North Korean units on one
 * side, Ukrainian troops and drones on the other; the force ratio moves control and sets
 * casualties. North Korean losses depend on drone awareness (they arrived untrained for drones),
 * Kyiv's drone targeting and pairing with Russian drone operators; captures are rare and depend
 * on what the soldiers were told. Every coefficient comes from rules.combat.
 */
import { northKoreansAtFront, troopsAtFront } from './metrics';
import { jitter, roundRandom, type Rng } from './rng';
import { clamp } from './stocks';
import { syncGround } from './ground';
import type { Capital, GameState, SectorReport, TurnReport } from './types';

/** Strength multiplier from ammunition: full when supplied, `floor` with nothing. */
function supplyFactor(supplied: number, floor: number): number {
  return floor + (1 - floor) * supplied;
}

/** Draws ammunition for a month of fighting; returns the share of the need that was met. */
function drawAmmunition(state: GameState, who: Capital, soldiers: number): number {
  const need = Math.ceil((soldiers * state.rules.combat.ammunitionPerThousand) / 1000);
  if (need <= 0) return 1;
  const used = Math.min(need, state.stocks[who].ammunition);
  state.stocks[who].ammunition -= used;
  return used / need;
}

export function northKoreanQuality(state: GameState): number {
  const c = state.rules.combat;
  const e = state.expedition;
  const trained = 1 + c.trainingBonusPerMonth * Math.min(e.trainingLevel, c.trainingCapMonths);
  const morale = c.moraleQuality.atZero + ((c.moraleQuality.atFull - c.moraleQuality.atZero) * e.morale) / 100;
  return c.northKoreanQuality * trained * morale;
}

/** Multiplier on North Korean casualties from drones, this month. */
export function droneExposure(state: GameState, pairedShare: number): number {
  const c = state.rules.combat;
  let x = 1 + c.droneVulnerability * (1 - state.expedition.droneAwareness / 100);
  if (state.levers.targetNorthKoreans) x *= c.targetingMultiplier;
  x *= 1 - pairedShare + pairedShare * c.pairingLossMultiplier;
  return x;
}

/** Share of sectors with North Korean units that Moscow's drone operators can cover. */
function pairingCover(state: GameState): { share: number; needed: number } {
  if (!state.levers.pairing) return { share: 0, needed: 0 };
  let sectors = 0;
  for (const id in state.expedition.bySector) if ((state.expedition.bySector[id] ?? 0) > 0) sectors++;
  const needed = sectors * state.rules.combat.operatorsPerPairedSector;
  if (needed === 0) return { share: 0, needed: 0 };
  return { share: Math.min(1, state.stocks.moscow.droneOperators / needed), needed };
}

/** Missile crews that have missiles to fire: North Korean missile technology limits them. */
export function missileCrews(state: GameState): number {
  const perTech = state.rules.combat.missileCrewPerTechUnit;
  const crews = state.expedition.missileUnits;
  return perTech > 0 ? Math.min(crews, perTech * state.stocks.moscow['tech.missile']) : crews;
}

export function resolveCombat(state: GameState, rng: Rng, report: TurnReport): void {
  const c = state.rules.combat;
  const e = state.expedition;
  const nkFront = northKoreansAtFront(state);
  const { russian: ruFront, ukrainian: uaFront } = troopsAtFront(state);
  // A pause Moscow owes Kyiv holds the whole front for the month: no assault, no losses, no shells.
  const paused = state.stocks.kyiv.pause > 0;
  if (paused) state.stocks.kyiv.pause -= 1;
  const ruSupply = paused ? 1 : supplyFactor(drawAmmunition(state, 'moscow', ruFront + nkFront + e.missileUnits), c.ammunitionFloor);
  const uaSupply = paused ? 1 : supplyFactor(drawAmmunition(state, 'kyiv', uaFront), c.ammunitionFloor);
  const qNk = northKoreanQuality(state);
  const pairing = pairingCover(state);
  const exposure = droneExposure(state, pairing.share);
  const missileShare = state.sectors.length > 0 ? (missileCrews(state) * c.missileUnitValue) / state.sectors.length : 0;
  const withdrawing = state.levers.posture === 'withdraw';
  let nkCasualties = 0;
  let nkLost = 0;

  for (const s of state.sectors) {
    const nk = e.bySector[s.id] ?? 0;
    const before = s.control;
    const sRu = (s.russianTroops * c.russianQuality + nk * qNk + missileShare) * ruSupply;
    const sUa = (s.ukrainianTroops * c.ukrainianQuality + s.ukrainianDrones * c.droneValue) * uaSupply;
    const total = sRu + sUa;
    const line: SectorReport = {
      sector: s.id,
      controlBefore: before,
      controlAfter: before,
      northKoreans: nk,
      russian: { killed: 0, wounded: 0 },
      ukrainian: { killed: 0, wounded: 0 },
      northKorean: { killed: 0, wounded: 0, captured: 0 },
    };
    if (total > 0 && !paused) {
      const r = sRu / total; // the Russian side's share of the fighting power
      // 2:1 (r = 2/3) moves controlRate points; an even fight moves none on average.
      let delta = c.controlRate * (r - 0.5) * 6 * jitter(c.volatility, rng);
      if (withdrawing) delta += c.withdrawControlPerMonth;
      s.control = Math.round(clamp(s.control + delta, 0, 100) * 10) / 10;
      const onUa = 2 * r; // pressure on each side: 1 in an even fight
      const onRu = 2 * (1 - r);
      const uaCas = Math.min(s.ukrainianTroops, roundRandom(s.ukrainianTroops * c.ukrainianLossRate * onUa * jitter(c.volatility, rng), rng));
      const ruCas = Math.min(s.russianTroops, roundRandom(s.russianTroops * c.russianLossRate * onRu * jitter(c.volatility, rng), rng));
      const nkCas = Math.min(nk, roundRandom(nk * c.northKoreanLossRate * onRu * exposure * jitter(c.volatility, rng), rng));
      const captured = Math.min(nk - nkCas, roundRandom(nk * c.captureRate[state.levers.information], rng));
      const uaKilled = roundRandom(uaCas * c.killedShare.ukrainian, rng);
      const ruKilled = roundRandom(ruCas * c.killedShare.russian, rng);
      const nkKilled = roundRandom(nkCas * c.killedShare.northKorean, rng);
      s.ukrainianTroops -= uaCas;
      s.russianTroops -= ruCas;
      e.bySector[s.id] = nk - nkCas - captured;
      e.recovering += nkCas - nkKilled;
      nkCasualties += nkCas;
      const h = state.human;
      h.ukrainian.killed += uaKilled;
      h.ukrainian.wounded += uaCas - uaKilled;
      h.russian.killed += ruKilled;
      h.russian.wounded += ruCas - ruKilled;
      h.killed += nkKilled;
      h.wounded += nkCas - nkKilled;
      h.captured += captured;
      state.politics.prisonersHeld += captured;
      state.stocks.kyiv.prisoners += captured;
      // The sources: a captured soldier's family faces execution. Capture itself is the risk.
      h.familiesAtRisk += Math.round(captured * state.rules.politics.familiesPerPrisoner);
      nkLost += nkKilled + captured;
      line.controlAfter = s.control;
      line.ukrainian = { killed: uaKilled, wounded: uaCas - uaKilled };
      line.russian = { killed: ruKilled, wounded: ruCas - ruKilled };
      line.northKorean = { killed: nkKilled, wounded: nkCas - nkKilled, captured };
    }
    else if (withdrawing) s.control = Math.round(clamp(s.control + c.withdrawControlPerMonth, 0, 100) * 10) / 10;
    if (withdrawing && s.ukrainianTroops > 0) {
      const back = Math.floor(s.ukrainianTroops * c.withdrawShare);
      s.ukrainianTroops -= back;
      state.stocks.kyiv.troops += back;
    }
    report.sectors.push(line);
  }

  // Missile units fight from further back: fewer losses, counted with the rest.
  if (e.missileUnits > 0 && !paused) {
    const cas = Math.min(e.missileUnits, roundRandom(e.missileUnits * c.northKoreanLossRate * c.missileUnitLossFactor, rng));
    const killed = roundRandom(cas * c.killedShare.northKorean, rng);
    e.missileUnits -= cas;
    e.recovering += cas - killed;
    state.human.killed += killed;
    state.human.wounded += cas - killed;
    nkCasualties += cas;
    nkLost += killed;
  }
  syncGround(state);

  // The dead and the captured cost the regime that sent them: families learn, dissent grows.
  const pol = state.politics;
  pol.dissentRisk = clamp(pol.dissentRisk + (state.rules.politics.dissentPerThousandLost * nkLost) / 1000, 0, 100);

  // Pairing exposes the Russian specialists too.
  if (pairing.needed > 0) {
    const ops = Math.min(pairing.needed, state.stocks.moscow.droneOperators);
    state.stocks.moscow.droneOperators -= Math.min(ops, roundRandom(ops * c.russianLossRate, rng));
  }

  // Experience and drone awareness grow with time at the front; morale follows losses.
  if (nkFront > 0) {
    e.experience += nkFront;
    const gain = c.awarenessGainPerMonth + pairing.share * c.awarenessGainPaired;
    e.droneAwareness = clamp(e.droneAwareness + gain, 0, 100);
  }
  const m = c.morale;
  const base = m.start + (state.levers.information === 'deceive' ? m.deceive : m.truth);
  const lossShare = nkFront > 0 ? nkCasualties / nkFront : 0;
  e.morale = clamp(Math.round(base - m.perCasualtyShare * lossShare * 100), 0, 100);

  state.politics.scrutiny = clamp(
    state.politics.scrutiny + (state.rules.politics.scrutinyPerThousandCasualties[state.levers.stance] * nkCasualties) / 1000,
    0,
    100,
  );
}

/** Wounded come back or leave for good; cohorts finish training. Runs before combat. */
export function advanceExpedition(state: GameState, rng: Rng): void {
  const c = state.rules.combat;
  const e = state.expedition;
  if (e.recovering > 0) {
    const back = roundRandom(e.recovering * c.woundedReturnShare, rng);
    e.invalided += e.recovering - back;
    e.ready += back;
    e.recovering = 0;
  }
  const months = state.rules.calendar.turnMonths;
  const still: typeof e.training = [];
  let readyBefore = e.ready + northKoreansAtFront(state) + e.missileUnits;
  for (const cohort of e.training) {
    cohort.monthsLeft -= months;
    cohort.monthsTrained += months;
    if (cohort.monthsLeft <= 0) {
      // Training level is the mean months of training of everyone who has finished.
      const total = readyBefore + cohort.count;
      e.trainingLevel = total > 0 ? (e.trainingLevel * readyBefore + cohort.monthsTrained * cohort.count) / total : 0;
      e.ready += cohort.count;
      readyBefore = total;
    } else {
      still.push(cohort);
    }
  }
  e.training = still;
}
