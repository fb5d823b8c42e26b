/**
 * The debrief's "your decisions beside the sources": what the human seat(s) ordered, read from
 * the game record's actions, and what the game produced, each set beside what the source
 * documents report (figures from the ledger, cited by id so the debrief can open their source
 * cards). Pure: no DOM, no storage; tested in Node (tests/ui/debrief.test.ts).
 */
import {
  CAPITALS,
  turnDate,
  type Action,
  type Capital,
  type GameRecord,
  type GameState,
  type Rules,
} from '../engine';
import { findFigure, formatNumber, type Figure, type FigureStatus, type Ledger } from '../ledger';
import { formatMonth, plural } from './dom';
import { ITEM_UNIT } from './labels';

/** One source beside a decision: the ledger figure and a short line in our words. */
export interface SourceLine {
  figureId: string;
  /** What the source reports, short, with the ledger's number where it has one. */
  text: string;
  status: FigureStatus;
}

export interface DecisionItem {
  /** Stable key, e.g. "pyongyang.troops". */
  key: string;
  capital: Capital;
  /** decision: what a human seat ordered (or chose not to); outcome: what the game produced. */
  kind: 'decision' | 'outcome';
  /** Whether a human held this capital. */
  human: boolean;
  /** Turn (1-based) and month of the decision, when it is one order. */
  turn: number | null;
  date: string | null;
  /** "You sent 6,000 soldiers by December 2024 and 11,000 in all." */
  text: string;
  /** What the sources report; each opens its figure's source card. Never empty. */
  sources: SourceLine[];
}

export interface DecisionInput {
  state: GameState;
  record: GameRecord;
  /** The capitals human players held. */
  humans: readonly Capital[];
  ledger: Ledger;
}

const CAPITAL_NAME: Record<Capital, string> = {
  pyongyang: 'Pyongyang',
  moscow: 'Moscow',
  kyiv: 'Kyiv',
};

// ---------------------------------------------------------------------------------------------
// Small helpers
// ---------------------------------------------------------------------------------------------

/** 12345 -> "12,345" (locale-independent). */
export function count(n: number): string {
  return formatNumber(Math.round(n));
}

/**
 * The turn (1-based) in which each action of a record was given. A turn ends with the endTurn of
 * the last seat in the scenario's order (the engine resolves it then).
 */
export function actionTurns(rules: Pick<Rules, 'order'>, actions: readonly Action[]): number[] {
  const last = rules.order[rules.order.length - 1];
  let turn = 1;
  const out: number[] = [];
  for (const a of actions) {
    out.push(turn);
    if (a.type === 'endTurn' && a.seat === last) turn++;
  }
  return out;
}

/** The month a turn starts in ("YYYY-MM"). */
export function monthOfTurn(rules: Pick<Rules, 'calendar'>, turn: number): string {
  return turnDate(rules.calendar.start, rules.calendar.turnMonths, turn);
}

/**
 * A metric at the end of the month `date` (the last history point of that month), or undefined
 * when the game did not reach that month or never had it.
 */
export function metricAt(
  state: Pick<GameState, 'history'>,
  metric: string,
  date: string,
): number | undefined {
  let found: number | undefined;
  for (const p of state.history) {
    if (p.turn > 0 && p.date === date) found = p.metrics[metric];
  }
  return found;
}

/** The first history month in which `test` holds for the metric, or undefined. */
export function firstMonthWhere(
  state: Pick<GameState, 'history'>,
  metric: string,
  test: (v: number) => boolean,
): { turn: number; date: string } | undefined {
  for (const p of state.history) {
    if (p.turn > 0 && test(p.metrics[metric] ?? 0)) return { turn: p.turn, date: p.date };
  }
  return undefined;
}

/**
 * The number of a ledger figure as a reader says it: "about 10,000–12,000 soldiers",
 * "at least 3,000 deaths", "2 prisoners". Empty for a figure without a number.
 */
