/** The results API as the page uses it (see docs/server.md for the full contract). */

export interface ResultSummary {
  id: string;
  url: string;
  scenario: { id: string; hash: string };
  classCode: string | null;
  pseudonym: string;
  engineVersion: string;
  seed: string;
  figureChoices: { default: string; byFigure?: Record<string, string> };
  seats: Record<string, string>;
  turns: number;
  actionCount: number;
  finalHash: string;
  createdAt: string;
  hidden?: boolean;
  /** Only for a run the server verified as forked from another (issue 13). */
  forkedFrom?: { resultId: string; turn: number };
  metrics: Record<string, number>;
  scores: Record<string, number>;
}

export interface TurnMetrics {
  turn: number;
  date: string;
  metrics: Record<string, number>;
}

export interface FullResult extends ResultSummary {
  history: TurnMetrics[];
  record: {
    seed: string;
    figureChoices: {
      default: 'low' | 'central' | 'high';
      byFigure?: Record<string, 'low' | 'central' | 'high'>;
    };
    seats: Record<string, string>;
    actions: { type: string; seat: string; [k: string]: unknown }[];
    turnHashes: string[];
    [k: string]: unknown;
  };
}

export interface ScenarioInfo {
  id: string;
  hash: string;
  title: string;
  builtIn: boolean;
  file: string | null;
  results: number;
}

export interface ClassInfo {
  code: string;
  scenario: { id: string; hash: string; title: string | null };
  seed: string | null;
  figureChoices: unknown;
  retentionDays: number;
  createdAt: string;
  results: number;
  links?: { join: string; results: string };
  /** Present when asked with a moderation key (true) or by a class creator. */
  moderator?: boolean;
}

/** The answer to POST /api/classes: the moderation key is shown this once. */
export interface CreatedClass {
  code: string;
  moderationKey: string;
  class: ClassInfo;
}

export class ApiFailure extends Error {
  constructor(
    readonly status: number,
    readonly code: string,
    message: string,
  ) {
    super(message);
  }
}

/** The header that carries a class's moderation key (never put in a URL). */
export const MODERATION_HEADER = 'X-Moderation-Key';

async function request(
  url: string,
  init: { method?: string; body?: unknown; key?: string | undefined; accept?: string } = {},
): Promise<Response> {
  const headers: Record<string, string> = { accept: init.accept ?? 'application/json' };
  if (init.key) headers[MODERATION_HEADER] = init.key;
  if (init.body !== undefined) headers['content-type'] = 'application/json';
  let res: Response;
  try {
    res = await fetch(url, {
      method: init.method ?? 'GET',
      headers,
      cache: 'no-store',
      ...(init.body !== undefined ? { body: JSON.stringify(init.body) } : {}),
    });
  } catch {
    throw new ApiFailure(
      0,
      'offline',
      'The results server cannot be reached. Check the connection and try again.',
    );
  }
  if (!res.ok) {
    const body = (await res.json().catch(() => null)) as {
      error?: string;
      message?: string;
    } | null;
    throw new ApiFailure(
      res.status,
      body?.error ?? 'error',
      body?.message ?? `the server answered ${res.status}`,
    );
  }
  return res;
}

async function sendJson<T>(method: string, url: string, body?: unknown, key?: string): Promise<T> {
  const res = await request(url, { method, body, key });
  return (await res.json()) as T;
}

async function getJson<T>(url: string, key?: string): Promise<T> {
  if (key) return sendJson<T>('GET', url, undefined, key);
  let res: Response;
  try {
    res = await fetch(url, { headers: { accept: 'application/json' } });
  } catch {
    throw new ApiFailure(
      0,
      'offline',
      'The results server cannot be reached. Check the connection and reload the page.',
    );
  }
  const body = (await res.json().catch(() => null)) as { error?: string; message?: string } | null;
  if (!res.ok)
    throw new ApiFailure(
      res.status,
      body?.error ?? 'error',
      body?.message ?? `the server answered ${res.status}`,
    );
  return body as T;
}

/** One run as the board gets it (format=board): metric values by index into Board.metrics. */
export interface Run {
  id: string;
  pseudonym: string;
  createdAt: number;
  /** Capitals a person held, joined with "+" ("" when only the computer played). */
  played: string;
  classCode: string | null;
  /** Hidden by the class's moderator (only ever true in a moderator's view). */
  hidden: boolean;
  values: (number | null)[];
}

export interface Board {
  total: number;
  metrics: string[];
  runs: Run[];
  /** A metric's value in a run (NaN when the run has none). */
  value(run: Run, metric: string): number;
}

