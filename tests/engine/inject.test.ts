import { describe, expect, it } from 'vitest';
import {
  applyAction,
  applyInPlace,
  createGame,
  hashState,
  makeRecord,
  replay,
  type Action,
  type GameState,
} from '../../src/engine';
import { playGame } from '../../src/sim/play';
import { builtInRules, HISTORICAL_SEATS } from '../helpers/rules';

const rules = builtInRules();
const fresh = (): GameState => createGame(rules, { seed: 'inject', figureChoices: { default: 'central' } });
const inject = (event: string): Action => ({ type: 'inject', seat: 'teacher', event });
const news = (title: string, text = ''): Action => ({ type: 'inject', seat: 'teacher', news: { title, text } });

function mustApply(state: GameState, a: Action): void {
  const r = applyInPlace(state, a);
  if (!r.ok) throw new Error(r.error.message);
}

function errorOf(state: GameState, a: Action): string {
  const r = applyAction(state, a);
  if (r.ok) throw new Error(`${JSON.stringify(a)} was accepted`);
  return r.error.code;
}

function endTurn(state: GameState): void {
  const turn = state.ctx.turn;
  while (state.ctx.turn === turn && state.ctx.phase !== 'over') mustApply(state, { type: 'endTurn', seat: state.ctx.seat });
}

describe('teacher injects a scenario event', () => {
  it('applies the event now, once: its effects, its news, and it does not fire again on its own date', () => {
    const s = fresh();
    // Zelensky's warning is dated November 2024 (turn 2) and raises Kyiv's support by 3.
    expect(s.firedEvents).not.toContain('zelensky-warning');
    const support = s.politics.support;
    mustApply(s, inject('zelensky-warning'));
    expect(s.politics.support).toBe(support + 3);
    expect(s.firedEvents).toContain('zelensky-warning');
    const item = s.news.at(-1)!;
    expect(item).toMatchObject({ kind: 'event', eventId: 'zelensky-warning', injected: true, turn: 1 });
    expect(item.title).toBe(rules.events.find((e) => e.id === 'zelensky-warning')!.title);
    endTurn(s);
    expect(s.ctx.date).toBe('2024-11');
    expect(s.news.filter((n) => n.eventId === 'zelensky-warning')).toHaveLength(1);
  });

  it('moves the figures the console and the players read at once (metrics follow the effect)', () => {
    const s = fresh();
    const before = s.metrics['moscow.scrutiny'];
    mustApply(s, inject('nuclear-claim'));
    expect(s.metrics['moscow.scrutiny']).toBe((before ?? 0) + 3);
  });

  it('is accepted whichever capital is giving orders, and counts as an action in the log', () => {
    const s = fresh();
    mustApply(s, { type: 'endTurn', seat: s.ctx.seat });
    const seat = s.ctx.seat;
    expect(seat).not.toBe(rules.order[0]);
    const count = s.ctx.actionCount;
    mustApply(s, inject('official-denials'));
    expect(s.ctx.seat).toBe(seat);
    expect(s.ctx.actionCount).toBe(count + 1);
  });

  it('refuses an event the scenario does not define, and one that has already happened', () => {
    const s = fresh();
    expect(errorOf(s, inject('moon-landing'))).toBe('unknown-event');
    expect(s.firedEvents).toContain('reports-surface');
    expect(errorOf(s, inject('reports-surface'))).toBe('event-fired');
    mustApply(s, inject('zelensky-warning'));
    expect(errorOf(s, inject('zelensky-warning'))).toBe('event-fired');
  });

  it('only the teacher injects, and the teacher gives no capital orders', () => {
    const s = fresh();
    const hash = hashState(s);
    for (const seat of ['pyongyang', 'moscow', 'kyiv'] as const)
      expect(errorOf(s, { type: 'inject', seat, event: 'zelensky-warning' } as unknown as Action)).toBe('not-your-turn');
    expect(errorOf(s, { type: 'inject', seat: 'student', event: 'zelensky-warning' } as unknown as Action)).toBe('not-your-turn');
    expect(errorOf(s, { type: 'endTurn', seat: 'teacher' } as unknown as Action)).toBe('not-your-turn');
    expect(errorOf(s, { type: 'setStance', seat: 'teacher', stance: 'confirm' } as unknown as Action)).toBe('not-your-turn');
    expect(hashState(s)).toBe(hash);
    expect(s.firedEvents).not.toContain('zelensky-warning');
  });

  it('is refused once the game is over', () => {
    const played = playGame(rules, { seed: 'over', seats: HISTORICAL_SEATS });
    expect(played.state.ctx.phase).toBe('over');
    expect(errorOf(played.state, inject('returnees'))).toBe('game-over');
    expect(errorOf(played.state, news('Late news'))).toBe('game-over');
  });
});

