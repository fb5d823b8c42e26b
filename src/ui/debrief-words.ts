/** Sentences the debrief shows about the game and the capitals (pure: no DOM). */
import type { Capital, GameRecord, GameState, Objective } from '../engine';
import { count } from './decisions';
import { formatMonth } from './dom';
import { formatMetric, ITEM_UNIT } from './labels';

const CAPITAL_NAME: Record<Capital, string> = {
  pyongyang: 'Pyongyang',
  moscow: 'Moscow',
  kyiv: 'Kyiv',
};

export function capitalName(state: GameState, c: Capital): string {
  return state.rules.capitals[c]?.name ?? CAPITAL_NAME[c];
}

export function listWords(items: string[]): string {
  if (items.length <= 1) return items.join('');
  return `${items.slice(0, -1).join(', ')} and ${items[items.length - 1]}`;
}

export function unit(item: keyof typeof ITEM_UNIT): string {
  const u = ITEM_UNIT[item];
  return u ? ` ${u}` : '';
}

/** One sentence on where a capital ended. */
export function outcomeSentence(state: GameState, c: Capital): string {
  const m = state.metrics;
  const v = (id: string) => formatMetric(id, m[id] ?? 0);
  switch (c) {
    case 'pyongyang':
      return `Received ${v('pyongyang.techGained')} technology packages, ${v('pyongyang.oilReceived')}${unit('oil')} of oil and ${v('pyongyang.currencyReceived')}${unit('currency')}. Regime control ${v('pyongyang.regimeControl')}, risk of dissent ${v('pyongyang.dissentRisk')} (of 100).`;
    case 'moscow':
      return `Russia holds ${v('moscow.kurskControl')}% of the Kursk salient. ${v('moscow.losses')} Russian soldiers killed or wounded. International scrutiny ${v('moscow.scrutiny')} (of 100).`;
    case 'kyiv':
      return `Ukraine holds ${v('kyiv.kurskHeld')}% of the salient. ${v('kyiv.losses')} Ukrainian soldiers killed or wounded. International support ${v('kyiv.support')} (of 100); ${v('kyiv.prisonersHeld')} prisoners held.`;
  }
}

export function seatWords(record: GameRecord, humans: ReadonlySet<Capital>, c: Capital): string {
  if (humans.has(c)) return humans.size === 1 ? 'You' : 'Human player';
  const bot = record.seats[c];
  return bot && bot !== 'human' ? `Computer (${bot})` : 'Computer';
}

export function objectiveTarget(o: Objective): string {
  return o.direction === 'max' ? `at ${count(o.scale)}` : `at 0, none at ${count(o.scale)}`;
}

export function describeGame(state: GameState, humans: readonly Capital[]): string {
  const cal = state.rules.calendar;
  const first = state.history.find((p) => p.turn > 0)?.date ?? cal.start;
  const last = state.history[state.history.length - 1]?.date ?? cal.start;
  const played =
    humans.length === 0
      ? 'Computer players held every seat'
      : `Played as ${listWords(humans.map((c) => capitalName(state, c)))}`;
  const turns = state.history.filter((p) => p.turn > 0).length;
  const figures = state.figureChoices.default;
  return `${played} · ${turns} ${turns === 1 ? 'month' : 'months'}, ${formatMonth(first)} to ${formatMonth(last)} · seed ${state.seed} · ${figures} figures`;
}
