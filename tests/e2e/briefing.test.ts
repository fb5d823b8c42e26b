/**
 * The first turn as a new student sees it: the capital's briefing (goals as the score counts
 * them, levers, what the sources say), the walkthrough that can be skipped, goals kept on
 * screen, and Kyiv's warning before its ammunition runs out with what feeds it. axe-core runs
 * on each of these screens.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';

import {
  endTurn,
  expectAccessible,
  expectNoErrors,
  finishReport,
  hasChromium,
  shot,
  startNewGame,
  startHarness,
  waitForMap,
  type Harness,
} from './game-helpers';

describe.skipIf(!hasChromium)('briefing and first turn in chromium', () => {
  let harness: Harness;
  beforeAll(async () => {
    harness = await startHarness();
  });
  afterAll(async () => {
    await harness?.close();
  });

  it('as Kyiv: briefing, walkthrough, goals on screen, ammunition warning', async () => {
    const page = await harness.open('/?renderer=canvas', undefined, { briefing: true });
    await startNewGame(page, { capital: 'Kyiv', seed: 'e2e-briefing' });
    const briefing = page.getByRole('dialog', { name: 'Your briefing: Kyiv' });
    await briefing.waitFor();
    const text = (await briefing.textContent()) ?? '';
    expect(text).toContain('Your goals, as the score counts them');
    expect(text).toMatch(/More: Kursk salient held by Ukraine \(%\) — \d+% of your score/);
    expect(text).toContain('Drone targeting');
    expect(text).toContain('What the sources say of your position');
    expect(text).not.toMatch(/doc-|kursk-negotiating-leverage/);
    await waitForMap(page);
    await expectAccessible(page, 'the briefing');
    await shot(page, 'briefing-kyiv');
    await briefing.getByRole('button', { name: 'Show me around the screen' }).click();

    const walk = page.getByRole('region', { name: 'Your stocks and goals' });
    await walk.waitFor();
    await expect(walk.textContent()).resolves.toContain('Step 1 of 5');
    await expectAccessible(page, 'the walkthrough');
    await shot(page, 'walkthrough-step1');
    for (let i = 0; i < 4; i++) await page.getByRole('button', { name: 'Next' }).click();
    await expect(page.getByRole('region', { name: 'End turn' }).isVisible()).resolves.toBe(true);
    await page.getByRole('button', { name: 'Done' }).click();
    await expect(page.locator('.walkthrough').count()).resolves.toBe(0);

    // The goals stay on screen with the score.
    await expect(page.locator('#standing-title').textContent()).resolves.toMatch(
      /Your goals · score so far [\d.]+ \/ 100/,
    );
    // What feeds the stocks: partners' supplies (tied to support) and the fighting.
    await page.getByText('What feeds and drains your stocks').click();
    const flows = (await page.locator('.stock-flows').textContent()) ?? '';
    expect(flows).toContain('Supplies from Kyiv’s partners');
    expect(flows).toMatch(/Fighting at the front \([\d,]+ soldiers\)/);

    // Play on until ammunition is short: the warning comes before it is empty.
    let warned = '';
    for (let t = 0; t < 6 && !warned; t++) {
      await endTurn(page);
      warned =
        (await page
          .locator('.stock-warnings')
          .textContent()
          .catch(() => '')) ?? '';
      if (await page.locator('.stock-warnings').count()) {
        warned = (await page.locator('.stock-warnings').textContent()) ?? '';
      }
    }
    expect(warned).toMatch(/Ammunition (runs out (next turn|in about \d turns)|is empty)/);
    await expectAccessible(page, 'the game screen');
    await shot(page, 'stock-warning-kyiv');
    // The briefing is not shown again at a later turn, and can be reopened from the goals.
    await expect(page.getByRole('dialog', { name: /Your briefing/ }).count()).resolves.toBe(0);
    await page.close();
  });

  it('a short lesson: six decisions of two months, the month between with standing orders', async () => {
    const page = await harness.open('/?renderer=canvas&test=1');
    await page.getByRole('button', { name: 'New game' }).click();
    await page.getByRole('radio', { name: 'Short: 6 turns of two months' }).check();
    await startNewGame(page, { capital: 'Moscow', seed: 'e2e-short' });
    await waitForMap(page);
    await expect(page.locator('#turn-indicator').textContent()).resolves.toMatch(
      /^Turn 1 of 12 · .* · decision 1 of 6$/,
    );
    await endTurn(page);
    await expect(page.locator('#turn-indicator').textContent()).resolves.toMatch(
      /^Turn 3 of 12 · .* · decision 2 of 6$/,
    );
    await expect(page.locator('.report-box').textContent()).resolves.toContain(
      'played out with your standing orders',
    );
    // The saved game is an ordinary record: two resolved months, the second ended for Moscow.
    const turns = await page.evaluate(
      () =>
        (window as unknown as { __tc: { record(): { turnHashes: string[] } } }).__tc.record()
          .turnHashes.length,
    );
    expect(turns).toBe(2);
    await page.close();
  });

  it('a turn ended while the last month still plays is played and reported too', async () => {
    const page = await harness.open('/?renderer=canvas');
    await startNewGame(page, { capital: 'Kyiv', seed: 'e2e-queue' });
    await waitForMap(page);
    await endTurn(page, { skip: false }); // October starts playing on the map
    await endTurn(page, { skip: false }); // November is ended during October's animation
    await finishReport(page);
    await expect
      .poll(() => page.locator('#live').textContent(), { timeout: 20_000 })
      .toMatch(/^November 2024\./);
    await expect(page.locator('#report-title').textContent()).resolves.toBe(
      'What happened in November 2024',
    );
    await page.close();
  });

  it('logged no page errors', () => {
    expectNoErrors(harness.errors);
  });
});
