/**
 * The whole historical scenario, played in Chromium as each capital against computer players,
 * the way a student plays: by role, accessible name and keyboard. Each game gives a couple of
 * real orders, ends every turn, and reaches the debrief. The Kyiv game downloads its record from
 * the debrief and replays it in Node (`npm run replay`) to the same final hash.
 */
import { execFileSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import path from 'node:path';

import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';

import {
  DOWNLOADS,
  endTurn,
  expectNoErrors,
  finishReport,
  hasChromium,
  playToDebrief,
  ROOT,
  shot,
  startHarness,
  startNewGame,
  turnNumber,
  waitForMap,
  type Harness,
} from './game-helpers';

describe.skipIf(!hasChromium)('a whole game in chromium', () => {
  let harness: Harness;

  beforeAll(async () => {
    harness = await startHarness();
  });
  afterAll(async () => {
    await harness?.close();
  });

  async function orderError(page: Page): Promise<string[]> {
    return page.locator('.field-error:not([hidden])').allTextContents();
  }

  it('as Pyongyang: trains longer, sends soldiers through a trade, reaches the debrief', async () => {
    const page = await harness.open('/?renderer=canvas&test=1');
    await startNewGame(page, {
      capital: 'Pyongyang',
      seed: 'e2e-pyongyang',
      screenshot: 'setup-game',
    });
    await waitForMap(page);
    expect(await turnNumber(page)).toBe(1);

    // Orders tab: training, by keyboard.
    const two = page.getByRole('button', { name: '2 months' });
    await two.focus();
    await page.keyboard.press('Enter');
    await expect.poll(() => two.getAttribute('aria-pressed')).toBe('true');
    await expect(
      page.getByRole('heading', { name: 'Orders this turn (1)' }).isVisible(),
    ).resolves.toBe(true);

    // Trade tab (arrow keys on the tab list): offer soldiers to Moscow.
    await page.getByRole('tab', { name: 'Orders' }).focus();
    await page.keyboard.press('ArrowRight');
    await expect(
      page.getByRole('tab', { name: /Trade/ }).getAttribute('aria-selected'),
    ).resolves.toBe('true');
    await page.getByRole('spinbutton', { name: 'Troops to give' }).fill('3000');
    await page.getByRole('spinbutton', { name: 'Oil to ask for' }).fill('300');
    await page.getByRole('spinbutton', { name: 'Food to ask for' }).fill('30');
    await expect(page.locator('#compose-check').textContent()).resolves.toMatch(/^Ready/);
    await page.waitForTimeout(300);
    await shot(page, 'game-pyongyang');
    await page.getByRole('button', { name: 'Make offer' }).click();
    expect(await orderError(page)).toEqual([]);
    await expect(
      page.getByRole('heading', { name: /Offer #\d+ to Moscow/ }).isVisible(),
    ).resolves.toBe(true);

    await endTurn(page);
    // Moscow (computer) answered at once: a deal, with its delivery.
    expect(await turnNumber(page)).toBe(2);
    await page.getByRole('tab', { name: /Trade/ }).click();
    await expect(page.getByText('Moscow accepted: it is now a deal.').isVisible()).resolves.toBe(
      true,
    );
    await expect(
      page
        .getByRole('heading', { name: /Deal #\d+ with Moscow/ })
        .first()
        .isVisible(),
    ).resolves.toBe(true);
    const sent = await page.evaluate(() => {
      const tc = (
        window as unknown as {
          __tc: { store: { getState(): { session: { state: { human: { sent: number } } } } } };
        }
      ).__tc;
      return tc.store.getState().session.state.human.sent;
    });
    expect(sent).toBe(3000);

    await playToDebrief(page);
    await page.waitForTimeout(500);
    await shot(page, 'debrief-pyongyang');
    await page.close();
  });

  it('as Moscow: pairs units with drone crews, takes Pyongyang’s offer, reaches the debrief', async () => {
    const page = await harness.open('/?renderer=canvas&test=1');
    await startNewGame(page, { capital: 'Moscow', seed: 'e2e-moscow' });
    await waitForMap(page);

    // Pyongyang (computer) has offered soldiers: accept from the inbox.
    const trade = page.getByRole('tab', { name: /Trade/ });
    await expect(trade.textContent()).resolves.toMatch(/\d/);
    await trade.click();
    const accept = page.getByRole('button', { name: /^Accept offer #\d+$/ }).first();
    await accept.click();
    expect(await orderError(page)).toEqual([]);
    await expect(
      page
        .getByRole('heading', { name: /Deal #\d+ with Pyongyang/ })
        .first()
        .isVisible(),
    ).resolves.toBe(true);

    await page.getByRole('tab', { name: 'Orders' }).click();
    await page.getByRole('button', { name: 'Pair them' }).click();
    await page.getByRole('button', { name: 'Confirm', exact: true }).click();
    await expect(
      page.getByRole('heading', { name: 'Orders this turn (3)' }).isVisible(),
    ).resolves.toBe(true);
    await page.waitForTimeout(300);
    await shot(page, 'game-moscow');

    // Undo takes back the last order not yet committed.
    await page.getByRole('button', { name: 'Undo last order' }).click();
    await expect(
      page.getByRole('heading', { name: 'Orders this turn (2)' }).isVisible(),
    ).resolves.toBe(true);

    await endTurn(page);
    expect(await turnNumber(page)).toBe(2);
    await playToDebrief(page);
    await page.close();
  });

  it('as Kyiv: aims drones and releases evidence, reaches the debrief; the downloaded record replays in Node', async () => {
    const page = await harness.open('/?renderer=canvas&test=1');
    await startNewGame(page, { capital: 'Kyiv', seed: 'e2e-kyiv' });
    await waitForMap(page);
    // For information (budgets belong to `npm run bench`): main-thread tasks over 50 ms.
    await page.evaluate(() => {
      const w = window as unknown as { __long: number[] };
      w.__long = [];
      new PerformanceObserver((list) => {
        for (const e of list.getEntries()) w.__long.push(Math.round(e.duration));
      }).observe({ type: 'longtask', buffered: false });
    });

    await page.getByRole('button', { name: 'Aim at North Koreans' }).click();
    await page.getByRole('button', { name: 'Release', exact: true }).click();
    expect(await orderError(page)).toEqual([]);
    // An impossible order is refused politely, next to its control.
    await page.getByRole('spinbutton', { name: 'Troops', exact: true }).fill('999999');
    await page.getByRole('button', { name: 'Send to sector' }).click();
    const errors = await orderError(page);
    expect(errors.join(' ')).toMatch(/That order was not given: Kyiv has [\d,]+ troops in reserve/);
    await page.waitForTimeout(300);
    await shot(page, 'game-kyiv');

    // News: a cited figure opens its source card.
    await page.getByRole('tab', { name: /News/ }).click();
    await page
      .getByRole('button', { name: /^Source: / })
      .first()
      .click();
    const card = page.getByRole('dialog', { name: 'Where this number comes from' });
    await card.waitFor();
    const cardText = (await card.textContent()) ?? '';
    expect(cardText).toContain('Who claims it');
    expect(cardText).toContain('Status');
    expect(cardText).toContain('Document');
    await shot(page, 'source-card');
    await page.keyboard.press('Escape');
    await card.waitFor({ state: 'detached' });

    await endTurn(page, { skip: false });
    // The report plays on the map; the live region gets it in words when it ends.
    await finishReport(page);
    await expect
      .poll(() => page.locator('#live').textContent())
      .toMatch(/North Korean soldiers: \d+ killed/);

    await playToDebrief(page);
    await page.waitForTimeout(600);
    await shot(page, 'debrief-kyiv');
    const cdp = await harness.context.newCDPSession(page);
    await cdp.send('HeapProfiler.collectGarbage');
    const { usedSize } = await cdp.send('Runtime.getHeapUsage');
    const long = await page.evaluate(() => (window as unknown as { __long: number[] }).__long);
    console.log(
      `game: JS heap after a whole game ${(usedSize / 1e6).toFixed(1)} MB; tasks over 50 ms during the game: ${long.length} (longest ${Math.max(0, ...long)} ms, on a shared 2-core machine)`,
    );
    expect(usedSize).toBeLessThan(100e6);

    // Download the record from the debrief and replay it in Node.
    const downloadPromise = page.waitForEvent('download');
    await page.getByRole('button', { name: 'Download game record' }).click();
    const download = await downloadPromise;
    const file = path.join(DOWNLOADS, 'kyiv-record.json');
    await download.saveAs(file);
    const record = JSON.parse(readFileSync(file, 'utf8')) as {
      seats: Record<string, string>;
      actions: unknown[];
    };
    expect(record.seats['kyiv']).toBe('human');
    const pageHash = await page.evaluate(() =>
      (window as unknown as { __tc: { hash(): string } }).__tc.hash(),
    );
    const out = execFileSync('npm', ['run', '--silent', 'replay', '--', file], {
      cwd: ROOT,
      encoding: 'utf8',
    });
    expect(out).toContain('every turn hash matches');
    expect(out).toContain(`final hash: ${pageHash}`);
    expect(out).toContain('game over');
    await page.close();
  });

  it('logged no page errors', () => {
    expectNoErrors(harness.errors);
  });
});
