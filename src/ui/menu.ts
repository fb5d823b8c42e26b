/**
 * The main menu: a DOM panel over the map backdrop. It is mounted before Phaser has loaded, so
 * it is usable at once. The page (and later the store) supplies what each button does.
 */
import { EMBLEM_URL } from './assets';
import { aboutSources, howToPlay } from './content';
import { openReader } from './dialog';
import { h } from './dom';
import { announce } from './live';
import { CAPITAL_STYLE, type CapitalId } from './theme';

export interface MenuCallbacks {
  onNewGame(): void;
  /** Only called while a save exists (see MenuOptions.save / MenuHandle.setSave). */
  onContinue(): void;
  /** A scenario file picked with the file picker or dropped on the menu. */
  onLoadScenarioFile(file: File): void;
}

export interface SaveSummary {
  /** E.g. "Kyiv · turn 5 of 12 · February 2025". */
  label: string;
}

export interface MenuOptions {
  save?: SaveSummary | null;
}

export interface MenuHandle {
  readonly element: HTMLElement;
  setSave(save: SaveSummary | null): void;
  /** Loader progress 0-1; null hides the indicator. */
  setLoading(progress: number | null): void;
  /** A message under the buttons (e.g. a scenario file that did not validate); null clears it. */
  setMessage(text: string | null, kind?: 'info' | 'error'): void;
  focusFirst(): void;
  destroy(): void;
}

const SCENARIO_ACCEPT = '.yaml,.yml,.json,application/json,application/yaml,text/yaml';

export function mountMenu(
  root: HTMLElement,
  callbacks: MenuCallbacks,
  options: MenuOptions = {},
): MenuHandle {
  const continueNoteId = 'menu-continue-note';
  const btn = (label: string, extra: Record<string, string> = {}): HTMLButtonElement =>
    h('button', { type: 'button', class: 'btn', ...extra }, label);

  const newGame = btn('New game', { class: 'btn btn-primary' });
  const cont = btn('Continue', { 'aria-describedby': continueNoteId });
  const continueNote = h('p', { class: 'menu-note', id: continueNoteId });
  const load = btn('Load scenario file');
  const how = btn('How to play');
  const about = btn('About the sources');
  const fileInput = h('input', {
    type: 'file',
    accept: SCENARIO_ACCEPT,
    class: 'visually-hidden',
    tabindex: -1,
    'aria-hidden': 'true',
  });
  const message = h('p', { class: 'menu-note', role: 'alert', hidden: true });

  const progress = h('progress', { max: 100, value: 0, 'aria-label': 'Loading the map' });
  const progressText = h('span', {}, 'Loading the map…');
  const loadStatus = h('div', { class: 'load-status' }, progressText, progress);

  const emblems = (Object.keys(EMBLEM_URL) as CapitalId[]).map((c) =>
    h('img', { src: EMBLEM_URL[c], alt: '', width: 40, height: 40, title: CAPITAL_STYLE[c].name }),
  );

  const element = h(
    'section',
    { class: 'menu-screen', 'aria-labelledby': 'menu-title' },
    h(
      'div',
      { class: 'menu' },
      h('div', { class: 'menu-emblems', 'aria-hidden': 'true' }, ...emblems),
      h('h1', { id: 'menu-title', class: 'menu-title' }, 'Three Capitals'),
      h(
        'p',
        { class: 'menu-lede' },
        'Pyongyang, Moscow and Kyiv bargain over soldiers, shells, oil and technology on the Kursk front, ' +
          '2024–2025. The capitals trade. The soldiers pay.',
      ),
      h(
        'nav',
        { 'aria-label': 'Main menu' },
        h(
          'ul',
          { class: 'menu-buttons' },
          h('li', {}, newGame),
          h('li', {}, cont, continueNote),
          h('li', {}, load),
          h('li', {}, how),
          h('li', {}, about),
        ),
        fileInput,
        message,
      ),
      h(
        'div',
        { class: 'menu-footer' },
        loadStatus,
        h(
          'p',
          { style: 'margin: 0' },
          'A classroom simulation. Its figures are estimates from two published sources; many are not independently verified.',
        ),
      ),
    ),
  );

  let hasSave = false;
  const setSave = (save: SaveSummary | null): void => {
    hasSave = save !== null;
    // aria-disabled (not `disabled`) keeps the button focusable, so its explanation is read out.
    if (hasSave) {
      cont.removeAttribute('aria-disabled');
      cont.classList.remove('is-disabled');
      continueNote.textContent = `Saved game: ${save!.label}`;
    } else {
      cont.setAttribute('aria-disabled', 'true');
      cont.classList.add('is-disabled');
      continueNote.textContent =
        'No saved game on this device yet. Start a new game: it saves after every move.';
    }
  };
  setSave(options.save ?? null);

  const setMessage = (text: string | null, kind: 'info' | 'error' = 'info'): void => {
    message.hidden = text === null;
    message.textContent = text ?? '';
    message.classList.toggle('is-error', kind === 'error');
  };

  newGame.addEventListener('click', () => callbacks.onNewGame());
  cont.addEventListener('click', () => {
    if (!hasSave) {
      announce('There is no saved game on this device yet.');
      return;
    }
    callbacks.onContinue();
  });
  load.addEventListener('click', () => fileInput.click());
  fileInput.addEventListener('change', () => {
    const file = fileInput.files?.[0];
    fileInput.value = '';
    if (file) callbacks.onLoadScenarioFile(file);
  });
  how.addEventListener('click', () => openReader('How to play', howToPlay()));
  about.addEventListener('click', () => openReader('About the sources', aboutSources()));

  // Drag and drop a scenario file anywhere on the menu.
  const onDragOver = (e: DragEvent): void => {
    if (!e.dataTransfer || !Array.from(e.dataTransfer.types).includes('Files')) return;
    e.preventDefault();
    element.classList.add('drop-active');
  };
  const onDragLeave = (e: DragEvent): void => {
    if (e.target === element) element.classList.remove('drop-active');
  };
  const onDrop = (e: DragEvent): void => {
    element.classList.remove('drop-active');
    const file = e.dataTransfer?.files?.[0];
    if (!file) return;
    e.preventDefault();
    callbacks.onLoadScenarioFile(file);
  };
  element.addEventListener('dragover', onDragOver);
  element.addEventListener('dragleave', onDragLeave);
  element.addEventListener('drop', onDrop);

  root.appendChild(element);

  return {
    element,
    setSave,
    setLoading(p) {
      loadStatus.hidden = p === null;
      if (p === null) return;
      const pct = Math.round(Math.min(1, Math.max(0, p)) * 100);
      progress.value = pct;
      progressText.textContent = pct >= 100 ? 'Map ready' : `Loading the map… ${pct}%`;
      if (pct >= 100) setTimeout(() => (loadStatus.hidden = true), 600);
    },
    setMessage,
    focusFirst() {
      newGame.focus();
    },
    destroy() {
      element.remove();
    },
  };
}
