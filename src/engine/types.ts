/**
 * The engine's data model. Everything here is plain JSON-compatible data: a GameState can be
 * hashed, saved, sent over the wire and resumed. Rules are the scenario after validation and
 * after every figure reference has been replaced by a number (see src/scenario/resolve.ts).
 */

export const CAPITALS = ['pyongyang', 'moscow', 'kyiv'] as const;
export type Capital = (typeof CAPITALS)[number];

export const TECH_TRACKS = ['missile', 'drone', 'airDefence', 'nuclear', 'cyber'] as const;
export type TechTrack = (typeof TECH_TRACKS)[number];

/** Everything a capital can hold. Counts are integers. */
export const ITEMS = [
  'troops',
  'ammunition',
  'oil',
  'food',
  'currency',
  'workers',
  'unCover',
  'drones',
  'droneOperators',
  'evidence',
  /** North Korean soldiers held prisoner by Kyiv: Kyiv can hand them back in an exchange. */
  'prisoners',
  /** Ukrainian soldiers held prisoner by Moscow: what Kyiv most wants back. */
  'pows',
  /** Kyiv's hold on the Kursk salient, in points (1 = 1% of it): a bargaining chip. */
  'ground',
  /** Months of pause in the Russian offensive on the Kursk front, promised and owed. */
  'pause',
  'tech.missile',
  'tech.drone',
  'tech.airDefence',
  'tech.nuclear',
  'tech.cyber',
] as const;
export type Item = (typeof ITEMS)[number];
export type Stocks = Record<Item, number>;
export type Bundle = Partial<Record<Item, number>>;

export type FigureChoice = 'low' | 'central' | 'high';
export type InformationPolicy = 'deceive' | 'truth';
export type Stance = 'deny' | 'conflicting' | 'confirm';
export type Posture = 'hold' | 'withdraw';

// ---------------------------------------------------------------------------------------------
// Rules: the resolved scenario. Every number below came from the scenario file or the ledger.
// ---------------------------------------------------------------------------------------------

export interface CalendarRules {
  /** First turn's month, "YYYY-MM". */
  start: string;
  /** Months per turn. */
  turnMonths: number;
  turns: number;
}

export interface CapitalRules {
  name: string;
  playable: boolean;
  stocks: Stocks;
  /** Added to stocks every turn (production, foreign aid). Kyiv's is scaled by support. */
  income: Bundle;
  /** Lever action types this capital may use in this scenario. */
  levers: LeverName[];
}

export interface SectorRules {
  id: string;
  name: string;
  /** Russian control of the sector, 0-100, at the start. */
  control: number;
  russianTroops: number;
  ukrainianTroops: number;
  ukrainianDrones: number;
  /** Relative position on the map (0-1); the view uses it, the rules do not. */
  map: { x: number; y: number };
}

