/**
 * How a computer player answers a trade offer: accept, counter or refuse, with a one-line
 * reason the game shows the student. Items are weighed with the scenario's per-capital values.
 */
import { bundleEntries, checkCanPay, type Bundle, type Capital, type GameState, type Offer } from '../engine';

export type Verdict =
  | { response: 'accept'; reason: string }
  | { response: 'counter'; reason: string; give: Bundle; get: Bundle; turns: number }
  | { response: 'reject'; reason: string };

export function bundleValue(state: Readonly<GameState>, who: Capital, bundle: Bundle): number {
  const values = state.rules.policies.values[who];
  let v = 0;
  for (const [item, n] of bundleEntries(bundle)) v += (values[item] ?? 0) * n;
  return v;
}

function describe(bundle: Bundle): string {
  const parts = bundleEntries(bundle).map(([item, n]) => `${n.toLocaleString('en-GB')} ${item}`);
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

/** `who` judges `offer`, which is addressed to it: it receives offer.give and pays offer.get. */
export function judgeOffer(state: Readonly<GameState>, who: Capital, offer: Offer): Verdict {
  const name = state.rules.capitals[who].name;
  const gain = bundleValue(state, who, offer.give);
  const cost = bundleValue(state, who, offer.get);
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
  if (cost <= gain)
    return { response: 'accept', reason: `${name} values ${describe(offer.give)} above ${describe(offer.get)}` };
  const fair = gain / cost;
  if (fair >= state.rules.policies.counterAbove && gain > 0)
    return {
      response: 'counter',
      reason: `${name} finds the price too high and offers ${Math.round(fair * 100)}% of it`,
      give: scaleBundle(offer.get, fair),
      get: { ...offer.give },
      turns: offer.turns,
    };
  return {
    response: 'reject',
    reason:
      gain === 0
        ? `${name} has no use for ${describe(offer.give)}`
        : `${name} will not pay ${describe(offer.get)} for ${describe(offer.give)}: far too much`,
  };
}

/** The largest share (0-1) of a bundle the capital can pay from its stocks. */
function fitToStock(state: Readonly<GameState>, who: Capital, bundle: Bundle): number {
  let f = 1;
  for (const [item, n] of bundleEntries(bundle)) f = Math.min(f, state.stocks[who][item] / n);
  return f;
}

/** Answers every open offer addressed to `who`, as actions. */
export function answerOffers(state: Readonly<GameState>, who: Capital): import('../engine').Action[] {
  const out: import('../engine').Action[] = [];
  for (const o of state.offers) {
    if (o.to !== who || o.status !== 'open') continue;
    const v = judgeOffer(state, who, o);
    if (v.response === 'accept') out.push({ type: 'accept', seat: who, offerId: o.id });
    else if (v.response === 'reject') out.push({ type: 'reject', seat: who, offerId: o.id, reason: v.reason });
    else out.push({ type: 'counter', seat: who, offerId: o.id, give: v.give, get: v.get, turns: v.turns, note: v.reason });
  }
  return out;
}
