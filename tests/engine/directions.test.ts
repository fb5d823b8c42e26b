/**
 * The direction of every rule coefficient and every lever, table-driven. Each row resolves one
 * month from the same mid-game states (January 2025: North Koreans in the line, Kyiv targeting
 * them) under a low and a high value of one coefficient (or two settings of one lever), with the
 * same dice, and checks that what it governs moves the way the rule says. A sign flipped, a term
 * dropped or a coefficient ignored in src/engine makes a row fail.
 */
import { describe, expect, it } from 'vitest';
import { applyInPlace, cloneState, createGame, type Action, type GameState, type Rules } from '../../src/engine';
import { playBots } from '../../src/sim/play';
import { builtInRules, HISTORICAL_SEATS } from '../helpers/rules';

const base = builtInRules();
const SEEDS = ['d1', 'd2', 'd3', 'd4', 'd5', 'd6'];

/** Historical play up to the start of turn 4 (January 2025), Pyongyang to act. */
const starts: GameState[] = SEEDS.map((seed) => {
  const s = createGame(base, { seed });
  playBots(s, HISTORICAL_SEATS, [], () => s.ctx.turn >= 4);
  return s;
});

type Patch = (r: Rules) => Rules;
type Measure = (before: GameState, after: GameState) => number;

/** Mean of `measure` over one resolved month from each start, under patched rules and orders. */
function month(patch: Patch, orders: (s: GameState) => Action[], measure: Measure, prepare?: (s: GameState) => void): number {
  let sum = 0;
  for (const start of starts) {
    const s = cloneState(start);
    s.rules = patch(base);
    prepare?.(s);
    const before = cloneState(s);
    for (const a of orders(s)) applyInPlace(s, a);
    for (let i = 0; i < 3; i++) applyInPlace(s, { type: 'endTurn', seat: s.ctx.seat });
    sum += measure(before, s);
  }
  return sum / starts.length;
}

const combat = (k: string, v: unknown): Patch => (r) => ({ ...r, combat: { ...r.combat, [k]: v } });
const politics = (k: string, v: unknown): Patch => (r) => ({ ...r, politics: { ...r.politics, [k]: v } });
const none = (): Action[] => [];
const d = (f: (s: GameState) => number): Measure => (a, b) => f(b) - f(a);
const control = (s: GameState) => s.sectors.reduce((n, x) => n + x.control, 0);
const nkKilled = d((s) => s.human.killed);
const nkCasualties = d((s) => s.human.killed + s.human.wounded);
const ruCasualties = d((s) => s.human.russian.killed + s.human.russian.wounded);
const uaCasualties = d((s) => s.human.ukrainian.killed + s.human.ukrainian.wounded);
const captured = d((s) => s.human.captured);
const at = <T,>(v: T) => v;

interface Row {
  name: string;
  low: Patch;
  high: Patch;
  measure: Measure;
  /** 'up': the high value gives more; 'down': less. */
  dir: 'up' | 'down';
  orders?: (s: GameState) => Action[];
  prepare?: (s: GameState) => void;
}

