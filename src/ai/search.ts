/**
 * The search player: Monte Carlo rollouts over the engine's fast path.
 *
 * Each month it builds a handful of candidate plans for its capital from the lever space (the
 * historical plan, the three personalities, and one-lever variations of them; see plans.ts).
 * For each candidate it clones the state, gives the rollout fresh dice (the real game's dice
 * are not for it to see), plays this month's orders under the plan and the rest of the game
 * with the candidate plan for its own seat and the historical policy for every other seat, and
 * scores the finished game by its capital's own `<capital>.score` metric. Rollouts are spread
 * over the candidates by successive halving (all get a few, the better half gets more, ...),
 * with common random numbers: the k-th rollout of every candidate uses the same dice, so the
 * comparison measures the plans, not luck. It then gives this month's orders of the best plan.
 *
 * The budget is the number of rollouts per decision: easy, normal, hard, or any number
 * (`search:40`). Deterministic: the dice are seeded from the game's seed, turn, seat and
 * action count with alea.
 */
import alea from 'seedrandom/lib/alea';
import { applyInPlace, cloneState, type Action, type Capital, type GameState } from '../engine';
import { PLAIN_STYLE, type TradeStyle } from './judge';
import { PERSONALITIES } from './personalities';
import {
  HISTORICAL,
  planOrders,
  type KyivPlan,
  type MoscowPlan,
  type Plans,
  type PyongyangPlan,
} from './plans';
import type { Bot } from './types';
import { LEVER_SETTINGS } from './lever-settings';

export const SEARCH_LEVELS = { easy: 4, normal: 24, hard: 96 } as const;
export type SearchLevel = keyof typeof SEARCH_LEVELS;

/** Most candidates a budget considers: a few rollouts each is the least worth spending. */
function candidateCap(budget: number): number {
  return budget <= 8 ? budget : Math.max(8, Math.floor(budget / 4));
}

export interface Candidate {
  name: string;
  plans: Plans;
  style: TradeStyle;
}

type Levers<T> = { [K in keyof T]?: readonly T[K][] };

/** Every plan that differs from `base` in exactly one lever. */
function oneLever<T extends object>(
  base: T,
  levers: Levers<T>,
): { lever: string; value: unknown; plan: T }[] {
  const out: { lever: string; value: unknown; plan: T }[] = [];
  for (const key of Object.keys(levers) as (keyof T)[]) {
    for (const value of levers[key] ?? [])
      if (base[key] !== value)
        out.push({ lever: String(key), value, plan: { ...base, [key]: value } });
  }
  return out;
}

/**
 * The candidate plans for `seat`, best guesses first: the historical plan, the personalities,
 * then one-lever variations of the historical plan and of the opportunist. Duplicates dropped.
 */
export function candidates(seat: Capital): Candidate[] {
  const out: Candidate[] = [];
  const seen = new Set<string>();
  const push = (
    name: string,
    plan: PyongyangPlan | MoscowPlan | KyivPlan,
    style: TradeStyle,
  ): void => {
    const key = JSON.stringify([plan, style.valueScale, style.haggle, style.counterAbove]);
    if (seen.has(key)) return;
    seen.add(key);
    out.push({ name, plans: { ...HISTORICAL, [seat]: plan }, style: { ...style, label: '' } });
  };
  push('historical', HISTORICAL[seat], PLAIN_STYLE);
  for (const p of ['opportunist', 'hawk', 'dove'] as const)
    push(p, PERSONALITIES[p][seat], PERSONALITIES[p].style[seat]);
  const levers = LEVER_SETTINGS[seat] as Levers<object>;
  // The historical plan's one-lever variations are the rows of the lever grid (npm run levers):
  // they come before the opportunist's, so every budget from "hard" down to 80 rollouts looks
  // at each of them and the search can do at least as well as the grid's best row.
  for (const v of oneLever(HISTORICAL[seat] as object, levers))
    push(`historical, ${v.lever}=${String(v.value)}`, v.plan as PyongyangPlan, PLAIN_STYLE);
  const opp = PERSONALITIES.opportunist;
  for (const v of oneLever(opp[seat] as object, levers))
    push(`opportunist, ${v.lever}=${String(v.value)}`, v.plan as PyongyangPlan, opp.style[seat]);
  return out;
}

/** The policy the search assumes for the other seats (and plays in its rollouts). */
export type Model = (state: Readonly<GameState>, seat: Capital) => Action[];
const historicalModel: Model = (state, seat) => planOrders(state, seat, HISTORICAL);

/**
 * A copy of the state for a rollout: the engine's cloneState, without what a rollout never reads
 * (news, reports, history, earlier hashes, estimates, closed offers and finished deals), which
 * makes a late-game copy several times cheaper. The copy is thrown away after scoring.
 */
