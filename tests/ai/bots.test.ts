import { describe, expect, it } from 'vitest';
import {
  botNames,
  getBot,
  historicalBot,
  HISTORICAL,
  judgeOffer,
  PERSONALITIES,
  planOrders,
  search,
  candidates,
  parseSearchName,
} from '../../src/ai';
import {
  applyInPlace,
  CAPITALS,
  createGame,
  hashState,
  type Action,
  type Capital,
  type GameState,
  type Offer,
  type Seats,
} from '../../src/engine';
import { stillActing } from '../../src/ai/search';
import { playGame, playReactions } from '../../src/sim/play';
import { stateAt } from '../helpers/positions';
import { builtInRules, HISTORICAL_SEATS } from '../helpers/rules';

const rules = builtInRules();

describe('bot names', () => {
  it('parses search levels and budgets, refuses the rest', () => {
    expect(parseSearchName('search:easy')).toBe(4);
    expect(parseSearchName('search:normal')).toBe(24);
    expect(parseSearchName('search:hard')).toBe(96);
    expect(parseSearchName('search:40')).toBe(40);
    for (const bad of [
      'search',
      'search:',
      'search:0',
      'search:medium',
      'search:-3',
      'search:1.5',
      'hard',
    ]) {
      expect(parseSearchName(bad), bad).toBeUndefined();
    }
    expect(getBot('search:hard')?.name).toBe('search:hard');
    expect(getBot('search:hard')).toBe(getBot('search:hard'));
    expect(getBot('search:nope')).toBeUndefined();
    expect(getBot('constructor')).toBeUndefined();
    for (const name of [
      'historical',
      'hawk',
      'dove',
      'opportunist',
      'random',
      'search:easy',
      'search:normal',
      'search:hard',
    ])
      expect(botNames()).toContain(name);
  });
});

describe('every bot, every seat', () => {
  const players = ['historical', 'hawk', 'dove', 'opportunist', 'search:2', 'random'];
  it('reaches game over with every decision ending in endTurn', () => {
    for (let k = 0; k < players.length; k++) {
      for (let i = 0; i < 3; i++) {
        // Rotate players over the seats so every player sits in every seat.
        const seats = {} as Seats;
        CAPITALS.forEach((c, j) => (seats[c] = players[(k + j + i) % players.length]!));
        const s = createGame(rules, { seed: `all-${k}-${i}` });
        let decisions = 0;
        while (s.ctx.phase !== 'over') {
          const who = s.ctx.seat;
          const turn = s.ctx.turn;
          const orders = getBot(seats[who])!.decide(s, who);
          expect(orders.at(-1), `${seats[who]} as ${who}`).toEqual({ type: 'endTurn', seat: who });
          for (const a of orders) {
            if (s.ctx.seat !== who || s.ctx.turn !== turn) break;
            applyInPlace(s, a);
          }
          // Orders end with endTurn, so the seat has always handed over by now.
          expect(stillActing(s, who, turn)).toBe(false);
          expect(++decisions).toBeLessThan(100);
        }
        expect(s.ctx.turn).toBe(rules.calendar.turns);
      }
    }
  });

  it('personalities and search give only legal orders (the engine refuses none)', () => {
    for (const name of ['hawk', 'dove', 'opportunist', 'search:2']) {
      for (const c of CAPITALS) {
        const seats = { ...HISTORICAL_SEATS, [c]: name };
        const played = playGame(rules, { seed: `legal-${name}-${c}`, seats });
        expect(played.refused, `${name} as ${c}`).toBe(0);
      }
    }
  });
});

