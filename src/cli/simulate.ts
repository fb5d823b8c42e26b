/**
 * npm run simulate -- <scenario> [--runs N] [--seed S] [--figures low|central|high]
 *   [--seats pyongyang=historical,moscow=historical,kyiv=historical] [--records DIR] [--json]
 */
import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { runBatch, type BatchSummary } from '../sim/batch';
import { loadScenarioArg, parseArgs, parseFigureChoice, parseSeats, positiveInt, rulesFor, run, UsageError } from './common';

const HEADLINE = [
  'pyongyang.troopsSent',
  'pyongyang.killed',
  'pyongyang.wounded',
  'pyongyang.captured',
  'pyongyang.ammunitionShipped',
  'pyongyang.workersSent',
  'moscow.kurskControl',
  'kyiv.kurskHeld',
  'human.familiesAtRisk',
  'pyongyang.score',
  'moscow.score',
  'kyiv.score',
];

function fmt(n: number): string {
  return Number.isInteger(n) ? n.toLocaleString('en-GB') : n.toLocaleString('en-GB', { maximumFractionDigits: 1 });
}

function table(summary: BatchSummary): string {
  const lines: string[] = [];
  lines.push(`${summary.scenario.id} (${summary.scenario.hash}): ${summary.runs} games`);
  lines.push('');
  lines.push(`${'metric at game end'.padEnd(30)}${['p10', 'median', 'p90', 'mean'].map((h) => h.padStart(11)).join('')}`);
  for (const id of HEADLINE) {
    const m = summary.metrics[id]!;
    lines.push(`${id.padEnd(30)}${[m.p10, m.p50, m.p90, m.mean].map((v) => fmt(v).padStart(11)).join('')}`);
  }
  lines.push('');
  lines.push('medians at the end of each turn');
  const dates = summary.timeline[HEADLINE[0]!]!.map((p) => p.date.slice(0, 7));
  lines.push(`${''.padEnd(30)}${dates.map((d) => d.padStart(9)).join('')}`);
  for (const id of HEADLINE.slice(0, 7))
    lines.push(`${id.padEnd(30)}${summary.timeline[id]!.map((p) => fmt(p.p50).padStart(9)).join('')}`);
  return lines.join('\n');
}

run(() => {
  const args = parseArgs(process.argv.slice(2), ['runs', 'seed', 'figures', 'seats', 'records']);
  const file = args.positional[0];
  if (!file || args.positional.length > 1)
    throw new UsageError('usage: npm run simulate -- <scenario> [--runs N] [--seed S] [--figures low|central|high] [--seats ...] [--records DIR] [--json]');
  const loaded = loadScenarioArg(file);
  const figureChoices = parseFigureChoice(args.flags.get('figures'));
  const rules = rulesFor(loaded, figureChoices);
  const runs = positiveInt(args.flags.get('runs'), 'runs', 100);
  const seedFlag = args.flags.get('seed');
  if (seedFlag === true) throw new UsageError('--seed needs a value');
  const dir = args.flags.get('records');
  if (dir === true) throw new UsageError('--records needs a folder');
  if (dir) mkdirSync(dir, { recursive: true });
  const summary = runBatch(rules, {
    runs,
    seed: seedFlag ?? '1',
    figureChoices,
    seats: parseSeats(args.flags.get('seats')),
    onRecord: dir ? (i, record) => writeFileSync(join(dir, `${i}.json`), `${JSON.stringify(record, null, 1)}\n`) : undefined,
  });
  process.stdout.write(args.flags.has('json') ? `${JSON.stringify(summary)}\n` : `${table(summary)}\n`);
  return 0;
});
