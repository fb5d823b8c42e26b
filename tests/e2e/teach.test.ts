/**
 * An instructor's classroom, end to end in a real browser against the real server (built app,
 * Fastify, SQLite in a temp DATA_DIR): create a class on /results?teach (code shown big, the
 * moderation key once, downloaded as a text file), a student joins it from the game's menu with
 * the code (setup opens locked to the class), a genuine game is submitted to the class, and on
 * the class board the instructor moderates: a wrong key is refused in words, the right one
 * hides a run, exports the CSV, sets the retention and deletes a run after a confirmation.
 * Only roles, accessible names and the keyboard. Screenshots: test-results/screenshots/teach-*.png.
 */
import { existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';

import { chromium, type BrowserContext, type Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startAppServer } from './app-server';

import type { GameRecord, Seats } from '../../src/engine';
import type { Running } from '../../src/server/server';
import { playGame, recordOf } from '../../src/sim/play';
import { builtInRules } from '../helpers/rules';

const ROOT = path.resolve(import.meta.dirname, '..', '..');
const SHOTS = path.join(ROOT, 'test-results', 'screenshots');
const DOWNLOADS = path.join(ROOT, 'test-results', 'downloads');
const CHROMIUM = process.env['CHROMIUM_PATH'] ?? '/usr/bin/chromium';
const hasChromium = existsSync(CHROMIUM);
if (!hasChromium)
  console.warn(`tests/e2e/teach: ${CHROMIUM} is missing (apt-get install chromium); skipped`);

const SCENARIO = 'historical-2024';

/** A finished game on the class's seed, the student's capital played by a computer player. */
function studentGame(seed: string, human: keyof Seats, bots: Seats): GameRecord {
  const played = playGame(builtInRules(SCENARIO, { default: 'central' }), { seed, seats: bots });
  return recordOf(played, { ...bots, [human]: 'human' });
}

describe.skipIf(!hasChromium)('instructors: create, join and moderate a class', () => {
  let running: Running;
  let base: string;
  let dataDir: string;
  let profile: string;
  let context: BrowserContext;
  let scenarioTitle: string;
  let code = '';
  let key = '';
  let seed = '';
  const errors: string[] = [];
  /** Answers the test provokes on purpose (a wrong key). */
  const expectedFailures: RegExp[] = [];

  beforeAll(async () => {
    mkdirSync(SHOTS, { recursive: true });
    mkdirSync(DOWNLOADS, { recursive: true });
    ({ running, base, dataDir } = await startAppServer('tc-teach-data'));
    const { scenarios } = (await (await fetch(`${base}/api/scenarios`)).json()) as {
      scenarios: { id: string; title: string; builtIn: boolean }[];
    };
    scenarioTitle = scenarios.find((s) => s.id === SCENARIO && s.builtIn)!.title;
    profile = mkdtempSync(path.join(tmpdir(), 'tc-teach-chromium-'));
    context = await chromium.launchPersistentContext(profile, {
      executablePath: CHROMIUM,
      headless: true,
      viewport: { width: 1280, height: 800 },
      acceptDownloads: true,
      args: [
        '--no-sandbox',
        '--disable-gpu',
        '--disable-quic',
        '--no-first-run',
        '--disable-background-networking',
        '--disable-component-update',
        '--disable-sync',
      ],
    });
  });

  afterAll(async () => {
    await context?.close();
    await running?.app.close();
    if (profile) rmSync(profile, { recursive: true, force: true });
    if (dataDir) rmSync(dataDir, { recursive: true, force: true });
  });

  async function open(url: string): Promise<Page> {
    const page = await context.newPage();
    page.on('pageerror', (e) => errors.push(`${page.url()}: ${e.message}`));
    page.on('console', (m) => {
      if (m.type() === 'error' && !m.text().startsWith('Failed to load resource'))
        errors.push(`${page.url()}: console: ${m.text()}`);
    });
    page.on('response', (r) => {
      const line = `HTTP ${r.status()} ${r.request().method()} ${r.url()}`;
      if (r.status() >= 400 && !expectedFailures.some((re) => re.test(line)))
        errors.push(`${page.url()}: ${line}`);
    });
    await page.goto(`${base}${url}`);
    return page;
  }

  it('an instructor creates a class and keeps the key', async () => {
    const page = await open('/results');
    await page.getByRole('link', { name: 'For instructors' }).press('Enter');
    await page
      .getByRole('heading', { level: 1, name: 'For instructors: create a class' })
      .waitFor();
    const scenario = page.getByRole('combobox', { name: 'Scenario' });
    await scenario.selectOption({ label: scenarioTitle });
    await page.getByRole('button', { name: 'Generate a seed' }).press('Enter');
    const seedBox = page.getByRole('textbox', { name: 'Fixed seed (optional)' });
    seed = await seedBox.inputValue();
    expect(seed).toMatch(/^class-\d{4}-[a-z]{2}$/);
    await page.getByRole('radio', { name: /^Central/ }).press('Space');
    const days = page.getByRole('spinbutton', { name: 'Keep the results for (days)' });
    // Validation in words: 0 days is refused before anything is sent.
    await days.fill('0');
    await page.getByRole('button', { name: 'Create the class' }).press('Enter');
    await expect(page.getByRole('alert').textContent()).resolves.toContain('from 1 to 3650');
    await days.fill('120');
    await page.screenshot({ path: path.join(SHOTS, 'teach-form.png'), fullPage: true });
    await page.getByRole('button', { name: 'Create the class' }).press('Enter');

    const heading = page.getByRole('heading', { level: 1, name: /^Class [A-Z2-9]{6} is ready$/ });
    await heading.waitFor();
    code = /Class ([A-Z2-9]{6})/.exec((await heading.textContent()) ?? '')![1]!;
    await expect(page.locator('.big-code').textContent()).resolves.toBe(code);
    await expect(
      page.getByRole('link', { name: `${base}/?class=${code}` }).getAttribute('href'),
    ).resolves.toBe(`/?class=${code}`);
    await expect(
      page.getByRole('link', { name: 'Open the class board' }).getAttribute('href'),
    ).resolves.toBe(`/results?class=${code}`);
    const keyBox = page.getByRole('textbox', { name: 'Moderation key' });
    key = await keyBox.inputValue();
    expect(key.length).toBeGreaterThanOrEqual(32);
    await expect(page.getByText('It is shown only this once').count()).resolves.toBe(1);
    // Nothing secret is stored unless the instructor asks.
    await expect(page.evaluate(() => localStorage.getItem('tc.modKeys'))).resolves.toBeNull();

    const download = page.waitForEvent('download');
    await page.getByRole('button', { name: 'Download as a text file' }).press('Enter');
    const file = await download;
    expect(file.suggestedFilename()).toBe(`three-capitals-class-${code}.txt`);
    const saved = path.join(DOWNLOADS, file.suggestedFilename());
    await file.saveAs(saved);
    const text = readFileSync(saved, 'utf8');
    expect(text).toContain(`Class code: ${code}`);
    expect(text).toContain(`Moderation key: ${key}`);
    expect(text).toContain(`${base}/?class=${code}`);
    expect(text).toContain(`${base}/results?class=${code}`);
    await expect(page.getByRole('status').first().textContent()).resolves.toContain('Saved');
    await page.screenshot({ path: path.join(SHOTS, 'teach-create.png'), fullPage: true });

    // The server agrees with what the page said.
    const cls = (await (await fetch(`${base}/api/classes/${code}`)).json()) as {
      seed: string;
      retentionDays: number;
      figureChoices: { default: string };
    };
    expect(cls).toMatchObject({ seed, retentionDays: 120, figureChoices: { default: 'central' } });
    await page.close();
  });

  it('a student joins from the game menu with the code; setup is locked to the class', async () => {
    const page = await open('/?renderer=canvas');
    const join = page.getByRole('button', { name: 'Join a class' });
    await join.press('Enter');
    await expect(join.getAttribute('aria-expanded')).resolves.toBe('true');
    const box = page.getByRole('textbox', { name: 'Class code' });
    await expect(box.evaluate((el) => el === document.activeElement)).resolves.toBe(true);
    // A wrong length is explained, nothing is opened.
    await page.keyboard.type('K7M');
    await page.keyboard.press('Enter');
    await expect(page.locator('#menu-join-note').textContent()).resolves.toContain(
      '6 letters and digits',
    );
    await expect(box.getAttribute('aria-invalid')).resolves.toBe('true');
    await page.screenshot({ path: path.join(SHOTS, 'teach-join.png') });
    // Typed the way a student might: lower case with a space.
    await box.fill(`${code.slice(0, 3).toLowerCase()} ${code.slice(3).toLowerCase()}`);
    await Promise.all([page.waitForURL(`**/?class=${code}`), box.press('Enter')]);
    await page.getByRole('heading', { name: 'New game', level: 1 }).waitFor({ timeout: 60_000 });
    const scenario = page.getByRole('combobox', { name: 'Scenario' });
    await expect(scenario.isDisabled()).resolves.toBe(true);
    await expect(
      scenario.evaluate((el) => (el as HTMLSelectElement).selectedOptions[0]?.textContent ?? ''),
    ).resolves.toContain(scenarioTitle);
    const seedBox = page.getByRole('textbox', { name: 'Seed' });
    await expect(seedBox.inputValue()).resolves.toBe(seed);
    await expect(seedBox.evaluate((el) => (el as HTMLInputElement).readOnly)).resolves.toBe(true);
    await expect(page.getByRole('note').first().textContent()).resolves.toContain(`Class ${code}`);
    await page.close();
  });

  it('genuine games are submitted to the class (as the debrief does)', async () => {
    const games = [
      {
        pseudonym: 'Blue Fox',
        record: studentGame(seed, 'pyongyang', {
          pyongyang: 'historical',
          moscow: 'historical',
          kyiv: 'historical',
        }),
      },
      {
        pseudonym: 'Red Kite',
        record: studentGame(seed, 'kyiv', {
          pyongyang: 'historical',
          moscow: 'random',
          kyiv: 'historical',
        }),
      },
    ];
    for (const g of games) {
      const res = await fetch(`${base}/api/results`, {
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body: JSON.stringify({ record: g.record, pseudonym: g.pseudonym, classCode: code }),
      });
      expect(res.status, await res.clone().text()).toBe(201);
    }
  });

  it('the instructor moderates on the class board: wrong key, hide, CSV, retention, delete', async () => {
    const page = await open(`/results?class=${code}`);
    await page.waitForSelector('main[data-ready="board"]', { timeout: 30_000 });
    await expect(
      page.getByRole('link', { name: 'For instructors' }).getAttribute('href'),
    ).resolves.toBe('/results?teach');
    await expect(page.getByRole('button', { name: /^Hide the run/ }).count()).resolves.toBe(0);

    const moderate = page.getByRole('button', { name: 'Moderate' });
    await moderate.press('Enter');
    await expect(moderate.getAttribute('aria-expanded')).resolves.toBe('true');
    const keyBox = page.getByRole('textbox', { name: 'Moderation key' });
    await expect(keyBox.inputValue()).resolves.toBe('');

    // A wrong key: refused in words, the board stays the students' view.
    expectedFailures.push(new RegExp(`HTTP 403 GET .*/api/classes/${code}$`));
    await keyBox.fill('not-the-key');
    await keyBox.press('Enter');
    const alert = page.getByRole('alert');
    await alert.waitFor();
    await expect(alert.textContent()).resolves.toContain(
      `That is not the moderation key of class ${code}`,
    );

    // The right key, remembered on this computer.
    await keyBox.fill(key);
    await page.getByRole('checkbox', { name: 'Remember the key on this computer' }).press('Space');
    await page.getByRole('button', { name: 'Unlock moderation' }).press('Enter');
    await page.getByRole('heading', { name: `Moderating class ${code}` }).waitFor();
    await expect(
      page.evaluate(() => JSON.parse(localStorage.getItem('tc.modKeys') ?? '{}') as unknown),
    ).resolves.toEqual({ [code]: key });

    // Hide a run: marked "hidden" for the moderator, gone for everyone else.
    await page.getByRole('button', { name: 'Hide the run of Blue Fox' }).press('Enter');
    const unhide = page.getByRole('button', { name: 'Unhide the run of Blue Fox' });
    await unhide.waitFor();
    await expect(unhide.evaluate((el) => el === document.activeElement)).resolves.toBe(true);
    await expect(
      page
        .getByRole('row', { name: /Blue Fox/ })
        .getByText('hidden', { exact: true })
        .count(),
    ).resolves.toBe(1);
    await expect(page.getByText('The run of Blue Fox is hidden').count()).resolves.toBe(1);
    const publicList = (await (await fetch(`${base}/api/results?class=${code}`)).json()) as {
      total: number;
      results: { pseudonym: string }[];
    };
    expect(publicList.results.map((r) => r.pseudonym)).toEqual(['Red Kite']);

    // Export CSV (fetched with the key, saved as a file).
    const download = page.waitForEvent('download');
    await page.getByRole('button', { name: 'Export CSV' }).press('Enter');
    const file = await download;
    expect(file.suggestedFilename()).toBe(`three-capitals-${code}.csv`);
    const saved = path.join(DOWNLOADS, file.suggestedFilename());
    await file.saveAs(saved);
    const lines = readFileSync(saved, 'utf8').trim().split(/\r?\n/);
    expect(lines[0]).toMatch(/^id,created_at,pseudonym,hidden,/);
    expect(lines.length).toBe(3);
    expect(lines.some((l) => l.includes('Blue Fox'))).toBe(true);

    // Retention.
    const days = page.getByRole('spinbutton', { name: 'Keep the results for (days):' });
    await expect(days.inputValue()).resolves.toBe('120');
    await days.fill('30');
    await days.press('Enter');
    await expect
      .poll(() => page.getByRole('status').allTextContents())
      .toContainEqual(expect.stringContaining('kept for 30 days'));
    const cls = (await (await fetch(`${base}/api/classes/${code}`)).json()) as {
      retentionDays: number;
    };
    expect(cls.retentionDays).toBe(30);
    await page.screenshot({ path: path.join(SHOTS, 'teach-moderate.png'), fullPage: true });

    // Delete, after a confirmation (Cancel first changes nothing).
    await page.getByRole('button', { name: 'Delete the run of Red Kite' }).press('Enter');
    const dialog = page.getByRole('dialog', { name: 'Delete the run of “Red Kite”?' });
    await dialog.waitFor();
    await page.keyboard.press('Escape');
    await dialog.waitFor({ state: 'detached' });
    await expect(page.getByRole('row', { name: /Red Kite/ }).count()).resolves.toBe(1);
    await page.getByRole('button', { name: 'Delete the run of Red Kite' }).press('Enter');
    await dialog.getByRole('button', { name: 'Delete the run' }).press('Enter');
    await expect.poll(() => page.getByRole('row', { name: /Red Kite/ }).count()).toBe(0);
    await expect(page.getByText('The run of Red Kite is deleted.').count()).resolves.toBe(1);
    const after = (
      await (
        await fetch(`${base}/api/classes/${code}/export.csv`, {
          headers: { 'X-Moderation-Key': key },
        })
      ).text()
    ).trim();
    expect(after.split(/\r?\n/).length).toBe(2);

    // Stop moderating: back to the students' view; the remembered key prefills next time.
    await page.getByRole('button', { name: 'Stop moderating' }).press('Enter');
    await page.getByRole('button', { name: 'Moderate' }).press('Enter');
    await expect(page.getByRole('textbox', { name: 'Moderation key' }).inputValue()).resolves.toBe(
      key,
    );
    await expect(page.getByRole('row', { name: /Blue Fox/ }).count()).resolves.toBe(0);
    await page.close();
    expect(errors).toEqual([]);
  });
});
