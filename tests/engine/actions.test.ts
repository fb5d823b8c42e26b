import { describe, expect, it } from 'vitest';
import { applyAction, applyInPlace, createGame, hashState, type Action, type GameState } from '../../src/engine';
import { builtInRules } from '../helpers/rules';

function fresh(): GameState {
  return createGame(builtInRules(), { seed: 'actions' });
}

/** Ends seats' turns until `seat` is to act. */
function until(state: GameState, seat: GameState['ctx']['seat']): GameState {
  let s = state;
  while (s.ctx.seat !== seat) {
    const r = applyAction(s, { type: 'endTurn', seat: s.ctx.seat });
    if (!r.ok) throw new Error(r.error.message);
    s = r.value;
  }
  return s;
}

function must(state: GameState, action: Action): GameState {
  const r = applyAction(state, action);
  if (!r.ok) throw new Error(`${action.type}: ${r.error.message}`);
  return r.value;
}

describe('illegal actions return an error and change nothing', () => {
  const cases: { name: string; at: 'pyongyang' | 'moscow' | 'kyiv'; action: unknown; code: string }[] = [
    { name: 'out of turn', at: 'pyongyang', action: { type: 'setStance', seat: 'moscow', stance: 'deny' }, code: 'not-your-turn' },
    { name: 'unknown seat', at: 'pyongyang', action: { type: 'endTurn', seat: 'beijing' }, code: 'not-your-turn' },
    { name: 'unknown type', at: 'pyongyang', action: { type: 'nuke', seat: 'pyongyang' }, code: 'unknown-action' },
    { name: 'not an object', at: 'pyongyang', action: null, code: 'unknown-action' },
    { name: "another capital's lever", at: 'pyongyang', action: { type: 'setStance', seat: 'pyongyang', stance: 'deny' }, code: 'lever-disabled' },
    { name: 'Kyiv offers an item it has no route for', at: 'kyiv', action: { type: 'offer', seat: 'kyiv', to: 'moscow', give: { troops: 1 }, get: {}, turns: 1 }, code: 'no-route' },
    { name: 'training too long', at: 'pyongyang', action: { type: 'setTraining', seat: 'pyongyang', months: 9 }, code: 'bad-value' },
    { name: 'fractional training', at: 'pyongyang', action: { type: 'setTraining', seat: 'pyongyang', months: 1.5 }, code: 'bad-value' },
    { name: 'bad information policy', at: 'pyongyang', action: { type: 'setInformation', seat: 'pyongyang', policy: 'maybe' }, code: 'bad-value' },
    { name: 'recall with nobody ready', at: 'pyongyang', action: { type: 'recall', seat: 'pyongyang', count: 10 }, code: 'insufficient' },
    { name: 'recall zero', at: 'pyongyang', action: { type: 'recall', seat: 'pyongyang', count: 0 }, code: 'bad-amount' },
    { name: 'offer more troops than held', at: 'pyongyang', action: { type: 'offer', seat: 'pyongyang', to: 'moscow', give: { troops: 99999999 }, get: { oil: 1 }, turns: 1 }, code: 'insufficient' },
    { name: 'offer a negative amount', at: 'pyongyang', action: { type: 'offer', seat: 'pyongyang', to: 'moscow', give: { troops: -5 }, get: { oil: 1 }, turns: 1 }, code: 'bad-amount' },
    { name: 'offer a fraction', at: 'pyongyang', action: { type: 'offer', seat: 'pyongyang', to: 'moscow', give: { troops: 1.5 }, get: {}, turns: 1 }, code: 'bad-amount' },
    { name: 'offer an unknown item', at: 'pyongyang', action: { type: 'offer', seat: 'pyongyang', to: 'moscow', give: { gold: 5 }, get: {}, turns: 1 }, code: 'bad-amount' },
    { name: 'offer nothing', at: 'pyongyang', action: { type: 'offer', seat: 'pyongyang', to: 'moscow', give: {}, get: {}, turns: 1 }, code: 'bad-amount' },
    { name: 'trade with itself', at: 'pyongyang', action: { type: 'offer', seat: 'pyongyang', to: 'pyongyang', give: { troops: 5 }, get: {}, turns: 1 }, code: 'no-route' },
    { name: 'item with no route', at: 'pyongyang', action: { type: 'offer', seat: 'pyongyang', to: 'moscow', give: { food: 0, oil: 5 }, get: {}, turns: 1 }, code: 'no-route' },
    { name: 'no route to Kyiv', at: 'pyongyang', action: { type: 'offer', seat: 'pyongyang', to: 'kyiv', give: { troops: 5 }, get: {}, turns: 1 }, code: 'no-route' },
    { name: 'delivery too long', at: 'pyongyang', action: { type: 'offer', seat: 'pyongyang', to: 'moscow', give: { troops: 5 }, get: {}, turns: 40 }, code: 'bad-amount' },
    { name: 'accept unknown offer', at: 'moscow', action: { type: 'accept', seat: 'moscow', offerId: 77 }, code: 'unknown-offer' },
    { name: 'assign to unknown sector', at: 'moscow', action: { type: 'assign', seat: 'moscow', sector: 'berlin', count: 5 }, code: 'unknown-sector' },
    { name: 'assign soldiers not ready', at: 'moscow', action: { type: 'assign', seat: 'moscow', sector: 'sudzha', count: 5 }, code: 'insufficient' },
    { name: 'withdraw more than are there', at: 'moscow', action: { type: 'assign', seat: 'moscow', sector: 'sudzha', count: -5 }, code: 'insufficient' },
    { name: 'Moscow allocates drones', at: 'moscow', action: { type: 'allocate', seat: 'moscow', sector: 'sudzha', troops: 0, drones: 5 }, code: 'bad-value' },
    { name: 'allocate more than the reserve', at: 'kyiv', action: { type: 'allocate', seat: 'kyiv', sector: 'sudzha', troops: 999999, drones: 0 }, code: 'insufficient' },
    { name: 'bad stance', at: 'moscow', action: { type: 'setStance', seat: 'moscow', stance: 'shrug' }, code: 'bad-value' },
    { name: 'publicise with no prisoners', at: 'kyiv', action: { type: 'publicise', seat: 'kyiv' }, code: 'insufficient' },
    { name: 'release more evidence than held', at: 'kyiv', action: { type: 'releaseEvidence', seat: 'kyiv', amount: 50 }, code: 'insufficient' },
    { name: 'bad posture', at: 'kyiv', action: { type: 'setPosture', seat: 'kyiv', posture: 'flee' }, code: 'bad-value' },
  ];
  it.each(cases)('$name → $code', ({ at, action, code }) => {
    const state = until(fresh(), at);
    const before = hashState(state);
    const snapshot = JSON.stringify(state);
    const r = applyInPlace(state, action as Action);
    expect(r.ok).toBe(false);
    if (!r.ok) {
      expect(r.error.code).toBe(code);
      expect(r.error.message.length).toBeGreaterThan(5);
    }
    expect(hashState(state)).toBe(before);
    expect(JSON.stringify(state)).toBe(snapshot);
  });

  it('refuses everything once the game is over', () => {
    let s = fresh();
    while (s.ctx.phase !== 'over') s = must(s, { type: 'endTurn', seat: s.ctx.seat });
    const r = applyAction(s, { type: 'endTurn', seat: 'pyongyang' });
    expect(r.ok).toBe(false);
    if (!r.ok) expect(r.error.code).toBe('game-over');
  });
});

