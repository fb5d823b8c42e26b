/**
 * Where a game's orders go. The store keeps the game the screen shows; a session link decides
 * what an order does:
 *   - no link (local: solo and hot-seat, fully offline): the store applies it with the engine
 *     and the computer plays the other seats on this device;
 *   - a room link: the order goes to the room's server, which is the authority; the screen
 *     shows the order at once on this seat's own copy, and the server's next view replaces it.
 * Panels and scenes call store.dispatch either way and never know which.
 */
import type { GameRecord, GameState } from '../engine';
import type { Order } from '../rooms/protocol';

export interface SessionLink {
  readonly kind: 'room';
  /** Sends a human order; errors come back later through the store's lastError. */
  send(action: Order): void;
  /** The finished game's record (the server's own log), once the game is over. */
  record(): GameRecord | null;
  /** Leaves the room on this device (the seat stays the student's). */
  close(): void;
}

/** What the store needs to show a linked game. */
export interface LinkedGame {
  link: SessionLink;
  state: GameState;
  seat: GameState['ctx']['seat'];
}
