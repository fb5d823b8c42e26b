/**
 * How a computer player answers a trade offer: accept, counter or refuse, with a one-line
 * reason the game shows the student. Items are weighed with the scenario's per-capital values,
 * scaled by the player's trading style (a hawk pays dearly for troops, an opportunist haggles).
 */
import {
  bundleEntries,
  checkCanPay,
  type Action,
  type Bundle,
  type Capital,
  type GameState,
  type Item,
  type Offer,
} from '../engine';

export type Verdict =
  | { response: 'accept'; reason: string }
  | { response: 'counter'; reason: string; give: Bundle; get: Bundle; turns: number }
  | { response: 'reject'; reason: string };

/** How a computer player weighs trades. The default is the scenario's values, as they are. */
export interface TradeStyle {
  /** Shown in reasons, e.g. "hawkish"; empty for the plain historical player. */
  label: string;
  /** Multipliers on the scenario's value of one unit of each item (missing: 1). */
  valueScale: Partial<Record<Item, number>>;
  /** Counter offers worth at least this share of a fair one; refuse below (default: the scenario's). */
  counterAbove?: number;
  /**
   * Accept outright only when what arrives is worth at least `haggle` times what leaves; a fair
   * offer below that is countered with a lower price (an opportunist haggles). 1: never haggle.
   */
  haggle: number;
  /** Walks away from a deal as soon as the partner delivers short (keeps every deal otherwise). */
  breaksShortDeals?: boolean;
}

export const PLAIN_STYLE: TradeStyle = { label: '', valueScale: {}, haggle: 1 };

/** Value of one unit of `item` to `who`, in its own points, under a style. */
export function itemValue(
  state: Readonly<GameState>,
  who: Capital,
  item: Item,
  style: TradeStyle = PLAIN_STYLE,
): number {
  return (state.rules.policies.values[who][item] ?? 0) * (style.valueScale[item] ?? 1);
}

export function bundleValue(
  state: Readonly<GameState>,
  who: Capital,
  bundle: Bundle,
  style: TradeStyle = PLAIN_STYLE,
): number {
  let v = 0;
  for (const [item, n] of bundleEntries(bundle)) v += itemValue(state, who, item, style) * n;
  return v;
}

/**
 * A count as en-GB's toLocaleString writes it ("12,000"), without the locale machinery, which
 * cost more than the rest of a bot's answer. The text goes into recorded orders, so it must stay
 * identical; anything but a safe whole number takes the locale path.
 */
export function groupThousands(n: number): string {
  if (!Number.isSafeInteger(n) || Object.is(n, -0)) return n.toLocaleString('en-GB');
  const digits = String(Math.abs(n));
  let out = digits.slice(0, digits.length % 3 || 3);
  for (let i = out.length; i < digits.length; i += 3) out += `,${digits.slice(i, i + 3)}`;
  return n < 0 ? `-${out}` : out;
}

function describe(bundle: Bundle): string {
  const parts = bundleEntries(bundle).map(([item, n]) => `${groupThousands(n)} ${item}`);
  return parts.length > 0 ? parts.join(', ') : 'nothing';
}

/** Scales every amount in a bundle by `f`, rounding down, dropping what reaches zero. */
export function scaleBundle(bundle: Bundle, f: number): Bundle {
  const out: Bundle = {};
  for (const [item, n] of bundleEntries(bundle)) {
    const m = Math.floor(n * f);
    if (m > 0) out[item] = m;
  }
  return out;
}

/**
 * `who` judges `offer`, which is addressed to it: it receives offer.give and pays offer.get.
 * With the default style this is the historical players' judgement, unchanged.
 */
