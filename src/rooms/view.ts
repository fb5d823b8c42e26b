/**
 * What one seat may see of a running game. The server builds every frame's game data with
 * seatView(); nothing else about the state leaves it while the game runs.
 *
 * Hidden from a seat (replaced by zeros, the scenario's starting lever values or left out):
 *   - the other capitals' stocks, levers, internal politics and casualties;
 *   - the troops of the other sides in the sectors, and the North Korean expedition unless the
 *     seat owns it (Pyongyang) or commands it (Moscow);
 *   - offers, deals, deliveries, news and flows the seat is not a party to;
 *   - the other capitals' intelligence (their estimates and uncertainty);
 *   - every metric that is another capital's secret figure (the engine's ESTIMATED_METRICS) or
 *     derived from one (other capitals' scores, casualties, the all-sides death toll);
 *   - the random generator's state, the seed and the turn hashes (with those and the log, the
 *     whole game could be replayed).
 * The seat sees the others only through its own estimates (state.estimates[seat]).
 * A view shares the state's objects where the seat sees them whole (no copies: it is serialised
 * into its frame at once, and copying was most of a view's cost).
 * Once the game is over the record is public (it is the class board's result), and the debrief
 * shows everything: the server then sends the full record instead of a view.
 */
import { CAPITALS, emptyStocks, LEVER_OWNERS, type Capital, type GameState, type Levers, type MetricId, type NewsItem } from '../engine';
import type { SeatView, SeatViewPatch } from './protocol';

/** Lever fields by the capital that owns them (stance is a public statement: everyone sees it). */
const LEVER_FIELD_OWNER: Record<keyof Levers, Capital | null> = {
  trainingMonths: 'pyongyang',
  information: 'pyongyang',
  stance: null,
  pairing: 'moscow',
  targetNorthKoreans: 'kyiv',
  posture: 'kyiv',
};

/** Seats that see the North Korean expedition as it is: its owner and the army commanding it. */
const SEES_EXPEDITION: readonly Capital[] = ['pyongyang', ...LEVER_OWNERS.assign];

/** Metrics every seat sees as they are: the front line and the world's reaction are public. */
const PUBLIC_METRICS: ReadonlySet<string> = new Set(['moscow.kurskControl', 'kyiv.kurskHeld', 'moscow.scrutiny', 'kyiv.support']);

/** Metric ids a seat may see: its own, and the public ones. */
export function visibleMetric(seat: Capital, id: MetricId): boolean {
  return id.startsWith(`${seat}.`) || PUBLIC_METRICS.has(id) || (seat === 'pyongyang' && id.startsWith('human.'));
}

function pick(metrics: Record<MetricId, number>, seat: Capital): Record<MetricId, number> {
  const out: Record<MetricId, number> = {};
  for (const id of Object.keys(metrics)) if (visibleMetric(seat, id)) out[id] = metrics[id]!;
  return out;
}

export function newsVisible(n: NewsItem, seat: Capital): boolean {
  return !n.visibleTo || n.visibleTo.includes(seat);
}

const ZERO_CASUALTIES = { killed: 0, wounded: 0 };

export function seatView(state: GameState, seat: Capital): SeatView {
  return seatViewPatch(state, seat, true) as SeatView;
}

/**
 * The seat's view; without `reports` and `history` (the bulk of it) unless `withHistory`, and
 * without `news` (half of the rest) unless `withNews`.
 */
