/**
 * Scenario (as written, Quantities and all) + ledger + figure choices -> the engine's Rules
 * (plain numbers). Run it on a scenario that passed checkScenario: a figure reference that
 * leads nowhere is a programming error here, and throws.
 */
import type {
  Bundle,
  Capital,
  CapitalRules,
  Condition,
  Effect,
  FigureChoices,
  Item,
  Objective,
  PolicyRules,
  Rules,
  Stocks,
} from '../engine/types';
import { figureValue } from '../ledger/query';
import type { Ledger } from '../ledger/schema';
import { isFigureRef, type QuantityKind } from './quantities';
import type { Quantity, Scenario, ScenarioCondition, ScenarioEffect } from './schema';
import { CAPITALS, ITEMS } from './vocab';

/** The number a quantity stands for under `choices` (see QuantityKind for rounding). */
export function resolveQuantity(
  q: Quantity,
  ledger: Ledger,
  choices: FigureChoices,
  kind: QuantityKind = 'amount',
): number {
  const count = kind !== 'amount';
  if (typeof q === 'number') return count ? Math.round(q) : q;
  if (isFigureRef(q)) {
    const choice = choices.byFigure?.[q.figure] ?? choices.default;
    const base = figureValue(ledger, q.figure, choice);
    if (base === undefined) {
      throw new Error(
        `figure ${JSON.stringify(q.figure)} has no number in the ledger: run checkScenario before resolveScenario`,
      );
    }
    const value = base * (q.scale ?? 1);
    return (q.round ?? count) ? Math.round(value) : value;
  }
  return count ? Math.round(q.value) : q.value;
}

/**
 * The engine's Rules for `scenario`: every Quantity replaced by a number under `choices`,
 * missing stock items filled with 0, everything else copied (no object is shared with the
 * scenario). `hash` is the scenario's hash (scenarioHash), recorded in the Rules.
 */
export function resolveScenario(
  scenario: Scenario,
  ledger: Ledger,
  choices: FigureChoices,
  hash: string,
): Rules {
  const q = (value: Quantity, kind: QuantityKind = 'amount') =>
    resolveQuantity(value, ledger, choices, kind);

  const bundle = (b: Partial<Record<Item, Quantity>>, kind: QuantityKind): Bundle => {
    const out: Bundle = {};
    for (const item of ITEMS) {
      const v = b[item];
      if (v !== undefined) out[item] = q(v, kind);
    }
    return out;
  };

  const stocks = (b: Partial<Record<Item, Quantity>>): Stocks => {
    const out = {} as Stocks;
    for (const item of ITEMS) {
      const v = b[item];
      out[item] = v === undefined ? 0 : q(v, 'count');
    }
    return out;
  };

  const capitals = {} as Record<Capital, CapitalRules>;
  const scoring = {} as Record<Capital, Objective[]>;
  for (const c of CAPITALS) {
    const src = scenario.capitals[c];
    capitals[c] = {
      name: src.name,
      playable: src.playable,
      stocks: stocks(src.stocks),
      income: bundle(src.income, 'amount'),
      levers: [...src.levers],
    };
    scoring[c] = scenario.scoring[c].map((o) => ({ ...o }));
  }

  const condition = (c: ScenarioCondition): Condition => {
    switch (c.type) {
      case 'metric':
        return { ...c, value: q(c.value) };
      case 'all':
      case 'any':
        return { type: c.type, of: c.of.map(condition) };
      case 'not':
        return { type: 'not', of: condition(c.of) };
      default:
        return { ...c };
    }
  };

  const effect = (e: ScenarioEffect): Effect => {
    switch (e.type) {
      case 'adjust':
        return { ...e, by: q(e.by) };
      case 'stock':
        return { ...e, by: q(e.by, 'change') };
      default:
        return { ...e };
    }
  };

  const d = scenario.alreadyDelivered;
  return {
    scenarioId: scenario.id,
    scenarioHash: hash,
    title: scenario.title,
    calendar: { ...scenario.calendar },
    order: [...scenario.order],
    capitals,
    alreadyDelivered: {
      troops: q(d.troops, 'count'),
      ammunition: q(d.ammunition, 'count'),
      workers: q(d.workers, 'count'),
    },
    sectors: scenario.sectors.map((s) => ({
      id: s.id,
      name: s.name,
      control: s.control,
      russianTroops: q(s.russianTroops, 'count'),
      ukrainianTroops: q(s.ukrainianTroops, 'count'),
      ukrainianDrones: q(s.ukrainianDrones, 'count'),
      map: { ...s.map },
    })),
    combat: structuredCopy(scenario.combat),
    trade: {
      ...scenario.trade,
      routes: scenario.trade.routes.map((r) => ({ ...r, items: [...r.items] })),
    },
    politics: structuredCopy(scenario.politics),
    intel: { ...scenario.intel },
    levers: { ...scenario.levers, trainingMonths: { ...scenario.levers.trainingMonths } },
    events: scenario.events.map((e) => ({
      id: e.id,
      title: e.title,
      text: e.text,
      ...(e.date !== undefined && { date: e.date }),
      ...(e.condition !== undefined && { condition: condition(e.condition) }),
      ...(e.from !== undefined && { from: e.from }),
      ...(e.until !== undefined && { until: e.until }),
      effects: e.effects.map(effect),
      cites: [...e.cites],
    })),
    scoring,
    limits: { ...scenario.limits },
    policies: resolvePolicies(scenario, ledger, choices),
  };
}