describe('plans', () => {
  it('the historical plan gives the historical bot’s orders, game after game', () => {
    for (let i = 0; i < 8; i++) {
      const a = playGame(rules, { seed: `plan-${i}`, seats: HISTORICAL_SEATS });
      const s = createGame(rules, { seed: `plan-${i}` });
      while (s.ctx.phase !== 'over') {
        const who = s.ctx.seat;
        const turn = s.ctx.turn;
        expect(planOrders(s, who, HISTORICAL)).toEqual(historicalBot.decide(s, who));
        for (const act of planOrders(s, who, HISTORICAL)) {
          if (s.ctx.seat !== who || s.ctx.turn !== turn) break;
          // Computer addressees answer offers at once, as in every computer game.
          if (applyInPlace(s, act).ok && (act.type === 'offer' || act.type === 'counter'))
            playReactions(s, HISTORICAL_SEATS, []);
        }
      }
      expect(s.turnHashes).toEqual(a.state.turnHashes);
    }
  });

  it('personalities differ in what they do', () => {
    const mean = (seat: Capital, bot: string, metric: string) => {
      let sum = 0;
      for (let i = 0; i < 6; i++)
        sum += playGame(rules, {
          seed: `p-${i}`,
          seats: { ...HISTORICAL_SEATS, [seat]: bot },
          keepLog: false,
        }).state.metrics[metric]!;
      return sum / 6;
    };
    // Pyongyang: the dove sends fewer soldiers and loses fewer of them than the hawk.
    expect(mean('pyongyang', 'dove', 'pyongyang.troopsSent')).toBeLessThan(
      mean('pyongyang', 'hawk', 'pyongyang.troopsSent'),
    );
    expect(mean('pyongyang', 'dove', 'pyongyang.killed')).toBeLessThan(
      mean('pyongyang', 'hawk', 'pyongyang.killed'),
    );
    // Kyiv: the hawk holds more of Kursk than the dove, who pulls back. The dove shows no
    // prisoners to the press, yet every capture still puts a family at risk: capture is the risk.
    expect(mean('kyiv', 'hawk', 'kyiv.kurskHeld')).toBeGreaterThan(
      mean('kyiv', 'dove', 'kyiv.kurskHeld') + 10,
    );
    expect(mean('kyiv', 'dove', 'human.captured')).toBeGreaterThan(0);
    expect(mean('kyiv', 'dove', 'human.familiesAtRisk')).toBe(mean('kyiv', 'dove', 'human.captured'));
    // Moscow: the dove keeps North Koreans out of the front line: fewer of them die.
    expect(mean('moscow', 'dove', 'pyongyang.killed')).toBeLessThan(
      mean('moscow', 'hawk', 'pyongyang.killed'),
    );
    // The opportunist Pyongyang trades hard: more technology than the historical price buys.
    expect(mean('pyongyang', 'opportunist', 'pyongyang.techGained')).toBeGreaterThan(
      mean('pyongyang', 'historical', 'pyongyang.techGained'),
    );
  });
});

describe('trade answers with reasons', () => {
  const state = stateAt('judge', 2, 'moscow');
  const offer = (give: Offer['give'], get: Offer['get'], extra: Partial<Offer> = {}): Offer => ({
    id: 999,
    from: 'pyongyang',
    to: 'moscow',
    give,
    get,
    turns: 1,
    madeOnTurn: 2,
    status: 'open',
    ...extra,
  });

  it('a hawk pays dearly for troops, a plain Moscow counters the same price', () => {
    // 1,000 troops (1,600 points to Moscow) for 2,000 oil (3,000 points): too dear for plain Moscow.
    const o = offer({ troops: 1000 }, { oil: 2000 });
    const plain = judgeOffer(state, 'moscow', o);
    expect(plain.response).not.toBe('accept');
    const hawk = judgeOffer(state, 'moscow', o, PERSONALITIES.hawk.style.moscow);
    expect(hawk.response).toBe('accept');
    expect(hawk.reason).toMatch(/^Moscow \(hawk\) values 1,000 troops above 2,000 oil$/);
  });

  it('a dove Moscow will not part with nuclear technology that a plain Moscow sells', () => {
    const o = offer({ troops: 5000 }, { 'tech.nuclear': 1 });
    expect(judgeOffer(state, 'moscow', o).response).toBe('accept');
    const dove = judgeOffer(state, 'moscow', o, PERSONALITIES.dove.style.moscow);
    expect(dove.response).not.toBe('accept');
    expect(dove.reason).toContain('Moscow (dove)');
  });

  it('an opportunist haggles over a fair offer once, and takes a fair counter', () => {
    const o = offer({ troops: 1000 }, { oil: 1000 });
    const plain = judgeOffer(state, 'moscow', o);
    expect(plain.response).toBe('accept');
    const opp = judgeOffer(state, 'moscow', o, PERSONALITIES.opportunist.style.moscow);
    expect(opp.response).toBe('counter');
    expect(opp.reason).toMatch(/haggles/);
    if (opp.response === 'counter') expect(opp.give.oil!).toBeLessThan(1000);
    expect(
      judgeOffer(state, 'moscow', { ...o, counterTo: 5 }, PERSONALITIES.opportunist.style.moscow)
        .response,
    ).toBe('accept');
  });

  it('every answer has a one-line reason', () => {
    for (const style of [undefined, ...Object.values(PERSONALITIES).map((p) => p.style.moscow)]) {
      for (const o of [
        offer({ troops: 10 }, { oil: 100000 }),
        offer({ workers: 10 }, {}),
        offer({ troops: 3000 }, { oil: 100 }),
      ]) {
        const v = judgeOffer(state, 'moscow', o, style);
        expect(v.reason.length).toBeGreaterThan(10);
        expect(v.reason).not.toContain('\n');
      }
    }
  });
});

