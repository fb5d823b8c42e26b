/**
 * Choosing a capital for a new game. The scenario choice and seats (bot or classmate) come with
 * the store; this panel shows the three capitals with their emblems and levers in brief.
 */
import { EMBLEM_URL } from './assets';
import { h } from './dom';
import { CAPITAL_STYLE, type CapitalId } from './theme';

export interface SetupCallbacks {
  onStart(capital: CapitalId): void;
  onBack(): void;
}

const BRIEF: Record<CapitalId, string> = {
  pyongyang: 'Send soldiers, shells and workers; set the price in oil, food, money and technology.',
  moscow: 'Pay for men and shells; decide where they fight and what the world is told.',
  kyiv: 'Hold the Kursk salient or pull back; target, capture, and publish the evidence.',
};

export interface SetupHandle {
  element: HTMLElement;
  setMessage(text: string | null): void;
  destroy(): void;
}

export function mountSetup(root: HTMLElement, callbacks: SetupCallbacks): SetupHandle {
  let chosen: CapitalId | null = null;
  const start = h(
    'button',
    { type: 'button', class: 'btn btn-primary', disabled: true },
    'Start game',
  );
  const message = h('p', { class: 'menu-note', role: 'status' });
  const buttons = (Object.keys(CAPITAL_STYLE) as CapitalId[]).map((c) => {
    const b = h(
      'button',
      { type: 'button', class: 'btn', 'aria-pressed': 'false', 'data-capital': c },
      h('img', { src: EMBLEM_URL[c], alt: '' }),
      h(
        'span',
        {},
        h('strong', {}, CAPITAL_STYLE[c].name),
        h('br'),
        h('span', { class: 'muted' }, BRIEF[c]),
      ),
    );
    b.addEventListener('click', () => {
      chosen = c;
      for (const other of buttons) other.setAttribute('aria-pressed', String(other === b));
      start.disabled = false;
    });
    return b;
  });
  const back = h('button', { type: 'button', class: 'btn' }, 'Back to menu');
  back.addEventListener('click', () => callbacks.onBack());
  start.addEventListener('click', () => {
    if (chosen) callbacks.onStart(chosen);
  });
  const element = h(
    'section',
    { 'aria-labelledby': 'setup-title', class: 'capital-choice' },
    h('h2', { id: 'setup-title' }, 'Choose your capital'),
    h('p', { class: 'muted', style: 'margin: 0' }, 'The computer plays the other two.'),
    ...buttons,
    h('div', { style: 'display: flex; gap: 10px; flex-wrap: wrap' }, start, back),
    message,
  );
  root.appendChild(element);
  return {
    element,
    setMessage(text) {
      message.textContent = text ?? '';
    },
    destroy() {
      element.remove();
    },
  };
}
