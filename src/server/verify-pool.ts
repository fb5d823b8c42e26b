/**
 * Worker threads for replaying submitted records, so that a server uses every core: the main
 * thread parses requests and talks to the database, the threads replay. Tasks go to the least
 * busy thread; a thread that dies is replaced and its tasks fail with a 500 (nothing stored).
 */
import { Worker } from 'node:worker_threads';

import type { VerifyAnswer, VerifyTask } from './verify-task';

interface Slot {
  worker: Worker;
  busy: number;
  pending: Set<number>;
  ready: Promise<void>;
}

export class VerifyPool {
  private readonly slots: Slot[] = [];
  private readonly waiting = new Map<
    number,
    { resolve: (a: VerifyAnswer) => void; reject: (e: Error) => void }
  >();
  private seq = 0;
  private closed = false;

  constructor(
    readonly size: number,
    private readonly scenariosDir?: string,
  ) {
    for (let i = 0; i < size; i++) this.slots.push(this.spawn());
  }

  private spawn(): Slot {
    // The worker is TypeScript: its entry registers tsx in the thread, then imports it.
    const worker = new Worker(new URL('./verify-worker-entry.mjs', import.meta.url), {
      workerData: { scenariosDir: this.scenariosDir },
    });
    let markReady = () => {};
    const ready = new Promise<void>((resolve) => (markReady = resolve));
    const slot: Slot = { worker, busy: 0, pending: new Set(), ready };
    worker.on('message', (m: { id?: number; answer?: VerifyAnswer; ready?: boolean }) => {
      if (m.ready) {
        markReady();
        if (slot.busy === 0) worker.unref(); // loading kept the process alive; idle does not
      }
      if (m.id === undefined || !m.answer) return;
      const w = this.waiting.get(m.id);
      this.waiting.delete(m.id);
      slot.pending.delete(m.id);
      if (--slot.busy === 0) worker.unref();
      w?.resolve(m.answer);
    });
    const fail = (err: Error) => {
      for (const id of slot.pending) {
        this.waiting.get(id)?.reject(err);
        this.waiting.delete(id);
      }
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
      if (!this.closed) fail(new Error(`a verification thread exited (${code})`));
    });
    return slot;
  }

  /** Resolves when every thread has loaded the ledger and the built-in scenarios. */
  async ready(): Promise<void> {
    await Promise.all(this.slots.map((s) => s.ready));
  }

  run(task: VerifyTask): Promise<VerifyAnswer> {
    if (this.closed) return Promise.reject(new Error('the verification pool is closed'));
    let slot = this.slots[0]!;
    for (const s of this.slots) if (s.busy < slot.busy) slot = s;
    const id = ++this.seq;
    // An idle thread does not keep the process alive; a busy one does.
    if (slot.busy++ === 0) slot.worker.ref();
    slot.pending.add(id);
    return new Promise((resolve, reject) => {
      this.waiting.set(id, { resolve, reject });
      slot.worker.postMessage({ id, task });
    });
  }

  async close(): Promise<void> {
    this.closed = true;
    await Promise.all(this.slots.map((s) => s.worker.terminate()));
    for (const w of this.waiting.values()) w.reject(new Error('the verification pool is closed'));
    this.waiting.clear();
  }
}
