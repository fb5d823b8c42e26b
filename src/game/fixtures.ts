/**
 * FIXTURE — a hand-written sample GameState and TurnReport for the map's visual test page
 * (`/?view=map-fixture`, tests/e2e/shell.test.ts). NOT used by the real game flow, and its
 * numbers are invented for drawing: they are not the model's figures and not the sources'.
 */
import type {
  Bundle,
  Capital,
  GameState,
  Rules,
  SectorRules,
  Stocks,
  TurnReport,
} from '../engine/types';

const ZERO: Stocks = {
  troops: 0,
  ammunition: 0,
  oil: 0,
  food: 0,
  currency: 0,
  workers: 0,
  unCover: 0,
  drones: 0,
  droneOperators: 0,
  evidence: 0,
  prisoners: 0,
  pows: 0,
  ground: 0,
  pause: 0,
  'tech.missile': 0,
  'tech.drone': 0,
  'tech.airDefence': 0,
  'tech.nuclear': 0,
  'tech.cyber': 0,
};

function stocks(b: Bundle): Stocks {
  return { ...ZERO, ...b } as Stocks;
}

const SECTORS: SectorRules[] = [
  {
    id: 'korenevo',
    name: 'Korenevo',
    control: 70,
    russianTroops: 9000,
    ukrainianTroops: 3500,
    ukrainianDrones: 300,
    map: { x: 0.4, y: 0.45 },
  },
  {
    id: 'malaya-loknya',
    name: 'Malaya Loknya',
    control: 40,
    russianTroops: 7000,
    ukrainianTroops: 4000,
    ukrainianDrones: 350,
    map: { x: 0.59, y: 0.48 },
  },
  {
    id: 'sudzha',
    name: 'Sudzha',
    control: 20,
    russianTroops: 6000,
    ukrainianTroops: 7000,
    ukrainianDrones: 500,
    map: { x: 0.55, y: 0.63 },
  },
  {
    id: 'plekhovo',
    name: 'Plekhovo',
    control: 35,
    russianTroops: 5000,
    ukrainianTroops: 4000,
    ukrainianDrones: 250,
    map: { x: 0.67, y: 0.67 },
  },
];

/**
 * Only the parts of the rules the view reads. The rest of Rules belongs to the engine and changes
 * with it; the fixture does not pretend to be a scenario, hence the cast below.
 */
type ViewedRules = Pick<
  Rules,
  'scenarioId' | 'scenarioHash' | 'title' | 'calendar' | 'order' | 'sectors'
> & {
  capitals: Record<Capital, { name: string; stocks: Stocks }>;
};

const VIEWED_RULES: ViewedRules = {
  scenarioId: 'fixture-map',
  scenarioHash: 'fixture',
  title: 'Map fixture (invented numbers)',
  calendar: { start: '2024-10', turnMonths: 1, turns: 12 },
  order: ['pyongyang', 'moscow', 'kyiv'],
  capitals: {
    pyongyang: {
      name: 'Pyongyang',
      stocks: stocks({ troops: 20000, ammunition: 5000, workers: 5000 }),
    },
    moscow: {
      name: 'Moscow',
      stocks: stocks({ troops: 40000, oil: 1000000, food: 50000, currency: 500 }),
    },
    kyiv: { name: 'Kyiv', stocks: stocks({ troops: 20000, ammunition: 3000, drones: 2000 }) },
  },
  sectors: SECTORS,
};

const RULES = VIEWED_RULES as unknown as Rules;

const byCapital = <T>(f: (c: Capital) => T): Record<Capital, T> =>
  ({ pyongyang: f('pyongyang'), moscow: f('moscow'), kyiv: f('kyiv') }) as Record<Capital, T>;

