/**
 * The teacher's console under load, for the rooms benchmark: while bots play many rooms,
 *  - a console WebSocket (the protocol's, with the class's moderation key) records how long each
 *    room update takes to reach it: from the moment a seat of that room first receives the
 *    update (the room's log position) to the console frame that carries it;
 *  - the console page in Chromium records its main-thread work per second (CDP
 *    Performance.getMetrics TaskDuration), the cost of keeping every room live on screen.
 */
import WebSocket from 'ws';
import { chromium } from 'playwright-core';

import type { ConsoleFrame } from '../rooms/console-view';
import type { ServerMessage } from '../rooms/protocol';
import type { RoomClient } from '../session/room-client';
import { percentile, type BotSeat } from '../session/room-bots';
import { CHROMIUM_FLAGS, CHROMIUM_PATH } from './chromium';

export interface ConsoleFigures {
  /** Room updates (log positions) the console was expected to show. */
  updates: number;
  /** Of those, never shown by the end of the run. */
  missed: number;
  latencyP50Ms: number;
  latencyP99Ms: number;
  /** Console frames received (several updates may share one frame). */
  frames: number;
}

export class ConsoleWatch {
  private ws: WebSocket | null = null;
  private readonly firstSeen = new Map<string, Map<number, number>>();
  private readonly latencies: number[] = [];
  private frames = 0;
  private expected = 0;

  constructor(
    private readonly url: string,
    private readonly code: string,
    private readonly key: string,
  ) {}

  /** Connects and waits for the console's first frame. */
  async open(): Promise<void> {
    const ws = new WebSocket(`${this.url.replace(/^http/, 'ws')}/api/rooms/socket`);
    this.ws = ws;
    await new Promise<void>((resolve, reject) => {
      ws.once('open', () => ws.send(JSON.stringify({ type: 'hello', v: 1, role: 'console', classCode: this.code, moderationKey: this.key })));
      ws.once('error', reject);
      ws.on('message', (d) => {
        const f = JSON.parse(String(d)) as ConsoleFrame | { type: 'error'; message: string };
        if (f.type === 'error') return reject(new Error(`the console was refused: ${f.message}`));
        if (f.type === 'console') resolve();
        if (f.type === 'consoleRooms') {
          this.frames++;
          for (const r of f.rooms) this.shown(r.summary.id, r.summary.seq);
        }
      });
    });
  }

  /** For playBotRooms' onClient: notes when a room's seats first hear of each log position. */
  readonly onClient = (client: RoomClient, seat: BotSeat): void => {
    client.subscribe((_c, m: ServerMessage | null) => {
      if (m && (m.type === 'update' || m.type === 'finished')) this.seen(seat.roomId, m.room.seq);
    });
  };

  private seen(room: string, seq: number): void {
    let m = this.firstSeen.get(room);
    if (!m) this.firstSeen.set(room, (m = new Map()));
    if (!m.has(seq)) {
      m.set(seq, performance.now());
      this.expected++;
    }
  }

  private shown(room: string, seq: number): void {
    const m = this.firstSeen.get(room);
    if (!m) return;
    const t = performance.now();
    for (const [s, at] of m) {
      if (s > seq) continue;
      this.latencies.push(Math.max(0, t - at));
      m.delete(s);
    }
  }

  /** Waits a moment for the last frames, closes, and returns the figures. */
  async finish(graceMs = 1500): Promise<ConsoleFigures> {
    await new Promise((r) => setTimeout(r, graceMs));
    this.ws?.close();
    const sorted = [...this.latencies].sort((a, b) => a - b);
    let missed = 0;
    for (const m of this.firstSeen.values()) missed += m.size;
    return {
      updates: this.expected,
      missed,
      latencyP50Ms: Math.round(percentile(sorted, 50)),
      latencyP99Ms: Math.round(percentile(sorted, 99)),
      frames: this.frames,
    };
  }
}

/**
 * Opens the console page in Chromium with the moderation key and measures its main-thread work
 * (ms of tasks per second of wall time) from when the page is live until `until` settles.
 */
export async function consolePageWork(url: string, code: string, key: string, until: Promise<unknown>): Promise<{ msPerSecond: number; seconds: number; rooms: number }> {
  const browser = await chromium.launch({ executablePath: CHROMIUM_PATH, headless: true, args: [...CHROMIUM_FLAGS] });
  try {
    const page = await browser.newPage({ viewport: { width: 1366, height: 768 } });
    await page.goto(`${url}/results?console=${code}`);
    await page.getByLabel('Moderation key of the class').fill(key);
    await page.getByRole('button', { name: 'Open the console' }).click();
    await page.waitForFunction(() => document.getElementById('main')?.dataset['ready'] === 'live', null, { timeout: 60_000 });
    const cdp = await page.context().newCDPSession(page);
    await cdp.send('Performance.enable');
    const taskSeconds = async () => {
      const { metrics } = (await cdp.send('Performance.getMetrics')) as { metrics: { name: string; value: number }[] };
      return metrics.find((m) => m.name === 'TaskDuration')?.value ?? NaN;
    };
    const t0 = performance.now();
    const w0 = await taskSeconds();
    await until;
    const w1 = await taskSeconds();
    const seconds = (performance.now() - t0) / 1000;
    const rooms = await page.locator('article.room-card').count();
    return { msPerSecond: Math.round(((w1 - w0) * 1000) / seconds), seconds: Math.round(seconds), rooms };
  } finally {
    await browser.close();
  }
}
