/**
 * A class room in Chromium: a teacher sets up rooms of three; three students (three browser
 * contexts, as three devices) open the class link, join with pseudonyms, play a whole game with
 * a human offer from Pyongyang accepted by Moscow within the month, see the debrief, and the
 * class board lists the room's result.
 */
import { rmSync } from 'node:fs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { chromium, type Browser, type Page } from 'playwright-core';
import { startAppServer, type AppServer } from './app-server';
import { finishReport, hasChromium, shot } from './game-helpers';
import { CHROMIUM_FLAGS, CHROMIUM_PATH } from '../../src/cli/chromium';

// In CI a missing Chromium must fail loudly, so only a developer's machine may skip.
const noBrowser = !hasChromium && !process.env['CI'];

let server: AppServer;
let browser: Browser;
const errors: string[] = [];

beforeAll(async () => {
  server = await startAppServer('three-capitals-rooms');
  browser = await chromium.launch({ executablePath: CHROMIUM_PATH, headless: true, args: [...CHROMIUM_FLAGS] });
});

afterAll(async () => {
  await browser?.close();
  await server?.running.app.close();
  if (server) rmSync(server.dataDir, { recursive: true, force: true });
});

async function json(res: Response): Promise<Record<string, unknown>> {
  return (await res.json()) as Record<string, unknown>;
}

async function student(url: string, size = { width: 1280, height: 720 }): Promise<Page> {
  const context = await browser.newContext({ viewport: size });
  const page = await context.newPage();
  await page.addLocatorHandler(page.getByRole('dialog', { name: /^Your briefing: / }), async (dialog) => {
    await dialog.getByRole('button', { name: 'Skip: I know how to play' }).click();
  });
  page.on("pageerror", (e) => errors.push(`${e.message} ${e.stack ?? ""}`.slice(0, 600)));
  page.on('console', (m) => {
    if (m.type() === 'error' && !m.text().startsWith('Failed to load resource')) errors.push(`console: ${m.text()}`);
  });
  await page.goto(url);
  return page;
}

const turnOf = (p: Page) => p.evaluate(() => Number(document.getElementById('app')?.dataset['turn'] ?? '0'));
const screenOf = (p: Page) => p.evaluate(() => document.getElementById('app')?.dataset['screen'] ?? '');
/** The game is over on this page (the debrief is open or about to open). */
const over = (p: Page) =>
  p.evaluate(() => {
    const app = document.getElementById('app');
    return app?.dataset['screen'] === 'debrief' || app?.dataset['phase'] === 'over';
  });

async function endMonth(p: Page): Promise<void> {
  await p.getByRole('button', { name: 'End turn…' }).click();
  const dialog = p.getByRole('dialog', { name: /End .* turn\?/ });
  await dialog.getByRole('button', { name: 'End turn', exact: true }).click();
  await dialog.waitFor({ state: 'detached' });
}

