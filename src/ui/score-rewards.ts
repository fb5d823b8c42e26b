/**
 * What a capital's score rewarded, in one plain paragraph for the debrief: the objectives it paid
 * for and the ones it charged for, by weight, and whether anything in it paid for soldiers'
 * exposure at the front. Read from the scenario's scoring, so a new scenario needs no code.
 */
import type { Objective } from '../engine/types';
import { metricLabel } from './metric-labels';

/** Metrics that grow with soldiers' time at the front or their mere presence there. */
const EXPOSURE = new Set(['pyongyang.experience', 'pyongyang.atFront', 'pyongyang.troopsSent', 'moscow.frontTroops', 'kyiv.frontTroops']);

function lower(label: string): string {
  return /^[A-Z][a-z]/.test(label) ? label.charAt(0).toLowerCase() + label.slice(1) : label;
}

function list(parts: string[]): string {
  if (parts.length <= 1) return parts.join('');
  return `${parts.slice(0, -1).join('; ')} and ${parts.at(-1)}`;
}

export function scoreRewardText(capital: string, objectives: readonly Objective[]): string {
  const total = objectives.reduce((s, o) => s + o.weight, 0);
  if (total <= 0) return `${capital}'s score rewarded nothing in this scenario.`;
  const share = (o: Objective) => `${Math.round((100 * o.weight) / total)}%`;
  const sorted = [...objectives].sort((a, b) => b.weight - a.weight);
  const more = sorted.filter((o) => o.direction === 'max').map((o) => `${lower(metricLabel(o.metric))} (${share(o)})`);
  const less = sorted.filter((o) => o.direction === 'min').map((o) => `${lower(metricLabel(o.metric))} (${share(o)})`);
  const sentences = [`${capital}'s score rewarded more ${list(more) || 'of nothing'}.`];
  if (less.length > 0) sentences.push(`It rewarded less ${list(less)}.`);
  const exposed = objectives.filter((o) => o.direction === 'max' && EXPOSURE.has(o.metric));
  sentences.push(
    exposed.length === 0
      ? 'Nothing in it paid for soldiers being sent or kept at the front: their deaths, captures and families at risk only ever cost.'
      : `It paid for exposure itself: ${list(exposed.map((o) => lower(metricLabel(o.metric))))}.`,
  );
  return sentences.join(' ');
}
