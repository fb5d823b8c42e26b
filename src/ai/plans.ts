/**
 * Plans: a parameterised family of policies, one per capital, that turn a game state into a
 * seat's orders for the month. The historical player is one point of this family (HISTORICAL
 * below gives the same orders as historical.ts); the personalities (hawk, dove, opportunist)
 * are others; the search player compares several by rolling games out.
 *
 * Everything here is a pure function of the state and the plan: no randomness at all.
 */
import {
  bundleEntries,
  compareMonths,
  ITEMS,
  type Action,
  type Bundle,
  type Capital,
  type GameState,
  type InformationPolicy,
  type Item,
  type Stance,
} from '../engine';
import { missileRoom, priceFor, spread, troopsInPipeline } from './historical';
import { answerOffers, dealsToBreak, itemValue, PLAIN_STYLE, type TradeStyle } from './judge';

/** When a lever is pulled: from the first turn, on the scenario's historical date, or never. */
export type When = 'start' | 'historical' | 'never';

export interface PyongyangPlan {
  /** Share of the historical deployment schedule sent (capped by the soldiers Pyongyang holds). */
  troopsScale: number;
  /** Send the schedule's final total from the first turn instead of month by month. */
  early: boolean;
  /**
   * Price asked for soldiers, ammunition and workers: null asks the scenario's historical price;
   * a number asks for goods Moscow itself values at that share of what it receives.
   */
  price: number | null;
  /** Make the scenario's dated historical offers (ammunition and workers). */
  datedOffers: boolean;
  /** Share of the ammunition stock offered for sale each month, at `price`. */
  sellAmmo: number;
  /** Offer the workers for sale in the first month, at `price`. */
  sellWorkers: boolean;
  /** What the soldiers are told (null: the historical policy). */
  information: InformationPolicy | null;
  /** Months of training (null: the historical policy). */
  trainingMonths: number | null;
  /** From this turn, bring home the soldiers out of the line and send no more (null: never). */
  recallFrom: number | null;
  /** Extra weight on what Pyongyang asks for, by item (1: as the scenario's scoring weighs it). */
  emphasis: Partial<Record<Item, number>>;
}

export interface MoscowPlan {
  /** Share of the Russian reserve sent to the front each month. */
  reinforceShare: number;
  /** Public stance (null: the historical policy). */
  stance: Stance | null;
  pairing: When;
  missileUnits: When;
  /** Share of ready North Koreans moved to missile units each month once missile units are used. */
  missileShare: number;
  /** Share of the remaining ready North Koreans sent to the front each month. */
  frontShare: number;
  /** Where North Koreans go: where Ukraine is strongest (historical) or where Russia holds least. */
  focus: 'enemy' | 'contested';
  /** Soldiers and containers of ammunition Moscow asks Pyongyang for each month (0: none). */
  buyTroops: number;
  buyAmmo: number;
  /** What Moscow pays, as a share of Pyongyang's own valuation of what it sends. */
  pay: number;
  /** Prisoners of war offered to Kyiv per North Korean prisoner it hands back (0: no offer). */
  buyPrisoners: number;
  /** Points of Kursk ground asked of Kyiv for a month's pause (0: no offer). */
  sellPause: number;
}

export interface KyivPlan {
  /** Share of the Ukrainian reserve sent to the front each month. */
  reinforceShare: number;
  /** Share of the drones in reserve sent to the front each month. */
  droneShare: number;
  /** Where reserves go: against the strongest enemy (historical), at North Korean units, or where Ukraine holds most. */
  focus: 'enemy' | 'northKoreans' | 'held';
  targeting: When;
  publicise: boolean;
  evidence: boolean;
  /** Withdraw from the salient from this turn on (null: the historical policy). */
  withdrawFrom: number | null;
  /** Prisoners of war asked of Moscow per North Korean prisoner handed back (0: no exchange). */
  swapPrisoners: number;
  /** Points of Kursk ground offered to Moscow for a month's pause (0: no offer). */
  groundForPause: number;
}

export interface Plans {
  pyongyang: PyongyangPlan;
  moscow: MoscowPlan;
  kyiv: KyivPlan;
}

