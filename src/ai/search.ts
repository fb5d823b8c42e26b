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
 * action count (the engine's generator, seedRng).
 */
import {
  applyInPlace,
  cloneState,
  createGame,
  seedRng,
  type Action,
  type Capital,
  type GameState,
  type Rules,
  type Seats,
} from '../engine';
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
import { applyReactions } from './reactions';

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

/**
 * The month's candidates: the opening's, then one-lever variations of the incumbent not among
 * them (so a challenger can change one thing and keep what the committed plan does, e.g. keep
 * exchanging prisoners and stop targeting), as many as a third of the budget allows.
 */
function withVariations(
  all: readonly Candidate[],
  incumbent: number,
  seat: Capital,
  budget: number,
): Candidate[] {
  const out = [...all];
  const inc = all[incumbent]!;
  const room = Math.floor(budget / 3) - all.length;
  if (room <= 0 || incumbent === 0) return out;
  const seen = new Set(all.map((c) => JSON.stringify([c.plans[seat], c.style])));
  for (const v of oneLever(inc.plans[seat] as object, LEVER_SETTINGS[seat] as Levers<object>)) {
    const c: Candidate = {
      name: `${inc.name} + ${v.lever}=${String(v.value)}`,
      plans: { ...inc.plans, [seat]: v.plan },
      style: inc.style,
    };
    const key = JSON.stringify([c.plans[seat], c.style]);
    if (seen.has(key)) continue;
    seen.add(key);
    out.push(c);
    if (out.length - all.length >= room) break;
  }
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

/**
 * How every seat answers offers in a rollout: at the scenario's own values, as the search player
 * itself does (its tradeStyle) and as the historical model does.
 */
const ROLLOUT_SEATS: Seats = { pyongyang: 'historical', moscow: 'historical', kyiv: 'historical' };

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
      // As in the real game (playBots), an offer is answered at once, within the month.
      if (applyInPlace(state, a).ok && (a.type === 'offer' || a.type === 'counter'))
        applyReactions(state, ROLLOUT_SEATS);
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
  /** The plan the search is committed to this game (see `incumbent` below). */
  incumbent: string;
  rollouts: number;
  /** Every candidate looked at, with its mean score and number of rollouts. */
  ranking: { name: string; mean: number; rollouts: number }[];
}

interface Stat {
  c: Candidate;
  /** Score of rollout k (rollout k of every candidate plays the same dice). */
  scores: number[];
}

function mean(xs: readonly number[]): number {
  let sum = 0;
  for (const x of xs) sum += x;
  return sum / xs.length;
}

/**
 * Whether `challenger` beats `incumbent` clearly: its mean paired difference (same dice, rollout
 * by rollout) is positive and larger than one standard error of that difference. With a single
 * pair there is no spread to measure, and any strict gain counts.
 */
export function clearlyBetter(
  challenger: readonly number[],
  incumbent: readonly number[],
): boolean {
  const n = Math.min(challenger.length, incumbent.length);
  if (n === 0) return false;
  const d: number[] = [];
  for (let k = 0; k < n; k++) d.push(challenger[k]! - incumbent[k]!);
  const m = mean(d);
  if (!(m > 0)) return false;
  if (n < 2) return true;
  let ss = 0;
  for (const x of d) ss += (x - m) * (x - m);
  // m > sd / sqrt(n), squared: no square root needed.
  return m * m * n * (n - 1) > ss;
}

interface Rollouts {
  state: Readonly<GameState>;
  seat: Capital;
  model: Model;
  untilTurn: number;
  /** Seed of the dice: rollout k uses `${base}:${k}` whatever the candidate. */
  base: string;
}

/**
 * Successive halving with common random numbers over `cands`, `budget` rollouts in all: every
 * candidate gets a rollout, the better half gets more, and so on. The incumbent (an index, or
 * null) is never dropped and gets as many rollouts as the best challengers, on the same dice, so
 * the last challenger standing can be compared with it pair by pair. Returns the statistics and
 * the index of the challenger left standing.
 */
function halve(
  r: Rollouts,
  cands: readonly Candidate[],
  budget: number,
  incumbent: number | null,
): { stats: Stat[]; best: number; used: number } {
  const stats: Stat[] = cands.map((c) => ({ c, scores: [] }));
  const metric = `${r.seat}.score`;
  const roll = (i: number, per: number): void => {
    const st = stats[i]!;
    for (let j = 0; j < per; j++) {
      const s = rolloutCopy(r.state);
      s.rng = seedRng(`${r.base}:${st.scores.length}`);
      playOut(s, r.seat, st.c, r.model, r.untilTurn);
      st.scores.push(s.metrics[metric] ?? 0);
    }
  };
  let alive = stats.map((_, i) => i).filter((i) => i !== incumbent);
  if (alive.length === 0 && incumbent !== null) alive = [incumbent];
  const guard = incumbent !== null && alive[0] !== incumbent ? 1 : 0;
  let left = budget;
  let rounds = Math.max(1, Math.ceil(Math.log2(alive.length)));
  let used = 0;
  while (alive.length > 0 && left > 0) {
    const per = Math.max(1, Math.floor(left / ((alive.length + guard) * rounds)));
    for (const i of alive) roll(i, per);
    if (guard) roll(incumbent!, per);
    used += per * (alive.length + guard);
    left = budget - used;
    if (alive.length === 1) break;
    // Keep the better half (ties to the earlier candidate, so the result is stable), and no more
    // than the budget left can give a rollout each beside the incumbent's.
    alive = [...alive].sort((a, b) => mean(stats[b]!.scores) - mean(stats[a]!.scores) || a - b);
    alive = alive.slice(0, Math.min(Math.ceil(alive.length / 2), Math.max(1, left - guard)));
    rounds = Math.max(1, rounds - 1);
    if (left < alive.length + guard) break;
  }
  const best = [...stats.keys()]
    .filter((i) => i !== incumbent || alive[0] === incumbent)
    .filter((i) => stats[i]!.scores.length > 0)
    .sort(
      (a, b) =>
        stats[b]!.scores.length - stats[a]!.scores.length ||
        mean(stats[b]!.scores) - mean(stats[a]!.scores) ||
        a - b,
    )[0]!;
  return { stats, best, used };
}

/**
 * Which candidate a game commits to: from the game's first position (rebuilt from its rules,
 * seed and figures, so it is a function of the state), the historical plan is the incumbent and
 * the best challenger replaces it only if clearly better. Computed once per game and seat, with
 * twice the month's budget; memoised by the rules object (the result is the same without it).
 */
const openings = new WeakMap<Rules, Map<string, number>>();
const OPENINGS_KEPT = 256;

function openingIndex(
  state: Readonly<GameState>,
  seat: Capital,
  cands: readonly Candidate[],
  budget: number,
  model: Model,
  horizon: number | undefined,
): number {
  const key = JSON.stringify([
    state.seed,
    state.figureChoices,
    seat,
    cands.length,
    budget,
    horizon,
  ]);
  const memo = model === historicalModel ? openings.get(state.rules) : undefined;
  const hit = memo?.get(key);
  if (hit !== undefined) return hit;
  const start = createGame(state.rules, { seed: state.seed, figureChoices: state.figureChoices });
  const r: Rollouts = {
    state: start,
    seat,
    model,
    untilTurn: horizon !== undefined ? start.ctx.turn + horizon : Infinity,
    base: `${state.seed}:opening:${seat}`,
  };
  const { stats, best } = halve(r, cands, 2 * budget, 0);
  const chosen = clearlyBetter(stats[best]!.scores, stats[0]!.scores) ? best : 0;
  if (model === historicalModel) {
    let m = openings.get(state.rules);
    if (!m) openings.set(state.rules, (m = new Map()));
    if (m.size >= OPENINGS_KEPT) m.delete(m.keys().next().value!);
    m.set(key, chosen);
  }
  return chosen;
}

/**
 * This month's orders for `seat`. The search is committed to a plan for the game (the opening's
 * choice, see openingIndex) and leaves it for this month only when a challenger beats it clearly
 * on the same dice: switching between plans of equal worth on noise alone would, month after
 * month, drop what the committed plan was doing (an exchange offered a month late is lost).
 */
export function search(
  state: Readonly<GameState>,
  seat: Capital,
  options: SearchOptions,
): SearchResult {
  const budget = Math.max(1, Math.floor(options.budget));
  const model = options.model ?? historicalModel;
  const untilTurn = options.horizon !== undefined ? state.ctx.turn + options.horizon : Infinity;
  const all = candidates(seat).slice(0, Math.max(1, candidateCap(budget)));
  const incumbent = openingIndex(state, seat, all, budget, model, options.horizon);
  const r: Rollouts = {
    state,
    seat,
    model,
    untilTurn,
    base: `${state.seed}:search:${state.ctx.turn}:${seat}:${state.ctx.actionCount}`,
  };
  const { stats, best, used } = halve(
    r,
    withVariations(all, incumbent, seat, budget),
    budget,
    incumbent,
  );
  const pick = clearlyBetter(stats[best]!.scores, stats[incumbent]!.scores) ? best : incumbent;
  const chosen = stats[pick]!.c;
  return {
    orders: planOrders(state, seat, chosen.plans, chosen.style),
    chosen: chosen.name,
    incumbent: stats[incumbent]!.c.name,
    rollouts: used,
    ranking: stats.map((s) => ({
      name: s.c.name,
      mean: s.scores.length > 0 ? mean(s.scores) : NaN,
      rollouts: s.scores.length,
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
