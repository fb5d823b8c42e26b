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

async function getJson<T>(url: string): Promise<T> {
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
}): Promise<Board> {
  const p = new URLSearchParams();
  if (q.scenario) p.set('scenario', q.scenario);
  if (q.hash) p.set('hash', q.hash);
  if (q.classCode) p.set('class', q.classCode);
  p.set('limit', String(q.limit ?? 10_000));
  p.set('format', 'board');
  const raw = await getJson<{ total: number; metrics: string[]; rows: unknown[][] }>(
    `/api/results?${p.toString()}`,
  );
  const index = new Map(raw.metrics.map((m, i) => [m, i]));
  const runs: Run[] = raw.rows.map((r) => ({
    id: r[0] as string,
    pseudonym: r[1] as string,
    createdAt: r[2] as number,
    played: r[3] as string,
    classCode: r[4] as string | null,
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

export const getResult = (id: string) =>
  getJson<FullResult>(`/api/results/${encodeURIComponent(id)}`);
export const getRules = (id: string) =>
  getJson<unknown>(`/api/results/${encodeURIComponent(id)}/rules`);
export const listScenarios = () => getJson<{ scenarios: ScenarioInfo[] }>('/api/scenarios');
export const getClass = (code: string) =>
  getJson<ClassInfo>(`/api/classes/${encodeURIComponent(code)}`);

export function forkUrl(id: string, turn: number): string {
  return `/?fork=${encodeURIComponent(id)}&turn=${turn}`;
}

export function shareUrl(id: string): string {
  return `${window.location.origin}/results?id=${encodeURIComponent(id)}`;
}