/** The historical policy expressed as plans: the same orders as historical.ts. */
export const HISTORICAL: Plans = {
  pyongyang: {
    troopsScale: 1,
    early: false,
    price: null,
    datedOffers: true,
    sellAmmo: 0,
    sellWorkers: false,
    information: null,
    trainingMonths: null,
    recallFrom: null,
    emphasis: {},
  },
  moscow: {
    reinforceShare: -1, // -1: the scenario's historical share
    stance: null,
    pairing: 'historical',
    missileUnits: 'historical',
    missileShare: -1,
    frontShare: 1,
    focus: 'enemy',
    buyTroops: 0,
    buyAmmo: 0,
    pay: 1,
    buyPrisoners: 0,
    sellPause: 0,
  },
  kyiv: {
    reinforceShare: -1,
    droneShare: 1,
    focus: 'enemy',
    targeting: 'historical',
    publicise: true,
    evidence: true,
    withdrawFrom: null,
    // The sources report no exchange and no pause in these months.
    swapPrisoners: 0,
    groundForPause: 0,
  },
};

function reached(state: Readonly<GameState>, month: string | null): boolean {
  return month !== null && compareMonths(state.ctx.date, month) >= 0;
}

function when(state: Readonly<GameState>, w: When, month: string | null): boolean {
  return w === 'start' ? true : w === 'never' ? false : reached(state, month);
}

function add(b: Bundle, item: Item, n: number): void {
  if (n !== 0) b[item] = (b[item] ?? 0) + n;
}

/**
 * Goods in flight for `who`: what it is still due to receive (`incoming`) and still due to send
 * (`outgoing`) under active deals and its own open offers.
 */
export function pipeline(
  state: Readonly<GameState>,
  who: Capital,
): { incoming: Bundle; outgoing: Bundle } {
  const incoming: Bundle = {};
  const outgoing: Bundle = {};
  for (const d of state.deals) {
    if (d.status !== 'active' || (d.from !== who && d.to !== who)) continue;
    for (const [item, n] of bundleEntries(d.give)) {
      const left = n - (d.delivered.give[item] ?? 0) - (d.shortfall.give[item] ?? 0);
      add(d.to === who ? incoming : outgoing, item, left);
    }
    for (const [item, n] of bundleEntries(d.get)) {
      const left = n - (d.delivered.get[item] ?? 0) - (d.shortfall.get[item] ?? 0);
      add(d.from === who ? incoming : outgoing, item, left);
    }
  }
  for (const o of state.offers) {
    if (o.status !== 'open') continue;
    if (o.from === who) {
      for (const [item, n] of bundleEntries(o.get)) add(incoming, item, n);
      for (const [item, n] of bundleEntries(o.give)) add(outgoing, item, n);
    }
  }
  return { incoming, outgoing };
}

/** Items that can move from `from` to `to` in this scenario. */
function routeItems(state: Readonly<GameState>, from: Capital, to: Capital): Set<Item> {
  const out = new Set<Item>();
  for (const r of state.rules.trade.routes)
    if (r.from === from && r.to === to) for (const i of r.items) out.add(i);
  return out;
}

/** What `from` can still promise: its stock less what it has already promised. */
function spare(state: Readonly<GameState>, from: Capital, reserved: Bundle): Bundle {
  const { outgoing } = pipeline(state, from);
  const out: Bundle = {};
  for (const item of ITEMS) {
    const n = state.stocks[from][item] - (outgoing[item] ?? 0) - (reserved[item] ?? 0);
    if (n > 0) out[item] = n;
  }
  return out;
}

// ---------------------------------------------------------------------------------------------
// Pyongyang: what it wants comes from the scenario's scoring, so a new scenario needs no code.
// ---------------------------------------------------------------------------------------------

/** Which of Pyongyang's metrics an item it receives feeds (the engine's metric definitions). */
const RECEIVED_METRIC: Partial<Record<Item, string>> = {
  oil: 'pyongyang.oilReceived',
  food: 'pyongyang.foodReceived',
  currency: 'pyongyang.currencyReceived',
  unCover: 'pyongyang.unCoverReceived',
  'tech.missile': 'pyongyang.techGained',
  'tech.drone': 'pyongyang.techGained',
  'tech.airDefence': 'pyongyang.techGained',
  'tech.nuclear': 'pyongyang.techGained',
  'tech.cyber': 'pyongyang.techGained',
};

