/**
 * Every screen at the three sizes the lesson meets (a laptop 1366×768, a tablet 768×1024, a
 * phone 390×844): a screenshot of each (test-results/screenshots/screens-*.png, looked at by a
 * person), axe-core with no serious or critical violation, and nothing wider than the screen.
 * Menu, setup, game, debrief, results index, class board, one result, the replay, the
 * instructors' page and the outcome explorer, on the whole server (results API on SQLite).
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Page } from 'playwright-core';

import { playGame, recordOf } from '../../src/sim/play';
import { makeSave, SAVE_KEY } from '../../src/store';
import { builtInRules } from '../helpers/rules';
import {
  axeProblems,
  expectNoErrors,
  hasChromium,
  shot,
  startHarness,
  startNewGame,
  waitForMap,
  type Harness,
} from './game-helpers';

const SIZES = [
  { name: 'laptop', width: 1366, height: 768 },
  { name: 'tablet', width: 768, height: 1024 },
  { name: 'phone', width: 390, height: 844 },
] as const;

describe.skipIf(!hasChromium)('every screen at three sizes', () => {
  let harness: Harness;
  let classCode = '';
  let resultId = '';
  let finishedSave = '';
  const problems: string[] = [];

  beforeAll(async () => {
    harness = await startHarness({ results: true });
    const rules = builtInRules();
    const seats = { pyongyang: 'historical', moscow: 'historical', kyiv: 'historical' };
    const played = playGame(rules, { seed: 'screens', seats });
    const asKyiv = { ...seats, kyiv: 'human' };
    finishedSave = JSON.stringify(
      makeSave(played.state, asKyiv, played.actions, '2026-11-27T00:00:00Z'),
    );
    const cls = await fetch(`${harness.baseUrl}/api/classes`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ scenario: 'historical-2024', seed: 'screens' }),
    });
    classCode = ((await cls.json()) as { code: string }).code;
    for (const [i, name] of ['Grey Heron', 'Snow Owl', 'Red Kite'].entries()) {
      const p = playGame(rules, {
        seed: 'screens',
        seats: i === 0 ? seats : { ...seats, moscow: 'random' },
      });
      const res = await fetch(`${harness.baseUrl}/api/results`, {
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body: JSON.stringify({ record: recordOf(p, asKyiv), pseudonym: name, classCode }),
      });
      if (i === 0) resultId = ((await res.json()) as { id: string }).id;
    }
  });
  afterAll(async () => {
    await harness?.close();
  });

  async function check(page: Page, screen: string, size: (typeof SIZES)[number]): Promise<void> {
    await page.waitForTimeout(250);
    await shot(page, `screens-${screen}-${size.name}`);
    for (const p of await axeProblems(page)) problems.push(`${screen} at ${size.name}: ${p}`);
    const wide = await page.evaluate(() => {
      const w = document.documentElement.clientWidth;
      const over = [...document.querySelectorAll('body *')]
        .filter((e) => e.getBoundingClientRect().right > w + 1)
        .filter((e) => !e.parentElement || e.parentElement.getBoundingClientRect().right <= w + 1)
        .slice(0, 3)
        .map((e) => `${e.tagName.toLowerCase()}.${[...e.classList].join('.')}`);
      return { width: document.documentElement.scrollWidth, over };
    });
    if (wide.width > size.width + 1)
      problems.push(`${screen} at ${size.name}: ${wide.width}px wide (${wide.over.join(', ')})`);
  }

  for (const size of SIZES) {
    it(`menu, setup, game and debrief at ${size.width}×${size.height}`, async () => {
      const page = await harness.open('/?renderer=canvas', size);
      await page.getByRole('button', { name: 'New game' }).waitFor();
      await check(page, 'menu', size);
      await page.getByRole('button', { name: 'New game' }).click();
      await page.getByRole('heading', { name: 'New game', level: 1 }).waitFor();
      await check(page, 'setup', size);
      await startNewGame(page, { capital: 'Kyiv', seed: 'screens' });
      await waitForMap(page);
      await check(page, 'game', size);
      await page.evaluate(([k, v]) => localStorage.setItem(k!, v!), [SAVE_KEY, finishedSave]);
      await page.goto(`${harness.baseUrl}/?renderer=canvas`);
      await page.getByRole('button', { name: 'Continue' }).click();
      await page.getByRole('heading', { name: 'Debrief', level: 1 }).waitFor({ timeout: 30_000 });
      await check(page, 'debrief', size);
      await page.close();
    });

    it(`results, replay, instructors and explorer at ${size.width}×${size.height}`, async () => {
      const page = await harness.open('/results', size);
      await page.waitForSelector('main[data-ready="index"]');
      await check(page, 'results-index', size);
      await page.goto(`${harness.baseUrl}/results?class=${classCode}`);
      await page.waitForSelector('main[data-ready="board"]', { timeout: 30_000 });
      await check(page, 'results-board', size);
      await page.goto(`${harness.baseUrl}/results?id=${resultId}`);
      await page.waitForSelector('main[data-ready="single"]', { timeout: 30_000 });
      await check(page, 'results-single', size);
      await page.goto(`${harness.baseUrl}/results?teach`);
      await page.getByRole('heading', { level: 1 }).first().waitFor();
      await check(page, 'results-teach', size);
      await page.goto(`${harness.baseUrl}/explorer.html?scenario=historical-2024`);
      await page.getByRole('heading', { level: 1 }).first().waitFor();
      await check(page, 'explorer', size);
      await page.close();
    });
  }

  it('has no serious or critical accessibility problem and nothing wider than the screen', () => {
    expect(problems).toEqual([]);
  });

  it('logged no page errors', () => {
    expectNoErrors(harness.errors);
  });
});
