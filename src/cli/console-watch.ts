/**
 * The teacher's console under load, for the rooms benchmark: while bots play many rooms,
 *  - a console WebSocket (the protocol's, with the class's moderation key) records how long each
 *    room update takes to reach it: from the moment a seat of that room first receives the
 *    update (the room's log position) to the console frame that carries it;
 *  - the console page in Chromium records its main-thread work per second (CDP
 *    Performance.getMetrics TaskDuration, less the harness's own DevTools calls), the cost of
 *    keeping every room live on screen.
 */
import WebSocket from 'ws';
import { chromium, type Browser, type CDPSession, type Page } from 'playwright-core';

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

/** The console page's main-thread work while the class played, from Chromium's own counters. */
export interface PageWork {
  /** All main-thread tasks, ms per second of wall time (the harness's DevTools calls excluded). */
  msPerSecond: number;
  /** The main thread's CPU time, ms per second of wall time (steadier than task time on a busy machine). */
  cpuMsPerSecond: number;
  /** Of which: script, style recalculation, layout (ms per second). */
  scriptMsPerSecond: number;
  styleMsPerSecond: number;
  layoutMsPerSecond: number;
  seconds: number;
  rooms: number;
}

/**
 * The console page in Chromium, opened with the moderation key before the class starts (as a
 * teacher would), so that its work is measured over the whole game: rooms opening as students
 * join, every month, and the end.
 */
export class ConsolePage {
  private browser: Browser | null = null;
  private page: Page | null = null;
  private cdp: CDPSession | null = null;
  private start: { at: number; metrics: Map<string, number> } | null = null;

  constructor(
    private readonly url: string,
    private readonly code: string,
    private readonly key: string,
  ) {}

  async open(): Promise<void> {
    this.browser = await chromium.launch({ executablePath: CHROMIUM_PATH, headless: true, args: [...CHROMIUM_FLAGS] });
    const page = (this.page = await this.browser.newPage({ viewport: { width: 1366, height: 768 } }));
    await page.goto(`${this.url}/results?console=${this.code}`);
    await page.getByLabel('Moderation key of the class').fill(this.key);
    await page.getByRole('button', { name: 'Open the console' }).click();
    await page.waitForFunction(() => document.getElementById('main')?.dataset['ready'] === 'live', null, { timeout: 60_000 });
    this.cdp = await page.context().newCDPSession(page);
    await this.cdp.send('Performance.enable');
    this.start = { at: performance.now(), metrics: await this.metrics() };
  }

  private async metrics(): Promise<Map<string, number>> {
    const { metrics } = (await this.cdp!.send('Performance.getMetrics')) as { metrics: { name: string; value: number }[] };
    return new Map(metrics.map((m) => [m.name, m.value]));
  }

  /** The work since open(); closes the browser. */
  async finish(): Promise<PageWork> {
    try {
      const end = await this.metrics();
      const seconds = (performance.now() - this.start!.at) / 1000;
      const per = (name: string) => Math.round((((end.get(name) ?? 0) - (this.start!.metrics.get(name) ?? 0)) * 1000) / seconds);
      const rooms = await this.page!.locator('article.room-card').count();
      return {
        msPerSecond: per('TaskDuration') - per('DevToolsCommandDuration'),
        cpuMsPerSecond: per('ThreadTime'),
        scriptMsPerSecond: per('ScriptDuration'),
        styleMsPerSecond: per('RecalcStyleDuration'),
        layoutMsPerSecond: per('LayoutDuration'),
        seconds: Math.round(seconds * 10) / 10,
        rooms,
      };
    } finally {
      await this.browser?.close();
    }
  }
}