export function judgeOffer(
  state: Readonly<GameState>,
  who: Capital,
  offer: Offer,
  style: TradeStyle = PLAIN_STYLE,
): Verdict {
  const name = style.label
    ? `${state.rules.capitals[who].name} (${style.label})`
    : state.rules.capitals[who].name;
  const counterAbove = style.counterAbove ?? state.rules.policies.counterAbove;
  const broken = state.deals.find((d) => d.status === 'broken' && d.brokenBy === offer.from && (d.from === who || d.to === who));
  if (broken)
    return {
      response: 'reject',
      reason: `${name} makes no new deal with ${state.rules.capitals[offer.from].name}, which broke deal #${broken.id}`,
    };
  const gain = bundleValue(state, who, offer.give, style);
  const cost = bundleValue(state, who, offer.get, style);
  const short = checkCanPay(state as GameState, who, offer.get, 'asked');
  if (short) {
    const f = fitToStock(state, who, offer.get);
    if (f > 0 && gain > 0 && cost * f <= gain)
      return {
        response: 'counter',
        reason: `${name} cannot pay all of that now; it offers what it holds`,
        give: scaleBundle(offer.get, f),
        get: { ...offer.give },
        turns: offer.turns,
      };
    return { response: 'reject', reason: `${name} does not hold what is asked (${short.message})` };
  }
  if (cost <= gain) {
    // An opportunist who finds the deal merely fair asks for a better price, once per chain.
    if (
      style.haggle > 1 &&
      cost * style.haggle > gain &&
      offer.counterTo === undefined &&
      gain > 0
    ) {
      const f = gain / (cost * style.haggle);
      const give = scaleBundle(offer.get, f);
      if (bundleEntries(give).length > 0)
        return {
          response: 'counter',
          reason: `${name} would take this, but haggles: it offers ${Math.round(f * 100)}% of the price`,
          give,
          get: { ...offer.give },
          turns: offer.turns,
        };
    }
    return {
      response: 'accept',
      reason: `${name} values ${describe(offer.give)} above ${describe(offer.get)}`,
    };
  }
  const fair = gain / cost;
  if (fair >= counterAbove && gain > 0) {
    const less = scaleBundle(offer.get, fair);
    // Whole units (a month's pause, a technology package) cannot be cut: ask for more instead.
    if (bundleEntries(less).length === bundleEntries(offer.get).length)
      return {
        response: 'counter',
        reason: `${name} finds the price too high and offers ${Math.round(fair * 100)}% of it`,
        give: less,
        get: { ...offer.give },
        turns: offer.turns,
      };
    return {
      response: 'counter',
      reason: `${name} finds the price too high: it asks for more in return`,
      give: { ...offer.get },
      get: scaleUp(offer.give, 1 / fair),
      turns: offer.turns,
    };
  }
  return {
    response: 'reject',
    reason:
      gain === 0
        ? `${name} has no use for ${describe(offer.give)}`
        : `${name} will not pay ${describe(offer.get)} for ${describe(offer.give)}: far too much`,
  };
}

/** Scales every amount in a bundle up by `f`, rounding up. */
function scaleUp(bundle: Bundle, f: number): Bundle {
  const out: Bundle = {};
  for (const [item, n] of bundleEntries(bundle)) out[item] = Math.ceil(n * f);
  return out;
}

/** The largest share (0-1) of a bundle the capital can pay from its stocks. */
function fitToStock(state: Readonly<GameState>, who: Capital, bundle: Bundle): number {
  let f = 1;
  for (const [item, n] of bundleEntries(bundle)) f = Math.min(f, state.stocks[who][item] / n);
  return f;
}

/**
 * Counter-offers a computer player makes in one chain of offers before it stops haggling: after
 * this many rounds it accepts or refuses, so two computers (or a computer and a patient student)
 * can never counter each other for ever.
 */
export const MAX_COUNTER_ROUNDS = 3;

/** How many offers precede `offer` in its chain of counters. */
export function counterDepth(state: Readonly<GameState>, offer: Offer): number {
  let depth = 0;
  let at: Offer | undefined = offer;
  while (at?.counterTo !== undefined && depth <= MAX_COUNTER_ROUNDS * 2) {
    const prev: number = at.counterTo;
    at = state.offers.find((o) => o.id === prev);
    depth++;
  }
  return depth;
}

/** `who`'s answer to one open offer addressed to it, as an action. */
export function answerOffer(
  state: Readonly<GameState>,
  who: Capital,
  offer: Offer,
  style: TradeStyle = PLAIN_STYLE,
): Action {
  const v = judgeOffer(state, who, offer, style);
  if (v.response === 'accept') return { type: 'accept', seat: who, offerId: offer.id };
  if (v.response === 'counter' && counterDepth(state, offer) < MAX_COUNTER_ROUNDS * 2)
    return { type: 'counter', seat: who, offerId: offer.id, give: v.give, get: v.get, turns: v.turns, note: v.reason };
  const reason =
    v.response === 'counter'
      ? `${state.rules.capitals[who].name} has bargained over this for ${MAX_COUNTER_ROUNDS} rounds and stops here: ${v.reason}`
      : v.reason;
  return { type: 'reject', seat: who, offerId: offer.id, reason };
}

/** Answers every open offer addressed to `who`, as actions. */
export function answerOffers(
  state: Readonly<GameState>,
  who: Capital,
  style: TradeStyle = PLAIN_STYLE,
): Action[] {
  const out: Action[] = [];
  for (const o of state.offers) if (o.to === who && o.status === 'open') out.push(answerOffer(state, who, o, style));
  return out;
}

/**
 * Deals `who` walks away from now: with a style that breaks short deals, every active deal in
 * which the partner has delivered less than it promised. Other players keep their deals.
 */
export function dealsToBreak(state: Readonly<GameState>, who: Capital, style: TradeStyle = PLAIN_STYLE): Action[] {
  if (!style.breaksShortDeals) return [];
  const out: Action[] = [];
  for (const d of state.deals) {
    if (d.status !== 'active' || (d.from !== who && d.to !== who)) continue;
    const theirs = d.from === who ? d.shortfall.get : d.shortfall.give;
    if (bundleEntries(theirs).length > 0) out.push({ type: 'withdraw', seat: who, offerId: d.offerId });
  }
  return out;
}