export function figureAmount(f: Figure): string {
  const bound = { atLeast: 'at least ', atMost: 'up to ', about: 'about ', exact: '' }[
    f.bound ?? 'exact'
  ];
  const unit = f.unit === undefined ? '' : ` ${f.unit}`;
  if (f.value !== undefined) return `${bound}${count(f.value)}${unit}`;
  if (f.low !== undefined && f.high !== undefined)
    return `${bound}${count(f.low)}–${count(f.high)}${unit}`;
  return '';
}

/** A ledger date as words: "2025-01" -> "January 2025", "2024" -> "2024". */
export function ledgerDate(date: string | undefined): string {
  if (date === undefined) return '';
  if (/^\d{4}-\d{2}$/.test(date)) return formatMonth(date);
  if (/^\d{4}-\d{2}-\d{2}$/.test(date)) return formatMonth(date.slice(0, 7));
  return date;
}

interface Ctx {
  state: GameState;
  rules: Rules;
  actions: readonly Action[];
  turns: number[];
  humans: ReadonlySet<Capital>;
  ledger: Ledger;
  metrics: Record<string, number>;
}

/** The subject of a sentence about a capital: "You", "Kyiv" (hot-seat) or "Moscow (computer)". */
function subject(ctx: Ctx, c: Capital): string {
  if (ctx.humans.has(c) && ctx.humans.size === 1) return 'You';
  return ctx.rules.capitals[c]?.name ?? CAPITAL_NAME[c];
}

function turnWords(ctx: Ctx, turn: number): string {
  return `turn ${turn} (${formatMonth(monthOfTurn(ctx.rules, turn))})`;
}

/** A source line for a figure, or null when the ledger lacks it (the line is then left out). */
function src(ctx: Ctx, id: string, text: (f: Figure) => string): SourceLine | null {
  const f = findFigure(ctx.ledger, id);
  if (!f) return null;
  return { figureId: id, text: text(f), status: f.status };
}

/** The orders of one seat with the turn each was given in. */
function ordersOf<T extends Action['type']>(
  ctx: Ctx,
  seat: Capital,
  type: T,
): { action: Extract<Action, { type: T }>; turn: number }[] {
  const out: { action: Extract<Action, { type: T }>; turn: number }[] = [];
  ctx.actions.forEach((a, i) => {
    if (a.type === type && a.seat === seat)
      out.push({ action: a as Extract<Action, { type: T }>, turn: ctx.turns[i] ?? 1 });
  });
  return out;
}

/**
 * The runs of consecutive turns in which a switch was on when the turn resolved, given the
 * orders that flipped it (the last order of a turn counts) and how the scenario set it. A
 * reversal splits a run, so "from turn 1" is never said of a switch turned off in turn 5.
 */
export function onSpans(
  orders: readonly { on: boolean; turn: number }[],
  initial: boolean,
  lastTurn: number,
): { from: number; to: number }[] {
  const setIn = new Map<number, boolean>();
  for (const o of orders) setIn.set(o.turn, o.on);
  const spans: { from: number; to: number }[] = [];
  let on = initial;
  for (let t = 1; t <= lastTurn; t++) {
    on = setIn.get(t) ?? on;
    const open = spans[spans.length - 1];
    if (!on) continue;
    if (open && open.to === t - 1) open.to = t;
    else spans.push({ from: t, to: t });
  }
  return spans;
}

/** "throughout the game", "from turn 3 (December 2024)", "in turns 1–4 (…) and 8 (…)". */
function spanWords(ctx: Ctx, spans: readonly { from: number; to: number }[]): string {
  const last = lastTurn(ctx);
  if (spans.length === 1 && spans[0]!.from === 1 && spans[0]!.to === last)
    return 'throughout the game';
  if (spans.length === 1 && spans[0]!.to === last) return `from ${turnWords(ctx, spans[0]!.from)}`;
  const one = (sp: { from: number; to: number }) =>
    sp.from === sp.to
      ? `${sp.from} (${formatMonth(monthOfTurn(ctx.rules, sp.from))})`
      : `${sp.from}–${sp.to} (${formatMonth(monthOfTurn(ctx.rules, sp.from))} to ${formatMonth(monthOfTurn(ctx.rules, sp.to))})`;
  const parts = spans.map(one);
  const list =
    parts.length === 1 ? parts[0]! : `${parts.slice(0, -1).join(', ')} and ${parts.at(-1)!}`;
  return `in turn${spans.length === 1 && spans[0]!.from === spans[0]!.to ? '' : 's'} ${list}`;
}

