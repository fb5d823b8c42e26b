/**
 * The class room's own screens: joining (class code and pseudonym, or a personal resume code),
 * the personal resume code shown once at join, and the lobby while the room fills. DOM only;
 * the flow (src/ui/room-flow.ts) decides which is shown.
 */
import type { RoomSummary } from '../rooms/protocol';
import { clear, h } from './dom';
import { CAPITAL_STYLE } from './theme';

export interface JoinAnswer {
  room: { id: string; number: number };
  seat: 'pyongyang' | 'moscow' | 'kyiv';
  pseudonym: string;
  token: string;
  resumeCode: string;
  resumeUrl: string;
}

function screen(titleId: string, title: string, ...body: (Node | null)[]): HTMLElement {
  return h(
    'section',
    { class: 'menu-screen room-screen', 'aria-labelledby': titleId },
    h('div', { class: 'menu' }, h('h1', { id: titleId, class: 'menu-title' }, title), ...body),
  );
}

const seatName = (c: keyof typeof CAPITAL_STYLE) => CAPITAL_STYLE[c].name;

/** The class's join form: a pseudonym (and a field for a resume code instead). */
export function mountRoomJoin(
  root: HTMLElement,
  o: {
    classCode: string;
    suggestion: string;
    onJoin(pseudonym: string): Promise<string | null>;
    onResume(code: string): void;
    onBack(): void;
  },
): { element: HTMLElement; destroy(): void } {
  const name = h('input', {
    id: 'room-pseudonym',
    class: 'input',
    name: 'pseudonym',
    maxlength: 40,
    autocomplete: 'off',
    value: o.suggestion,
    'aria-describedby': 'room-pseudonym-note',
  });
  const message = h('p', { class: 'menu-note', role: 'alert', hidden: true });
  const join = h(
    'button',
    { type: 'submit', class: 'btn btn-primary', id: 'room-join' },
    'Join my room',
  );
  const form = h(
    'form',
    { class: 'field', novalidate: true },
    h('label', { for: 'room-pseudonym' }, 'Your pseudonym'),
    name,
    h(
      'p',
      { class: 'menu-note', id: 'room-pseudonym-note' },
      'Not your real name: your classmates and the class board see it.',
    ),
    join,
    message,
  );
  form.addEventListener('submit', (e) => {
    e.preventDefault();
    join.disabled = true;
    message.hidden = true;
    void o.onJoin(name.value).then((err) => {
      join.disabled = false;
      if (err) {
        message.textContent = err;
        message.hidden = false;
        message.classList.add('is-error');
        name.focus();
      }
    });
  });
  const code = h('input', {
    id: 'room-resume',
    class: 'input',
    name: 'resume',
    maxlength: 24,
    autocomplete: 'off',
    autocapitalize: 'characters',
    spellcheck: 'false',
    placeholder: 'ABCD-EFGH-JKMN-PQRS',
  });
  const resume = h(
    'form',
    { class: 'field', novalidate: true },
    h('label', { for: 'room-resume' }, 'Back to your seat? Type your resume code'),
    h(
      'div',
      { class: 'row' },
      code,
      h('button', { type: 'submit', class: 'btn', style: 'width: auto; flex: 0 0 auto' }, 'Resume'),
    ),
  );
  resume.addEventListener('submit', (e) => {
    e.preventDefault();
    if (code.value.trim()) o.onResume(code.value);
  });
  const back = h('button', { type: 'button', class: 'btn' }, 'Back to the main menu');
  back.addEventListener('click', () => o.onBack());
  const element = screen(
    'room-join-title',
    `Class ${o.classCode}: join your room`,
    h(
      'p',
      { class: 'menu-lede' },
      'You play one capital in a room of your class, each player on their own device. Your teacher decides who plays with whom.',
    ),
    form,
    resume,
    back,
  );
  root.appendChild(element);
  name.focus();
  return { element, destroy: () => element.remove() };
}

/** Shown once after joining: the seat, and the personal resume code and link to write down. */
export function mountJoined(
  root: HTMLElement,
  a: JoinAnswer,
  onContinue: () => void,
): { destroy(): void } {
  const go = h(
    'button',
    { type: 'button', class: 'btn btn-primary', id: 'room-continue' },
    'Go to my room',
  );
  go.addEventListener('click', () => onContinue());
  const link = `${location.origin}${a.resumeUrl}`;
  const element = screen(
    'room-joined-title',
    `You play ${seatName(a.seat)} in room ${a.room.number}`,
    h('p', { class: 'menu-lede' }, `Welcome, ${a.pseudonym}.`),
    h(
      'div',
      { class: 'field resume-code' },
      h(
        'p',
        {},
        'Your personal resume code. Write it down: with it you get your seat back on any device (a closed lid, a flat battery, another laptop).',
      ),
      h(
        'p',
        {
          class: 'code',
          id: 'room-resume-code',
          style: 'font-size: 1.6em; letter-spacing: 0.1em; font-family: monospace',
        },
        a.resumeCode,
      ),
      h(
        'p',
        { class: 'menu-note' },
        'Or keep this link: ',
        h('a', { href: a.resumeUrl, id: 'room-resume-link' }, link),
      ),
    ),
    go,
  );
  root.appendChild(element);
  go.focus();
  return { destroy: () => element.remove() };
}

/** The lobby while the room fills: who is here, and starting with the computer in empty seats. */
export function mountLobby(
  root: HTMLElement,
  o: { onStart(): void; onLeave(): void },
): {
  update(room: RoomSummary, me: string): void;
  setMessage(text: string): void;
  destroy(): void;
} {
  const list = h('ul', { class: 'room-seats' });
  const lede = h('p', { class: 'menu-lede', 'aria-live': 'polite' });
  const start = h(
    'button',
    { type: 'button', class: 'btn btn-primary', id: 'room-start' },
    'Start now: the computer plays the empty seats',
  );
  start.addEventListener('click', () => o.onStart());
  const leave = h('button', { type: 'button', class: 'btn' }, 'Back to the main menu');
  leave.addEventListener('click', () => o.onLeave());
  const message = h('p', { class: 'menu-note', role: 'alert', hidden: true });
  const title = h('h1', { id: 'room-lobby-title', class: 'menu-title' }, 'Your room');
  const element = h(
    'section',
    { class: 'menu-screen room-screen', 'aria-labelledby': 'room-lobby-title' },
    h('div', { class: 'menu' }, title, lede, list, start, message, leave),
  );
  root.appendChild(element);
  return {
    update(room, me) {
      title.textContent = `Room ${room.number}: waiting for players`;
      clear(list);
      for (const s of room.seats) {
        const who = s.pseudonym
          ? `${s.pseudonym}${s.capital === me ? ' (you)' : ''}${s.connected ? '' : ' · not connected'}`
          : s.awaited
            ? 'nobody yet: the computer if the game starts now'
            : 'the computer (your teacher chose rooms of two)';
        list.append(h('li', {}, h('strong', {}, seatName(s.capital)), `: ${who}`));
      }
      const missing = room.seats.filter((s) => s.awaited).length;
      lede.textContent =
        missing === 0
          ? 'Everyone is here: the game starts.'
          : `The game starts when ${missing === 1 ? 'one more player joins' : `${missing} more players join`}, or now with the computer in the empty seat${missing === 1 ? '' : 's'}. Another student can take a computer seat back between months.`;
    },
    setMessage(text) {
      message.textContent = text;
      message.hidden = false;
    },
    destroy: () => element.remove(),
  };
}
