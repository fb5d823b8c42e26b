/** The computer players, by the names used in `--seats` and game records. */
import { historicalBot } from './historical';
import { randomBot } from './random';
import type { Bot } from './types';

export type { Bot } from './types';
export { judgeOffer, answerOffers, bundleValue, type Verdict } from './judge';
export { historicalBot } from './historical';
export { randomBot } from './random';

const BOTS: Record<string, Bot> = { historical: historicalBot, random: randomBot };

export function botNames(): string[] {
  return Object.keys(BOTS);
}

export function getBot(name: string): Bot | undefined {
  return Object.prototype.hasOwnProperty.call(BOTS, name) ? BOTS[name] : undefined;
}
