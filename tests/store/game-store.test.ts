import { describe, expect, it } from 'vitest';
import { createGameStore, SAVE_KEY, type KeyValueStorage } from '../../src/store';
import { builtInRules } from '../helpers/rules';
import { replay } from '../../src/engine';

function memoryStorage(): KeyValueStorage & { data: Map<string, string> } {
  const data = new Map<string, string>();
  return { data, getItem: (k) => data.get(k) ?? null, setItem: (k, v) => void data.set(k, v), removeItem: (k) => void data.delete(k) };
}

const NOW = () => '2026-11-22T10:00:00Z';
const SOLO = { pyongyang: 'historical', moscow: 'historical', kyiv: 'human' };

function newStore(seats: Record<string, string> = SOLO) {
  const storage = memoryStorage();
  const store = createGameStore(storage, NOW);
  store.getState().newGame({ rules: builtInRules(), seed: 'store', figureChoices: { default: 'central' }, seats: seats as never });
  return { store, storage };
}

describe('game store', () => {
  it('computer players move until the human seat is to act', () => {
    const { store } = newStore();
    const s = store.getState().session!;
    expect(s.state.ctx.seat).toBe('kyiv');
    expect(s.actions.length).toBeGreaterThan(2); // Pyongyang's and Moscow's orders
  });

  it('a human order is applied, logged and autosaved; an illegal one is refused with its reason', () => {
    const { store, storage } = newStore();
    const before = store.getState().session!.actions.length;
    expect(store.getState().dispatch({ type: 'setTargeting', seat: 'kyiv', on: true })).toBeNull();
    expect(store.getState().session!.state.levers.targetNorthKoreans).toBe(true);
    expect(store.getState().session!.actions.length).toBe(before + 1);
    expect(JSON.parse(storage.data.get(SAVE_KEY)!).actions.length).toBe(before + 1);
    const err = store.getState().dispatch({ type: 'releaseEvidence', seat: 'kyiv', amount: 99 });
    expect(err).toMatch(/evidence/);
    expect(store.getState().lastError).toBe(err);
    expect(store.getState().dispatch({ type: 'setStance', seat: 'moscow', stance: 'deny' })).toMatch(/computer/);
  });

  it('ending the turn resolves it, queues the report for the map, and the bots play on', () => {
    const { store } = newStore();
    store.getState().dispatch({ type: 'endTurn', seat: 'kyiv' });
    const st = store.getState();
    expect(st.session!.state.ctx).toMatchObject({ turn: 2, seat: 'kyiv' });
    expect(st.pendingReport?.turn).toBe(1);
    st.clearReport();
    expect(store.getState().pendingReport).toBeNull();
  });

  it('undo takes back uncommitted orders only', () => {
    const { store } = newStore();
    const st = () => store.getState();
    expect(st().canUndo()).toBe(false);
    st().dispatch({ type: 'setPosture', seat: 'kyiv', posture: 'withdraw' });
    st().dispatch({ type: 'allocate', seat: 'kyiv', sector: 'sudzha', troops: 100, drones: 0 });
    expect(st().undo()).toBe(true);
    expect(st().session!.state.levers.posture).toBe('withdraw');
    expect(st().undo()).toBe(true);
    expect(st().session!.state.levers.posture).toBe('hold');
    expect(st().undo()).toBe(false);
    st().dispatch({ type: 'endTurn', seat: 'kyiv' });
    expect(st().canUndo()).toBe(false);
  });

  it('a reload resumes at the same state', () => {
    const { store, storage } = newStore();
    store.getState().dispatch({ type: 'setTargeting', seat: 'kyiv', on: true });
    store.getState().dispatch({ type: 'endTurn', seat: 'kyiv' });
    const hash = store.getState().session!.state.turnHashes.at(-1);
    const reopened = createGameStore(storage, NOW);
    expect(reopened.getState().hasSave()).toBe(true);
    expect(reopened.getState().resume()).toBe(true);
    expect(reopened.getState().session!.state.turnHashes.at(-1)).toBe(hash);
    expect(reopened.getState().session!.state.ctx).toMatchObject({ turn: 2, seat: 'kyiv' });
  });

  const damaged: { name: string; edit: (raw: string) => string; kind: string }[] = [
    { name: 'not JSON', edit: () => '{"kind": "three-capitals-save", ', kind: 'corrupt' },
    { name: 'something else', edit: () => JSON.stringify({ hello: 1 }), kind: 'corrupt' },
    { name: 'a newer format', edit: (r) => JSON.stringify({ ...JSON.parse(r), version: 99 }), kind: 'newer' },
    { name: 'another engine', edit: (r) => JSON.stringify({ ...JSON.parse(r), engineVersion: '0.1.0' }), kind: 'outdated' },
    { name: 'a tampered move', edit: (r) => { const s = JSON.parse(r); s.actions.splice(1, 0, { type: 'recall', seat: 'pyongyang', count: 99999 }); return JSON.stringify(s); }, kind: 'corrupt' },
    // Issue 9 #4: a move named like an object member must not crash the page on every reload.
    ...['toString', 'constructor', '__proto__', 'hasOwnProperty'].map((type) => ({
      name: `a move of type ${type}`,
      edit: (r: string) => { const s = JSON.parse(r); s.actions.splice(1, 0, { type, seat: s.actions[1].seat }); return JSON.stringify(s); },
      kind: 'corrupt',
    })),
    { name: 'a move that is not an object', edit: (r) => { const s = JSON.parse(r); s.actions.splice(1, 0, 'endTurn'); return JSON.stringify(s); }, kind: 'corrupt' },
    { name: 'a wrong turn hash', edit: (r) => { const s = JSON.parse(r); s.turnHashes[0] = '0000000000000000'; return JSON.stringify(s); }, kind: 'corrupt' },
  ];
  it.each(damaged)('a save that is $name gets a clear message and loads nothing', ({ edit, kind }) => {
    const { store, storage } = newStore();
    store.getState().dispatch({ type: 'endTurn', seat: 'kyiv' });
    storage.data.set(SAVE_KEY, edit(storage.data.get(SAVE_KEY)!));
    const reopened = createGameStore(storage, NOW);
    expect(reopened.getState().resume()).toBe(false);
    expect(reopened.getState().session).toBeNull();
    expect(reopened.getState().saveProblem?.kind).toBe(kind);
    expect(reopened.getState().saveProblem?.message.length).toBeGreaterThan(10);
    // The damaged save is kept until the player chooses to discard it.
    expect(reopened.getState().rawSave()).not.toBeNull();
    reopened.getState().discardSave();
    expect(reopened.getState().hasSave()).toBe(false);
  });

  it('hot-seat: the device is handed over between human seats', () => {
    const { store } = newStore({ pyongyang: 'human', moscow: 'human', kyiv: 'historical' });
    const st = () => store.getState();
    expect(st().session!.state.ctx.seat).toBe('pyongyang');
    expect(st().handoff).toBeNull(); // the first player needs no handover
    st().dispatch({ type: 'endTurn', seat: 'pyongyang' });
    expect(st().handoff).toBe('moscow');
    expect(st().dispatch({ type: 'endTurn', seat: 'moscow' })).toMatch(/Pass the device/);
    st().confirmHandoff();
    expect(st().dispatch({ type: 'endTurn', seat: 'moscow' })).toBeNull();
    expect(st().handoff).toBe('pyongyang');
  });

  it('a whole game played through the store gives a record that replays to the same hashes', () => {
    const { store } = newStore();
    let guard = 0;
    while (store.getState().session!.state.ctx.phase !== 'over' && guard++ < 50) store.getState().dispatch({ type: 'endTurn', seat: 'kyiv' });
    const record = store.getState().record()!;
    expect(record.seats.kyiv).toBe('human');
    const r = replay(record, builtInRules());
    expect(r.ok).toBe(true);
  });

  it('fork opens a game at the start of a chosen turn of a record', () => {
    const { store } = newStore();
    for (let i = 0; i < 5; i++) store.getState().dispatch({ type: 'endTurn', seat: 'kyiv' });
    const record = store.getState().record()!;
    const forked = createGameStore(memoryStorage(), NOW);
    expect(forked.getState().fork(builtInRules(), record, 3, SOLO as never)).toBeNull();
    expect(forked.getState().session!.state.ctx).toMatchObject({ turn: 3, seat: 'kyiv' });
    expect(forked.getState().session!.state.turnHashes).toEqual(record.turnHashes.slice(0, 2));
  });
});

