/**
 * Offers, deals and deliveries. A delivery moves goods from one capital's stock to another's
 * (soldiers into the expedition), so every trade conserves what exists: nothing is created.
 */
import { cedeGround } from './ground';
import { narrowUncertainty } from './intel';
import type { Rng } from './rng';
import { addToBundle, bundleEntries, clamp, isCount, isItem } from './stocks';
import type {
  Bundle,
  Capital,
  Deal,
  DeliveryReport,
  EngineError,
  GameState,
  Item,
  Offer,
  TurnReport,
} from './types';

function fail(code: EngineError['code'], message: string): EngineError {
  return { code, message };
}

/** Checks a bundle's shape: known items, whole non-negative amounts. */
function checkBundle(bundle: unknown, label: string): EngineError | null {
  if (bundle === null || typeof bundle !== 'object' || Array.isArray(bundle))
    return fail('bad-amount', `${label} must be a set of items and amounts`);
  for (const [item, n] of Object.entries(bundle)) {
    if (!isItem(item)) return fail('bad-amount', `${label}: "${item}" is not something that can be traded`);
    if (!isCount(n)) return fail('bad-amount', `${label}: ${item} must be a whole number of 0 or more, got ${String(n)}`);
  }
  return null;
}

function routeItems(state: GameState, from: Capital, to: Capital): readonly Item[] {
  const items: Item[] = [];
  for (const r of state.rules.trade.routes) if (r.from === from && r.to === to) items.push(...r.items);
  return items;
}

/** Validates an offer from `from` to `to`; null when it may be made. */
export function checkOffer(
  state: GameState,
  from: Capital,
  to: Capital,
  give: Bundle,
  get: Bundle,
  turns: number,
): EngineError | null {
  if (from === to) return fail('no-route', 'a capital cannot trade with itself');
  const bad = checkBundle(give, 'give') ?? checkBundle(get, 'get');
  if (bad) return bad;
  if (bundleEntries(give).length + bundleEntries(get).length === 0)
    return fail('bad-amount', 'an offer must give or ask for something');
  const t = state.rules.trade;
  if (!Number.isInteger(turns) || turns < 1 || turns > t.maxDeliveryTurns)
    return fail('bad-amount', `delivery must take 1 to ${t.maxDeliveryTurns} turns, got ${String(turns)}`);
  const out = routeItems(state, from, to);
  for (const [item] of bundleEntries(give))
    if (!out.includes(item))
      return fail('no-route', `${state.rules.capitals[from].name} cannot send ${item} to ${state.rules.capitals[to].name} in this scenario`);
  const back = routeItems(state, to, from);
  for (const [item] of bundleEntries(get))
    if (!back.includes(item))
      return fail('no-route', `${state.rules.capitals[to].name} cannot send ${item} to ${state.rules.capitals[from].name} in this scenario`);
  return null;
}

/** A capital may only promise what it holds now; a later shortage makes delivery partial. */
export function checkCanPay(state: GameState, who: Capital, bundle: Bundle, label: string): EngineError | null {
  for (const [item, n] of bundleEntries(bundle))
    if (state.stocks[who][item] < n)
      return fail(
        'insufficient',
        `${label}: ${state.rules.capitals[who].name} holds ${state.stocks[who][item]} ${item}, not ${n}`,
      );
  return null;
}

export function openOffersFrom(state: GameState, who: Capital): number {
  let n = 0;
  for (const o of state.offers) if (o.from === who && o.status === 'open') n++;
  return n;
}

export function offersMadeThisTurn(state: GameState, who: Capital): number {
  let n = 0;
  for (let i = state.offers.length - 1; i >= 0; i--) {
    const o = state.offers[i]!;
    if (o.madeOnTurn !== state.ctx.turn) break; // offers are in the order they were made
    if (o.from === who) n++;
  }
  return n;
}

export function makeOffer(
  state: GameState,
  from: Capital,
  to: Capital,
  give: Bundle,
  get: Bundle,
  turns: number,
  note: string | undefined,
  counterTo?: number,
): Offer {
  const offer: Offer = {
    id: state.nextId++,
    from,
    to,
    give: compact(give),
    get: compact(get),
    turns,
    madeOnTurn: state.ctx.turn,
    status: 'open',
  };
  if (counterTo !== undefined) offer.counterTo = counterTo;
  if (note) offer.note = note;
  state.offers.push(offer);
  return offer;
}

function compact(bundle: Bundle): Bundle {
  const out: Bundle = {};
  for (const [item, n] of bundleEntries(bundle)) out[item] = n;
  return out;
}

export function openDeal(state: GameState, offer: Offer): Deal {
  offer.status = 'accepted';
  const deal: Deal = {
    id: state.nextId++,
    offerId: offer.id,
    from: offer.from,
    to: offer.to,
    give: { ...offer.give },
    get: { ...offer.get },
    turns: offer.turns,
    done: 0,
    delivered: { give: {}, get: {} },
    shortfall: { give: {}, get: {} },
    status: 'active',
  };
  state.deals.push(deal);
  return deal;
}