describe('trade', () => {
  it('an accepted offer delivers both ways at the end of the turn, creating nothing', () => {
    let s = fresh();
    const moscowOil = s.stocks.moscow.oil;
    const pyongyangOil = s.stocks.pyongyang.oil;
    s = must(s, { type: 'offer', seat: 'pyongyang', to: 'moscow', give: { troops: 1000, ammunition: 500 }, get: { oil: 200 }, turns: 1 });
    expect(s.offers[0]).toMatchObject({ from: 'pyongyang', to: 'moscow', status: 'open' });
    s = must(s, { type: 'endTurn', seat: 'pyongyang' });
    s = must(s, { type: 'accept', seat: 'moscow', offerId: s.offers[0]!.id });
    expect(s.deals).toHaveLength(1);
    const troops = s.stocks.pyongyang.troops;
    s = must(s, { type: 'endTurn', seat: 'moscow' });
    const scrutiny = s.politics.scrutiny;
    s = must(s, { type: 'endTurn', seat: 'kyiv' });
    const deal = s.deals[0]!;
    const moved = deal.delivered.give.troops ?? 0;
    // Either delivered, or the delivery slipped a turn; never created from nothing.
    expect(s.stocks.pyongyang.troops).toBe(troops - moved);
    expect(s.human.sent).toBe(moved);
    expect(s.flows.received.pyongyang.oil ?? 0).toBe(deal.delivered.get.oil ?? 0);
    // Moscow's oil: what it had, less what it delivered, plus one month's production less what
    // sanctions take at this month's scrutiny (rounded either way).
    const oil = deal.delivered.get.oil ?? 0;
    expect(s.stocks.pyongyang.oil).toBe(pyongyangOil + oil);
    const income = (s.rules.capitals.moscow.income.oil ?? 0) * (1 - (s.rules.politics.sanctionsAtFullScrutiny * scrutiny) / 100);
    expect(income).toBeLessThan(s.rules.capitals.moscow.income.oil ?? 0);
    const produced = s.stocks.moscow.oil - (moscowOil - oil);
    expect(produced).toBeGreaterThanOrEqual(Math.floor(income));
    expect(produced).toBeLessThanOrEqual(Math.ceil(income));
  });

  it('a counter-offer closes the original and goes back to its sender; accepting it makes the deal', () => {
    let s = fresh();
    s = must(s, { type: 'offer', seat: 'pyongyang', to: 'moscow', give: { troops: 2000 }, get: { oil: 900 }, turns: 2 });
    s = must(s, { type: 'endTurn', seat: 'pyongyang' });
    const first = s.offers[0]!.id;
    s = must(s, { type: 'counter', seat: 'moscow', offerId: first, give: { oil: 400 }, get: { troops: 2000 }, turns: 2, note: 'too dear' });
    expect(s.offers[0]!.status).toBe('countered');
    const counter = s.offers[1]!;
    expect(counter).toMatchObject({ from: 'moscow', to: 'pyongyang', counterTo: first, give: { oil: 400 }, get: { troops: 2000 }, note: 'too dear' });
    // Pyongyang answers next turn.
    s = must(s, { type: 'endTurn', seat: 'moscow' });
    s = must(s, { type: 'endTurn', seat: 'kyiv' });
    s = must(s, { type: 'accept', seat: 'pyongyang', offerId: counter.id });
    expect(s.deals[0]).toMatchObject({ from: 'moscow', to: 'pyongyang', give: { oil: 400 }, get: { troops: 2000 }, turns: 2 });
  });

  it('rejected and withdrawn offers cannot be accepted', () => {
    let s = fresh();
    s = must(s, { type: 'offer', seat: 'pyongyang', to: 'moscow', give: { troops: 10 }, get: { oil: 1 }, turns: 1 });
    s = must(s, { type: 'offer', seat: 'pyongyang', to: 'moscow', give: { troops: 20 }, get: { oil: 1 }, turns: 1 });
    s = must(s, { type: 'withdraw', seat: 'pyongyang', offerId: s.offers[1]!.id });
    s = must(s, { type: 'endTurn', seat: 'pyongyang' });
    s = must(s, { type: 'reject', seat: 'moscow', offerId: s.offers[0]!.id, reason: 'no' });
    for (const o of s.offers) {
      const r = applyAction(s, { type: 'accept', seat: 'moscow', offerId: o.id });
      expect(r.ok).toBe(false);
      if (!r.ok) expect(r.error.code).toBe('offer-closed');
    }
    expect(s.offers.map((o) => o.status)).toEqual(['rejected', 'withdrawn']);
  });

  it('an unanswered offer lapses', () => {
    let s = fresh();
    s = must(s, { type: 'offer', seat: 'pyongyang', to: 'moscow', give: { troops: 10 }, get: { oil: 1 }, turns: 1 });
    for (let i = 0; i < 6; i++) s = must(s, { type: 'endTurn', seat: s.ctx.seat });
    expect(s.offers[0]!.status).toBe('lapsed');
  });
});

