/**
 * The fixed vocabularies a scenario file may use, as runtime lists. Where src/engine/types.ts
 * declares a vocabulary only as a type, the list is spelled out here and checked against the
 * type at compile time, so the two cannot drift apart silently.
 */
import type { AdjustTarget, LeverKey, LeverName } from '../engine/types';

export { CAPITALS, ITEMS, TECH_TRACKS } from '../engine/types';

export const LEVER_NAMES = [
  'trade',
  'training',
  'information',
  'recall',
  'assign',
  'missileUnits',
  'pairing',
  'stance',
  'allocate',
  'posture',
  'targeting',
  'publicise',
  'evidence',
] as const satisfies readonly LeverName[];

export const LEVER_KEYS = [
  'trainingMonths',
  'information',
  'stance',
  'pairing',
  'targetNorthKoreans',
  'posture',
] as const satisfies readonly LeverKey[];

export const ADJUST_TARGETS = [
  'moscow.scrutiny',
  'kyiv.support',
  'pyongyang.regimeControl',
  'pyongyang.dissentRisk',
  'expedition.morale',
  'expedition.droneAwareness',
] as const satisfies readonly AdjustTarget[];

export const INFORMATION_POLICIES = ['deceive', 'truth'] as const;
export const STANCES = ['deny', 'conflicting', 'confirm'] as const;
export const POSTURES = ['hold', 'withdraw'] as const;
export const FIGURE_CHOICES = ['low', 'central', 'high'] as const;
export const COMPARISONS = ['>=', '<=', '>', '<', '=='] as const;

// Compile-time proof that every list above covers its type exactly (a missing member fails here).
type Same<A, B> = [A] extends [B] ? ([B] extends [A] ? true : false) : false;
const covered: [
  Same<(typeof LEVER_NAMES)[number], LeverName>,
  Same<(typeof LEVER_KEYS)[number], LeverKey>,
  Same<(typeof ADJUST_TARGETS)[number], AdjustTarget>,
  Same<(typeof INFORMATION_POLICIES)[number], import('../engine/types').InformationPolicy>,
  Same<(typeof STANCES)[number], import('../engine/types').Stance>,
  Same<(typeof POSTURES)[number], import('../engine/types').Posture>,
  Same<(typeof FIGURE_CHOICES)[number], import('../engine/types').FigureChoice>,
] = [true, true, true, true, true, true, true];
void covered;

/** "YYYY-MM" with a month 01-12. */
export const MONTH_PATTERN = /^\d{4}-(?:0[1-9]|1[0-2])$/;
/** Lowercase letters and digits joined by "-", e.g. "historical-2024". */
export const KEBAB_PATTERN = /^[a-z0-9]+(?:-[a-z0-9]+)*$/;
