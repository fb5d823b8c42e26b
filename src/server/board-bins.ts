/**
 * GET /api/board — the results page's data, computed here instead of in the browser: for the
 * runs played as one capital, the histogram of every metric; where one run stands among them
 * ("you are here"); and one sorted page of the runs table. A 10,000-run board answers in a few
 * kilobytes instead of megabytes of every run.
 */
import type { FastifyInstance, FastifyRequest } from 'fastify';

import type { BoardRow, ClassRow, ResultFilter, Store } from '../db/store';
import {
  distribution,
  sortedNumbers,
  standingCounts,
  type Distribution,
  type Sorted,
} from '../results/stats';
import type { BoardCache } from './board-cache';
import { badRequest, notFound } from './errors';
import type { ScenarioCatalog } from './scenarios';

export const PLAYED_FILTERS = ['all', 'pyongyang', 'moscow', 'kyiv', 'computer'] as const;
export type PlayedFilter = (typeof PLAYED_FILTERS)[number];
const CAPITAL_ORDER = ['pyongyang', 'moscow', 'kyiv'];
/** Runs read for one board: the list limit of /api/results, so both views agree. */
export const BOARD_MAX_RUNS = 10_000;
export const BOARD_MAX_PAGE_SIZE = 100;
/** Result ids the page may ask about ("mine"): the ones this browser submitted, latest first. */
export const BOARD_MAX_MINE = 50;

export interface BoardRun {
  id: string;
  pseudonym: string;
  createdAt: number;
  played: string;
  classCode: string | null;
  hidden: boolean;
  values: Record<string, number>;
  /**
   * The run this one continued (a fork), and at which turn: its player's name, or why there is
   * none to show (the run was deleted, or hidden from students).
   */
  forkedFrom:
    { turn: number; pseudonym: string } | { turn: number; gone: 'hidden' | 'deleted' } | null;
}

export interface BoardQuery {
  played?: PlayedFilter | undefined;
  /** Sort key: pseudonym, createdAt, played or a metric id. */
  sort: string;
  dir: 'asc' | 'desc';
  /** Absent: the page holding `around`, else the one holding the latest of `mine`, else 0. */
  page?: number | undefined;
  pageSize: number;
  around?: string | undefined;
  mine: string[];
}

/** A board row as the page reads it; `known` (the same run read before) is reused if it still reads the same. */
export function toBoardRun(r: BoardRow, moderator: boolean, known?: BoardRun): BoardRun {
  const hidden = moderator ? r.hidden !== 0 : false;
  const fork = forkedFrom(r, moderator);
  if (
    known &&
    known.hidden === hidden &&
    known.pseudonym === r.pseudonym &&
    JSON.stringify(known.forkedFrom) === JSON.stringify(fork)
  )
    return known;
  const seats = JSON.parse(r.seats) as Record<string, string>;
  const raw = JSON.parse(r.metrics) as Record<string, unknown>;
  const values: Record<string, number> = {};
  for (const k in raw)
    if (typeof raw[k] === 'number' && Number.isFinite(raw[k])) values[k] = raw[k];
  return {
    id: r.id,
    pseudonym: r.pseudonym,
    createdAt: r.created_at,
    played: CAPITAL_ORDER.filter((c) => seats[c] === 'human').join('+'),
    classCode: r.class_code,
    hidden,
    values,
    forkedFrom: fork,
  };
}

function forkedFrom(r: BoardRow, moderator: boolean): BoardRun['forkedFrom'] {
  if (r.forked_from_result === null || r.forked_from_turn === null) return null;
  const turn = r.forked_from_turn;
  if (r.parent_pseudonym === null) return { turn, gone: 'deleted' };
  if (r.parent_hidden !== 0 && !moderator) return { turn, gone: 'hidden' };
  return { turn, pseudonym: r.parent_pseudonym };
}

export const playedAs = (run: BoardRun, f: PlayedFilter): boolean =>
  f === 'all' || (f === 'computer' ? run.played === '' : run.played.split('+').includes(f));

const PLAYED_WORDS: Record<string, string> = {
  pyongyang: 'Pyongyang',
  moscow: 'Moscow',
  kyiv: 'Kyiv',
};
/** What the "Played as" column shows, so the server sorts it as the page reads it. */
const playedWords = (p: string): string =>
  p === ''
    ? 'Computer only'
    : p
        .split('+')
        .map((c) => PLAYED_WORDS[c] ?? c)
        .join(' and ');

/** The same order the page's table used: numbers with missing values lowest, ties by id. */
export function sortRuns(runs: BoardRun[], key: string, dir: 'asc' | 'desc'): BoardRun[] {
  const sign = dir === 'asc' ? 1 : -1;
  const value = (r: BoardRun): number | string =>
    key === 'pseudonym'
      ? r.pseudonym.toLowerCase()
      : key === 'played'
        ? playedWords(r.played)
        : key === 'createdAt'
          ? r.createdAt
          : (r.values[key] ?? -Infinity);
  const keyed = runs.map((r) => ({ r, v: value(r) }));
  keyed.sort((a, b) => {
    const c =
      typeof a.v === 'number' && typeof b.v === 'number'
        ? a.v === b.v
          ? 0
          : a.v < b.v
            ? -1
            : 1
        : String(a.v).localeCompare(String(b.v));
    return c * sign || (a.r.id < b.r.id ? -1 : a.r.id > b.r.id ? 1 : 0);
  });
  return keyed.map((k) => k.r);
}

