#!/usr/bin/env node
// Prints the closing line of a test run, read from vitest's JSON report:
//   N passed, N failed[, N skipped]
// It must be the last line `npm test` (and so .ci/run) prints.
import { readFileSync } from 'node:fs';
import path from 'node:path';

const file = path.resolve(process.argv[2] ?? 'test-results/vitest.json');

let report;
try {
  report = JSON.parse(readFileSync(file, 'utf8'));
} catch (err) {
  console.log(`test-summary: no readable vitest report at ${file} (${err.code ?? err.message})`);
  console.log('vitest did not finish: see its output above');
  process.exit(1);
}

const n = (v) => (Number.isInteger(v) ? v : 0);
const passed = n(report.numPassedTests);
const failed = n(report.numFailedTests);
const skipped = n(report.numPendingTests) + n(report.numTodoTests);

if (report.success === false && failed === 0) {
  // e.g. an unhandled error, a suite that failed to load, or no test files found
  const brokenSuites = n(report.numFailedTestSuites);
  console.log(
    `note: vitest reported failure outside individual tests` +
      (brokenSuites > 0 ? ` (${brokenSuites} failed suite(s))` : '') +
      '; see its output above',
  );
}

console.log(`${passed} passed, ${failed} failed` + (skipped > 0 ? `, ${skipped} skipped` : ''));
