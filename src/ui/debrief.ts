/**
 * The debrief: what the game cost the soldiers, each capital's outcome and score, the main metrics
 * month by month, the player's decisions beside what the sources report, the scenario's
 * discussion questions, and the ways to keep and compare the game (download the record, submit it
 * to the class board, open the outcome explorer).
 *
 *   const d = mountDebrief(ui, { state, record, ledger, playerSeats, onNewGame, onMenu });
 *   d.destroy();
 *
 * The debrief covers the viewport (position: fixed) over whatever is behind it, so the caller may
 * mount it anywhere (e.g. the #ui layer); the Phaser Debrief scene (the front as the game left it)
 * shows faintly through the top. Every text is set as text (textContent), never as HTML.
 *
 * The pure helpers (pseudonym, file name, submission and its retry queue) are exported for the
 * Node tests; none of them touches the DOM at import time.
 */
import './debrief.css';

import { CAPITALS, type Capital, type GameRecord, type GameState } from '../engine';
import type { Ledger } from '../ledger';
import { h } from './dom';
import { chartsSection } from './debrief-charts';
import { costSection } from './debrief-cost';
import { decisionsSection } from './debrief-decisions';
import { keepSection } from './debrief-keep';
import { questionsSection } from './debrief-questions';
import { type FetchLike, type KeyValue, STORAGE_KEYS } from './debrief-record';
import { scenarioWords } from './debrief-scenario-words';
import { scoresSection } from './debrief-scores';
import { describeGame } from './debrief-words';

// The pure helpers live in the modules named for what they serve; re-exported here so that
// callers and the Node tests import the debrief from one place.
export {
  explorerHref,
  fileSafe,
  hash32,
  pendingSubmissions,
  queuePending,
  readArray,
  recordFileName,
  recordKey,
  rememberResult,
  removePending,
  resultsLink,
  retryPending,
  STORAGE_KEYS,
  submissionBody,
  submitResult,
  suggestPseudonym,
  type FetchLike,
  type KeyValue,
  type PendingSubmission,
  type RetryReport,
  type Submission,
  type SubmitOutcome,
} from './debrief-record';
export { scenarioWords, type ScenarioWords } from './debrief-scenario-words';
export {
  fates,
  objectivesCountingSoldiers,
  pawnCounts,
  pawnUnit,
  scoreNouns,
  type Fate,
} from './debrief-numbers';

export interface DebriefOptions {
  state: GameState;
  record: GameRecord;
  /** The scenario's source text when it came from a file (not built in). */
  scenarioText?: string;
  /** The stored result and turn this game continued from ("fork from this turn"). */
  forkedFrom?: { resultId: string; turn: number };
  ledger: Ledger;
  /** The capitals human players held (one, or several in hot-seat). */
  playerSeats: Capital[];
  onNewGame(): void;
  onMenu(): void;
}

export interface DebriefHandle {
  destroy(): void;
}

/** localStorage, or null where the browser refuses it (storage blocked or disabled). */
function safeStorage(): KeyValue | null {
  try {
    const s = globalThis.localStorage;
    return s ?? null;
  } catch {
    return null;
  }
}

// =============================================================================================
// Mount
// =============================================================================================

/** Times a piece of the debrief's work as a performance measure (npm run bench:page reads them). */
function timed<T>(name: string, fn: () => T): T {
  const start = performance.now();
  try {
    return fn();
  } finally {
    try {
      performance.measure(name, { start, end: performance.now() });
    } catch {
      /* no User Timing: nothing to record */
    }
  }
}

export function mountDebrief(root: HTMLElement, opts: DebriefOptions): DebriefHandle {
  return timed('debrief:mount', () => mount(root, opts));
}

