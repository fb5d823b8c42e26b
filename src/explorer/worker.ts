/**
 * The explorer's Web Worker: loads the scenario with the figures ledger bundled into the app,
 * then runs the pure core (core.ts) in slices of about 40 ms, posting progress after each slice
 * and yielding to its message queue so that a cancel is heard. The page never blocks.
 * Created by the page with `new Worker(new URL('./worker.ts', import.meta.url), { type: 'module' })`.
 */
import ledgerText from '../../seeds/figures.yaml?raw';
import { formatLedgerError, parseLedger, type Ledger } from '../ledger';
import { ExplorerRun, prepare } from './core';
import type { FromWorker, ToWorker } from './protocol';

const SLICE_MS = 40;

let ledger: Ledger | null = null;
const cancelled = new Set<number>();

function post(message: FromWorker): void {
  (self as unknown as { postMessage(m: FromWorker): void }).postMessage(message);
}

const yieldToQueue = () => new Promise<void>((resolve) => setTimeout(resolve, 0));

async function run(message: Extract<ToWorker, { type: 'run' }>): Promise<void> {
  const { id } = message;
  if (!ledger) {
    const parsed = parseLedger(ledgerText, 'seeds/figures.yaml');
    if (!parsed.ok) {
      post({
        type: 'error',
        id,
        message: `the figures ledger is invalid: ${parsed.errors.map(formatLedgerError).join('; ')}`,
      });
      return;
    }
    ledger = parsed.value;
  }
  const prepared = prepare(message.scenarioText, message.fileName, ledger);
  if (!prepared.ok) {
    post({ type: 'error', id, message: 'the scenario has errors', issues: prepared.errors });
    return;
  }
  const t0 = performance.now();
  const job = new ExplorerRun(prepared.value, message.input);
  post({ type: 'progress', id, ...job.progress() });
  while (!job.finished && !cancelled.has(id)) {
    const sliceStart = performance.now();
    let progress = job.progress();
    while (!job.finished && performance.now() - sliceStart < SLICE_MS) progress = job.step(8);
    post({ type: 'progress', id, ...progress });
    await yieldToQueue();
  }
  const wasCancelled = cancelled.delete(id);
  post({
    type: 'result',
    id,
    result: job.result(),
    ms: performance.now() - t0,
    cancelled: wasCancelled,
  });
}

self.onmessage = (event: MessageEvent<ToWorker>) => {
  const message = event.data;
  if (message.type === 'cancel') cancelled.add(message.id);
  else
    void run(message).catch((e: unknown) => {
      post({ type: 'error', id: message.id, message: e instanceof Error ? e.message : String(e) });
    });
};