export interface CombatRules {
  /** Combat value of one soldier, by force. */
  russianQuality: number;
  ukrainianQuality: number;
  northKoreanQuality: number;
  /** Extra quality per month of training, as a fraction of base, up to trainingCapMonths. */
  trainingBonusPerMonth: number;
  trainingCapMonths: number;
  /** Combat value of one Ukrainian drone. */
  droneValue: number;
  /** Monthly casualty rate (killed + wounded) per soldier in an even fight. */
  russianLossRate: number;
  ukrainianLossRate: number;
  northKoreanLossRate: number;
  /** Share of casualties that are deaths, by force. */
  killedShare: { russian: number; ukrainian: number; northKorean: number };
  /** Extra North Korean losses for units with no drone awareness (1 = double). */
  droneVulnerability: number;
  /** Multiplier on North Korean losses while Kyiv targets them with drones. */
  targetingMultiplier: number;
  /** Multiplier on North Korean losses while paired with Russian drone operators. */
  pairingLossMultiplier: number;
  /** Drone operators a paired sector needs. */
  operatorsPerPairedSector: number;
  /** Drone-awareness points gained per month at the front (and extra when paired). */
  awarenessGainPerMonth: number;
  awarenessGainPaired: number;
  /** Monthly chance per soldier at the front of being taken alive, by information policy. */
  captureRate: Record<InformationPolicy, number>;
  /** Control points moved per month at a 2:1 force advantage. */
  controlRate: number;
  /** Extra control ceded per month in each sector while Kyiv withdraws. */
  withdrawControlPerMonth: number;
  /** Share of Ukrainian sector troops pulled back to reserve per month while withdrawing. */
  withdrawShare: number;
  /** Containers (or equivalent) of ammunition per 1,000 soldiers per month. */
  ammunitionPerThousand: number;
  /** Strength left with no ammunition at all (fraction). */
  ammunitionFloor: number;
  /** Random spread of outcomes, as a fraction either side (0.2 = ±20%). */
  volatility: number;
  /** Share of wounded North Koreans who return to the ready pool the next month. */
  woundedReturnShare: number;
  /** Combat value of one soldier in a missile unit (added to the Russian side everywhere). */
  missileUnitValue: number;
  /** Loss rate of missile units relative to front-line units. */
  missileUnitLossFactor: number;
  /** Crews missile units can use per package of missile technology Moscow holds (0: no limit). */
  missileCrewPerTechUnit: number;
  /** Morale points: start, effect of deception and truth, monthly drift toward the baseline. */
  morale: { start: number; deceive: number; truth: number; perCasualtyShare: number };
  /** Quality multiplier from morale, at morale 0 and at morale 100. */
  moraleQuality: { atZero: number; atFull: number };
}

export interface TradeRules {
  /** Which items may move from which capital to which. */
  routes: { from: Capital; to: Capital; items: Item[] }[];
  /** An offer not answered within this many turns lapses. */
  offerExpiryTurns: number;
  /** Longest delivery schedule, in turns. */
  maxDeliveryTurns: number;
  /** Chance that a scheduled delivery slips a turn. */
  lateChance: number;
  /** Most open offers a capital may have at once. */
  maxOpenOffers: number;
}

/** Bounds on what one month may hold, so a record's replay cost is bounded too. */
export interface LimitRules {
  /** Orders (answers included, endTurn excepted) all seats together may give in one turn. */
  actionsPerTurn: number;
  /** Offers and counters one capital may make in one turn. */
  offersPerTurn: number;
}

export interface PoliticsRules {
  start: {
    scrutiny: number;
    support: number;
    regimeControl: number;
    dissentRisk: number;
  };
  /** Scrutiny points per 1,000 North Korean casualties, by Moscow's stance. */
  scrutinyPerThousandCasualties: Record<Stance, number>;
  /** Scrutiny change when Moscow changes stance to this value (one-off). */
  stanceShift: Record<Stance, number>;
  /** Scrutiny points when nuclear technology is delivered, per unit. */
  scrutinyPerNuclearUnit: number;
  /** Scrutiny and support points per unit of evidence released. */
  evidenceScrutiny: number;
  evidenceSupport: number;
  /** Intel uncertainty removed per unit of evidence released (0-1 scale). */
  evidenceNarrowing: number;
  /** Support and scrutiny points when prisoners are publicised, per prisoner (capped). */
  publicitySupportPerPrisoner: number;
  publicityScrutinyPerPrisoner: number;
  publicityCap: number;
  /** Families put at risk per soldier taken prisoner (the sources: a captured soldier's family faces execution). */
  familiesPerPrisoner: number;
  /** Support change per month: per point of Kursk held above/below 50, and a decay. */
  supportPerKurskPoint: number;
  supportDecay: number;
  /** Scrutiny decay per month. */
  scrutinyDecay: number;
  /** Dissent points per 1,000 returnees (scaled by front experience) and per publicised prisoner. */
  dissentPerThousandReturned: number;
  dissentPerPublicisedPrisoner: number;
  /** Extra dissent per publicised prisoner while soldiers are deceived (the lie is exposed). */
  dissentRevelationBonus: number;
  /** Regime control points per 100,000 barrels of oil, per 1,000 t of food, per unit of UN cover. */
  controlPerOil: number;
  controlPerFood: number;
  controlPerUnCover: number;
  /** Regime control lost per month per point of dissent risk above 50. */
  controlLossPerDissent: number;
  /** One-off regime-control cost of telling the soldiers the truth. */
  truthControlCost: number;
  /** Kyiv's income multiplier at support 0 and at support 100. */
  supportIncome: { atZero: number; atFull: number };
  /** Dissent points per 1,000 soldiers killed or taken prisoner: the dead cost the regime that sent them. */
  dissentPerThousandLost: number;
  /** Share of Moscow's income lost to sanctions at scrutiny 100 (in proportion below). */
  sanctionsAtFullScrutiny: number;
  /** Support points a month for Kyiv per point of scrutiny of Moscow above 50. */
  supportPerScrutinyPoint: number;
  /** Multiplier on the scrutiny from publicised prisoners while Moscow denies the soldiers exist. */
  denialPublicityMultiplier: number;
}