export function seatViewPatch(state: GameState, seat: Capital, withHistory: boolean, withNews = true): SeatViewPatch {
  const knowsExpedition = SEES_EXPEDITION.includes(seat);
  const visible = state.news.filter((n) => newsVisible(n, seat));
  const seenEvents = new Set(visible.map((n) => n.eventId).filter((e): e is string => e !== undefined));
  const stocks = {} as GameState['stocks'];
  for (const c of CAPITALS) stocks[c] = c === seat ? state.stocks[c] : emptyStocks();
  const start = state.rules.levers;
  const mine = (k: keyof Levers) => LEVER_FIELD_OWNER[k] === null || LEVER_FIELD_OWNER[k] === seat;
  const levers: Levers = {
    trainingMonths: mine('trainingMonths') ? state.levers.trainingMonths : start.trainingMonths.start,
    information: mine('information') ? state.levers.information : start.information,
    stance: state.levers.stance,
    pairing: mine('pairing') ? state.levers.pairing : start.pairing,
    targetNorthKoreans: mine('targetNorthKoreans') ? state.levers.targetNorthKoreans : start.targetNorthKoreans,
    posture: mine('posture') ? state.levers.posture : start.posture,
  };
  const e = state.expedition;
  const expedition: GameState['expedition'] = knowsExpedition
    ? e
    : {
        training: [],
        ready: 0,
        trainingLevel: 0,
        bySector: {},
        missileUnits: 0,
        recovering: 0,
        morale: 0,
        droneAwareness: 0,
        experience: 0,
        experienceHome: 0,
        invalided: 0,
      };
  const h = state.human;
  const human: GameState['human'] = {
    sent: seat === 'pyongyang' ? h.sent : 0,
    killed: seat === 'pyongyang' ? h.killed : 0,
    wounded: seat === 'pyongyang' ? h.wounded : 0,
    captured: seat === 'pyongyang' ? h.captured : 0,
    exchanged: seat === 'pyongyang' ? h.exchanged : 0,
    returned: seat === 'pyongyang' ? h.returned : 0,
    familiesAtRisk: seat === 'pyongyang' ? h.familiesAtRisk : 0,
    russian: seat === 'moscow' ? h.russian : ZERO_CASUALTIES,
    ukrainian: seat === 'kyiv' ? h.ukrainian : ZERO_CASUALTIES,
  };
  const p = state.politics;
  const politics: GameState['politics'] = {
    scrutiny: p.scrutiny,
    support: p.support,
    regimeControl: seat === 'pyongyang' ? p.regimeControl : 0,
    dissentRisk: seat === 'pyongyang' ? p.dissentRisk : 0,
    prisonersHeld: seat === 'kyiv' ? p.prisonersHeld : p.prisonersPublicised,
    prisonersPublicised: p.prisonersPublicised,
  };
  const flows: GameState['flows'] = { received: {} as GameState['flows']['received'], sent: {} as GameState['flows']['sent'] };
  for (const c of CAPITALS) {
    flows.received[c] = c === seat ? state.flows.received[c] : {};
    flows.sent[c] = c === seat ? state.flows.sent[c] : {};
  }
  const party = (o: { from: Capital; to: Capital }) => o.from === seat || o.to === seat;
  const uncertainty = {} as GameState['uncertainty'];
  const estimates = {} as GameState['estimates'];
  for (const c of CAPITALS) {
    uncertainty[c] = c === seat ? state.uncertainty[c] : ({} as Record<Capital, number>);
    estimates[c] = c === seat ? (state.estimates[c] ?? {}) : {};
  }
  return {
    seat,
    format: state.format,
    engineVersion: state.engineVersion,
    figureChoices: state.figureChoices,
    ctx: { ...state.ctx },
    stocks,
    expedition,
    sectors: state.sectors.map((s) => ({
      id: s.id,
      control: s.control,
      russianTroops: seat === 'moscow' ? s.russianTroops : 0,
      ukrainianTroops: seat === 'kyiv' ? s.ukrainianTroops : 0,
      ukrainianDrones: seat === 'kyiv' ? s.ukrainianDrones : 0,
    })),
    offers: state.offers.filter(party),
    deals: state.deals.filter(party),
    // Offer ids are counted across the room: the true next id would tell how many others made.
    nextId: 0,
    levers,
    politics,
    human,
    flows,
    firedEvents: state.firedEvents.filter((id) => seenEvents.has(id)),
    flags: [],
    uncertainty,
    estimates,
    ...(withNews ? { news: visible } : {}),
    ...(withHistory ? historyOf(state, seat, knowsExpedition, party, seenEvents) : {}),
    metrics: pick(state.metrics, seat),
  };
}

function historyOf(
  state: GameState,
  seat: Capital,
  knowsExpedition: boolean,
  party: (o: { from: Capital; to: Capital }) => boolean,
  seenEvents: Set<string>,
): Pick<SeatView, 'reports' | 'history'> {
  return {
    reports: state.reports.map((r) => ({
      turn: r.turn,
      date: r.date,
      sectors: r.sectors.map((s) => ({
        sector: s.sector,
        controlBefore: s.controlBefore,
        controlAfter: s.controlAfter,
        northKoreans: knowsExpedition ? s.northKoreans : 0,
        russian: seat === 'moscow' ? { ...s.russian } : { ...ZERO_CASUALTIES },
        ukrainian: seat === 'kyiv' ? { ...s.ukrainian } : { ...ZERO_CASUALTIES },
        northKorean: seat === 'pyongyang' ? { ...s.northKorean } : { ...ZERO_CASUALTIES, captured: 0 },
      })),
      deliveries: r.deliveries.filter(party),
      events: r.events.filter((id) => seenEvents.has(id)),
    })),
    history: state.history.map((pt) => ({ turn: pt.turn, date: pt.date, metrics: pick(pt.metrics, seat) })),
  };
}

/** A GameState the game screen can render from a seat's view and the public rules. */
export function stateFromView(view: SeatView, rules: GameState['rules']): GameState {
  const { seat: _seat, ...rest } = view;
  return { ...rest, rules, seed: '', rng: { c: 0, s0: 0, s1: 0, s2: 0 }, turnHashes: [] };
}