interface Want {
  item: Item;
  /** Score points per unit. */
  worth: number;
  /** Units wanted before the metric reaches its full marks (Infinity: no cap). */
  cap: number;
  /** Metric whose cap this want shares with others (tech tracks share techGained). */
  group: string;
}

function pyongyangWants(
  state: Readonly<GameState>,
  emphasis: Partial<Record<Item, number>>,
): Want[] {
  const objectives = state.rules.scoring.pyongyang;
  let weights = 0;
  for (const o of objectives) weights += o.weight;
  if (weights <= 0) return [];
  const { incoming } = pipeline(state, 'pyongyang');
  const p = state.rules.politics;
  const control: Partial<Record<Item, number>> = {
    oil: p.controlPerOil,
    food: p.controlPerFood,
    unCover: p.controlPerUnCover,
  };
  const regime = objectives.find(
    (o) => o.metric === 'pyongyang.regimeControl' && o.direction === 'max',
  );
  const wants: Want[] = [];
  for (const item of ITEMS) {
    const metric = RECEIVED_METRIC[item];
    let worth = 0;
    let cap = Infinity;
    if (metric) {
      for (const o of objectives) {
        if (o.metric !== metric || o.direction !== 'max' || o.scale <= 0) continue;
        worth += (100 * o.weight) / o.scale / weights;
        let inFlight = 0;
        for (const [i, n] of bundleEntries(incoming))
          if (RECEIVED_METRIC[i] === metric) inFlight += n;
        cap = Math.min(cap, o.scale - (state.metrics[metric] ?? 0) - inFlight);
      }
    }
    const c = control[item] ?? 0;
    if (regime && c > 0 && state.politics.regimeControl < regime.scale)
      worth += ((100 * regime.weight) / regime.scale / weights) * c;
    worth *= emphasis[item] ?? 1;
    if (worth > 0 && cap > 0) wants.push({ item, worth, cap, group: metric ?? item });
  }
  return wants;
}

/**
 * Fills a budget (in the partner's own points) with what `me` wants most per point, from what the
 * partner can spare and send. `reserved` holds what this month's earlier offers already asked.
 */
function buildAsk(
  state: Readonly<GameState>,
  me: Capital,
  partner: Capital,
  budget: number,
  wants: Want[],
  reserved: Bundle,
): Bundle {
  const can = routeItems(state, partner, me);
  const avail = spare(state, partner, reserved);
  const groupLeft = new Map<string, number>();
  for (const w of wants)
    groupLeft.set(w.group, Math.min(groupLeft.get(w.group) ?? Infinity, w.cap));
  const ranked = wants
    .filter((w) => can.has(w.item) && (avail[w.item] ?? 0) > 0)
    .map((w) => ({ w, price: itemValue(state, partner, w.item) }))
    .sort(
      (a, b) =>
        b.w.worth / Math.max(a.price, 1e-9) - a.w.worth / Math.max(b.price, 1e-9) ||
        ITEMS.indexOf(a.w.item) - ITEMS.indexOf(b.w.item),
    );
  const ask: Bundle = {};
  let left = budget;
  for (const { w, price } of ranked) {
    const room = Math.min(groupLeft.get(w.group) ?? 0, avail[w.item] ?? 0);
    const n = Math.floor(Math.min(room, price > 0 ? left / price : room));
    if (n <= 0) continue;
    ask[w.item] = n;
    left -= n * price;
    groupLeft.set(w.group, (groupLeft.get(w.group) ?? 0) - n);
    if (left <= 0) break;
  }
  for (const [item, n] of bundleEntries(ask)) add(reserved, item, n);
  return ask;
}


function openOffers(state: Readonly<GameState>, who: Capital): number {
  let n = 0;
  for (const o of state.offers) if (o.from === who && o.status === 'open') n++;
  return n;
}