function mount(root: HTMLElement, opts: DebriefOptions): DebriefHandle {
  const { state, record, ledger } = opts;
  const humans = CAPITALS.filter((c) => opts.playerSeats.includes(c));
  const humanSet = new Set(humans);
  const storage = safeStorage();
  const abort = new AbortController();
  const fetchFn: FetchLike = (input, init) => globalThis.fetch(input, init);

  // "Your game" for the outcome explorer.
  try {
    storage?.setItem(
      STORAGE_KEYS.lastGame,
      JSON.stringify({
        scenario: { id: state.rules.scenarioId, hash: state.rules.scenarioHash },
        metrics: state.metrics,
      }),
    );
  } catch {
    /* storage refused: the explorer link still opens, without "your game" */
  }

  const title = h('h1', { id: 'debrief-title', tabindex: -1 }, 'Debrief');
  const navButton = (label: string, fn: () => void, primary = false) => {
    const b = h('button', { type: 'button', class: `btn${primary ? ' btn-primary' : ''}` }, label);
    b.addEventListener('click', fn);
    return b;
  };
  const nav = (where: string) =>
    h(
      'nav',
      { class: 'db-nav', 'aria-label': where },
      navButton('New game', () => opts.onNewGame(), true),
      navButton('Menu', () => opts.onMenu()),
    );

  // The head and the human cost at once; the rest section by section, one task each, so that no
  // task runs long when the debrief opens (DESIGN §6). Each section has its place already.
  const later: [HTMLElement, string, () => HTMLElement][] = [
    [h('div'), 'scores', () => scoresSection(state, record, humanSet)],
    [h('div'), 'decisions', () => decisionsSection(state, record, humans, ledger)],
    [h('div'), 'charts', () => chartsSection(state)],
    [
      h('div'),
      'questions',
      () => questionsSection(scenarioWords(state.rules.scenarioId, opts.scenarioText, ledger)),
    ],
    [h('div'), 'keep', () => keepSection({ opts, storage, signal: abort.signal, fetchFn })],
  ];
  const element = h(
    'section',
    {
      class: 'debrief',
      'aria-labelledby': 'debrief-title',
      'data-debrief': 'true',
      'aria-busy': 'true',
    },
    h(
      'div',
      { class: 'debrief-inner' },
      h(
        'header',
        { class: 'db-head' },
        h(
          'div',
          {},
          h('p', { class: 'db-kicker' }, state.rules.title),
          title,
          h('p', { class: 'db-meta' }, describeGame(state, humans)),
        ),
        nav('Leave the debrief'),
      ),
      costSection(state),
      ...later.map(([slot]) => slot),
      h('footer', { class: 'db-foot' }, nav('Leave the debrief (bottom)')),
    ),
  );

  root.append(element);
  element.scrollTop = 0;
  title.focus();

  let fast: ReturnType<typeof setTimeout> | null = null;
  let slow: ReturnType<typeof setTimeout> | null = null;
  let frame: number | null = null;
  const cancel = (): void => {
    if (fast !== null) clearTimeout(fast);
    if (slow !== null) clearTimeout(slow);
    if (frame !== null) cancelAnimationFrame(frame);
    fast = slow = frame = null;
  };
  const build = (): void => {
    cancel();
    if (abort.signal.aborted) return;
    const next = later.shift();
    if (next) {
      const [slot, name, make] = next;
      timed(`debrief:section ${name}`, () => slot.replaceWith(make()));
    }
    if (later.length > 0) schedule();
    else {
      element.removeAttribute('aria-busy');
      element.dataset['ready'] = 'true';
    }
  };
  // Right after the next frame (the browser paints what is there), or soon in a hidden tab.
  const schedule = (): void => {
    frame = requestAnimationFrame(() => {
      frame = null;
      fast = setTimeout(build, 0);
    });
    slow = setTimeout(build, 100);
  };
  schedule();

  return {
    destroy() {
      abort.abort();
      cancel();
      for (const d of document.querySelectorAll<HTMLDialogElement>('dialog.reader[open]'))
        d.close();
      element.remove();
    },
  };
}
