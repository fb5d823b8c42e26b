/**
 * Meaning checks, run on a scenario the schema has accepted, against the figures ledger:
 * references that lead nowhere, ids used twice, events that can never fire, values that do not
 * fit their lever, objectives the engine cannot measure. Errors make a scenario unusable;
 * warnings point at something that is probably a mistake but can still be played.
 */
import { addMonths, compareMonths } from '../engine/calendar';
import { findFigure, figureIds, figureRange } from '../ledger/query';
import type { Ledger } from '../ledger/schema';
import { suggest } from '../ledger/suggest';
import type { DataPath, ScenarioIssue, ScenarioSource, Severity } from './load';
import { sourceless } from './load';
import { isMetricId, METRIC_IDS } from './metrics';
import { LEVER_KEY_OWNER, neverHolds, Reach, showNumber } from './reach';
import { findQuantities, isFigureRef } from './quantities';
import type { Scenario, ScenarioCondition } from './schema';
import { CAPITALS, FIGURE_CHOICES, INFORMATION_POLICIES, POSTURES, STANCES } from './vocab';
import { quotedChoices } from './words';

const hintFor = (id: string, known: Iterable<string>): string => {
  const hint = suggest(id, known);
  return hint === undefined ? '' : ` — did you mean ${JSON.stringify(hint)}?`;
};

/** The months a game covers: from the first turn's month to the last month of the last turn. */
export function calendarSpan(calendar: Scenario['calendar']): { first: string; last: string } {
  return {
    first: calendar.start,
    last: addMonths(calendar.start, calendar.turns * calendar.turnMonths - 1),
  };
}

/**
 * Every meaning problem in `scenario`, positioned through `source` (from parseScenarioSource;
 * without it every issue is placed at 1:1). Errors and warnings, sorted by position.
 */
export function checkScenario(
  scenario: Scenario,
  ledger: Ledger,
  source: ScenarioSource = sourceless('scenario'),
): ScenarioIssue[] {
  const issues: ScenarioIssue[] = [];
  const report = (path: DataPath, message: string, severity: Severity = 'error') =>
    issues.push(source.issueAt(path, message, severity));
  const lineOf = (path: DataPath) => source.locate(path).line;

  checkFigures(scenario, ledger, report);
  checkIds(scenario, report, lineOf);
  checkCalendar(scenario, report);
  checkLevers(scenario, report);
  checkMetrics(scenario, report);
  checkTradeAndOrder(scenario, report);
  checkFlags(scenario, report);
  checkReach(scenario, ledger, report);
  checkPolicyLevers(scenario, report);
  if (scenario.policies === undefined) {
    report(
      [],
      'no policies: the computer players have no historical plan or item values, so they will do almost nothing',
      'warning',
    );
  }
  return [...issues].sort((a, b) => a.line - b.line || a.col - b.col);
}

type Report = (path: DataPath, message: string, severity?: Severity) => void;

function checkFigures(scenario: Scenario, ledger: Ledger, report: Report): void {
  const known = figureIds(ledger);
  for (const { quantity, path, kind } of findQuantities(scenario)) {
    if (!isFigureRef(quantity)) continue;
    const at = [...path, 'figure'];
    const figure = findFigure(ledger, quantity.figure);
    if (figure === undefined) {
      report(
        at,
        `unknown figure ${JSON.stringify(quantity.figure)}${hintFor(quantity.figure, known)}`,
      );
      continue;
    }
    const range = figureRange(figure);
    if (figure.kind !== 'quantity' || range === undefined) {
      report(
        at,
        `figure ${JSON.stringify(quantity.figure)} has no number in the ledger (it is a ${figure.kind} figure); cite it in an event's "cites" instead`,
      );
      continue;
    }
    if (kind !== 'amount') {
      if (quantity.round === false) {
        report(
          [...path, 'round'],
          'round: false on a count: soldiers, containers and drones are whole numbers, so the game may get fractions it cannot use',
          'warning',
        );
      }
      if (kind === 'count') {
        const scale = quantity.scale ?? 1;
        const negative = FIGURE_CHOICES.find((c) => range[c] * scale < 0);
        if (negative !== undefined) {
          report(
            at,
            `a count cannot be negative, but this gives ${range[negative] * scale} (${negative} value)`,
          );
        }
      }
    }
  }
  for (const [e, event] of scenario.events.entries()) {
    for (const [c, id] of event.cites.entries()) {
      if (findFigure(ledger, id) === undefined) {
        report(
          ['events', e, 'cites', c],
          `unknown figure ${JSON.stringify(id)}${hintFor(id, known)}`,
        );
      }
    }
  }
}

