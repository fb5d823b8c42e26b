/**
 * npm run levers -- <scenario> [--runs N] [--seed S] [--figures low|central|high] [--json]
 *
 * For each capital and each setting of each of its levers (every other lever and seat historical),
 * the capital's mean score and the mean number killed on every side, over the same N seeds.
 * --json prints {"rows": [{"capital", "lever", "setting", "score", "killed"}, ...]}.
 */
import { bestRows, leverGrid, type LeverRow } from '../sim/levers';
import { loadScenarioArg, parseArgs, parseFigureChoice, positiveInt, rulesFor, run, UsageError } from './common';

function table(rows: readonly LeverRow[]): string {
  const lines = [`${'capital'.padEnd(11)}${'lever'.padEnd(16)}${'setting'.padEnd(13)}${'score'.padStart(7)}${'killed'.padStart(9)}`];
  const best = bestRows(rows);
  for (const r of rows)
    lines.push(
      `${r.capital.padEnd(11)}${r.lever.padEnd(16)}${r.setting.padEnd(13)}${r.score.toFixed(1).padStart(7)}${r.killed.toLocaleString('en-GB').padStart(9)}${best[r.capital] === r ? '  <- best' : ''}`,
    );
  return lines.join('\n');
}

run(() => {
  const args = parseArgs(process.argv.slice(2), ['runs', 'seed', 'figures']);
  const file = args.positional[0];
  if (!file || args.positional.length > 1)
    throw new UsageError('usage: npm run levers -- <scenario> [--runs N] [--seed S] [--figures low|central|high] [--json]');
  const loaded = loadScenarioArg(file);
  const figureChoices = parseFigureChoice(args.flags.get('figures'));
  const rules = rulesFor(loaded, figureChoices);
  const runs = positiveInt(args.flags.get('runs'), 'runs', 100);
  const seed = args.flags.get('seed');
  if (seed === true) throw new UsageError('--seed needs a value');
  const rows = leverGrid(rules, { runs, seed: seed ?? 'levers' });
  process.stdout.write(args.flags.has('json') ? `${JSON.stringify({ rows })}\n` : `${table(rows)}\n`);
  return 0;
});
