/**
 * The game record and its way to the class board, without the DOM: the suggested pseudonym, the
 * file name, the submission to /api/results and the queue that keeps a submission made offline
 * until it can be sent. Exported for the Node tests; nothing here touches the DOM.
 */
import type { GameRecord } from '../engine';

export const STORAGE_KEYS = {
  myResults: 'tc.myResults',
  pending: 'tc.pendingSubmissions',
  lastGame: 'tc.lastGame',
  classCode: 'tc.classCode',
} as const;

/** FNV-1a, 32 bits: a small stable hash for picking words (not for security). */
export function hash32(text: string): number {
  let h = 0x811c9dc5;
  for (let i = 0; i < text.length; i++) {
    h ^= text.charCodeAt(i);
    h = Math.imul(h, 0x01000193) >>> 0;
  }
  return h >>> 0;
}

const ADJECTIVES = [
  'Amber',
  'Brave',
  'Bright',
  'Calm',
  'Careful',
  'Clever',
  'Curious',
  'Daring',
  'Eager',
  'Gentle',
  'Golden',
  'Honest',
  'Humble',
  'Keen',
  'Kind',
  'Lively',
  'Loyal',
  'Merry',
  'Mighty',
  'Nimble',
  'Patient',
  'Polite',
  'Proud',
  'Quick',
  'Quiet',
  'Rapid',
  'Silver',
  'Steady',
  'Swift',
  'Thoughtful',
  'Wise',
  'Witty',
];
const ANIMALS = [
  'Badger',
  'Beaver',
  'Crane',
  'Dolphin',
  'Eagle',
  'Falcon',
  'Fox',
  'Gecko',
  'Hare',
  'Hedgehog',
  'Heron',
  'Ibex',
  'Jay',
  'Kestrel',
  'Koala',
  'Lynx',
  'Magpie',
  'Marten',
  'Moose',
  'Newt',
  'Otter',
  'Owl',
  'Panda',
  'Puffin',
  'Raven',
  'Robin',
  'Seal',
  'Sparrow',
  'Stork',
  'Swan',
  'Tortoise',
  'Wren',
];

/**
 * A pseudonym for the class board, e.g. "Quiet Heron": an adjective and an animal picked by a
 * hash of `key` (the debrief passes the seed and the game's final hash, so two students who play
 * the same fixed seed differently get different names). `n` gives the next suggestion.
 */
export function suggestPseudonym(key: string, n = 0): string {
  const h1 = hash32(`${key}#${n}`);
  const h2 = hash32(`${n}#${key}#animal`);
  return `${ADJECTIVES[h1 % ADJECTIVES.length]} ${ANIMALS[h2 % ANIMALS.length]}`;
}

/** A file-name-safe piece: letters, digits, dot, dash and underscore; at most 60 characters. */
export function fileSafe(text: string): string {
  const s = text
    .replace(/[^A-Za-z0-9._-]+/g, '-')
    .replace(/^[-.]+|[-.]+$/g, '')
    .slice(0, 60);
  return s === '' ? 'game' : s;
}

/** `three-capitals-<scenario>-<seed>.json`. */
export function recordFileName(record: Pick<GameRecord, 'scenario' | 'seed'>): string {
  return `three-capitals-${fileSafe(record.scenario.id)}-${fileSafe(record.seed)}.json`;
}

/** Identifies one finished game (the same record submitted twice has the same key). */
export function recordKey(
  record: Pick<GameRecord, 'scenario' | 'seed' | 'turnHashes' | 'actions'>,
): string {
  return `${record.scenario.hash}:${record.seed}:${record.actions.length}:${record.turnHashes[record.turnHashes.length - 1] ?? ''}`;
}

/** The class board of a scenario (and class). */
export function resultsLink(scenarioId: string, classCode?: string | null): string {
  const p = new URLSearchParams({ scenario: scenarioId });
  if (classCode) p.set('class', classCode);
  return `/results?${p.toString()}`;
}

/** The outcome explorer of a scenario with "your game" read from localStorage tc.lastGame. */
export function explorerHref(scenarioId: string): string {
  const p = new URLSearchParams({ scenario: scenarioId, mine: STORAGE_KEYS.lastGame });
  return `/explorer.html?${p.toString()}`;
}

export interface Submission {
  record: GameRecord;
  pseudonym: string;
  classCode?: string;
  /** The scenario's text, for a scenario the server may not have (a file an instructor wrote). */
  scenario?: string;
  /** The stored result and turn this game was forked from (the server checks the claim). */
  forkedFrom?: { resultId: string; turn: number };
}

export interface PendingSubmission {
  key: string;
  savedAt: string;
  payload: Submission;
}

export type SubmitOutcome =
  | { kind: 'ok'; id: string; created: boolean; classCode: string | null; scenarioId: string }
  | { kind: 'rejected'; status: number; message: string }
  | { kind: 'offline'; message: string };

export type FetchLike = (input: string, init?: RequestInit) => Promise<Response>;

function isObject(v: unknown): v is Record<string, unknown> {
  return v !== null && typeof v === 'object' && !Array.isArray(v);
}

/** The body POSTed to /api/results: no empty class code, the scenario text only when given. */
export function submissionBody(s: Submission): Record<string, unknown> {
  const body: Record<string, unknown> = { record: s.record, pseudonym: s.pseudonym };
  const code = s.classCode?.trim();
  if (code) body['classCode'] = code;
  if (s.scenario !== undefined) body['scenario'] = s.scenario;
  if (s.forkedFrom) body['forkedFrom'] = s.forkedFrom;
  return body;
}