export interface IntelRules {
  /** Starting uncertainty (fraction of the true value) that each capital has about the others. */
  start: number;
  min: number;
  max: number;
  /** Uncertainty regained per month without new information. */
  drift: number;
}

export type MetricId = string;

export interface Objective {
  metric: MetricId;
  weight: number;
  /** 'max': more is better, full marks at `scale`; 'min': less is better, zero marks at `scale`. */
  direction: 'max' | 'min';
  scale: number;
}

export type Condition =
  | { type: 'always' }
  | { type: 'metric'; metric: MetricId; op: '>=' | '<=' | '>' | '<' | '=='; value: number }
  | { type: 'lever'; capital: Capital; lever: LeverKey; equals: string | number | boolean }
  | { type: 'flag'; flag: string }
  | { type: 'chance'; probability: number }
  | { type: 'all'; of: Condition[] }
  | { type: 'any'; of: Condition[] }
  | { type: 'not'; of: Condition };

export type AdjustTarget =
  | 'moscow.scrutiny'
  | 'kyiv.support'
  | 'pyongyang.regimeControl'
  | 'pyongyang.dissentRisk'
  | 'expedition.morale'
  | 'expedition.droneAwareness';

export type Effect =
  | { type: 'adjust'; target: AdjustTarget; by: number }
  | { type: 'stock'; capital: Capital; item: Item; by: number }
  | { type: 'intel'; observer: Capital | 'all'; about: Capital; narrow: number }
  | { type: 'flag'; flag: string }
  | { type: 'lever'; capital: Capital; lever: LeverKey; value: string | number | boolean };

export interface EventRules {
  id: string;
  title: string;
  text: string;
  /** Fires at the start of the turn whose month is `date`, or the first turn `condition` holds. */
  date?: string;
  condition?: Condition;
  /** Earliest and latest month a conditional event may fire. */
  from?: string;
  until?: string;
  effects: Effect[];
  /** Ledger figure ids this event's text relies on. */
  cites: string[];
}

export interface Rules {
  scenarioId: string;
  scenarioHash: string;
  title: string;
  calendar: CalendarRules;
  /** The order in which seats give orders each turn. */
  order: Capital[];
  capitals: Record<Capital, CapitalRules>;
  /** Counts already delivered before the game starts (e.g. ammunition shipped before October 2024). */
  alreadyDelivered: { troops: number; ammunition: number; workers: number };
  sectors: SectorRules[];
  combat: CombatRules;
  trade: TradeRules;
  politics: PoliticsRules;
  intel: IntelRules;
  levers: LeverRules;
  events: EventRules[];
  scoring: Record<Capital, Objective[]>;
  limits: LimitRules;
  /** Data for the computer players (src/ai); the rules themselves never read it. */
  policies: PolicyRules;
}

