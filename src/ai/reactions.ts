/**
 * The computer bargains within the month. Whenever an offer reaches a seat the computer holds,
 * that seat answers at once (accept, counter with a price and a one-line reason, or refuse), so
 * a student can go several rounds with it before ending the turn. Every answer is an ordinary
 * action in the log: records replay and verify like any other move.
 *
 * `computerReactions` is the pure question "which answers do the computer seats give now?";
 * src/sim/play.ts (`playBots`) applies them for the batch runner, the game store and the server.
 */
import {
  applyInPlace,
  CAPITALS,
  type Action,
  type Capital,
  type GameState,
  type Seats,
} from '../engine';
import { answerOffer } from './judge';
import { getBot } from './registry';

/** Whether a seat label names a computer player that answers offers within the month. */
export function reactsWithinTurn(label: string | undefined): boolean {
  if (label === undefined) return false;
  return getBot(label)?.tradeStyle !== undefined;
}

/**
 * The answers computer seats give now: one per open offer addressed to a seat the computer
 * holds, in the order the offers were made. Empty when nothing waits for a computer.
 */
export function computerReactions(state: Readonly<GameState>, seats: Readonly<Seats>): Action[] {
  if (state.ctx.phase === 'over') return [];
  const out: Action[] = [];
  for (const o of state.offers) {
    if (o.status !== 'open') continue;
    const seat: Capital = o.to;
    if (!CAPITALS.includes(seat)) continue;
    const bot = getBot(seats[seat]);
    const style = bot?.tradeStyle?.(seat);
    if (style === undefined) continue;
    out.push(answerOffer(state, seat, o, style));
  }
  return out;
}

/** Passes of answers after one action: counters between two computers end well within it. */
const MAX_REACTION_PASSES = 8;

/**
 * Applies the computer seats' answers to every open offer addressed to them, and to the
 * counter-offers those answers provoke between computers, until nothing waits for a computer.
 * An answer the engine refuses (the seat no longer holds what it offered) becomes a refusal, so
 * an offer never waits for ever. `onApplied` sees every action applied. Returns how many answers
 * were refused. The game's driver (playBots in src/sim/play.ts) and the search player's
 * rollouts both answer offers through this, so a rollout bargains as the real game does.
 */
export function applyReactions(
  state: GameState,
  seats: Readonly<Seats>,
  onApplied?: (a: Action) => void,
): number {
  let refused = 0;
  for (let pass = 0; pass < MAX_REACTION_PASSES; pass++) {
    const answers = computerReactions(state, seats);
    if (answers.length === 0) break;
    for (const a of answers) {
      if (applyInPlace(state, a).ok) {
        onApplied?.(a);
        continue;
      }
      refused++;
      if (a.type === 'reject' || !('offerId' in a)) continue;
      const seat = a.seat as Capital;
      const no: Action = {
        type: 'reject',
        seat,
        offerId: a.offerId,
        reason: `${state.rules.capitals[seat].name} cannot take this up now`,
      };
      if (applyInPlace(state, no).ok) onApplied?.(no);
    }
  }
  return refused;
}
