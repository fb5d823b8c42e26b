/**
 * npm run validate -- <file or folder>... [--quiet]
 *
 * Validates scenario files against the schema and the figures ledger and prints every problem
 * at once, one per line as `file:line:col path: message` (warnings say `warning:`), then a
 * verdict line per file: `✓ file: valid` or `✗ file: 2 errors`. A folder stands for the
 * .yaml/.yml files in it. --quiet prints only the verdict lines and errors (no warnings).
 *
 * Exit status: 0 when every file is valid (warnings allowed), 1 when any is not, 2 for a usage
 * error (no file given, an unknown option, no ledger).
 */
import { readdirSync, statSync } from 'node:fs';
import path from 'node:path';

import { formatIssue, verdictLine } from '../scenario';
import { loadScenarioFileSync } from '../scenario/node';
import { loadLedger, parseArgs, run, UsageError } from './common';

const USAGE = 'usage: npm run validate -- <scenario file or folder>... [--quiet]';

/** The files an argument stands for: itself, or a folder's .yaml/.yml files (sorted). */
function expand(arg: string): string[] {
  let isDir = false;
  try {
    isDir = statSync(arg).isDirectory();
  } catch {
    return [arg]; // reported as "cannot read the file" by the loader
  }
  if (!isDir) return [arg];
  const files = readdirSync(arg)
    .filter((f) => /\.ya?ml$/i.test(f))
    .sort()
    .map((f) => path.join(arg, f));
  if (files.length === 0) throw new UsageError(`${arg} holds no .yaml or .yml file`);
  return files;
}

run(() => {
  const args = parseArgs(process.argv.slice(2), []);
  for (const flag of args.flags.keys())
    if (flag !== 'quiet' && flag !== 'help')
      throw new UsageError(`unknown option --${flag}\n${USAGE}`);
  if (args.flags.has('help')) {
    process.stdout.write(`${USAGE}\n`);
    return 0;
  }
  if (args.positional.length === 0) throw new UsageError(USAGE);
  const quiet = args.flags.has('quiet');
  const files = args.positional.flatMap(expand);
  const ledger = loadLedger();
  let invalid = 0;
  for (const file of files) {
    const r = loadScenarioFileSync(file, ledger);
    const issues = r.ok ? r.value.warnings : r.errors;
    for (const issue of issues)
      if (!quiet || issue.severity === 'error') process.stdout.write(`${formatIssue(issue)}\n`);
    process.stdout.write(`${verdictLine(displayName(file), issues)}\n`);
    if (!r.ok) invalid++;
  }
  if (files.length > 1)
    process.stdout.write(
      invalid === 0
        ? `all ${files.length} files are valid\n`
        : `${invalid} of ${files.length} files are not valid\n`,
    );
  return invalid === 0 ? 0 : 1;
});

/** As the loader names files in messages: relative to the working directory when inside it. */
function displayName(file: string): string {
  const rel = path.relative(process.cwd(), path.resolve(file));
  return rel !== '' && !rel.startsWith('..') && !path.isAbsolute(rel) ? rel : file;
}
