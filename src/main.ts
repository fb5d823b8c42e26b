/**
 * Entry point and the game's flow: menu → setup → game → debrief, on the real store and engine.
 *
 * The DOM menu is mounted at once (no Phaser needed), so it is usable within a second; Phaser
 * arrives in its own chunk through the dynamic import of src/game and draws the backdrop.
 *
 * URL parameters: `?scenario=<same-origin url>` opens setup on that scenario; `?seed=<text>`
 * fills the seed; `?fork=<resultId>&turn=<n>` continues a stored result from turn n (the
 * results API); `?renderer=canvas` for headless tests; `?test=1` exposes `window.__tc` (the
 * store) for end-to-end tests; `?view=map-fixture` is the map's visual test page.
 */
import './ui/styles.css';

import { hashState } from './engine';
import type { Capital, FigureChoice, GameRecord } from './engine/types';
import type { GameView } from './game/index';
import { rendererFromQuery } from './game/renderer';
import {
  createGameStore,
  figureChoicesOf,
  loadSave,
  originOf,
  SAVE_KEY,
  type GameOrigin,
  type KeyValueStorage,
  type LessonLength,
  type SaveProblem,
} from './store';
import { resolveScenario } from './scenario';
import { downloadText, openChoice } from './ui/choice';
import { h } from './ui/dom';
import { setScreen } from './ui/gameScreen';
import { capitalName, CAPITAL_IDS } from './ui/labels';
import { announce } from './ui/live';
import { mountMenu, type MenuHandle } from './ui/menu';
import { mountPlay } from './ui/play';
import {
  assumptionsOfGame,
  builtInScenarios,
  getLedger,
  loadScenarioFile,
  loadScenarioText,
  loadScenarioUrl,
  type ScenarioOption,
} from './ui/scenarios';
import { canShorten, mountSetup, randomSeed } from './ui/setup';
import { turnInfoText } from './ui/gameScreen';
import { openReader } from './ui/dialog';
import { knowsAssumptions, rememberAssumptions } from './ui/sourceCard';
import { applyTheme } from './ui/theme';
import {
  classHasRooms,
  openRoomByClass,
  openRoomBySeat,
  resumeToken,
  type RoomFlowDeps,
} from './ui/room-flow';

function byId(id: string): HTMLElement {
  const el = document.getElementById(id);
  if (!el) throw new Error(`index.html has no #${id}`);
  return el;
}

applyTheme();
const app = byId('app');
const ui = byId('ui');
const gameEl = byId('game');
const renderer = rendererFromQuery(location.search);
const params = new URLSearchParams(location.search);

if (params.get('view') === 'map-fixture') {
  void import('./ui/mapFixturePage').then((m) =>
    m.mountMapFixturePage({ app, ui, gameEl, renderer }),
  );
} else {
  startApp();
}

/** localStorage, or nothing when the browser refuses it (private mode, blocked storage). */
function browserStorage(): KeyValueStorage | null {
  try {
    const s = window.localStorage;
    const probe = 'three-capitals.probe';
    s.setItem(probe, '1');
    s.removeItem(probe);
    return s;
  } catch {
    return null;
  }
}