export async function listBoard(q: {
  scenario?: string;
  hash?: string;
  classCode?: string;
  limit?: number;
  /** The class's moderation key: hidden runs are included and marked. */
  moderationKey?: string;
}): Promise<Board> {
  const p = new URLSearchParams();
  if (q.scenario) p.set('scenario', q.scenario);
  if (q.hash) p.set('hash', q.hash);
  if (q.classCode) p.set('class', q.classCode);
  p.set('limit', String(q.limit ?? 10_000));
  p.set('format', 'board');
  const raw = await getJson<{ total: number; metrics: string[]; rows: unknown[][] }>(
    `/api/results?${p.toString()}`,
    q.moderationKey,
  );
  const index = new Map(raw.metrics.map((m, i) => [m, i]));
  const runs: Run[] = raw.rows.map((r) => ({
    id: r[0] as string,
    pseudonym: r[1] as string,
    createdAt: r[2] as number,
    played: r[3] as string,
    classCode: r[4] as string | null,
    hidden: r[5] === true,
    values: r.slice(6) as (number | null)[],
  }));
  return {
    total: raw.total,
    metrics: raw.metrics,
    runs,
    value(run, metric) {
      const i = index.get(metric);
      const v = i === undefined ? null : run.values[i];
      return typeof v === 'number' ? v : NaN;
    },
  };
}

export type { BoardAnswer, BoardRun } from '../server/board-bins';
import type { BoardAnswer } from '../server/board-bins';
export type BoardPage = BoardAnswer['table'];

/** The board as the results page draws it: bins, "you are here" and one sorted page of runs. */
export function getBoard(q: {
  scenario?: string | undefined;
  hash?: string | undefined;
  classCode?: string | undefined;
  moderationKey?: string | undefined;
  played?: string | undefined;
  sort?: string;
  dir?: 'asc' | 'desc';
  page?: number;
  /** This browser's runs (the latest 50): their page is the first one shown. */
  mine?: string[];
  around?: string | undefined;
  /** false: the table's page only (the charts are not drawn again). */
  charts?: boolean;
}): Promise<BoardAnswer> {
  const p = new URLSearchParams();
  if (q.scenario) p.set('scenario', q.scenario);
  if (q.hash) p.set('hash', q.hash);
  if (q.classCode) p.set('class', q.classCode);
  if (q.played) p.set('played', q.played);
  if (q.sort) p.set('sort', q.sort);
  if (q.dir) p.set('dir', q.dir);
  if (q.page !== undefined) p.set('page', String(q.page));
  if (q.mine && q.mine.length > 0) p.set('mine', q.mine.slice(-50).join(','));
  if (q.around) p.set('around', q.around);
  if (q.charts === false) p.set('charts', 'false');
  return getJson<BoardAnswer>(`/api/board?${p.toString()}`, q.moderationKey);
}

export const getResult = (id: string) =>
  getJson<FullResult>(`/api/results/${encodeURIComponent(id)}`);
export const getRules = (id: string) =>
  getJson<unknown>(`/api/results/${encodeURIComponent(id)}/rules`);
/** A class room's messages, revealed with its finished game (empty for other runs). */
export const getResultMessages = (id: string) =>
  getJson<{ messages: import('../rooms/messages').RoomMessage[] }>(
    `/api/results/${encodeURIComponent(id)}/messages`,
  );
/** One scenario by its hash: its title, whether it is built in (the text is left unread). */
export const getScenarioInfo = (hash: string) =>
  getJson<{ id: string; hash: string; title: string; builtIn: boolean }>(
    `/api/scenarios/${encodeURIComponent(hash)}`,
  );
export const listScenarios = () => getJson<{ scenarios: ScenarioInfo[] }>('/api/scenarios');
export const getClass = (code: string, moderationKey?: string) =>
  getJson<ClassInfo>(`/api/classes/${encodeURIComponent(code)}`, moderationKey);

export const createClass = (body: {
  scenario: string;
  seed?: string;
  figures?: 'low' | 'central' | 'high';
  retentionDays?: number;
}) => sendJson<CreatedClass>('POST', '/api/classes', body);

const classUrl = (code: string) => `/api/classes/${encodeURIComponent(code)}`;

export const setHidden = (code: string, id: string, hidden: boolean, key: string) =>
  sendJson<ResultSummary>(
    'PATCH',
    `${classUrl(code)}/results/${encodeURIComponent(id)}`,
    { hidden },
    key,
  );

export const deleteResult = (code: string, id: string, key: string) =>
  sendJson<{ deleted: boolean; id: string }>(
    'DELETE',
    `${classUrl(code)}/results/${encodeURIComponent(id)}`,
    undefined,
    key,
  );

export const setRetention = (code: string, retentionDays: number, key: string) =>
  sendJson<ClassInfo>('PATCH', classUrl(code), { retentionDays }, key);

/** The class's results as CSV (a Blob to save). */
export async function exportCsv(code: string, key: string): Promise<Blob> {
  const res = await request(`${classUrl(code)}/export.csv`, { key, accept: 'text/csv' });
  return res.blob();
}

export function forkUrl(id: string, turn: number): string {
  return `/?fork=${encodeURIComponent(id)}&turn=${turn}`;
}

export function shareUrl(id: string): string {
  return `${window.location.origin}/results?id=${encodeURIComponent(id)}`;
}
