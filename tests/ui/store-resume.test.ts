/** The game screen relies on this: after a reload, orders given this turn can still be undone. */
import { describe, expect, it } from 'vitest';
import { createGameStore, type KeyValueStorage } from '../../src/store';
import { builtInRules } from '../helpers/rules';

function memoryStorage(): KeyValueStorage {
  const data = new Map<string, string>();
  return {
    getItem: (k) => data.get(k) ?? null,
    setItem: (k, v) => void data.set(k, v),
    removeItem: (k) => void data.delete(k),
  };
}

describe('resume keeps the current seat’s uncommitted orders undoable', () => {
  it('undo after a reload takes back an order given before it', () => {
    const storage = memoryStorage();
    const a = createGameStore(storage, () => 'now');
    a.getState().newGame({
      rules: builtInRules(),
      seed: 'resume',
      figureChoices: { default: 'central' },
      seats: { pyongyang: 'historical', moscow: 'historical', kyiv: 'human' },
    });
    a.getState().dispatch({ type: 'endTurn', seat: 'kyiv' });
    a.getState().dispatch({ type: 'setTargeting', seat: 'kyiv', on: true });
    a.getState().dispatch({ type: 'setPosture', seat: 'kyiv', posture: 'withdraw' });

    const b = createGameStore(storage, () => 'now');
    expect(b.getState().resume()).toBe(true);
    expect(b.getState().canUndo()).toBe(true);
    expect(b.getState().undo()).toBe(true);
    expect(b.getState().session!.state.levers.posture).toBe('hold');
    expect(b.getState().session!.state.levers.targetNorthKoreans).toBe(true);
    expect(b.getState().undo()).toBe(true);
    expect(b.getState().session!.state.levers.targetNorthKoreans).toBe(false);
    expect(b.getState().undo()).toBe(false);
    expect(b.getState().session!.state.ctx).toMatchObject({ turn: 2, seat: 'kyiv' });
  });
});