function checkIds(scenario: Scenario, report: Report, lineOf: (path: DataPath) => number): void {
  const unique = (what: string, list: { id: string }[], key: string) => {
    const seen = new Map<string, number>();
    list.forEach((item, i) => {
      const first = seen.get(item.id);
      if (first === undefined) seen.set(item.id, i);
      else {
        report(
          [key, i, 'id'],
          `duplicate ${what} id ${JSON.stringify(item.id)} (already used by ${key}[${first}] on line ${lineOf([key, first, 'id'])})`,
        );
      }
    });
  };
  unique('sector', scenario.sectors, 'sectors');
  unique('event', scenario.events, 'events');
}

function checkCalendar(scenario: Scenario, report: Report): void {
  const { first, last } = calendarSpan(scenario.calendar);
  const span = `the game runs from ${first} to ${last}`;
  const outside = (month: string) =>
    compareMonths(month, first) < 0
      ? 'before'
      : compareMonths(month, last) > 0
        ? 'after'
        : undefined;

  scenario.events.forEach((event, i) => {
    const at = (key: string) => ['events', i, key];
    if (event.date !== undefined) {
      const where = outside(event.date);
      if (where !== undefined) {
        report(
          at('date'),
          `this event can never fire: ${event.date} is ${where} the game (${span})`,
          'warning',
        );
      }
      if (event.from !== undefined || event.until !== undefined) {
        report(
          at(event.from !== undefined ? 'from' : 'until'),
          'from/until are ignored for an event with a date: it fires in that month or not at all',
          'warning',
        );
      }
      return;
    }
    if (
      event.from !== undefined &&
      event.until !== undefined &&
      compareMonths(event.until, event.from) < 0
    ) {
      report(
        at('until'),
        `until (${event.until}) is before from (${event.from}): this event can never fire`,
      );
      return;
    }
    if (event.from !== undefined && compareMonths(event.from, last) > 0) {
      report(
        at('from'),
        `this event can never fire: from ${event.from} is after the game (${span})`,
        'warning',
      );
    }
    if (event.until !== undefined && compareMonths(event.until, first) < 0) {
      report(
        at('until'),
        `this event can never fire: until ${event.until} is before the game (${span})`,
        'warning',
      );
    }
  });

  const policies = scenario.policies?.historical;
  if (policies === undefined) return;
  const turnStarts = new Set<string>();
  for (let t = 0; t < scenario.calendar.turns; t++) {
    turnStarts.add(addMonths(first, t * scenario.calendar.turnMonths));
  }
  policies.pyongyang.offers.forEach((offer, i) => {
    const path = ['policies', 'historical', 'pyongyang', 'offers', i, 'date'];
    const where = outside(offer.date);
    if (where !== undefined) {
      report(
        path,
        `this offer is never made: ${offer.date} is ${where} the game (${span})`,
        'warning',
      );
    } else if (!turnStarts.has(offer.date)) {
      report(
        path,
        `this offer is never made: ${offer.date} is not the first month of a turn`,
        'warning',
      );
    }
  });
  policies.pyongyang.troopsBy.forEach((step, i) => {
    if (outside(step.date) === 'after') {
      report(
        ['policies', 'historical', 'pyongyang', 'troopsBy', i, 'date'],
        `this step is never reached: ${step.date} is after the game (${span})`,
        'warning',
      );
    }
  });
  const dated: [string, string | null][] = [
    ['moscow.pairingFrom', policies.moscow.pairingFrom],
    ['moscow.missileUnitsFrom', policies.moscow.missileUnitsFrom],
    ['kyiv.targetNorthKoreansFrom', policies.kyiv.targetNorthKoreansFrom],
    ['kyiv.withdrawFrom', policies.kyiv.withdrawFrom],
  ];
  for (const [key, month] of dated) {
    if (month !== null && outside(month) === 'after') {
      report(
        ['policies', 'historical', ...key.split('.')],
        `never reached: ${month} is after the game (${span}); write null for "never"`,
        'warning',
      );
    }
  }
}