export function pyongyangOrders(
  state: Readonly<GameState>,
  plan: PyongyangPlan,
  style: TradeStyle = PLAIN_STYLE,
): Action[] {
  const seat: Capital = 'pyongyang';
  const policy = state.rules.policies.historical.pyongyang;
  const out: Action[] = [];
  const { min, max } = state.rules.levers.trainingMonths;
  const training = Math.min(max, Math.max(min, plan.trainingMonths ?? policy.trainingMonths));
  if (state.levers.trainingMonths !== training)
    out.push({ type: 'setTraining', seat, months: training });
  const information = plan.information ?? policy.information;
  if (state.levers.information !== information)
    out.push({ type: 'setInformation', seat, policy: information });
  out.push(...answerOffers(state, seat, style));

  const recalling = plan.recallFrom !== null && state.ctx.turn >= plan.recallFrom;
  if (recalling && state.expedition.ready > 0)
    out.push({ type: 'recall', seat, count: state.expedition.ready });

  const market = plan.price !== null;
  const wants = market ? pyongyangWants(state, plan.emphasis) : [];
  const reserved: Bundle = {};
  let slots = state.rules.trade.maxOpenOffers - openOffers(state, seat);
  const offer = (give: Bundle, fallback: Bundle, turns: number): void => {
    if (slots <= 0) return;
    let get = fallback;
    if (market) {
      let worth = 0;
      for (const [item, n] of bundleEntries(give)) worth += itemValue(state, 'moscow', item) * n;
      const ask = buildAsk(state, seat, 'moscow', worth * plan.price!, wants, reserved);
      if (bundleEntries(ask).length > 0) get = ask;
    }
    if (bundleEntries(get).length === 0) return;
    out.push({ type: 'offer', seat, to: 'moscow', give, get, turns });
    slots--;
  };

  if (!recalling) {
    let target = 0;
    const steps = policy.troopsBy;
    if (plan.early && steps.length > 0) target = steps[steps.length - 1]!.total;
    else for (const step of steps) if (reached(state, step.date)) target = step.total;
    target = Math.round(target * plan.troopsScale);
    const want = Math.min(
      target - state.human.sent - troopsInPipeline(state),
      state.stocks.pyongyang.troops,
    );
    if (want > 0) offer({ troops: want }, priceFor(policy.askPerThousandTroops, want), 1);
  }
  if (plan.datedOffers)
    for (const o of policy.offers) if (o.date === state.ctx.date) offer(o.give, o.get, o.turns);
  if (market && plan.sellAmmo > 0) {
    const left = spare(state, seat, {});
    const n = Math.floor((left.ammunition ?? 0) * plan.sellAmmo);
    if (n >= 100) offer({ ammunition: n }, {}, 1);
  }
  if (market && plan.sellWorkers && state.ctx.turn === 1) {
    const n = spare(state, seat, {}).workers ?? 0;
    if (n > 0) offer({ workers: n }, {}, 3);
  }
  out.push({ type: 'endTurn', seat });
  return out;
}

// ---------------------------------------------------------------------------------------------
// Moscow
// ---------------------------------------------------------------------------------------------

/** Pays `worth` (in Pyongyang's own points) with what costs Moscow least for what Pyongyang values most. */
function buildPayment(state: Readonly<GameState>, worth: number, reserved: Bundle): Bundle {
  const can = routeItems(state, 'moscow', 'pyongyang');
  const avail = spare(state, 'moscow', reserved);
  const ranked = [...can]
    .map((item) => ({
      item,
      theirs: itemValue(state, 'pyongyang', item),
      mine: itemValue(state, 'moscow', item),
    }))
    .filter((x) => x.theirs > 0 && (avail[x.item] ?? 0) > 0 && x.item !== 'tech.nuclear')
    .sort(
      (a, b) =>
        b.theirs / Math.max(b.mine, 1e-9) - a.theirs / Math.max(a.mine, 1e-9) ||
        ITEMS.indexOf(a.item) - ITEMS.indexOf(b.item),
    );
  const pay: Bundle = {};
  let left = worth;
  for (const x of ranked) {
    const n = Math.min(avail[x.item] ?? 0, Math.ceil(left / x.theirs));
    if (n <= 0) continue;
    pay[x.item] = n;
    left -= n * x.theirs;
    if (left <= 0) break;
  }
  if (left > 0) return {};
  for (const [item, n] of bundleEntries(pay)) add(reserved, item, n);
  return pay;
}

