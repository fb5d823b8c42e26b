/**
 * `npm run playtest -- <file> [--runs N] [--seed S]`: games with computer players, findings as
 * warnings, exit 0 without hard problems, 1 with one (or an invalid scenario), 2 for a usage
 * error. Runs the real command with few games.
 */
import { spawnSync } from 'node:child_process';
import path from 'node:path';

import { describe, expect, it } from 'vitest';

const ROOT = path.join(import.meta.dirname, '..', '..');

function playtest(...args: string[]) {
  const r = spawnSync(process.execPath, ['--import', 'tsx', 'src/cli/playtest.ts', ...args], {
    cwd: ROOT,
    encoding: 'utf8',
    timeout: 60_000,
  });
  return { status: r.status, stdout: r.stdout, stderr: r.stderr };
}

describe('npm run playtest', () => {
  it('plays a built-in scenario and reports wins, events and warnings', () => {
    const r = playtest('scenarios/historical-2024.yaml', '--runs', '8', '--seed', 'cli');
    expect(r.stderr).toBe('');
    const lines = r.stdout.trim().split('\n');
    expect(lines[0]).toMatch(
      /^playtest scenarios\/historical-2024\.yaml \(historical-2024, [0-9a-f]{16}\): 8 games, 6 with historical players, 2 with random players; seed "cli"$/,
    );
    expect(lines).toContain('wins (highest score of the three at the end; ties count for each):');
    expect(lines).toContain(
      'warning: event "returnees" never fired in 8 games (6 with historical players, 2 with random players)',
    );
    expect(lines.at(-1)).toMatch(
      /^✓ scenarios\/historical-2024\.yaml: no hard problems in 8 games \(no non-finite numbers, stalls or crashes\) \(\d+ warnings?\)$/,
    );
    expect(r.status).toBe(0);
  });

  it('accepts a built-in scenario by id, and --json', () => {
    const r = playtest('kursk-given-up', '--runs', '4', '--json');
    const report = JSON.parse(r.stdout) as { games: unknown; hardProblems: number };
    expect(report.games).toEqual({ historical: 3, random: 1 });
    expect(report.hardProblems).toBe(0);
    expect(r.status).toBe(0);
  });

  it('exits 1 for a scenario that does not validate, with its messages', () => {
    const r = playtest('tests/fixtures/scenarios/bad/newer-version.yaml', '--runs', '2');
    expect(r.stdout).toContain('✗ tests/fixtures/scenarios/bad/newer-version.yaml: 1 error');
    expect(r.status).toBe(1);
  });

  it('exits 2 for a usage error', () => {
    expect(playtest().status).toBe(2);
    expect(playtest('scenarios/nuclear-deal.yaml', '--runs', '0').status).toBe(2);
    expect(playtest('scenarios/nuclear-deal.yaml', '--random-share', '2').status).toBe(2);
    const unknown = playtest('scenarios/nuclear-deal.yaml', '--seats', 'x');
    expect(unknown.status).toBe(2);
    expect(unknown.stderr).toContain('unknown option --seats');
  });
});