/**
 * POSTs a game record to the class board. Never throws: a network failure, a rate limit or a
 * server error is 'offline' (keep it and try later); a 4xx is 'rejected' with the server's own
 * message (trying again would not help).
 */
export async function submitResult(
  s: Submission,
  fetchFn: FetchLike,
  signal?: AbortSignal,
): Promise<SubmitOutcome> {
  let res: Response;
  try {
    res = await fetchFn('/api/results', {
      method: 'POST',
      headers: { 'content-type': 'application/json', accept: 'application/json' },
      body: JSON.stringify(submissionBody(s)),
      credentials: 'same-origin',
      ...(signal ? { signal } : {}),
    });
  } catch (e) {
    return { kind: 'offline', message: e instanceof Error ? e.message : String(e) };
  }
  let body: unknown = null;
  try {
    body = await res.json();
  } catch {
    body = null;
  }
  if (res.status === 200 || res.status === 201) {
    if (isObject(body) && typeof body['id'] === 'string') {
      const scenario = isObject(body['scenario']) ? body['scenario'] : {};
      return {
        kind: 'ok',
        id: body['id'],
        created: res.status === 201,
        classCode: typeof body['classCode'] === 'string' ? body['classCode'] : null,
        scenarioId: typeof scenario['id'] === 'string' ? scenario['id'] : s.record.scenario.id,
      };
    }
    return { kind: 'offline', message: 'the server answered without a result id' };
  }
  if (res.status >= 400 && res.status < 500 && res.status !== 408 && res.status !== 429) {
    let message = `the server refused the result (${res.status})`;
    if (isObject(body) && typeof body['message'] === 'string') {
      message = body['message'];
      const details = Array.isArray(body['details'])
        ? body['details'].filter((d): d is string => typeof d === 'string')
        : [];
      if (details.length > 0) message += `: ${details.slice(0, 5).join('; ')}`;
    }
    return { kind: 'rejected', status: res.status, message };
  }
  const why =
    isObject(body) && typeof body['message'] === 'string'
      ? body['message']
      : `status ${res.status}`;
  return { kind: 'offline', message: `the server could not take it now (${why})` };
}

export interface KeyValue {
  getItem(key: string): string | null;
  setItem(key: string, value: string): void;
  removeItem(key: string): void;
}

/** A JSON array from storage; [] when missing or damaged. */
export function readArray(storage: KeyValue | null, key: string): unknown[] {
  if (!storage) return [];
  try {
    const v = JSON.parse(storage.getItem(key) ?? '[]') as unknown;
    return Array.isArray(v) ? v : [];
  } catch {
    return [];
  }
}

function writeJson(storage: KeyValue | null, key: string, value: unknown): boolean {
  if (!storage) return false;
  try {
    storage.setItem(key, JSON.stringify(value));
    return true;
  } catch {
    return false;
  }
}

export function pendingSubmissions(storage: KeyValue | null): PendingSubmission[] {
  return readArray(storage, STORAGE_KEYS.pending).filter(
    (p): p is PendingSubmission =>
      isObject(p) &&
      typeof p['key'] === 'string' &&
      isObject(p['payload']) &&
      isObject(p['payload']['record']),
  );
}

/** Keeps a submission to send later (replacing an earlier one of the same game). */
export function queuePending(storage: KeyValue | null, s: Submission, now: string): boolean {
  const key = recordKey(s.record);
  const list = pendingSubmissions(storage).filter((p) => p.key !== key);
  list.push({ key, savedAt: now, payload: s });
  return writeJson(storage, STORAGE_KEYS.pending, list);
}

export function removePending(storage: KeyValue | null, key: string): void {
  const list = pendingSubmissions(storage).filter((p) => p.key !== key);
  if (list.length === 0) {
    try {
      storage?.removeItem(STORAGE_KEYS.pending);
    } catch {
      /* storage refused: nothing to do */
    }
  } else writeJson(storage, STORAGE_KEYS.pending, list);
}

/** Remembers a result id this browser submitted (tc.myResults, newest last, no duplicates). */
export function rememberResult(storage: KeyValue | null, id: string): void {
  const ids = readArray(storage, STORAGE_KEYS.myResults).filter(
    (x): x is string => typeof x === 'string' && x !== id,
  );
  ids.push(id);
  writeJson(storage, STORAGE_KEYS.myResults, ids.slice(-200));
}

export interface RetryReport {
  sent: { key: string; outcome: Extract<SubmitOutcome, { kind: 'ok' }> }[];
  rejected: { key: string; outcome: Extract<SubmitOutcome, { kind: 'rejected' }> }[];
  kept: number;
}

/** Tries every kept submission once: sent ones leave the queue, refused ones too (with why). */
export async function retryPending(
  storage: KeyValue | null,
  fetchFn: FetchLike,
  signal?: AbortSignal,
): Promise<RetryReport> {
  const report: RetryReport = { sent: [], rejected: [], kept: 0 };
  for (const p of pendingSubmissions(storage)) {
    if (signal?.aborted) {
      report.kept++;
      continue;
    }
    const outcome = await submitResult(p.payload, fetchFn, signal);
    if (outcome.kind === 'ok') {
      removePending(storage, p.key);
      rememberResult(storage, outcome.id);
      report.sent.push({ key: p.key, outcome });
    } else if (outcome.kind === 'rejected') {
      removePending(storage, p.key);
      report.rejected.push({ key: p.key, outcome });
    } else report.kept++;
  }
  return report;
}