describe('levers', () => {
  it('telling the soldiers the truth costs regime control once', () => {
    const s = fresh();
    const t = must(s, { type: 'setInformation', seat: 'pyongyang', policy: 'truth' });
    expect(t.politics.regimeControl).toBe(s.politics.regimeControl - s.rules.politics.truthControlCost);
    expect(t.levers.information).toBe('truth');
  });

  it('stance changes shift scrutiny by the scenario amount', () => {
    const s = until(fresh(), 'moscow');
    const t = must(s, { type: 'setStance', seat: 'moscow', stance: 'confirm' });
    expect(t.politics.scrutiny).toBeCloseTo(s.politics.scrutiny + s.rules.politics.stanceShift.confirm);
  });

  it('Kyiv allocates reserve troops and drones to a sector, and can pull them back', () => {
    const s = until(fresh(), 'kyiv');
    const sector = s.sectors.find((x) => x.id === 'sudzha')!;
    const t = must(s, { type: 'allocate', seat: 'kyiv', sector: 'sudzha', troops: 500, drones: 20 });
    expect(t.sectors.find((x) => x.id === 'sudzha')).toMatchObject({ ukrainianTroops: sector.ukrainianTroops + 500, ukrainianDrones: sector.ukrainianDrones + 20 });
    expect(t.stocks.kyiv.troops).toBe(s.stocks.kyiv.troops - 500);
    const u = must(t, { type: 'allocate', seat: 'kyiv', sector: 'sudzha', troops: -500, drones: -20 });
    expect(u.stocks.kyiv.troops).toBe(s.stocks.kyiv.troops);
  });

  it('releasing evidence spends it and raises scrutiny and support', () => {
    const s = until(fresh(), 'kyiv');
    expect(s.stocks.kyiv.evidence).toBeGreaterThan(0); // the uniform video, October 2024
    const t = must(s, { type: 'releaseEvidence', seat: 'kyiv', amount: 1 });
    expect(t.stocks.kyiv.evidence).toBe(s.stocks.kyiv.evidence - 1);
    expect(t.politics.scrutiny).toBeGreaterThan(s.politics.scrutiny);
    expect(t.politics.support).toBeGreaterThan(s.politics.support);
    expect(t.uncertainty.kyiv.pyongyang).toBeLessThan(s.uncertainty.kyiv.pyongyang);
  });

  it('posture, targeting and pairing are switches', () => {
    let s = until(fresh(), 'moscow');
    s = must(s, { type: 'setPairing', seat: 'moscow', on: true });
    expect(s.levers.pairing).toBe(true);
    s = must(s, { type: 'endTurn', seat: 'moscow' });
    s = must(s, { type: 'setPosture', seat: 'kyiv', posture: 'withdraw' });
    s = must(s, { type: 'setTargeting', seat: 'kyiv', on: true });
    expect(s.levers).toMatchObject({ posture: 'withdraw', targetNorthKoreans: true, pairing: true });
  });

  it('soldiers train for the months set, then Moscow can assign, move to missile units, and Pyongyang recall', () => {
    let s = fresh();
    s = must(s, { type: 'setTraining', seat: 'pyongyang', months: 2 });
    s = must(s, { type: 'offer', seat: 'pyongyang', to: 'moscow', give: { troops: 3000 }, get: { oil: 10 }, turns: 1 });
    s = must(s, { type: 'endTurn', seat: 'pyongyang' });
    s = must(s, { type: 'accept', seat: 'moscow', offerId: s.offers[0]!.id });
    // Play turns until the cohort has arrived and trained.
    let guard = 0;
    while (s.expedition.ready === 0 && guard++ < 30) s = must(s, { type: 'endTurn', seat: s.ctx.seat });
    expect(s.expedition.ready).toBe(3000);
    expect(s.expedition.trainingLevel).toBe(2);
    s = until(s, 'moscow');
    s = must(s, { type: 'assign', seat: 'moscow', sector: 'sudzha', count: 2000 });
    s = must(s, { type: 'missileUnits', seat: 'moscow', count: 500 });
    expect(s.expedition).toMatchObject({ ready: 500, missileUnits: 500 });
    expect(s.expedition.bySector.sudzha).toBe(2000);
    s = until(s, 'pyongyang');
    const ready = s.expedition.ready;
    const dissent = s.politics.dissentRisk;
    s = must(s, { type: 'recall', seat: 'pyongyang', count: ready });
    expect(s.human.returned).toBe(ready);
    expect(s.politics.dissentRisk).toBeGreaterThan(dissent);
  });
});

