/**
 * Shared pieces of the game's end-to-end tests: build the app (ensureBuilt), serve dist/ with the
 * real server (buildApp, port 0), drive Debian's chromium through playwright-core, and play the
 * game the way a student does — by role, accessible name and keyboard.
 */
import { mkdirSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';

import type { FastifyInstance } from 'fastify';
import { chromium, type BrowserContext, type Page } from 'playwright-core';
import { expect } from 'vitest';
import { startAppServer } from './app-server';

import { ensureBuilt, ROOT as ROOT_DIR } from '../../scripts/start.mjs';
import { buildApp } from '../../src/server/app';
import {
  CHROMIUM_FLAGS,
  CHROMIUM_PATH as CHROMIUM,
  chromiumAvailable,
} from '../../src/cli/chromium';

export const ROOT: string = ROOT_DIR;
export const SHOTS = path.join(ROOT, 'test-results', 'screenshots');
export const DOWNLOADS = path.join(ROOT, 'test-results', 'downloads');
export const hasChromium = chromiumAvailable();

export interface Harness {
  baseUrl: string;
  context: BrowserContext;
  errors: string[];
  /**
   * Opens a page. The capital's briefing (a dialog at the first turn of every game) is skipped
   * automatically whenever it appears, unless `briefing: true` (the test that reads it).
   */
  open(
    url: string,
    size?: { width: number; height: number },
    opts?: { briefing?: boolean },
  ): Promise<Page>;
  close(): Promise<void>;
}

/**
 * Builds the app if needed and serves dist/ on port 0: with buildApp alone, or (results: true)
 * with the whole server (results API on a fresh SQLite database in a temporary folder).
 */
export async function startHarness(opts: { results?: boolean } = {}): Promise<Harness> {
  mkdirSync(SHOTS, { recursive: true });
  mkdirSync(DOWNLOADS, { recursive: true });
  await ensureBuilt();
  const distDir = path.join(ROOT, 'dist');
  let app: FastifyInstance;
  let dataDir: string | null = null;
  if (opts.results) {
    const started = await startAppServer('three-capitals-data');
    dataDir = started.dataDir;
    app = started.running.app;
  } else {
    app = buildApp({ distDir, rateLimit: 0 });
    await app.listen({ port: 0, host: '127.0.0.1' });
  }
  const address = app.server.address();
  const port = typeof address === 'object' && address ? address.port : 0;
  const baseUrl = `http://127.0.0.1:${port}`;
  const profile = mkdtempSync(path.join(tmpdir(), 'three-capitals-game-'));
  const context = await chromium.launchPersistentContext(profile, {
    executablePath: CHROMIUM,
    headless: true,
    viewport: { width: 1280, height: 720 },
    acceptDownloads: true,
    args: [...CHROMIUM_FLAGS],
  });
  const errors: string[] = [];
  return {
    baseUrl,
    context,
    errors,
    async open(url, size = { width: 1280, height: 720 }, openOpts = {}) {
      const page = await context.newPage();
      await page.setViewportSize(size);
      if (!openOpts.briefing) await skipBriefings(page);
      page.on('pageerror', (e) => errors.push(`${url}: ${e.message}\n${e.stack ?? ''}`));
      page.on('console', (m) => {
        // Failed requests are reported below with their address.
        if (m.type() === 'error' && !m.text().startsWith('Failed to load resource'))
          errors.push(`${url}: console: ${m.text()}`);
      });
      page.on('response', (r) => {
        if (r.status() >= 400) errors.push(`${url}: HTTP ${r.status()} ${r.url()}`);
      });
      await page.goto(`${baseUrl}${url}`);
      return page;
    },
    async close() {
      await context.close();
      await app.close();
      rmSync(profile, { recursive: true, force: true });
      if (dataDir) rmSync(dataDir, { recursive: true, force: true });
    },
  };
}

/**
 * Skips the capital's briefing (a dialog at each game's first turn) whenever it appears: for
 * tests about something else. tests/e2e/briefing.test.ts reads it.
 */
export async function skipBriefings(page: Page): Promise<void> {
  await page.addLocatorHandler(
    page.getByRole('dialog', { name: /^Your briefing: / }),
    async (dialog) => {
      await dialog.getByRole('button', { name: 'Skip: I know how to play' }).click();
    },
  );
}

export function shot(page: Page, name: string, fullPage = false): Promise<Buffer> {
  return page.screenshot({ path: path.join(SHOTS, `${name}.png`), fullPage });
}

/** Waits until Phaser has drawn the map of the game in progress. */
export async function waitForMap(page: Page): Promise<void> {
  await page.waitForFunction(
    () => document.getElementById('app')?.dataset['mapReady'] === 'true',
    null,
    { timeout: 60_000 },
  );
}

export interface NewGameOptions {
  capital: 'Pyongyang' | 'Moscow' | 'Kyiv';
  seed?: string;
  /** Other seats to give to classmates (hot-seat). */
  hotSeat?: ('Pyongyang' | 'Moscow' | 'Kyiv')[];
  figures?: 'Low' | 'Central' | 'High';
  scenario?: RegExp;
  /** Save a screenshot of the filled-in setup under this name. */
  screenshot?: string;
}

/** Menu → New game → setup → Start game, by role and name. */
export async function startNewGame(page: Page, o: NewGameOptions): Promise<void> {
  // Already on the setup screen (a test chose something first) or on the menu.
  if ((await page.getByRole('heading', { name: 'New game', level: 1 }).count()) === 0)
    await page.getByRole('button', { name: 'New game' }).click();
  await page.getByRole('heading', { name: 'New game', level: 1 }).waitFor();
  if (o.scenario) {
    const select = page.getByRole('combobox', { name: 'Scenario' });
    const value = await select.evaluate((el, src) => {
      const re = new RegExp(src, 'i');
      const opt = [...(el as HTMLSelectElement).options].find((x) => re.test(x.textContent ?? ''));
      return opt?.value ?? '';
    }, o.scenario.source);
    await select.selectOption(value);
  }
  await page.getByRole('radio', { name: new RegExp(`^${o.capital}`) }).check();
  for (const c of o.hotSeat ?? [])
    await page.getByRole('combobox', { name: `${c} is played by` }).selectOption('human');
  if (o.figures) await page.getByRole('radio', { name: o.figures, exact: true }).check();
  if (o.seed) await page.getByRole('textbox', { name: 'Seed' }).fill(o.seed);
  if (o.screenshot) {
    await page.waitForFunction(
      () => document.getElementById('app')?.dataset['viewReady'] === 'true',
      null,
      { timeout: 60_000 },
    );
    await page.waitForTimeout(300);
    await shot(page, o.screenshot);
  }
  await page.getByRole('button', { name: 'Start game' }).click();
  await page.locator('#turn-indicator').waitFor();
}

export async function turnText(page: Page): Promise<string> {
  return ((await page.locator('#turn-indicator').textContent()) ?? '').trim();
}

/** The turn number shown in the turn indicator ("Turn 3 of 12 · December 2024" → 3). */
export async function turnNumber(page: Page): Promise<number> {
  const m = /Turn (\d+) of/.exec(await turnText(page));
  return m ? Number(m[1]) : NaN;
}

/**
 * End turn… → the confirmation dialog → End turn; then skip the turn report's animation
 * (Escape) and wait until the report is done or the pass-the-device screen is up.
 */
export async function endTurn(page: Page, opts: { skip?: boolean } = {}): Promise<void> {
  const before = await page.evaluate(() => document.getElementById('app')?.dataset['turn'] ?? '');
  await page.getByRole('button', { name: 'End turn…' }).click();
  const dialog = page.getByRole('dialog', { name: /End .* turn\?/ });
  await dialog.waitFor();
  await dialog.getByRole('button', { name: 'End turn', exact: true }).click();
  await dialog.waitFor({ state: 'detached' });
  // Either a new month (report to play), the next hot-seat player, or the debrief.
  await page.waitForFunction(
    (prev) => {
      const app = document.getElementById('app');
      if (!app) return false;
      if (app.dataset['screen'] === 'debrief') return true;
      if (document.querySelector('.handoff:not([hidden])')) return true;
      return app.dataset['turn'] !== prev || app.dataset['report'] === 'playing';
    },
    before,
    { timeout: 30_000 },
  );
  if (opts.skip !== false) await finishReport(page);
}

/** Skips a playing turn report with the keyboard (Escape) and waits until it is done. */
export async function finishReport(page: Page): Promise<void> {
  for (let i = 0; i < 40; i++) {
    const state = await page.evaluate(
      () => document.getElementById('app')?.dataset['report'] ?? '',
    );
    if (state !== 'playing') return;
    await page.keyboard.press('Escape');
    await page.waitForTimeout(100);
  }
  throw new Error('the turn report did not finish');
}

/** Plays End turn until the debrief appears (single human). */
export async function playToDebrief(page: Page, maxTurns = 14): Promise<void> {
  for (let i = 0; i < maxTurns; i++) {
    if (
      (await page.evaluate(() => document.getElementById('app')?.dataset['screen'])) === 'debrief'
    )
      break;
    await endTurn(page);
  }
  await page.getByRole('heading', { name: 'Debrief', level: 1 }).waitFor({ timeout: 30_000 });
}

export function expectNoErrors(errors: string[]): void {
  expect(errors.filter((e) => !/favicon/.test(e))).toEqual([]);
}

const AXE_PATH = path.join(ROOT, 'node_modules', 'axe-core', 'axe.min.js');

/**
 * Runs axe-core on the page as it is now and returns its serious and critical violations, one
 * line each (rule, impact, the first offending elements), so a failing test says what to fix.
 */
export async function axeProblems(page: Page): Promise<string[]> {
  // Evaluated through the debugging protocol: the app's Content-Security-Policy (script-src
  // 'self') rightly refuses an injected script tag.
  if (!(await page.evaluate(() => 'axe' in window)))
    await page.evaluate(readFileSync(AXE_PATH, 'utf8'));
  const violations = await page.evaluate(async () => {
    const axe = (
      window as unknown as {
        axe: {
          run(
            ctx: Document,
            opts: object,
          ): Promise<{
            violations: { id: string; impact: string | null; nodes: { target: string[] }[] }[];
          }>;
        };
      }
    ).axe;
    const r = await axe.run(document, { resultTypes: ['violations'] });
    return r.violations.map((v) => ({
      id: v.id,
      impact: v.impact,
      targets: v.nodes.slice(0, 3).map((n) => n.target.join(' ')),
    }));
  });
  return violations
    .filter((v) => v.impact === 'serious' || v.impact === 'critical')
    .map((v) => `${v.id} (${v.impact}): ${v.targets.join(', ')}`);
}

/** No serious or critical axe-core violation on the page as it is now. */
export async function expectAccessible(page: Page, where: string): Promise<void> {
  const problems = await axeProblems(page);
  expect(problems, `axe-core on ${where}`).toEqual([]);
}