/** The last turn the game reached (the whole calendar once it is over). */
function lastTurn(ctx: Ctx): number {
  return ctx.state.ctx.phase === 'over'
    ? ctx.rules.calendar.turns
    : Math.max(1, ctx.state.ctx.turn);
}

function hasLever(ctx: Ctx, c: Capital, lever: string): boolean {
  return (ctx.rules.capitals[c]?.levers as readonly string[] | undefined)?.includes(lever) ?? false;
}

function item(
  ctx: Ctx,
  key: string,
  capital: Capital,
  kind: DecisionItem['kind'],
  text: string,
  sources: (SourceLine | null)[],
  turn: number | null = null,
): DecisionItem | null {
  const lines = sources.filter((s): s is SourceLine => s !== null);
  if (lines.length === 0) return null;
  return {
    key,
    capital,
    kind,
    human: ctx.humans.has(capital),
    turn,
    date: turn === null ? null : monthOfTurn(ctx.rules, turn),
    text,
    sources: lines,
  };
}

const m = (ctx: Ctx, id: string): number => ctx.metrics[id] ?? 0;

// ---------------------------------------------------------------------------------------------
// Pyongyang
// ---------------------------------------------------------------------------------------------

function troopsSent(ctx: Ctx): DecisionItem | null {
  const c: Capital = 'pyongyang';
  const who = subject(ctx, c);
  const total = m(ctx, 'pyongyang.troopsSent');
  let text: string;
  if (total === 0) {
    text = `${who} sent no soldiers to Russia.`;
  } else {
    const first = firstMonthWhere(ctx.state, 'pyongyang.troopsSent', (v) => v > 0);
    const firstSent = first
      ? (metricAt(ctx.state, 'pyongyang.troopsSent', first.date) ?? total)
      : total;
    if (!first) {
      text = `${who} sent ${plural(total, 'soldier')}.`;
    } else if (firstSent >= total) {
      text = `${who} sent ${plural(total, 'soldier')}, all by ${formatMonth(first.date)}.`;
    } else {
      const dec = metricAt(ctx.state, 'pyongyang.troopsSent', '2024-12');
      const byDec =
        first.date < '2024-12' && dec !== undefined && dec > firstSent && dec < total
          ? `, ${count(dec)} by December 2024`
          : '';
      text = `${who} sent ${plural(firstSent, 'soldier')} by ${formatMonth(first.date)}${byDec} and ${count(total)} in all.`;
    }
  }
  return item(ctx, 'pyongyang.troops', c, ctx.humans.has(c) ? 'decision' : 'outcome', text, [
    src(
      ctx,
      'nk-troops-first-contingent',
      (f) => `${figureAmount(f)} already in Russia by ${ledgerDate(f.date)}, training to fight.`,
    ),
    src(ctx, 'nk-troops-total', (f) => `${figureAmount(f)} in all: an estimate, not a count.`),
  ]);
}

function information(ctx: Ctx): DecisionItem | null {
  const c: Capital = 'pyongyang';
  if (!ctx.humans.has(c) || !hasLever(ctx, c, 'information')) return null;
  const who = subject(ctx, c);
  const orders = ordersOf(ctx, c, 'setInformation');
  const initial = ctx.rules.levers.information;
  const toTruth = orders.find((o) => o.action.policy === 'truth');
  const captured = m(ctx, 'pyongyang.captured');
  let text: string;
  let turn: number | null = null;
  if (toTruth) {
    turn = toTruth.turn;
    text = `${who} told the soldiers the truth in ${turnWords(ctx, toTruth.turn)}`;
    const back = orders.find(
      (o) => o.turn >= toTruth.turn && o.action.policy === 'deceive' && o !== toTruth,
    );
    if (back && ctx.state.levers.information === 'deceive')
      text += `, then went back to deceiving them in ${turnWords(ctx, back.turn)}`;
    text += '.';
  } else if (initial === 'truth') {
    text = 'In this scenario the soldiers knew the truth from the start.';
  } else {
    text = `${who} kept the soldiers believing they were fighting Americans.`;
  }
  text += ` ${captured === 0 ? 'None was taken prisoner.' : `${plural(captured, 'soldier')} ${captured === 1 ? 'was' : 'were'} taken prisoner.`}`;
  return item(
    ctx,
    'pyongyang.information',
    c,
    'decision',
    text,
    [
      src(
        ctx,
        'deception-fighting-americans',
        () =>
          'They were told they would fight Americans; two prisoners said they did not know they were in Ukraine.',
      ),
      src(
        ctx,
        'family-punishment-on-capture',
        () =>
          "A captured soldier's family faces execution at home, so few let themselves be taken.",
      ),
    ],
    turn,
  );
}