function startApp(): void {
  const storage = browserStorage();
  const store = createGameStore(storage, () => new Date().toISOString());
  if (params.get('test') === '1')
    (window as unknown as { __tc: unknown }).__tc = {
      store,
      record: () => store.getState().record(),
      hash: () => {
        const s = store.getState().session;
        return s ? hashState(s.state) : null;
      },
    };

  let menu: MenuHandle | null = null;
  let screen: { destroy(): void } | null = null;
  let sectorHandler: ((id: string | null) => void) | null = null;
  let view: GameView | null = null;

  const viewReady: Promise<GameView> = import('./game/index').then(({ bootGame }) =>
    bootGame({
      parent: gameEl,
      renderer,
      onProgress: (p) => menu?.setLoading(p),
      onSectorSelect: (id) => sectorHandler?.(id),
    }),
  );
  void viewReady.then((v) => {
    view = v;
    app.dataset['viewReady'] = 'true';
  });
  const withView = (fn: (v: GameView) => unknown): void => {
    void viewReady.then((v) => fn(v));
  };

  function clearScreen(): void {
    screen?.destroy();
    screen = null;
    menu?.destroy();
    menu = null;
    for (const d of document.querySelectorAll('dialog[open]')) (d as HTMLDialogElement).close();
  }

  // --- Saves ---------------------------------------------------------------------------------
  /** Where the saved game came from (read without replaying it). */
  function savedOrigin(): GameOrigin | undefined {
    try {
      const raw = storage?.getItem(SAVE_KEY);
      return raw ? originOf((JSON.parse(raw) as { origin?: unknown }).origin) : undefined;
    } catch {
      return undefined;
    }
  }

  /**
   * The address bar names the game being played (its class or the result it continues), so a
   * reload lands on the same game: the start-up below resumes a saved game whose origin matches
   * the link instead of opening the class's setup or the fork dialog again.
   */
  function showOriginInUrl(origin: GameOrigin | undefined, lesson?: LessonLength): void {
    const next = new URLSearchParams();
    for (const keep of ['test', 'renderer']) {
      const v = params.get(keep);
      if (v !== null) next.set(keep, v);
    }
    if (origin?.kind === 'class') {
      next.set('class', origin.code);
      if (lesson === 'short') next.set('lesson', 'short');
    }
    if (origin?.kind === 'fork') {
      next.set('fork', origin.result);
      next.set('turn', String(origin.turn));
    }
    const q = next.toString();
    history.replaceState(history.state, '', `${location.pathname}${q ? `?${q}` : ''}`);
  }

  function saveSummary(): { label: string; over: boolean } | { problem: SaveProblem } | null {
    const raw = store.getState().rawSave();
    if (raw === null) return null;
    const loaded = loadSave(raw);
    if (!loaded) return null;
    if (!loaded.ok) return { problem: loaded.problem };
    const st = loaded.state;
    const mine = CAPITAL_IDS.filter((c) => loaded.save.seats[c] === 'human').map((c) =>
      capitalName(st, c),
    );
    const over = st.ctx.phase === 'over';
    const when = over
      ? 'finished'
      : turnInfoText(st.ctx.turn, st.rules.calendar.turns, st.ctx.date).replace('Turn', 'turn');
    return { label: `${mine.join(' and ')} · ${when}`, over };
  }

  function saveProblemDialog(problem: SaveProblem, onBack: () => void): void {
    const why =
      problem.kind === 'newer'
        ? 'This version of Three Capitals is older than the one that saved the game, so it cannot open it safely.'
        : problem.kind === 'outdated'
          ? 'The rules have changed since the game was saved, so it would not play out the same way.'
          : 'The saved data is damaged, so the game cannot be rebuilt from it.';
    openChoice({
      title: 'Your saved game cannot be opened',
      className: 'save-problem',
      body: h(
        'div',
        {},
        h('p', {}, problem.message),
        h('p', {}, why),
        h(
          'p',
          {},
          'You can download the saved data (a teacher may be able to recover it), start a new game (this deletes the saved one), or keep it and go back.',
        ),
      ),
      buttons: [
        {
          label: 'Download the damaged save',
          onChoose: () => {
            const raw = store.getState().rawSave();
            if (raw !== null) downloadText('three-capitals-damaged-save.json', raw);
            announce('The saved data was downloaded.');
            return false;
          },
        },
        {
          label: 'Start a new game',
          onChoose: () => {
            store.getState().discardSave();
            setTimeout(() => void showSetup(), 0);
          },
        },
        { label: 'Keep it and go back', primary: true, onChoose: () => onBack() },
      ],
      onCancel: onBack,
    });
  }

  function continueGame(): void {
    const st = store.getState();
    if (st.resume()) {
      showGame();
      return;
    }
    const problem = store.getState().saveProblem;
    if (problem) saveProblemDialog(problem, () => menu?.focusFirst());
    else menu?.setMessage('There is no saved game on this device.', 'error');
  }

  // --- Menu ----------------------------------------------------------------------------------
  function showMenu(opts: { offerContinue?: boolean } = {}): void {
    clearScreen();
    setScreen(app, 'menu');
    const summary = saveSummary();
    menu = mountMenu(
      ui,
      {
        onNewGame: () => void showSetup(),
        onContinue: () => continueGame(),
        onLoadScenarioFile: (file) => void loadFileFromMenu(file),
        // The class link's own flow (joinClass below) opens setup locked to the class.
        onJoinClass: (code) => {
          // A personal resume code typed here goes straight back to the student's room seat.
          const seat = resumeToken(code);
          window.location.assign(seat ? `/?seat=${seat}` : `/?class=${encodeURIComponent(code)}`);
        },
      },
      {
        save:
          summary === null
            ? null
            : 'label' in summary
              ? summary
              : { label: 'it cannot be opened — choose what to do' },
      },
    );
    menu.setLoading(view ? null : 0);
    withView((v) => v.showMenu().then(() => v.refreshLayout()));
    if (summary && 'label' in summary && opts.offerContinue) {
      menu.setMessage(
        summary.over
          ? `Your last game (${summary.label}) is saved. Press Continue to read its debrief again, or New game to play another.`
          : `You have a game in progress: ${summary.label}. Press Continue to carry on where you left off.`,
      );
      const cont = menu.element.querySelector<HTMLButtonElement>(
        '.menu-buttons li:nth-child(2) button',
      );
      (cont ?? menu.element.querySelector('button'))?.focus();
    } else if (!opts.offerContinue) menu.focusFirst(); // back from another screen (a fresh page starts at the top)
    if (summary && 'problem' in summary && opts.offerContinue)
      saveProblemDialog(summary.problem, () => menu?.focusFirst());
  }

  async function loadFileFromMenu(file: File): Promise<void> {
    menu?.setMessage(`Checking “${file.name}”…`);
    const r = await loadScenarioFile(file);
    if (r.ok) {
      await showSetup({ extra: r.option });
      return;
    }
    menu?.setMessage(
      `“${r.fileName}” cannot be played: ${r.problems.length} problem${r.problems.length === 1 ? '' : 's'}.`,
      'error',
    );
    openReader(
      `Problems in ${r.fileName}`,
      h(
        'ul',
        { class: 'problem-list' },
        ...r.problems.map((line) => h('li', {}, h('code', {}, line))),
      ),
    );
  }

  // --- Setup ---------------------------------------------------------------------------------
  async function showSetup(
    opts: {
      extra?: ScenarioOption;
      problems?: { fileName: string; lines: string[] };
      seed?: string;
      figures?: FigureChoice;
      fixed?: {
        note: string;
        scenario: boolean;
        seed: boolean;
        figures: boolean;
        lesson?: boolean;
      };
      origin?: GameOrigin;
      lesson?: LessonLength;
    } = {},
  ): Promise<void> {
    clearScreen();
    setScreen(app, 'setup');
    const ledger = getLedger();
    const scenarios = [...builtInScenarios()];
    // A linked or loaded file that is a built-in scenario selects the built-in.
    let selectedKey = opts.extra?.key;
    if (opts.extra) {
      const same = scenarios.find((o) => o.loaded.hash === opts.extra!.loaded.hash);
      if (same) selectedKey = same.key;
      else scenarios.push(opts.extra);
    }
    const setup = mountSetup(
      ui,
      {
        onBack: () => showMenu(),
        onLoadFile: (file) => loadScenarioFile(file),
        onStart: (choice) => {
          const rules = resolveScenario(
            choice.option.loaded.scenario,
            ledger,
            figureChoicesOf(choice.figures),
            choice.option.loaded.hash,
          );
          store.getState().newGame({
            rules,
            seed: choice.seed,
            figureChoices: figureChoicesOf(choice.figures),
            seats: choice.seats,
            ...(choice.option.builtIn ? {} : { scenarioText: choice.option.text }),
            ...(opts.origin ? { origin: opts.origin } : {}),
            ...(choice.lesson === 'short' ? { lesson: 'short' as const } : {}),
          });
          showGame();
        },
      },
      {
        scenarios,
        ...(selectedKey ? { selectedKey } : {}),
        seed: opts.seed ?? (params.get('seed')?.trim() || randomSeed()),
        ledger,
        problems: opts.problems ?? null,
        ...(opts.figures ? { figures: opts.figures } : {}),
        ...(opts.fixed ? { fixed: opts.fixed } : {}),
        ...(opts.lesson ? { lesson: opts.lesson } : {}),
      },
    );
    screen = setup;
    setup.focusFirst();
    withView((v) => v.showSetup().then(() => v.refreshLayout()));
  }

  // --- Game ----------------------------------------------------------------------------------
  function showGame(): void {
    const s = store.getState().session;
    if (!s) return showMenu();
    clearScreen();
    // A room's address (its seat link) stays; a local game's names its class or fork.
    if (!store.getState().isLinked()) showOriginInUrl(s.origin, s.lesson);
    if (s.state.ctx.phase === 'over') return void showDebrief();
    // A game that did not come through setup (a reload, a class link, a fork) still shows
    // which of its numbers are model assumptions.
    const hash = s.state.rules.scenarioHash;
    if (!knowsAssumptions(hash)) rememberAssumptions(hash, assumptionsOfGame(hash, s.scenarioText));
    setScreen(app, 'game');
    screen = mountPlay({
      app,
      ui,
      store,
      ledger: getLedger(),
      view: viewReady,
      setSectorHandler: (fn) => (sectorHandler = fn),
      onGameOver: () => void showDebrief(),
      onLeave: () => {
        store.getState().quit();
        showMenu();
      },
      onDownloadRecord: downloadRecord,
    });
  }

  function downloadRecord(): void {
    const st = store.getState();
    const r = st.record();
    if (!r) return;
    const turn = st.session?.state.ctx.turn ?? 0;
    const seed = r.seed.replace(/[^\w-]+/g, '_').slice(0, 40);
    downloadText(
      `three-capitals-${r.scenario.id}-${seed}-turn${turn}.json`,
      JSON.stringify(r, null, 2),
    );
    announce('The game record was downloaded.');
  }

  function scenarioTextFor(id: string, hash: string, carried?: string): string | undefined {
    if (carried !== undefined) return carried;
    return builtInScenarios().find((o) => o.loaded.scenario.id === id && o.loaded.hash === hash)
      ?.text;
  }

  // --- Debrief -------------------------------------------------------------------------------
  async function showDebrief(): Promise<void> {
    const st = store.getState();
    const s = st.session;
    const record = st.record();
    if (!s || !record) return showMenu();
    clearScreen();
    setScreen(app, 'debrief');
    // The debrief (src/ui/debrief.ts) covers the viewport; it loads in its own chunk.
    const host = h('div', { class: 'debrief-host', id: 'debrief' });
    ui.appendChild(host);
    let handle: { destroy(): void } | null = null;
    let gone = false;
    screen = {
      destroy() {
        gone = true;
        handle?.destroy();
        host.remove();
      },
    };
    withView((v) => v.showDebrief(s.state).then(() => v.refreshLayout()));
    let mountDebrief: typeof import('./ui/debrief').mountDebrief;
    try {
      ({ mountDebrief } = await import('./ui/debrief'));
    } catch (e) {
      console.error(e);
      host.appendChild(
        h(
          'p',
          { class: 'banner', role: 'alert' },
          'The debrief could not be loaded. Reload the page: your finished game is saved.',
        ),
      );
      return;
    }
    if (gone) return;
    const scenarioText = scenarioTextFor(
      s.state.rules.scenarioId,
      s.state.rules.scenarioHash,
      s.scenarioText,
    );
    handle = mountDebrief(host, {
      state: s.state,
      record,
      ...(scenarioText !== undefined ? { scenarioText } : {}),
      ...(s.origin?.kind === 'fork'
        ? { forkedFrom: { resultId: s.origin.result, turn: s.origin.turn } }
        : {}),
      ledger: getLedger(),
      playerSeats: CAPITAL_IDS.filter((c) => s.seats[c] === 'human'),
      // A class game's New game stays in the class: its scenario, seed and figures again.
      onNewGame: () =>
        void (s.origin?.kind === 'class'
          ? joinClass(s.origin.code, s.lesson ?? null)
          : showSetup()),
      onMenu: () => {
        store.getState().quit();
        showMenu();
      },
    });
    const heading = host.querySelector<HTMLElement>('h1, h2');
    if (heading) {
      if (!heading.hasAttribute('tabindex')) heading.setAttribute('tabindex', '-1');
      heading.focus();
    }
  }

  // --- Fork from a stored result -------------------------------------------------------------
  async function forkFromResult(id: string, turn: number): Promise<void> {
    showMenu();
    menu?.setMessage(`Opening the stored game to continue it from turn ${turn}…`);
    interface ForkAnswer {
      record: GameRecord;
      scenario?: { id: string; hash: string; builtIn?: boolean };
      scenarioText?: string | null;
    }
    let data: ForkAnswer;
    try {
      const res = await fetch(`/api/results/${encodeURIComponent(id)}/fork?turn=${turn}`, {
        headers: { Accept: 'application/json' },
      });
      if (!res.ok) {
        const body = (await res.json().catch(() => null)) as { message?: string } | null;
        throw new Error(body?.message ?? `the server answered ${res.status}`);
      }
      data = (await res.json()) as ForkAnswer;
    } catch (e) {
      menu?.setMessage(
        `Could not open the stored game to continue it from turn ${turn}: ${e instanceof Error && e.message !== 'Failed to fetch' ? e.message : 'the results server cannot be reached'}. Check the link, or start a new game.`,
        'error',
      );
      return;
    }
    const record = data.record;
    const builtIn = builtInScenarios().find(
      (o) => o.loaded.scenario.id === record.scenario.id && o.loaded.hash === record.scenario.hash,
    );
    let option: ScenarioOption | undefined = builtIn;
    if (!option && typeof data.scenarioText === 'string') {
      const r = loadScenarioText(data.scenarioText, `${record.scenario.id}.yaml`);
      if (r.ok) option = r.option;
    }
    if (!option) {
      menu?.setMessage(
        'The scenario of this stored game is not available in this version of the game.',
        'error',
      );
      return;
    }
    const picked = option;
    const wasHuman = CAPITAL_IDS.find((c) => record.seats[c] === 'human') ?? 'pyongyang';
    const hadSave = store.getState().hasSave();
    openChoice({
      title: `Continue this game from turn ${turn}`,
      body: h(
        'div',
        {},
        h(
          'p',
          {},
          `${picked.title}. The game replays to the start of turn ${turn}; from there the choices are yours. Which capital do you play?`,
        ),
        hadSave ? h('p', {}, 'This replaces the game saved on this device.') : null,
      ),
      buttons: [
        ...CAPITAL_IDS.map((c) => ({
          label: `Play ${c === 'pyongyang' ? 'Pyongyang' : c === 'moscow' ? 'Moscow' : 'Kyiv'}`,
          primary: c === wasHuman,
          onChoose: () => {
            const seats = {} as Record<Capital, string>;
            for (const k of CAPITAL_IDS)
              seats[k] =
                k === c ? 'human' : record.seats[k] === 'human' ? 'historical' : record.seats[k];
            const rules = resolveScenario(
              picked.loaded.scenario,
              getLedger(),
              record.figureChoices,
              picked.loaded.hash,
            );
            const err = store
              .getState()
              .fork(rules, record, turn, seats, picked.builtIn ? undefined : picked.text, {
                kind: 'fork',
                result: id,
                turn,
              });
            if (err) menu?.setMessage(`Could not continue the stored game: ${err}`, 'error');
            else setTimeout(() => showGame(), 0);
          },
        })),
        { label: 'Cancel' },
      ],
    });
  }

  // --- A class link: the teacher's scenario, seed and figures ---------------------------------
  async function joinClass(code: string, lessonParam: string | null): Promise<void> {
    showMenu();
    if (await classHasRooms(code)) return openRoomByClass(code, roomDeps());
    const say = (text: string, kind: 'info' | 'error' = 'info') => menu?.setMessage(text, kind);
    say(`Opening class ${code}…`);
    interface ClassAnswer {
      code: string;
      scenario: { id: string; hash: string; title: string | null };
      seed: string | null;
      figureChoices: { default?: FigureChoice } | null;
    }
    let info: ClassAnswer;
    let option: ScenarioOption | undefined;
    try {
      const res = await fetch(`/api/classes/${encodeURIComponent(code)}`, {
        headers: { Accept: 'application/json' },
      });
      if (!res.ok) {
        const body = (await res.json().catch(() => null)) as { message?: string } | null;
        throw new Error(body?.message ?? `the server answered ${res.status}`);
      }
      info = (await res.json()) as ClassAnswer;
      option = builtInScenarios().find((o) => o.loaded.hash === info.scenario.hash);
      if (!option) {
        const sc = await fetch(`/api/scenarios/${encodeURIComponent(info.scenario.hash)}`);
        if (!sc.ok) throw new Error(`the class's scenario cannot be loaded (${sc.status})`);
        const body = (await sc.json()) as { text: string };
        const r = loadScenarioText(body.text, `${info.scenario.id}.yaml`);
        if (!r.ok)
          throw new Error(`the class's scenario does not validate: ${r.problems[0] ?? ''}`);
        option = r.option;
      }
    } catch (e) {
      say(
        `Could not open class ${code}: ${e instanceof Error && e.message !== 'Failed to fetch' ? e.message : 'the results server cannot be reached'}. You can still start a game with New game.`,
        'error',
      );
      return;
    }
    const figures = info.figureChoices?.default;
    // The class link may carry the lesson length the teacher chose (`&lesson=short`).
    const short = lessonParam === 'short' && canShorten(option.loaded.scenario);
    const fixedParts = [
      'the scenario',
      info.seed !== null ? 'the seed' : null,
      figures ? 'the figures' : null,
      short ? 'a short lesson' : null,
    ].filter((x): x is string => x !== null);
    await showSetup({
      extra: option,
      ...(info.seed !== null ? { seed: info.seed } : {}),
      ...(figures ? { figures } : {}),
      fixed: {
        note: `Class ${info.code}: your teacher chose ${fixedParts.join(', ').replace(/, ([^,]*)$/, ' and $1')}. Submit your result to the class board from the debrief.`,
        scenario: true,
        seed: info.seed !== null,
        figures: !!figures,
        lesson: short,
      },
      origin: { kind: 'class', code: info.code },
      ...(short ? { lesson: 'short' as const } : {}),
    });
  }

  // --- Class rooms (src/ui/room-flow.ts) ----------------------------------------------------
  function roomDeps(): RoomFlowDeps {
    const keepParams = new URLSearchParams();
    for (const keep of ['test', 'renderer']) {
      const v = params.get(keep);
      if (v !== null) keepParams.set(keep, v);
    }
    return {
      ui,
      store,
      clearScreen,
      showGame,
      showDebrief: () => void showDebrief(),
      showMenu: () => showMenu(),
      keepParams,
    };
  }

  // --- Start ---------------------------------------------------------------------------------
  const forkId = params.get('fork');
  const classCode = params.get('class');
  const scenarioUrl = params.get('scenario');
  const turnParam = Math.max(1, Math.trunc(Number(params.get('turn') ?? '1')) || 1);
  const origin = savedOrigin();
  const resumesLink =
    (forkId !== null &&
      origin?.kind === 'fork' &&
      origin.result === forkId &&
      origin.turn === turnParam) ||
    (classCode !== null && origin?.kind === 'class' && origin.code === classCode.trim());
  if (resumesLink) {
    // A reload of the game's own link: carry on (a damaged save gets the save-problem dialog).
    showMenu();
    continueGame();
  } else if (params.get('seat') && resumeToken(params.get('seat')!)) {
    openRoomBySeat(resumeToken(params.get('seat')!)!, roomDeps());
  } else if (forkId) {
    void forkFromResult(forkId, turnParam);
  } else if (classCode) {
    void joinClass(classCode.trim(), params.get('lesson'));
  } else if (scenarioUrl) {
    showMenu();
    (menu as MenuHandle | null)?.setMessage('Loading the scenario from the link…');
    void loadScenarioUrl(scenarioUrl).then((r) =>
      r.ok
        ? showSetup({ extra: r.option })
        : showSetup({ problems: { fileName: r.fileName, lines: r.problems } }),
    );
  } else {
    showMenu({ offerContinue: true });
  }
}
