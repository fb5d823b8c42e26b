/**
 * Worker threads for replaying records (verifying submissions, cutting forks), so that a server
 * uses every core and its main thread, which parses requests and talks to the database, never
 * replays. Tasks go to the least busy thread. A task has a time budget: a thread that has not
 * answered within it is terminated and replaced, and the task fails with a 503 (nothing stored);
 * so does every task of a thread that dies.
 */
import { Worker } from 'node:worker_threads';

import { ApiError } from './errors';
import type {
  ForkAnswer,
  ForkTask,
  PoolMessage,
  ScenarioAnswer,
  ScenarioTask,
  VerifyAnswer,
  VerifyTask,
} from './verify-task';

type Answer = VerifyAnswer | ForkAnswer | ScenarioAnswer;

interface Slot {
  worker: Worker;
  busy: number;
  pending: Set<number>;
  ready: Promise<void>;
  /** Each pending task's budget timer. */
  timers: Map<number, NodeJS.Timeout>;
  /** Terminates the thread; its pending tasks fail with `cause`. */
  kill(cause: Error): void;
}

export class ReplayTimeout extends ApiError {
  constructor(limitMs: number) {
    super(
      503,
      'verification-timeout',
      `the work this request needs (replaying a record or checking a scenario) took longer than the server allows (${(limitMs / 1000).toFixed(1)} s); try again later`,
    );
  }
}

export class VerifyPool {
  private readonly slots: Slot[] = [];
  private readonly waiting = new Map<
    number,
    { resolve: (a: Answer) => void; reject: (e: Error) => void }
  >();
  private seq = 0;
  private closed = false;

  constructor(
    readonly size: number,
    private readonly scenariosDir?: string,
    /** Most time a task may take from the moment its thread receives it. */
    readonly timeLimitMs = 10_000,
  ) {
    for (let i = 0; i < size; i++) this.slots.push(this.spawn());
  }

  private spawn(): Slot {
    // The worker is TypeScript: its entry registers tsx in the thread, then imports it.
    const worker = new Worker(new URL('./verify-worker-entry.mjs', import.meta.url), {
      workerData: { scenariosDir: this.scenariosDir, timeLimitMs: this.timeLimitMs },
    });
    let markReady = () => {};
    const ready = new Promise<void>((resolve) => (markReady = resolve));
    let cause: Error | null = null;
    const slot: Slot = {
      worker,
      busy: 0,
      pending: new Set(),
      ready,
      timers: new Map(),
      kill(e) {
        cause = e;
        void worker.terminate();
      },
    };
    worker.on('message', (m: { id?: number; answer?: Answer; ready?: boolean }) => {
      if (m.ready) {
        markReady();
        if (slot.busy === 0) worker.unref(); // loading kept the process alive; idle does not
      }
      if (m.id === undefined || !m.answer) return;
      const w = this.waiting.get(m.id);
      this.waiting.delete(m.id);
      slot.pending.delete(m.id);
      clearTimeout(slot.timers.get(m.id));
      slot.timers.delete(m.id);
      if (--slot.busy === 0) worker.unref();
      w?.resolve(m.answer);
    });
    const fail = (err: Error) => {
      for (const id of slot.pending) {
        this.waiting.get(id)?.reject(err);
        this.waiting.delete(id);
      }
      for (const t of slot.timers.values()) clearTimeout(t);
      slot.timers.clear();
      slot.pending.clear();
      slot.busy = 0;
      const i = this.slots.indexOf(slot);
      if (i >= 0 && !this.closed) this.slots[i] = this.spawn();
    };
    worker.on('error', (err) => {
      markReady();
      fail(err);
    });
    worker.on('exit', (code) => {
      if (!this.closed) fail(cause ?? new Error(`a verification thread exited (${code})`));
    });
    return slot;
  }

  /** Resolves when every thread has loaded the ledger and the built-in scenarios. */
  async ready(): Promise<void> {
    await Promise.all(this.slots.map((s) => s.ready));
  }

  /**
   * Verifies a submitted record. The record crosses to the thread as JSON text: writing and
   * parsing it costs about half what structured cloning its many small objects does. A built-in
   * scenario crosses without its text (the thread found it by hash among the files it loaded).
   */
  run(task: VerifyTask): Promise<VerifyAnswer> {
    const { record, ...rest } = task;
    // Every thread loads the built-in files at start: their text need not cross again.
    const scenario =
      rest.scenario.origin === 'builtin' ? { ...rest.scenario, text: '' } : rest.scenario;
    return this.send({
      kind: 'verify',
      task: { ...rest, scenario },
      recordJson: JSON.stringify(record),
    }) as Promise<VerifyAnswer>;
  }

  /** Replays a stored record up to a turn (the fork endpoint). */
  fork(task: ForkTask): Promise<ForkAnswer> {
    return this.send({ kind: 'fork', task }) as Promise<ForkAnswer>;
  }

  /** Validates scenario text a client sent (parsing a large file takes a while). */
  checkScenario(task: ScenarioTask): Promise<ScenarioAnswer> {
    return this.send({ kind: 'scenario', task }) as Promise<ScenarioAnswer>;
  }

  private send(message: PoolMessage): Promise<Answer> {
    if (this.closed) return Promise.reject(new Error('the verification pool is closed'));
    let slot = this.slots[0]!;
    for (const s of this.slots) if (s.busy < slot.busy) slot = s;
    const id = ++this.seq;
    // An idle thread does not keep the process alive; a busy one does.
    if (slot.busy++ === 0) slot.worker.ref();
    slot.pending.add(id);
    // The budget covers the tasks queued before this one on the same thread as well: a thread
    // stuck on one task is replaced, and everything waiting on it fails with a 503.
    // The clock starts once the thread has loaded (a replaced thread takes a moment to start).
    const budget = this.timeLimitMs * slot.busy;
    void slot.ready.then(() => {
      if (!slot.pending.has(id)) return;
      slot.timers.set(
        id,
        setTimeout(() => {
          if (slot.pending.has(id)) slot.kill(new ReplayTimeout(this.timeLimitMs));
        }, budget),
      );
    });
    return new Promise((resolve, reject) => {
      this.waiting.set(id, { resolve, reject });
      slot.worker.postMessage({ id, ...message });
    });
  }

  async close(): Promise<void> {
    this.closed = true;
    for (const s of this.slots) for (const t of s.timers.values()) clearTimeout(t);
    await Promise.all(this.slots.map((s) => s.worker.terminate()));
    for (const w of this.waiting.values()) w.reject(new Error('the verification pool is closed'));
    this.waiting.clear();
  }
}