function training(ctx: Ctx): DecisionItem | null {
  const c: Capital = 'pyongyang';
  if (!ctx.humans.has(c) || !hasLever(ctx, c, 'training')) return null;
  const who = subject(ctx, c);
  const orders = ordersOf(ctx, c, 'setTraining');
  const last = orders[orders.length - 1];
  const months = ctx.state.levers.trainingMonths;
  const text = last
    ? `${who} set training to ${plural(months, 'month')} before the front in ${turnWords(ctx, last.turn)}.`
    : `${who} kept training at ${plural(months, 'month')} before the front.`;
  return item(
    ctx,
    'pyongyang.training',
    c,
    'decision',
    text,
    [
      src(
        ctx,
        'nk-little-training',
        () => 'They went to war quickly, largely untrained for a modern war.',
      ),
      src(ctx, 'no-drone-training', () => 'Defectors say many had never met a drone before.'),
    ],
    last?.turn ?? null,
  );
}

function recall(ctx: Ctx): DecisionItem | null {
  const c: Capital = 'pyongyang';
  if (!ctx.humans.has(c) || !hasLever(ctx, c, 'recall')) return null;
  const who = subject(ctx, c);
  const orders = ordersOf(ctx, c, 'recall');
  const total = orders.reduce((s, o) => s + o.action.count, 0);
  const dissent = m(ctx, 'pyongyang.dissentRisk');
  const text =
    total > 0
      ? `${who} brought ${plural(total, 'soldier')} home, first in ${turnWords(ctx, orders[0]!.turn)}. Dissent risk at home ended at ${dissent}.`
      : `${who} brought no soldier home before the end. Dissent risk at home ended at ${dissent}.`;
  return item(
    ctx,
    'pyongyang.recall',
    c,
    'decision',
    text,
    [
      src(
        ctx,
        'dissent-risk-on-return',
        () =>
          'Veterans who have seen Russia may bring home ideas that feed dissent (an assessment).',
      ),
    ],
    orders[0]?.turn ?? null,
  );
}

/** "thousand tonnes " for oil: the unit the historical scenario counts in (labels.ts), or "". */
function unitOf(item: 'oil' | 'food' | 'currency'): string {
  const u = ITEM_UNIT[item];
  return u ? `${u} ` : '';
}

const TECH_NAMES: [string, string][] = [
  ['tech.missile', 'missile'],
  ['tech.drone', 'drone'],
  ['tech.airDefence', 'air-defence'],
  ['tech.nuclear', 'nuclear'],
  ['tech.cyber', 'cyber'],
];

