/** Messages between the explorer page and its Web Worker (plain data, structured-cloned). */
import type { ScenarioIssue } from '../scenario';
import type { ExplorerInput, ExplorerResult, Progress } from './core';

export type ToWorker =
  | { type: 'run'; id: number; scenarioText: string; fileName: string; input: ExplorerInput }
  | { type: 'cancel'; id: number };

export type FromWorker =
  | ({ type: 'progress'; id: number } & Progress)
  | { type: 'result'; id: number; result: ExplorerResult; ms: number; cancelled: boolean }
  | { type: 'error'; id: number; message: string; issues?: ScenarioIssue[] };
