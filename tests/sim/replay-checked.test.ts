// Verifying records as played (src/sim/replay-checked.ts): every computer player's record parses
// strictly and verifies; changing, adding or dropping one computer order is found, with the turn
// and seat; a person's orders are only checked for legality.
import { createHash } from 'node:crypto';

import { describe, expect, it } from 'vitest';

import { getBot } from '../../src/ai';
import { createGameStore, type KeyValueStorage } from '../../src/store';

import { CAPITALS, type Capital, type GameRecord, type Seats } from '../../src/engine';
import { canonicalJson } from '../../src/scenario/hash';
import { canonicalFigures, checkRecord, runIdentity } from '../../src/sim/record-schema';
import { replayChecked } from '../../src/sim/replay-checked';
import { playGame, recordOf } from '../../src/sim/play';
import { playWithPeople } from '../helpers/people';
import { builtInRules } from '../helpers/rules';

const rules = builtInRules();
const clone = <T>(v: T): T => JSON.parse(JSON.stringify(v)) as T;

function played(seed: string, seats: Seats, humans: Capital[] = []): GameRecord {
  if (humans.length === 0) return recordOf(playGame(rules, { seed, seats }), seats);
  return playWithPeople(rules, seed, seats, Object.fromEntries(humans.map((c) => [c, seats[c]])));
}

describe('records of every computer player', () => {
  it.each(['historical', 'hawk', 'dove', 'opportunist', 'random', 'search:easy'])(
    '%s: parses strictly and verifies, as computer and as a person',
    (player) => {
      const seats = { pyongyang: player, moscow: 'historical', kyiv: player };
      const record = played(`every-${player}`, seats);
      const parsed = checkRecord(JSON.parse(JSON.stringify(record)));
      expect(parsed.ok, parsed.ok ? '' : parsed.errors.join('\n')).toBe(true);
      expect(replayChecked(record, rules).ok).toBe(true);
      const asPerson = played(`every-${player}`, seats, ['pyongyang']);
      expect(asPerson.seats.pyongyang).toBe('human');
      expect(replayChecked(asPerson, rules).ok).toBe(true);
    },
    60_000,
  );
});

describe('computer seats are recomputed', () => {
  const record = played('checked', { pyongyang: 'historical', moscow: 'random', kyiv: 'dove' }, [
    'moscow',
  ]);

  it('a genuine record verifies with the replay state the engine gives', () => {
    const r = replayChecked(record, rules);
    expect(r.ok).toBe(true);
    if (r.ok) expect(r.value.state.turnHashes).toEqual(record.turnHashes);
  });

  it('an order added to a computer turn is found, with its turn and seat', () => {
    const r = clone(record);
    // Kyiv's third turn: find its endTurn and slip an order before it.
    const ends = r.actions.flatMap((a, i) =>
      a.seat === 'kyiv' && a.type === 'endTurn' ? [i] : [],
    );
    r.actions.splice(ends[2]!, 0, { type: 'setTargeting', seat: 'kyiv', on: false });
    const out = replayChecked(r, rules);
    expect(out.ok).toBe(false);
    if (out.ok) return;
    expect(out.error.kind).toBe('computer-moves');
    if (out.error.kind !== 'computer-moves') return;
    expect(out.error.seat).toBe('kyiv');
    expect(out.error.turn).toBe(3);
    expect(out.error.index).toBe(ends[2]);
    expect(out.error.message).toMatch(/Kyiv is played by the computer \(dove\).*turn 3/);
  });

  it('a changed amount in a computer order is found', () => {
    const r = clone(record);
    const i = r.actions.findIndex((a) => a.seat === 'pyongyang' && a.type !== 'endTurn');
    const a = r.actions[i] as unknown as Record<string, unknown>;
    const key = Object.keys(a).find((k) => typeof a[k] === 'number');
    expect(key).toBeDefined();
    a[key!] = (a[key!] as number) + 1;
    const out = replayChecked(r, rules);
    expect(out.ok ? 'ok' : out.error.kind).toMatch(/computer-moves|illegal-action/);
  });

  it('a record that stops while the computer still plays says so', () => {
    const r = clone(record);
    const firstKyiv = r.actions.findIndex((a) => a.seat === 'kyiv');
    r.actions = r.actions.slice(0, firstKyiv + 1);
    r.turnHashes = [];
    const out = replayChecked(r, rules);
    expect(out.ok ? 'ok' : out.error.kind).toBe('ends-early');
  });

  it('orders after the end of the game are refused', () => {
    const r = clone(record);
    r.actions.push({ type: 'endTurn', seat: 'moscow' });
    const out = replayChecked(r, rules);
    expect(out.ok ? 'ok' : out.error.kind).toBe('illegal-action');
  });

  it('a deadline already past stops the replay', () => {
    const out = replayChecked(record, rules, { deadline: performance.now() - 1 });
    expect(out.ok ? 'ok' : out.error.kind).toBe('over-time');
  });
});