function payment(ctx: Ctx): DecisionItem | null {
  const c: Capital = 'pyongyang';
  const recv = ctx.state.flows.received.pyongyang;
  const who = subject(ctx, c);
  const goods: string[] = [];
  const add = (n: number | undefined, words: string) => {
    if (n && n > 0) goods.push(`${count(n)} ${words}`);
  };
  add(recv.oil, `${unitOf('oil')}of oil`);
  add(recv.food, `${unitOf('food')}of food`);
  add(recv.currency, `${unitOf('currency')}in hard currency`);
  const tech = TECH_NAMES.filter(([k]) => (recv[k as keyof typeof recv] ?? 0) > 0).map(
    ([k, name]) => `${count(recv[k as keyof typeof recv] ?? 0)} ${name}`,
  );
  if (tech.length > 0) goods.push(`technology (${tech.join(', ')})`);
  if ((recv.unCover ?? 0) > 0)
    goods.push(plural(recv.unCover ?? 0, 'Security Council intervention'));
  const text =
    goods.length === 0
      ? `${who} received nothing in return.`
      : `In return ${who === 'You' ? 'you' : who} received ${goods.join('; ')}.`;
  return item(ctx, 'pyongyang.payment', c, ctx.humans.has(c) ? 'decision' : 'outcome', text, [
    src(
      ctx,
      'economic-assistance-tech-access',
      () => 'Pyongyang is paid in economic aid and access to Russian technology.',
    ),
    src(
      ctx,
      'russia-oil-supply',
      () => 'Russia is a key partner and a source of oil; no quantities are reported.',
    ),
    (recv.unCover ?? 0) > 0
      ? src(
          ctx,
          'un-security-council-backing',
          () => 'Russia also offers diplomatic cover, such as backing in the UN Security Council.',
        )
      : null,
    (recv['tech.nuclear'] ?? 0) > 0
      ? src(
          ctx,
          'nuclear-tech-claim',
          () =>
            'South Korean intelligence suspects soldiers may be traded for nuclear technology: a suspicion, not a documented transfer.',
        )
      : null,
  ]);
}

function shipments(ctx: Ctx): DecisionItem | null {
  const c: Capital = 'pyongyang';
  const ammo = m(ctx, 'pyongyang.ammunitionShipped');
  const workers = m(ctx, 'pyongyang.workersSent');
  const before = ctx.rules.alreadyDelivered.ammunition;
  const who = ctx.humans.has(c) ? (ctx.humans.size === 1 ? 'you' : 'Pyongyang') : 'Pyongyang';
  const text =
    `${plural(ammo, 'container')} of ammunition reached Russia` +
    (before > 0 ? ` (${count(before)} of them before the game began)` : '') +
    (workers > 0 ? `, and ${who} sent ${plural(workers, 'worker')}.` : '.');
  return item(
    ctx,
    'pyongyang.shipments',
    c,
    'outcome',
    text.charAt(0).toUpperCase() + text.slice(1),
    [
      src(
        ctx,
        'nk-ammo-containers',
        (f) => `${figureAmount(f)} of ammunition shipped before the soldiers were sent.`,
      ),
      workers > 0
        ? src(
            ctx,
            'nk-workers-2024',
            (f) => `${figureAmount(f)} sent to Russia during ${ledgerDate(f.date)}.`,
          )
        : null,
      src(
        ctx,
        'ammo-outweighs-troops',
        () => 'The shells may matter more to the war than the soldiers do (an assessment).',
      ),
    ],
  );
}

// ---------------------------------------------------------------------------------------------
// Moscow
// ---------------------------------------------------------------------------------------------

function frontLine(ctx: Ctx): DecisionItem | null {
  const c: Capital = 'moscow';
  const who = subject(ctx, c);
  const sources = [
    src(
      ctx,
      'nk-kursk-frontline-feb-2025',
      (f) =>
        `North Korean units held front-line positions in the Kursk region from ${ledgerDate(f.date)}.`,
    ),
  ];
  if (ctx.humans.has(c) && hasLever(ctx, c, 'assign')) {
    const first = ordersOf(ctx, c, 'assign').find((o) => o.action.count > 0);
    const text = first
      ? `${who} first put North Korean soldiers on the front line in ${turnWords(ctx, first.turn)}.`
      : `${who} never put North Korean soldiers on the front line.`;
    return item(ctx, 'moscow.front', c, 'decision', text, sources, first?.turn ?? null);
  }
  const first = firstMonthWhere(ctx.state, 'pyongyang.atFront', (v) => v > 0);
  const text = first
    ? `North Korean soldiers first fought on the front line in ${formatMonth(first.date)}.`
    : 'North Korean soldiers never reached the front line.';
  return item(ctx, 'moscow.front', c, 'outcome', text, sources);
}

