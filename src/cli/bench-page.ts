/**
 * npm run bench:page — the page budgets of DESIGN.md §6 and issue 3, measured in Debian's chromium
 * (playwright-core, headless, the §7 flags) against the built app served by the real server on
 * localhost. Prints figures; asserts nothing (budgets are read, not timed in tests).
 *
 *   1. Menu interactive: ms from navigation start until the "New game" button exists, is enabled
 *      and focusable (an init script watches the DOM), cold cache and warm; beside it the same
 *      measure on a bare Phaser page (our own Phaser chunk, one empty scene, a "New game" button
 *      enabled in the scene's create) generated in dist/ for the measurement and deleted after.
 *   2. Phaser: its chunk, and how many times it is fetched over a whole session (menu → setup →
 *      game → debrief → menu); the results page and the explorer must not fetch it.
 *   3. Frames per second while the map animates a turn report (requestAnimationFrame counted in
 *      the page while the report plays at 1×).
 *   4. Longest main-thread task when a turn resolves with computer players (PerformanceObserver
 *      'longtask', which reports tasks of 50 ms or more, plus the synchronous time of the click
 *      that ends the turn).
 *   5. JS heap after a whole game (CDP HeapProfiler.collectGarbage, then Performance.getMetrics).
 *   6. The results page of a scenario with 10,000 runs, cold (src/cli/bench-results-page.ts).
 *
 * Game-dependent figures say "not measured: <why>" when the game flow cannot be driven.
 * Options: --runs N (menu loads per cache state, default 5), --renderer auto|canvas|webgl,
 * --fps-turns N (turn reports watched at 1×, default 2), --keep-bare (leave the bare page),
 * --results-runs N (runs on the measured results page, default 10000; 0 skips it),
 * --results-only (section 6 alone).
 */
import { readdirSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { mkdtempSync } from 'node:fs';
import { cpus, tmpdir } from 'node:os';
import path from 'node:path';
import { gzipSync } from 'node:zlib';

import { chromium, type BrowserContext, type CDPSession, type Page } from 'playwright-core';

import { ensureBuilt, ROOT } from '../../scripts/start.mjs';
import { buildApp } from '../server/app';
import { resultsPageSection } from './bench-results-page';
import { CHROMIUM_FLAGS, CHROMIUM_PATH as CHROMIUM } from './chromium';

interface Options {
  runs: number;
  renderer: 'auto' | 'canvas' | 'webgl';
  fpsTurns: number;
  keepBare: boolean;
  resultsRuns: number;
  resultsOnly: boolean;
}

function parseOptions(argv: string[]): Options {
  const o: Options = {
    runs: 5,
    renderer: 'auto',
    fpsTurns: 2,
    keepBare: false,
    resultsRuns: 10_000,
    resultsOnly: false,
  };
  for (let i = 0; i < argv.length; i++) {
    const a = argv[i]!;
    const value = (): string => {
      const v = a.includes('=') ? a.slice(a.indexOf('=') + 1) : argv[++i];
      if (v === undefined) throw new Error(`${a} needs a value`);
      return v;
    };
    if (a.startsWith('--runs')) o.runs = Math.max(1, Math.trunc(Number(value())) || 5);
    else if (a.startsWith('--renderer')) {
      const r = value();
      if (r !== 'auto' && r !== 'canvas' && r !== 'webgl')
        throw new Error('--renderer is auto, canvas or webgl');
      o.renderer = r;
    } else if (a.startsWith('--fps-turns'))
      o.fpsTurns = Math.max(0, Math.trunc(Number(value())) || 0);
    else if (a === '--keep-bare') o.keepBare = true;
    else if (a.startsWith('--results-runs'))
      o.resultsRuns = Math.max(0, Math.trunc(Number(value())) || 0);
    else if (a === '--results-only') o.resultsOnly = true;
    else
      throw new Error(
        `unknown option ${a} (options: --runs N, --renderer auto|canvas|webgl, --fps-turns N, --keep-bare, --results-runs N, --results-only)`,
      );
  }
  return o;
}

// ---------------------------------------------------------------------------------------------
// Small statistics and formatting
// ---------------------------------------------------------------------------------------------

function median(xs: number[]): number {
  const s = [...xs].sort((a, b) => a - b);
  const m = s.length >> 1;
  return s.length % 2 ? s[m]! : (s[m - 1]! + s[m]!) / 2;
}

function spread(xs: number[], unit = 'ms'): string {
  if (xs.length === 0) return 'no runs';
  const s = [...xs].sort((a, b) => a - b);
  return `median ${Math.round(median(s))} ${unit} (min ${Math.round(s[0]!)}, max ${Math.round(s[s.length - 1]!)}; ${xs.length} runs)`;
}

const kB = (bytes: number) => `${Math.round(bytes / 1024).toLocaleString('en-GB')} kB`;
const MB = (bytes: number) => `${(bytes / 1048576).toFixed(1)} MB`;

// ---------------------------------------------------------------------------------------------
// In the page: when the menu is usable, long tasks
// ---------------------------------------------------------------------------------------------

/**
 * Runs before any page script. Records the first moment a button named "New game" is enabled,
 * visible and focusable (menuReady), the moment #app says the Phaser view is ready (viewReady),
 * and every long task.
 */
const INIT_SCRIPT = `(() => {
  const b = (window.__bench = { menuReady: null, viewReady: null, longTasks: [] });
  const usable = (el) =>
    (el.textContent || '').trim() === 'New game' && !el.disabled && el.getAttribute('aria-disabled') !== 'true' &&
    el.tabIndex >= 0 && !el.closest('[hidden],[inert]') && el.getClientRects().length > 0 &&
    getComputedStyle(el).visibility !== 'hidden';
  const check = () => {
    const now = performance.now();
    if (b.menuReady === null) for (const el of document.querySelectorAll('button')) if (usable(el)) { b.menuReady = now; break; }
    const app = document.getElementById('app');
    if (b.viewReady === null && app && app.dataset.viewReady === 'true') b.viewReady = now;
    return b.menuReady !== null && (b.viewReady !== null || (document.readyState === 'complete' && !app));
  };
  const mo = new MutationObserver(() => { if (check()) mo.disconnect(); });
  mo.observe(document, { subtree: true, childList: true, attributes: true, attributeFilter: ['disabled', 'aria-disabled', 'hidden', 'data-view-ready', 'class', 'style'] });
  const loop = () => { if (!check()) requestAnimationFrame(loop); };
  requestAnimationFrame(loop);
  try {
    new PerformanceObserver((list) => {
      for (const e of list.getEntries()) b.longTasks.push({ start: e.startTime, duration: e.duration });
    }).observe({ type: 'longtask', buffered: true });
  } catch {}
})();`;

interface BenchWindow {
  __bench: {
    menuReady: number | null;
    viewReady: number | null;
    longTasks: { start: number; duration: number }[];
  };
}

async function openPage(
  context: BrowserContext,
  cold: boolean,
): Promise<{ page: Page; cdp: CDPSession }> {
  const page = await context.newPage();
  await page.setViewportSize({ width: 1280, height: 720 });
  const cdp = await context.newCDPSession(page);
  await cdp.send('Network.enable');
  await cdp.send('Network.setCacheDisabled', { cacheDisabled: cold });
  return { page, cdp };
}

/**
 * One load of `url`: ms to a usable "New game", and to the Phaser view (null for the bare page),
 * and the bytes that crossed the wire until then (CDP encodedDataLength: compressed size plus
 * headers). `cpuSlowdown` 4 is a low-end Chromebook (CDP CPU throttling).
 */
async function measureLoad(
  context: BrowserContext,
  url: string,
  cold: boolean,
  cpuSlowdown = 1,
): Promise<{ menu: number; view: number | null; bytes: number }> {
  const { page, cdp } = await openPage(context, cold);
  let bytes = 0;
  cdp.on('Network.loadingFinished', (e: { encodedDataLength: number }) => {
    bytes += e.encodedDataLength;
  });
  if (cpuSlowdown > 1) await cdp.send('Emulation.setCPUThrottlingRate', { rate: cpuSlowdown });
  try {
    await page.goto(url, { waitUntil: 'commit' });
    await page.waitForFunction(
      () => (window as unknown as BenchWindow).__bench?.menuReady !== null,
      null,
      { timeout: 30_000 },
    );
    const hasApp = await page.evaluate(() => document.getElementById('app') !== null);
    if (hasApp)
      await page
        .waitForFunction(
          () => (window as unknown as BenchWindow).__bench.viewReady !== null,
          null,
          { timeout: 60_000 },
        )
        .catch(() => undefined);
    const r = await page.evaluate(() => (window as unknown as BenchWindow).__bench);
    return { menu: r.menuReady!, view: r.viewReady, bytes };
  } finally {
    await cdp.detach().catch(() => undefined);
    await page.close();
  }
}

// ---------------------------------------------------------------------------------------------
// The bare Phaser page (generated in dist/ for the measurement only)
// ---------------------------------------------------------------------------------------------

function writeBarePage(dist: string, phaserFile: string): { html: string; files: string[] } {
  const tag = `__bench-bare-${process.pid}`;
  const html = `${tag}.html`;
  const js = `${tag}.js`;
  writeFileSync(
    path.join(dist, html),
    `<!doctype html>
<html lang="en"><head><meta charset="utf-8"><title>Bare Phaser page (bench)</title>
<style>html,body{margin:0;background:#12161c;color:#f3f1ec;font-family:system-ui,sans-serif}#game{position:absolute;inset:0}button{position:absolute;left:40px;top:40px;min-height:44px;padding:10px 18px;font:inherit}</style>
</head><body><div id="game"></div><button type="button" id="new" disabled>New game</button>
<script type="module" src="/${js}"></script></body></html>
`,
  );
  // The same Phaser chunk the game loads; its exports are minified, so find the Game class.
  writeFileSync(
    path.join(dist, js),
    `const mod = await import('/assets/${phaserFile}');
const Game = Object.values(mod).find((v) => typeof v === 'function' && v.prototype && typeof v.prototype.step === 'function' && typeof v.prototype.boot === 'function');
const btn = document.getElementById('new');
new Game({
  type: 0, // Phaser.AUTO, as the game uses by default
  parent: 'game',
  width: window.innerWidth,
  height: window.innerHeight,
  backgroundColor: '#12161c',
  banner: false,
  audio: { noAudio: true },
  scene: { create() { btn.disabled = false; } },
});
`,
  );
  return { html, files: [path.join(dist, html), path.join(dist, js)] };
}

// ---------------------------------------------------------------------------------------------
// A whole game, as a student plays it
// ---------------------------------------------------------------------------------------------

interface GameFigures {
  phaserRequests: number;
  resolve: {
    turn: number;
    clickMs: number;
    longest: number;
    longTasks: number;
    toReportMs: number;
  }[];
  fps: { turn: number; fps: number; frames: number; seconds: number; longestFrame: number }[];
  debriefLongest: number | null;
  debriefBuild: { name: string; ms: number }[];
  heapMenu: { used: number; total: number } | null;
  heapAfterGame: { used: number; total: number } | null;
  turns: number;
}

async function heap(cdp: CDPSession): Promise<{ used: number; total: number }> {
  await cdp.send('HeapProfiler.enable');
  await cdp.send('HeapProfiler.collectGarbage');
  await cdp.send('HeapProfiler.collectGarbage');
  await cdp.send('Performance.enable');
  const { metrics } = (await cdp.send('Performance.getMetrics')) as {
    metrics: { name: string; value: number }[];
  };
  const get = (n: string) => metrics.find((m) => m.name === n)?.value ?? NaN;
  return { used: get('JSHeapUsedSize'), total: get('JSHeapTotalSize') };
}

async function dataset(page: Page, key: string): Promise<string | undefined> {
  return page.evaluate((k) => document.getElementById('app')?.dataset[k], key);
}

async function skipReport(page: Page): Promise<void> {
  for (let i = 0; i < 60; i++) {
    if ((await dataset(page, 'report')) !== 'playing') return;
    await page.keyboard.press('Escape');
    await page.waitForTimeout(100);
  }
  throw new Error('a turn report did not finish after Escape');
}

async function playWholeGame(
  context: BrowserContext,
  baseUrl: string,
  opts: Options,
  step: (what: string) => void,
  partial: Partial<GameFigures>,
): Promise<GameFigures> {
  const { page, cdp } = await openPage(context, false);
  let phaserRequests = 0;
  page.on('request', (r) => {
    if (/\/assets\/phaser-[^/]*\.js(\?|$)/.test(r.url())) phaserRequests++;
  });
  const figures: GameFigures = {
    phaserRequests: 0,
    resolve: [],
    fps: [],
    debriefLongest: null,
    debriefBuild: [],
    heapMenu: null,
    heapAfterGame: null,
    turns: 0,
  };
  Object.assign(partial, figures);
  try {
    const renderer = opts.renderer === 'auto' ? '' : `&renderer=${opts.renderer}`;
    step('menu');
    await page.goto(`${baseUrl}/?seed=bench-page${renderer}`);
    await page.getByRole('button', { name: 'New game' }).waitFor({ timeout: 30_000 });
    await page.waitForFunction(
      () => document.getElementById('app')?.dataset['viewReady'] === 'true',
      null,
      { timeout: 60_000 },
    );
    figures.heapMenu = partial.heapMenu = await heap(cdp);

    step('setup');
    await page.getByRole('button', { name: 'New game' }).click();
    await page.getByRole('heading', { name: 'New game', level: 1 }).waitFor({ timeout: 15_000 });
    await page.getByRole('radio', { name: /^Pyongyang/ }).check();
    await page.getByRole('button', { name: 'Start game' }).click();
    step('game');
    await page.locator('#turn-indicator').waitFor({ timeout: 15_000 });
    // The capital's briefing opens at the first turn: skip it as a returning student would.
    const briefing = page.getByRole('button', { name: 'Skip: I know how to play' });
    await briefing.waitFor({ timeout: 10_000 }).catch(() => undefined);
    if (await briefing.count()) await briefing.click();
    await page.waitForFunction(
      () => document.getElementById('app')?.dataset['mapReady'] === 'true',
      null,
      { timeout: 60_000 },
    );

    let fpsLeft = opts.fpsTurns;
    for (let i = 0; i < 20; i++) {
      if ((await dataset(page, 'screen')) === 'debrief') break;
      const turn = Number((await dataset(page, 'turn')) ?? NaN);
      step(`turn ${turn}`);
      await page.getByRole('button', { name: 'End turn…' }).click();
      const dialog = page.getByRole('dialog', { name: /End .* turn\?/ });
      await dialog.waitFor({ timeout: 10_000 });
      // Click the confirmation in the page so that its synchronous work is timed there.
      const click = await page.evaluate(() => {
        const w = window as unknown as BenchWindow;
        const dlg = [...document.querySelectorAll('dialog[open]')].pop();
        const btn =
          dlg &&
          [...dlg.querySelectorAll('button')].find(
            (b) => (b.textContent ?? '').trim() === 'End turn',
          );
        if (!btn) return null;
        const mark = performance.now();
        w.__bench.longTasks.length = 0;
        btn.click();
        return { mark, ms: performance.now() - mark };
      });
      if (!click) throw new Error('the "End turn" confirmation button was not found');
      await page.waitForFunction(
        (prev) => {
          const app = document.getElementById('app');
          return (
            !!app &&
            (app.dataset['screen'] === 'debrief' ||
              app.dataset['report'] === 'playing' ||
              app.dataset['turn'] !== prev)
          );
        },
        String(turn),
        { timeout: 60_000 },
      );
      const toReport = await page.evaluate((mark) => performance.now() - mark, click.mark);
      // Let the tasks that follow the resolution (rendering the new month) finish too.
      await page.waitForTimeout(300);
      const tasks = await page.evaluate(
        (mark) =>
          (window as unknown as BenchWindow).__bench.longTasks.filter((t) => t.start >= mark - 1),
        click.mark,
      );
      figures.resolve.push({
        turn,
        clickMs: click.ms,
        longest: tasks.reduce((m, t) => Math.max(m, t.duration), 0),
        longTasks: tasks.length,
        toReportMs: toReport,
      });
      figures.turns++;

      if ((await dataset(page, 'report')) === 'playing') {
        if (fpsLeft > 0 && turn >= 2) {
          fpsLeft--;
          step(`turn ${turn}: watching the report at 1×`);
          // A string, not a function: tsx would wrap named inner functions in a helper the page lacks.
          const f = (await page.evaluate(`new Promise((resolve) => {
            let frames = 0, longest = 0, first = -1, last = -1;
            function tick(t) {
              if (first < 0) first = t; else longest = Math.max(longest, t - last);
              last = t;
              frames++;
              if (document.getElementById('app')?.dataset.report !== 'playing' || t - first > 60000)
                resolve({ frames: frames - 1, ms: last - first, longest });
              else requestAnimationFrame(tick);
            }
            requestAnimationFrame(tick);
          })`)) as { frames: number; ms: number; longest: number };
          if (f.ms > 0)
            figures.fps.push({
              turn,
              fps: (1000 * f.frames) / f.ms,
              frames: f.frames,
              seconds: f.ms / 1000,
              longestFrame: f.longest,
            });
        } else {
          await skipReport(page);
        }
      }
    }
    step('debrief');
    await page.getByRole('heading', { name: 'Debrief', level: 1 }).waitFor({ timeout: 30_000 });
    await page.waitForTimeout(1000);
    const last = figures.resolve[figures.resolve.length - 1];
    if (last) {
      const tasks = await page.evaluate(() => (window as unknown as BenchWindow).__bench.longTasks);
      figures.debriefLongest = tasks.reduce((m, t) => Math.max(m, t.duration), 0);
    }
    // The debrief's own work (User Timing measures written by src/ui/debrief.ts).
    figures.debriefBuild = await page.evaluate(() =>
      performance
        .getEntriesByType('measure')
        .filter((e) => e.name.startsWith('debrief:'))
        .map((e) => ({ name: e.name, ms: e.duration })),
    );
    figures.heapAfterGame = await heap(cdp);
    step('back to the menu');
    await page.getByRole('button', { name: 'Menu' }).first().click();
    await page.getByRole('button', { name: 'New game' }).waitFor({ timeout: 15_000 });
    await page.waitForTimeout(500);
    figures.phaserRequests = phaserRequests;
    return figures;
  } finally {
    Object.assign(partial, figures, { phaserRequests });
    await cdp.detach().catch(() => undefined);
    await page.close();
  }
}

/** How many times a page fetches the Phaser chunk (it should not, for the results page). */
async function phaserFetches(context: BrowserContext, url: string): Promise<number | string> {
  const page = await context.newPage();
  let n = 0;
  page.on('request', (r) => {
    if (/\/assets\/phaser-[^/]*\.js/.test(r.url())) n++;
  });
  try {
    const res = await page.goto(url, { waitUntil: 'networkidle', timeout: 30_000 });
    if (!res || res.status() >= 400)
      return `not measured: ${url} answered ${res?.status() ?? 'nothing'}`;
    await page.waitForTimeout(500);
    return n;
  } catch (e) {
    return `not measured: ${(e as Error).message.split('\n')[0]}`;
  } finally {
    await page.close();
  }
}

// ---------------------------------------------------------------------------------------------
// Main
// ---------------------------------------------------------------------------------------------

async function main(): Promise<number> {
  const opts = parseOptions(process.argv.slice(2));
  const out: string[] = [];
  const say = (line: string) => {
    out.push(line);
    process.stdout.write(`${line}\n`);
  };
  const progress = (what: string) => process.stderr.write(`  … ${what}\n`);

  await ensureBuilt();
  const dist = path.join(ROOT, 'dist');
  const assets = readdirSync(path.join(dist, 'assets'));
  const phaserFile = assets.find((f) => /^phaser-.*\.js$/.test(f));
  const mainFile = assets.find((f) => /^main-.*\.js$/.test(f));
  if (!phaserFile)
    throw new Error(
      'dist/assets has no phaser-*.js chunk: is Phaser still in its own chunk (vite.config.ts)?',
    );
  const phaserBytes = readFileSync(path.join(dist, 'assets', phaserFile));
  const mainBytes = mainFile ? readFileSync(path.join(dist, 'assets', mainFile)) : null;

  const bare = writeBarePage(dist, phaserFile);
  const cleanup = () => {
    if (!opts.keepBare) for (const f of bare.files) rmSync(f, { force: true });
  };
  process.once('SIGINT', () => {
    cleanup();
    process.exit(130);
  });

  const app = buildApp({ distDir: dist, rateLimit: 0, logger: false });
  await app.listen({ port: 0, host: '127.0.0.1' });
  const address = app.server.address();
  const baseUrl = `http://127.0.0.1:${typeof address === 'object' && address ? address.port : 0}`;
  const profile = mkdtempSync(path.join(tmpdir(), 'three-capitals-bench-page-'));
  let context: BrowserContext | null = null;
  try {
    context = await chromium.launchPersistentContext(profile, {
      executablePath: CHROMIUM,
      headless: true,
      viewport: { width: 1280, height: 720 },
      args: [...CHROMIUM_FLAGS],
    });
    await context.addInitScript(INIT_SCRIPT);
    const version =
      context.browser()?.version() ??
      (await (async () => {
        const p = await context!.newPage();
        const v = await p.evaluate(() => navigator.userAgent.match(/Chrome\/([\d.]+)/)?.[1] ?? '?');
        await p.close();
        return v;
      })());
    say(
      `page bench: Chromium ${version} (headless, ${CHROMIUM_FLAGS.join(' ')}), Node ${process.version}, ${cpus().length} cores, localhost, renderer ${opts.renderer}`,
    );

    if (opts.resultsOnly) {
      await resultsPageSection(context, opts.resultsRuns, opts.runs, say, progress);
      return 0;
    }

    // 1. Menu interactive, cold and warm, beside a bare Phaser page.
    const renderer = opts.renderer === 'auto' ? '' : `?renderer=${opts.renderer}`;
    progress('menu loads');
    const menuCold: number[] = [];
    const viewCold: number[] = [];
    const menuWarm: number[] = [];
    const viewWarm: number[] = [];
    const bareCold: number[] = [];
    const bareWarm: number[] = [];
    const bytesCold: number[] = [];
    const menuSlow: number[] = [];
    for (let i = 0; i < opts.runs; i++) {
      const c = await measureLoad(context, `${baseUrl}/${renderer}`, true);
      menuCold.push(c.menu);
      bytesCold.push(c.bytes);
      menuSlow.push((await measureLoad(context, `${baseUrl}/${renderer}`, true, 4)).menu);
      if (c.view !== null) viewCold.push(c.view);
      const b = await measureLoad(context, `${baseUrl}/${bare.html}`, true);
      bareCold.push(b.menu);
    }
    await measureLoad(context, `${baseUrl}/${renderer}`, false); // prime the cache
    await measureLoad(context, `${baseUrl}/${bare.html}`, false);
    for (let i = 0; i < opts.runs; i++) {
      const w = await measureLoad(context, `${baseUrl}/${renderer}`, false);
      menuWarm.push(w.menu);
      if (w.view !== null) viewWarm.push(w.view);
      bareWarm.push((await measureLoad(context, `${baseUrl}/${bare.html}`, false)).menu);
    }
    say('');
    say(
      '1. Menu interactive: ms from navigation start until "New game" is enabled, visible and focusable',
    );
    say(`   game menu, cold cache:        ${spread(menuCold)}`);
    say(`   game menu, warm cache:        ${spread(menuWarm)}`);
    say(
      `   bare Phaser page, cold cache: ${spread(bareCold)}   (our Phaser chunk, one empty scene, button enabled in create())`,
    );
    say(`   bare Phaser page, warm cache: ${spread(bareWarm)}`);
    say(
      `   for reference, the game's map backdrop drawn (Phaser ready): cold ${spread(viewCold)}; warm ${spread(viewWarm)}`,
    );
    say(
      `   budget ≈1 s: ${median(menuCold) <= 1000 ? 'met' : 'NOT met'} (cold median ${Math.round(median(menuCold))} ms)`,
    );
    say(`   game menu, cold cache, CPU slowed 4× (a low-end Chromebook): ${spread(menuSlow)}`);
    say(
      `   budget ≤2.5 s at 4×: ${median(menuSlow) <= 2500 ? 'met' : 'NOT met'} (median ${Math.round(median(menuSlow))} ms)`,
    );
    say(
      `   transferred over the wire per cold load (menu and map, compressed, with headers): ${spread(
        bytesCold.map((b) => b / 1024),
        'kB',
      )}`,
    );

    // 2 to 5. A whole game.
    const partial: Partial<GameFigures> = {};
    let game: GameFigures | null = null;
    let why = '';
    let at = '';
    progress('a whole game as Pyongyang against the computer players');
    try {
      game = await playWholeGame(
        context,
        baseUrl,
        opts,
        (w) => {
          at = w;
          progress(w);
        },
        partial,
      );
    } catch (e) {
      why = `the game flow could not be driven (at ${at}: ${(e as Error).message.split('\n')[0]})`;
    }
    const results = await phaserFetches(context, `${baseUrl}/results`);
    const explorer = await phaserFetches(context, `${baseUrl}/explorer.html`);
    const mainHasPhaser = mainBytes
      ? /Phaser v\d|phaser\.io/.test(mainBytes.toString('utf8'))
      : null;

    say('');
    say('2. Phaser in its own chunk, loaded once');
    say(
      `   chunk: assets/${phaserFile}, ${kB(phaserBytes.length)} (${kB(gzipSync(phaserBytes).length)} gzip); main chunk ${mainFile ? `${kB(mainBytes!.length)} (${kB(gzipSync(mainBytes!).length)} gzip), ${mainHasPhaser ? 'CONTAINS Phaser code' : 'without Phaser'}` : 'not found'}`,
    );
    const reqs = game?.phaserRequests ?? partial.phaserRequests;
    say(
      `   fetched ${reqs ?? '?'} time(s) over menu → setup → ${game ? `${game.turns} turns` : 'the game (incomplete)'} → debrief → menu${game ? '' : ` (${why})`}: ${reqs === 1 ? 'once, as it should' : 'CHECK'}`,
    );
    say(
      `   results page: ${typeof results === 'number' ? `${results} Phaser requests${results === 0 ? ' (none, as it should)' : ' — it must not load Phaser'}` : results}`,
    );
    say(
      `   explorer page: ${typeof explorer === 'number' ? `${explorer} Phaser requests` : explorer}`,
    );

    say('');
    say(
      `3. Frames per second while the map animates a turn report (1×, renderer ${opts.renderer})`,
    );
    const fps = game?.fps ?? partial.fps ?? [];
    if (fps.length === 0)
      say(`   not measured: ${game ? 'no turn report played (try --fps-turns 2)' : why}`);
    for (const f of fps)
      say(
        `   turn ${f.turn}: ${f.fps.toFixed(1)} fps (${f.frames} frames in ${f.seconds.toFixed(2)} s; longest frame ${Math.round(f.longestFrame)} ms)`,
      );
    if (fps.length > 0)
      say(
        `   budget 60 fps: ${Math.min(...fps.map((f) => f.fps)) >= 57 ? 'met' : 'NOT met'} (lowest ${Math.min(...fps.map((f) => f.fps)).toFixed(1)} fps; headless, software rendering, no GPU)`,
      );

    say('');
    say('4. Longest main-thread task when a turn resolves with computer players');
    const res = game?.resolve ?? partial.resolve ?? [];
    if (res.length === 0) say(`   not measured: ${why}`);
    else {
      const longest = Math.max(...res.map((r) => r.longest));
      const over = res.filter((r) => r.longest >= 50);
      say(
        `   ${res.length} turn resolutions: long tasks (≥ 50 ms, PerformanceObserver 'longtask'): ${over.length === 0 ? 'none' : `${over.length} turns, longest ${Math.round(longest)} ms`}`,
      );
      say(
        `   synchronous time of the "End turn" click (bots and rules included when they run in it): ${spread(res.map((r) => r.clickMs))}, longest ${res.reduce((m, r) => Math.max(m, r.clickMs), 0).toFixed(1)} ms`,
      );
      say(`   click to the report starting: ${spread(res.map((r) => r.toReportMs))}`);
      say(
        `   per turn (longest task ms): ${res.map((r) => `${r.turn}:${r.longest ? Math.round(r.longest) : '<50'}`).join(' ')}`,
      );
      if (game?.debriefLongest !== null && game?.debriefLongest !== undefined)
        say(
          `   the last turn plus the debrief appearing: longest task ${game.debriefLongest ? `${Math.round(game.debriefLongest)} ms` : 'under 50 ms'}`,
        );
      const build = game?.debriefBuild ?? [];
      if (build.length > 0) {
        const mountMs = build.find((b) => b.name === 'debrief:mount')?.ms ?? 0;
        const sections = build.filter((b) => b.name.startsWith('debrief:section'));
        say(
          `   the debrief's own work: mount ${mountMs.toFixed(1)} ms, then one task per section: ${sections.map((b) => `${b.name.replace('debrief:section ', '')} ${b.ms.toFixed(1)}`).join(', ')} ms`,
        );
      }
      say(`   budget no task over 50 ms: ${over.length === 0 ? 'met' : 'NOT met'}`);
    }

    say('');
    say('5. JS heap (after garbage collection; CDP Performance.getMetrics)');
    const hm = game?.heapMenu ?? partial.heapMenu ?? null;
    const hg = game?.heapAfterGame ?? null;
    say(
      `   at the menu, Phaser loaded: ${hm ? `${MB(hm.used)} used of ${MB(hm.total)}` : `not measured: ${why}`}`,
    );
    say(
      `   after a whole game (${game?.turns ?? 0} turns, at the debrief): ${hg ? `${MB(hg.used)} used of ${MB(hg.total)}` : `not measured: ${why || 'the game did not finish'}`}`,
    );
    if (hg) say(`   budget under 100 MB: ${hg.used < 100 * 1048576 ? 'met' : 'NOT met'}`);
    await resultsPageSection(context, opts.resultsRuns, opts.runs, say, progress);
    return 0;
  } finally {
    await context?.close().catch(() => undefined);
    await app.close();
    rmSync(profile, { recursive: true, force: true });
    cleanup();
    // The dist folder holds only what the build wrote.
    for (const f of bare.files) if (!opts.keepBare && existsQuiet(f)) rmSync(f, { force: true });
  }
}

function existsQuiet(f: string): boolean {
  try {
    statSync(f);
    return true;
  } catch {
    return false;
  }
}

main().then(
  (code) => process.exit(code),
  (e: unknown) => {
    process.stderr.write(`bench:page failed: ${e instanceof Error ? e.message : String(e)}\n`);
    process.exit(1);
  },
);
