/**
 * The prepared boards of GET /api/board, kept per process between requests. Reading, parsing and
 * binning 10,000 runs takes a few hundred milliseconds; a teacher's class and thirty students
 * reload the same board all lesson. Each request first asks the database for the scenario's
 * results version (one indexed row, raised by every store, hide, unhide, delete and retention
 * sweep, whichever app server made it: see Store.bumpResultsVersion) and reuses the board only
 * if the version is the one it was read at. The version is read before the rows, so a write that
 * lands in between makes the next request read again; a cached board is never staler than that.
 */
import type { ResultFilter, Store } from '../db/store';
import { BOARD_MAX_RUNS, PreparedBoard, toBoardRun } from './board-bins';

/** Boards kept (least recently used dropped first): a school's scenarios and classes. */
export const BOARD_CACHE_SIZE = 12;
/**
 * Runs kept over all boards: a 10,000-run board with all five capital filters drawn holds about
 * 27 MB of heap, so at most three of those stay (a class's board is a few dozen runs).
 */
export const BOARD_CACHE_RUNS = 30_000;

export class BoardCache {
  private readonly entries = new Map<
    string,
    { version: number; board: Promise<PreparedBoard>; runs: number }
  >();
  /** Boards read from the database (not from the cache), for the tests and the benchmark. */
  reads = 0;

  constructor(
    private readonly store: Store,
    private readonly size = BOARD_CACHE_SIZE,
    private readonly maxRuns = BOARD_CACHE_RUNS,
  ) {}

  async get(filter: ResultFilter): Promise<PreparedBoard> {
    const key = JSON.stringify([
      filter.scenarioId ?? null,
      filter.scenarioHash ?? null,
      filter.classCode ?? null,
      filter.includeHidden === true,
    ]);
    const version = await this.store.resultsVersion(filter.scenarioHash);
    const hit = this.entries.get(key);
    this.entries.delete(key);
    if (hit && hit.version === version) {
      this.entries.set(key, hit);
      return hit.board;
    }
    this.reads++;
    const board = this.read(filter, hit?.board);
    const entry = { version, board, runs: 0 };
    this.entries.set(key, entry);
    board.then(
      (b) => {
        entry.runs = b.all.length;
        this.trim();
      },
      // A failed read is not kept: the next request tries again.
      () => {
        if (this.entries.get(key) === entry) this.entries.delete(key);
      },
    );
    this.trim();
    return board;
  }

  /** Reads these boards one after another, in the background; failures are left for requests. */
  async warm(filters: ResultFilter[]): Promise<void> {
    for (const f of filters) await this.get(f).catch(() => undefined);
  }

  /** Drops the least recently used boards until both bounds hold (the newest always stays). */
  private trim(): void {
    let runs = 0;
    for (const e of this.entries.values()) runs += e.runs;
    while (this.entries.size > 1 && (this.entries.size > this.size || runs > this.maxRuns)) {
      const [oldest, e] = this.entries.entries().next().value!;
      this.entries.delete(oldest);
      runs -= e.runs;
    }
  }

  /**
   * Reads the board's rows; a run the previous board already held is reused when it reads the
   * same (a result's metrics never change, only whether it or its parent is hidden), which spares
   * parsing every run's metrics again when one result was added or hidden.
   */
  private async read(
    filter: ResultFilter,
    previous: Promise<PreparedBoard> | undefined,
  ): Promise<PreparedBoard> {
    const moderator = filter.includeHidden === true;
    const [rows, total, before] = await Promise.all([
      this.store.listBoard(filter, BOARD_MAX_RUNS, 0),
      this.store.countResults(filter),
      previous?.catch(() => undefined),
    ]);
    const known = new Map(before?.all.map((r) => [r.id, r]));
    return new PreparedBoard(
      rows.map((r) => toBoardRun(r, moderator, known.get(r.id))),
      total,
    );
  }
}
