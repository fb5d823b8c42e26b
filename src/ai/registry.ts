/** The computer players by name, as `--seats`, game records and scenario seats spell them. */
import { historicalBot } from './historical';
import { PERSONALITY_NAMES, personalityBot } from './personalities';
import { randomBot } from './random';
import { parseSearchName, SEARCH_LEVELS, searchBot } from './search';
import type { Bot } from './types';

const BOTS: Record<string, Bot> = { historical: historicalBot, random: randomBot };
for (const name of PERSONALITY_NAMES) BOTS[name] = personalityBot(name);

/** Names to offer in menus and error messages (search also takes any budget: search:<n>). */
export function botNames(): string[] {
  return [...Object.keys(BOTS), ...Object.keys(SEARCH_LEVELS).map((l) => `search:${l}`)];
}

const searchBots = new Map<string, Bot>();

export function getBot(name: string): Bot | undefined {
  if (typeof name !== 'string') return undefined;
  if (Object.hasOwn(BOTS, name)) return BOTS[name];
  const budget = parseSearchName(name);
  if (budget === undefined) return undefined;
  let bot = searchBots.get(name);
  if (!bot) {
    bot = searchBot(name, budget);
    searchBots.set(name, bot);
  }
  return bot;
}