describe('search', () => {
  it('is deterministic and leaves the state untouched', () => {
    const s = stateAt('search-det', 3, 'moscow');
    const before = hashState(s);
    const json = JSON.stringify(s);
    const a = search(s, 'moscow', { budget: 12 });
    const b = search(JSON.parse(json) as GameState, 'moscow', { budget: 12 });
    expect(hashState(s)).toBe(before);
    expect(JSON.stringify(s)).toBe(json);
    expect(a.orders).toEqual(b.orders);
    expect(a.chosen).toBe(b.chosen);
    expect(a.rollouts).toBeLessThanOrEqual(12);
    expect(a.orders.at(-1)).toEqual({ type: 'endTurn', seat: 'moscow' });
  });

  it('does not read the game’s own dice: a different rng state gives the same orders', () => {
    const s = stateAt('search-dice', 2, 'kyiv');
    const other: GameState = { ...s, rng: { ...s.rng, s0: (s.rng.s0 + 0.25) % 1 } };
    expect(search(other, 'kyiv', { budget: 8 }).orders).toEqual(
      search(s, 'kyiv', { budget: 8 }).orders,
    );
  });

  it('generates distinct candidates from the lever space, historical first', () => {
    for (const c of CAPITALS) {
      const list = candidates(c);
      expect(list[0]!.name).toBe('historical');
      expect(list.length).toBeGreaterThanOrEqual(12);
      expect(
        new Set(list.map((x) => JSON.stringify(x.plans[c]) + JSON.stringify(x.style))).size,
      ).toBe(list.length);
    }
  });

  it('spends its budget on the better candidates (successive halving)', () => {
    const s = stateAt('search-halving', 1, 'pyongyang');
    const r = search(s, 'pyongyang', { budget: 40 });
    expect(r.rollouts).toBeLessThanOrEqual(40);
    const chosen = r.ranking.find((x) => x.name === r.chosen)!;
    expect(chosen.rollouts).toBe(Math.max(...r.ranking.map((x) => x.rollouts)));
    // The historical price leaves far more on the table than a market price: not chosen.
    expect(r.chosen).not.toBe('historical');
  });

  it('plays a whole game through simulate-style seats (search:hard parses and runs)', () => {
    const seats = { pyongyang: 'search:6', moscow: 'historical', kyiv: 'dove' };
    const a = playGame(rules, { seed: 'sim-seats', seats });
    const b = playGame(rules, { seed: 'sim-seats', seats });
    expect(a.state.ctx.phase).toBe('over');
    expect(a.state.turnHashes).toEqual(b.state.turnHashes);
  });
});

// Keep the Action type referenced for readers of this file: bots return plain actions.
export type _Orders = Action[];
