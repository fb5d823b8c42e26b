/** /results with no query: the scenarios with results, and a class code box. */
import { listScenarios } from './api';
import { h } from './dom';

export async function renderIndex(main: HTMLElement): Promise<void> {
  const { scenarios } = await listScenarios();
  const input = h('input', {
    id: 'class-code',
    name: 'class',
    autocomplete: 'off',
    maxlength: 12,
    pattern: '[A-Za-z0-9 -]{4,12}',
    required: true,
    class: 'code',
  });
  main.append(
    h('h1', {}, 'Three Capitals — results'),
    h(
      'section',
      { 'aria-labelledby': 'class-h' },
      h('h2', { id: 'class-h' }, 'Your class'),
      h(
        'form',
        { action: '/results', method: 'get', class: 'class-form' },
        h('label', { for: 'class-code' }, 'Class code: '),
        input,
        ' ',
        h('button', { type: 'submit' }, 'Show the class'),
      ),
      h(
        'p',
        {},
        'Teaching? ',
        h('a', { href: '/results?teach' }, 'For instructors'),
        ': create a class, get its code, and moderate or export its results.',
      ),
    ),
    h(
      'section',
      { 'aria-labelledby': 'sc-h' },
      h('h2', { id: 'sc-h' }, 'Scenarios'),
      h(
        'ul',
        { class: 'scenario-list' },
        ...scenarios.map((s) =>
          h(
            'li',
            {},
            h(
              'a',
              {
                href: `/results?scenario=${encodeURIComponent(s.id)}${s.builtIn ? '' : `&hash=${s.hash}`}`,
              },
              s.title,
            ),
            ` — ${s.results} run${s.results === 1 ? '' : 's'}${s.builtIn ? '' : ' (a teacher’s scenario)'}`,
          ),
        ),
      ),
    ),
  );
  main.dataset['ready'] = 'index';
}
