/** A worker thread that replays submitted records (see verify-pool.ts). */
import { parentPort, workerData } from 'node:worker_threads';

import { loadCatalog } from './server';
import { runVerifyTask, type VerifyTask } from './verify-task';

const catalog = loadCatalog(
  (workerData as { scenariosDir?: string } | undefined)?.scenariosDir,
  () => {},
);

parentPort!.on('message', (msg: { id: number; task: VerifyTask }) => {
  let answer;
  try {
    answer = runVerifyTask(msg.task, catalog);
  } catch (e) {
    answer = { ok: false, error: { status: 500, code: 'internal', message: (e as Error).message } };
  }
  parentPort!.postMessage({ id: msg.id, answer });
});
parentPort!.postMessage({ ready: true });
