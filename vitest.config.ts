import { defineConfig } from 'vitest/config';

// Two projects:
//  - unit: everything under tests/ except tests/e2e, in Node.
//  - e2e:  tests/e2e, driving Debian's chromium (playwright-core) against a built app. They run
//          one file at a time, after the unit project (groupOrder), with long timeouts.
export default defineConfig({
  test: {
    reporters: ['default', ['json', { outputFile: 'test-results/vitest.json' }]],
    projects: [
      {
        extends: true,
        test: {
          name: 'unit',
          include: ['tests/**/*.test.ts'],
          exclude: ['tests/e2e/**', '**/node_modules/**', 'dist/**'],
          environment: 'node',
          testTimeout: 20_000,
          hookTimeout: 20_000,
          sequence: { groupOrder: 0 },
        },
      },
      {
        extends: true,
        test: {
          name: 'e2e',
          include: ['tests/e2e/**/*.test.ts'],
          environment: 'node',
          testTimeout: 180_000,
          hookTimeout: 180_000,
          fileParallelism: false,
          sequence: { groupOrder: 1 },
        },
      },
    ],
  },
});
