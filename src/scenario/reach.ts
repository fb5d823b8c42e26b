/**
 * What a scenario's outcome metrics can reach: a lower and an upper bound for each metric,
 * worked out from the scenario alone (stocks, income, trade routes, enabled levers, events),
 * whatever the players do and whatever the dice say. The bounds are deliberately generous: the
 * meaning checks only warn when a bound PROVES that something cannot happen (an event whose
 * condition can never hold, an objective that can never earn full marks).
 *
 * Figures count with every choice: a lower bound uses the smallest of low/central/high, an upper
 * bound the largest, so a warning holds for every game of the scenario.
 */
import type { Capital, Item, LeverKey, LeverName } from '../engine/types';
import type { Ledger } from '../ledger/schema';
import { resolveQuantity } from './resolve';
import type { QuantityKind } from './quantities';
import type { Quantity, Scenario, ScenarioCondition } from './schema';
import { CAPITALS, FIGURE_CHOICES, TECH_TRACKS } from './vocab';

export interface Bound {
  lo: number;
  hi: number;
  /** Why the upper bound is what it is, when it is small for a reason worth telling. */
  why?: string;
}

/** The smallest and largest value of a quantity over low/central/high; unknown figures: open. */
export function quantityRange(
  q: Quantity,
  ledger: Ledger,
  kind: QuantityKind = 'amount',
): { lo: number; hi: number } {
  let lo = Infinity;
  let hi = -Infinity;
  for (const choice of FIGURE_CHOICES) {
    let v: number;
    try {
      v = resolveQuantity(q, ledger, { default: choice }, kind);
    } catch {
      return { lo: -Infinity, hi: Infinity }; // unknown figure: reported elsewhere
    }
    lo = Math.min(lo, v);
    hi = Math.max(hi, v);
  }
  return { lo, hi };
}

const LEVER_OF_KEY: Record<LeverKey, LeverName> = {
  trainingMonths: 'training',
  information: 'information',
  stance: 'stance',
  pairing: 'pairing',
  targetNorthKoreans: 'targeting',
  posture: 'posture',
};

/** Who holds each lever key (the capital a lever condition or effect should name). */
export const LEVER_KEY_OWNER: Record<LeverKey, Capital> = {
  trainingMonths: 'pyongyang',
  information: 'pyongyang',
  stance: 'moscow',
  pairing: 'moscow',
  targetNorthKoreans: 'kyiv',
  posture: 'kyiv',
};

/** The bounds of every metric, and the facts they were built from. */
export class Reach {
  private readonly turns: number;
  private readonly bounds = new Map<string, Bound>();

  constructor(
    private readonly scenario: Scenario,
    private readonly ledger: Ledger,
  ) {
    this.turns = scenario.calendar.turns;
    this.build();
  }

  /** The bounds of `metric` (open bounds for a metric the analysis does not cover). */
  bound(metric: string): Bound {
    return this.bounds.get(metric) ?? { lo: -Infinity, hi: Infinity };
  }

  /** Whether `capital` has `lever` enabled in this scenario. */
  hasLever(capital: Capital, lever: LeverName): boolean {
    return this.scenario.capitals[capital].levers.includes(lever);
  }

  /** Whether a lever can ever be moved during a game: by its owner, or by an event. */
  leverMovable(key: LeverKey): boolean {
    if (this.hasLever(LEVER_KEY_OWNER[key], LEVER_OF_KEY[key])) return true;
    return this.scenario.events.some((e) =>
      e.effects.some((f) => f.type === 'lever' && f.lever === key),
    );
  }

  /** Whether `item` can move from `from` to `to` (a route, and the trade lever on both sides). */
  canTrade(from: Capital, to: Capital, item: Item): boolean {
    return (
      this.hasLever(from, 'trade') &&
      this.hasLever(to, 'trade') &&
      this.scenario.trade.routes.some(
        (r) => r.from === from && r.to === to && r.items.includes(item),
      )
    );
  }