export function moscowOrders(
  state: Readonly<GameState>,
  plan: MoscowPlan,
  style: TradeStyle = PLAIN_STYLE,
): Action[] {
  const seat: Capital = 'moscow';
  const policy = state.rules.policies.historical.moscow;
  const out: Action[] = [...answerOffers(state, seat, style)];
  const stance = plan.stance ?? policy.stance;
  if (state.levers.stance !== stance) out.push({ type: 'setStance', seat, stance });
  const pairing = when(state, plan.pairing, policy.pairingFrom);
  if (state.levers.pairing !== pairing) out.push({ type: 'setPairing', seat, on: pairing });
  let ready = state.expedition.ready;
  if (when(state, plan.missileUnits, policy.missileUnitsFrom) && ready > 0) {
    const n = Math.min(
      Math.floor(ready * (plan.missileShare < 0 ? policy.missileUnitShare : plan.missileShare)),
      missileRoom(state),
    );
    if (n > 0) {
      out.push({ type: 'missileUnits', seat, count: n });
      ready -= n;
    }
  }
  const enemy = state.sectors.map((s) => s.ukrainianTroops + 1);
  const nkWeights =
    plan.focus === 'enemy'
      ? enemy
      : state.sectors.map((s) => (100 - s.control) * (s.ukrainianTroops + 1) + 1);
  const front = plan.frontShare >= 1 ? ready : Math.floor(ready * plan.frontShare);
  spread(front, nkWeights).forEach((n, i) => {
    if (n > 0) out.push({ type: 'assign', seat, sector: state.sectors[i]!.id, count: n });
  });
  const share = plan.reinforceShare < 0 ? policy.reinforceShare : plan.reinforceShare;
  const reserve = Math.floor(state.stocks.moscow.troops * share);
  spread(reserve, enemy).forEach((n, i) => {
    if (n > 0)
      out.push({ type: 'allocate', seat, sector: state.sectors[i]!.id, troops: n, drones: 0 });
  });
  if (
    (plan.buyTroops > 0 || plan.buyAmmo > 0) &&
    openOffers(state, seat) < state.rules.trade.maxOpenOffers
  ) {
    const theirs = spare(state, 'pyongyang', {});
    const get: Bundle = {};
    const troops = Math.min(plan.buyTroops, theirs.troops ?? 0);
    const ammo = Math.min(plan.buyAmmo, theirs.ammunition ?? 0);
    if (troops > 0) get.troops = troops;
    if (ammo > 0) get.ammunition = ammo;
    if (bundleEntries(get).length > 0) {
      let worth = 0;
      for (const [item, n] of bundleEntries(get)) worth += itemValue(state, 'pyongyang', item) * n;
      const give = buildPayment(state, worth * plan.pay, {});
      if (bundleEntries(give).length > 0)
        out.push({ type: 'offer', seat, to: 'pyongyang', give, get, turns: 1 });
    }
  }
  out.push(...kurskBargains(state, seat, plan.buyPrisoners, plan.sellPause));
  out.push({ type: 'endTurn', seat });
  return out;
}

/**
 * Moscow and Kyiv bargain over what the Kursk fighting left in their hands: North Korean
 * prisoners against Ukrainian prisoners of war (`perPrisoner` of them each), and Kursk ground
 * against a month's pause (`groundPerPause` points). Each side proposes only when it has what it
 * gives, nothing of the kind is already on the table, and the scenario has the routes.
 */
