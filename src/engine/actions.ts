/**
 * Player actions: validate first, then mutate. A rejected action returns an error value and
 * leaves the state untouched. `applyInPlace` mutates the state it is given (a plain copy in the
 * batch runner and the server, an immer draft in the UI store); `applyAction` is the pure form.
 */
import { ACTION_LEVER, LEVER_OWNERS } from './levers';
import { applyInject } from './inject';
import { narrowUncertainty } from './intel';
import { resolveTurn } from './resolve';
import { clamp, isCount } from './stocks';
import { checkCanPay, checkOffer, makeOffer, offersMadeThisTurn, openDeal, openOffersFrom, returnHome } from './trade';
import {
  CAPITALS,
  TEACHER,
  type Action,
  type Capital,
  type EngineError,
  type GameState,
  type Offer,
  type Result,
} from './types';

const OK: Result<void> = { ok: true, value: undefined };



function err(code: EngineError['code'], message: string): Result<never> {
  return { ok: false, error: { code, message } };
}

function isInt(n: unknown): n is number {
  return typeof n === 'number' && Number.isInteger(n) && Math.abs(n) <= 1e12;
}

function name(state: GameState, c: Capital): string {
  return state.rules.capitals[c].name;
}

/** Checks everything that does not depend on the action's own fields. */
function checkTurn(state: GameState, action: Action): Result<void> {
  if (action === null || typeof action !== 'object' || typeof action.type !== 'string')
    return err('unknown-action', 'an action must be an object with a type');
  // Own properties only: "toString" or "__proto__" must read as unknown, never as a table entry.
  if (!Object.hasOwn(ACTION_LEVER, action.type))
    return err('unknown-action', `unknown action type "${String(action.type).slice(0, 40)}"`);
  // The teacher acts outside the seat order, at any point before the game ends; no capital may inject.
  if (action.type === 'inject') {
    if (action.seat !== TEACHER) return err('not-your-turn', 'only the teacher can send news into the game');
    return state.ctx.phase === 'over' ? err('game-over', 'the game is over') : OK;
  }
  if ((action.seat as string) === TEACHER) return err('not-your-turn', 'the teacher gives no orders for a capital');
  if (!(CAPITALS as readonly string[]).includes(action.seat))
    return err('not-your-turn', `unknown seat "${String(action.seat)}"`);
  if (state.ctx.phase === 'over') return err('game-over', 'the game is over');
  // Trade is live: in a class room every seat bargains during the whole month (offers arrive,
  // and are answered, while another seat is giving its orders). Other orders keep the seat order.
  if (action.seat !== state.ctx.seat && ACTION_LEVER[action.type] !== 'trade')
    return err('not-your-turn', `it is ${name(state, state.ctx.seat)}'s turn, not ${name(state, action.seat)}'s`);
  if (action.type !== 'endTurn' && state.ctx.turnActions >= state.rules.limits.actionsPerTurn)
    return err(
      'too-many-actions',
      `this month already has ${state.rules.limits.actionsPerTurn} orders, the most a month may hold: end the turn`,
    );
  const lever = ACTION_LEVER[action.type];
  if (lever !== null) {
    if (!LEVER_OWNERS[lever].includes(action.seat))
      return err('lever-disabled', `${name(state, action.seat)} has no "${lever}" lever`);
    if (!state.rules.capitals[action.seat].levers.includes(lever))
      return err('lever-disabled', `the "${lever}" lever is not enabled for ${name(state, action.seat)} in this scenario`);
  }
  return OK;
}

/** Offers and counters a capital has made this month, against the scenario's bound. */
function tooManyThisTurn(state: GameState, seat: Capital): Result<never> | null {
  const limit = state.rules.limits.offersPerTurn;
  if (offersMadeThisTurn(state, seat) < limit) return null;
  return err('too-many-offers', `${name(state, seat)} has made ${limit} offers this month, the most a month allows`);
}

function findOffer(state: GameState, id: unknown): Offer | undefined {
  return state.offers.find((o) => o.id === id);
}

function openOfferTo(state: GameState, seat: Capital, id: number): Result<Offer> {
  const offer = findOffer(state, id);
  if (!offer) return err('unknown-offer', `there is no offer #${String(id)}`);
  if (offer.to !== seat) return err('not-addressed', `offer #${id} is not addressed to ${name(state, seat)}`);
  if (offer.status !== 'open') return err('offer-closed', `offer #${id} is ${offer.status}`);
  return { ok: true, value: offer };
}

function sectorIndex(state: GameState, id: unknown): number {
  return state.sectors.findIndex((s) => s.id === id);
}