  /** Most of `item` that `capital` can ever hold in all: stock, income every turn, events. */
  supply(capital: Capital, item: Item): number {
    const c = this.scenario.capitals[capital];
    const stock = c.stocks[item];
    const income = c.income[item];
    let total = stock === undefined ? 0 : this.hi(stock, 'count');
    if (income !== undefined) {
      let perTurn = Math.max(0, this.hi(income));
      if (capital === 'kyiv') {
        const s = this.scenario.politics.supportIncome;
        perTurn *= Math.max(s.atZero, s.atFull);
      }
      total += Math.ceil(perTurn) * this.turns;
    }
    for (const e of this.scenario.events) {
      for (const f of e.effects) {
        if (f.type === 'stock' && f.capital === capital && f.item === item)
          total += Math.max(0, this.hi(f.by, 'change'));
      }
    }
    return total;
  }

  /** Most of `item` that `capital` can ever receive through trade. */
  received(capital: Capital, item: Item): Bound {
    const senders = CAPITALS.filter((c) => c !== capital && this.canTrade(c, capital, item));
    if (senders.length === 0)
      return {
        lo: 0,
        hi: 0,
        why: `nothing can carry ${item} to ${capital}: no trade route${this.tradeHint(capital)}`,
      };
    // Generous: everything of the item that exists anywhere could end up here.
    let hi = 0;
    for (const c of CAPITALS) hi += this.supply(c, item);
    return { lo: 0, hi, why: `no more ${item} than exists in the game` };
  }

  private tradeHint(capital: Capital): string {
    return this.hasLever(capital, 'trade') ? '' : `, and ${capital} has no trade lever`;
  }

  private hi(q: Quantity, kind: QuantityKind = 'amount'): number {
    return quantityRange(q, this.ledger, kind).hi;
  }

  private lo(q: Quantity, kind: QuantityKind = 'amount'): number {
    return quantityRange(q, this.ledger, kind).lo;
  }

  private set(metric: string, bound: Bound): void {
    this.bounds.set(metric, bound);
  }