/** Whether `value` is a valid setting of `lever`, and what would be. */
function leverValueProblem(scenario: Scenario, lever: string, value: unknown): string | undefined {
  const got = typeof value === 'string' ? JSON.stringify(value) : String(value);
  switch (lever) {
    case 'trainingMonths': {
      const { min, max } = scenario.levers.trainingMonths;
      if (typeof value !== 'number' || !Number.isInteger(value))
        return `trainingMonths takes a whole number of months, got ${got}`;
      if (value < min || value > max)
        return `trainingMonths must be between ${min} and ${max} (levers.trainingMonths), got ${got}`;
      return undefined;
    }
    case 'information':
      return (INFORMATION_POLICIES as readonly unknown[]).includes(value)
        ? undefined
        : `information takes ${quotedChoices(INFORMATION_POLICIES)}, got ${got}`;
    case 'stance':
      return (STANCES as readonly unknown[]).includes(value)
        ? undefined
        : `stance takes ${quotedChoices(STANCES)}, got ${got}`;
    case 'posture':
      return (POSTURES as readonly unknown[]).includes(value)
        ? undefined
        : `posture takes ${quotedChoices(POSTURES)}, got ${got}`;
    case 'pairing':
    case 'targetNorthKoreans':
      return typeof value === 'boolean' ? undefined : `${lever} takes true or false, got ${got}`;
    default:
      return undefined;
  }
}

/** Every condition in the scenario with its path (nested ones included). */
function conditions(
  scenario: Scenario,
): { condition: ScenarioCondition; path: (string | number)[] }[] {
  const out: { condition: ScenarioCondition; path: (string | number)[] }[] = [];
  const visit = (c: ScenarioCondition, path: (string | number)[]) => {
    out.push({ condition: c, path });
    if (c.type === 'all' || c.type === 'any') c.of.forEach((x, i) => visit(x, [...path, 'of', i]));
    else if (c.type === 'not') visit(c.of, [...path, 'of']);
  };
  scenario.events.forEach((e, i) => {
    if (e.condition !== undefined) visit(e.condition, ['events', i, 'condition']);
  });
  return out;
}

function checkLevers(scenario: Scenario, report: Report): void {
  const { min, max, start } = scenario.levers.trainingMonths;
  if (min > max) report(['levers', 'trainingMonths', 'max'], `max (${max}) is below min (${min})`);
  else if (start < min || start > max) {
    report(
      ['levers', 'trainingMonths', 'start'],
      `start (${start}) must be between min (${min}) and max (${max})`,
    );
  }
  const intel = scenario.intel;
  if (intel.min > intel.max)
    report(['intel', 'max'], `max (${intel.max}) is below min (${intel.min})`);
  else if (intel.start < intel.min || intel.start > intel.max) {
    report(
      ['intel', 'start'],
      `start (${intel.start}) must be between min (${intel.min}) and max (${intel.max})`,
    );
  }
  for (const { condition, path } of conditions(scenario)) {
    if (condition.type !== 'lever') continue;
    const problem = leverValueProblem(scenario, condition.lever, condition.equals);
    if (problem !== undefined) report([...path, 'equals'], problem);
  }
  scenario.events.forEach((event, i) => {
    event.effects.forEach((effect, j) => {
      if (effect.type !== 'lever') return;
      const problem = leverValueProblem(scenario, effect.lever, effect.value);
      if (problem !== undefined) report(['events', i, 'effects', j, 'value'], problem);
    });
  });
  const policy = scenario.policies?.historical.pyongyang;
  if (policy !== undefined) {
    const problem = leverValueProblem(scenario, 'trainingMonths', policy.trainingMonths);
    if (problem !== undefined)
      report(['policies', 'historical', 'pyongyang', 'trainingMonths'], problem);
  }
}

