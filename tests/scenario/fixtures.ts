/** A small valid scenario and a small ledger, written out so tests can point at exact lines. */
import type { Ledger } from '../../src/ledger/schema';

/**
 * A complete, valid scenario in YAML. Line numbers matter to the tests: change it only together
 * with them. Line 1 is `formatVersion: 1`.
 */
export const SMALL_YAML = `formatVersion: 1
id: small-test
title: A small test scenario
description: Two sectors, three turns, enough to exercise the loader.
author: Test suite
version: '0.1'
calendar: { start: '2024-10', turnMonths: 1, turns: 3 }
capitals:
  pyongyang:
    name: Pyongyang
    stocks:
      troops: { figure: troops-range }
      ammunition: 500
    income: { ammunition: 10.5 }
    levers: [trade, training, information]
  moscow:
    name: Moscow
    stocks: { troops: 1000, tech.nuclear: 2 }
    levers: [trade, assign, pairing, stance, allocate]
  kyiv:
    name: Kyiv
    playable: false
    stocks: { drones: { value: 40, source: own assumption for the test } }
    levers: [allocate, targeting, publicise, evidence]
alreadyDelivered:
  troops: 0
  ammunition: { figure: ammo-single }
  workers: 0
sectors:
  - { id: north, name: North, control: 40, russianTroops: 500, ukrainianTroops: 400, ukrainianDrones: 10, map: { x: 0.2, y: 0.3 } }
  - { id: south, name: South, control: 60, russianTroops: { figure: troops-range, scale: 0.05 }, ukrainianTroops: 300, ukrainianDrones: 5, map: { x: 0.6, y: 0.7 } }
combat:
  russianQuality: 1
  ukrainianQuality: 1.2
  northKoreanQuality: 0.8
  trainingBonusPerMonth: 0.1
  trainingCapMonths: 3
  droneValue: 10
  russianLossRate: 0.05
  ukrainianLossRate: 0.05
  northKoreanLossRate: 0.1
  killedShare: { russian: 0.3, ukrainian: 0.3, northKorean: 0.5 }
  droneVulnerability: 1
  targetingMultiplier: 1.3
  pairingLossMultiplier: 0.6
  operatorsPerPairedSector: 10
  awarenessGainPerMonth: 8
  awarenessGainPaired: 12
  captureRate: { deceive: 0.0005, truth: 0.002 }
  controlRate: 5
  withdrawControlPerMonth: 10
  withdrawShare: 0.3
  ammunitionPerThousand: 400
  ammunitionFloor: 0.5
  volatility: 0.2
  woundedReturnShare: 0.5
  missileUnitValue: 3
  missileUnitLossFactor: 0.2
  morale: { start: 60, deceive: 10, truth: -10, perCasualtyShare: 0.5 }
  moraleQuality: { atZero: 0.6, atFull: 1.1 }
trade:
  routes:
    - { from: pyongyang, to: moscow, items: [troops, ammunition] }
    - { from: moscow, to: pyongyang, items: [oil, tech.nuclear] }
  offerExpiryTurns: 2
  maxDeliveryTurns: 3
  lateChance: 0.1
  maxOpenOffers: 3
politics:
  start: { scrutiny: 20, support: 60, regimeControl: 70, dissentRisk: 10 }
  scrutinyPerThousandCasualties: { deny: 6, conflicting: 4, confirm: 2 }
  stanceShift: { deny: 0, conflicting: 1, confirm: 8 }
  scrutinyPerNuclearUnit: 10
  evidenceScrutiny: 4
  evidenceSupport: 3
  evidenceNarrowing: 0.1
  publicitySupportPerPrisoner: 2
  publicityScrutinyPerPrisoner: 2
  publicityCap: 5
  familiesPerPrisoner: 1
  supportPerKurskPoint: 0.05
  supportDecay: 1
  scrutinyDecay: 1
  dissentPerThousandReturned: 5
  dissentPerPublicisedPrisoner: 1
  dissentRevelationBonus: 2
  controlPerOil: 0.01
  controlPerFood: 0.02
  controlPerUnCover: 1
  controlLossPerDissent: 0.2
  truthControlCost: 8
  supportIncome: { atZero: 0.3, atFull: 1.3 }
intel: { start: 0.5, min: 0.05, max: 0.8, drift: 0.02 }
levers:
  trainingMonths: { min: 1, max: 3, start: 1 }
  information: deceive
  stance: conflicting
  pairing: false
  targetNorthKoreans: false
  posture: hold
events:
  - id: first-news
    date: '2024-10'
    title: First news
    text: Reports surface.
    effects:
      - { type: adjust, target: moscow.scrutiny, by: 5 }
      - { type: stock, capital: kyiv, item: evidence, by: { figure: ammo-single, scale: 0.001 } }
    cites: [troops-range]
  - id: later
    from: '2024-11'
    condition: { type: all, of: [{ type: metric, metric: human.killed, op: '>=', value: 10 }, { type: lever, capital: moscow, lever: stance, equals: conflicting }] }
    title: Later
    text: Something later.
    effects:
      - { type: lever, capital: moscow, lever: stance, value: confirm }
    cites: []
scoring:
  pyongyang:
    - { metric: pyongyang.techGained, weight: 1, direction: max, scale: 2 }
  moscow:
    - { metric: moscow.kurskControl, weight: 1, direction: max, scale: 100 }
  kyiv:
    - { metric: kyiv.kurskHeld, weight: 1, direction: max, scale: 100 }
policies:
  historical:
    pyongyang:
      troopsBy: [{ date: '2024-10', total: { figure: troops-range, scale: 0.1 } }]
      askPerThousandTroops: { oil: 12.5 }
      offers: [{ date: '2024-11', give: { ammunition: 100 }, get: { oil: 10 }, turns: 2 }]
      trainingMonths: 1
      information: deceive
    moscow: { pairingFrom: '2024-12', missileUnitsFrom: null, missileUnitShare: 0.3, stance: conflicting, reinforceShare: 0.5 }
    kyiv: { targetNorthKoreansFrom: '2024-11', publicise: true, releaseEvidence: true, withdrawFrom: null, reinforceShare: 0.6 }
  values:
    pyongyang: { troops: 1, oil: 4 }
    moscow: { troops: 1.5, oil: 1 }
  counterAbove: 0.7
`;