describe('teacher sends plain news', () => {
  it('adds a news item for everyone and changes nothing in the world', () => {
    const s = fresh();
    const world = JSON.stringify({ ...s, news: [], ctx: { ...s.ctx, actionCount: 0 } });
    mustApply(s, news('  Talks in Geneva  ', 'Delegations meet next week.'));
    expect(s.news.at(-1)).toEqual({
      turn: 1,
      date: s.ctx.date,
      kind: 'teacher',
      title: 'Talks in Geneva',
      text: 'Delegations meet next week.',
      cites: [],
      injected: true,
    });
    expect(s.news.at(-1)!.visibleTo).toBeUndefined();
    expect(JSON.stringify({ ...s, news: [], ctx: { ...s.ctx, actionCount: 0 } })).toBe(world);
  });

  it('refuses an empty or over-long headline or text, and an inject that is both event and news', () => {
    const s = fresh();
    expect(errorOf(s, news('   '))).toBe('bad-value');
    expect(errorOf(s, news('x'.repeat(121)))).toBe('bad-value');
    expect(errorOf(s, news('ok', 'y'.repeat(601)))).toBe('bad-value');
    expect(applyAction(s, news('x'.repeat(120), 'y'.repeat(600))).ok).toBe(true);
    expect(errorOf(s, { type: 'inject', seat: 'teacher', event: 'zelensky-warning', news: { title: 'a', text: '' } } as unknown as Action)).toBe('bad-value');
    expect(errorOf(s, { type: 'inject', seat: 'teacher' } as unknown as Action)).toBe('bad-value');
    expect(errorOf(s, { type: 'inject', seat: 'teacher', news: { title: 7 } } as unknown as Action)).toBe('bad-value');
    expect(errorOf(s, { type: 'inject', seat: 'teacher', news: null } as unknown as Action)).toBe('bad-value');
  });
});

describe('records with injects', () => {
  /** A historical game with the teacher's injects spliced in at turn 3 (event) and turn 5 (news). */
  function gameWithInjects(): { state: GameState; actions: Action[] } {
    const base = playGame(rules, { seed: 'rec-inject', seats: HISTORICAL_SEATS });
    const state = createGame(rules, { seed: 'rec-inject', figureChoices: { default: 'central' } });
    const actions: Action[] = [];
    let evented = false;
    let newsed = false;
    for (const a of base.actions) {
      if (!evented && state.ctx.turn === 3) {
        actions.push(inject('deaths-report'));
        mustApply(state, actions.at(-1)!);
        evented = true;
      }
      if (!newsed && state.ctx.turn === 5) {
        actions.push(news('Ceasefire rumours', 'Nothing is confirmed.'));
        mustApply(state, actions.at(-1)!);
        newsed = true;
      }
      const r = applyInPlace(state, a);
      if (r.ok) actions.push(a);
      else if (a.type === 'endTurn') throw new Error(r.error.message);
    }
    return { state, actions };
  }

  it('replay rebuilds the game with its injects and checks every turn hash', () => {
    const { state, actions } = gameWithInjects();
    expect(state.ctx.phase).toBe('over');
    const record = makeRecord(state, HISTORICAL_SEATS, actions);
    const r = replay(record, rules);
    expect(r.ok).toBe(true);
    if (r.ok) {
      expect(r.value.finalHash).toBe(hashState(state));
      expect(r.value.state.news.some((n) => n.kind === 'teacher' && n.title === 'Ceasefire rumours')).toBe(true);
    }
  });

  it('a record stripped of an inject no longer verifies', () => {
    const { state, actions } = gameWithInjects();
    const record = makeRecord(state, HISTORICAL_SEATS, actions);
    for (const kind of ['event', 'news'] as const) {
      const i = record.actions.findIndex((a) => a.type === 'inject' && kind in a);
      const stripped = { ...record, actions: record.actions.filter((_, j) => j !== i) };
      const r = replay(stripped, rules);
      expect(r.ok).toBe(false);
    }
  });
});
