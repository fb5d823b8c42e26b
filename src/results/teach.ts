/**
 * /results?teach — the instructor's page: create a class (scenario, optional fixed seed and
 * figures, how long the results are kept), then show the class code big enough for a projector,
 * the students' link, the class board, and the moderation key once, with copy and download.
 * The key is stored on this computer only when the instructor ticks "remember".
 */
import { ApiFailure, createClass, listScenarios, type CreatedClass } from './api';
import { announce, clear, h } from './dom';
import { forgetKey, rememberKey, saveBlob } from './moderate';

const SEED_LETTERS = 'bcdfghjkmnpqrstvwxz';

/** A seed such as "class-4821-bk" (same form as the game's own random seeds). */
export function generateSeed(): string {
  const r = new Uint32Array(3);
  crypto.getRandomValues(r);
  const n = 1000 + (r[0]! % 9000);
  const s = SEED_LETTERS[r[1]! % SEED_LETTERS.length]! + SEED_LETTERS[r[2]! % SEED_LETTERS.length]!;
  return `class-${n}-${s}`;
}

const FIGURES = [
  { value: '', label: 'Students choose', hint: 'each student picks low, central or high' },
  { value: 'low', label: 'Low', hint: 'the lowest value of each reported range' },
  { value: 'central', label: 'Central', hint: 'the middle of each range (the usual choice)' },
  { value: 'high', label: 'High', hint: 'the top of each range' },
] as const;

export async function renderTeach(main: HTMLElement): Promise<void> {
  document.title = 'For instructors: create a class — Three Capitals';
  const { scenarios } = await listScenarios();

  const scenarioSelect = h(
    'select',
    { id: 'teach-scenario', name: 'scenario', required: true },
    ...scenarios.map((s) =>
      h(
        'option',
        { value: s.builtIn ? s.id : s.hash },
        s.builtIn ? s.title : `${s.title} (a teacher’s scenario)`,
      ),
    ),
  );
  // The historical scenario first: the counterfactuals are for a second lesson.
  const historical = scenarios.find((s) => s.builtIn && s.id.startsWith('historical'));
  if (historical) scenarioSelect.value = historical.id;
  const lessonSelect = h(
    'select',
    { id: 'teach-lesson', name: 'lesson', 'aria-describedby': 'teach-lesson-hint' },
    h('option', { value: 'full' }, 'Full game: a decision every month'),
    h('option', { value: 'short' }, 'Short lesson: a decision every two months'),
  );
  const seedInput = h('input', {
    type: 'text',
    id: 'teach-seed',
    name: 'seed',
    maxlength: 200,
    autocomplete: 'off',
    spellcheck: 'false',
    'aria-describedby': 'teach-seed-hint',
  });
  const generate = h('button', { type: 'button' }, 'Generate a seed');
  generate.addEventListener('click', () => {
    seedInput.value = generateSeed();
    seedInput.focus();
    announce(`Seed ${seedInput.value}`);
  });
  const figureRadios = FIGURES.map((f, i) => {
    const input = h('input', {
      type: 'radio',
      name: 'figures',
      id: `teach-fig-${f.value || 'any'}`,
      value: f.value,
    });
    input.checked = i === 0;
    return h(
      'label',
      { class: 'radio', for: input.id },
      input,
      ` ${f.label}`,
      h('span', { class: 'hint' }, ` — ${f.hint}`),
    );
  });
  const daysInput = h('input', {
    type: 'number',
    id: 'teach-days',
    name: 'retentionDays',
    min: 1,
    max: 3650,
    step: 1,
    required: true,
    class: 'days',
    'aria-describedby': 'teach-days-hint',
  });
  daysInput.value = '365';
  const error = h('div', { class: 'form-error', role: 'alert', hidden: true });
  const submit = h('button', { type: 'submit', class: 'primary' }, 'Create the class');

  const form = h(
    'form',
    { class: 'teach-form', novalidate: true },
    h('p', { class: 'field' }, h('label', { for: 'teach-scenario' }, 'Scenario'), scenarioSelect),
    h(
      'p',
      { class: 'field' },
      h('label', { for: 'teach-lesson' }, 'Lesson length'),
      lessonSelect,
      h(
        'span',
        { class: 'hint', id: 'teach-lesson-hint' },
        'A short lesson halves the decisions (about 25 minutes instead of 35–50): the month after each decision plays with the students’ standing orders. It rides on the class link; scores and results are those of the full game.',
      ),
    ),
    h(
      'div',
      { class: 'field' },
      h('label', { for: 'teach-seed' }, 'Fixed seed (optional)'),
      h('span', { class: 'row' }, seedInput, generate),
      h(
        'span',
        { class: 'hint', id: 'teach-seed-hint' },
        'With a seed, every student faces the same dice, so the class compares decisions, not luck. Leave it empty for different dice each game.',
      ),
    ),
    h(
      'fieldset',
      { class: 'field' },
      h('legend', {}, 'Figures the game starts from'),
      ...figureRadios,
    ),
    h(
      'p',
      { class: 'field' },
      h('label', { for: 'teach-days' }, 'Keep the results for (days)'),
      daysInput,
      h(
        'span',
        { class: 'hint', id: 'teach-days-hint' },
        'After that the results are deleted automatically. 1 to 3650; you can change it later.',
      ),
    ),
    error,
    h('p', {}, submit),
  );

  const intro = h(
    'p',
    { class: 'lede' },
    'Create a class: your students join it with a short code, play the same scenario (with the same dice if you fix a seed) and their results appear together on the class board. No accounts: students use pseudonyms; you get a moderation key to hide, delete and export the results.',
  );
  const heading = h('h1', { tabindex: -1 }, 'For instructors: create a class');
  main.append(heading, intro, form);
  // A corrected field clears the old complaint.
  form.addEventListener('input', (ev) => {
    (ev.target as HTMLElement).removeAttribute('aria-invalid');
    error.hidden = true;
  });

  form.addEventListener('submit', (ev) => {
    ev.preventDefault();
    const fail = (text: string, field?: HTMLElement): void => {
      error.textContent = text;
      error.hidden = false;
      if (field) {
        field.setAttribute('aria-invalid', 'true');
        field.focus();
      }
    };
    for (const el of [seedInput, daysInput]) el.removeAttribute('aria-invalid');
    error.hidden = true;
    const days = Number(daysInput.value);
    if (!Number.isInteger(days) || days < 1 || days > 3650)
      return fail('Enter a whole number of days from 1 to 3650 (ten years).', daysInput);
    const seed = seedInput.value.trim();
    const figures = (form.querySelector('input[name="figures"]:checked') as HTMLInputElement | null)
      ?.value as '' | 'low' | 'central' | 'high' | undefined;
    if (!scenarioSelect.value) return fail('Choose a scenario.', scenarioSelect);
    submit.disabled = true;
    submit.textContent = 'Creating the class…';
    createClass({
      scenario: scenarioSelect.value,
      ...(seed ? { seed } : {}),
      ...(figures ? { figures } : {}),
      retentionDays: days,
    })
      .then((created) => {
        showCreated(
          main,
          created,
          scenarioSelect.selectedOptions[0]?.textContent ?? created.class.scenario.id,
          lessonSelect.value === 'short',
        );
      })
      .catch((e: unknown) => {
        submit.disabled = false;
        submit.textContent = 'Create the class';
        fail(
          `The class could not be created: ${e instanceof ApiFailure || e instanceof Error ? e.message : String(e)}`,
        );
      });
  });
  main.dataset['ready'] = 'teach';
}

