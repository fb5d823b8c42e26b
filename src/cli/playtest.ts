/**
 * npm run playtest -- <scenario> [--runs N] [--seed S] [--random-share F] [--json]
 *
 * Plays many games of a scenario with computer players (the historical players in most of
 * them, the random players in a share, default 0.25) and reports what a validator cannot see:
 * events that never fired, a capital that always or never wins (highest score of the three),
 * orders of the historical players the engine refused, and the hard problems: numbers that are
 * not finite, games that stall (no end within turns × seats × 200 actions), crashes.
 *
 * Exit status: 0 when there is no hard problem (warnings are printed), 1 when there is one or
 * the scenario does not validate, 2 for a usage error.
 */
import { readFileSync } from 'node:fs';
import path from 'node:path';

import { formatReport, loadScenario } from '../scenario';
import { formatPlaytest, playtest } from '../scenario/playtest';
import { loadLedger, parseArgs, positiveInt, run, scenarioPath, UsageError } from './common';

const USAGE =
  'usage: npm run playtest -- <scenario> [--runs N] [--seed S] [--random-share 0-1] [--json]';

run(() => {
  const args = parseArgs(process.argv.slice(2), ['runs', 'seed', 'random-share']);
  for (const flag of args.flags.keys())
    if (!['runs', 'seed', 'random-share', 'json'].includes(flag))
      throw new UsageError(`unknown option --${flag}\n${USAGE}`);
  const arg = args.positional[0];
  if (arg === undefined || args.positional.length > 1) throw new UsageError(USAGE);
  const runs = positiveInt(args.flags.get('runs'), 'runs', 200);
  const seed = args.flags.get('seed');
  if (seed === true) throw new UsageError('--seed needs a value');
  const shareFlag = args.flags.get('random-share');
  const randomShare = shareFlag === undefined ? 0.25 : Number(shareFlag);
  if (shareFlag === true || !Number.isFinite(randomShare) || randomShare < 0 || randomShare > 1)
    throw new UsageError('--random-share must be a number from 0 to 1');

  const file = scenarioPath(arg);
  const name = path.relative(process.cwd(), file) || file;
  const ledger = loadLedger();
  const loaded = loadScenario(readFileSync(file, 'utf8'), name, ledger);
  if (!loaded.ok) {
    process.stdout.write(
      `${formatReport(name, loaded.errors)}\nfix these first: a scenario that does not validate cannot be played\n`,
    );
    return 1;
  }
  const report = playtest(loaded.value.scenario, ledger, loaded.value.hash, {
    runs,
    seed: seed ?? '1',
    randomShare,
  });
  process.stdout.write(
    args.flags.has('json') ? `${JSON.stringify(report)}\n` : `${formatPlaytest(report, name)}\n`,
  );
  return report.hardProblems === 0 ? 0 : 1;
});
