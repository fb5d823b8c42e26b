/**
 * npm run bench: engine figures on this machine. Prints games per second for a 1,000-game batch
 * on the fast path, microseconds per action, milliseconds to verify one record, the same game
 * through immer for comparison, and memory of a 10,000-game batch (percentiles are streamed).
 * Options: --quick (smaller batches, for a fast look).
 */
import { performance } from 'node:perf_hooks';
import { produce, setAutoFreeze } from 'immer';
import { applyInPlace, createGame, replay, type Action, type GameRecord, type GameState } from '../engine';
import { runBatch } from '../sim/batch';
import { playGame, recordOf } from '../sim/play';
import { loadScenarioArg, parseArgs, rulesFor, run } from './common';

const SEATS = { pyongyang: 'historical', moscow: 'historical', kyiv: 'historical' };

function mb(bytes: number): string {
  return `${(bytes / 1048576).toFixed(1)} MB`;
}

run(() => {
  const args = parseArgs(process.argv.slice(2), ['scenario']);
  const quick = args.flags.has('quick');
  const scenario = args.flags.get('scenario');
  const loaded = loadScenarioArg(typeof scenario === 'string' ? scenario : 'historical-2024');
  const rules = rulesFor(loaded, { default: 'central' });
  const out: string[] = [`engine bench: ${rules.scenarioId}, ${rules.calendar.turns} turns, Node ${process.version}`];
  const games = quick ? 200 : 1000;

  // Warm up the JIT so the figures describe steady state.
  for (let i = 0; i < (quick ? 100 : 300); i++) playGame(rules, { seed: `warm-${i}`, seats: SEATS });

  // 1. Whole games with bots on the fast path.
  let t = performance.now();
  const records: GameRecord[] = [];
  for (let i = 0; i < games; i++) {
    const p = playGame(rules, { seed: `bench-${i}`, seats: SEATS });
    if (i < 200) records.push(recordOf(p, SEATS));
  }
  const whole = performance.now() - t;
  out.push(`games with historical bots:   ${(games / (whole / 1000)).toFixed(0)} games/s (${((whole * 1000) / games).toFixed(0)} µs per game, bots included)`);

  // 2. Engine alone: the recorded actions applied to a fresh state, no bots.
  let actions = 0;
  t = performance.now();
  for (let k = 0; k < games; k++) {
    const rec = records[k % records.length]!;
    const s = createGame(rules, { seed: rec.seed, figureChoices: rec.figureChoices });
    for (const a of rec.actions) applyInPlace(s, a);
    actions += rec.actions.length;
  }
  const engine = performance.now() - t;
  out.push(`engine only (fast path):      ${((engine * 1000) / games).toFixed(0)} µs per game, ${((engine * 1000) / actions).toFixed(2)} µs per action (${(actions / games).toFixed(0)} actions a game)`);

  // 3. Verifying a record: replay with every turn hash checked.
  t = performance.now();
  for (const rec of records) {
    const r = replay(rec, rules);
    if (!r.ok) throw new Error(`bench record failed to verify: ${r.error.message}`);
  }
  out.push(`verify one record (replay):   ${((performance.now() - t) / records.length).toFixed(2)} ms`);

  // 4. The UI store's path: each action through immer's produce (auto-freeze as in the store).
  setAutoFreeze(true);
  const sample = records.slice(0, quick ? 10 : 50);
  let n = 0;
  t = performance.now();
  for (const rec of sample) {
    let s: GameState = createGame(rules, { seed: rec.seed, figureChoices: rec.figureChoices });
    for (const a of rec.actions as Action[]) {
      s = produce(s, (d) => void applyInPlace(d, a));
      n++;
    }
  }
  const immer = performance.now() - t;
  out.push(`same games through immer:     ${((immer * 1000) / sample.length).toFixed(0)} µs per game, ${((immer * 1000) / n).toFixed(1)} µs per action`);

  // 5. Memory: a large batch keeps percentiles, not games. The heap after a full collection at
  // intervals should stay flat as games accumulate.
  const big = quick ? 2000 : 10000;
  const gc = (globalThis as { gc?: () => void }).gc;
  const live: string[] = [];
  let peak = 0;
  t = performance.now();
  runBatch(rules, {
    runs: big,
    seed: 'mem',
    figureChoices: { default: 'central' },
    seats: SEATS,
    onProgress: (done) => {
      if (done % 250 === 0) peak = Math.max(peak, process.memoryUsage().heapUsed);
      if (gc && done % (big / 5) === 0) {
        gc();
        live.push(`${done.toLocaleString('en-GB')}: ${mb(process.memoryUsage().heapUsed)}`);
      }
    },
  });
  const batchMs = performance.now() - t;
  out.push(`${big.toLocaleString('en-GB')}-game batch:          ${(batchMs / 1000).toFixed(1)} s, ${((batchMs * 1000) / big).toFixed(0)} µs per game incl. percentiles, peak heap ${mb(peak)}`);
  out.push(gc ? `heap after GC as games accumulate: ${live.join(', ')}` : 'heap after GC: run with node --expose-gc to see it');
  process.stdout.write(`${out.join('\n')}\n`);
  return 0;
});
