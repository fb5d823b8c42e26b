/**
 * Crash safety: the real server as a child process (`node --import tsx src/server/main.ts`) on a
 * temp DATA_DIR, a burst of concurrent submissions, SIGKILL in the middle of it, a restart. Every
 * result acknowledged with 201 before the kill must be there, and SQLite must say "ok".
 */
import { spawn, type ChildProcess } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';

import Database from 'better-sqlite3';
import { afterAll, describe, expect, it } from 'vitest';

import { SQLITE_FILE_NAME } from '../../src/db/open';
import type { GameRecord } from '../../src/engine';
import { genuineRecord } from './helpers';

const ROOT = path.resolve(import.meta.dirname, '..', '..');

interface Child {
  proc: ChildProcess;
  url: string;
  output: () => string;
}

function startServer(dataDir: string, distDir: string): Promise<Child> {
  const proc = spawn(process.execPath, ['--import', 'tsx', 'src/server/main.ts'], {
    cwd: ROOT,
    env: {
      ...process.env,
      DATA_DIR: dataDir,
      DIST_DIR: distDir,
      PORT: '0',
      HOST: '127.0.0.1',
      RATE_LIMIT_MAX: '0',
      LOG_LEVEL: 'error',
      DATABASE_URL: '',
    },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let out = '';
  proc.stdout!.on('data', (d: Buffer) => (out += d.toString()));
  proc.stderr!.on('data', (d: Buffer) => (out += d.toString()));
  return new Promise((resolve, reject) => {
    const timer = setTimeout(() => reject(new Error(`server did not start:\n${out}`)), 60_000);
    proc.stdout!.on('data', () => {
      const m = /running at (http:\/\/localhost:\d+)/.exec(out);
      if (m) {
        clearTimeout(timer);
        resolve({ proc, url: m[1]!.replace('localhost', '127.0.0.1'), output: () => out });
      }
    });
    proc.on('exit', (code) => {
      clearTimeout(timer);
      reject(new Error(`server exited (${code}) before listening:\n${out}`));
    });
  });
}

function exited(proc: ChildProcess): Promise<void> {
  if (proc.exitCode !== null || proc.signalCode !== null) return Promise.resolve();
  return new Promise((resolve) => proc.once('exit', () => resolve()));
}

const children: ChildProcess[] = [];
const dirs: string[] = [];

afterAll(async () => {
  for (const c of children) {
    if (c.exitCode === null && c.signalCode === null) {
      c.kill('SIGKILL');
      await exited(c);
    }
  }
  for (const d of dirs) rmSync(d, { recursive: true, force: true });
});

describe('crash during a burst of submissions', () => {
  it('keeps every acknowledged result and an intact database after SIGKILL', async () => {
    const dataDir = mkdtempSync(path.join(tmpdir(), 'tc-crash-data-'));
    const distDir = mkdtempSync(path.join(tmpdir(), 'tc-crash-dist-'));
    dirs.push(dataDir, distDir);

    const records: GameRecord[] = Array.from({ length: 240 }, (_, i) =>
      genuineRecord(`crash-${i}`),
    );

    const first = await startServer(dataDir, distDir);
    children.push(first.proc);

    const acknowledged = new Map<string, { id: string; finalHash: string }>(); // seed -> result
    let failures = 0;
    let killed = false;
    const KILL_AFTER = 60;
    let next = 0;

    async function worker(): Promise<void> {
      while (next < records.length) {
        const record = records[next++]!;
        try {
          const res = await fetch(`${first.url}/api/results`, {
            method: 'POST',
            headers: { 'content-type': 'application/json' },
            body: JSON.stringify({ record, pseudonym: `Crash ${record.seed}` }),
          });
          const body = (await res.json()) as { id: string; finalHash: string };
          if (res.status === 201)
            acknowledged.set(record.seed, { id: body.id, finalHash: body.finalHash });
          else failures++;
        } catch {
          failures++; // the connection died with the server: not acknowledged
        }
        if (!killed && acknowledged.size >= KILL_AFTER) {
          killed = true;
          first.proc.kill('SIGKILL');
        }
      }
    }
    await Promise.all(Array.from({ length: 24 }, () => worker()));
    await exited(first.proc);

    expect(killed).toBe(true);
    expect(first.proc.signalCode).toBe('SIGKILL');
    expect(acknowledged.size).toBeGreaterThanOrEqual(KILL_AFTER);
    expect(failures).toBeGreaterThan(0); // the kill really landed mid-burst

    // Restart on the same data folder: every acknowledged result is there, unchanged.
    const second = await startServer(dataDir, distDir);
    children.push(second.proc);
    for (const [seed, ack] of acknowledged) {
      const res = await fetch(`${second.url}/api/results/${ack.id}`);
      expect(res.status, `result of ${seed}`).toBe(200);
      const body = (await res.json()) as { finalHash: string; record: GameRecord };
      expect(body.finalHash).toBe(ack.finalHash);
      expect(body.record.seed).toBe(seed);
    }
    // Submitting everything again: acknowledged records are duplicates (200), the rest are new.
    for (const record of records.slice(0, 120)) {
      const res = await fetch(`${second.url}/api/results`, {
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body: JSON.stringify({ record, pseudonym: `Crash ${record.seed}` }),
      });
      if (acknowledged.has(record.seed)) expect(res.status).toBe(200);
      else expect([200, 201]).toContain(res.status); // stored but unacknowledged is allowed
    }
    second.proc.kill('SIGTERM');
    await exited(second.proc);
    expect(second.proc.exitCode, second.output()).toBe(0);

    const db = new Database(path.join(dataDir, SQLITE_FILE_NAME), { readonly: true });
    try {
      expect(db.pragma('integrity_check', { simple: true })).toBe('ok');
      const n = db.prepare('SELECT count(*) AS n FROM results').get() as { n: number };
      expect(n.n).toBeGreaterThanOrEqual(acknowledged.size);
      const ids = db.prepare('SELECT id FROM results').all() as { id: string }[];
      const stored = new Set(ids.map((r) => r.id));
      for (const ack of acknowledged.values()) expect(stored.has(ack.id)).toBe(true);
    } finally {
      db.close();
    }
  }, 120_000);
});
