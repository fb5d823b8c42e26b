/**
 * The results page in a real browser against the real server (built app, Fastify, SQLite in a
 * temp DATA_DIR): a finished game is submitted to a class through the API (as the debrief does),
 * the class board shows "you are here", the replay steps through the run, and "fork from turn 3"
 * leads to the game with the fork contract the game implements. Screenshots go to
 * test-results/screenshots/ for a person to look at.
 */
import { mkdirSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';

import { chromium, type BrowserContext, type Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startAppServer } from './app-server';

import { replay, type GameRecord } from '../../src/engine';
import { MY_RESULTS_KEY } from '../../src/results/mine';
import type { Running } from '../../src/server/server';
import { playGame, recordOf } from '../../src/sim/play';
import { builtInRules } from '../helpers/rules';
import {
  CHROMIUM_FLAGS,
  CHROMIUM_PATH as CHROMIUM,
  chromiumAvailable,
} from '../../src/cli/chromium';

const ROOT = path.resolve(import.meta.dirname, '..', '..');
const SHOTS = path.join(ROOT, 'test-results', 'screenshots');
const hasChromium = chromiumAvailable();
if (!hasChromium)
  console.warn(`tests/e2e/results: ${CHROMIUM} is missing (apt-get install chromium); skipped`);

const SEATS = { pyongyang: 'human', moscow: 'historical', kyiv: 'historical' } as const;

/** A finished game in which "the student" held Pyongyang (played here by the historical bot). */
function finishedGame(seed: string): GameRecord {
  const rules = builtInRules();
  const botSeats = { pyongyang: 'historical', moscow: 'historical', kyiv: 'historical' };
  const played = playGame(rules, { seed, seats: botSeats });
  return recordOf(played, { ...SEATS });
}

describe.skipIf(!hasChromium)('results page in chromium', () => {
  let running: Running;
  let base: string;
  let dataDir: string;
  let profile: string;
  let context: BrowserContext;
  let classCode: string;
  let myId: string;
  const errors: string[] = [];
  const requested: string[] = [];

  beforeAll(async () => {
    mkdirSync(SHOTS, { recursive: true });
    ({ running, base, dataDir } = await startAppServer('tc-e2e-data'));

    // The instructor creates a class; classmates' runs arrive; then "my" run.
    const cls = await fetch(`${base}/api/classes`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ scenario: 'historical-2024' }),
    });
    classCode = ((await cls.json()) as { code: string }).code;
    const names = [
      'Red Kite',
      'Grey Heron',
      'Snow Owl',
      'Pine Marten',
      'River Otter',
      'Stone Curlew',
    ];
    for (let i = 0; i < names.length; i++) {
      const rules = builtInRules();
      const seats = {
        pyongyang: 'human',
        moscow: i % 2 ? 'random' : 'historical',
        kyiv: 'historical',
      };
      const played = playGame(rules, {
        seed: `classmate-${i}`,
        seats: { ...seats, pyongyang: i % 3 ? 'historical' : 'random' },
      });
      const res = await fetch(`${base}/api/results`, {
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body: JSON.stringify({ record: recordOf(played, seats), pseudonym: names[i], classCode }),
      });
      expect(res.status).toBe(201);
    }

    profile = mkdtempSync(path.join(tmpdir(), 'tc-e2e-chromium-'));
    context = await chromium.launchPersistentContext(profile, {
      executablePath: CHROMIUM,
      headless: true,
      viewport: { width: 1280, height: 800 },
      args: [...CHROMIUM_FLAGS],
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
    // Errors are filed under the page's URL at the time (a fork link leaves for the game).
    page.on('pageerror', (e) => errors.push(`${page.url()}: ${e.message}`));
    page.on('console', (m) => {
      if (m.type() === 'error') errors.push(`${page.url()}: console: ${m.text()}`);
    });
    page.on('request', (r) => requested.push(r.url()));
    await page.goto(`${base}${url}`);
    return page;
  }

  it('a finished game submitted to the class (as the debrief does) is stored and remembered', async () => {
    const record = finishedGame('my-own-game');
    // The game's submit call and the localStorage bookkeeping, done from the page itself.
    const page = await open('/results');
    await page.waitForSelector('main[data-ready="index"]');
    const reply = await page.evaluate(
      async ({ record, classCode, key }) => {
        const res = await fetch('/api/results', {
          method: 'POST',
          headers: { 'content-type': 'application/json' },
          body: JSON.stringify({ record, pseudonym: 'Quiet Falcon', classCode }),
        });
        const body = (await res.json()) as { id: string };
        const ids = JSON.parse(localStorage.getItem(key) ?? '[]') as string[];
        ids.push(body.id);
        localStorage.setItem(key, JSON.stringify(ids));
        return { status: res.status, body };
      },
      { record, classCode, key: MY_RESULTS_KEY },
    );
    expect(reply.status).toBe(201);
    myId = reply.body.id;
    await page.close();
  });

  it('the class board shows the distributions with "you are here" and a sortable table', async () => {
    const page = await open(`/results?class=${classCode}`);
    await page.waitForSelector('main[data-ready="board"]', { timeout: 30_000 });
    await expect(page.locator('h1').first().textContent()).resolves.toContain(
      'Results: Three Capitals',
    );
    await expect(page.getByText(`Class ${classCode}`, { exact: true }).count()).resolves.toBe(1);
    await expect(
      page.getByRole('link', { name: 'Play this scenario' }).getAttribute('href'),
    ).resolves.toBe(`/?class=${classCode}`);
    // "You are here": the summary, the markers on the histograms, the marked row.
    const you = page.locator('section.you');
    await expect(you.textContent()).resolves.toContain('Quiet Falcon');
    expect(await page.locator('svg.histogram text.label-mine').count()).toBeGreaterThanOrEqual(3);
    const desc = await page.locator('svg.histogram desc').first().textContent();
    expect(desc).toMatch(
      /7 runs; median .*You: .*(higher than \d of the 6 other runs|lower than \d of the 6 other runs|the (lowest|highest) of 7 runs|level with)/,
    );
    // All seven runs were played as Pyongyang: the charts show them, and only Pyongyang's score
    // is reported for the student's run (the computer played Moscow and Kyiv).
    await expect(
      page.getByRole('combobox', { name: /Charts show runs played as/ }).inputValue(),
    ).resolves.toBe('pyongyang');
    const scores = (await you.locator('.you-scores').textContent()) ?? '';
    expect(scores).toContain('Pyongyang’s score');
    expect(scores).not.toMatch(/Moscow’s score|Kyiv’s score/);
    await page.getByRole('combobox', { name: /Charts show runs played as/ }).selectOption('kyiv');
    // The server bins the runs of the capital chosen: the count changes when its answer arrives.
    await page.waitForSelector('.dist-count:has-text("as Kyiv")');
    await expect(page.locator('.dist-count').textContent()).resolves.toBe(
      '0 of the 7 runs were played as Kyiv.',
    );
    await page
      .getByRole('combobox', { name: /Charts show runs played as/ })
      .selectOption('pyongyang');
    await page.waitForSelector('.dist-count:not(:has-text("as Kyiv"))');
    await page.waitForSelector('tr.mine');
    await expect(page.locator('tr.mine').count()).resolves.toBe(1);
    await expect(page.locator('tr.mine th').textContent()).resolves.toContain('Quiet Falcon');
    await expect(page.locator('table.runs-table tbody tr').count()).resolves.toBe(7);
    // Sorting by keyboard: focus the Kyiv score header button and press Enter twice.
    const kyiv = page.locator('button.sort[data-key="kyiv.score"]');
    await kyiv.focus();
    await page.keyboard.press('Enter');
    // The server sorts the runs: the table redraws when the sorted page arrives.
    await page.waitForSelector('th[aria-sort="descending"]:has(button[data-key="kyiv.score"])');
    await expect(
      page.locator('th:has(button[data-key="kyiv.score"])').getAttribute('aria-sort'),
    ).resolves.toBe('descending');
    const desc1 = await page.locator('table.runs-table tbody tr td:nth-child(7)').allTextContents();
    await page.keyboard.press('Enter');
    // The server sorts the runs: the table redraws when the sorted page arrives.
    await page.waitForSelector('th[aria-sort="ascending"]:has(button[data-key="kyiv.score"])');
    await expect(
      page.locator('th:has(button[data-key="kyiv.score"])').getAttribute('aria-sort'),
    ).resolves.toBe('ascending');
    const asc = await page.locator('table.runs-table tbody tr td:nth-child(7)').allTextContents();
    const nums = (xs: string[]) => xs.map((x) => Number(x.replace(/,/g, '')));
    expect(nums(desc1)).toEqual([...nums(desc1)].sort((a, b) => b - a));
    expect(nums(asc)).toEqual([...nums(asc)].sort((a, b) => a - b));
    // User text stays text.
    expect(await page.locator('table.runs-table script').count()).toBe(0);
    await page.screenshot({ path: path.join(SHOTS, 'results-class-board.png'), fullPage: true });
    // The results page never loads Phaser.
    expect(requested.some((u) => /phaser/i.test(u))).toBe(false);
    await page.close();
  });

  it('compares two runs side by side', async () => {
    const page = await open(`/results?class=${classCode}`);
    await page.waitForSelector('main[data-ready="board"]');
    const boxes = page.locator('table.runs-table tbody input[type="checkbox"]');
    await boxes.nth(0).check();
    await boxes.nth(1).check();
    await page.locator('#compare-link').click();
    await page.waitForSelector('main[data-ready="compare"]');
    const rows = await page.locator('table.compare-table').first().locator('tbody tr').count();
    expect(rows).toBe(13); // start + 12 turns
    await page.selectOption('#compare-metric', 'moscow.kurskControl');
    await expect(
      page.locator('table.compare-table caption').first().textContent(),
    ).resolves.toContain('Kursk');
    await page.screenshot({ path: path.join(SHOTS, 'results-compare.png'), fullPage: true });
    await page.close();
  });

  it('opens the replay of my run, steps to turn 3 and forks from there', async () => {
    const page = await open(`/results?class=${classCode}`);
    await page.waitForSelector('main[data-ready="board"]');
    await page.locator('tr.mine a', { hasText: 'Replay' }).click();
    await page.waitForSelector('main[data-ready="single"]', { timeout: 30_000 });
    expect(page.url()).toBe(`${base}/results?id=${myId}#replay`);
    await expect(page.locator('.status.ok').textContent()).resolves.toMatch(
      /Verified in your browser: all 12 turn hashes/,
    );
    await expect(page.locator('#replay-heading').textContent()).resolves.toBe(
      'Turn 1 of 12: October 2024',
    );
    // Keyboard stepping: focus "Next turn" and press it twice.
    const next = page.getByRole('button', { name: 'Next turn ▶' });
    await next.focus();
    await page.keyboard.press('Enter');
    await page.keyboard.press('Enter');
    await expect(page.locator('#replay-heading').textContent()).resolves.toBe(
      'Turn 3 of 12: December 2024',
    );
    await expect(page.locator('#replay-turn').getAttribute('aria-valuetext')).resolves.toBe(
      'Turn 3 of 12: December 2024',
    );
    await expect(page.locator('.replay-body h4').allTextContents()).resolves.toEqual(
      expect.arrayContaining([
        'Situation at the start of the turn',
        'Orders given',
        'News',
        'Trades',
      ]),
    );
    expect(await page.locator('ol.orders li').count()).toBeGreaterThan(0);
    // Orders read as the game words them, after the capital that gave them.
    for (const text of await page.locator('ol.orders li').allTextContents())
      expect(text).toMatch(/^(Pyongyang|Moscow|Kyiv|The teacher) (— [A-Z]|sends)/);
    // The share link.
    await expect(page.locator('#share-url').inputValue()).resolves.toBe(
      `${base}/results?id=${myId}`,
    );
    await page.screenshot({ path: path.join(SHOTS, 'results-replay-turn3.png'), fullPage: true });

    const fork = page.locator('a[data-fork-turn="3"]');
    await expect(fork.textContent()).resolves.toBe('Fork from turn 3');
    await expect(fork.getAttribute('href')).resolves.toBe(`/?fork=${myId}&turn=3`);
    await fork.click();
    await page.waitForURL(`${base}/?fork=${myId}&turn=3`);

    // The game opens the fork: it asks which capital to play, then replays to turn 3.
    // (Reopened with the game's test hooks and the steadier canvas renderer.)
    await page.goto(`${base}/?fork=${myId}&turn=3&test=1&renderer=canvas`);
    const play = page.getByRole('button', { name: 'Play Pyongyang' });
    await play.waitFor({ timeout: 60_000 });
    await play.click();
    await page.waitForFunction(
      () =>
        (
          window as unknown as { __tc?: { store: { getState(): { session: unknown } } } }
        ).__tc?.store.getState().session != null,
      undefined,
      { timeout: 60_000 },
    );
    const forked = await page.evaluate(() => {
      const tc = (
        window as unknown as {
          __tc: {
            store: {
              getState(): {
                session: {
                  state: { ctx: { turn: number; date: string }; seed: string };
                  seats: Record<string, string>;
                };
              };
            };
          };
        }
      ).__tc;
      const s = tc.store.getState().session;
      return { turn: s.state.ctx.turn, date: s.state.ctx.date, seed: s.state.seed, seats: s.seats };
    });
    expect(forked).toMatchObject({
      turn: 3,
      date: '2024-12',
      seed: 'my-own-game',
      seats: { pyongyang: 'human' },
    });
    await page.screenshot({ path: path.join(SHOTS, 'results-fork-game.png') });

    // The game reads the fork through the API: the record up to the start of turn 3.
    const forkData = (await page.evaluate(
      async ({ id }) => (await fetch(`/api/results/${id}/fork?turn=3`)).json(),
      { id: myId },
    )) as { record: GameRecord; turn: number; seats: Record<string, string>; gameUrl: string };
    expect(forkData.turn).toBe(3);
    expect(forkData.gameUrl).toBe(`/?fork=${myId}&turn=3`);
    expect(forkData.seats.pyongyang).toBe('human');
    expect(forkData.record.turnHashes).toHaveLength(2);
    const r = replay(forkData.record, builtInRules());
    if (!r.ok) throw new Error(r.error.message);
    expect(r.value.state.ctx.turn).toBe(3);
    expect(r.value.state.ctx.date).toBe('2024-12');
    await page.close();
  });

  it('the share link opens one result; unknown ids say so', async () => {
    const page = await open(`/results?id=${myId}`);
    await page.waitForSelector('main[data-ready="single"]');
    await expect(page.locator('h1').first().textContent()).resolves.toContain(
      'Run by Quiet Falcon',
    );
    const missing = await open('/results?id=doesnotexist');
    await missing.waitForSelector('main[data-ready="error"]');
    await expect(missing.getByRole('alert').textContent()).resolves.toContain(
      'there is no result doesnotexist',
    );
    await page.close();
    await missing.close();
  });

  it('raised no page errors', () => {
    const ours = errors.filter((e) => e.startsWith(`${base}/results`));
    // The unknown-id check asks for a result that does not exist: its 404 is expected.
    expect(ours.filter((e) => !(e.includes('doesnotexist') && e.includes('404')))).toEqual([]);
    // Nothing on the game page opened by the fork link is blocked by the CSP either.
    expect(errors.filter((e) => e.includes('Content Security Policy'))).toEqual([]);
  });
});