const ROWS: Row[] = [
  { name: 'russianQuality moves control to Russia', low: combat('russianQuality', 0.5), high: combat('russianQuality', 2), measure: d(control), dir: 'up' },
  { name: 'ukrainianQuality moves control to Ukraine', low: combat('ukrainianQuality', 0.5), high: combat('ukrainianQuality', 2.5), measure: d(control), dir: 'down' },
  { name: 'northKoreanQuality adds to Russia', low: combat('northKoreanQuality', 0.1), high: combat('northKoreanQuality', 3), measure: d(control), dir: 'up' },
  { name: 'droneValue adds to Ukraine', low: combat('droneValue', 0), high: combat('droneValue', 60), measure: d(control), dir: 'down' },
  { name: 'controlRate scales how far the line moves', low: combat('controlRate', 1), high: combat('controlRate', 12), measure: (a, b) => Math.abs(control(b) - control(a)), dir: 'up' },
  { name: 'russianLossRate', low: combat('russianLossRate', 0.01), high: combat('russianLossRate', 0.1), measure: ruCasualties, dir: 'up' },
  { name: 'ukrainianLossRate', low: combat('ukrainianLossRate', 0.01), high: combat('ukrainianLossRate', 0.1), measure: uaCasualties, dir: 'up' },
  { name: 'northKoreanLossRate', low: combat('northKoreanLossRate', 0.05), high: combat('northKoreanLossRate', 0.3), measure: nkCasualties, dir: 'up' },
  { name: 'killedShare of North Koreans', low: combat('killedShare', { ...base.combat.killedShare, northKorean: 0.2 }), high: combat('killedShare', { ...base.combat.killedShare, northKorean: 0.9 }), measure: nkKilled, dir: 'up' },
  { name: 'killedShare of Russians', low: combat('killedShare', { ...base.combat.killedShare, russian: 0.1 }), high: combat('killedShare', { ...base.combat.killedShare, russian: 0.9 }), measure: d((s) => s.human.russian.killed), dir: 'up' },
  { name: 'killedShare of Ukrainians', low: combat('killedShare', { ...base.combat.killedShare, ukrainian: 0.1 }), high: combat('killedShare', { ...base.combat.killedShare, ukrainian: 0.9 }), measure: d((s) => s.human.ukrainian.killed), dir: 'up' },
  { name: 'droneVulnerability raises North Korean losses', low: combat('droneVulnerability', 0), high: combat('droneVulnerability', 4), measure: nkCasualties, dir: 'up' },
  { name: 'targetingMultiplier raises losses while Kyiv targets', low: combat('targetingMultiplier', 1), high: combat('targetingMultiplier', 3), measure: nkCasualties, dir: 'up', prepare: (s) => (s.levers.targetNorthKoreans = true) },
  { name: 'pairingLossMultiplier scales losses while paired', low: combat('pairingLossMultiplier', 0.2), high: combat('pairingLossMultiplier', 1), measure: nkCasualties, dir: 'up', prepare: (s) => (s.levers.pairing = true) },
  { name: 'awarenessGainPerMonth', low: combat('awarenessGainPerMonth', 0), high: combat('awarenessGainPerMonth', 20), measure: d((s) => s.expedition.droneAwareness), dir: 'up' },
  { name: 'awarenessGainPaired adds while paired', low: combat('awarenessGainPaired', 0), high: combat('awarenessGainPaired', 30), measure: d((s) => s.expedition.droneAwareness), dir: 'up', prepare: (s) => (s.levers.pairing = true) },
  { name: 'captureRate (deceived soldiers)', low: combat('captureRate', { deceive: 0, truth: 0.002 }), high: combat('captureRate', { deceive: 0.01, truth: 0.002 }), measure: captured, dir: 'up' },
  { name: 'captureRate (told the truth)', low: combat('captureRate', { deceive: 0.00025, truth: 0 }), high: combat('captureRate', { deceive: 0.00025, truth: 0.01 }), measure: captured, dir: 'up', prepare: (s) => (s.levers.information = 'truth') },
  { name: 'withdrawControlPerMonth cedes ground while withdrawing', low: combat('withdrawControlPerMonth', 0), high: combat('withdrawControlPerMonth', 20), measure: d(control), dir: 'up', prepare: (s) => (s.levers.posture = 'withdraw') },
  { name: 'withdrawShare pulls troops back while withdrawing', low: combat('withdrawShare', 0), high: combat('withdrawShare', 0.6), measure: d((s) => s.stocks.kyiv.troops), dir: 'up', prepare: (s) => (s.levers.posture = 'withdraw') },
  { name: 'ammunitionPerThousand: shells used', low: combat('ammunitionPerThousand', 100), high: combat('ammunitionPerThousand', 600), measure: (a, b) => a.stocks.moscow.ammunition - b.stocks.moscow.ammunition, dir: 'up' },
  { name: 'ammunitionFloor: strength left without shells', low: combat('ammunitionFloor', 0.1), high: combat('ammunitionFloor', 0.9), measure: d(control), dir: 'up', prepare: (s) => (s.stocks.moscow.ammunition = 0, s.rules.capitals.moscow.income.ammunition = 0) },
  { name: 'woundedReturnShare returns wounded to the ready pool', low: combat('woundedReturnShare', 0), high: combat('woundedReturnShare', 1), measure: d((s) => s.expedition.invalided), dir: 'down' },
  { name: 'missileUnitValue adds to Russia', low: combat('missileUnitValue', 0), high: combat('missileUnitValue', 40), measure: d(control), dir: 'up', prepare: (s) => ((s.expedition.missileUnits = 900), (s.stocks.moscow['tech.missile'] = 5)) },
  { name: 'missileUnitLossFactor', low: combat('missileUnitLossFactor', 0), high: combat('missileUnitLossFactor', 1), measure: nkCasualties, dir: 'up', prepare: (s) => ((s.expedition.missileUnits = 900), (s.stocks.moscow['tech.missile'] = 5)) },
  { name: 'missileCrewPerTechUnit limits crews that fight', low: combat('missileCrewPerTechUnit', 10), high: combat('missileCrewPerTechUnit', 1000), measure: d(control), dir: 'up', prepare: (s) => ((s.expedition.missileUnits = 900), (s.stocks.moscow['tech.missile'] = 1)) },
  { name: 'trainingBonusPerMonth makes trained soldiers stronger', low: combat('trainingBonusPerMonth', 0), high: combat('trainingBonusPerMonth', 1), measure: d(control), dir: 'up', prepare: (s) => (s.expedition.trainingLevel = 3) },
  { name: 'morale.deceive raises morale of deceived soldiers', low: combat('morale', { ...base.combat.morale, deceive: -20 }), high: combat('morale', { ...base.combat.morale, deceive: 30 }), measure: (_a, b) => b.expedition.morale, dir: 'up' },
  { name: 'morale.perCasualtyShare lowers morale with losses', low: combat('morale', { ...base.combat.morale, perCasualtyShare: 0 }), high: combat('morale', { ...base.combat.morale, perCasualtyShare: 3 }), measure: (_a, b) => b.expedition.morale, dir: 'down' },
  { name: 'moraleQuality.atFull: morale makes soldiers stronger', low: combat('moraleQuality', { atZero: 0.6, atFull: 0.6 }), high: combat('moraleQuality', { atZero: 0.6, atFull: 3 }), measure: d(control), dir: 'up' },
  { name: 'operatorsPerPairedSector: fewer operators cover less', low: combat('operatorsPerPairedSector', 1), high: combat('operatorsPerPairedSector', 500), measure: nkCasualties, dir: 'up', prepare: (s) => (s.levers.pairing = true) },
  // Politics
  { name: 'scrutinyPerThousandCasualties (conflicting)', low: politics('scrutinyPerThousandCasualties', { deny: 6, conflicting: 0, confirm: 2 }), high: politics('scrutinyPerThousandCasualties', { deny: 6, conflicting: 40, confirm: 2 }), measure: d((s) => s.politics.scrutiny), dir: 'up' },
  { name: 'scrutinyDecay lowers scrutiny', low: politics('scrutinyDecay', 0), high: politics('scrutinyDecay', 10), measure: d((s) => s.politics.scrutiny), dir: 'down' },
  { name: 'supportDecay lowers support', low: politics('supportDecay', 0), high: politics('supportDecay', 10), measure: d((s) => s.politics.support), dir: 'down' },
  { name: 'supportPerKurskPoint: holding most of the salient raises support', low: politics('supportPerKurskPoint', 0), high: politics('supportPerKurskPoint', 1), measure: d((s) => s.politics.support), dir: 'up', prepare: (s) => s.sectors.forEach((x) => (x.control = 5)) },
  { name: 'supportPerScrutinyPoint: a watched Moscow brings Kyiv support', low: politics('supportPerScrutinyPoint', 0), high: politics('supportPerScrutinyPoint', 0.5), measure: d((s) => s.politics.support), dir: 'up', prepare: (s) => (s.politics.scrutiny = 90) },
  { name: 'sanctionsAtFullScrutiny cuts Moscow’s income', low: politics('sanctionsAtFullScrutiny', 0), high: politics('sanctionsAtFullScrutiny', 0.9), measure: d((s) => s.stocks.moscow.currency), dir: 'down', prepare: (s) => (s.politics.scrutiny = 90) },
  { name: 'supportIncome: Kyiv’s income follows support', low: politics('supportIncome', { atZero: 0.3, atFull: 0.3 }), high: politics('supportIncome', { atZero: 0.3, atFull: 3 }), measure: d((s) => s.stocks.kyiv.drones), dir: 'up' },
  { name: 'controlLossPerDissent', low: politics('controlLossPerDissent', 0), high: politics('controlLossPerDissent', 2), measure: d((s) => s.politics.regimeControl), dir: 'down', prepare: (s) => (s.politics.dissentRisk = 90) },
  { name: 'dissentPerThousandLost: the dead cost the regime', low: politics('dissentPerThousandLost', 0), high: politics('dissentPerThousandLost', 20), measure: d((s) => s.politics.dissentRisk), dir: 'up' },
  { name: 'familiesPerPrisoner: capture itself puts families at risk', low: politics('familiesPerPrisoner', 0), high: politics('familiesPerPrisoner', 3), measure: d((s) => s.human.familiesAtRisk), dir: 'up', prepare: (s) => (s.rules = { ...s.rules, combat: { ...s.rules.combat, captureRate: { deceive: 0.01, truth: 0.01 } } }) },
];