describe('missile units', () => {
  it('are limited by the missile technology Moscow holds, and Pyongyang can raise the limit by trade', () => {
    let s = fresh();
    const perTech = s.rules.combat.missileCrewPerTechUnit;
    expect(perTech).toBeGreaterThan(0);
    s = must(s, { type: 'offer', seat: 'pyongyang', to: 'moscow', give: { troops: 3000, 'tech.missile': 1 }, get: { oil: 10 }, turns: 1 });
    s = must(s, { type: 'endTurn', seat: 'pyongyang' });
    s = must(s, { type: 'accept', seat: 'moscow', offerId: s.offers[0]!.id });
    let guard = 0;
    while ((s.expedition.ready === 0 || s.ctx.seat !== 'moscow') && guard++ < 30) s = must(s, { type: 'endTurn', seat: s.ctx.seat });
    const limit = perTech * s.stocks.moscow['tech.missile'];
    expect(s.stocks.moscow['tech.missile']).toBe(3); // two of its own, one from Pyongyang
    const over = applyAction(s, { type: 'missileUnits', seat: 'moscow', count: limit + 1 });
    expect(over.ok).toBe(false);
    if (!over.ok) expect(over.error.message).toMatch(/missile technology/);
    s = must(s, { type: 'missileUnits', seat: 'moscow', count: limit });
    expect(s.expedition.missileUnits).toBe(limit);
  });
});

