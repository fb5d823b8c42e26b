/**
 * The canonical hash of a game state: the world and the turn flow. Left out: the rules (pinned
 * by the scenario hash and the figure choices), and what is derived from the world each turn
 * (metrics, history, news, reports, estimates, the list of earlier hashes). Hashing the derived
 * parts would only cost time: they cannot differ while the world and the engine version agree.
 */
import { hashValue } from './hash';
import type { GameState } from './types';

export function hashState(s: GameState): string {
  return hashValue({
    scenario: s.rules.scenarioHash,
    engine: s.engineVersion,
    seed: s.seed,
    figureChoices: s.figureChoices,
    ctx: s.ctx,
    rng: s.rng,
    stocks: s.stocks,
    expedition: s.expedition,
    sectors: s.sectors,
    offers: s.offers,
    deals: s.deals,
    nextId: s.nextId,
    levers: s.levers,
    politics: s.politics,
    human: s.human,
    flows: s.flows,
    firedEvents: s.firedEvents,
    flags: s.flags,
    uncertainty: s.uncertainty,
  });
}