describe('a short lesson', () => {
  function shortGame(seats: Record<string, string> = SOLO) {
    const storage = memoryStorage();
    const store = createGameStore(storage, NOW);
    store.getState().newGame({ rules: builtInRules(), seed: 'short', figureChoices: { default: 'central' }, seats: seats as never, lesson: 'short' });
    return { store, storage };
  }

  it('the player decides every other turn; the turns between end with standing orders', () => {
    const { store, storage } = shortGame();
    const st = () => store.getState();
    expect(st().session!.state.ctx).toMatchObject({ turn: 1, seat: 'kyiv' });
    st().dispatch({ type: 'setTargeting', seat: 'kyiv', on: true });
    st().dispatch({ type: 'endTurn', seat: 'kyiv' });
    // Turn 2 played itself: the lever stayed as set, and Kyiv is asked again at turn 3.
    expect(st().session!.state.ctx).toMatchObject({ turn: 3, seat: 'kyiv' });
    expect(st().session!.state.levers.targetNorthKoreans).toBe(true);
    expect(st().session!.state.reports.map((r) => r.turn)).toEqual([1, 2]);
    // A reload keeps the lesson length.
    const reopened = createGameStore(storage, NOW);
    expect(reopened.getState().resume()).toBe(true);
    expect(reopened.getState().session!.lesson).toBe('short');
    let decisions = 1;
    while (st().session!.state.ctx.phase !== 'over' && decisions < 20) {
      expect(st().session!.state.ctx.turn % 2).toBe(1);
      st().dispatch({ type: 'endTurn', seat: 'kyiv' });
      decisions++;
    }
    expect(decisions).toBe(6);
    // The record is an ordinary twelve-turn record that replays.
    const record = st().record()!;
    expect(record.turnHashes).toHaveLength(12);
    expect(replay(record, builtInRules()).ok).toBe(true);
  });

  it('a full-length game asks at every turn', () => {
    const { store } = newStore();
    store.getState().dispatch({ type: 'endTurn', seat: 'kyiv' });
    expect(store.getState().session!.state.ctx).toMatchObject({ turn: 2, seat: 'kyiv' });
  });

  it('hot-seat: both players skip the even turns and hand over as usual', () => {
    const { store } = shortGame({ pyongyang: 'human', moscow: 'human', kyiv: 'historical' });
    const st = () => store.getState();
    st().dispatch({ type: 'endTurn', seat: 'pyongyang' });
    st().confirmHandoff();
    st().dispatch({ type: 'endTurn', seat: 'moscow' });
    expect(st().session!.state.ctx).toMatchObject({ turn: 3, seat: 'pyongyang' });
    expect(st().handoff).toBe('pyongyang');
  });
});