function pairing(ctx: Ctx): DecisionItem | null {
  const c: Capital = 'moscow';
  if (!ctx.humans.has(c) || !hasLever(ctx, c, 'pairing')) return null;
  const who = subject(ctx, c);
  const spans = onSpans(
    ordersOf(ctx, c, 'setPairing').map((o) => ({ on: o.action.on, turn: o.turn })),
    ctx.rules.levers.pairing,
    lastTurn(ctx),
  );
  const on = spans[0] ? { turn: spans[0].from } : undefined;
  const text = on
    ? `${who} paired North Korean units with Russian drone operators ${spanWords(ctx, spans)}.`
    : `${who} never paired North Korean units with Russian drone operators.`;
  return item(
    ctx,
    'moscow.pairing',
    c,
    'decision',
    text,
    [
      src(
        ctx,
        'drone-operator-pairing',
        (f) =>
          `Reports in ${ledgerDate(f.date) || 'early 2025'} say experienced Russian drone operators now work with them.`,
      ),
      src(
        ctx,
        'blind-firing-at-drones',
        () => 'Footage shows North Korean soldiers firing aimlessly at drones.',
      ),
    ],
    on?.turn ?? null,
  );
}

function missileUnits(ctx: Ctx): DecisionItem | null {
  const c: Capital = 'moscow';
  if (!ctx.humans.has(c) || !hasLever(ctx, c, 'missileUnits')) return null;
  const orders = ordersOf(ctx, c, 'missileUnits');
  const total = orders.reduce((s, o) => s + o.action.count, 0);
  if (total <= 0) return null;
  return item(
    ctx,
    'moscow.missileUnits',
    c,
    'decision',
    `${subject(ctx, c)} moved ${plural(total, 'North Korean soldier')} into missile units, first in ${turnWords(ctx, orders[0]!.turn)}.`,
    [
      src(
        ctx,
        'missile-unit-reassignment',
        () => 'Part of the contingent now crews missile systems instead of fighting as infantry.',
      ),
    ],
    orders[0]!.turn,
  );
}

const STANCE_WORDS = {
  deny: 'denied that North Korean soldiers were there',
  conflicting: 'spoke of “conflicting information”, neither confirming nor denying',
  confirm: 'confirmed that North Korean soldiers were fighting',
} as const;

function stance(ctx: Ctx): DecisionItem | null {
  const c: Capital = 'moscow';
  if (!ctx.humans.has(c) || !hasLever(ctx, c, 'stance')) return null;
  const who = subject(ctx, c);
  const orders = ordersOf(ctx, c, 'setStance');
  const last = orders[orders.length - 1];
  const scrutiny = m(ctx, 'moscow.scrutiny');
  const text = last
    ? `${who} ${STANCE_WORDS[last.action.stance]} from ${turnWords(ctx, last.turn)}. International scrutiny ended at ${scrutiny}.`
    : `${who} kept to the opening stance and ${STANCE_WORDS[ctx.state.levers.stance]}. International scrutiny ended at ${scrutiny}.`;
  return item(
    ctx,
    'moscow.stance',
    c,
    'decision',
    text,
    [
      src(
        ctx,
        'international-reactions',
        () =>
          'Pyongyang called the reports “groundless rumors”; Moscow cited “conflicting information”.',
      ),
    ],
    last?.turn ?? null,
  );
}

function nuclear(ctx: Ctx): DecisionItem | null {
  const c: Capital = 'moscow';
  const sent = ctx.state.flows.sent.moscow['tech.nuclear'] ?? 0;
  if (!ctx.humans.has(c) || sent <= 0) return null;
  return item(
    ctx,
    'moscow.nuclear',
    c,
    'decision',
    `${subject(ctx, c)} paid Pyongyang in nuclear technology (${plural(sent, 'package')}).`,
    [
      src(
        ctx,
        'nuclear-tech-claim',
        () =>
          'South Korean intelligence suspects such a trade: a suspicion, not a documented transfer.',
      ),
    ],
  );
}

// ---------------------------------------------------------------------------------------------
// Kyiv
// ---------------------------------------------------------------------------------------------