function showCreated(
  main: HTMLElement,
  created: CreatedClass,
  scenarioTitle: string,
  short: boolean,
): void {
  const { code, moderationKey: key } = created;
  const origin = window.location.origin;
  const joinUrl = `${origin}/?class=${encodeURIComponent(code)}${short ? '&lesson=short' : ''}`;
  const boardUrl = `${origin}/results?class=${encodeURIComponent(code)}`;
  const cls = created.class;
  const fixed = [
    cls.seed ? `seed “${cls.seed}” (same dice for everyone)` : 'different dice in each game',
    cls.figureChoices && typeof cls.figureChoices === 'object'
      ? `${String((cls.figureChoices as { default?: string }).default ?? '')} figures`
      : 'students choose the figures',
    `results kept ${cls.retentionDays} days`,
    ...(short ? ['a short lesson (a decision every two months; it is in the link)'] : []),
  ];

  // Until the key is copied, downloaded or remembered, leaving the page asks first.
  let keptKey = false;
  const onBeforeUnload = (ev: BeforeUnloadEvent): void => {
    if (keptKey) return;
    ev.preventDefault();
    ev.returnValue = '';
  };
  window.addEventListener('beforeunload', onBeforeUnload);
  const kept = (): void => {
    keptKey = true;
  };

  const status = h('p', { class: 'mod-status', role: 'status' });
  const say = (text: string, isError = false): void => {
    status.textContent = text;
    status.classList.toggle('is-error', isError);
  };

  const keyField = h('input', {
    type: 'text',
    id: 'teach-key',
    readonly: true,
    class: 'key-input',
    spellcheck: 'false',
    'aria-describedby': 'teach-key-warning',
  });
  keyField.value = key;
  keyField.addEventListener('focus', () => keyField.select());

  const copy = h('button', { type: 'button' }, 'Copy the key');
  copy.addEventListener('click', () => {
    const done = (): void => {
      kept();
      say('The moderation key is copied. Paste it somewhere safe (a password manager, a note).');
    };
    const fallback = (): void => {
      keyField.focus();
      keyField.select();
      let ok = false;
      try {
        ok = document.execCommand('copy');
      } catch {
        ok = false;
      }
      if (ok) done();
      else say('Copying is blocked here: the key is selected — press Ctrl+C (⌘C on a Mac).', true);
    };
    if (navigator.clipboard?.writeText) navigator.clipboard.writeText(key).then(done, fallback);
    else fallback();
  });

  const fileName = `three-capitals-class-${code}.txt`;
  const download = h('button', { type: 'button' }, 'Download as a text file');
  download.addEventListener('click', () => {
    const text = [
      `Three Capitals — class ${code}`,
      `Scenario: ${scenarioTitle}`,
      `Created: ${new Date(cls.createdAt).toLocaleString('en-GB')}`,
      `Settings: ${fixed.join('; ')}`,
      '',
      `Class code: ${code}`,
      `Students join: ${joinUrl}`,
      `  (or open ${origin}/, press "Join a class" and type the code)`,
      `Class board: ${boardUrl}`,
      '',
      `Moderation key: ${key}`,
      '  Keep this key private. It hides, deletes and exports the class results and sets',
      '  how long they are kept. It is shown only once and cannot be recovered.',
      '  To moderate: open the class board, press "Moderate" and paste the key.',
      '',
    ].join('\r\n');
    saveBlob(new Blob([text], { type: 'text/plain;charset=utf-8' }), fileName);
    kept();
    say(`Saved ${fileName}. Keep it somewhere only you can open.`);
  });

  const remember = h('input', { type: 'checkbox', id: 'teach-remember' });
  remember.addEventListener('change', () => {
    if (remember.checked) {
      if (rememberKey(code, key)) {
        kept();
        say('The key is remembered on this computer (only tick this on a computer that is yours).');
      } else say('This browser does not let the page store the key: copy or download it.', true);
    } else {
      forgetKey(code);
      say('The key is no longer stored on this computer.');
    }
  });

  const heading = h('h1', { tabindex: -1 }, `Class ${code} is ready`);
  clear(main);
  main.append(
    heading,
    h('p', { class: 'lede' }, `${scenarioTitle} · ${fixed.join(' · ')}`),
    h(
      'section',
      { class: 'projector', 'aria-labelledby': 'code-h' },
      h('h2', { id: 'code-h' }, 'Class code'),
      h('p', { class: 'big-code', 'aria-label': `Class code ${code.split('').join(' ')}` }, code),
      h(
        'p',
        { class: 'join-line' },
        'Students open ',
        h('a', { href: `/?class=${encodeURIComponent(code)}` }, joinUrl),
        h('br'),
        'or open the game, press “Join a class” and type the code.',
      ),
    ),
    h(
      'section',
      { class: 'key-box', 'aria-labelledby': 'key-h' },
      h('h2', { id: 'key-h' }, 'Your moderation key — keep it'),
      h(
        'p',
        { class: 'warning', id: 'teach-key-warning' },
        h('strong', {}, 'It is shown only this once and cannot be recovered. '),
        'With it you hide or delete runs, export the results as CSV and set how long they are kept. Do not show it on the projector or give it to students.',
      ),
      h('p', { class: 'field' }, h('label', { for: 'teach-key' }, 'Moderation key'), keyField),
      h('div', { class: 'toolbar' }, copy, download),
      h(
        'p',
        { class: 'check' },
        remember,
        h('label', { for: 'teach-remember' }, ' Remember the key on this computer'),
      ),
      status,
    ),
    h(
      'section',
      { 'aria-labelledby': 'next-h' },
      h('h2', { id: 'next-h' }, 'Next'),
      h(
        'ul',
        { class: 'next-links' },
        h(
          'li',
          {},
          h('a', { href: `/results?class=${encodeURIComponent(code)}` }, 'Open the class board'),
          ' — the results as they arrive; press “Moderate” there and enter the key to moderate.',
        ),
        h(
          'li',
          {},
          h('a', { href: `/?class=${encodeURIComponent(code)}` }, 'Try the class as a student'),
        ),
        h('li', {}, h('a', { href: '/results?teach' }, 'Create another class')),
      ),
    ),
  );
  heading.focus();
  announce(`Class ${code} is ready.`);
  main.dataset['ready'] = 'teach-created';
}