/** A dated step of a schedule. */
export interface DatedTotal {
  date: string;
  total: number;
}

export interface DatedOffer {
  date: string;
  give: Bundle;
  get: Bundle;
  turns: number;
}

/** What the historical computer players do, month by month, following the sources. */
export interface HistoricalPolicy {
  pyongyang: {
    /** Cumulative soldiers sent by the end of each listed month. */
    troopsBy: DatedTotal[];
    /** What Pyongyang asks in return, per 1,000 soldiers. */
    askPerThousandTroops: Bundle;
    /** Other offers, made in the listed month. */
    offers: DatedOffer[];
    trainingMonths: number;
    information: InformationPolicy;
  };
  moscow: {
    /** Month from which Russian drone operators are paired with North Korean units (null: never). */
    pairingFrom: string | null;
    /** Month from which a share of trained North Koreans is moved to missile units. */
    missileUnitsFrom: string | null;
    missileUnitShare: number;
    stance: Stance;
    /** Share of the Russian reserve sent to the front each month. */
    reinforceShare: number;
  };
  kyiv: {
    targetNorthKoreansFrom: string | null;
    publicise: boolean;
    releaseEvidence: boolean;
    withdrawFrom: string | null;
    reinforceShare: number;
  };
}

export interface PolicyRules {
  historical: HistoricalPolicy;
  /**
   * How much each capital values one unit of each item, for judging trade offers. An offer is
   * worth taking when what arrives is worth at least what leaves.
   */
  values: Record<Capital, Bundle>;
  /** A computer player counters an offer worth at least this share of fair, and refuses below. */
  counterAbove: number;
}

export interface LeverRules {
  trainingMonths: { min: number; max: number; start: number };
  information: InformationPolicy;
  stance: Stance;
  pairing: boolean;
  targetNorthKoreans: boolean;
  posture: Posture;
}

// ---------------------------------------------------------------------------------------------
// Actions: plain data, one per decision. `seat` is the capital giving the order.
// ---------------------------------------------------------------------------------------------

export type LeverName =
  | 'trade'
  | 'training'
  | 'information'
  | 'recall'
  | 'assign'
  | 'missileUnits'
  | 'pairing'
  | 'stance'
  | 'allocate'
  | 'posture'
  | 'targeting'
  | 'publicise'
  | 'evidence';

export type LeverKey =
  | 'trainingMonths'
  | 'information'
  | 'stance'
  | 'pairing'
  | 'targetNorthKoreans'
  | 'posture';

export type Action =
  | {
      type: 'offer';
      seat: Capital;
      to: Capital;
      give: Bundle;
      get: Bundle;
      /** Deliveries spread evenly over this many turns. */
      turns: number;
      note?: string;
    }
  | { type: 'accept'; seat: Capital; offerId: number }
  | { type: 'reject'; seat: Capital; offerId: number; reason?: string }
  | {
      type: 'counter';
      seat: Capital;
      offerId: number;
      give: Bundle;
      get: Bundle;
      turns: number;
      note?: string;
    }
  | { type: 'withdraw'; seat: Capital; offerId: number }
  | { type: 'setTraining'; seat: Capital; months: number }
  | { type: 'setInformation'; seat: Capital; policy: InformationPolicy }
  | { type: 'recall'; seat: Capital; count: number }
  | { type: 'assign'; seat: Capital; sector: string; count: number }
  | { type: 'missileUnits'; seat: Capital; count: number }
  | { type: 'setPairing'; seat: Capital; on: boolean }
  | { type: 'setStance'; seat: Capital; stance: Stance }
  | { type: 'allocate'; seat: Capital; sector: string; troops: number; drones: number }
  | { type: 'setPosture'; seat: Capital; posture: Posture }
  | { type: 'setTargeting'; seat: Capital; on: boolean }
  | { type: 'publicise'; seat: Capital }
  | { type: 'releaseEvidence'; seat: Capital; amount: number }
  | { type: 'endTurn'; seat: Capital }
  | InjectAction;

