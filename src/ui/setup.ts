/**
 * Setup of a new game: the scenario (built-in, or a file loaded by picker, drop or link), the
 * student's capital, who plays the other two (the computer, or classmates on this device), the
 * seed (same seed, same dice), and which value of each reported range the game starts from.
 * A form of native controls; it decides nothing about rules and calls back with the choices.
 */
import type { Capital, FigureChoice } from '../engine/types';
import { PLAYER_DESCRIPTIONS } from '../ai';
import { findFigure, type Ledger } from '../ledger';
import { EMBLEM_URL } from './assets';
import { clear, formatCount, h } from './dom';
import { CAPITAL_IDS } from './labels';
import type { LessonLength } from '../store';
import type { LoadOutcome, ScenarioOption } from './scenarios';
import { rememberAssumptions, sourceButton } from './sourceCard';
import { CAPITAL_STYLE } from './theme';

export interface SetupChoice {
  option: ScenarioOption;
  capital: Capital;
  /** 'human' or a computer player's name, for every capital. */
  seats: Record<Capital, string>;
  seed: string;
  figures: FigureChoice;
  lesson: LessonLength;
}

export interface SetupCallbacks {
  onStart(choice: SetupChoice): void;
  onBack(): void;
  /** Validates a file picked or dropped in setup. */
  onLoadFile(file: File): Promise<LoadOutcome>;
}

export interface SetupOptions {
  scenarios: ScenarioOption[];
  selectedKey?: string;
  seed: string;
  ledger: Ledger;
  /** Problems of a scenario that could not be loaded (shown at once). */
  problems?: { fileName: string; lines: string[] } | null;
  figures?: FigureChoice;
  lesson?: LessonLength;
  /** A class link fixes some choices: they are shown but cannot be changed. */
  fixed?: { note: string; scenario: boolean; seed: boolean; figures: boolean; lesson?: boolean };
}

/** A scenario of monthly turns, an even number of them, can be played as a short lesson. */
export function canShorten(sc: { calendar: { turns: number; turnMonths: number } }): boolean {
  return sc.calendar.turnMonths === 1 && sc.calendar.turns >= 8 && sc.calendar.turns % 2 === 0;
}

export interface SetupHandle {
  element: HTMLElement;
  setMessage(text: string | null): void;
  focusFirst(): void;
  destroy(): void;
}

const BRIEF: Record<Capital, string> = {
  pyongyang:
    'Send soldiers, shells and workers; set the price in oil, food, money and technology; decide what the soldiers are told.',
  moscow:
    'Pay for men and shells; decide where they fight, whether they get drone crews, and what the world is told.',
  kyiv: 'Hold the Kursk salient or pull back; aim drones at the newcomers, show prisoners, publish the evidence.',
};

const COMPUTER_PLAYERS = ['historical', 'hawk', 'dove', 'opportunist'] as const;
const PLAYER_LABEL: Record<string, string> = {
  historical: 'Computer: as history reports',
  hawk: 'Computer: hawk',
  dove: 'Computer: dove',
  opportunist: 'Computer: opportunist',
  human: 'A classmate on this device (hot-seat)',
};

const FIGURE_TEXT: Record<FigureChoice, string> = {
  low: 'Low: where the sources give a range, the game starts from its lowest value — fewer soldiers, fewer shells.',
  central:
    'Central: the middle of each reported range (our midpoint where the sources give none). The usual choice.',
  high: 'High: the top of each reported range — the largest deployment the sources consider.',
};

/** A random-looking seed such as "kursk-4821-bk". */
export function randomSeed(): string {
  const n = Math.floor(1000 + Math.random() * 9000);
  const a = 'bcdfghjkmnpqrstvwxz';
  const s = a[Math.floor(Math.random() * a.length)]! + a[Math.floor(Math.random() * a.length)]!;
  return `kursk-${n}-${s}`;
}

