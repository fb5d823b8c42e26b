/** createGame: resolved rules + seed + figure choices -> the first state. */
import { turnDate } from './calendar';
import { computeMetrics } from './metrics';
import { fireEvents } from './events';
import { refreshEstimates } from './intel';
import { openRng, seedRng } from './rng';
import { clamp, emptyStocks, toCount } from './stocks';
import { syncGround } from './ground';
import { CAPITALS, ITEMS, type Capital, type GameOptions, type GameState, type Rules } from './types';
import { ENGINE_VERSION } from './version';

export function createGame(rules: Rules, options: GameOptions): GameState {
  const stocks = {} as GameState['stocks'];
  const received = {} as GameState['flows']['received'];
  const sent = {} as GameState['flows']['sent'];
  const uncertainty = {} as GameState['uncertainty'];
  const estimates = {} as GameState['estimates'];
  for (const c of CAPITALS) {
    stocks[c] = emptyStocks();
    // Numbers enter the engine here: whatever the rules hold, stocks start as whole, finite counts.
    for (const item of ITEMS) stocks[c][item] = toCount(rules.capitals[c].stocks[item] ?? 0);
    received[c] = {};
    sent[c] = {};
    estimates[c] = {};
    uncertainty[c] = {} as Record<Capital, number>;
    for (const t of CAPITALS) uncertainty[c][t] = c === t ? 0 : rules.intel.start;
  }
  const bySector: Record<string, number> = {};
  for (const s of rules.sectors) bySector[s.id] = 0;
  const already = rules.alreadyDelivered;
  const first = rules.order[0] ?? 'pyongyang';

  const state: GameState = {
    format: 1,
    engineVersion: ENGINE_VERSION,
    rules,
    seed: options.seed,
    figureChoices: options.figureChoices ?? { default: 'central' },
    ctx: {
      turn: 1,
      date: turnDate(rules.calendar.start, rules.calendar.turnMonths, 1),
      phase: 'orders',
      seat: first,
      actionCount: 0,
      turnActions: 0,
    },
    rng: seedRng(options.seed),
    stocks,
    expedition: {
      training:
        already.troops > 0
          ? [{ count: already.troops, monthsLeft: rules.levers.trainingMonths.start, monthsTrained: 0 }]
          : [],
      ready: 0,
      trainingLevel: 0,
      bySector,
      missileUnits: 0,
      recovering: 0,
      morale: rules.combat.morale.start,
      droneAwareness: 0,
      experience: 0,
      experienceHome: 0,
      invalided: 0,
    },
    sectors: rules.sectors.map((s) => ({
      id: s.id,
      control: clamp(s.control, 0, 100),
      russianTroops: toCount(s.russianTroops),
      ukrainianTroops: toCount(s.ukrainianTroops),
      ukrainianDrones: toCount(s.ukrainianDrones),
    })),
    offers: [],
    deals: [],
    nextId: 1,
    levers: {
      trainingMonths: rules.levers.trainingMonths.start,
      information: rules.levers.information,
      stance: rules.levers.stance,
      pairing: rules.levers.pairing,
      targetNorthKoreans: rules.levers.targetNorthKoreans,
      posture: rules.levers.posture,
    },
    politics: {
      scrutiny: rules.politics.start.scrutiny,
      support: rules.politics.start.support,
      regimeControl: rules.politics.start.regimeControl,
      dissentRisk: rules.politics.start.dissentRisk,
      prisonersHeld: 0,
      prisonersPublicised: 0,
    },
    human: {
      sent: already.troops,
      killed: 0,
      wounded: 0,
      captured: 0,
      exchanged: 0,
      returned: 0,
      familiesAtRisk: 0,
      russian: { killed: 0, wounded: 0 },
      ukrainian: { killed: 0, wounded: 0 },
    },
    flows: { received, sent },
    firedEvents: [],
    flags: [],
    uncertainty,
    estimates,
    news: [],
    reports: [],
    history: [],
    metrics: {},
    turnHashes: [],
  };
  syncGround(state);
  state.metrics = computeMetrics(state);
  state.history.push({ turn: 0, date: state.ctx.date, metrics: { ...state.metrics } });
  const rng = openRng(state.rng);
  fireEvents(state, rng, null);
  refreshEstimates(state, rng);
  state.rng = rng.save();
  state.metrics = computeMetrics(state);
  return state;
}