/** The teacher's seat: it gives no orders, only injects news into a running game. */
export const TEACHER = 'teacher';
export type TeacherSeat = typeof TEACHER;

/**
 * A teacher's inject: either one of the scenario's events (its effects apply now and it will not
 * fire again by its own date or condition), or a plain news item with no effect on the world.
 */
export type InjectAction =
  | { type: 'inject'; seat: TeacherSeat; event: string }
  | { type: 'inject'; seat: TeacherSeat; news: { title: string; text: string } };

export type ActionType = Action['type'];

// ---------------------------------------------------------------------------------------------
// Game state.
// ---------------------------------------------------------------------------------------------

/** seedrandom alea's internal state. */
export interface RngState {
  c: number;
  s0: number;
  s1: number;
  s2: number;
}

/** Turn flow, kept apart from the world (boardgame.io keeps ctx apart from G). */
export interface TurnContext {
  turn: number;
  /** "YYYY-MM" of the current turn. */
  date: string;
  phase: 'orders' | 'over';
  /** Whose orders are awaited. */
  seat: Capital;
  /** Number of actions applied so far, endTurn included. */
  actionCount: number;
  /** Actions applied since the current turn began (bounded by rules.limits.actionsPerTurn). */
  turnActions: number;
}

export interface Offer {
  id: number;
  from: Capital;
  to: Capital;
  give: Bundle;
  get: Bundle;
  turns: number;
  madeOnTurn: number;
  status: 'open' | 'accepted' | 'rejected' | 'countered' | 'withdrawn' | 'lapsed';
  /** The offer this one counters. */
  counterTo?: number;
  note?: string;
  reason?: string;
}

export interface Deal {
  id: number;
  offerId: number;
  from: Capital;
  to: Capital;
  /** Totals promised each way: `give` flows from → to, `get` flows to → from. */
  give: Bundle;
  get: Bundle;
  turns: number;
  /** Turns of delivery completed (a slipped delivery does not count). */
  done: number;
  delivered: { give: Bundle; get: Bundle };
  /** Promised amounts that could not be delivered because the stock was short. */
  shortfall: { give: Bundle; get: Bundle };
  /** 'broken': a party walked away (withdrew from the accepted offer); nothing more is delivered. */
  status: 'active' | 'complete' | 'broken';
  /** Who broke it. */
  brokenBy?: Capital;
}

export interface Cohort {
  count: number;
  monthsLeft: number;
  monthsTrained: number;
}

/** North Korean soldiers abroad: owned by Pyongyang, commanded by Moscow. */
export interface Expedition {
  training: Cohort[];
  /** Trained and not assigned. */
  ready: number;
  /** Mean months of training of trained soldiers. */
  trainingLevel: number;
  bySector: Record<string, number>;
  missileUnits: number;
  /** Wounded who may return next month. */
  recovering: number;
  morale: number;
  /** 0-100: how well units know how to survive drones. */
  droneAwareness: number;
  /** Soldier-months spent at the front. */
  experience: number;
  /** Soldier-months of front experience carried home by soldiers who returned alive. */
  experienceHome: number;
  /** Wounded who did not return to service. */
  invalided: number;
}

export interface SectorState {
  id: string;
  control: number;
  russianTroops: number;
  ukrainianTroops: number;
  ukrainianDrones: number;
}

export interface Casualties {
  killed: number;
  wounded: number;
}

/** What no capital can trade away. North Korean soldiers first: they are the pawns. */
export interface HumanCost {
  sent: number;
  killed: number;
  wounded: number;
  captured: number;
  /** Prisoners Kyiv handed back in an exchange (counted among the captured too). */
  exchanged: number;
  returned: number;
  familiesAtRisk: number;
  russian: Casualties;
  ukrainian: Casualties;
}

