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
  /** A class code typed in "Join a class" (normalised: upper case, no spaces or dashes). */
  onJoinClass?(code: string): void;
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

/** Class codes: six letters and digits without look-alikes (no 0/O, 1/I/L). */
const CLASS_CODE = /^[ABCDEFGHJKMNPQRSTUVWXYZ23456789]{6}$/;

/** What a student types, forgiven: case, spaces and dashes. */
export function normaliseClassCode(input: string): string {
  return input.replace(/[\s-]/g, '').toUpperCase();
}

/** Why a typed class code cannot be right (null when it may be). */
export function classCodeProblem(code: string): string | null {
  if (code.length === 0) return 'Type the class code your teacher gave you.';
  if (code.length !== 6) return `A class code has 6 letters and digits; this has ${code.length}.`;
  if (!CLASS_CODE.test(code))
    return 'A class code has no 0, O, 1, I or L, and only letters and digits. Check it with your teacher.';
  return null;
}

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
  const join = btn('Join a class', {
    'aria-expanded': 'false',
    'aria-controls': 'menu-join-form',
  });
  const joinInput = h('input', {
    type: 'text',
    id: 'menu-join-code',
    class: 'input',
    name: 'class',
    autocomplete: 'off',
    autocapitalize: 'characters',
    spellcheck: 'false',
    maxlength: 12,
    placeholder: 'e.g. K7M2QX',
    'aria-describedby': 'menu-join-note',
    style: 'flex: 1; min-width: 8ch; text-transform: uppercase; letter-spacing: 0.1em',
  });
  const joinNote = h(
    'p',
    { class: 'menu-note', id: 'menu-join-note' },
    'Your teacher shows the code (6 letters and digits).',
  );
  const joinForm = h(
    'form',
    {
      class: 'field',
      id: 'menu-join-form',
      hidden: true,
      novalidate: true,
      style: 'margin-top: 8px',
    },
    h('label', { for: 'menu-join-code' }, 'Class code'),
    h(
      'div',
      { class: 'row' },
      joinInput,
      h(
        'button',
        { type: 'submit', class: 'btn btn-primary', style: 'width: auto; flex: 0 0 auto' },
        'Join',
      ),
    ),
    joinNote,
  );
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
          ...(callbacks.onJoinClass ? [h('li', {}, join, joinForm)] : []),
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
  const showJoin = (open: boolean): void => {
    joinForm.hidden = !open;
    join.setAttribute('aria-expanded', String(open));
    if (open) joinInput.focus();
  };
  const joinNoteText = joinNote.textContent;
  const joinProblem = (text: string | null): void => {
    joinNote.textContent = text ?? joinNoteText;
    joinNote.classList.toggle('is-error', text !== null);
    if (text === null) joinInput.removeAttribute('aria-invalid');
    else joinInput.setAttribute('aria-invalid', 'true');
  };
  join.addEventListener('click', () => showJoin(joinForm.hidden));
  joinInput.addEventListener('input', () => {
    if (joinInput.hasAttribute('aria-invalid')) joinProblem(null);
  });
  joinForm.addEventListener('keydown', (e) => {
    if (e.key !== 'Escape') return;
    e.preventDefault();
    showJoin(false);
    join.focus();
  });
  joinForm.addEventListener('submit', (e) => {
    e.preventDefault();
    const code = normaliseClassCode(joinInput.value);
    const problem = classCodeProblem(code);
    joinProblem(problem);
    if (problem) {
      announce(problem);
      joinInput.focus();
      return;
    }
    joinNote.textContent = `Opening class ${code}…`;
    callbacks.onJoinClass?.(code);
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
