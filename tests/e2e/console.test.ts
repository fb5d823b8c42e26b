/**
 * The teacher's console end to end in Chromium against the real server (built app, Fastify,
 * WebSocket, SQLite): a teacher and three students, each in their own browser context. The
 * students message each other in the Trade tab; the teacher sets a 60-second deadline (every
 * student sees the countdown), then a short one that ends a turn by itself; injects a scenario
 * event the students read in their news; pauses and resumes; ends the remaining turns; and every
 * student's debrief shows the room's messages. The server's shortest deadline is lowered to 2 s
 * for this test (a server option), so the test does not wait out a minute.
 * Screenshots: test-results/screenshots/console-*.png.
 */
import { mkdirSync } from 'node:fs';
import path from 'node:path';

import { chromium, type Browser, type Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';

import { CHROMIUM_FLAGS, CHROMIUM_PATH, chromiumAvailable } from '../../src/cli/chromium';
import type { Capital } from '../../src/engine';
import type { Running } from '../../src/server/server';
import { joinSeats } from '../../src/session/room-bots';
import { startAppServer } from './app-server';
import { axeProblems, finishReport, ROOT } from './game-helpers';

const SHOTS = path.join(ROOT, 'test-results', 'screenshots');
const hasChromium = chromiumAvailable();

describe.skipIf(!hasChromium)("the teacher's console with three students", () => {
  let running: Running;
  let base: string;
  let browser: Browser;
  let code = '';
  let key = '';
  let teacher: Page;
  const students = {} as Record<Capital, Page>;
  const errors: string[] = [];

  const watch = (page: Page, who: string) => {
    page.on('pageerror', (e) => errors.push(`${who}: ${e.message}`));
    page.on('console', (m) => {
      if (m.type() === 'error' && !m.text().startsWith('Failed to load resource')) errors.push(`${who}: console: ${m.text()}`);
    });
  };

  async function open(url: string, who: string, size = { width: 1366, height: 768 }): Promise<Page> {
    const context = await browser.newContext({ viewport: size });
    const page = await context.newPage();
    watch(page, who);
    // The capital's briefing opens at the first turn; these students skip it.
    await page.addLocatorHandler(page.getByRole('dialog', { name: /^Your briefing: / }), async (d) => {
      await d.getByRole('button', { name: 'Skip: I know how to play' }).click();
    });
    await page.goto(`${base}${url}`);
    return page;
  }

  const card = () => teacher.locator('article.room-card').first();
  const turnOf = async (p: Page) => Number(/Turn (\d+) of/.exec((await p.locator('#turn-indicator').textContent()) ?? '')?.[1] ?? NaN);

  async function tab(p: Page, name: string): Promise<void> {
    await p.getByRole('tab', { name: new RegExp(`^${name}`) }).click();
  }

  beforeAll(async () => {
    mkdirSync(SHOTS, { recursive: true });
    ({ running, base } = await startAppServer('tc-console-data', { minTurnSeconds: 2 }));
    const made = await fetch(`${base}/api/classes`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ scenario: 'historical-2024' }),
    });
    ({ code, moderationKey: key } = (await made.json()) as { code: string; moderationKey: string });
    const settings = await fetch(`${base}/api/classes/${code}/rooms/settings`, {
      method: 'PUT',
      headers: { 'content-type': 'application/json', 'X-Moderation-Key': key },
      body: JSON.stringify({ size: 3, fill: 'order' }),
    });
    expect(settings.status).toBe(200);
    browser = await chromium.launch({ executablePath: CHROMIUM_PATH, headless: true, args: [...CHROMIUM_FLAGS] });
  }, 240_000);

  afterAll(async () => {
    await browser?.close();
    await running?.app.close();
  });

  it('the teacher opens the console with the moderation key; three students join and play', async () => {
    teacher = await open(`/results?console=${code}`, 'teacher');
    await teacher.getByLabel('Moderation key of the class').fill(key);
    await teacher.getByRole('button', { name: 'Open the console' }).click();
    await teacher.getByText('No room has opened yet').waitFor();

    const seats = await joinSeats(base, code, 3, 'Student');
    for (const s of seats) students[s.seat] = await open(`/?seat=${s.token}`, s.seat);
    for (const p of Object.values(students)) await p.locator('#turn-indicator').waitFor({ timeout: 60_000 });

    await card().getByRole('heading', { name: 'Room 1' }).waitFor();
    await expect.poll(() => card().locator('.turn-line').textContent()).toContain('turn 1 of 12');
    for (const name of ['Student 1', 'Student 2', 'Student 3']) await card().getByRole('cell', { name, exact: true }).waitFor();
    await expect.poll(() => card().locator('td').allInnerTexts().then((t) => t.filter((x) => x.trim() === 'Connected').length)).toBe(3);
    await card().getByText(/Human cost so far:/).waitFor();
  });

  it('students write to each other beside their offers; a message reaches only its addressee', async () => {
    const py = students.pyongyang;
    await tab(py, 'Trade');
    await py.getByLabel('To', { exact: true }).selectOption({ label: 'Moscow' });
    await py.getByLabel('Message', { exact: true }).fill('Shells now, oil next month? <b>not bold</b>');
    await py.getByRole('button', { name: 'Send the message' }).click();
    await py.locator('.message-text', { hasText: 'Shells now, oil next month?' }).waitFor();

    await tab(students.moscow, 'Trade');
    const received = students.moscow.locator('.message-text', { hasText: 'Shells now, oil next month?' });
    await received.waitFor();
    expect(await received.textContent()).toBe('Shells now, oil next month? <b>not bold</b>');
    await tab(students.kyiv, 'Trade');
    await students.kyiv.getByText('No messages yet.').waitFor();
    expect(await students.kyiv.getByText('Shells now').count()).toBe(0);

    // The teacher reads every message live.
    await card().getByText('Messages (1)').click();
    await card().locator('.message-text', { hasText: 'Shells now, oil next month?' }).waitFor();
    await students.moscow.screenshot({ path: path.join(SHOTS, 'console-student-messages.png') });
  });

  it('a 60-second deadline shows on every screen; a short one ends the turn of students who gave no end', async () => {
    await teacher.getByLabel('Seconds per turn').fill('60');
    await teacher.getByRole('button', { name: 'Set the deadline' }).click();
    for (const p of Object.values(students)) {
      const clock = p.locator('#turn-countdown');
      await expect.poll(() => clock.textContent()).toMatch(/^(1:00|0:5\d) left to give your orders$/);
    }
    await expect.poll(() => card().locator('[data-clock]').textContent()).toMatch(/^(1:00|0:5\d) left$/);
    await students.kyiv.screenshot({ path: path.join(SHOTS, 'console-student-countdown.png') });
    await teacher.screenshot({ path: path.join(SHOTS, 'console-1366.png'), fullPage: true });

    // Pyongyang gives an order and leaves it there; nobody ends the turn: the clock does.
    await teacher.getByLabel('Seconds per turn').fill('2');
    await teacher.getByRole('button', { name: 'Set the deadline' }).click();
    for (const p of Object.values(students)) await expect.poll(() => turnOf(p), { timeout: 20_000 }).toBe(2);
    await expect.poll(() => card().locator('.turn-line').textContent()).toContain('turn 2 of 12');
    // Back to a long deadline for the rest of the lesson.
    await teacher.getByLabel('Seconds per turn').fill('600');
    await teacher.getByRole('button', { name: 'Set the deadline' }).click();
    await expect.poll(() => students.moscow.locator('#turn-countdown').textContent()).toMatch(/^(10:00|9:5\d) left/);
    for (const p of Object.values(students)) await finishReport(p);
  });

  it('an injected scenario event reaches the students as news from their teacher', async () => {
    await teacher.getByLabel('A scenario event').selectOption({ label: 'Soldiers for nuclear technology?' });
    await teacher.getByRole('button', { name: 'Send this event' }).click();
    await teacher.locator('#console-feedback', { hasText: 'Sent “Soldiers for nuclear technology?” to every room.' }).waitFor();
    for (const p of Object.values(students)) {
      await tab(p, 'News');
      const item = p.locator('.news-item', { hasText: 'Soldiers for nuclear technology?' });
      await item.waitFor();
      await item.getByText('Sent by your teacher').waitFor();
    }
    // Once happened, it leaves the teacher's list.
    await expect.poll(() => teacher.getByLabel('A scenario event').locator('option', { hasText: 'Soldiers for nuclear technology?' }).count()).toBe(0);
  });

  it('pause stops every clock and resume starts them again', async () => {
    await teacher.getByRole('button', { name: 'Pause all rooms' }).click();
    for (const p of Object.values(students)) await expect.poll(() => p.locator('#turn-countdown').textContent()).toBe('Paused by your teacher');
    await expect.poll(() => card().locator('[data-clock]').textContent()).toMatch(/^Paused \(\d+:\d\d left\)$/);
    await students.pyongyang.screenshot({ path: path.join(SHOTS, 'console-student-paused.png') });
    await teacher.getByRole('button', { name: 'Resume all rooms' }).click();
    for (const p of Object.values(students)) await expect.poll(() => p.locator('#turn-countdown').textContent()).toMatch(/left to give your orders$/);
  });

  it('the teacher ends the remaining turns; every debrief shows the whole room’s messages', async () => {
    for (let turn = 2; turn <= 12; turn++) {
      await teacher.getByRole('button', { name: 'End the turn now in all rooms' }).click();
      await expect.poll(async () => (await card().locator('.turn-line').textContent()) ?? '', { timeout: 20_000 }).toMatch(turn < 12 ? `turn ${turn + 1} of 12` : /^Finished/);
    }
    for (const [seat, p] of Object.entries(students)) {
      await p.getByRole('heading', { name: 'Debrief', level: 1 }).waitFor({ timeout: 60_000 });
      const archive = p.locator('#debrief-messages');
      await archive.getByRole('heading', { name: 'Messages of the whole room' }).waitFor({ timeout: 20_000 });
      await archive.getByText('Shells now, oil next month? <b>not bold</b>').waitFor();
      expect(await archive.getByText('Pyongyang to Moscow · turn 1').count(), seat).toBe(1);
    }
    await students.kyiv.locator('#debrief-messages').scrollIntoViewIfNeeded();
    await students.kyiv.screenshot({ path: path.join(SHOTS, 'console-debrief-messages.png') });

    // The console: rooms side by side with the archive, and the exports.
    await teacher.getByRole('heading', { name: 'After the game' }).waitFor();
    await teacher.getByRole('table', { name: 'Finished rooms side by side' }).waitFor();
    await teacher.getByRole('heading', { name: 'Room 1: message archive' }).waitFor();
    // The room's replay on the results page shows its messages too.
    const replay = await teacher.context().newPage();
    watch(replay, 'replay');
    await replay.goto(`${base}${await card().getByRole('link', { name: /replay and key decisions/ }).getAttribute('href')}`);
    await replay.getByRole('heading', { name: 'Messages between the capitals' }).waitFor({ timeout: 30_000 });
    await replay.getByText('Shells now, oil next month? <b>not bold</b>').waitFor();
    await replay.close();
    for (const size of [{ width: 768, height: 1024 }, { width: 390, height: 844 }]) {
      await teacher.setViewportSize(size);
      await teacher.screenshot({ path: path.join(SHOTS, `console-${size.width}.png`), fullPage: true });
    }
    expect(await axeProblems(teacher)).toEqual([]);
    expect(errors).toEqual([]);
  });
});
