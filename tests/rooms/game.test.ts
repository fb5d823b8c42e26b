import { describe, expect, it } from 'vitest';
import { getBot } from '../../src/ai';
import { CAPITALS, replay, type Capital } from '../../src/engine';
import { RoomGame, type LogEntry, type Order } from '../../src/server/rooms/game';
import { builtInRules } from '../helpers/rules';

const rules = builtInRules();

/** Stores an entry the way the service does: check first (orders), then apply at the next seq. */
function store(game: RoomGame, entry: LogEntry, log: LogEntry[]): string | null {
  if (entry.kind === 'order') {
    const why = game.check(entry.seat, entry.action);
    if (why) return why;
  }
  log.push(entry);
  game.apply(entry, game.seq + 1);
  return null;
}

/** Every human seat gives its bot's orders, seats taking turns in `order` (not the engine's). */
function playMonth(game: RoomGame, log: LogEntry[], order: Capital[], humans: Capital[], n: { id: number }): void {
  const bot = getBot('historical')!;
  const plans = new Map<Capital, Order[]>();
  for (const seat of order) if (humans.includes(seat)) plans.set(seat, bot.decide(game.viewState(seat)!, seat) as Order[]);
  for (const seat of order) {
    for (const a of plans.get(seat) ?? []) {
      if (game.ended(seat)) break;
      store(game, { kind: 'order', seat, id: `o${n.id++}`, action: a }, log);
    }
    if (humans.includes(seat) && !game.ended(seat) && !game.over) store(game, { kind: 'order', seat, id: `o${n.id++}`, action: { type: 'endTurn', seat } }, log);
  }
}