/**
 * The computer players' data with numbers. A scenario without policies gets a passive plan:
 * levers left where they start, no offers, no reinforcements, every item valued at 0.
 */
export function resolvePolicies(
  scenario: Scenario,
  ledger: Ledger,
  choices: FigureChoices,
): PolicyRules {
  const q = (value: Quantity, kind: QuantityKind) => resolveQuantity(value, ledger, choices, kind);
  const bundle = (b: Partial<Record<Item, Quantity>>, kind: QuantityKind): Bundle => {
    const out: Bundle = {};
    for (const item of ITEMS) {
      const v = b[item];
      if (v !== undefined) out[item] = q(v, kind);
    }
    return out;
  };
  const p = scenario.policies;
  if (p === undefined) {
    return {
      historical: {
        pyongyang: {
          troopsBy: [],
          askPerThousandTroops: {},
          offers: [],
          trainingMonths: scenario.levers.trainingMonths.start,
          information: scenario.levers.information,
        },
        moscow: {
          pairingFrom: null,
          missileUnitsFrom: null,
          missileUnitShare: 0,
          stance: scenario.levers.stance,
          reinforceShare: 0,
        },
        kyiv: {
          targetNorthKoreansFrom: null,
          publicise: false,
          releaseEvidence: false,
          withdrawFrom: null,
          reinforceShare: 0,
        },
      },
      values: { pyongyang: {}, moscow: {}, kyiv: {} },
      counterAbove: 1,
    };
  }
  const h = p.historical;
  return {
    historical: {
      pyongyang: {
        troopsBy: h.pyongyang.troopsBy.map((s) => ({ date: s.date, total: q(s.total, 'count') })),
        askPerThousandTroops: bundle(h.pyongyang.askPerThousandTroops, 'amount'),
        offers: h.pyongyang.offers.map((o) => ({
          date: o.date,
          give: bundle(o.give, 'count'),
          get: bundle(o.get, 'count'),
          turns: o.turns,
        })),
        trainingMonths: h.pyongyang.trainingMonths,
        information: h.pyongyang.information,
      },
      moscow: { ...h.moscow },
      kyiv: { ...h.kyiv },
    },
    values: {
      pyongyang: { ...p.values.pyongyang },
      moscow: { ...p.values.moscow },
      kyiv: { ...p.values.kyiv },
    },
    counterAbove: p.counterAbove,
  };
}

/** A deep copy of plain data (numbers, strings, nested objects): no Node or DOM API needed. */
function structuredCopy<T>(value: T): T {
  return JSON.parse(JSON.stringify(value)) as T;
}
