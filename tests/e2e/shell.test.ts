/**
 * The shell in a real browser: Vite's dev server started here (port 0), Debian's chromium driven
 * by playwright-core. Checks the main menu by role and name, keyboard order, the two reading
 * panels, the map fixture page and its turn-report animation, and saves screenshots to
 * test-results/screenshots/ for a person to look at.
 */
import { mkdirSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';

import { chromium, type BrowserContext, type Page } from 'playwright-core';
import { createServer, type ViteDevServer } from 'vite';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  CHROMIUM_FLAGS,
  CHROMIUM_PATH as CHROMIUM,
  chromiumAvailable,
} from '../../src/cli/chromium';

const ROOT = path.resolve(import.meta.dirname, '..', '..');
const SHOTS = path.join(ROOT, 'test-results', 'screenshots');
const hasChromium = chromiumAvailable();

const MENU_BUTTONS = [
  'New game',
  'Continue',
  'Join a class',
  'Load scenario file',
  'How to play',
  'About the sources',
];

if (!hasChromium) {
  console.warn(
    `tests/e2e/shell: ${CHROMIUM} is missing (apt-get install chromium); browser checks skipped`,
  );
}

describe('map art', () => {
  const svg = readFileSync(path.join(ROOT, 'assets', 'map', 'kursk.svg'), 'utf8');

  it('has the four scenario sectors as polygons with an axis', () => {
    for (const id of ['korenevo', 'sudzha', 'malaya-loknya', 'plekhovo']) {
      const m = new RegExp(`<polygon id="sector-${id}"[^>]*>`).exec(svg);
      expect(m, `sector-${id}`).not.toBeNull();
      expect(m![0]).toMatch(/data-axis="[\d.\s-]+"/);
      expect(m![0]).toMatch(/points="[\d.,\s-]+"/);
    }
  });

  it('names the towns, the border, the rivers and the route', () => {
    for (const name of [
      'Kursk',
      'Sudzha',
      'Korenevo',
      'Lgov',
      'Sumy',
      'Seym',
      'Psel',
      'Vladivostok',
      'Wonsan',
    ]) {
      expect(svg).toContain(`>${name}</text>`);
    }
    for (const id of ['border', 'river-seym', 'river-psel', 'route-sea', 'route-rail', 'inset']) {
      expect(svg).toContain(`id="${id}"`);
    }
  });

  it('ships every icon at 24×24 in one colour', () => {
    const names = [
      'troops',
      'ammunition',
      'oil',
      'food',
      'currency',
      'workers',
      'un-cover',
      'drones',
    ];
    names.push(
      'drone-operators',
      'evidence',
      'tech-missile',
      'tech-drone',
      'tech-air-defence',
      'tech-nuclear',
    );
    names.push('tech-cyber', 'killed', 'wounded', 'captured', 'families');
    for (const n of names) {
      const icon = readFileSync(path.join(ROOT, 'assets', 'icons', `${n}.svg`), 'utf8');
      expect(icon, n).toContain('viewBox="0 0 24 24"');
      expect(icon, n).toContain('stroke="currentColor"');
      expect(icon.match(/#[0-9a-f]{3,6}\b/gi), n).toBeNull();
    }
  });
});

describe.skipIf(!hasChromium)('shell in chromium', () => {
  let server: ViteDevServer;
  let baseUrl: string;
  let profile: string;
  let context: BrowserContext;
  const errors: string[] = [];

  beforeAll(async () => {
    mkdirSync(SHOTS, { recursive: true });
    server = await createServer({
      root: ROOT,
      configFile: path.join(ROOT, 'vite.config.ts'),
      logLevel: 'warn',
      server: { port: 0, strictPort: false, host: '127.0.0.1', hmr: false },
    });
    await server.listen();
    const url = server.resolvedUrls?.local[0];
    if (!url) throw new Error('vite dev server has no local URL');
    baseUrl = url.replace(/\/$/, '');
    profile = mkdtempSync(path.join(tmpdir(), 'three-capitals-chromium-'));
    context = await chromium.launchPersistentContext(profile, {
      executablePath: CHROMIUM,
      headless: true,
      viewport: { width: 1280, height: 720 },
      reducedMotion: 'no-preference',
      args: [...CHROMIUM_FLAGS],
    });
  });

  afterAll(async () => {
    await context?.close();
    await server?.close();
    if (profile) rmSync(profile, { recursive: true, force: true });
  });

  async function open(url: string, size = { width: 1280, height: 720 }): Promise<Page> {
    const page = await context.newPage();
    await page.setViewportSize(size);
    page.on('pageerror', (e) => errors.push(`${url}: ${e.message}`));
    page.on('console', (m) => {
      if (m.type() === 'error') errors.push(`${url}: console: ${m.text()}`);
    });
    await page.goto(`${baseUrl}${url}`);
    return page;
  }

  async function focusedName(page: Page): Promise<string> {
    return page.evaluate(() => {
      const el = document.activeElement as HTMLElement | null;
      return (el?.getAttribute('aria-label') ?? el?.textContent ?? '').trim();
    });
  }

  it('main menu: buttons by role and name, keyboard order, sources panel', async () => {
    const page = await open('/?renderer=canvas');
    await expect(page.title()).resolves.toBe('Three Capitals');
    await page
      .getByRole('button', { name: 'New game' })
      .waitFor({ state: 'visible', timeout: 30_000 });
    // For information (budgets are measured by `npm run bench`, not by timed tests).
    const readyMs = await page.evaluate(() => Math.round(performance.now()));
    console.log(`shell: menu usable ${readyMs} ms after navigation (dev server, unbundled)`);
    await expect(
      page.getByRole('heading', { level: 1, name: 'Three Capitals' }).isVisible(),
    ).resolves.toBe(true);

    for (const name of MENU_BUTTONS) {
      await expect(page.getByRole('button', { name, exact: true }).isVisible(), name).resolves.toBe(
        true,
      );
    }
    const cont = page.getByRole('button', { name: 'Continue', exact: true });
    await expect(cont.getAttribute('aria-disabled')).resolves.toBe('true');
    const noteId = await cont.getAttribute('aria-describedby');
    await expect(page.locator(`#${noteId}`).textContent()).resolves.toContain('No saved game');

    const live = page.locator('#live');
    await expect(live.getAttribute('role')).resolves.toBe('status');
    await expect(live.getAttribute('aria-live')).resolves.toBe('polite');

    // Keyboard: Tab walks the menu in order.
    await page.locator('body').focus();
    const order: string[] = [];
    for (let i = 0; i < MENU_BUTTONS.length; i++) {
      await page.keyboard.press('Tab');
      order.push(await focusedName(page));
    }
    expect(order).toEqual(MENU_BUTTONS);

    // Phaser has loaded and drawn the backdrop.
    await page.waitForFunction(
      () => document.getElementById('app')?.dataset['viewReady'] === 'true',
      null,
      {
        timeout: 60_000,
      },
    );
    await expect(page.locator('#game canvas').count()).resolves.toBe(1);
    await page.waitForTimeout(300);
    await page.screenshot({ path: path.join(SHOTS, 'menu.png') });

    // "About the sources" from the keyboard (focus is on it after the Tab walk).
    await page.keyboard.press('Enter');
    const dialog = page.getByRole('dialog', { name: 'About the sources' });
    await dialog.waitFor({ state: 'visible' });
    const text = (await dialog.textContent()) ?? '';
    expect(text).toContain('Opinion and analysis');
    expect(text).toContain('News feature');
    expect(text).toContain('not independently verified');
    await page.screenshot({ path: path.join(SHOTS, 'about-sources.png') });
    await page.keyboard.press('Escape');
    await dialog.waitFor({ state: 'detached' });
    await expect(focusedName(page)).resolves.toBe('About the sources');

    await page.getByRole('button', { name: 'How to play' }).click();
    const how = page.getByRole('dialog', { name: 'How to play' });
    await how.waitFor({ state: 'visible' });
    const howText = (await how.textContent()) ?? '';
    expect(howText).toContain('human-cost ledger');
    expect(howText).toContain('Trade');
    await page.screenshot({ path: path.join(SHOTS, 'how-to-play.png') });
    await page.getByRole('button', { name: 'Close' }).click();

    // New game → setup (scenario, capital, seats, seed, figures: tests/e2e/game-*.test.ts).
    await page.getByRole('button', { name: 'New game' }).click();
    await page.getByRole('heading', { name: 'New game', level: 1 }).waitFor();
    await page.getByRole('radio', { name: /^Kyiv/ }).check();
    await expect(page.getByRole('radio', { name: /^Kyiv/ }).isChecked()).resolves.toBe(true);
    await page.waitForTimeout(400);
    await page.screenshot({ path: path.join(SHOTS, 'setup.png') });
    await page.getByRole('button', { name: 'Back to menu' }).click();
    await page.getByRole('button', { name: 'New game' }).waitFor({ state: 'visible' });
    await page.close();
  });

  it('map fixture: sectors, markers, turn report with skip', async () => {
    const page = await open('/?view=map-fixture&renderer=canvas');
    await page.waitForFunction(
      () => document.getElementById('app')?.dataset['mapReady'] === 'true',
      null,
      {
        timeout: 60_000,
      },
    );
    await page.waitForTimeout(300);
    await page.screenshot({ path: path.join(SHOTS, 'map-fixture.png') });

    // The canvas really has a map on it (many colours, not a blank fill).
    const colours = await page.evaluate(() => {
      const c = document.querySelector<HTMLCanvasElement>('#game canvas');
      const ctx = c?.getContext('2d');
      if (!c || !ctx) return 0;
      const { data } = ctx.getImageData(0, 0, c.width, c.height);
      const seen = new Set<number>();
      for (let i = 0; i < data.length; i += 4 * 37)
        seen.add((data[i]! << 16) | (data[i + 1]! << 8) | data[i + 2]!);
      return seen.size;
    });
    expect(colours).toBeGreaterThan(50);

    // The sector table is the map in words, and selects sectors from the keyboard.
    const table = page.getByRole('table', { name: 'Front sectors' });
    await expect(table.getByRole('row').count()).resolves.toBe(5);
    const sudzha = page.getByRole('button', { name: 'Sudzha', exact: true });
    await sudzha.focus();
    await page.keyboard.press('Enter');
    await expect(sudzha.getAttribute('aria-pressed')).resolves.toBe('true');

    // Turn report: play at 1×, look mid-way, skip, and read the live region.
    await page.getByRole('button', { name: 'Play turn report' }).click();
    await page.waitForTimeout(1700);
    await page.screenshot({ path: path.join(SHOTS, 'map-report-playing.png') });
    await page.getByRole('button', { name: 'Skip' }).click();
    await page.waitForFunction(() => document.getElementById('app')?.dataset['report'] === 'done');
    await page.waitForFunction(
      () => (document.getElementById('live')?.textContent ?? '').length > 0,
    );
    const said = (await page.locator('#live').textContent()) ?? '';
    expect(said).toContain('January 2025');
    expect(said).toContain('North Korean soldiers');
    await expect(page.getByRole('button', { name: 'Skip' }).isDisabled()).resolves.toBe(true);
    await page.waitForTimeout(200);
    await page.screenshot({ path: path.join(SHOTS, 'map-after-report.png') });

    // At 4× the whole report plays by itself.
    await page.getByText('4×').click();
    await page.getByRole('button', { name: 'Play turn report' }).click();
    await page.waitForFunction(
      () => document.getElementById('app')?.dataset['report'] === 'done',
      null,
      {
        timeout: 10_000,
      },
    );
    await page.close();
  });

  it('tablet and phone layouts', async () => {
    for (const [name, size] of [
      ['tablet', { width: 768, height: 1024 }],
      ['phone', { width: 390, height: 844 }],
    ] as const) {
      const menu = await open('/?renderer=canvas', size);
      await menu.waitForFunction(
        () => document.getElementById('app')?.dataset['viewReady'] === 'true',
        null,
        {
          timeout: 60_000,
        },
      );
      await menu.waitForTimeout(300);
      for (const b of MENU_BUTTONS) {
        const box = await menu.getByRole('button', { name: b, exact: true }).boundingBox();
        expect(box, b).not.toBeNull();
        expect(box!.x).toBeGreaterThanOrEqual(0);
        expect(box!.x + box!.width).toBeLessThanOrEqual(size.width + 1);
        expect(box!.height).toBeGreaterThanOrEqual(40);
      }
      await menu.screenshot({ path: path.join(SHOTS, `menu-${name}.png`) });
      await menu.close();

      const map = await open('/?view=map-fixture&renderer=canvas', size);
      await map.waitForFunction(
        () => document.getElementById('app')?.dataset['mapReady'] === 'true',
        null,
        {
          timeout: 60_000,
        },
      );
      await map.waitForTimeout(300);
      // Panels stack below the map on narrow screens: no horizontal scrolling.
      const overflow = await map.evaluate(
        () => document.documentElement.scrollWidth - window.innerWidth,
      );
      expect(overflow).toBeLessThanOrEqual(0);
      await map.screenshot({ path: path.join(SHOTS, `map-fixture-${name}.png`), fullPage: true });
      await map.close();
    }
  });

  it('logged no page errors', () => {
    expect(errors).toEqual([]);
  });
});