export function kurskBargains(
  state: Readonly<GameState>,
  seat: Capital,
  perPrisoner: number,
  groundPerPause: number,
): Action[] {
  if ((seat !== 'moscow' && seat !== 'kyiv') || (perPrisoner <= 0 && groundPerPause <= 0)) return [];
  const partner: Capital = seat === 'moscow' ? 'kyiv' : 'moscow';
  let slots = state.rules.trade.maxOpenOffers - openOffers(state, seat);
  const out: Action[] = [];
  const kyiv = spare(state, 'kyiv', {});
  const moscow = spare(state, 'moscow', {});
  const onTable = (item: Item) =>
    state.offers.some((o) => o.status === 'open' && (o.give[item] ?? 0) + (o.get[item] ?? 0) > 0);
  const can = (from: Capital, to: Capital, item: Item) => routeItems(state, from, to).has(item);
  const propose = (give: Bundle, get: Bundle): void => {
    if (slots <= 0) return;
    out.push({ type: 'offer', seat, to: partner, give, get, turns: 1 });
    slots--;
  };
  const prisoners = kyiv.prisoners ?? 0;
  if (perPrisoner > 0 && prisoners > 0 && !onTable('prisoners') && can('kyiv', 'moscow', 'prisoners') && can('moscow', 'kyiv', 'pows')) {
    const n = Math.min(prisoners, Math.floor((moscow.pows ?? 0) / perPrisoner));
    if (n > 0) {
      const swap = { prisoners: n };
      const pows = { pows: n * perPrisoner };
      if (seat === 'kyiv') propose(swap, pows);
      else propose(pows, swap);
    }
  }
  const ground = kyiv.ground ?? 0;
  if (groundPerPause > 0 && ground >= groundPerPause && (moscow.pause ?? 0) > 0 && state.stocks.kyiv.pause === 0 && !onTable('pause') && can('kyiv', 'moscow', 'ground') && can('moscow', 'kyiv', 'pause')) {
    if (seat === 'kyiv') propose({ ground: groundPerPause }, { pause: 1 });
    else propose({ pause: 1 }, { ground: groundPerPause });
  }
  return out;
}

// ---------------------------------------------------------------------------------------------
// Kyiv
// ---------------------------------------------------------------------------------------------

export function kyivOrders(
  state: Readonly<GameState>,
  plan: KyivPlan,
  style: TradeStyle = PLAIN_STYLE,
): Action[] {
  const seat: Capital = 'kyiv';
  const policy = state.rules.policies.historical.kyiv;
  const out: Action[] = [...answerOffers(state, seat, style)];
  const target = when(state, plan.targeting, policy.targetNorthKoreansFrom);
  if (state.levers.targetNorthKoreans !== target)
    out.push({ type: 'setTargeting', seat, on: target });
  const withdrawing =
    plan.withdrawFrom !== null
      ? state.ctx.turn >= plan.withdrawFrom
      : reached(state, policy.withdrawFrom);
  const posture = withdrawing ? 'withdraw' : 'hold';
  if (state.levers.posture !== posture) out.push({ type: 'setPosture', seat, posture });
  const pol = state.politics;
  if (plan.publicise && pol.prisonersHeld > pol.prisonersPublicised)
    out.push({ type: 'publicise', seat });
  if (plan.evidence && state.stocks.kyiv.evidence > 0)
    out.push({ type: 'releaseEvidence', seat, amount: state.stocks.kyiv.evidence });
  if (posture === 'hold') {
    const weights = state.sectors.map((s) => {
      const nk = state.expedition.bySector[s.id] ?? 0;
      if (plan.focus === 'northKoreans') return nk * 4 + s.russianTroops + 1;
      if (plan.focus === 'held') return (100 - s.control) * (s.russianTroops + nk + 1) + 1;
      return s.russianTroops + nk + 1;
    });
    const share = plan.reinforceShare < 0 ? policy.reinforceShare : plan.reinforceShare;
    const troops = spread(Math.floor(state.stocks.kyiv.troops * share), weights);
    const drones = spread(
      plan.droneShare >= 1
        ? state.stocks.kyiv.drones
        : Math.floor(state.stocks.kyiv.drones * plan.droneShare),
      weights,
    );
    state.sectors.forEach((s, i) => {
      if (troops[i]! > 0 || drones[i]! > 0)
        out.push({ type: 'allocate', seat, sector: s.id, troops: troops[i]!, drones: drones[i]! });
    });
  }
  out.push(...kurskBargains(state, seat, plan.swapPrisoners, plan.groundForPause));
  out.push({ type: 'endTurn', seat });
  return out;
}

export type Plan = PyongyangPlan | MoscowPlan | KyivPlan;

/** The seat's orders for this month under its plan. Always ends with endTurn. */
export function planOrders(
  state: Readonly<GameState>,
  seat: Capital,
  plans: Plans,
  style: TradeStyle = PLAIN_STYLE,
): Action[] {
  const breaks = dealsToBreak(state, seat, style);
  if (seat === 'pyongyang') return [...breaks, ...pyongyangOrders(state, plans.pyongyang, style)];
  if (seat === 'moscow') return [...breaks, ...moscowOrders(state, plans.moscow, style)];
  return [...breaks, ...kyivOrders(state, plans.kyiv, style)];
}