/** Validates and applies one action to `state`, mutating it. */
export function applyInPlace(state: GameState, action: Action): Result<void> {
  const turn = checkTurn(state, action);
  if (!turn.ok) return turn;
  // Counted before applying, so a turn hash taken during endTurn covers this action too.
  state.ctx.actionCount++;
  const turnActions = state.ctx.turnActions;
  // The teacher's injects sit outside the month's orders and its bound.
  if (action.type !== 'inject') state.ctx.turnActions++;
  const result = applyChecked(state, action);
  if (!result.ok) {
    state.ctx.actionCount--;
    state.ctx.turnActions = turnActions;
  }
  return result;
}

function applyChecked(state: GameState, a: Action): Result<void> {
  const e = state.expedition;
  switch (a.type) {
    case 'offer': {
      const bad = checkOffer(state, a.seat, a.to, a.give, a.get, a.turns) ?? checkCanPay(state, a.seat, a.give, 'give');
      if (bad) return { ok: false, error: bad };
      if (openOffersFrom(state, a.seat) >= state.rules.trade.maxOpenOffers)
        return err('too-many-offers', `${name(state, a.seat)} already has ${state.rules.trade.maxOpenOffers} open offers`);
      const many = tooManyThisTurn(state, a.seat);
      if (many) return many;
      makeOffer(state, a.seat, a.to, a.give, a.get, a.turns, cleanNote(a.note));
      return OK;
    }
    case 'accept': {
      const found = openOfferTo(state, a.seat, a.offerId);
      if (!found.ok) return found;
      const o = found.value;
      const bad = checkCanPay(state, o.from, o.give, 'the offer') ?? checkCanPay(state, o.to, o.get, 'your side');
      if (bad) return { ok: false, error: bad };
      openDeal(state, o);
      state.news.push({
        turn: state.ctx.turn,
        date: state.ctx.date,
        kind: 'trade',
        title: `${name(state, o.to)} accepts ${name(state, o.from)}'s offer`,
        text: `Deal #${o.id} will be delivered over ${o.turns} turn${o.turns === 1 ? '' : 's'}.`,
        cites: [],
        visibleTo: [o.from, o.to],
      });
      return OK;
    }
    case 'reject': {
      const found = openOfferTo(state, a.seat, a.offerId);
      if (!found.ok) return found;
      found.value.status = 'rejected';
      const reason = cleanNote(a.reason);
      if (reason) found.value.reason = reason;
      return OK;
    }
    case 'counter': {
      const found = openOfferTo(state, a.seat, a.offerId);
      if (!found.ok) return found;
      const o = found.value;
      const bad = checkOffer(state, a.seat, o.from, a.give, a.get, a.turns) ?? checkCanPay(state, a.seat, a.give, 'give');
      if (bad) return { ok: false, error: bad };
      const many = tooManyThisTurn(state, a.seat);
      if (many) return many;
      o.status = 'countered';
      makeOffer(state, a.seat, o.from, a.give, a.get, a.turns, cleanNote(a.note), o.id);
      return OK;
    }
    case 'withdraw': {
      const o = findOffer(state, a.offerId);
      if (!o) return err('unknown-offer', `there is no offer #${String(a.offerId)}`);
      if (o.status === 'accepted') return breakDeal(state, a.seat, o);
      if (o.from !== a.seat) return err('not-addressed', `offer #${o.id} is not ${name(state, a.seat)}'s to withdraw`);
      if (o.status !== 'open') return err('offer-closed', `offer #${o.id} is ${o.status}`);
      o.status = 'withdrawn';
      return OK;
    }
    case 'setTraining': {
      const { min, max } = state.rules.levers.trainingMonths;
      if (!isInt(a.months) || a.months < min || a.months > max)
        return err('bad-value', `training must last ${min} to ${max} months, got ${String(a.months)}`);
      state.levers.trainingMonths = a.months;
      return OK;
    }
    case 'setInformation': {
      if (a.policy !== 'deceive' && a.policy !== 'truth')
        return err('bad-value', `information policy must be "deceive" or "truth", got ${String(a.policy)}`);
      if (a.policy === 'truth' && state.levers.information === 'deceive')
        state.politics.regimeControl = clamp(state.politics.regimeControl - state.rules.politics.truthControlCost, 0, 100);
      state.levers.information = a.policy;
      return OK;
    }
    case 'recall': {
      if (!isCount(a.count) || a.count === 0) return err('bad-amount', 'recall a whole number of soldiers, at least 1');
      if (a.count > e.ready)
        return err('insufficient', `only ${e.ready} trained soldiers are out of the line and can be recalled, not ${a.count}`);
      e.ready -= a.count;
      state.human.returned += a.count;
      returnHome(state, a.count);
      return OK;
    }
    case 'assign': {
      const i = sectorIndex(state, a.sector);
      if (i < 0) return err('unknown-sector', `there is no sector "${String(a.sector)}"`);
      if (!isInt(a.count) || a.count === 0) return err('bad-amount', 'assign a whole, non-zero number of soldiers');
      const here = e.bySector[a.sector] ?? 0;
      if (a.count > 0 && a.count > e.ready)
        return err('insufficient', `only ${e.ready} trained North Korean soldiers are ready, not ${a.count}`);
      if (a.count < 0 && -a.count > here)
        return err('insufficient', `only ${here} North Korean soldiers are in ${a.sector}, not ${-a.count}`);
      e.ready -= a.count;
      e.bySector[a.sector] = here + a.count;
      return OK;
    }
    case 'missileUnits': {
      if (!isInt(a.count) || a.count === 0) return err('bad-amount', 'move a whole, non-zero number of soldiers');
      if (a.count > e.ready) return err('insufficient', `only ${e.ready} trained soldiers are ready, not ${a.count}`);
      if (-a.count > e.missileUnits)
        return err('insufficient', `only ${e.missileUnits} soldiers serve in missile units, not ${-a.count}`);
      const perTech = state.rules.combat.missileCrewPerTechUnit;
      const limit = perTech * state.stocks.moscow['tech.missile'];
      if (a.count > 0 && perTech > 0 && e.missileUnits + a.count > limit)
        return err(
          'insufficient',
          `Moscow's ${state.stocks.moscow['tech.missile']} missile technology package(s) can use ${limit} crew; ${e.missileUnits} already serve`,
        );
      e.ready -= a.count;
      e.missileUnits += a.count;
      return OK;
    }
    case 'setPairing':
      if (typeof a.on !== 'boolean') return err('bad-value', 'pairing is on or off');
      state.levers.pairing = a.on;
      return OK;
    case 'setStance': {
      if (a.stance !== 'deny' && a.stance !== 'conflicting' && a.stance !== 'confirm')
        return err('bad-value', `stance must be deny, conflicting or confirm, got ${String(a.stance)}`);
      if (a.stance !== state.levers.stance) {
        const shift = state.rules.politics.stanceShift[a.stance];
        state.politics.scrutiny = clamp(state.politics.scrutiny + shift, 0, 100);
      }
      state.levers.stance = a.stance;
      return OK;
    }
    case 'allocate': {
      const i = sectorIndex(state, a.sector);
      if (i < 0) return err('unknown-sector', `there is no sector "${String(a.sector)}"`);
      if (!isInt(a.troops) || !isInt(a.drones)) return err('bad-amount', 'troops and drones must be whole numbers');
      const s = state.sectors[i]!;
      const stock = state.stocks[a.seat];
      if (a.seat === 'moscow') {
        if (a.drones !== 0) return err('bad-value', 'Moscow allocates troops, not drones, by sector');
        if (a.troops > stock.troops) return err('insufficient', `Moscow has ${stock.troops} troops in reserve, not ${a.troops}`);
        if (-a.troops > s.russianTroops) return err('insufficient', `only ${s.russianTroops} Russian troops are in ${s.id}`);
        stock.troops -= a.troops;
        s.russianTroops += a.troops;
      } else {
        if (a.troops > stock.troops) return err('insufficient', `Kyiv has ${stock.troops} troops in reserve, not ${a.troops}`);
        if (-a.troops > s.ukrainianTroops) return err('insufficient', `only ${s.ukrainianTroops} Ukrainian troops are in ${s.id}`);
        if (a.drones > stock.drones) return err('insufficient', `Kyiv has ${stock.drones} drones in reserve, not ${a.drones}`);
        if (-a.drones > s.ukrainianDrones) return err('insufficient', `only ${s.ukrainianDrones} drones are in ${s.id}`);
        stock.troops -= a.troops;
        s.ukrainianTroops += a.troops;
        stock.drones -= a.drones;
        s.ukrainianDrones += a.drones;
      }
      return OK;
    }
    case 'setPosture':
      if (a.posture !== 'hold' && a.posture !== 'withdraw')
        return err('bad-value', `posture must be hold or withdraw, got ${String(a.posture)}`);
      state.levers.posture = a.posture;
      return OK;
    case 'setTargeting':
      if (typeof a.on !== 'boolean') return err('bad-value', 'targeting is on or off');
      state.levers.targetNorthKoreans = a.on;
      return OK;
    case 'publicise': {
      const pol = state.politics;
      const fresh = pol.prisonersHeld - pol.prisonersPublicised;
      if (fresh <= 0) return err('insufficient', 'Kyiv holds no prisoners who have not been shown to the press');
      const p = state.rules.politics;
      const counted = Math.min(fresh, p.publicityCap);
      pol.prisonersPublicised += fresh;
      pol.support = clamp(pol.support + p.publicitySupportPerPrisoner * counted, 0, 100);
      // Prisoners on camera expose a denial: a Moscow that denies the soldiers exist pays more.
      const denial = state.levers.stance === 'deny' ? p.denialPublicityMultiplier : 1;
      pol.scrutiny = clamp(pol.scrutiny + p.publicityScrutinyPerPrisoner * counted * denial, 0, 100);
      const revelation = state.levers.information === 'deceive' ? p.dissentRevelationBonus : 0;
      pol.dissentRisk = clamp(pol.dissentRisk + (p.dissentPerPublicisedPrisoner + revelation) * counted, 0, 100);
      narrowUncertainty(state, 'all', 'pyongyang', p.evidenceNarrowing);
      state.news.push({
        turn: state.ctx.turn,
        date: state.ctx.date,
        kind: 'lever',
        title: 'Kyiv shows captured North Korean soldiers to the press',
        text: `${fresh} prisoner${fresh === 1 ? '' : 's'} questioned on camera. The regime that told them they would fight Americans is shown to have lied.`,
        cites: ['nk-captured-jan-2025', 'family-punishment-on-capture'],
      });
      return OK;
    }
    case 'releaseEvidence': {
      if (!isCount(a.amount) || a.amount === 0) return err('bad-amount', 'release a whole number of pieces of evidence, at least 1');
      const stock = state.stocks.kyiv;
      if (a.amount > stock.evidence) return err('insufficient', `Kyiv holds ${stock.evidence} pieces of evidence, not ${a.amount}`);
      const p = state.rules.politics;
      stock.evidence -= a.amount;
      state.politics.scrutiny = clamp(state.politics.scrutiny + p.evidenceScrutiny * a.amount, 0, 100);
      state.politics.support = clamp(state.politics.support + p.evidenceSupport * a.amount, 0, 100);
      narrowUncertainty(state, 'all', 'pyongyang', p.evidenceNarrowing * a.amount);
      narrowUncertainty(state, 'all', 'moscow', p.evidenceNarrowing * a.amount);
      state.news.push({
        turn: state.ctx.turn,
        date: state.ctx.date,
        kind: 'lever',
        title: 'Kyiv releases evidence of North Korean soldiers in Russia',
        text: `${a.amount} piece${a.amount === 1 ? '' : 's'} of evidence made public.`,
        cites: ['uniform-video'],
      });
      return OK;
    }
    case 'inject':
      return applyInject(state, a);
    case 'endTurn': {
      const order = state.rules.order;
      const i = order.indexOf(a.seat);
      const next = order[i + 1];
      if (next !== undefined) state.ctx.seat = next;
      else resolveTurn(state);
      return OK;
    }
  }
}

