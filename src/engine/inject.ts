/**
 * The teacher's injects: news dropped into a running game. An inject is an action in the log like
 * any order, so a record with injects replays and verifies; the engine checks it like any other.
 */
import { fireEvent } from './events';
import { computeMetrics } from './metrics';
import type { EngineError, GameState, InjectAction, Result } from './types';

/** Bounds on a plain news item's text (the teacher types it; students read it). */
export const INJECT_TITLE_MAX = 120;
export const INJECT_TEXT_MAX = 600;

function err(code: EngineError['code'], message: string): Result<never> {
  return { ok: false, error: { code, message } };
}

function text(v: unknown): string | null {
  return typeof v === 'string' ? v.trim() : null;
}

export function applyInject(state: GameState, a: InjectAction): Result<void> {
  const hasEvent = 'event' in a && a.event !== undefined;
  const hasNews = 'news' in a && a.news !== undefined;
  if (hasEvent === hasNews) return err('bad-value', 'an inject names either one scenario event or one news item');
  if (hasEvent) {
    const id = (a as { event: unknown }).event;
    const event = typeof id === 'string' ? state.rules.events.find((e) => e.id === id) : undefined;
    if (!event) return err('unknown-event', `this scenario has no event "${String(id)}"`);
    if (state.firedEvents.includes(event.id)) return err('event-fired', `"${event.title}" has already happened in this game`);
    fireEvent(state, event, true);
    // Effects move politics and stocks: the figures players and the console read follow at once.
    state.metrics = computeMetrics(state);
    return { ok: true, value: undefined };
  }
  const news = (a as { news: unknown }).news;
  const n = news !== null && typeof news === 'object' ? (news as Record<string, unknown>) : {};
  const title = text(n.title);
  const body = text(n.text) ?? '';
  if (!title) return err('bad-value', 'a news item needs a headline');
  if (title.length > INJECT_TITLE_MAX) return err('bad-value', `a headline is at most ${INJECT_TITLE_MAX} characters`);
  if (body.length > INJECT_TEXT_MAX) return err('bad-value', `a news text is at most ${INJECT_TEXT_MAX} characters`);
  state.news.push({
    turn: state.ctx.turn,
    date: state.ctx.date,
    kind: 'teacher',
    title,
    text: body,
    cites: [],
    injected: true,
  });
  return { ok: true, value: undefined };
}

/** The headline an inject shows: its event's title, or the teacher's own headline. */
export function injectHeadline(rules: GameState['rules'], a: InjectAction): string {
  if ('event' in a) return rules.events.find((e) => e.id === a.event)?.title ?? 'an event';
  return a.news.title;
}
