/**
 * The real server as a child process, started as `npm start` starts it (SERVER_NODE_ARGS), with
 * the rate limits raised, for the load tests and benchmarks; and its resident memory.
 */
import { spawn, type ChildProcess } from 'node:child_process';
import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';

import { SERVER_NODE_ARGS } from '../../scripts/start.mjs';

const ROOT = path.resolve(import.meta.dirname, '..', '..');

export interface Child {
  proc: ChildProcess;
  url: string;
}

export function startServer(env: Record<string, string>): Promise<Child> {
  // SERVER_NODE_FLAGS adds Node flags to the child, e.g. "--cpu-prof --cpu-prof-dir=/tmp/p" to
  // profile the server under a benchmark (Node refuses --cpu-prof in NODE_OPTIONS).
  const extra = (process.env.SERVER_NODE_FLAGS ?? '').split(' ').filter(Boolean);
  const proc = spawn(process.execPath, [...extra, ...SERVER_NODE_ARGS], {
    cwd: ROOT,
    env: {
      ...process.env,
      PORT: '0',
      HOST: '127.0.0.1',
      RATE_LIMIT_MAX: '1000000000',
      RATE_LIMIT_WRITE_MAX: '1000000000',
      LOG_LEVEL: 'warn',
      ...env,
    },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let out = '';
  return new Promise((resolve, reject) => {
    const onData = (d: Buffer) => {
      out += d.toString();
      const m = /running at (http:\/\/localhost:\d+)/.exec(out);
      if (m) resolve({ proc, url: m[1]!.replace('localhost', '127.0.0.1') });
    };
    proc.stdout!.on('data', onData);
    proc.stderr!.on('data', (d: Buffer) => (out += d.toString()));
    proc.on('exit', (code) => reject(new Error(`the server exited (${code}):\n${out}`)));
  });
}

export async function stopServer(c: Child): Promise<void> {
  if (c.proc.exitCode !== null || c.proc.signalCode !== null) return;
  const done = new Promise<void>((r) => c.proc.once('exit', () => r()));
  c.proc.kill('SIGTERM');
  await done;
}

/**
 * A figure of a process plus the same figure of its child processes (cluster workers), read
 * from Linux /proc; NaN when the process is gone or /proc is not there.
 */
function overProcessTree(pid: number | undefined, own: (pid: number) => number): number {
  if (pid === undefined) return NaN;
  try {
    let total = own(pid);
    for (const task of readdirSync(`/proc/${pid}/task`)) {
      let children = '';
      try {
        children = readFileSync(`/proc/${pid}/task/${task}/children`, 'utf8');
      } catch {
        continue;
      }
      for (const child of children.split(/\s+/).filter(Boolean))
        total += overProcessTree(Number(child), own);
    }
    return total;
  } catch {
    return NaN;
  }
}

/**
 * CPU time (user + system, every thread) a process and its children have used, in ms. CPU per
 * request is a figure other work on the machine barely disturbs, unlike throughput and latency.
 */
export function cpuMs(pid: number | undefined): number {
  return overProcessTree(pid, (p) => {
    // Fields after the command name (which may hold spaces): utime and stime are 12th and 13th.
    const stat = readFileSync(`/proc/${p}/stat`, 'utf8');
    const f = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
    return ((Number(f[11]) + Number(f[12])) * 1000) / 100;
  });
}

/** Resident memory of a process and its children (cluster workers) in MB. */
export function rssMb(pid: number | undefined): number {
  return overProcessTree(pid, (p) => {
    const m = /VmRSS:\s+(\d+) kB/.exec(readFileSync(`/proc/${p}/status`, 'utf8'));
    return m ? Number(m[1]) / 1024 : NaN;
  });
}

/**
 * Bytes a process and its children handed to write-family system calls (sockets and files), in
 * kB: like CPU time, a measure of work that other load on the machine does not change.
 */
export function writtenKb(pid: number | undefined): number {
  return overProcessTree(pid, (p) => {
    const m = /wchar:\s+(\d+)/.exec(readFileSync(`/proc/${p}/io`, 'utf8'));
    return m ? Number(m[1]) / 1024 : NaN;
  });
}