  private build(): void {
    const s = this.scenario;
    const already = s.alreadyDelivered;
    const points = { lo: 0, hi: 100 };
    for (const id of [
      'pyongyang.regimeControl',
      'pyongyang.dissentRisk',
      'moscow.kurskControl',
      'moscow.scrutiny',
      'kyiv.kurskHeld',
      'kyiv.support',
      'pyongyang.score',
      'moscow.score',
      'kyiv.score',
    ])
      this.set(id, points);

    // Soldiers: only Pyongyang's troops sent through a trade route join the expedition.
    const sentLo = this.lo(already.troops, 'count');
    const troopsRoute = CAPITALS.some(
      (c) => c !== 'pyongyang' && this.canTrade('pyongyang', c, 'troops'),
    );
    const sentHi =
      this.hi(already.troops, 'count') + (troopsRoute ? this.supply('pyongyang', 'troops') : 0);
    const sent: Bound = {
      lo: sentLo,
      hi: sentHi,
      why: troopsRoute
        ? "no more soldiers than Pyongyang's pool"
        : `Pyongyang cannot send soldiers: no trade route carries troops from pyongyang${this.tradeHint('pyongyang')}`,
    };
    this.set('pyongyang.troopsSent', sent);
    this.set('human.sent', sent);
    this.set('moscow.manpowerGained', { lo: 0, hi: sentHi, why: sent.why });

    const assign = this.hasLever('moscow', 'assign');
    const frontHi = assign ? sentHi : 0;
    const frontWhy = assign
      ? sent.why
      : 'no North Korean soldier can reach the front: Moscow has no assign lever';
    this.set('pyongyang.atFront', { lo: 0, hi: frontHi, why: frontWhy });
    this.set('pyongyang.experience', {
      lo: 0,
      hi: frontHi * this.turns,
      why: frontHi === 0 ? frontWhy : 'soldiers at the front × turns',
    });
    const fighting = frontHi > 0 || (this.hasLever('moscow', 'missileUnits') && sentHi > 0);
    const notFighting = 'no North Korean soldier can fight: none reach the front or missile units';
    const killed: Bound = fighting
      ? { lo: 0, hi: sentHi, why: sent.why }
      : { lo: 0, hi: 0, why: notFighting };
    this.set('pyongyang.killed', killed);
    this.set('human.killed', killed);
    const wounded: Bound = fighting ? { lo: 0, hi: Infinity } : { lo: 0, hi: 0, why: notFighting };
    this.set('pyongyang.wounded', wounded);
    this.set('human.wounded', wounded);
    const rate = s.combat.captureRate;
    const captured: Bound =
      frontHi === 0
        ? { lo: 0, hi: 0, why: frontWhy }
        : Math.max(rate.deceive, rate.truth) <= 0
          ? { lo: 0, hi: 0, why: 'combat.captureRate is 0' }
          : { lo: 0, hi: sentHi, why: sent.why };
    this.set('pyongyang.captured', captured);
    this.set('human.captured', captured);
    this.set('kyiv.prisonersHeld', captured);
    const families = !this.hasLever('kyiv', 'publicise')
      ? { lo: 0, hi: 0, why: 'Kyiv has no publicise lever' }
      : { lo: 0, hi: captured.hi * s.politics.familiesPerPrisoner, why: captured.why };
    this.set('human.familiesAtRisk', families);
    const recall = this.hasLever('pyongyang', 'recall');
    const returned: Bound = recall
      ? { lo: 0, hi: sentHi, why: sent.why }
      : { lo: 0, hi: 0, why: 'Pyongyang has no recall lever' };
    this.set('pyongyang.returned', returned);
    this.set('human.returned', returned);

    // What Pyongyang ships and receives.
    const shipped = (item: 'ammunition' | 'workers'): Bound => {
      const base = already[item];
      const route = CAPITALS.some((c) => c !== 'pyongyang' && this.canTrade('pyongyang', c, item));
      return {
        lo: this.lo(base, 'count'),
        hi: this.hi(base, 'count') + (route ? this.supply('pyongyang', item) : 0),
        why: route
          ? `no more ${item} than Pyongyang can ever hold`
          : `no trade route carries ${item} from pyongyang${this.tradeHint('pyongyang')}`,
      };
    };
    this.set('pyongyang.ammunitionShipped', shipped('ammunition'));
    this.set('pyongyang.workersSent', shipped('workers'));
    let techHi = 0;
    for (const t of TECH_TRACKS) techHi += this.received('pyongyang', `tech.${t}`).hi;
    this.set('pyongyang.techGained', {
      lo: 0,
      hi: techHi,
      why:
        techHi === 0
          ? 'no technology can reach pyongyang: no trade route carries any tech.* item to it'
          : 'no more technology than exists in the game',
    });
    this.set('pyongyang.nuclearTech', this.received('pyongyang', 'tech.nuclear'));
    this.set('pyongyang.oilReceived', this.received('pyongyang', 'oil'));
    this.set('pyongyang.foodReceived', this.received('pyongyang', 'food'));
    this.set('pyongyang.currencyReceived', this.received('pyongyang', 'currency'));
    this.set('pyongyang.unCoverReceived', this.received('pyongyang', 'unCover'));

    const open = { lo: 0, hi: Infinity };
    for (const id of [
      'moscow.killed',
      'moscow.wounded',
      'moscow.losses',
      'moscow.ammunition',
      'moscow.frontTroops',
      'kyiv.killed',
      'kyiv.wounded',
      'kyiv.losses',
      'kyiv.frontTroops',
      'human.allKilled',
    ])
      this.set(id, open);
  }
}