describe('turn flow', () => {
  it('seats act in the scenario order, and the month advances after the last', () => {
    let s = fresh();
    expect(s.ctx).toMatchObject({ turn: 1, date: '2024-10', seat: 'pyongyang', phase: 'orders' });
    s = must(s, { type: 'endTurn', seat: 'pyongyang' });
    expect(s.ctx.seat).toBe('moscow');
    s = must(s, { type: 'endTurn', seat: 'moscow' });
    s = must(s, { type: 'endTurn', seat: 'kyiv' });
    expect(s.ctx).toMatchObject({ turn: 2, date: '2024-11', seat: 'pyongyang' });
    expect(s.turnHashes).toHaveLength(1);
    expect(s.reports).toHaveLength(1);
    expect(s.history.map((h) => h.turn)).toEqual([0, 1]);
  });

  it('ends after the scenario number of turns', () => {
    let s = fresh();
    while (s.ctx.phase !== 'over') s = must(s, { type: 'endTurn', seat: s.ctx.seat });
    expect(s.turnHashes).toHaveLength(12);
    expect(s.history.at(-1)).toMatchObject({ turn: 12, date: '2025-09' });
  });

  it('the pure form leaves the old state untouched', () => {
    const s = fresh();
    const json = JSON.stringify(s);
    must(s, { type: 'setTraining', seat: 'pyongyang', months: 3 });
    expect(JSON.stringify(s)).toBe(json);
  });
});
