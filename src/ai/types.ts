/** Computer players. A bot reads the state through the engine's public API and returns orders. */
import type { Action, Capital, GameState } from '../engine';
import type { TradeStyle } from './judge';

export interface Bot {
  /** Name used in `--seats` and in game records. */
  readonly name: string;
  /**
   * The seat's orders for the current turn, in order, ending with endTurn. The caller applies
   * them one by one; an order that turns out illegal is skipped, never fatal.
   */
  decide(state: Readonly<GameState>, seat: Capital): Action[];
  /**
   * How this player weighs an offer addressed to it. A player with a style answers offers the
   * moment they arrive, within the month (src/ai/reactions.ts); one without answers on its turn.
   */
  tradeStyle?(seat: Capital): TradeStyle;
}