export function mountSetup(
  root: HTMLElement,
  callbacks: SetupCallbacks,
  options: SetupOptions,
): SetupHandle {
  const scenarios = [...options.scenarios];
  let selected: ScenarioOption | undefined =
    scenarios.find((s) => s.key === options.selectedKey) ?? scenarios[0];
  let capital: Capital | null = null;
  const seats: Record<Capital, string> = {
    pyongyang: 'historical',
    moscow: 'historical',
    kyiv: 'historical',
  };

  // --- Scenario -------------------------------------------------------------------------------
  const scenarioSelect = h('select', { id: 'setup-scenario', class: 'input' });
  const scenarioInfo = h('div', { class: 'scenario-info' });
  const fileInput = h('input', {
    type: 'file',
    accept: '.yaml,.yml,.json,application/json,application/yaml,text/yaml',
    class: 'visually-hidden',
    tabindex: -1,
    'aria-hidden': 'true',
  });
  const openFile = h('button', { type: 'button', class: 'btn btn-small' }, 'Open a scenario file…');
  const problems = h('div', { class: 'problems', role: 'alert' });

  function fillScenarios(): void {
    clear(scenarioSelect);
    for (const s of scenarios) {
      const o = h(
        'option',
        { value: s.key },
        s.builtIn ? s.title : `${s.title} (file ${s.fileName})`,
      );
      o.selected = s === selected;
      scenarioSelect.appendChild(o);
    }
  }

  function showProblems(fileName: string | null, lines: string[]): void {
    clear(problems);
    if (!fileName) return;
    problems.append(
      h(
        'p',
        {},
        h('strong', {}, `“${fileName}” cannot be played. `),
        `${lines.length} problem${lines.length === 1 ? '' : 's'}:`,
      ),
      h('ul', { class: 'problem-list' }, ...lines.map((l) => h('li', {}, h('code', {}, l)))),
    );
  }

  function showScenario(): void {
    showLesson();
    clear(scenarioInfo);
    if (!selected) return;
    const sc = selected.loaded.scenario;
    rememberAssumptions(selected.loaded.hash, selected.loaded.assumptions);
    scenarioInfo.append(
      h('p', { class: 'scenario-desc' }, sc.description),
      h(
        'p',
        { class: 'muted small' },
        `${sc.calendar.turns} turns of ${sc.calendar.turnMonths === 1 ? 'one month' : `${sc.calendar.turnMonths} months`} from ${sc.calendar.start}. By ${sc.author}, version ${sc.version}.`,
      ),
    );
    if (selected.warnings.length)
      scenarioInfo.append(
        h(
          'details',
          { class: 'warnings' },
          h(
            'summary',
            {},
            `${selected.warnings.length} warning${selected.warnings.length === 1 ? '' : 's'} in this file`,
          ),
          h(
            'ul',
            { class: 'problem-list' },
            ...selected.warnings.map((l) => h('li', {}, h('code', {}, l))),
          ),
        ),
      );
    // Capitals the scenario does not let students play.
    for (const c of CAPITAL_IDS) {
      const radio = capitalRadios.get(c);
      if (!radio) continue;
      const playable = sc.capitals[c].playable !== false;
      radio.disabled = !playable;
      if (!playable && radio.checked) {
        radio.checked = false;
        capital = null;
      }
    }
    updateSeats();
  }

  scenarioSelect.addEventListener('change', () => {
    selected = scenarios.find((s) => s.key === scenarioSelect.value);
    showProblems(null, []);
    showScenario();
  });
  openFile.addEventListener('click', () => fileInput.click());
  fileInput.addEventListener('change', () => {
    const file = fileInput.files?.[0];
    fileInput.value = '';
    if (file) void addFile(file);
  });

  async function addFile(file: File): Promise<void> {
    const r = await callbacks.onLoadFile(file);
    if (!r.ok) {
      showProblems(r.fileName, r.problems);
      return;
    }
    showProblems(null, []);
    const existing = scenarios.findIndex((s) => s.key === r.option.key);
    if (existing >= 0) scenarios.splice(existing, 1);
    scenarios.push(r.option);
    selected = r.option;
    fillScenarios();
    showScenario();
    message.textContent = `Loaded “${r.option.title}” from ${r.option.fileName}.`;
  }

  // --- Capital --------------------------------------------------------------------------------
  const capitalRadios = new Map<Capital, HTMLInputElement>();
  const capitalCards = CAPITAL_IDS.map((c) => {
    const input = h('input', {
      type: 'radio',
      name: 'setup-capital',
      value: c,
      id: `setup-capital-${c}`,
    });
    capitalRadios.set(c, input);
    input.addEventListener('change', () => {
      if (!input.checked) return;
      capital = c;
      start.disabled = false;
      updateSeats();
    });
    return h(
      'label',
      { class: 'capital-card', for: `setup-capital-${c}` },
      input,
      h('img', { src: EMBLEM_URL[c], alt: '', width: 40, height: 40 }),
      h(
        'span',
        {},
        h('strong', {}, CAPITAL_STYLE[c].name),
        h('span', { class: 'muted capital-brief' }, BRIEF[c]),
      ),
    );
  });

  // --- The other seats ------------------------------------------------------------------------
  const seatsBox = h('div', { class: 'seat-list' });
  function updateSeats(): void {
    clear(seatsBox);
    if (!capital) {
      seatsBox.append(h('p', { class: 'muted small' }, 'Choose your capital first.'));
      return;
    }
    for (const c of CAPITAL_IDS) {
      if (c === capital) continue;
      const id = `setup-seat-${c}`;
      const select = h('select', { id, class: 'input' });
      for (const p of [...COMPUTER_PLAYERS, 'human'])
        select.appendChild(
          h('option', { value: p, selected: seats[c] === p }, PLAYER_LABEL[p] ?? p),
        );
      const note = h('p', { class: 'muted small seat-note', id: `${id}-note` });
      const describe = (): void => {
        note.textContent =
          seats[c] === 'human'
            ? 'The device is passed to this player for their orders; each player’s private information is hidden from the others.'
            : (PLAYER_DESCRIPTIONS[seats[c]] ?? '');
      };
      select.setAttribute('aria-describedby', note.id);
      select.addEventListener('change', () => {
        seats[c] = select.value;
        describe();
      });
      describe();
      seatsBox.append(
        h(
          'div',
          { class: 'field' },
          h('label', { for: id }, `${CAPITAL_STYLE[c].name} is played by`),
          select,
          note,
        ),
      );
    }
  }

  // --- Seed -----------------------------------------------------------------------------------
  const seedInput = h('input', {
    id: 'setup-seed',
    class: 'input',
    type: 'text',
    value: options.seed,
    autocomplete: 'off',
    spellcheck: 'false',
    maxlength: 100,
    'aria-describedby': 'setup-seed-note',
  });
  const newSeed = h('button', { type: 'button', class: 'btn btn-small' }, 'New seed');
  newSeed.addEventListener('click', () => {
    seedInput.value = randomSeed();
    seedInput.focus();
  });

  // --- Figures --------------------------------------------------------------------------------
  const figureNote = h('p', { class: 'muted small', id: 'setup-figures-note' });
  let figures: FigureChoice = options.figures ?? 'central';
  const example = findFigure(options.ledger, 'nk-troops-total');
  const exampleValue = (c: FigureChoice): string =>
    example && example[c] !== undefined
      ? `${formatCount(example[c])} North Korean soldiers in all`
      : '';
  const showFigureNote = (): void => {
    const ex = exampleValue(figures);
    figureNote.textContent = `${FIGURE_TEXT[figures]}${ex ? ` For example: ${ex}.` : ''}`;
  };
  const figureRadios = (['low', 'central', 'high'] as const).map((c) => {
    const input = h('input', {
      type: 'radio',
      name: 'setup-figures',
      value: c,
      id: `setup-figures-${c}`,
    });
    input.checked = c === figures;
    input.addEventListener('change', () => {
      if (input.checked) figures = c;
      showFigureNote();
    });
    return h(
      'label',
      { class: 'seg', for: `setup-figures-${c}` },
      input,
      c === 'low' ? 'Low' : c === 'central' ? 'Central' : 'High',
    );
  });
  showFigureNote();

  // --- Lesson length --------------------------------------------------------------------------
  let lesson: LessonLength = options.lesson ?? 'full';
  const lessonNote = h(
    'p',
    { class: 'muted small', id: 'setup-lesson-note' },
    'In a short lesson you decide every other month; the month between plays out with your standing orders (your levers stay as set, no new trades). The game, its score and its record are the full game’s.',
  );
  const lessonText = new Map<LessonLength, HTMLElement>();
  const lessonRadios = (['full', 'short'] as const).map((l) => {
    const input = h('input', {
      type: 'radio',
      name: 'setup-lesson',
      value: l,
      id: `setup-lesson-${l}`,
    });
    input.checked = l === lesson;
    input.addEventListener('change', () => {
      if (input.checked) lesson = l;
    });
    const text = h('span', {});
    lessonText.set(l, text);
    return h('label', { class: 'seg', for: `setup-lesson-${l}` }, input, text);
  });
  const lessonBox = h(
    'fieldset',
    { class: 'field' },
    h('legend', {}, 'Lesson length'),
    h(
      'div',
      {
        class: 'segmented',
        role: 'radiogroup',
        'aria-label': 'Lesson length',
        'aria-describedby': 'setup-lesson-note',
      },
      ...lessonRadios,
    ),
    lessonNote,
  );
  function showLesson(): void {
    const sc = selected?.loaded.scenario;
    lessonBox.hidden = !sc || !canShorten(sc);
    if (!sc) return;
    lessonText.get('full')!.textContent = `Full: ${sc.calendar.turns} turns`;
    lessonText.get('short')!.textContent = `Short: ${sc.calendar.turns / 2} turns of two months`;
  }

  // --- Buttons --------------------------------------------------------------------------------
  const start = h(
    'button',
    { type: 'submit', class: 'btn btn-primary', disabled: true },
    'Start game',
  );
  const back = h('button', { type: 'button', class: 'btn' }, 'Back to menu');
  const message = h('p', { class: 'menu-note', role: 'status' });
  back.addEventListener('click', () => callbacks.onBack());

  const heading = h('h1', { id: 'setup-title', class: 'setup-title', tabindex: -1 }, 'New game');
  const fixed = options.fixed;
  if (fixed) {
    scenarioSelect.disabled = fixed.scenario;
    openFile.hidden = fixed.scenario;
    seedInput.readOnly = fixed.seed;
    newSeed.hidden = fixed.seed;
    if (fixed.figures) for (const l of figureRadios) l.querySelector('input')!.disabled = true;
    if (fixed.lesson) for (const l of lessonRadios) l.querySelector('input')!.disabled = true;
  }
  const form = h(
    'form',
    { class: 'setup-form', 'aria-labelledby': 'setup-title', novalidate: true },
    h(
      'div',
      { class: 'setup-col' },
      h(
        'fieldset',
        { class: 'field' },
        h('legend', {}, 'Scenario'),
        h('label', { for: 'setup-scenario', class: 'visually-hidden' }, 'Scenario'),
        scenarioSelect,
        scenarioInfo,
        h('div', { class: 'row' }, openFile, fileInput),
        problems,
      ),
      h(
        'fieldset',
        { class: 'field' },
        h('legend', {}, 'Figures'),
        h(
          'div',
          {
            class: 'segmented',
            role: 'radiogroup',
            'aria-label': 'Which value of each reported range',
            'aria-describedby': 'setup-figures-note',
          },
          ...figureRadios,
        ),
        figureNote,
        example
          ? h(
              'p',
              { class: 'small' },
              'The figure behind the example: ',
              sourceButton(options.ledger, 'nk-troops-total'),
            )
          : null,
      ),
      h(
        'fieldset',
        { class: 'field' },
        h('legend', {}, 'Seed'),
        h(
          'div',
          { class: 'row' },
          h('label', { for: 'setup-seed', class: 'visually-hidden' }, 'Seed'),
          seedInput,
          newSeed,
        ),
        h(
          'p',
          { class: 'muted small', id: 'setup-seed-note' },
          'The seed fixes the dice: with the same scenario, seed and choices, every student faces the same luck.',
        ),
      ),
    ),
    h(
      'div',
      { class: 'setup-col' },
      h(
        'fieldset',
        { class: 'field capital-choice' },
        h('legend', {}, 'Your capital'),
        ...capitalCards,
      ),
      h('fieldset', { class: 'field' }, h('legend', {}, 'The other capitals'), seatsBox),
      lessonBox,
      h('div', { class: 'row setup-actions' }, start, back),
      message,
    ),
  );
  form.addEventListener('submit', (e) => {
    e.preventDefault();
    if (!selected) {
      message.textContent = 'Choose a scenario first.';
      return;
    }
    if (!capital) {
      message.textContent = 'Choose your capital first.';
      capitalRadios.get('pyongyang')?.focus();
      return;
    }
    const seed = seedInput.value.trim();
    if (!seed) {
      message.textContent = 'Type a seed (any word or number), or press “New seed”.';
      seedInput.focus();
      return;
    }
    const all = { ...seats, [capital]: 'human' } as Record<Capital, string>;
    const short = lesson === 'short' && canShorten(selected.loaded.scenario);
    callbacks.onStart({
      option: selected,
      capital,
      seats: all,
      seed,
      figures,
      lesson: short ? 'short' : 'full',
    });
  });

  const element = h(
    'section',
    { class: 'setup-screen', 'aria-labelledby': 'setup-title' },
    h(
      'div',
      { class: 'setup-panel' },
      heading,
      fixed ? h('p', { class: 'class-note', role: 'note' }, fixed.note) : null,
      form,
    ),
  );

  // Drop a scenario file anywhere on the setup panel.
  element.addEventListener('dragover', (e) => {
    if (!e.dataTransfer || !Array.from(e.dataTransfer.types).includes('Files')) return;
    e.preventDefault();
    element.classList.add('drop-active');
  });
  element.addEventListener('dragleave', (e) => {
    if (e.target === element) element.classList.remove('drop-active');
  });
  element.addEventListener('drop', (e) => {
    element.classList.remove('drop-active');
    const file = e.dataTransfer?.files?.[0];
    if (!file) return;
    e.preventDefault();
    void addFile(file);
  });

  fillScenarios();
  showScenario();
  if (options.problems) showProblems(options.problems.fileName, options.problems.lines);
  root.appendChild(element);

  return {
    element,
    setMessage(text) {
      message.textContent = text ?? '';
    },
    focusFirst() {
      heading.focus();
    },
    destroy() {
      element.remove();
    },
  };
}