// Lever rows compare two settings under the same rules.
interface LeverRow {
  name: string;
  low: (s: GameState) => void;
  high: (s: GameState) => void;
  measure: Measure;
  dir: 'up' | 'down';
}
const LEVERS: LeverRow[] = [
  { name: 'training level (months) makes the expedition stronger', low: (s) => (s.expedition.trainingLevel = 0), high: (s) => (s.expedition.trainingLevel = 3), measure: d(control), dir: 'up' },
  { name: 'pairing lowers North Korean losses', low: (s) => (s.levers.pairing = false), high: (s) => (s.levers.pairing = true), measure: nkCasualties, dir: 'down' },
  { name: 'targeting raises North Korean losses', low: (s) => (s.levers.targetNorthKoreans = false), high: (s) => (s.levers.targetNorthKoreans = true), measure: nkCasualties, dir: 'up' },
  { name: 'telling the truth means more surrender', low: (s) => (s.levers.information = 'deceive'), high: (s) => (s.levers.information = 'truth'), measure: captured, dir: 'up' },
  { name: 'telling the truth lowers morale', low: (s) => (s.levers.information = 'deceive'), high: (s) => (s.levers.information = 'truth'), measure: (_a, b) => b.expedition.morale, dir: 'down' },
  { name: 'withdrawing cedes ground', low: (s) => (s.levers.posture = 'hold'), high: (s) => (s.levers.posture = 'withdraw'), measure: d(control), dir: 'up' },
  { name: 'confirming costs less scrutiny per casualty than denying', low: (s) => (s.levers.stance = 'confirm'), high: (s) => (s.levers.stance = 'deny'), measure: d((s) => s.politics.scrutiny), dir: 'up' },
  { name: 'a pause stops the fighting: no North Korean losses', low: (s) => (s.stocks.kyiv.pause = 1), high: (s) => (s.stocks.kyiv.pause = 0), measure: nkCasualties, dir: 'up' },
  { name: 'a pause spends no shells', low: (s) => (s.stocks.kyiv.pause = 1), high: (s) => (s.stocks.kyiv.pause = 0), measure: (a, b) => a.stocks.moscow.ammunition + (a.rules.capitals.moscow.income.ammunition ?? 0) - b.stocks.moscow.ammunition, dir: 'up' },
  { name: 'North Koreans in the line: more of them, more losses', low: (s) => (s.expedition.bySector = Object.fromEntries(Object.keys(s.expedition.bySector).map((k) => [k, 100]))), high: (s) => (s.expedition.bySector = Object.fromEntries(Object.keys(s.expedition.bySector).map((k) => [k, 3000]))), measure: nkCasualties, dir: 'up' },
];

describe('every rule coefficient moves what it governs, the way the rule says', () => {
  it.each(ROWS)('$name', (row) => {
    const lo = month(row.low, row.orders ?? none, row.measure, row.prepare);
    const hi = month(row.high, row.orders ?? none, row.measure, row.prepare);
    if (row.dir === 'up') expect(hi).toBeGreaterThan(lo);
    else expect(hi).toBeLessThan(lo);
  });
});

describe('every lever moves what it governs', () => {
  it.each(LEVERS)('$name', (row) => {
    const lo = month(at, none, row.measure, row.low);
    const hi = month(at, none, row.measure, row.high);
    if (row.dir === 'up') expect(hi).toBeGreaterThan(lo);
    else expect(hi).toBeLessThan(lo);
  });
});
