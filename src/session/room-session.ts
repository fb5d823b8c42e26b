/**
 * A room seat on this device: connects the room client to the game store, so the ordinary game
 * screen plays a class room. The store shows the seat's view as a game state; orders go to the
 * server; a resolved month plays its report; at the end the server's record is replayed here
 * into the full final game for the debrief (the record is public once the game is over).
 */
import { replay, type GameRecord, type GameState } from '../engine';
import type { Order } from '../rooms/protocol';
import { stateFromView } from '../rooms/view';
import type { StoreApi } from 'zustand/vanilla';
import type { GameStore } from '../store';
import type { RoomClient, RoomSnapshot } from './room-client';
import type { SessionLink } from './types';

export interface RoomSeatHandle {
  link: SessionLink;
  /** The final game, replayed from the server's record, once the game is over. */
  finalState(): GameState | null;
  stop(): void;
}

export function linkRoom(
  store: StoreApi<GameStore>,
  client: RoomClient,
  on: { refused(message: string): void; finished(): void },
): RoomSeatHandle {
  let final: GameState | null = null;
  let record: GameRecord | null = null;
  let opened = false;
  const link: SessionLink = {
    kind: 'room',
    send(action: Order) {
      void client.order(action).then((r) => {
        if (!r.ok) {
          store.setState({ lastError: r.message });
          on.refused(r.message);
        }
      });
    },
    record: () => record,
    close: () => client.close(),
  };
  const show = (snap: RoomSnapshot) => {
    const state = stateFromView(snap.view, snap.rules);
    if (!opened) {
      opened = true;
      store.getState().openLinked({ link, state, seat: snap.seat });
      return;
    }
    const report = snap.resolved !== null ? (state.reports.find((r) => r.turn === snap.resolved) ?? null) : null;
    store.getState().showLinked(state, report);
  };
  /** The game is over: the public record, replayed here, is the debrief's whole game. */
  const end = (snap: RoomSnapshot, done: GameRecord) => {
    if (final) return;
    const r = replay(done, snap.rules);
    if (!r.ok) return;
    record = done;
    final = r.value.state;
    store.getState().showLinked(final, final.reports[final.reports.length - 1] ?? null);
    on.finished();
  };
  const stop = client.subscribe((c, m) => {
    const snap = c.snapshot;
    if (!snap || !m) return;
    if (m.type === 'welcome' || (m.type === 'update' && m.view)) show(snap);
    if (m.type === 'finished') end(snap, m.record);
  });
  if (client.snapshot) {
    show(client.snapshot);
    if (client.snapshot.record) end(client.snapshot, client.snapshot.record);
  }
  return { link, finalState: () => final, stop };
}