function checkMetrics(scenario: Scenario, report: Report): void {
  const unknown = (id: string) => `unknown metric ${JSON.stringify(id)}${hintFor(id, METRIC_IDS)}`;
  for (const capital of CAPITALS) {
    const objectives = scenario.scoring[capital];
    objectives.forEach((o, i) => {
      if (!isMetricId(o.metric)) report(['scoring', capital, i, 'metric'], unknown(o.metric));
    });
    if (objectives.length === 0) {
      report(
        ['scoring', capital],
        `${capital} has no objectives: its score is always 0`,
        'warning',
      );
    } else if (objectives.every((o) => o.weight === 0)) {
      report(
        ['scoring', capital],
        `every weight of ${capital} is 0: its score is always 0`,
        'warning',
      );
    }
  }
  for (const { condition, path } of conditions(scenario)) {
    if (condition.type === 'metric' && !isMetricId(condition.metric))
      report([...path, 'metric'], unknown(condition.metric));
  }
}

function checkTradeAndOrder(scenario: Scenario, report: Report): void {
  scenario.trade.routes.forEach((route, i) => {
    if (route.from === route.to) {
      report(
        ['trade', 'routes', i, 'to'],
        `a route must join two different capitals, but this one goes from ${route.from} to ${route.to}`,
      );
    }
  });
  const seen = new Set<string>();
  scenario.order.forEach((capital, i) => {
    if (seen.has(capital))
      report(['order', i], `${capital} is listed twice: each capital gives orders once a turn`);
    seen.add(capital);
  });
  const missing = CAPITALS.filter((c) => !seen.has(c));
  if (missing.length > 0)
    report(['order'], `${missing.join(' and ')} missing: each capital gives orders once a turn`);
  if (!CAPITALS.some((c) => scenario.capitals[c].playable)) {
    report(['capitals'], 'no capital is playable: students can only watch', 'warning');
  }
}

function checkFlags(scenario: Scenario, report: Report): void {
  const set = new Set<string>();
  for (const event of scenario.events)
    for (const e of event.effects) if (e.type === 'flag') set.add(e.flag);
  for (const { condition, path } of conditions(scenario)) {
    if (condition.type === 'flag' && !set.has(condition.flag)) {
      report(
        [...path, 'flag'],
        `no event sets the flag ${JSON.stringify(condition.flag)}${hintFor(condition.flag, set)}`,
        'warning',
      );
    }
  }
}

/**
 * What the scenario makes impossible: events whose condition can never hold, objectives that can
 * never earn full marks (or anything at all), scores used as objectives, lever conditions and
 * effects that name the wrong capital.
 */
function checkReach(scenario: Scenario, ledger: Ledger, report: Report): void {
  const reach = new Reach(scenario, ledger);
  scenario.events.forEach((event, i) => {
    if (event.condition === undefined) return;
    const never = neverHolds(event.condition, ['events', i, 'condition'], reach, scenario, ledger);
    if (never !== undefined)
      report(never.path, `this event can never fire: ${never.reason}`, 'warning');
  });

  for (const { condition, path } of conditions(scenario)) {
    if (condition.type === 'lever' && condition.capital !== LEVER_KEY_OWNER[condition.lever]) {
      report(
        [...path, 'capital'],
        `${condition.lever} is ${LEVER_KEY_OWNER[condition.lever]}'s lever, not ${condition.capital}'s: write capital: ${LEVER_KEY_OWNER[condition.lever]}`,
        'warning',
      );
    }
  }
  scenario.events.forEach((event, i) => {
    event.effects.forEach((effect, j) => {
      if (effect.type === 'lever' && effect.capital !== LEVER_KEY_OWNER[effect.lever]) {
        report(
          ['events', i, 'effects', j, 'capital'],
          `${effect.lever} is ${LEVER_KEY_OWNER[effect.lever]}'s lever, not ${effect.capital}'s: write capital: ${LEVER_KEY_OWNER[effect.lever]}`,
          'warning',
        );
      }
    });
  });

  for (const capital of CAPITALS) {
    scenario.scoring[capital].forEach((o, i) => {
      const at = ['scoring', capital, i];
      if (!isMetricId(o.metric)) return; // reported by checkMetrics
      if (o.metric.endsWith('.score')) {
        report(
          [...at, 'metric'],
          `a score cannot be an objective: scores are made from the objectives (${o.metric} would read as 0 or as another capital's unfinished score)`,
        );
        return;
      }
      if (o.weight === 0) return;
      const bound = reach.bound(o.metric);
      const why = bound.why === undefined ? '' : ` (${bound.why})`;
      if (o.direction === 'max' && bound.hi < o.scale) {
        report(
          [...at, 'scale'],
          bound.hi <= bound.lo
            ? `this objective can never earn anything: ${o.metric} stays at ${showNumber(bound.lo)} in this scenario${why}`
            : `full marks are out of reach: they need ${o.metric} = ${showNumber(o.scale)}, but it can reach at most ${showNumber(bound.hi)} in this scenario${why}; lower the scale`,
          'warning',
        );
      } else if (o.direction === 'min' && bound.lo >= o.scale) {
        report(
          [...at, 'scale'],
          `this objective can never earn anything: ${o.metric} is already at least ${showNumber(bound.lo)}, the value that earns no marks (scale ${showNumber(o.scale)})`,
          'warning',
        );
      } else if (o.direction === 'min' && bound.hi <= 0) {
        report(
          [...at, 'metric'],
          `this objective always earns full marks: ${o.metric} stays at 0 in this scenario${why}`,
          'warning',
        );
      }
    });
  }
}

