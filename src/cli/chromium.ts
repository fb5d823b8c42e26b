/**
 * Debian's Chromium for the browser tests and page benchmarks (playwright-core drives it; it
 * never downloads a browser). The flags keep a headless run quiet on a machine with no network
 * but loopback (DESIGN.md §7).
 */
import { existsSync } from 'node:fs';

export const CHROMIUM_PATH = process.env['CHROMIUM_PATH'] ?? '/usr/bin/chromium';

export const CHROMIUM_FLAGS: readonly string[] = [
  '--no-sandbox',
  '--disable-gpu',
  '--disable-quic',
  '--no-first-run',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
];

/**
 * Whether the browser tests can run. On a developer's machine without Chromium they are skipped
 * with a warning (and counted as skipped in the summary line); in CI a missing browser is an
 * error, so browser tests can never pass by not running.
 */
export function chromiumAvailable(): boolean {
  if (existsSync(CHROMIUM_PATH)) return true;
  if (process.env['CI']) throw new Error(`${CHROMIUM_PATH} is missing: CI must install Debian's chromium (see .ci/run)`);
  console.warn(`${CHROMIUM_PATH} is missing (apt-get install -y chromium): browser tests are skipped`);
  return false;
}
