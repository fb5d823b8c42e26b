/**
 * Scenario events: a fixed vocabulary of conditions and effects, run by this small interpreter
 * (no eval, no expression library). Events are checked at the start of every turn.
 */
import { compareMonths, monthInTurn } from './calendar';
import { narrowUncertainty } from './intel';
import type { Rng } from './rng';
import { clamp, toCount } from './stocks';
import type {
  AdjustTarget,
  Condition,
  Effect,
  EventRules,
  GameState,
  LeverKey,
  TurnReport,
} from './types';

export function conditionHolds(state: GameState, c: Condition, rng: Rng): boolean {
  switch (c.type) {
    case 'always':
      return true;
    case 'metric': {
      const v = state.metrics[c.metric] ?? 0;
      switch (c.op) {
        case '>=':
          return v >= c.value;
        case '<=':
          return v <= c.value;
        case '>':
          return v > c.value;
        case '<':
          return v < c.value;
        case '==':
          return v === c.value;
      }
      return false;
    }
    case 'lever':
      return state.levers[c.lever] === c.equals;
    case 'flag':
      return state.flags.includes(c.flag);
    case 'chance':
      return rng.next() < c.probability;
    case 'all':
      return c.of.every((x) => conditionHolds(state, x, rng));
    case 'any':
      return c.of.some((x) => conditionHolds(state, x, rng));
    case 'not':
      return !conditionHolds(state, c.of, rng);
  }
}

function eventDue(state: GameState, e: EventRules, rng: Rng): boolean {
  const { date } = state.ctx;
  const months = state.rules.calendar.turnMonths;
  if (e.date !== undefined) {
    if (!monthInTurn(e.date, date, months)) return false;
    return e.condition === undefined || conditionHolds(state, e.condition, rng);
  }
  if (e.from !== undefined && compareMonths(date, e.from) < 0 && !monthInTurn(e.from, date, months))
    return false;
  if (e.until !== undefined && compareMonths(date, e.until) > 0) return false;
  return e.condition === undefined || conditionHolds(state, e.condition, rng);
}

const ADJUST: Record<AdjustTarget, (s: GameState, by: number) => void> = {
  'moscow.scrutiny': (s, by) => (s.politics.scrutiny = clamp(s.politics.scrutiny + by, 0, 100)),
  'kyiv.support': (s, by) => (s.politics.support = clamp(s.politics.support + by, 0, 100)),
  'pyongyang.regimeControl': (s, by) =>
    (s.politics.regimeControl = clamp(s.politics.regimeControl + by, 0, 100)),
  'pyongyang.dissentRisk': (s, by) =>
    (s.politics.dissentRisk = clamp(s.politics.dissentRisk + by, 0, 100)),
  'expedition.morale': (s, by) => (s.expedition.morale = clamp(s.expedition.morale + by, 0, 100)),
  'expedition.droneAwareness': (s, by) =>
    (s.expedition.droneAwareness = clamp(s.expedition.droneAwareness + by, 0, 100)),
};

export function applyEffect(state: GameState, effect: Effect): void {
  switch (effect.type) {
    case 'adjust':
      ADJUST[effect.target](state, effect.by);
      return;
    case 'stock': {
      // Events are how goods enter from outside the three capitals (aid, production shocks).
      const stocks = state.stocks[effect.capital];
      stocks[effect.item] = toCount(stocks[effect.item] + effect.by);
      return;
    }
    case 'intel':
      narrowUncertainty(state, effect.observer, effect.about, effect.narrow);
      return;
    case 'flag':
      if (!state.flags.includes(effect.flag)) state.flags.push(effect.flag);
      return;
    case 'lever':
      setLever(state, effect.lever, effect.value);
      return;
  }
}

function setLever(state: GameState, lever: LeverKey, value: string | number | boolean): void {
  // The scenario validator checks the value's type against the lever; the cast is safe here.
  (state.levers as unknown as Record<string, unknown>)[lever] = value;
}

/** Fires every event due at the start of the current turn; returns how many fired. */
export function fireEvents(state: GameState, rng: Rng, report: TurnReport | null): number {
  let fired = 0;
  for (const e of state.rules.events) {
    if (state.firedEvents.includes(e.id)) continue;
    if (!eventDue(state, e, rng)) continue;
    fireEvent(state, e);
    report?.events.push(e.id);
    fired++;
  }
  return fired;
}

/** Applies one event now: its effects, its news item, and the mark that keeps it from firing again. */
export function fireEvent(state: GameState, e: EventRules, injected = false): void {
  state.firedEvents.push(e.id);
  for (const effect of e.effects) applyEffect(state, effect);
  state.news.push({
    turn: state.ctx.turn,
    date: state.ctx.date,
    kind: 'event',
    title: e.title,
    text: e.text,
    cites: [...e.cites],
    eventId: e.id,
    ...(injected ? { injected: true as const } : {}),
  });
}