/**
 * Withdrawing from an accepted offer breaks its deal: either party may walk away while it is
 * being delivered; nothing more moves either way, and the partner is told.
 */
function breakDeal(state: GameState, seat: Capital, o: Offer): Result<void> {
  const deal = state.deals.find((d) => d.offerId === o.id);
  if (!deal || (deal.from !== seat && deal.to !== seat))
    return err('not-addressed', `deal for offer #${o.id} is not ${name(state, seat)}'s to break`);
  if (deal.status !== 'active') return err('offer-closed', `deal #${deal.id} is ${deal.status}`);
  deal.status = 'broken';
  deal.brokenBy = seat;
  const partner = deal.from === seat ? deal.to : deal.from;
  state.news.push({
    turn: state.ctx.turn,
    date: state.ctx.date,
    kind: 'trade',
    title: `${name(state, seat)} breaks its deal with ${name(state, partner)}`,
    text: `Deal #${deal.id} stops after ${deal.done} of ${deal.turns} deliveries; nothing more will move either way.`,
    cites: [],
    visibleTo: [seat, partner],
  });
  return OK;
}

/** Free text from players is kept short; it is shown as text, never as HTML. */
function cleanNote(note: unknown): string | undefined {
  if (typeof note !== 'string') return undefined;
  const t = note.trim().slice(0, 200);
  return t.length > 0 ? t : undefined;
}

/** Copies a state for the pure API; the rules are shared (never mutated). */
export function cloneState(state: GameState): GameState {
  const { rules, ...rest } = state;
  return { ...(JSON.parse(JSON.stringify(rest)) as Omit<GameState, 'rules'>), rules };
}

/** The pure form: returns a new state, or the error and the untouched state's absence. */
export function applyAction(state: GameState, action: Action): Result<GameState> {
  const check = checkTurn(state, action);
  if (!check.ok) return check;
  const next = cloneState(state);
  const r = applyInPlace(next, action);
  return r.ok ? { ok: true, value: next } : r;
}
