/**
 * Rules applied by orders and deliveries, each checked for its exact effect or direction:
 * stance, evidence, publicity, recall, truth, what Pyongyang receives, nuclear sharing, scoring
 * both ways, event comparators at their boundary, shells used, and Kyiv's own stocks.
 */
import { describe, expect, it } from 'vitest';
import { applyInPlace, createGame, score, type GameState, type Rules } from '../../src/engine';
import { conditionHolds } from '../../src/engine/events';
import { moveItem } from '../../src/engine/trade';
import { openRng } from '../../src/engine/rng';
import { builtInRules } from '../helpers/rules';

const base = builtInRules();

function at(seat: 'pyongyang' | 'moscow' | 'kyiv', patch: (r: Rules) => Rules = (r) => r, seed = 'p'): GameState {
  const s = createGame(patch(base), { seed });
  while (s.ctx.seat !== seat) applyInPlace(s, { type: 'endTurn', seat: s.ctx.seat });
  return s;
}
const pol = (k: string, v: unknown) => (r: Rules): Rules => ({ ...r, politics: { ...r.politics, [k]: v } });

describe('orders: exact political effects', () => {
  it('a change of stance shifts scrutiny by the scenario\'s amount, once', () => {
    const s = at('moscow', pol('stanceShift', { deny: -3, conflicting: 1, confirm: 8 }));
    const before = s.politics.scrutiny;
    applyInPlace(s, { type: 'setStance', seat: 'moscow', stance: 'confirm' });
    expect(s.politics.scrutiny).toBe(before + 8);
    applyInPlace(s, { type: 'setStance', seat: 'moscow', stance: 'confirm' });
    expect(s.politics.scrutiny).toBe(before + 8);
    applyInPlace(s, { type: 'setStance', seat: 'moscow', stance: 'deny' });
    expect(s.politics.scrutiny).toBe(before + 5);
  });

  it('releasing evidence raises scrutiny and support by its coefficients and uses the evidence up', () => {
    const s = at('kyiv', (r) => pol('evidenceSupport', 3)(pol('evidenceScrutiny', 4)(r)));
    s.stocks.kyiv.evidence = 2;
    const { scrutiny, support } = s.politics;
    applyInPlace(s, { type: 'releaseEvidence', seat: 'kyiv', amount: 2 });
    expect(s.politics.scrutiny).toBe(scrutiny + 8);
    expect(s.politics.support).toBe(support + 6);
    expect(s.stocks.kyiv.evidence).toBe(0);
    expect(applyInPlace(s, { type: 'releaseEvidence', seat: 'kyiv', amount: 1 })).toMatchObject({ ok: false, error: { code: 'insufficient' } });
  });

  it('publicity: support and scrutiny per prisoner up to the cap, double scrutiny against a denial, dissent with the lie exposed; no family is put at risk by the cameras', () => {
    const run = (stance: 'deny' | 'conflicting', information: 'deceive' | 'truth') => {
      const s = at('kyiv');
      s.levers.stance = stance;
      s.levers.information = information;
      s.politics.prisonersHeld = 7;
      s.stocks.kyiv.prisoners = 7;
      const before = { ...s.politics, families: s.human.familiesAtRisk };
      applyInPlace(s, { type: 'publicise', seat: 'kyiv' });
      return {
        support: s.politics.support - before.support,
        scrutiny: s.politics.scrutiny - before.scrutiny,
        dissent: s.politics.dissentRisk - before.dissentRisk,
        families: s.human.familiesAtRisk - before.families,
        shown: s.politics.prisonersPublicised,
      };
    };
    const p = base.politics;
    const conflicting = run('conflicting', 'truth');
    expect(conflicting.support).toBeCloseTo(p.publicitySupportPerPrisoner * p.publicityCap);
    expect(conflicting.scrutiny).toBeCloseTo(p.publicityScrutinyPerPrisoner * p.publicityCap);
    expect(conflicting.dissent).toBeCloseTo(p.dissentPerPublicisedPrisoner * p.publicityCap);
    expect(conflicting.families).toBe(0);
    expect(conflicting.shown).toBe(7);
    expect(run('deny', 'truth').scrutiny).toBeCloseTo(p.publicityScrutinyPerPrisoner * p.publicityCap * p.denialPublicityMultiplier);
    expect(run('conflicting', 'deceive').dissent).toBeCloseTo((p.dissentPerPublicisedPrisoner + p.dissentRevelationBonus) * p.publicityCap);
  });

  it('telling the truth costs regime control once; deceiving again costs nothing', () => {
    const s = at('pyongyang');
    const c = s.politics.regimeControl;
    applyInPlace(s, { type: 'setInformation', seat: 'pyongyang', policy: 'truth' });
    expect(s.politics.regimeControl).toBe(c - base.politics.truthControlCost);
    applyInPlace(s, { type: 'setInformation', seat: 'pyongyang', policy: 'deceive' });
    expect(s.politics.regimeControl).toBe(c - base.politics.truthControlCost);
  });

  it('recall brings soldiers home: returned, experience home, dissent by the coefficient', () => {
    const s = at('pyongyang');
    s.expedition.ready = 1000;
    s.human.sent = 1000;
    s.expedition.experience = 2000; // two months at the front per soldier
    const dissent = s.politics.dissentRisk;
    applyInPlace(s, { type: 'recall', seat: 'pyongyang', count: 500 });
    expect(s.human.returned).toBe(500);
    expect(s.expedition.ready).toBe(500);
    expect(s.expedition.experienceHome).toBe(1000);
    expect(s.politics.dissentRisk).toBeCloseTo(dissent + (base.politics.dissentPerThousandReturned * 3 * 500) / 1000);
  });
});

