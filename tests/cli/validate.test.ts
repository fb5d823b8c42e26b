/**
 * `npm run validate -- <files…>`: every problem of every file, a verdict line per file, and the
 * exit status (0 all valid, 1 otherwise, 2 for a usage error). Runs the real command.
 */
import { spawnSync } from 'node:child_process';
import path from 'node:path';

import { describe, expect, it } from 'vitest';

const ROOT = path.join(import.meta.dirname, '..', '..');

function validate(...args: string[]) {
  const r = spawnSync(process.execPath, ['--import', 'tsx', 'src/cli/validate.ts', ...args], {
    cwd: ROOT,
    encoding: 'utf8',
    timeout: 60_000,
  });
  return { status: r.status, stdout: r.stdout, stderr: r.stderr };
}

describe('npm run validate', () => {
  it('validates files and folders, with a ✓ line per valid file, and exits 0', () => {
    const r = validate('scenarios/', 'tests/fixtures/scenarios/old/historical-v0.yaml');
    expect(r.stderr).toBe('');
    expect(r.stdout.split('\n')).toEqual([
      '✓ scenarios/deployment-doubled.yaml: valid',
      '✓ scenarios/historical-2024.yaml: valid',
      '✓ scenarios/kursk-given-up.yaml: valid',
      '✓ scenarios/nuclear-deal.yaml: valid',
      '✓ scenarios/told-the-truth.yaml: valid',
      expect.stringMatching(
        /^tests\/fixtures\/scenarios\/old\/historical-v0\.yaml:11:16 formatVersion: warning: this file is written in the older format version 0/,
      ),
      '✓ tests/fixtures/scenarios/old/historical-v0.yaml: valid (1 warning)',
      'all 6 files are valid',
      '',
    ]);
    expect(r.status).toBe(0);
  });

  it('prints every problem of every file and exits 1 when one is not valid', () => {
    const r = validate(
      'scenarios/nuclear-deal.yaml',
      'tests/fixtures/scenarios/bad/duplicate-keys.yaml',
      'tests/fixtures/scenarios/bad/missing.yaml',
    );
    expect(r.stdout.split('\n')).toEqual([
      '✓ scenarios/nuclear-deal.yaml: valid',
      'tests/fixtures/scenarios/bad/duplicate-keys.yaml:8:1 title: duplicate key "title" (first written on line 5)',
      'tests/fixtures/scenarios/bad/duplicate-keys.yaml:64:3 combat.controlRate: duplicate key "controlRate" (first written on line 63)',
      'tests/fixtures/scenarios/bad/duplicate-keys.yaml:124:9 events[1].id: duplicate event id "first-news" (already used by events[0] on line 116)',
      '✗ tests/fixtures/scenarios/bad/duplicate-keys.yaml: 3 errors',
      'tests/fixtures/scenarios/bad/missing.yaml:1:1: cannot read the file (ENOENT)',
      '✗ tests/fixtures/scenarios/bad/missing.yaml: 1 error',
      '2 of 3 files are not valid',
      '',
    ]);
    expect(r.status).toBe(1);
  });

  it('--quiet leaves out warnings', () => {
    const r = validate('--quiet', 'tests/fixtures/scenarios/old/historical-v0.yaml');
    expect(r.stdout).toBe('✓ tests/fixtures/scenarios/old/historical-v0.yaml: valid (1 warning)\n');
    expect(r.status).toBe(0);
  });

  it('exits 2 for a usage error', () => {
    const none = validate();
    expect(none.status).toBe(2);
    expect(none.stderr).toContain('usage: npm run validate -- <scenario file or folder>...');
    const flag = validate('--fix', 'scenarios/');
    expect(flag.status).toBe(2);
    expect(flag.stderr).toContain('unknown option --fix');
  });
});