function publicise(ctx: Ctx): DecisionItem | null {
  const c: Capital = 'kyiv';
  if (!ctx.humans.has(c) || !hasLever(ctx, c, 'publicise')) return null;
  const who = subject(ctx, c);
  const orders = ordersOf(ctx, c, 'publicise');
  const families = m(ctx, 'human.familiesAtRisk');
  const support = m(ctx, 'kyiv.support');
  const text =
    orders.length > 0
      ? `${who} publicised prisoners ${orders.length === 1 ? 'once' : `${orders.length} times`}, first in ${turnWords(ctx, orders[0]!.turn)}: international support ended at ${support}, and ${plural(families, 'family', 'families')} in North Korea ${families === 1 ? 'was' : 'were'} put at risk.`
      : `${who} never showed prisoners to the press: no family was put at risk by publicity. International support ended at ${support}.`;
  return item(
    ctx,
    'kyiv.publicise',
    c,
    'decision',
    text,
    [
      src(
        ctx,
        'nk-captured-jan-2025',
        (f) => `${figureAmount(f)} captured alive in ${ledgerDate(f.date)}.`,
      ),
      src(
        ctx,
        'family-punishment-on-capture',
        () => "Capture puts a soldier's whole family at risk of execution.",
      ),
    ],
    orders[0]?.turn ?? null,
  );
}

function targeting(ctx: Ctx): DecisionItem | null {
  const c: Capital = 'kyiv';
  if (!ctx.humans.has(c) || !hasLever(ctx, c, 'targeting')) return null;
  const spans = onSpans(
    ordersOf(ctx, c, 'setTargeting').map((o) => ({ on: o.action.on, turn: o.turn })),
    ctx.rules.levers.targetNorthKoreans,
    lastTurn(ctx),
  );
  const on = spans[0] ? { turn: spans[0].from } : undefined;
  const who = subject(ctx, c);
  const text = on
    ? `${who} aimed drones at North Korean units ${spanWords(ctx, spans)}.`
    : `${who} never singled out North Korean units for drone strikes.`;
  return item(
    ctx,
    'kyiv.targeting',
    c,
    'decision',
    text,
    [
      src(
        ctx,
        'no-drone-training',
        () =>
          'Many of the soldiers had no experience of drones, the weapon that dominates this war.',
      ),
      src(ctx, 'blind-firing-at-drones', () => 'Footage shows them shooting aimlessly at drones.'),
    ],
    on?.turn ?? null,
  );
}

function evidence(ctx: Ctx): DecisionItem | null {
  const c: Capital = 'kyiv';
  if (!ctx.humans.has(c) || !hasLever(ctx, c, 'evidence')) return null;
  const orders = ordersOf(ctx, c, 'releaseEvidence');
  const total = orders.reduce((s, o) => s + o.action.amount, 0);
  const who = subject(ctx, c);
  const text =
    total > 0
      ? `${who} released ${plural(total, 'piece')} of evidence, first in ${turnWords(ctx, orders[0]!.turn)}.`
      : `${who} released no evidence.`;
  return item(
    ctx,
    'kyiv.evidence',
    c,
    'decision',
    text,
    [
      src(
        ctx,
        'uniform-video',
        () =>
          'A Ukrainian government centre released a video said to show recruits collecting Russian uniforms; not independently verified.',
      ),
    ],
    orders[0]?.turn ?? null,
  );
}

function posture(ctx: Ctx): DecisionItem | null {
  const c: Capital = 'kyiv';
  if (!ctx.humans.has(c) || !hasLever(ctx, c, 'posture')) return null;
  const who = subject(ctx, c);
  const spans = onSpans(
    ordersOf(ctx, c, 'setPosture').map((o) => ({
      on: o.action.posture === 'withdraw',
      turn: o.turn,
    })),
    ctx.rules.levers.posture === 'withdraw',
    lastTurn(ctx),
  );
  const out = spans[0] ? { turn: spans[0].from } : undefined;
  const held = m(ctx, 'kyiv.kurskHeld');
  const text = out
    ? `${who} pulled back from the Kursk salient ${spanWords(ctx, spans)}; Ukraine held ${held}% of it at the end.`
    : `${who} held on to the salient as a bargaining chip; Ukraine held ${held}% of it at the end.`;
  return item(
    ctx,
    'kyiv.posture',
    c,
    'decision',
    text,
    [
      src(
        ctx,
        'kursk-negotiating-leverage',
        () =>
          'Ukraine hoped to bargain with the ground it held; Russia made it a battlefield that spent North Korean infantry.',
      ),
    ],
    out?.turn ?? null,
  );
}

