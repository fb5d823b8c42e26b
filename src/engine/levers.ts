/** Which capital may pull which lever, and which lever each action type belongs to. */
import type { ActionType, Capital, LeverName } from './types';

export const LEVER_OWNERS: Record<LeverName, readonly Capital[]> = {
  trade: ['pyongyang', 'moscow', 'kyiv'],
  training: ['pyongyang'],
  information: ['pyongyang'],
  recall: ['pyongyang'],
  assign: ['moscow'],
  missileUnits: ['moscow'],
  pairing: ['moscow'],
  stance: ['moscow'],
  allocate: ['moscow', 'kyiv'],
  posture: ['kyiv'],
  targeting: ['kyiv'],
  publicise: ['kyiv'],
  evidence: ['kyiv'],
};

export const ACTION_LEVER: Record<ActionType, LeverName | null> = {
  offer: 'trade',
  accept: 'trade',
  reject: 'trade',
  counter: 'trade',
  withdraw: 'trade',
  setTraining: 'training',
  setInformation: 'information',
  recall: 'recall',
  assign: 'assign',
  missileUnits: 'missileUnits',
  setPairing: 'pairing',
  setStance: 'stance',
  allocate: 'allocate',
  setPosture: 'posture',
  setTargeting: 'targeting',
  publicise: 'publicise',
  releaseEvidence: 'evidence',
  endTurn: null,
  inject: null,
};