describe('run identity', () => {
  const record = played(
    'identity',
    { pyongyang: 'historical', moscow: 'random', kyiv: 'historical' },
    ['moscow'],
  );
  const id = runIdentity(record);

  it('ignores spelling: key order, turn-hash claims, an empty per-figure map, notes', () => {
    const respelled = JSON.parse(
      JSON.stringify(Object.fromEntries(Object.entries(record).reverse())),
    ) as GameRecord;
    respelled.turnHashes = [];
    respelled.figureChoices = { default: 'central', byFigure: {} };
    expect(runIdentity(respelled)).toBe(id);
  });

  it.each([
    ['the seed', (r: GameRecord) => (r.seed = `${r.seed}!`)],
    ['a seat', (r: GameRecord) => (r.seats.kyiv = 'human')],
    ['the figures', (r: GameRecord) => (r.figureChoices = { default: 'high' })],
    ['the scenario', (r: GameRecord) => (r.scenario = { ...r.scenario, hash: '0123456789abcdef' })],
    ['an order', (r: GameRecord) => r.actions.pop()],
    ['the engine', (r: GameRecord) => (r.engineVersion = '0.0.0')],
  ])('changes with %s', (_what, change) => {
    const r = clone(record);
    change(r);
    expect(runIdentity(r)).not.toBe(id);
  });

  it('covers every seat', () => {
    for (const c of CAPITALS) {
      const r = clone(record);
      r.seats[c] = r.seats[c] === 'dove' ? 'hawk' : 'dove';
      expect(runIdentity(r)).not.toBe(id);
    }
  });

  // Stored results are deduplicated by this text's digest: it must never change, or a run stored
  // before would be accepted again as new.
  it('is the canonical JSON of what determines the run, and never changes', () => {
    const definition = (r: GameRecord) =>
      canonicalJson({
        engineVersion: r.engineVersion,
        scenario: r.scenario.hash,
        seed: r.seed,
        figureChoices: canonicalFigures(r.figureChoices),
        seats: r.seats,
        actions: r.actions.map((a) => ({ ...a, note: undefined, reason: undefined })),
      });
    expect(id).toBe(definition(record));
    const pinned = {
      formatVersion: 1,
      engineVersion: '9.9.9',
      scenario: { id: 'historical-2024', hash: '0123456789abcdef' },
      seed: 'pinned "seed" ü',
      figureChoices: { default: 'central', byFigure: { 'b.fig': 'high', 'a.fig': 'central' } },
      seats: { pyongyang: 'human', moscow: 'historical', kyiv: 'random' },
      actions: [
        {
          type: 'offer',
          seat: 'moscow',
          to: 'pyongyang',
          give: { drones: 3, ammunition: 1.5 },
          get: {},
          turns: 2,
          note: 'left out',
        },
        { type: 'reject', seat: 'pyongyang', offerId: 7, reason: 'left out' },
        { seat: 'kyiv', type: 'allocate', troops: 100, sector: 'kursk', drones: 0 },
        { type: 'endTurn', seat: 'kyiv' },
      ],
      turnHashes: ['fedcba9876543210'],
    } as unknown as GameRecord;
    expect(runIdentity(pinned)).toBe(definition(pinned));
    expect(createHash('sha256').update(runIdentity(pinned)).digest('hex')).toBe(
      '211a40fa9abe4ef5655d277866c60b783aa5e30921df4e16cdb7cea1c30be02b',
    );
    expect(runIdentity({ ...pinned, actions: [] })).toBe(definition({ ...pinned, actions: [] }));
  });
});

describe('records the game saves', () => {
  function memoryStorage(): KeyValueStorage {
    const data = new Map<string, string>();
    return {
      getItem: (k) => data.get(k) ?? null,
      setItem: (k, v) => void data.set(k, v),
      removeItem: (k) => void data.delete(k),
    };
  }

  it.each(['opportunist', 'random'])(
    'a person (played like %s, offers included) against computers: the saved record verifies',
    (standIn) => {
      const store = createGameStore(memoryStorage(), () => '2026-11-27T00:00:00Z');
      const seats = { pyongyang: 'opportunist', moscow: 'human', kyiv: 'dove' } as const;
      store
        .getState()
        .newGame({ rules, seed: `store-${standIn}`, figureChoices: { default: 'central' }, seats });
      const bot = getBot(standIn)!;
      let offers = 0;
      for (
        let guard = 0;
        guard < 50 && store.getState().session!.state.ctx.phase !== 'over';
        guard++
      ) {
        const state = store.getState().session!.state;
        // An offer to a computer seat: it answers at once, within Moscow's turn.
        const offer = {
          type: 'offer',
          seat: 'moscow',
          to: 'pyongyang',
          give: { oil: 1000 + guard },
          get: { ammunition: 2000 },
          turns: 1,
        } as const;
        if (store.getState().dispatch(offer) === null) offers++;
        for (const a of bot.decide(state, 'moscow')) {
          if (a.type === 'endTurn') break;
          store.getState().dispatch(a);
        }
        store.getState().dispatch({ type: 'endTurn', seat: 'moscow' });
        store.getState().confirmHandoff();
      }
      const record = store.getState().record()!;
      expect(record.turnHashes.length).toBe(rules.calendar.turns);
      const out = replayChecked(record, rules);
      expect(out.ok, out.ok ? '' : out.error.message).toBe(true);
      expect(offers).toBeGreaterThan(0);
      expect(record.actions.some((a) => a.seat === 'pyongyang' && 'offerId' in a)).toBe(true);
    },
    60_000,
  );
});