// ---------------------------------------------------------------------------------------------
// The human cost beside the reported figures (whoever played)
// ---------------------------------------------------------------------------------------------

function deaths(ctx: Ctx): DecisionItem | null {
  const total = m(ctx, 'pyongyang.killed');
  const f = findFigure(ctx.ledger, 'nk-deaths-ukraine-report');
  const at =
    f?.date && /^\d{4}-\d{2}$/.test(f.date)
      ? metricAt(ctx.state, 'pyongyang.killed', f.date)
      : undefined;
  const text =
    total === 0
      ? 'No North Korean soldier was killed in this game.'
      : at !== undefined && f?.date
        ? `In this game ${plural(at, 'North Korean soldier')} had been killed by the end of ${formatMonth(f.date)}, and ${count(total)} by the end.`
        : `In this game ${plural(total, 'North Korean soldier')} ${total === 1 ? 'was' : 'were'} killed.`;
  return item(ctx, 'human.killed', 'pyongyang', 'outcome', text, [
    src(
      ctx,
      'nk-deaths-ukraine-report',
      (fig) =>
        `${figureAmount(fig)}, reported by Ukraine (one side of the war) around ${ledgerDate(fig.date)}; it cannot be checked independently.`,
    ),
  ]);
}

function captures(ctx: Ctx): DecisionItem | null {
  const total = m(ctx, 'pyongyang.captured');
  const f = findFigure(ctx.ledger, 'nk-captured-jan-2025');
  const at =
    f?.date && /^\d{4}-\d{2}$/.test(f.date)
      ? metricAt(ctx.state, 'pyongyang.captured', f.date)
      : undefined;
  const text =
    total === 0
      ? 'No North Korean soldier was taken prisoner in this game.'
      : at !== undefined && f?.date
        ? `In this game ${plural(at, 'North Korean soldier')} had been taken prisoner by the end of ${formatMonth(f.date)}, and ${count(total)} by the end.`
        : `In this game ${plural(total, 'North Korean soldier')} ${total === 1 ? 'was' : 'were'} taken prisoner.`;
  return item(ctx, 'human.captured', 'pyongyang', 'outcome', text, [
    src(
      ctx,
      'nk-captured-jan-2025',
      (fig) => `${figureAmount(fig)} captured alive in ${ledgerDate(fig.date)}.`,
    ),
    src(
      ctx,
      'family-punishment-on-capture',
      () => "Capture puts a soldier's family at risk of execution, which is why captures are rare.",
    ),
  ]);
}

/**
 * Every comparison the debrief shows: the human seats' decisions first (in seat order), then what
 * the game produced beside the reported figures.
 */
export function deriveDecisions(input: DecisionInput): DecisionItem[] {
  const { state, record, ledger } = input;
  const ctx: Ctx = {
    state,
    rules: state.rules,
    actions: record.actions,
    turns: actionTurns(state.rules, record.actions),
    humans: new Set(input.humans),
    ledger,
    metrics: state.metrics,
  };
  const all = [
    troopsSent(ctx),
    information(ctx),
    training(ctx),
    recall(ctx),
    payment(ctx),
    frontLine(ctx),
    pairing(ctx),
    missileUnits(ctx),
    stance(ctx),
    nuclear(ctx),
    publicise(ctx),
    targeting(ctx),
    evidence(ctx),
    posture(ctx),
    deaths(ctx),
    captures(ctx),
    shipments(ctx),
  ].filter((d): d is DecisionItem => d !== null);
  const rank = (d: DecisionItem) =>
    (d.kind === 'decision' ? 0 : 1) * 10 + CAPITALS.indexOf(d.capital);
  return all
    .map((d, i) => ({ d, i }))
    .sort((a, b) => rank(a.d) - rank(b.d) || a.i - b.i)
    .map(({ d }) => d);
}
