/**
 * Plays whole games with computer players on the engine's fast path: one plain state, mutated
 * in place, no immer, no copies. Used by the batch runner, the CLI, tests and the server.
 */
import { applyReactions, getBot, type Bot } from '../ai';
import {
  applyInPlace,
  createGame,
  makeRecord,
  type Action,
  type Capital,
  type FigureChoices,
  type GameRecord,
  type GameState,
  type Rules,
  type Seats,
} from '../engine';

export interface PlayOptions {
  seed: string;
  figureChoices?: FigureChoices;
  seats: Seats;
  /** Keep the action log (needed for records); off saves memory in big batches. */
  keepLog?: boolean;
  /** Players to use instead of the named ones (the lever grid plays plans that have no name). */
  bots?: Partial<Record<Capital, Bot>>;
}

export interface Played {
  state: GameState;
  actions: Action[];
  /** Orders a bot gave that the engine refused (expected only from the random bot). */
  refused: number;
}

/** Plays the seats' bots until the game ends or `stopAt` says to stop (for hot-seat humans). */
export function playGame(rules: Rules, options: PlayOptions): Played {
  const state = createGame(rules, { seed: options.seed, figureChoices: options.figureChoices ?? { default: 'central' } });
  const actions: Action[] = [];
  const refused = playBots(state, options.seats, actions, () => false, options.keepLog !== false, options.bots);
  return { state, actions, refused };
}

/**
 * Applies the computer seats' answers to every open offer addressed to them, and to the
 * counter-offers those answers provoke, until nothing waits for a computer (applyReactions in
 * src/ai/reactions.ts, which the search player's rollouts also use). Returns how many answers
 * were refused.
 */
export function playReactions(state: GameState, seats: Seats, log: Action[], keepLog = true): number {
  return applyReactions(state, seats, keepLog ? (a) => log.push(a) : undefined);
}

/**
 * The one driver of computer seats, used by the batch runner, the game store and the server's
 * verification: first the computer seats answer whatever offers wait for them (within the
 * month), then bots play every seat they hold, mutating `state`, until the game ends or it is
 * the turn of a seat that `isHuman` claims. Every offer a bot makes is answered at once by a
 * computer addressee. Deterministic: the same state and seats give the same actions.
 * Returns how many orders were refused.
 */
export function playBots(
  state: GameState,
  seats: Seats,
  log: Action[],
  isHuman: (seat: Capital) => boolean,
  keepLog = true,
  bots?: Partial<Record<Capital, Bot>>,
): number {
  let refused = playReactions(state, seats, log, keepLog);
  while (state.ctx.phase !== 'over' && !isHuman(state.ctx.seat)) {
    const seat = state.ctx.seat;
    const turn = state.ctx.turn;
    const bot = bots?.[seat] ?? getBot(seats[seat]);
    if (!bot) throw new Error(`no computer player called "${seats[seat]}" for ${seat}`);
    for (const a of bot.decide(state, seat)) {
      if (!stillActing(state, seat, turn)) break;
      const r = applyInPlace(state, a);
      if (r.ok) {
        if (keepLog) log.push(a);
        if (a.type === 'offer' || a.type === 'counter') refused += playReactions(state, seats, log, keepLog);
      } else refused++;
    }
    // A bot that forgot to end its turn must not stall the game.
    if (stillActing(state, seat, turn)) {
      const end: Action = { type: 'endTurn', seat };
      applyInPlace(state, end);
      if (keepLog) log.push(end);
    }
  }
  return refused;
}

/**
 * What the computer seats do after `last`, a person's (or the teacher's) order, or null at the
 * start of a game: after an end of turn or at the start, they play until a person is to act;
 * after any other order, they answer the offers waiting for them. The game store drives them
 * this way, and the server's verification (replay-checked.ts) recomputes them with it.
 */
export function playComputersAfter(state: GameState, seats: Seats, last: Action | null, log: Action[], isHuman: (seat: Capital) => boolean): void {
  if (last === null || last.type === 'endTurn') {
    if (state.ctx.phase !== 'over' && !isHuman(state.ctx.seat)) playBots(state, seats, log, isHuman);
  } else playReactions(state, seats, log);
}

/** Whether `seat` still holds the turn it started (bots' orders may have ended it). */
function stillActing(state: GameState, seat: Capital, turn: number): boolean {
  return state.ctx.seat === seat && state.ctx.turn === turn && state.ctx.phase !== 'over';
}

export function recordOf(played: Played, seats: Seats): GameRecord {
  return makeRecord(played.state, seats, played.actions);
}