describe.skipIf(noBrowser)('a class room in the browser', () => {
  it('three students join one class, bargain, play the whole game, see the debrief and the class board', async () => {
    const base = server.base;
    const created = await json(await fetch(`${base}/api/classes`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ scenario: 'historical-2024', seed: 'room-e2e' }) }));
    const code = created['code'] as string;
    const key = created['moderationKey'] as string;
    // The teacher turns rooms on from the class board's moderation panel.
    const teacher = await student(`${base}/results?class=${code}`);
    await teacher.getByRole('button', { name: 'Moderate' }).click();
    await teacher.getByLabel('Moderation key').fill(key);
    await teacher.getByRole('button', { name: 'Unlock moderation' }).click();
    await teacher.getByRole('radio', { name: 'Three students a room' }).check();
    await teacher.getByRole('radio', { name: 'Fill rooms in the order students join' }).check();
    await teacher.getByRole('button', { name: 'Save room settings' }).click();
    await teacher.getByText('Saved: rooms of three students, filled in join order.').waitFor();
    await shot(teacher, 'room-settings');
    const set = await json(await fetch(`${base}/api/classes/${code}/rooms/settings`));
    expect(set).toMatchObject({ enabled: true, size: 3, fill: 'order' });

    const names = ['Blue Heron', 'Red Fox', 'Green Owl'];
    const pages: Page[] = [];
    for (const [i, name] of names.entries()) {
      const page = await student(`${base}/?class=${code}&renderer=canvas&test=1`);
      await page.getByRole('heading', { name: `Class ${code}: join your room` }).waitFor();
      await page.getByRole('textbox', { name: 'Your pseudonym' }).fill(name);
      await page.getByRole('button', { name: 'Join my room' }).click();
      const seat = ['Pyongyang', 'Moscow', 'Kyiv'][i]!;
      await page.getByRole('heading', { name: `You play ${seat} in room 1` }).waitFor();
      expect(await page.locator('#room-resume-code').textContent()).toMatch(/^[A-Z2-9]{4}(-[A-Z2-9]{4}){3}$/);
      if (i === 0) await shot(page, 'room-joined');
      await page.getByRole('button', { name: 'Go to my room' }).click();
      if (i === 0) {
        await page.getByRole('heading', { name: 'Room 1: waiting for players' }).waitFor();
        await shot(page, 'room-lobby');
      }
      pages.push(page);
    }
    const [pyongyang, moscow, kyiv] = pages as [Page, Page, Page];
    for (const p of pages) await p.locator('#turn-indicator').waitFor({ timeout: 60_000 });
    await expect.poll(() => pyongyang.locator('#room-bar').textContent()).toMatch(/Room 1/);

    // Pyongyang offers soldiers to Moscow; Moscow sees it live and accepts within the month.
    await pyongyang.getByRole('tab', { name: /Trade/ }).click();
    await pyongyang.getByRole('spinbutton', { name: 'Troops to give' }).fill('2000');
    await pyongyang.getByRole('spinbutton', { name: 'Oil to ask for' }).fill('200');
    await pyongyang.getByRole('button', { name: 'Make offer' }).click();
    await pyongyang.getByRole('heading', { name: /Offer #\d+ to Moscow/ }).waitFor();
    await moscow.getByRole('tab', { name: /Trade/ }).click();
    const accept = moscow.getByRole('button', { name: /^Accept offer #\d+$/ }).first();
    await accept.waitFor({ timeout: 15_000 });
    await shot(moscow, 'room-offer-moscow');
    await accept.click();
    await moscow.getByRole('heading', { name: /Deal #\d+ with Pyongyang/ }).first().waitFor();
    await pyongyang.getByRole('heading', { name: /Deal #\d+ with Moscow/ }).first().waitFor({ timeout: 15_000 });
    // A word beside the deal, for Moscow only until the debrief.
    await pyongyang.getByLabel('To', { exact: true }).selectOption({ label: 'Moscow' });
    await pyongyang.getByLabel('Message', { exact: true }).fill('The rest of the soldiers come in spring.');
    await pyongyang.getByRole('button', { name: 'Send the message' }).click();
    await pyongyang.locator('.message-text', { hasText: 'The rest of the soldiers come in spring.' }).waitFor();

    // Kyiv ends the month first: its bar says so, and the month waits for the others.
    await endMonth(kyiv);
    await expect.poll(() => pyongyang.locator('#room-bar').textContent()).toMatch(/Kyiv \(Green Owl\) · has ended the month/);
    expect(await turnOf(kyiv)).toBe(1);
    await shot(pyongyang, 'room-game-pyongyang');

    for (let month = 1; month <= 14; month++) {
      if (await over(pyongyang)) break;
      const before = await turnOf(pyongyang);
      for (const p of pages) {
        if (await over(p)) continue;
        const ended = await p.locator('#room-bar li[data-ended="true"]').allTextContents();
        const seat = p === pyongyang ? 'Pyongyang' : p === moscow ? 'Moscow' : 'Kyiv';
        if (!ended.some((t) => t.startsWith(seat))) await endMonth(p);
      }
      for (const p of pages)
        await p.waitForFunction((b) => {
          const app = document.getElementById('app');
          return app?.dataset['screen'] === 'debrief' || app?.dataset['phase'] === 'over' || Number(app?.dataset['turn']) > b;
        }, before, { timeout: 30_000 });
      for (const p of pages) if ((await screenOf(p)) !== 'debrief') await finishReport(p);
    }
    for (const p of pages) await p.getByRole('heading', { name: 'Debrief', level: 1 }).waitFor({ timeout: 30_000 });
    await shot(kyiv, 'room-debrief-kyiv');

    // Kyiv closes the tab and opens the class link again: the finished room's debrief comes
    // back, with the whole room's messages (Pyongyang's word to Moscow included).
    const classLink = `${base}/?class=${code}&renderer=canvas&test=1`;
    await kyiv.goto('about:blank');
    await kyiv.goto(classLink);
    await kyiv.getByRole('heading', { name: 'Debrief', level: 1 }).waitFor({ timeout: 60_000 });
    const archive = kyiv.locator('#debrief-messages');
    await archive.getByRole('heading', { name: 'Messages of the whole room' }).waitFor({ timeout: 20_000 });
    await archive.getByText('The rest of the soldiers come in spring.').waitFor();
    expect(await archive.getByText('Pyongyang to Moscow · turn 1').count()).toBe(1);
    await shot(kyiv, 'room-debrief-reopened');

    // The class board lists the room's result: the three pseudonyms, every seat human.
    await expect
      .poll(async () => ((await json(await fetch(`${base}/api/results?class=${code}`)))['results'] as unknown[]).length, { timeout: 15_000 })
      .toBe(1);
    const board = await json(await fetch(`${base}/api/results?class=${code}`));
    const result = (board['results'] as { pseudonym: string; seats: Record<string, string> }[])[0]!;
    expect(result.pseudonym).toBe('Blue Heron (Pyongyang), Red Fox (Moscow), Green Owl (Kyiv)');
    expect(result.seats).toEqual({ pyongyang: 'human', moscow: 'human', kyiv: 'human' });
    const boardPage = await student(`${base}/results?class=${code}`);
    await boardPage.getByText('Blue Heron (Pyongyang), Red Fox (Moscow), Green Owl (Kyiv)').first().waitFor({ timeout: 30_000 });
    await shot(boardPage, 'room-class-board');
    expect(errors).toEqual([]);
  });
});