export interface Politics {
  scrutiny: number;
  support: number;
  regimeControl: number;
  dissentRisk: number;
  prisonersHeld: number;
  prisonersPublicised: number;
}

export interface Levers {
  trainingMonths: number;
  information: InformationPolicy;
  stance: Stance;
  pairing: boolean;
  targetNorthKoreans: boolean;
  posture: Posture;
}

/** Cumulative flows, for metrics: what each capital has received and sent. */
export interface Flows {
  received: Record<Capital, Bundle>;
  sent: Record<Capital, Bundle>;
}

export interface Range {
  low: number;
  high: number;
}

export type NewsKind = 'event' | 'trade' | 'combat' | 'lever' | 'turn' | 'teacher';

export interface NewsItem {
  turn: number;
  date: string;
  kind: NewsKind;
  title: string;
  text: string;
  cites: string[];
  eventId?: string;
  /** Set when the teacher sent this item during the game rather than the calendar. */
  injected?: true;
  /** Only these capitals see it (absent: everyone). */
  visibleTo?: Capital[];
}

export interface SectorReport {
  sector: string;
  controlBefore: number;
  controlAfter: number;
  northKoreans: number;
  russian: Casualties;
  ukrainian: Casualties;
  northKorean: Casualties & { captured: number };
}

export interface DeliveryReport {
  dealId: number;
  from: Capital;
  to: Capital;
  moved: Bundle;
  late: boolean;
  short: Bundle;
}

/** What happened when a turn resolved: the view animates it. */
export interface TurnReport {
  turn: number;
  date: string;
  sectors: SectorReport[];
  deliveries: DeliveryReport[];
  events: string[];
}

export interface HistoryPoint {
  turn: number;
  date: string;
  metrics: Record<MetricId, number>;
}

export interface GameState {
  /** State format version: a saved state of another version is refused by the loader. */
  format: 1;
  engineVersion: string;
  rules: Rules;
  seed: string;
  figureChoices: FigureChoices;
  ctx: TurnContext;
  rng: RngState;
  stocks: Record<Capital, Stocks>;
  expedition: Expedition;
  sectors: SectorState[];
  offers: Offer[];
  deals: Deal[];
  nextId: number;
  levers: Levers;
  politics: Politics;
  human: HumanCost;
  flows: Flows;
  firedEvents: string[];
  flags: string[];
  /** uncertainty[observer][target], a fraction of the true value. */
  uncertainty: Record<Capital, Record<Capital, number>>;
  /** estimates[observer][metric] as seen by that observer. */
  estimates: Record<Capital, Record<MetricId, Range>>;
  news: NewsItem[];
  reports: TurnReport[];
  history: HistoryPoint[];
  metrics: Record<MetricId, number>;
  turnHashes: string[];
}

export interface FigureChoices {
  default: FigureChoice;
  /** Per-figure overrides, by ledger id. */
  byFigure?: Record<string, FigureChoice>;
}

export interface GameOptions {
  seed: string;
  figureChoices?: FigureChoices;
}

export type Seats = Record<Capital, string>;

/** What a finished (or unfinished) game leaves behind; replay() rebuilds everything from it. */
export interface GameRecord {
  formatVersion: 1;
  engineVersion: string;
  scenario: { id: string; hash: string };
  seed: string;
  figureChoices: FigureChoices;
  seats: Seats;
  actions: Action[];
  turnHashes: string[];
}

export interface EngineError {
  code:
    | 'game-over'
    | 'not-your-turn'
    | 'unknown-action'
    | 'lever-disabled'
    | 'bad-amount'
    | 'insufficient'
    | 'no-route'
    | 'unknown-offer'
    | 'offer-closed'
    | 'not-addressed'
    | 'unknown-sector'
    | 'too-many-offers'
    | 'too-many-actions'
    | 'unknown-event'
    | 'event-fired'
    | 'bad-value';
  message: string;
}

export type Result<T, E = EngineError> = { ok: true; value: T } | { ok: false; error: E };