/** 1-based line number of the first line of SMALL_YAML that starts with `prefix` (after indent). */
export function lineOf(prefix: string, text: string = SMALL_YAML): number {
  const i = text.split('\n').findIndex((l) => l.trimStart().startsWith(prefix));
  if (i < 0) throw new Error(`no line starting with ${prefix}`);
  return i + 1;
}

/** SMALL_YAML with one line (found by its start, after indentation) replaced. */
export function withLine(prefix: string, replacement: string, text: string = SMALL_YAML): string {
  const lines = text.split('\n');
  const i = lines.findIndex((l) => l.trimStart().startsWith(prefix));
  if (i < 0) throw new Error(`no line starting with ${prefix}`);
  lines[i] = replacement;
  return lines.join('\n');
}

/** A ledger with a ranged figure, a single-valued one and a qualitative one. */
export const LEDGER: Ledger = {
  formatVersion: 1,
  documents: [
    {
      id: 'doc-test',
      file: 'test.txt',
      title: 'A test document',
      kind: 'test fixture',
      published: '2024',
      summary: 'Numbers for tests.',
      references: [],
    },
  ],
  figures: [
    {
      id: 'troops-range',
      claim: 'Between 10,000 and 12,000 soldiers.',
      kind: 'quantity',
      low: 10000,
      central: 11000,
      high: 12000,
      unit: 'soldiers',
      claimedBy: 'test',
      status: 'estimated',
      sources: [{ document: 'doc-test', ref: null }],
    },
    {
      id: 'ammo-single',
      claim: 'Over 13,000 containers.',
      kind: 'quantity',
      value: 13000,
      bound: 'atLeast',
      unit: 'containers',
      claimedBy: 'test',
      status: 'reported',
      sources: [{ document: 'doc-test', ref: null }],
    },
    {
      id: 'soldiers-deceived',
      claim: 'The soldiers were told they would fight Americans.',
      kind: 'qualitative',
      claimedBy: 'test',
      status: 'reported',
      sources: [{ document: 'doc-test', ref: null }],
    },
  ],
};
