/**
 * Plain-English names of the outcome metrics (src/engine/metrics.ts METRIC_IDS), for the game,
 * the results page and the outcome explorer alike. No imports: any page may load it.
 */
/** What each metric means, in a few words. */
export const METRIC_LABEL: Record<string, string> = {
  'pyongyang.troopsSent': 'North Korean soldiers sent',
  'pyongyang.atFront': 'North Korean soldiers at the front',
  'pyongyang.killed': 'North Korean soldiers killed',
  'pyongyang.wounded': 'North Korean soldiers wounded',
  'pyongyang.captured': 'North Korean soldiers captured',
  'pyongyang.returned': 'North Korean soldiers returned home',
  'pyongyang.ammunitionShipped': 'Ammunition shipped to Russia (containers)',
  'pyongyang.workersSent': 'Workers sent to Russia',
  'pyongyang.techGained': 'Technology packages received',
  'pyongyang.nuclearTech': 'Nuclear technology received',
  'pyongyang.oilReceived': 'Oil received (thousand tonnes)',
  'pyongyang.foodReceived': 'Food received (thousand tonnes)',
  'pyongyang.currencyReceived': 'Hard currency received (million US$)',
  'pyongyang.unCoverReceived': 'UN Security Council cover received',
  'pyongyang.experience': 'Combat experience (soldier-months at the front)',
  'pyongyang.experienceHome': 'Combat experience brought home alive (soldier-months)',
  'pyongyang.regimeControl': 'Regime control (0–100)',
  'pyongyang.dissentRisk': 'Risk of dissent (0–100)',
  'pyongyang.score': 'Pyongyang’s score',
  'moscow.kurskControl': 'Kursk salient under Russian control (%)',
  'moscow.killed': 'Russian soldiers killed',
  'moscow.wounded': 'Russian soldiers wounded',
  'moscow.losses': 'Russian losses (killed and wounded)',
  'moscow.manpowerGained': 'North Korean soldiers in Russia',
  'moscow.scrutiny': 'International scrutiny of Moscow (0–100)',
  'moscow.ammunition': 'Russian ammunition (containers)',
  'moscow.frontTroops': 'Russian troops at the front',
  'moscow.score': 'Moscow’s score',
  'kyiv.kurskHeld': 'Kursk salient held by Ukraine (%)',
  'kyiv.killed': 'Ukrainian soldiers killed',
  'kyiv.wounded': 'Ukrainian soldiers wounded',
  'kyiv.losses': 'Ukrainian losses (killed and wounded)',
  'kyiv.support': 'International support for Kyiv (0–100)',
  'kyiv.prisonersHeld': 'North Korean prisoners held by Kyiv',
  'kyiv.powsFreed': 'Ukrainian prisoners of war freed in exchanges',
  'kyiv.pauseMonths': 'Months of pause won on the Kursk front',
  'kyiv.frontTroops': 'Ukrainian troops at the front',
  'kyiv.score': 'Kyiv’s score',
  'human.sent': 'North Korean soldiers sent',
  'human.killed': 'North Korean soldiers killed',
  'human.wounded': 'North Korean soldiers wounded',
  'human.captured': 'North Korean soldiers captured',
  'human.familiesAtRisk': 'Families put at risk',
  'human.returned': 'North Korean soldiers returned home',
  'human.exchanged': 'North Korean prisoners handed back in exchanges',
  'human.allKilled': 'All soldiers killed, every side',
};

export function metricLabel(id: string): string {
  return METRIC_LABEL[id] ?? id;
}

/** Human names of the engine items, for labels and screen readers. */
export const ITEM_LABEL: Record<string, string> = {
  troops: 'Troops',
  ammunition: 'Ammunition',
  oil: 'Oil',
  food: 'Food',
  currency: 'Hard currency',
  workers: 'Workers',
  unCover: 'UN Security Council cover',
  drones: 'Drones',
  droneOperators: 'Drone operators',
  evidence: 'Evidence',
  prisoners: 'North Korean prisoners',
  pows: 'Ukrainian prisoners of war',
  ground: 'Kursk ground',
  pause: 'Months of pause',
  'tech.missile': 'Missile technology',
  'tech.drone': 'Drone technology',
  'tech.airDefence': 'Air-defence technology',
  'tech.nuclear': 'Nuclear technology',
  'tech.cyber': 'Cyber technology',
};

/**
 * An item's name inside a sentence: "hard currency", "nuclear technology", but "UN Security
 * Council cover" keeps its capitals (only a lone leading capital is lowered).
 */
export function itemNoun(item: string): string {
  const l = ITEM_LABEL[item];
  if (l === undefined) return 'items';
  return /^[A-Z][a-z]/.test(l) ? l.charAt(0).toLowerCase() + l.slice(1) : l;
}

/**
 * Computer players explain their answers with the engine's item keys ("values 3 tech.nuclear
 * above …"). Their notes are part of the game record, so the words are put in where they are
 * shown: every known key becomes its name.
 */
export function itemKeysInWords(text: string): string {
  return text.replace(/\b(?:tech\.[A-Za-z]+|unCover|droneOperators)\b/g, (key) =>
    Object.hasOwn(ITEM_LABEL, key) ? itemNoun(key) : key,
  );
}
