/**
 * npm run strength -- [scenario] [--seeds N] [--players search:easy,search:normal,search:hard]
 *   [--capitals pyongyang,moscow,kyiv] [--baseline historical] [--figures low|central|high]
 *   [--seed S] [--json]
 *
 * For each capital and player: N seeds with the player in that seat and the baseline (historical)
 * in the others, against the same seeds with the baseline everywhere. Prints mean scores, how
 * often the player beats the baseline on the same seed, and time per decision. Game i plays seed
 * `S-i` (default S = strength), named as `npm run levers -- --seed S` names its games, so the two
 * compare on the same seeds. See docs/ai.md.
 */
import { performance } from 'node:perf_hooks';
import { CAPITALS, type Capital } from '../engine';
import { measureStrength, strengthTable } from '../sim/strength';
import { getBot } from '../ai';
import {
  loadScenarioArg,
  parseArgs,
  parseFigureChoice,
  positiveInt,
  rulesFor,
  run,
  UsageError,
} from './common';

function list(v: string | true | undefined, fallback: string[]): string[] {
  if (v === undefined) return fallback;
  if (v === true) throw new UsageError('a list flag needs a value');
  return v.split(',').filter((x) => x.length > 0);
}

run(() => {
  const args = parseArgs(process.argv.slice(2), [
    'seeds',
    'players',
    'capitals',
    'baseline',
    'figures',
    'seed',
  ]);
  if (args.positional.length > 1)
    throw new UsageError(
      'usage: npm run strength -- [scenario] [--seeds N] [--seed S] [--players a,b] [--capitals c,d] [--json]',
    );
  const loaded = loadScenarioArg(args.positional[0] ?? 'historical-2024');
  const figureChoices = parseFigureChoice(args.flags.get('figures'));
  const rules = rulesFor(loaded, figureChoices);
  const players = list(args.flags.get('players'), ['search:easy', 'search:normal', 'search:hard']);
  const baseline = list(args.flags.get('baseline'), ['historical'])[0]!;
  for (const p of [...players, baseline])
    if (!getBot(p)) throw new UsageError(`unknown computer player "${p}"`);
  const capitals = list(args.flags.get('capitals'), [...CAPITALS]);
  for (const c of capitals)
    if (!(CAPITALS as readonly string[]).includes(c))
      throw new UsageError(`unknown capital "${c}"`);
  const seeds = positiveInt(args.flags.get('seeds'), 'seeds', 200);
  const seed = args.flags.get('seed');
  const json = args.flags.has('json');
  // Warm the JIT up first, so the times describe steady play, not compilation.
  measureStrength({
    rules,
    seeds: 2,
    seed: 'warm-up',
    players,
    baseline,
    capitals: capitals as Capital[],
    figureChoices,
  });
  const t0 = performance.now();
  let last = 0;
  const rows = measureStrength({
    rules,
    seeds,
    seed: typeof seed === 'string' ? seed : 'strength',
    players,
    baseline,
    capitals: capitals as Capital[],
    figureChoices,
    now: () => performance.now(),
    onProgress: (done, total) => {
      const now = performance.now();
      if (!json && process.stderr.isTTY && now - last > 500) {
        last = now;
        process.stderr.write(`\r${done}/${total} games`);
      }
    },
  });
  const seconds = (performance.now() - t0) / 1000;
  if (json)
    process.stdout.write(
      `${JSON.stringify({ scenario: rules.scenarioId, seeds, rows, seconds })}\n`,
    );
  else {
    if (process.stderr.isTTY) process.stderr.write('\r');
    process.stdout.write(
      `${rules.scenarioId}: ${seeds} seeds per capital, baseline ${baseline} (${seconds.toFixed(0)} s, Node ${process.version})\n\n${strengthTable(rows)}\n`,
    );
  }
  return 0;
});