export interface BoardAnswer {
  total: number;
  hidden: number;
  metrics: string[];
  played: PlayedFilter;
  /** Runs students see that were played as `played`. */
  inView: number;
  visible: number;
  distributions: Record<string, Distribution>;
  /** This browser's runs on the board (ids from `mine`), latest first. */
  mine: BoardRun[];
  /** Where the latest of `mine` stands per metric, among the runs in view. */
  standing: Record<string, { n: number; below: number; equal: number }> | null;
  table: {
    sort: string;
    dir: 'asc' | 'desc';
    page: number;
    pages: number;
    pageSize: number;
    runs: BoardRun[];
  };
}

/** The whole answer from the board's runs (pure: the tests compare it with the page's old code). */
export function boardAnswer(all: BoardRun[], total: number, q: BoardQuery): BoardAnswer {
  return answerBoard(new PreparedBoard(all, total), q);
}

/**
 * The answer from a prepared board: its bins and sorted orders are computed once per board and
 * capital, so a cached board answers each request with a lookup and a page slice. With
 * `charts: false` (a table page after a sort) the bins and standing are left out.
 */
export function answerBoard(board: PreparedBoard, q: BoardQuery, charts = true): BoardAnswer {
  const mineIds = new Set(q.mine);
  const mine = board.shown
    .filter((r) => mineIds.has(r.id))
    .sort((a, b) => b.createdAt - a.createdAt);
  const latest = mine[0];
  // Runs played as different capitals are different games: by default the charts compare like
  // with like, starting with the capital of your latest run.
  const played: PlayedFilter =
    q.played ?? ((latest?.played.split('+')[0] || 'all') as PlayedFilter);
  const view = board.view(played);
  let standing: BoardAnswer['standing'] = null;
  if (charts && latest && playedAs(latest, played)) {
    standing = {};
    for (const id of board.metrics) {
      const mineValue = latest.values[id];
      if (mineValue !== undefined) standing[id] = standingCounts(view.columns.get(id)!, mineValue);
    }
  }
  const order = board.order(q.sort, q.dir);
  const pages = Math.max(1, Math.ceil(order.length / q.pageSize));
  let page = Math.min(q.page ?? 0, pages - 1);
  const around = q.around ?? latest?.id;
  if (q.page === undefined && around !== undefined) {
    const i = order.findIndex((r) => r.id === around);
    if (i >= 0) page = Math.floor(i / q.pageSize);
  }
  return {
    total: board.total,
    hidden: board.all.length - board.shown.length,
    metrics: board.metrics,
    played,
    inView: view.count,
    visible: board.shown.length,
    distributions: charts ? view.distributions : {},
    mine,
    standing,
    table: {
      sort: q.sort,
      dir: q.dir,
      page,
      pages,
      pageSize: q.pageSize,
      runs: order.slice(page * q.pageSize, page * q.pageSize + q.pageSize),
    },
  };
}

/** Sorted orders kept per board (each sort key and direction asked for, the latest ones). */
const MAX_ORDERS = 8;

/**
 * A board's runs with what every request needs computed once: the metric ids, the runs students
 * see, per capital filter the sorted values and bins of each metric, and the table's orders.
 * Immutable once built (the cache replaces it when the results change).
 */
export class PreparedBoard {
  readonly shown: BoardRun[];
  readonly metrics: string[] = [];
  private readonly views = new Map<
    PlayedFilter,
    { count: number; columns: Map<string, Sorted>; distributions: Record<string, Distribution> }
  >();
  private readonly orders = new Map<string, BoardRun[]>();

  constructor(
    readonly all: BoardRun[],
    readonly total: number,
  ) {
    this.shown = all.filter((r) => !r.hidden);
    const seen = new Set<string>();
    for (const r of all)
      for (const k in r.values)
        if (!seen.has(k)) {
          seen.add(k);
          this.metrics.push(k);
        }
  }

  view(played: PlayedFilter) {
    let v = this.views.get(played);
    if (!v) {
      const inView = this.shown.filter((r) => playedAs(r, played));
      // One pass over the runs gathers every metric's values (a pass per metric costs more).
      const values = new Map<string, number[]>(this.metrics.map((id) => [id, []]));
      for (const r of inView) for (const id in r.values) values.get(id)!.push(r.values[id]!);
      const columns = new Map<string, Sorted>();
      const distributions: Record<string, Distribution> = {};
      for (const id of this.metrics) {
        const sorted = sortedNumbers(values.get(id)!);
        columns.set(id, sorted);
        distributions[id] = distribution(sorted);
      }
      v = { count: inView.length, columns, distributions };
      this.views.set(played, v);
    }
    return v;
  }