export type Comparison = '>=' | '<=' | '>' | '<' | '==';

/** Whether `metric op value` can hold for some value in [lo, hi] and some choice of `value`. */
export function comparisonPossible(
  bound: Bound,
  op: Comparison,
  value: { lo: number; hi: number },
): boolean {
  switch (op) {
    case '>=':
      return bound.hi >= value.lo;
    case '>':
      return bound.hi > value.lo;
    case '<=':
      return bound.lo <= value.hi;
    case '<':
      return bound.lo < value.hi;
    case '==':
      return bound.hi >= value.lo && bound.lo <= value.hi;
  }
}

/** A number as a message shows it: 12,000; 0.5; infinity. */
export function showNumber(n: number): string {
  if (!Number.isFinite(n)) return n > 0 ? 'no limit' : 'no limit below';
  return Number.isInteger(n) ? n.toLocaleString('en-GB') : String(Math.round(n * 1000) / 1000);
}

/** A part of a condition that can never hold, and why. */
export interface NeverHolds {
  path: (string | number)[];
  reason: string;
}

/**
 * Why `condition` can never hold in this scenario, or undefined when it might (or when the
 * analysis cannot tell). Flags are left to the flag check (which already warns).
 */
export function neverHolds(
  condition: ScenarioCondition,
  path: (string | number)[],
  reach: Reach,
  scenario: Scenario,
  ledger: Ledger,
): NeverHolds | undefined {
  switch (condition.type) {
    case 'metric': {
      const bound = reach.bound(condition.metric);
      const value = quantityRange(condition.value, ledger);
      if (comparisonPossible(bound, condition.op, value)) return undefined;
      const needs = `${condition.metric} ${condition.op} ${showNumber(
        condition.op === '>=' || condition.op === '>' ? value.lo : value.hi,
      )}`;
      const range =
        bound.lo === bound.hi
          ? `${condition.metric} stays at ${showNumber(bound.lo)} in this scenario`
          : condition.op === '>=' || condition.op === '>' || bound.hi < value.lo
            ? `${condition.metric} can reach at most ${showNumber(bound.hi)} in this scenario`
            : `${condition.metric} is never below ${showNumber(bound.lo)} in this scenario`;
      const why = bound.why !== undefined && bound.hi < value.lo ? ` (${bound.why})` : '';
      return { path, reason: `it needs ${needs}, but ${range}${why}` };
    }
    case 'lever': {
      const start = scenario.levers[condition.lever];
      const startValue = typeof start === 'object' ? start.start : start;
      if (condition.equals === startValue || reach.leverMovable(condition.lever)) return undefined;
      const owner = LEVER_KEY_OWNER[condition.lever];
      return {
        path,
        reason: `it needs ${condition.lever} = ${JSON.stringify(condition.equals)}, but ${condition.lever} stays ${JSON.stringify(startValue)}: ${owner} has no ${LEVER_OF_KEY[condition.lever]} lever and no event moves it`,
      };
    }
    case 'chance':
      return condition.probability <= 0
        ? { path: [...path, 'probability'], reason: 'its probability is 0' }
        : undefined;
    case 'all': {
      for (const [i, c] of condition.of.entries()) {
        const never = neverHolds(c, [...path, 'of', i], reach, scenario, ledger);
        if (never !== undefined) return never;
      }
      return undefined;
    }
    case 'any': {
      const nevers: NeverHolds[] = [];
      for (const [i, c] of condition.of.entries()) {
        const never = neverHolds(c, [...path, 'of', i], reach, scenario, ledger);
        if (never === undefined) return undefined;
        nevers.push(never);
      }
      return {
        path,
        reason: `none of its conditions can hold: ${nevers.map((n) => n.reason).join('; ')}`,
      };
    }
    case 'not':
      return condition.of.type === 'always' ? { path, reason: 'it is "not always"' } : undefined;
    default:
      return undefined;
  }
}
