/**
 * The teacher's console with more rooms than fit on a phone's screen (390×844, one card per row).
 * Cards off screen are redrawn less often than those in view (the page's work stays small with
 * forty live rooms), so this checks that nothing is lost by it: a room far down the page that
 * changes while nobody looks at it shows the change, both on its own after a moment and at once
 * when the teacher scrolls to it; and a room in view shows its changes as they come.
 */
import { chromium, type Browser, type Locator, type Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';

import { CHROMIUM_FLAGS, CHROMIUM_PATH, chromiumAvailable } from '../../src/cli/chromium';
import { wsSocket } from '../../src/cli/ws-socket';
import type { Running } from '../../src/server/server';
import { joinSeats, type BotSeat } from '../../src/session/room-bots';
import { RoomClient } from '../../src/session/room-client';
import { startAppServer } from './app-server';

const ROOMS = 6;

describe.skipIf(!chromiumAvailable())('the console keeps rooms off screen up to date', () => {
  let running: Running;
  let base: string;
  let browser: Browser;
  let teacher: Page;
  let seats: BotSeat[] = [];
  const clients: RoomClient[] = [];

  const card = (n: number): Locator => teacher.locator('article.room-card').filter({ has: teacher.getByRole('heading', { name: `Room ${n}`, exact: true }) });
  /** How many of a room's seats the card shows as connected (read from the page, in view or not). */
  const connected = (n: number) => card(n).locator('td[data-device]').evaluateAll((tds) => tds.filter((td) => td.textContent === 'Connected').length);
  /** Scrolls a room's card to the top of the window (a card is rebuilt when its alert changes: try again). */
  const scrollTo = (n: number) =>
    expect.poll(() => card(n).evaluate((el) => (el.scrollIntoView({ block: 'start' }), true)).catch(() => false), { timeout: 10_000 }).toBe(true);
  /** The card starts more than a screen and a half below the top of the window. */
  const belowTheScreen = async (n: number) => ((await card(n).boundingBox())?.y ?? 0) > 844 * 1.5;
  /** Connects seats of a room (0-based), as students opening the game. */
  const connect = (roomIndex: number, from: number, to: number) => {
    for (const s of seats.slice(roomIndex * 3 + from, roomIndex * 3 + to)) {
      const c = new RoomClient({ origin: base, token: s.token, makeSocket: wsSocket });
      c.connect();
      clients.push(c);
    }
  };

  beforeAll(async () => {
    ({ running, base } = await startAppServer('tc-console-offscreen'));
    const made = await fetch(`${base}/api/classes`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ scenario: 'historical-2024' }) });
    const { code, moderationKey: key } = (await made.json()) as { code: string; moderationKey: string };
    const settings = await fetch(`${base}/api/classes/${code}/rooms/settings`, {
      method: 'PUT',
      headers: { 'content-type': 'application/json', 'X-Moderation-Key': key },
      body: JSON.stringify({ size: 3, fill: 'order' }),
    });
    expect(settings.status).toBe(200);
    seats = await joinSeats(base, code, ROOMS * 3, 'Student');
    browser = await chromium.launch({ executablePath: CHROMIUM_PATH, headless: true, args: [...CHROMIUM_FLAGS] });
    teacher = await (await browser.newContext({ viewport: { width: 390, height: 844 } })).newPage();
    await teacher.goto(`${base}/results?console=${code}`);
    await teacher.getByLabel('Moderation key of the class').fill(key);
    await teacher.getByRole('button', { name: 'Open the console' }).click();
    await card(ROOMS).waitFor({ state: 'attached' });
    // Two students of every room are there from the start (so no room shows the alert that
    // nobody is connected); each test connects a room's third student.
    for (let r = 0; r < ROOMS; r++) connect(r, 0, 2);
  }, 240_000);

  afterAll(async () => {
    for (const c of clients) c.close();
    await browser?.close();
    await running?.app.close();
  });

  it('every room shows its first two students connected, scrolled to one after another', async () => {
    for (let n = 1; n <= ROOMS; n++) {
      await scrollTo(n);
      await expect.poll(() => connected(n), { timeout: 10_000 }).toBe(2);
    }
  });

  it('a room in view shows its students connecting as they connect', async () => {
    await scrollTo(1);
    expect(await connected(1)).toBe(2);
    connect(0, 2, 3);
    await expect.poll(() => connected(1), { timeout: 10_000 }).toBe(3);
  });

  it('a room far below the screen catches up by itself, without the teacher scrolling to it', async () => {
    await scrollTo(1);
    expect(await belowTheScreen(ROOMS)).toBe(true);
    expect(await connected(ROOMS)).toBe(2);
    connect(ROOMS - 1, 2, 3);
    await expect.poll(() => connected(ROOMS), { timeout: 10_000 }).toBe(3);
  });

  it('a room that changed off screen is up to date when the teacher scrolls to it', async () => {
    await scrollTo(1);
    expect(await belowTheScreen(ROOMS - 1)).toBe(true);
    expect(await connected(ROOMS - 1)).toBe(2);
    connect(ROOMS - 2, 2, 3);
    await scrollTo(ROOMS - 1);
    await expect.poll(() => connected(ROOMS - 1), { timeout: 10_000 }).toBe(3);
  });
});
