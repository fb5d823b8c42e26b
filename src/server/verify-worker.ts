/** A worker thread that replays records: submissions and forks (see verify-pool.ts). */
import { parentPort, workerData } from 'node:worker_threads';

import { loadCatalog } from './server';
import type { GameRecord } from '../engine';
import {
  runForkTask,
  runScenarioTask,
  runVerifyTask,
  type PoolMessage,
} from './verify-task';

const data = workerData as { scenariosDir?: string; timeLimitMs?: number } | undefined;
const catalog = loadCatalog(data?.scenariosDir, () => {});

parentPort!.on('message', (msg: { id: number } & PoolMessage) => {
  let answer;
  try {
    answer =
      msg.kind === 'scenario'
        ? runScenarioTask(msg.task, catalog)
        : msg.kind === 'fork'
          ? runForkTask(msg.task, catalog)
          : runVerifyTask(
              {
                ...msg.task,
                record: JSON.parse(msg.recordJson) as GameRecord,
                recordJson: msg.recordJson,
                // The thread stops a replay cleanly before the budget; the pool kills it at it.
                timeLimitMs: Math.floor(0.8 * (data?.timeLimitMs ?? 10_000)),
              },
              catalog,
            );
  } catch (e) {
    answer = { ok: false, error: { status: 500, code: 'internal', message: (e as Error).message } };
  }
  parentPort!.postMessage({ id: msg.id, answer });
});
parentPort!.postMessage({ ready: true });
