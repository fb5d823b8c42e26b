/**
 * The worker module itself, in Node: `self` is a stand-in that records posted messages. Checks
 * the protocol (progress, result, cancel, errors) and that the worker's result is the core's.
 */
import { readFileSync } from 'node:fs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { FromWorker, ToWorker } from '../../src/explorer/protocol';
import { runBatch } from '../../src/sim/batch';
import { builtInRules, HISTORICAL_SEATS } from '../helpers/rules';

const posted: FromWorker[] = [];
const fake = {
  postMessage: (m: FromWorker) => posted.push(structuredClone(m)),
  onmessage: null as null | ((e: { data: ToWorker }) => void),
};
const g = globalThis as unknown as { self?: unknown };
const saved = g.self;

beforeAll(async () => {
  g.self = fake;
  await import('../../src/explorer/worker');
});
afterAll(() => {
  g.self = saved;
});

const text = readFileSync('scenarios/historical-2024.yaml', 'utf8');
const send = (m: ToWorker) => fake.onmessage!({ data: m });

async function until(id: number, type: FromWorker['type']): Promise<FromWorker> {
  for (let i = 0; i < 2000; i++) {
    const hit = posted.find((m) => m.id === id && m.type === type);
    if (hit) return hit;
    await new Promise((r) => setTimeout(r, 5));
  }
  throw new Error(`no ${type} for run ${id}`);
}

describe('explorer worker', () => {
  it('posts progress, then the same summary as runBatch', async () => {
    const input = {
      runs: 80,
      seed: 'w',
      seats: HISTORICAL_SEATS,
      figures: 'central' as const,
      sensitivityRuns: 0,
    };
    send({ type: 'run', id: 1, scenarioText: text, fileName: 'historical-2024.yaml', input });
    const result = await until(1, 'result');
    if (result.type !== 'result') throw new Error('unreachable');
    expect(result.cancelled).toBe(false);
    expect(result.result.summary).toEqual(
      runBatch(builtInRules(), {
        runs: 80,
        seed: 'w',
        figureChoices: { default: 'central' },
        seats: HISTORICAL_SEATS,
      }),
    );
    const progress = posted.filter((m) => m.id === 1 && m.type === 'progress');
    expect(progress.length).toBeGreaterThanOrEqual(2);
    expect(progress.at(-1)).toMatchObject({ done: 80, total: 80 });
  });

  it('stops early on cancel and reports what it played', async () => {
    const input = {
      runs: 50_000,
      seed: 'c',
      seats: HISTORICAL_SEATS,
      figures: 'central' as const,
      sensitivityRuns: 0,
    };
    send({ type: 'run', id: 2, scenarioText: text, fileName: 'historical-2024.yaml', input });
    await until(2, 'progress');
    send({ type: 'cancel', id: 2 });
    const result = await until(2, 'result');
    if (result.type !== 'result') throw new Error('unreachable');
    expect(result.cancelled).toBe(true);
    expect(result.result.completed).toBeLessThan(50_000);
    expect(result.result.summary.runs).toBe(result.result.completed);
  });

  it('reports scenario errors with their positions', async () => {
    send({
      type: 'run',
      id: 3,
      scenarioText: 'formatVersion: 1\nid: 3\n',
      fileName: 'bad.yaml',
      input: {
        runs: 1,
        seed: '1',
        seats: HISTORICAL_SEATS,
        figures: 'central',
        sensitivityRuns: 0,
      },
    });
    const e = await until(3, 'error');
    if (e.type !== 'error') throw new Error('unreachable');
    expect(e.issues!.length).toBeGreaterThan(0);
    expect(e.issues![0]!.file).toBe('bad.yaml');
  });
});