describe('a room game folds its log', () => {
  it('plays a whole game with simultaneous orders; its record verifies and a replay of the log gives the same hashes', () => {
    const game = new RoomGame(rules, 'room-seed', { default: 'central' }, 'historical');
    const log: LogEntry[] = [];
    store(game, { kind: 'start', humans: ['pyongyang', 'moscow', 'kyiv'] }, log);
    const n = { id: 0 };
    // Kyiv, then Moscow, then Pyongyang give their orders: the engine still applies them in its order.
    for (let i = 0; i < 40 && !game.over; i++) playMonth(game, log, ['kyiv', 'moscow', 'pyongyang'], [...CAPITALS], n);
    expect(game.over).toBe(true);
    const record = game.record();
    expect(record.seats).toEqual({ pyongyang: 'human', moscow: 'human', kyiv: 'human' });
    const r = replay(record, rules);
    expect(r.ok).toBe(true);
    // Another server rebuilding the room from the stored log reaches the very same game.
    const again = new RoomGame(rules, 'room-seed', { default: 'central' }, 'historical');
    log.forEach((e, i) => again.apply(e, i + 1));
    expect(again.state!.turnHashes).toEqual(game.state!.turnHashes);
    expect(again.actions).toEqual(game.actions);
  });

  it('every month that resolves is announced exactly once, whether the last seat ends it live or its end was queued', () => {
    // Engine order (the last seat ends the month while it holds the turn) and reverse order (the
    // month resolves while the earlier seats' queues run): both must name each month once.
    for (const order of [['pyongyang', 'moscow', 'kyiv'], ['kyiv', 'moscow', 'pyongyang']] as Capital[][]) {
      const game = new RoomGame(rules, 'announce', { default: 'central' }, 'historical');
      const announced: number[] = [];
      let seq = 0;
      const put = (entry: LogEntry) => {
        const a = game.apply(entry, ++seq);
        if (a.resolved !== null) announced.push(a.resolved);
      };
      put({ kind: 'start', humans: [...CAPITALS] });
      for (let month = 0; month < 3; month++) for (const seat of order) put({ kind: 'order', seat, id: `${seat}-${month}`, action: { type: 'endTurn', seat } });
      expect(game.state!.turnHashes).toHaveLength(3);
      expect(announced, order.join(' then ')).toEqual([1, 2, 3]);
    }
  });

  it('a seat waits for nobody: orders of a later seat wait in its queue and show in its own view only', () => {
    const game = new RoomGame(rules, 's', { default: 'central' }, 'historical');
    const log: LogEntry[] = [];
    store(game, { kind: 'start', humans: ['pyongyang', 'moscow', 'kyiv'] }, log);
    expect(game.state!.ctx.seat).toBe('pyongyang');
    const before = game.state!.levers.posture;
    const other = before === 'hold' ? 'withdraw' : 'hold';
    expect(store(game, { kind: 'order', seat: 'kyiv', id: 'k1', action: { type: 'setPosture', seat: 'kyiv', posture: other } }, log)).toBeNull();
    expect(game.state!.levers.posture).toBe(before);
    expect(game.viewState('kyiv')!.levers.posture).toBe(other);
    expect(game.viewState('moscow')!.levers.posture).toBe(before);
    expect(store(game, { kind: 'order', seat: 'kyiv', id: 'k2', action: { type: 'endTurn', seat: 'kyiv' } }, log)).toBeNull();
    expect(game.ended('kyiv')).toBe(true);
    expect(store(game, { kind: 'order', seat: 'kyiv', id: 'k3', action: { type: 'setPosture', seat: 'kyiv', posture: before } }, log)).toMatch(/ended/);
    // Pyongyang and Moscow end: the queue applies and the month resolves.
    store(game, { kind: 'order', seat: 'moscow', id: 'm1', action: { type: 'endTurn', seat: 'moscow' } }, log);
    expect(game.state!.turnHashes).toHaveLength(0);
    store(game, { kind: 'order', seat: 'pyongyang', id: 'p1', action: { type: 'endTurn', seat: 'pyongyang' } }, log);
    expect(game.state!.turnHashes).toHaveLength(1);
    expect(game.state!.levers.posture).toBe(other);
  });

  it("a waiting order's news shows in its seat's view only, never in the room's state or another seat's", () => {
    const game = new RoomGame(rules, 's', { default: 'central' }, 'historical');
    const log: LogEntry[] = [];
    store(game, { kind: 'start', humans: ['pyongyang', 'moscow', 'kyiv'] }, log);
    const news = game.state!.news.length;
    // Kyiv releases evidence while Pyongyang holds the month: the order waits in Kyiv's queue.
    expect(store(game, { kind: 'order', seat: 'kyiv', id: 'k1', action: { type: 'releaseEvidence', seat: 'kyiv', amount: 1 } }, log)).toBeNull();
    expect(game.viewState('kyiv')!.news).toHaveLength(news + 1);
    expect(game.state!.news).toHaveLength(news);
    expect(game.viewState('moscow')!.news).toHaveLength(news);
    // A live order (an offer) moves the room on; Kyiv's view still holds its waiting order's news once.
    expect(store(game, { kind: 'order', seat: 'moscow', id: 'm1', action: { type: 'offer', seat: 'moscow', to: 'pyongyang', give: { oil: 1 }, get: { ammunition: 1 }, turns: 1 } }, log)).toBeNull();
    expect(game.viewState('kyiv')!.news.filter((n) => n.title === game.viewState('kyiv')!.news.at(-1)!.title)).toHaveLength(1);
    expect(game.state!.news.some((n) => n.title.includes('evidence'))).toBe(false);
  });

  it('offers are live: Kyiv offers while Pyongyang holds the month, Pyongyang answers at once', () => {
    const game = new RoomGame(rules, 's', { default: 'central' }, 'historical');
    const log: LogEntry[] = [];
    store(game, { kind: 'start', humans: ['pyongyang', 'moscow'] }, log);
    // Kyiv is the computer here; Moscow offers Pyongyang oil for ammunition while Pyongyang holds the turn.
    const why = store(game, { kind: 'order', seat: 'moscow', id: 'm1', action: { type: 'offer', seat: 'moscow', to: 'pyongyang', give: { oil: 1 }, get: { ammunition: 1 }, turns: 1 } }, log);
    expect(why).toBeNull();
    const offer = game.state!.offers.find((o) => o.from === 'moscow' && o.status === 'open');
    expect(offer).toBeDefined();
    expect(store(game, { kind: 'order', seat: 'pyongyang', id: 'p1', action: { type: 'accept', seat: 'pyongyang', offerId: offer!.id } }, log)).toBeNull();
    expect(game.state!.deals.some((d) => d.offerId === offer!.id)).toBe(true);
  });

  it('a claimed computer seat turns human only when the month ends', () => {
    const game = new RoomGame(rules, 's', { default: 'central' }, 'historical');
    const log: LogEntry[] = [];
    store(game, { kind: 'start', humans: ['pyongyang'] }, log);
    store(game, { kind: 'claim', seat: 'kyiv' }, log);
    expect(game.control.kyiv).toBe('computer');
    expect(store(game, { kind: 'order', seat: 'kyiv', id: 'k1', action: { type: 'endTurn', seat: 'kyiv' } }, log)).toMatch(/computer plays/);
    store(game, { kind: 'order', seat: 'pyongyang', id: 'p1', action: { type: 'endTurn', seat: 'pyongyang' } }, log);
    expect(game.state!.turnHashes).toHaveLength(1);
    expect(game.control.kyiv).toBe('human');
    expect(game.state!.ctx.seat).toBe('pyongyang');
    // Moscow (computer) played its month; Kyiv now waits for its student.
    store(game, { kind: 'order', seat: 'pyongyang', id: 'p2', action: { type: 'endTurn', seat: 'pyongyang' } }, log);
    expect(game.state!.ctx.seat).toBe('kyiv');
    expect(game.record().seats).toEqual({ pyongyang: 'human', moscow: 'historical', kyiv: 'human' });
  });
});
