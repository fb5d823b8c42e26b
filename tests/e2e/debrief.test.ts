/**
 * The debrief in a real browser, reached through the real game: the built app (ensureBuilt) served
 * by the real server with the results API (a temporary SQLite database, port 0), Debian's chromium
 * through playwright-core. A student plays Pyongyang, tells the soldiers the truth in turn 3, ends
 * every turn and reads the debrief: focus, headings, the human-cost ledger against the game state,
 * the decision beside its source (the source card opens and closes by keyboard), the charts and
 * their tables, the discussion questions, the downloaded record replayed in Node, the submission
 * to the class board (a refused class code, a network failure kept for later, the automatic retry
 * when the debrief opens again), the explorer link, and the way back to the menu. Screenshots:
 * test-results/screenshots/debrief*.png.
 */
import { execFileSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';

import { chromium, type BrowserContext, type Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startAppServer } from './app-server';

import { ROOT as ROOT_DIR } from '../../scripts/start.mjs';
import type { Running } from '../../src/server/server';
import {
  endTurn,
  finishReport,
  playToDebrief,
  skipBriefings,
  startNewGame,
  waitForMap,
} from './game-helpers';
import {
  CHROMIUM_FLAGS,
  CHROMIUM_PATH as CHROMIUM,
  chromiumAvailable,
} from '../../src/cli/chromium';

const ROOT = ROOT_DIR as string;
const SHOTS = path.join(ROOT, 'test-results', 'screenshots');
const DOWNLOADS = path.join(ROOT, 'test-results', 'downloads');
const hasChromium = chromiumAvailable();

if (!hasChromium) console.warn(`tests/e2e/debrief: ${CHROMIUM} is missing; browser checks skipped`);

type Tc = {
  hash(): string;
  store: {
    getState(): {
      session: {
        state: {
          human: { sent: number; killed: number; familiesAtRisk: number };
          metrics: Record<string, number>;
        };
      };
    };
  };
};

describe.skipIf(!hasChromium)('debrief in chromium', () => {
  let running: Running;
  let baseUrl: string;
  let context: BrowserContext;
  let profile: string;
  let dataDir: string;
  const errors: string[] = [];

  beforeAll(async () => {
    mkdirSync(SHOTS, { recursive: true });
    mkdirSync(DOWNLOADS, { recursive: true });
    ({
      running,
      base: baseUrl,
      dataDir,
    } = await startAppServer('tc-debrief-data', {
      defaultRetentionDays: 30,
      sweepIntervalMs: 0,
    }));
    profile = mkdtempSync(path.join(tmpdir(), 'three-capitals-debrief-'));
    context = await chromium.launchPersistentContext(profile, {
      executablePath: CHROMIUM,
      headless: true,
      viewport: { width: 1280, height: 720 },
      acceptDownloads: true,
      args: [...CHROMIUM_FLAGS],
    });
  });

  afterAll(async () => {
    await context?.close();
    await running?.app.close();
    if (profile) rmSync(profile, { recursive: true, force: true });
    if (dataDir) rmSync(dataDir, { recursive: true, force: true });
  });

  async function open(url: string, size = { width: 1280, height: 720 }): Promise<Page> {
    const page = await context.newPage();
    await page.setViewportSize(size);
    page.on('pageerror', (e) => errors.push(`${url}: ${e.message}`));
    page.on('console', (m) => {
      // The offline step aborts a request on purpose; Chromium logs it.
      if (
        m.type() === 'error' &&
        !/ERR_INTERNET_DISCONNECTED|Failed to load resource/.test(m.text())
      )
        errors.push(`${url}: console: ${m.text()}`);
    });
    await skipBriefings(page);
    await page.goto(`${baseUrl}${url}`);
    return page;
  }

  const status = (page: Page) => page.locator('.db-submit [role="status"]');
  const storageItem = (page: Page, key: string) =>
    page.evaluate((k) => localStorage.getItem(k), key);

  /** Screenshots of the whole debrief: its own scrolling panel, grown to fit, then restored. */
  async function shotAll(page: Page, name: string, width: number): Promise<void> {
    const height = await page.evaluate(() => document.querySelector('.debrief')!.scrollHeight);
    await page.setViewportSize({ width, height: Math.min(height, 16000) });
    await page.waitForTimeout(300);
    await page.screenshot({ path: path.join(SHOTS, `${name}.png`) });
  }

  it('as Pyongyang: the debrief after a whole game, by keyboard, with the record, the board and the explorer', async () => {
    const page = await open('/?renderer=canvas&test=1');
    await startNewGame(page, { capital: 'Pyongyang', seed: 'debrief-e2e' });
    await waitForMap(page);
    // Turn 1: offer Moscow 4,000 soldiers for oil and food (the computer accepts).
    await page.getByRole('tab', { name: /Trade/ }).click();
    await page.getByRole('spinbutton', { name: 'Troops to give' }).fill('4000');
    await page.getByRole('spinbutton', { name: 'Oil to ask for' }).fill('480');
    await page.getByRole('spinbutton', { name: 'Food to ask for' }).fill('48');
    await page.getByRole('button', { name: 'Make offer' }).click();
    await page.getByRole('heading', { name: /Offer #\d+ to Moscow/ }).waitFor();
    await endTurn(page);
    await endTurn(page);
    // Turn 3 (December 2024): tell the soldiers the truth.
    await page.getByRole('tab', { name: 'Orders' }).click();
    const truth = page.getByRole('button', { name: 'Tell them the truth' });
    await truth.click();
    await expect.poll(() => truth.getAttribute('aria-pressed')).toBe('true');
    await endTurn(page);
    await playToDebrief(page);
    await finishReport(page);
    // The head and the human cost come at once, the other sections one task each after it.
    await page.locator('.debrief[data-ready="true"]').waitFor();

    // Focus is on the debrief's heading; reading starts at the top.
    await expect.poll(() => page.evaluate(() => document.activeElement?.id)).toBe('debrief-title');
    const headings = await page
      .locator('.debrief')
      .evaluate((el) =>
        [...el.querySelectorAll('h1, h2')].map((x) => `${x.tagName} ${x.textContent}`),
      );
    expect(headings).toEqual([
      'H1 Debrief',
      'H2 What it cost the soldiers',
      'H2 Each capital’s outcome',
      'H2 Your decisions beside the sources',
      'H2 Month by month',
      'H2 Questions for discussion',
      'H2 Keep your game and compare it',
    ]);
    await page.waitForTimeout(500);
    await page.screenshot({ path: path.join(SHOTS, 'debrief.png') });

    // The human-cost ledger shows the game's own numbers.
    const game = await page.evaluate(
      () => (window as unknown as { __tc: Tc }).__tc.store.getState().session.state,
    );
    const ledger = page.getByRole('list', { name: /human-cost ledger/ });
    const ledgerText = (await ledger.textContent()) ?? '';
    expect(ledgerText).toContain(game.human.sent.toLocaleString('en-GB'));
    expect(ledgerText).toContain(game.human.killed.toLocaleString('en-GB'));
    expect(await page.locator('.db-cost').textContent()).toContain(
      'The capitals bargained; the soldiers paid.',
    );
    // Each capital's score, as the engine computed it.
    for (const [name, id] of [
      ['Pyongyang', 'pyongyang'],
      ['Moscow', 'moscow'],
      ['Kyiv', 'kyiv'],
    ] as const) {
      const card = page.getByRole('article', { name });
      expect(await card.locator('.db-score strong').textContent()).toBe(
        game.metrics[`${id}.score`]!.toFixed(1),
      );
      expect(await card.getByRole('row').count()).toBeGreaterThan(3);
    }
    expect(await page.getByRole('article', { name: 'Pyongyang' }).textContent()).toContain('You');

    // The decisions beside the sources; a source card by keyboard.
    const troops = page.locator('.db-decision', { hasText: 'You sent 4,000 soldiers' });
    await expect(troops.count()).resolves.toBe(1);
    expect(await troops.textContent()).toContain('about 10,000–12,000 soldiers in all');
    const decision = page.locator('.db-decision', {
      hasText: 'You told the soldiers the truth in turn 3 (December 2024)',
    });
    await expect(decision.count()).resolves.toBe(1);
    const source = decision.locator('button[data-figure="deception-fighting-americans"]');
    // Its accessible name is its visible text with "Source:" in front; no id on screen.
    const visible = ((await source.textContent()) ?? '').replace(/^i/, '').replace('Source: ', '');
    expect(visible).not.toMatch(/deception|doc-/);
    await expect(
      decision.getByRole('button', { name: `Source: ${visible}` }).count(),
    ).resolves.toBe(1);
    await source.focus();
    await page.keyboard.press('Enter');
    const card = page.getByRole('dialog', { name: 'Where this number comes from' });
    await card.waitFor();
    const cardText = (await card.textContent()) ?? '';
    expect(cardText).toContain('believed they were killing Americans');
    expect(cardText).toContain('Who claims it');
    await page.screenshot({ path: path.join(SHOTS, 'debrief-source-card.png') });
    await page.keyboard.press('Escape');
    await card.waitFor({ state: 'detached' });
    await expect
      .poll(() => page.evaluate(() => document.activeElement?.getAttribute('data-figure')))
      .toBe('deception-fighting-americans');

    // Charts: images with a name and a description, and their numbers as a table.
    const charts = page.locator('.debrief figure.chart');
    await expect(charts.count()).resolves.toBe(5);
    const img = page.getByRole('img', { name: /^North Korean soldiers/ });
    expect(await img.getAttribute('aria-labelledby')).toMatch(/title .*desc/);
    const desc = await page.locator('#debrief-chart-soldiers-desc').textContent();
    expect(desc).toContain(
      `Killed: 0 at At the start, ${game.metrics['pyongyang.killed']!.toLocaleString('en-GB')} at September 2025`,
    );
    const summary = page
      .locator('#debrief-chart-kursk-heading')
      .locator('xpath=ancestor::figure')
      .locator('summary');
    await summary.focus();
    await page.keyboard.press('Enter');
    const table = page.getByRole('table', { name: 'The Kursk salient: the numbers' });
    await table.waitFor();
    expect(await table.getByRole('row').count()).toBe(14);

    // The scenario's discussion questions.
    const questions = page.locator('.db-questions ol li');
    await expect(questions.count()).resolves.toBe(4);
    expect(await questions.first().textContent()).toContain('fight Americans');

    // "Your game" for the explorer, and its link.
    const lastGame = JSON.parse((await storageItem(page, 'tc.lastGame')) ?? '{}') as {
      scenario?: { id: string };
      metrics?: Record<string, number>;
    };
    expect(lastGame.scenario?.id).toBe('historical-2024');
    expect(lastGame.metrics?.['human.killed']).toBe(game.metrics['human.killed']);
    expect(
      await page.getByRole('link', { name: 'Open the outcome explorer' }).getAttribute('href'),
    ).toBe('/explorer.html?scenario=historical-2024&mine=tc.lastGame');

    // Download the record: it replays in Node to the page's final hash.
    const downloadPromise = page.waitForEvent('download');
    await page.getByRole('button', { name: 'Download game record' }).click();
    const download = await downloadPromise;
    expect(download.suggestedFilename()).toBe('three-capitals-historical-2024-debrief-e2e.json');
    const file = path.join(DOWNLOADS, download.suggestedFilename());
    await download.saveAs(file);
    const pageHash = await page.evaluate(() => (window as unknown as { __tc: Tc }).__tc.hash());
    const out = execFileSync('npm', ['run', '--silent', 'replay', '--', file], {
      cwd: ROOT,
      encoding: 'utf8',
    });
    expect(out).toContain('every turn hash matches');
    expect(out).toContain(`final hash: ${pageHash}`);

    // Submit: a suggested pseudonym; a class code the server does not know gets its message.
    const pseudonym = page.getByRole('textbox', { name: 'Pseudonym' });
    const suggested = await pseudonym.inputValue();
    expect(suggested).toMatch(/^[A-Z][a-z]+ [A-Z][a-z]+$/);
    await page.getByRole('textbox', { name: 'Class code (optional)' }).fill('NOPE42');
    await page.getByRole('button', { name: 'Submit to the class board' }).click();
    await expect
      .poll(() => status(page).textContent())
      .toMatch(/^The class board did not accept it: .*NOPE42/);

    // The network fails: the game is kept to submit later.
    await page.getByRole('textbox', { name: 'Class code (optional)' }).fill('');
    await page.route('**/api/results', (route) => route.abort('internetdisconnected'));
    await page.getByRole('button', { name: 'Submit to the class board' }).click();
    await expect
      .poll(() => status(page).textContent())
      .toContain('Could not reach the class board');
    await expect(page.getByRole('button', { name: 'Try again now' }).isVisible()).resolves.toBe(
      true,
    );
    const pending = JSON.parse((await storageItem(page, 'tc.pendingSubmissions')) ?? '[]') as {
      payload: { pseudonym: string };
    }[];
    expect(pending.map((p) => p.payload.pseudonym)).toEqual([suggested]);
    await shotAll(page, 'debrief-full', 1280);
    await page.setViewportSize({ width: 1280, height: 720 });

    // Next time the debrief opens (reload → Continue), the kept game goes by itself.
    await page.unroute('**/api/results');
    await page.reload();
    await page.getByRole('button', { name: 'Continue' }).click();
    await page.locator('.debrief[data-ready="true"]').waitFor({ timeout: 30_000 });
    await expect
      .poll(() => status(page).textContent(), { timeout: 15_000 })
      .toContain(`Submitted as “${suggested}”`);
    expect(await storageItem(page, 'tc.pendingSubmissions')).toBeNull();
    const mine = JSON.parse((await storageItem(page, 'tc.myResults')) ?? '[]') as string[];
    expect(mine).toHaveLength(1);
    const link = page.getByRole('link', { name: 'See the results for this scenario' });
    expect(await link.getAttribute('href')).toBe('/results?scenario=historical-2024');
    const stored = await fetch(`${baseUrl}/api/results/${mine[0]}`).then(
      (r) => r.json() as Promise<{ pseudonym: string; finalHash: string }>,
    );
    expect(stored.pseudonym).toBe(suggested);
    expect(stored.finalHash).toBe(pageHash);
    await expect(page.getByRole('button', { name: 'Submitted' }).isDisabled()).resolves.toBe(true);

    // Keyboard: from the heading, Tab reaches "New game" first; "Menu" leaves for the menu.
    await page.locator('#debrief-title').focus();
    await page.keyboard.press('Tab');
    expect(await page.evaluate(() => document.activeElement?.textContent)).toBe('New game');
    await page.keyboard.press('Tab');
    expect(await page.evaluate(() => document.activeElement?.textContent)).toBe('Menu');
    await page.keyboard.press('Enter');
    await page.getByRole('button', { name: 'New game' }).waitFor();
    expect(await page.locator('.debrief').count()).toBe(0);
    await page.close();
  });

  it('as Kyiv on a tablet and a phone: no sideways scrolling, readable', async () => {
    const page = await open('/?renderer=canvas&test=1', { width: 768, height: 1024 });
    await startNewGame(page, { capital: 'Kyiv', seed: 'debrief-e2e-kyiv' });
    await waitForMap(page);
    await playToDebrief(page);
    await finishReport(page);
    await page.locator('.debrief[data-ready="true"]').waitFor();
    await page.waitForTimeout(400);
    const decisions = await page.locator('.db-decision-decision').allTextContents();
    expect(decisions.join(' ')).toMatch(/You (publicised prisoners|never showed prisoners)/);
    for (const [name, size] of [
      ['tablet', { width: 768, height: 1024 }],
      ['phone', { width: 390, height: 844 }],
    ] as const) {
      await page.setViewportSize(size);
      await page.waitForTimeout(300);
      const overflow = await page.evaluate(() => {
        const d = document.querySelector('.debrief')!;
        return d.scrollWidth - d.clientWidth;
      });
      expect(overflow, name).toBeLessThanOrEqual(0);
      for (const b of ['New game', 'Download game record', 'Submit to the class board']) {
        const box = await page.getByRole('button', { name: b, exact: true }).first().boundingBox();
        expect(box!.x + box!.width, `${name} ${b}`).toBeLessThanOrEqual(size.width + 1);
        expect(box!.height).toBeGreaterThanOrEqual(40);
      }
      await page.evaluate(() => (document.querySelector('.debrief')!.scrollTop = 0));
      await page.screenshot({ path: path.join(SHOTS, `debrief-${name}.png`) });
    }
    await page.close();
  });

  it('logged no page errors', () => {
    expect(errors.filter((e) => !/favicon/.test(e))).toEqual([]);
  });
});