describe('deliveries: what arrives has its effect', () => {
  it.each([
    ['oil', 'controlPerOil'],
    ['food', 'controlPerFood'],
    ['unCover', 'controlPerUnCover'],
  ] as const)('%s raises regime control by %s per unit', (item, coef) => {
    const s = at('pyongyang');
    s.politics.regimeControl = 10;
    s.stocks.moscow[item] = 100;
    moveItem(s, 'moscow', 'pyongyang', item, 10);
    expect(s.politics.regimeControl).toBeCloseTo(10 + base.politics[coef] * 10);
  });

  it('nuclear technology raises scrutiny by its coefficient per package', () => {
    const s = at('moscow');
    const before = s.politics.scrutiny;
    moveItem(s, 'moscow', 'pyongyang', 'tech.nuclear', 2);
    expect(s.politics.scrutiny).toBeCloseTo(before + base.politics.scrutinyPerNuclearUnit * 2);
  });

  it('prisoners handed back go home: exchanged, not held, families stay at risk', () => {
    const s = at('kyiv');
    s.stocks.kyiv.prisoners = 5;
    s.politics.prisonersHeld = 5;
    s.politics.prisonersPublicised = 5;
    s.human.captured = 5;
    s.human.familiesAtRisk = 5;
    expect(moveItem(s, 'kyiv', 'moscow', 'prisoners', 3)).toBe(3);
    expect(s.stocks.kyiv.prisoners).toBe(2);
    expect(s.politics.prisonersHeld).toBe(2);
    expect(s.politics.prisonersPublicised).toBe(2);
    expect(s.human.exchanged).toBe(3);
    expect(s.stocks.moscow.prisoners).toBe(0);
    expect(s.human.familiesAtRisk).toBe(5);
  });

  it('ground handed over moves the line by exactly that many points of the salient', () => {
    const s = at('kyiv');
    const held = s.stocks.kyiv.ground;
    const mean = () => s.sectors.reduce((n, x) => n + x.control, 0) / s.sectors.length;
    const before = mean();
    expect(moveItem(s, 'kyiv', 'moscow', 'ground', 4)).toBe(4);
    expect(mean()).toBeCloseTo(before + 4);
    expect(s.stocks.kyiv.ground).toBe(held - 4);
  });

  it('prisoners of war reach Kyiv as freed, a pause as a month owed', () => {
    const s = at('moscow');
    moveItem(s, 'moscow', 'kyiv', 'pows', 7);
    moveItem(s, 'moscow', 'kyiv', 'pause', 1);
    expect(s.flows.received.kyiv.pows).toBe(7);
    expect(s.stocks.kyiv.pause).toBe(1);
  });
});