/** FIXTURE: a mid-game state (turn 5, February 2025) with North Korean units in three sectors. */
export function fixtureGameState(): GameState {
  return {
    format: 1,
    engineVersion: 'fixture',
    rules: RULES,
    seed: 'fixture',
    figureChoices: { default: 'central' },
    ctx: { turn: 5, date: '2025-02', phase: 'orders', seat: 'kyiv', actionCount: 0, turnActions: 0 },
    rng: { c: 1, s0: 0.1, s1: 0.2, s2: 0.3 },
    stocks: byCapital((c) => VIEWED_RULES.capitals[c].stocks),
    expedition: {
      training: [{ count: 1500, monthsLeft: 1, monthsTrained: 1 }],
      ready: 800,
      trainingLevel: 2,
      bySector: { korenevo: 3500, 'malaya-loknya': 2500, plekhovo: 1200 },
      missileUnits: 300,
      recovering: 400,
      morale: 45,
      droneAwareness: 20,
      experience: 12000,
      experienceHome: 0,
      invalided: 150,
    },
    sectors: [
      {
        id: 'korenevo',
        control: 86,
        russianTroops: 9400,
        ukrainianTroops: 2600,
        ukrainianDrones: 260,
      },
      {
        id: 'malaya-loknya',
        control: 58,
        russianTroops: 7200,
        ukrainianTroops: 3400,
        ukrainianDrones: 300,
      },
      {
        id: 'sudzha',
        control: 24,
        russianTroops: 6100,
        ukrainianTroops: 6800,
        ukrainianDrones: 480,
      },
      {
        id: 'plekhovo',
        control: 47,
        russianTroops: 5200,
        ukrainianTroops: 3600,
        ukrainianDrones: 220,
      },
    ],
    offers: [],
    deals: [],
    nextId: 1,
    levers: {
      trainingMonths: 1,
      information: 'deceive',
      stance: 'conflicting',
      pairing: false,
      targetNorthKoreans: true,
      posture: 'hold',
    },
    politics: {
      scrutiny: 35,
      support: 55,
      regimeControl: 78,
      dissentRisk: 14,
      prisonersHeld: 2,
      prisonersPublicised: 2,
    },
    human: {
      sent: 9000,
      killed: 900,
      wounded: 1800,
      captured: 2,
      exchanged: 0,
      returned: 0,
      familiesAtRisk: 6,
      russian: { killed: 2100, wounded: 5200 },
      ukrainian: { killed: 1300, wounded: 3600 },
    },
    flows: { received: byCapital(() => ({})), sent: byCapital(() => ({})) },
    firedEvents: [],
    flags: [],
    uncertainty: byCapital(() => byCapital(() => 0.3)),
    estimates: byCapital(() => ({})),
    news: [],
    reports: [],
    history: [],
    metrics: {},
    turnHashes: [],
  };
}

/** FIXTURE: the state one month earlier, before fixtureTurnReport() resolved. */
export function fixturePreviousState(): GameState {
  const s = fixtureGameState();
  const before = new Map(fixtureTurnReport().sectors.map((r) => [r.sector, r.controlBefore]));
  return {
    ...s,
    ctx: { ...s.ctx, turn: 4, date: '2025-01' },
    sectors: s.sectors.map((x) => ({ ...x, control: before.get(x.id) ?? x.control })),
  };
}

/** FIXTURE: what happened at the end of January 2025 in this invented sample. */
export function fixtureTurnReport(): TurnReport {
  return {
    turn: 4,
    date: '2025-01',
    sectors: [
      {
        sector: 'korenevo',
        controlBefore: 70,
        controlAfter: 86,
        northKoreans: 3500,
        russian: { killed: 180, wounded: 420 },
        ukrainian: { killed: 140, wounded: 360 },
        northKorean: { killed: 310, wounded: 520, captured: 2 },
      },
      {
        sector: 'malaya-loknya',
        controlBefore: 40,
        controlAfter: 58,
        northKoreans: 2500,
        russian: { killed: 150, wounded: 390 },
        ukrainian: { killed: 120, wounded: 300 },
        northKorean: { killed: 240, wounded: 430, captured: 0 },
      },
      {
        sector: 'sudzha',
        controlBefore: 20,
        controlAfter: 24,
        northKoreans: 0,
        russian: { killed: 110, wounded: 300 },
        ukrainian: { killed: 90, wounded: 240 },
        northKorean: { killed: 0, wounded: 0, captured: 0 },
      },
      {
        sector: 'plekhovo',
        controlBefore: 35,
        controlAfter: 47,
        northKoreans: 1200,
        russian: { killed: 90, wounded: 220 },
        ukrainian: { killed: 80, wounded: 200 },
        northKorean: { killed: 120, wounded: 210, captured: 0 },
      },
    ],
    deliveries: [
      {
        dealId: 1,
        from: 'pyongyang',
        to: 'moscow',
        moved: { troops: 3000, ammunition: 1500 },
        late: false,
        short: {},
      },
      {
        dealId: 2,
        from: 'moscow',
        to: 'pyongyang',
        moved: { oil: 250000, 'tech.missile': 1 },
        late: true,
        short: {},
      },
    ],
    events: [],
  };
}
