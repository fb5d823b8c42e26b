#!/usr/bin/env node
// `npm start`: build the app with Vite when dist/ is missing or older than its sources, then run
// the Fastify server (src/server/main.ts, through tsx) with inherited stdio.
//
// Also importable: `import { ensureBuilt } from '../../scripts/start.mjs'` (e.g. from an e2e
// global setup) builds only if needed and does not start the server.
import { spawn } from 'node:child_process';
import { existsSync, readdirSync, statSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

export const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');

/** Everything the built app depends on. Directories are walked recursively. */
export const BUILD_INPUTS = [
  'src',
  'index.html',
  'results.html',
  'assets',
  'scenarios',
  'seeds',
  'vite.config.ts',
];

/** Newest modification time (ms) among files under `p`, or 0 if it does not exist. */
function newestMtime(p) {
  let st;
  try {
    st = statSync(p);
  } catch {
    return 0;
  }
  if (!st.isDirectory()) return st.mtimeMs;
  let newest = 0;
  for (const entry of readdirSync(p)) {
    newest = Math.max(newest, newestMtime(path.join(p, entry)));
  }
  return newest;
}

/** Why a build is needed, or null if dist/ is up to date. */
export function staleReason(root = ROOT) {
  const builtIndex = path.join(root, 'dist', 'index.html');
  if (!existsSync(builtIndex)) return 'dist/index.html is missing';
  const builtAt = statSync(builtIndex).mtimeMs;
  for (const input of BUILD_INPUTS) {
    if (newestMtime(path.join(root, input)) > builtAt)
      return `${input} changed since the last build`;
  }
  return null;
}

function run(command, args, options = {}) {
  return new Promise((resolve, reject) => {
    const child = spawn(command, args, { cwd: ROOT, stdio: 'inherit', ...options });
    child.on('error', reject);
    child.on('exit', (code, signal) => resolve({ code, signal }));
  });
}

/** Runs `vite build` if dist/ is stale. Resolves when dist/ is up to date; rejects on failure. */
export async function ensureBuilt(root = ROOT) {
  const reason = staleReason(root);
  if (reason === null) return false;
  console.log(`Building the app (${reason})...`);
  const viteBin = path.join(root, 'node_modules', 'vite', 'bin', 'vite.js');
  const { code, signal } = await run(process.execPath, [viteBin, 'build'], { cwd: root });
  if (code !== 0) throw new Error(`vite build failed (${signal ?? `exit code ${code}`})`);
  return true;
}

/**
 * The server's command line (the load tests start it the same way). The young generation is
 * doubled (32 MB semi-spaces, V8's default 16): a verified submission allocates about a record's
 * worth of short-lived objects on each thread (parsed JSON, the checked record, the replay's
 * states), and a larger nursery lets more of them die before a scavenge copies them (the main
 * thread's time in the garbage collector: 10 % -> 7 % of its work, measured on submissions).
 * It costs up to 32 MB more memory per thread.
 */
export const SERVER_NODE_ARGS = [
  '--max-semi-space-size=32',
  '--import',
  'tsx',
  'src/server/main.ts',
];

async function main() {
  try {
    await ensureBuilt();
  } catch (err) {
    console.error(err instanceof Error ? err.message : err);
    process.exit(1);
  }

  const server = spawn(process.execPath, SERVER_NODE_ARGS, {
    cwd: ROOT,
    stdio: 'inherit',
    env: process.env,
  });
  for (const signal of ['SIGINT', 'SIGTERM']) {
    process.on(signal, () => {
      if (server.exitCode === null && server.signalCode === null) server.kill(signal);
    });
  }
  server.on('error', (err) => {
    console.error(`could not start the server: ${err.message}`);
    process.exit(1);
  });
  server.on('exit', (code, signal) => {
    process.exit(code ?? (signal ? 128 + (signal === 'SIGINT' ? 2 : 15) : 1));
  });
}

if (process.argv[1] && path.resolve(process.argv[1]) === fileURLToPath(import.meta.url)) {
  await main();
}
