/**
 * The computer players, by the names used in `--seats`, game records and scenario seats:
 *   historical                 what the sources report, month by month
 *   hawk, dove, opportunist    personalities that differ in what they value (personalities.ts)
 *   search:easy|normal|hard    Monte Carlo rollouts (search.ts); also search:<rollouts>, e.g. search:40
 *   random                     random orders, legal or not, to fuzz the engine
 */
export type { Bot } from './types';
export { getBot, botNames } from './registry';
export { applyReactions, computerReactions, reactsWithinTurn } from './reactions';
export { LEVER_SETTINGS, type LeverSettings } from './lever-settings';
export {
  judgeOffer,
  answerOffers,
  answerOffer,
  dealsToBreak,
  counterDepth,
  MAX_COUNTER_ROUNDS,
  bundleValue,
  itemValue,
  scaleBundle,
  PLAIN_STYLE,
  type Verdict,
  type TradeStyle,
} from './judge';
export { historicalBot } from './historical';
export { randomBot } from './random';
export {
  PERSONALITIES,
  PERSONALITY_NAMES,
  personalityBot,
  type PersonalityName,
  type Personality,
} from './personalities';
export {
  HISTORICAL,
  planOrders,
  type Plans,
  type PyongyangPlan,
  type MoscowPlan,
  type KyivPlan,
  type When,
} from './plans';
export {
  search,
  searchBot,
  candidates,
  parseSearchName,
  SEARCH_LEVELS,
  type SearchLevel,
  type SearchResult,
} from './search';

/**
 * The personalities a scenario may choose for its computer seats, with a line each for menus.
 * Search levels are listed too; `random` is for testing and is left out.
 */
export const PLAYER_DESCRIPTIONS: Record<string, string> = {
  historical: 'Does what the sources report, month by month.',
  hawk: 'Territory first: holds or takes Kursk whatever it costs, and pays dearly for soldiers.',
  dove: 'Lives first: fewer soldiers at the front, the truth told, soldiers brought home.',
  opportunist: 'Its own score first: trades hard, haggles, pulls whichever lever pays.',
  'search:easy': 'Plans ahead a little (4 simulated games a month).',
  'search:normal': 'Plans ahead (24 simulated games a month).',
  'search:hard': 'Plans ahead hard (96 simulated games a month).',
};
