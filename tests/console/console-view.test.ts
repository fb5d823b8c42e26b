import { describe, expect, it } from 'vitest';
import { createGame } from '../../src/engine';
import { ConsoleDiff, consoleFigures, consoleCommandSchema, patchRoom, stallOf, STALL_QUIET_MS, STALL_WAITING_MS, type ConsoleRoom } from '../../src/rooms/console-view';
import type { SeatStatus } from '../../src/rooms/protocol';
import { newClock } from '../../src/rooms/turn-clock';
import { builtInRules } from '../helpers/rules';

const NAMES = { pyongyang: 'Pyongyang', moscow: 'Moscow', kyiv: 'Kyiv' };
const T0 = 1_800_000_000_000;

function seat(capital: SeatStatus['capital'], over: Partial<SeatStatus> = {}): SeatStatus {
  return { capital, kind: 'human', pseudonym: capital, connected: true, ended: false, claimed: false, ...over };
}

function room(over: { seats?: SeatStatus[]; paused?: boolean; deadline?: number | null; phase?: 'waiting' | 'playing' | 'finished'; endedAt?: ConsoleRoom['endedAt']; lastActivityAt?: number } = {}): ConsoleRoom {
  return {
    summary: {
      id: 'room-1', classCode: 'ABCDEF', number: 1, phase: over.phase ?? 'playing', turn: 2, turns: 12, date: '2024-11',
      seats: over.seats ?? [seat('pyongyang'), seat('moscow'), seat('kyiv')], seq: 5,
      deadline: over.deadline ?? null, paused: over.paused ?? false, resultId: null, updatedAt: T0,
    },
    turnStartedAt: T0, endedAt: over.endedAt ?? {}, lastActivityAt: over.lastActivityAt ?? T0, clock: newClock(null),
    scores: { pyongyang: 1, moscow: 2, kyiv: 3 }, humanCost: { sent: 0, killed: 0, wounded: 0, captured: 0, familiesAtRisk: 0, russianKilled: 0, ukrainianKilled: 0 },
    offers: [], deals: [], messages: [], muted: [], injectable: [],
  };
}

describe('stall alerts', () => {
  it('a room where no student is connected needs attention at once', () => {
    const r = room({ seats: [seat('pyongyang', { connected: false }), seat('moscow', { connected: false }), seat('kyiv', { kind: 'computer', connected: false })] });
    expect(stallOf(r, T0, NAMES)).toBe('No student in this room is connected.');
    const one = room({ seats: [seat('pyongyang'), seat('moscow', { connected: false }), seat('kyiv', { connected: false })] });
    expect(stallOf(one, T0, NAMES)).toBeNull();
  });

  it('one seat keeping the others waiting (no deadline) is named, after three minutes, not before', () => {
    const r = room({ seats: [seat('pyongyang', { ended: true }), seat('moscow'), seat('kyiv', { ended: true })], endedAt: { pyongyang: T0, kyiv: T0 + 60_000 }, lastActivityAt: T0 + 60_000 });
    expect(stallOf(r, T0 + 60_000 + STALL_WAITING_MS - 1, NAMES)).toBeNull();
    expect(stallOf(r, T0 + 60_000 + STALL_WAITING_MS, NAMES)).toBe('Moscow has kept the others waiting for 3 minutes.');
    // With a deadline the clock will end the turn: no alert for waiting.
    expect(stallOf({ ...r, summary: { ...r.summary, deadline: T0 + 999_999 } }, T0 + 60_000 + STALL_WAITING_MS, NAMES)).toBeNull();
  });

  it('nothing happening for four minutes needs attention; paused, waiting and finished rooms never stall', () => {
    const r = room();
    expect(stallOf(r, T0 + STALL_QUIET_MS - 1, NAMES)).toBeNull();
    expect(stallOf(r, T0 + STALL_QUIET_MS, NAMES)).toBe('Nothing has happened for 4 minutes.');
    for (const quiet of [room({ paused: true }), room({ phase: 'waiting' }), room({ phase: 'finished' })])
      expect(stallOf(quiet, T0 + 60 * STALL_QUIET_MS, NAMES)).toBeNull();
  });
});

describe('what the console shows of a game', () => {
  it('scores, the human cost, open offers only, and the events still to come', () => {
    const s = createGame(builtInRules(), { seed: 'console', figureChoices: { default: 'central' } });
    s.human.killed = 7;
    s.offers.push(
      { id: 1, from: 'moscow', to: 'pyongyang', give: { oil: 10 }, get: { ammunition: 5 }, turns: 1, madeOnTurn: 1, status: 'open' },
      { id: 2, from: 'moscow', to: 'pyongyang', give: { oil: 1 }, get: {}, turns: 1, madeOnTurn: 1, status: 'rejected' },
    );
    const f = consoleFigures(s);
    expect(f.scores.moscow).toBe(s.metrics['moscow.score']);
    expect(f.humanCost.killed).toBe(7);
    expect(f.offers.map((o) => o.id)).toEqual([1]);
    expect(f.injectable.map((e) => e.id)).not.toContain('reports-surface');
    expect(f.injectable.length).toBe(s.rules.events.length - s.firedEvents.length);
    s.ctx.phase = 'over';
    expect(consoleFigures(s).injectable).toEqual([]);
  });

  it('console commands are checked strictly', () => {
    expect(consoleCommandSchema.safeParse({ kind: 'deadline', seconds: 240 }).success).toBe(true);
    for (const bad of [{ kind: 'deadline', seconds: 0 }, { kind: 'deadline', seconds: 1.5 }, { kind: 'extend', seconds: 99999 }, { kind: 'mute', seat: 'washington', muted: true }, { kind: 'pause', extra: 1 }, { kind: 'hide', message: '<script>', hidden: true }, { kind: 'launch' }])
      expect(consoleCommandSchema.safeParse(bad).success, JSON.stringify(bad)).toBe(false);
  });
});

describe('console frames carry only what changed', () => {
  it('a room comes whole first, then as its summary plus the fields that changed; the merge gives the room back', () => {
    const diff = new ConsoleDiff();
    const first = room();
    expect(diff.patch(first)).toEqual(first);
    // Nothing changed: no patch at all.
    expect(diff.patch(room())).toBeNull();
    // Only the log position moved: the summary alone (the console learns the room is up to date).
    const moved = room();
    moved.summary.seq = 6;
    expect(diff.patch(moved)).toEqual({ summary: moved.summary });
    // A score and the human cost changed: those fields and the summary, nothing else.
    const later = room();
    later.summary.seq = 9;
    later.scores = { pyongyang: 4, moscow: 2, kyiv: 3 };
    later.humanCost = { ...later.humanCost, killed: 12 };
    const p = diff.patch(later)!;
    expect(Object.keys(p).sort()).toEqual(['humanCost', 'scores', 'summary']);
    expect(patchRoom(patchRoom(first, { summary: moved.summary }), p)).toEqual(later);
    // Another console keeps its own account: it gets the whole room.
    expect(new ConsoleDiff().patch(later)).toEqual(later);
  });
});