export function rolloutCopy(state: Readonly<GameState>): GameState {
  return cloneState({
    ...(state as GameState),
    news: [],
    reports: [],
    history: [],
    turnHashes: [],
    estimates: { pyongyang: {}, moscow: {}, kyiv: {} },
    offers: state.offers.filter((o) => o.status === 'open'),
    deals: state.deals.filter((d) => d.status === 'active'),
  });
}

/** Whether `seat` still holds the turn it started (its own orders may have ended it). */
export function stillActing(state: Readonly<GameState>, seat: Capital, turn: number): boolean {
  return state.ctx.seat === seat && state.ctx.turn === turn && state.ctx.phase !== 'over';
}

/** Plays `state` on in place: `seat` under the candidate, the others under the model. */
function playOut(
  state: GameState,
  seat: Capital,
  c: Candidate,
  model: Model,
  untilTurn: number,
): void {
  while (state.ctx.phase !== 'over' && state.ctx.turn < untilTurn) {
    const who = state.ctx.seat;
    const turn = state.ctx.turn;
    const orders = who === seat ? planOrders(state, who, c.plans, c.style) : model(state, who);
    for (const a of orders) {
      if (!stillActing(state, who, turn)) break;
      applyInPlace(state, a);
    }
    if (stillActing(state, who, turn)) applyInPlace(state, { type: 'endTurn', seat: who });
  }
}

export interface SearchOptions {
  /** Rollouts per decision. */
  budget: number;
  /** Turns each rollout looks ahead (default: to the end of the game). */
  horizon?: number;
  /** Policy assumed for the other seats (default: historical). */
  model?: Model;
}

export interface SearchResult {
  orders: Action[];
  chosen: string;
  rollouts: number;
  /** Every candidate looked at, with its mean score and number of rollouts. */
  ranking: { name: string; mean: number; rollouts: number }[];
}

export function search(
  state: Readonly<GameState>,
  seat: Capital,
  options: SearchOptions,
): SearchResult {
  const budget = Math.max(1, Math.floor(options.budget));
  const model = options.model ?? historicalModel;
  const untilTurn = options.horizon !== undefined ? state.ctx.turn + options.horizon : Infinity;
  const all = candidates(seat).slice(0, Math.max(1, candidateCap(budget)));
  const stats = all.map((c) => ({ c, sum: 0, n: 0 }));
  const metric = `${seat}.score`;
  const base = `${state.seed}:search:${state.ctx.turn}:${seat}:${state.ctx.actionCount}`;
  let alive = stats.map((_, i) => i);
  let left = budget;
  let rounds = Math.max(1, Math.ceil(Math.log2(alive.length)));
  let used = 0;
  while (alive.length > 0 && left > 0) {
    const per = Math.max(1, Math.floor(left / (alive.length * rounds)));
    for (const i of alive) {
      const st = stats[i]!;
      for (let j = 0; j < per; j++) {
        const k = st.n; // common random numbers: rollout k has the same dice for every candidate
        const s = rolloutCopy(state);
        s.rng = alea(`${base}:${k}`, { state: true }).state();
        playOut(s, seat, st.c, model, untilTurn);
        st.sum += s.metrics[metric] ?? 0;
        st.n++;
      }
    }
    used += per * alive.length;
    left = budget - used;
    if (alive.length === 1) break;
    // Keep the better half (ties to the earlier candidate, so the result is stable).
    alive = [...alive].sort(
      (a, b) => stats[b]!.sum / stats[b]!.n - stats[a]!.sum / stats[a]!.n || a - b,
    );
    alive = alive.slice(0, Math.ceil(alive.length / 2));
    rounds = Math.max(1, rounds - 1);
    if (left <= 0) break;
  }
  const best = [...stats.keys()]
    .filter((i) => stats[i]!.n > 0)
    .sort(
      (a, b) =>
        stats[b]!.n - stats[a]!.n ||
        stats[b]!.sum / stats[b]!.n - stats[a]!.sum / stats[a]!.n ||
        a - b,
    )[0]!;
  const chosen = stats[best]!.c;
  return {
    orders: planOrders(state, seat, chosen.plans, chosen.style),
    chosen: chosen.name,
    rollouts: used,
    ranking: stats.map((s) => ({
      name: s.c.name,
      mean: s.n > 0 ? s.sum / s.n : NaN,
      rollouts: s.n,
    })),
  };
}

/** `search:easy|normal|hard` or `search:<rollouts>`; undefined when the name is not a search player. */
export function parseSearchName(name: string): number | undefined {
  const m = /^search:(easy|normal|hard|[1-9][0-9]{0,4})$/.exec(name);
  if (!m) return undefined;
  const level = m[1]!;
  return level in SEARCH_LEVELS ? SEARCH_LEVELS[level as SearchLevel] : Number(level);
}

export function searchBot(name: string, budget: number): Bot {
  return {
    name,
    // Offers are judged at the scenario's own values; the search is spent on the month's plan.
    tradeStyle: () => PLAIN_STYLE,
    decide(state, seat) {
      return search(state, seat, { budget }).orders;
    },
  };
}