  order(key: string, dir: 'asc' | 'desc'): BoardRun[] {
    const k = `${dir} ${key}`;
    let o = this.orders.get(k);
    if (!o) {
      o = sortRuns(this.all, key, dir);
      if (this.orders.size >= MAX_ORDERS) this.orders.delete(this.orders.keys().next().value!);
      this.orders.set(k, o);
    }
    return o;
  }
}

export interface BoardRouteOptions {
  store: Store;
  catalog: ScenarioCatalog;
  parseClassCode: (input: string) => string;
  isModerator: (request: FastifyRequest, cls: ClassRow) => boolean;
}

/**
 * The runs a board lists, from `scenario`, `hash` and `class`: a class's moderator also sees
 * hidden ones. `scenario=<id>` alone means the built-in of that id, never an upload that reuses
 * the id (those are listed under their own hash).
 */
export async function resultScope(
  opts: BoardRouteOptions,
  request: FastifyRequest,
  q: { scenario?: string | undefined; hash?: string | undefined; class?: string | undefined },
): Promise<{ filter: ResultFilter; moderator: boolean }> {
  const classCode = q.class !== undefined ? opts.parseClassCode(q.class) : undefined;
  let moderator = false;
  if (classCode !== undefined) {
    const cls = await opts.store.getClass(classCode);
    if (!cls) throw notFound('unknown-class', `there is no class ${classCode}`);
    moderator = opts.isModerator(request, cls);
  }
  const hash =
    q.hash ?? (q.scenario !== undefined ? opts.catalog.builtInById(q.scenario)?.hash : undefined);
  const filter: ResultFilter = {
    ...(q.scenario !== undefined ? { scenarioId: q.scenario } : {}),
    ...(hash !== undefined ? { scenarioHash: hash } : {}),
    ...(classCode !== undefined ? { classCode } : {}),
    includeHidden: moderator,
  };
  return { filter, moderator };
}

const IDS = /^[A-Za-z0-9_-]{1,32}(,[A-Za-z0-9_-]{1,32}){0,49}$/;
const SORT = /^(pseudonym|createdAt|played|[a-z][A-Za-z0-9]{0,40}\.[A-Za-z][A-Za-z0-9]{0,40})$/;

export function boardRoute(
  app: FastifyInstance,
  opts: BoardRouteOptions & { cache: BoardCache },
): void {
  const { cache } = opts;
  // The students' boards of the built-in scenarios are read once at start, in the background:
  // the first teacher of the day does not wait for thousands of runs to be parsed.
  app.addHook('onReady', async () => {
    void cache.warm(
      opts.catalog
        .builtIns()
        .map((s) => ({ scenarioId: s.id, scenarioHash: s.hash, includeHidden: false })),
    );
  });
  app.get<{
    Querystring: {
      scenario?: string;
      hash?: string;
      class?: string;
      played?: PlayedFilter;
      sort: string;
      dir: 'asc' | 'desc';
      page?: number;
      pageSize: number;
      around?: string;
      mine?: string;
      charts?: boolean;
    };
  }>(
    '/api/board',
    {
      schema: {
        querystring: {
          type: 'object',
          additionalProperties: false,
          properties: {
            scenario: { type: 'string', minLength: 1, maxLength: 100 },
            hash: { type: 'string', pattern: '^[0-9a-f]{16}$' },
            class: { type: 'string', minLength: 1, maxLength: 20 },
            played: { type: 'string', enum: [...PLAYED_FILTERS] },
            sort: { type: 'string', pattern: SORT.source, default: 'createdAt' },
            dir: { type: 'string', enum: ['asc', 'desc'], default: 'desc' },
            page: { type: 'integer', minimum: 0, maximum: BOARD_MAX_RUNS },
            pageSize: { type: 'integer', minimum: 1, maximum: BOARD_MAX_PAGE_SIZE, default: 25 },
            around: { type: 'string', pattern: '^[A-Za-z0-9_-]{1,32}$' },
            mine: { type: 'string', pattern: IDS.source, maxLength: 33 * BOARD_MAX_MINE },
            // false: only the table's page (a sort or page change: the charts stay as they are).
            charts: { type: 'boolean', default: true },
          },
        },
      },
    },
    async (request) => {
      const q = request.query;
      if (q.scenario === undefined && q.hash === undefined && q.class === undefined)
        throw badRequest('board-needs-scenario', 'name a scenario, a scenario hash or a class');
      const { filter } = await resultScope(opts, request, q);
      return answerBoard(
        await cache.get(filter),
        {
          played: q.played,
          sort: q.sort,
          dir: q.dir,
          page: q.page,
          pageSize: q.pageSize,
          around: q.around,
          mine: q.mine ? q.mine.split(',') : [],
        },
        q.charts !== false,
      );
    },
  );
}