describe('combat uses what it says it uses', () => {
  it('shells: each side spends ammunitionPerThousand per 1,000 soldiers in the line, rounded up', () => {
    const noIncome = (r: Rules): Rules => ({
      ...r,
      capitals: {
        ...r.capitals,
        moscow: { ...r.capitals.moscow, income: { ...r.capitals.moscow.income, ammunition: 0 } },
        kyiv: { ...r.capitals.kyiv, income: { ...r.capitals.kyiv.income, ammunition: 0 } },
      },
    });
    const s = at('kyiv', noIncome);
    const ru = s.sectors.reduce((n, x) => n + x.russianTroops, 0) + s.expedition.missileUnits;
    const ua = s.sectors.reduce((n, x) => n + x.ukrainianTroops, 0);
    s.stocks.moscow.ammunition = 1e6;
    s.stocks.kyiv.ammunition = 1e6;
    applyInPlace(s, { type: 'endTurn', seat: 'kyiv' });
    const per = base.combat.ammunitionPerThousand;
    expect(1e6 - s.stocks.moscow.ammunition).toBe(Math.ceil((ru * per) / 1000));
    expect(1e6 - s.stocks.kyiv.ammunition).toBe(Math.ceil((ua * per) / 1000));
  });

  it('Kyiv cannot allocate drones or troops it does not have', () => {
    const s = at('kyiv');
    s.stocks.kyiv.drones = 3;
    expect(applyInPlace(s, { type: 'allocate', seat: 'kyiv', sector: 'sudzha', troops: 0, drones: 4 })).toMatchObject({ ok: false, error: { code: 'insufficient' } });
    expect(s.stocks.kyiv.drones).toBe(3);
    expect(applyInPlace(s, { type: 'allocate', seat: 'kyiv', sector: 'sudzha', troops: 0, drones: 3 }).ok).toBe(true);
    expect(s.stocks.kyiv.drones).toBe(0);
    const inSector = s.sectors.find((x) => x.id === 'sudzha')!.ukrainianDrones;
    expect(applyInPlace(s, { type: 'allocate', seat: 'kyiv', sector: 'sudzha', troops: 0, drones: -(inSector + 1) })).toMatchObject({ ok: false });
  });
});

describe('scoring, both ways', () => {
  const m = { x: 25 };
  it("'max' earns the share of the scale reached; 'min' earns the share left", () => {
    expect(score([{ metric: 'x', weight: 1, direction: 'max', scale: 100 }], m)).toBe(25);
    expect(score([{ metric: 'x', weight: 1, direction: 'min', scale: 100 }], m)).toBe(75);
  });
  it('weights weigh, values past the scale are capped, and a zero scale scores nothing', () => {
    expect(score([{ metric: 'x', weight: 3, direction: 'max', scale: 100 }, { metric: 'x', weight: 1, direction: 'min', scale: 100 }], m)).toBe(37.5);
    expect(score([{ metric: 'x', weight: 1, direction: 'max', scale: 10 }], m)).toBe(100);
    expect(score([{ metric: 'x', weight: 1, direction: 'min', scale: 10 }], m)).toBe(0);
    expect(score([{ metric: 'x', weight: 1, direction: 'max', scale: 0 }], m)).toBe(0);
  });
});

describe('event conditions at their boundary', () => {
  const s = createGame(base, { seed: 'cmp' });
  const rng = openRng(s.rng);
  const holds = (op: '>=' | '<=' | '>' | '<' | '==', value: number) =>
    conditionHolds({ ...s, metrics: { ...s.metrics, 'pyongyang.killed': 3000 } }, { type: 'metric', metric: 'pyongyang.killed', op, value }, rng);
  it.each([
    ['>=', 3000, true], ['>=', 3001, false], ['>', 3000, false], ['>', 2999, true],
    ['<=', 3000, true], ['<=', 2999, false], ['<', 3000, false], ['<', 3001, true],
    ['==', 3000, true], ['==', 2999, false],
  ] as const)('3000 %s %d is %s', (op, value, expected) => {
    expect(holds(op, value)).toBe(expected);
  });
});