/** The historical computer players' plans need the levers they pull. */
function checkPolicyLevers(scenario: Scenario, report: Report): void {
  const p = scenario.policies?.historical;
  if (p === undefined) return;
  const levers = (c: (typeof CAPITALS)[number]) => scenario.capitals[c].levers as string[];
  const need = (
    capital: (typeof CAPITALS)[number],
    lever: string,
    path: (string | number)[],
    what: string,
  ) => {
    if (!levers(capital).includes(lever)) {
      report(
        ['policies', 'historical', ...path],
        `the computer player ${what}, but ${capital} has no ${lever} lever in this scenario (capitals.${capital}.levers): its orders will be refused`,
        'warning',
      );
    }
  };
  if (p.pyongyang.troopsBy.length > 0 || p.pyongyang.offers.length > 0)
    need('pyongyang', 'trade', ['pyongyang'], 'for pyongyang sends soldiers or makes offers');
  if (p.pyongyang.trainingMonths !== scenario.levers.trainingMonths.start)
    need(
      'pyongyang',
      'training',
      ['pyongyang', 'trainingMonths'],
      'for pyongyang sets the training length',
    );
  if (p.pyongyang.information !== scenario.levers.information)
    need(
      'pyongyang',
      'information',
      ['pyongyang', 'information'],
      `for pyongyang switches information to ${JSON.stringify(p.pyongyang.information)}`,
    );
  if (p.moscow.stance !== scenario.levers.stance)
    need(
      'moscow',
      'stance',
      ['moscow', 'stance'],
      `for moscow switches its stance to ${JSON.stringify(p.moscow.stance)}`,
    );
  if (p.moscow.pairingFrom !== null)
    need(
      'moscow',
      'pairing',
      ['moscow', 'pairingFrom'],
      'for moscow pairs units with drone operators',
    );
  if (p.moscow.missileUnitsFrom !== null && p.moscow.missileUnitShare > 0)
    need(
      'moscow',
      'missileUnits',
      ['moscow', 'missileUnitsFrom'],
      'for moscow moves soldiers to missile units',
    );
  if (p.kyiv.targetNorthKoreansFrom !== null)
    need(
      'kyiv',
      'targeting',
      ['kyiv', 'targetNorthKoreansFrom'],
      'for kyiv targets North Korean units',
    );
  if (p.kyiv.withdrawFrom !== null)
    need('kyiv', 'posture', ['kyiv', 'withdrawFrom'], 'for kyiv withdraws from the salient');
  if (p.pyongyang.troopsBy.length > 0)
    need(
      'moscow',
      'assign',
      ['pyongyang', 'troopsBy'],
      'for moscow sends the North Korean soldiers to the front',
    );
  if (p.moscow.reinforceShare > 0)
    need(
      'moscow',
      'allocate',
      ['moscow', 'reinforceShare'],
      'for moscow sends reserves to the front',
    );
  if (p.kyiv.reinforceShare > 0)
    need('kyiv', 'allocate', ['kyiv', 'reinforceShare'], 'for kyiv sends reserves to the front');
  if (p.kyiv.publicise)
    need('kyiv', 'publicise', ['kyiv', 'publicise'], 'for kyiv publicises prisoners');
  if (p.kyiv.releaseEvidence)
    need('kyiv', 'evidence', ['kyiv', 'releaseEvidence'], 'for kyiv releases evidence');
}