/** Moves up to `n` of `item` from one capital to another; returns how many actually moved. */
export function moveItem(state: GameState, from: Capital, to: Capital, item: Item, n: number): number {
  const moved = item === 'ground' && from === 'kyiv' ? cedeGround(state, Math.min(n, state.stocks.kyiv.ground)) : Math.min(n, state.stocks[from][item]);
  if (moved <= 0) return 0;
  if (item !== 'ground' || from !== 'kyiv') state.stocks[from][item] -= moved;
  if (item === 'ground' && from === 'kyiv') {
    // The ground changes hands on the map (cedeGround); no capital stocks it.
  } else if (item === 'prisoners' && from === 'kyiv') {
    repatriate(state, moved);
  } else if (item === 'pows' && to === 'kyiv') {
    // Ukrainian prisoners go home to their families; they are counted, not stocked.
  } else if (item === 'troops' && from === 'pyongyang') {
    // Soldiers do not join the buyer's stock: they stay North Korean, under Russian command.
    state.expedition.training.push({
      count: moved,
      monthsLeft: state.levers.trainingMonths,
      monthsTrained: 0,
    });
    state.human.sent += moved;
  } else {
    state.stocks[to][item] += moved;
  }
  addToBundle(state.flows.sent[from], item, moved);
  addToBundle(state.flows.received[to], item, moved);
  receiveEffects(state, to, item, moved);
  return moved;
}

/**
 * North Korean prisoners handed back by Kyiv go home. Their families were put at risk when they
 * were captured; at home they count as returnees: what they saw feeds dissent, what they learnt
 * of the war comes home with them.
 */
function repatriate(state: GameState, n: number): void {
  const pol = state.politics;
  pol.prisonersHeld -= n;
  pol.prisonersPublicised = Math.min(pol.prisonersPublicised, pol.prisonersHeld);
  state.human.exchanged += n;
  returnHome(state, n);
}

/** Soldiers back home alive: dissent from what they saw, experience that is no longer at risk. */
export function returnHome(state: GameState, n: number): void {
  const e = state.expedition;
  const perSoldier = e.experience / Math.max(1, state.human.sent);
  e.experienceHome += Math.round(perSoldier * n);
  const p = state.rules.politics;
  state.politics.dissentRisk = clamp(
    state.politics.dissentRisk + (p.dissentPerThousandReturned * (1 + perSoldier) * n) / 1000,
    0,
    100,
  );
}

/** Political weight of what Pyongyang receives, and the scrutiny of nuclear sharing. */
function receiveEffects(state: GameState, to: Capital, item: Item, n: number): void {
  const p = state.rules.politics;
  const pol = state.politics;
  if (to === 'pyongyang') {
    let gain = 0;
    if (item === 'oil') gain = p.controlPerOil * n;
    else if (item === 'food') gain = p.controlPerFood * n;
    else if (item === 'unCover') gain = p.controlPerUnCover * n;
    pol.regimeControl = clamp(pol.regimeControl + gain, 0, 100);
  }
  if (item === 'tech.nuclear') pol.scrutiny = clamp(pol.scrutiny + p.scrutinyPerNuclearUnit * n, 0, 100);
}

/** Amount of each item due this turn: an even share of what remains over the turns left. */
function dueThisTurn(total: Bundle, delivered: Bundle, short: Bundle, turnsLeft: number): Bundle {
  const due: Bundle = {};
  for (const [item, n] of bundleEntries(total)) {
    const remaining = n - (delivered[item] ?? 0) - (short[item] ?? 0);
    if (remaining > 0) due[item] = turnsLeft <= 1 ? remaining : Math.floor(remaining / turnsLeft);
  }
  return due;
}

export function deliverDeals(state: GameState, rng: Rng, report: TurnReport): void {
  for (const deal of state.deals) {
    if (deal.status !== 'active') continue;
    const late = rng.next() < state.rules.trade.lateChance;
    if (late) {
      report.deliveries.push({ dealId: deal.id, from: deal.from, to: deal.to, moved: {}, late: true, short: {} });
      continue;
    }
    const left = deal.turns - deal.done;
    const legs: [Capital, Capital, Bundle, Bundle, Bundle][] = [
      [deal.from, deal.to, deal.give, deal.delivered.give, deal.shortfall.give],
      [deal.to, deal.from, deal.get, deal.delivered.get, deal.shortfall.get],
    ];
    for (const [from, to, total, delivered, short] of legs) {
      const line: DeliveryReport = { dealId: deal.id, from, to, moved: {}, late: false, short: {} };
      for (const [item, n] of bundleEntries(dueThisTurn(total, delivered, short, left))) {
        const moved = moveItem(state, from, to, item, n);
        if (moved > 0) {
          addToBundle(delivered, item, moved);
          addToBundle(line.moved, item, moved);
        }
        if (moved < n) {
          addToBundle(short, item, n - moved);
          addToBundle(line.short, item, n - moved);
        }
      }
      if (bundleEntries(line.moved).length + bundleEntries(line.short).length > 0) report.deliveries.push(line);
    }
    deal.done++;
    if (deal.done >= deal.turns) deal.status = 'complete';
    // Partners learn about each other through what they exchange.
    narrowUncertainty(state, deal.to, deal.from, state.rules.intel.drift);
    narrowUncertainty(state, deal.from, deal.to, state.rules.intel.drift);
  }
}

export function lapseOffers(state: GameState): void {
  const limit = state.rules.trade.offerExpiryTurns;
  for (const o of state.offers)
    if (o.status === 'open' && state.ctx.turn - o.madeOnTurn + 1 >= limit) o.status = 'lapsed';
}
