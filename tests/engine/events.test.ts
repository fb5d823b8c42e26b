import { describe, expect, it } from 'vitest';
import { applyInPlace, createGame, type GameState } from '../../src/engine';
import { playGame } from '../../src/sim/play';
import { builtInRules, HISTORICAL_SEATS } from '../helpers/rules';

function endTurns(s: GameState, n: number): void {
  for (let i = 0; i < n * 3 && s.ctx.phase !== 'over'; i++) applyInPlace(s, { type: 'endTurn', seat: s.ctx.seat });
}

describe('events', () => {
  it("October 2024's dated events are in the news at the start, with their cited figures", () => {
    const s = createGame(builtInRules(), { seed: 'e' });
    const ids = s.news.map((n) => n.eventId);
    expect(ids).toEqual(expect.arrayContaining(['reports-surface', 'uniform-video', 'pact-background']));
    expect(s.news.find((n) => n.eventId === 'uniform-video')!.cites).toContain('uniform-video');
    expect(s.stocks.kyiv.evidence).toBe(1); // the video is evidence Kyiv can release
  });

  it('a dated event fires in its month and only then', () => {
    const s = createGame(builtInRules(), { seed: 'e' });
    expect(s.firedEvents).not.toContain('zelensky-warning');
    endTurns(s, 1);
    expect(s.ctx.date).toBe('2024-11');
    expect(s.firedEvents).toContain('zelensky-warning');
  });

  it('conditional events wait for their condition: the deaths report follows 3,000 deaths', () => {
    const played = playGame(builtInRules(), { seed: 'cond', seats: HISTORICAL_SEATS });
    const s = played.state;
    const report = s.news.find((n) => n.eventId === 'deaths-report');
    expect(report).toBeDefined();
    const before = s.history.find((h) => h.turn === report!.turn - 1)!;
    expect(before.metrics['pyongyang.killed']).toBeGreaterThanOrEqual(3000);
    // A game where nobody is sent never reports deaths or prisoners.
    const quiet = createGame(builtInRules(), { seed: 'quiet' });
    endTurns(quiet, 12);
    expect(quiet.firedEvents).not.toContain('deaths-report');
    expect(quiet.firedEvents).not.toContain('prisoners-taken');
  });

  it('estimates of other capitals are ranges that contain the truth', () => {
    const played = playGame(builtInRules(), { seed: 'est', seats: HISTORICAL_SEATS });
    const s = played.state;
    const r = s.estimates.kyiv['pyongyang.troopsSent']!;
    const truth = s.metrics['pyongyang.troopsSent']!;
    expect(r.low).toBeLessThanOrEqual(truth);
    expect(r.high).toBeGreaterThanOrEqual(truth);
    expect(r.high - r.low).toBeGreaterThan(0);
    expect(s.estimates.pyongyang['pyongyang.troopsSent']).toBeUndefined(); // no estimate of oneself
  });
});
