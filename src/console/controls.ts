/**
 * The class-wide controls of the console: the deadline per turn, pause and resume, one more
 * minute, end the turn now; and news: one of the scenario's events (named in words) or a plain
 * news item, to all rooms or one.
 */
import { h } from '../results/dom';
import { INJECT_TEXT_MAX, INJECT_TITLE_MAX } from '../engine/inject';
import type { ConsoleCommandBody, ConsoleRoom } from '../rooms/console-view';

type SendWithFeedback = (room: string, command: ConsoleCommandBody, done?: string) => void;

/** Turn lengths offered in the list, seconds (12 turns in a 45-minute lesson: 2 to 3 minutes each). */
const LENGTHS = [60, 90, 120, 150, 180, 240, 300];

function minutesWords(seconds: number): string {
  if (seconds % 60 !== 0) return `${seconds} seconds`;
  const m = seconds / 60;
  return `${m} minute${m === 1 ? '' : 's'}`;
}

export function renderControls(rooms: ConsoleRoom[], minTurnSeconds: number, send: SendWithFeedback): HTMLElement {
  const sorted = [...rooms].sort((a, b) => a.summary.number - b.summary.number);
  const current = sorted.find((r) => r.clock.turnMs !== null)?.clock.turnMs ?? null;
  const anyPaused = sorted.some((r) => r.summary.paused || r.clock.paused);
  const box = h('div', { class: 'controls' });

  // ----- time
  const length = h('input', {
    type: 'number',
    id: 'console-turn-seconds',
    min: minTurnSeconds,
    max: 3600,
    step: 1,
    value: current === null ? 180 : Math.round(current / 1000),
    'aria-describedby': 'console-turn-hint',
  });
  const presets = h('select', { id: 'console-turn-preset', 'aria-label': 'Common turn lengths' },
    h('option', { value: '' }, 'Choose a length…'),
    ...LENGTHS.filter((s) => s >= minTurnSeconds).map((s) => h('option', { value: s }, minutesWords(s))),
  );
  presets.addEventListener('change', () => {
    if (presets.value) length.value = presets.value;
  });
  const setDeadline = h('button', { type: 'button', id: 'console-set-deadline' }, 'Set the deadline');
  setDeadline.addEventListener('click', () => {
    const seconds = Number(length.value);
    if (!Number.isInteger(seconds) || seconds < minTurnSeconds || seconds > 3600) {
      length.setCustomValidity(`Choose ${minTurnSeconds} to 3600 seconds.`);
      length.reportValidity();
      return;
    }
    length.setCustomValidity('');
    send('all', { kind: 'deadline', seconds }, `Every turn now lasts ${minutesWords(seconds)}; the current turn has ${minutesWords(seconds)} from now.`);
  });
  const noDeadline = h('button', { type: 'button' }, 'No deadline');
  noDeadline.addEventListener('click', () => send('all', { kind: 'deadline', seconds: null }, 'No deadline: a turn ends when every seat has ended it.'));
  const pauseAll = h('button', { type: 'button', id: 'console-pause' }, anyPaused ? 'Resume all rooms' : 'Pause all rooms');
  pauseAll.addEventListener('click', () =>
    send('all', anyPaused ? { kind: 'resume' } : { kind: 'pause' }, anyPaused ? 'All rooms resumed.' : 'All rooms paused: clocks stopped, orders wait.'),
  );
  const extendAll = h('button', { type: 'button' }, 'One more minute for all');
  extendAll.addEventListener('click', () => send('all', { kind: 'extend', seconds: 60 }, 'Every room has one more minute.'));
  const endAll = h('button', { type: 'button' }, 'End the turn now in all rooms');
  endAll.addEventListener('click', () => send('all', { kind: 'endTurn' }, 'The turn ends now in every room.'));

  box.append(
    h('fieldset', { class: 'time' },
      h('legend', {}, 'Time'),
      h('p', { class: 'hint', id: 'console-turn-hint' },
        current === null ? 'No deadline yet.' : `Each turn lasts ${minutesWords(Math.round(current / 1000))}.`,
        ' When the time runs out, seats that have not ended the turn end it with the orders they gave.'),
      h('div', { class: 'row' }, h('label', { for: 'console-turn-seconds' }, 'Seconds per turn'), length, presets, setDeadline, noDeadline),
      h('div', { class: 'row' }, pauseAll, extendAll, endAll),
    ),
  );

  // ----- news
  const target = h('select', { id: 'console-news-room' },
    h('option', { value: 'all' }, 'All rooms'),
    ...sorted.filter((r) => r.summary.phase !== 'finished').map((r) => h('option', { value: r.summary.id }, `Room ${r.summary.number}`)),
  );
  // Events still to come in at least one room, by title (never by id).
  const events = new Map<string, string>();
  for (const r of sorted) for (const e of r.injectable) events.set(e.id, e.title);
  const eventSelect = h('select', { id: 'console-event' },
    ...[...events].map(([id, title]) => h('option', { value: id }, title)),
  );
  const sendEvent = h('button', { type: 'button', id: 'console-send-event', disabled: events.size === 0 }, 'Send this event');
  sendEvent.addEventListener('click', () => {
    const title = events.get(eventSelect.value);
    if (!title) return;
    send(target.value, { kind: 'inject', event: eventSelect.value }, `Sent “${title}” to ${target.value === 'all' ? 'every room' : target.selectedOptions[0]?.textContent ?? 'the room'}.`);
  });
  const headline = h('input', { type: 'text', id: 'console-news-title', maxlength: INJECT_TITLE_MAX, autocomplete: 'off' });
  const body = h('textarea', { id: 'console-news-text', maxlength: INJECT_TEXT_MAX, rows: 2 });
  const sendNews = h('button', { type: 'button', id: 'console-send-news' }, 'Send this news');
  sendNews.addEventListener('click', () => {
    if (!headline.value.trim()) {
      headline.setCustomValidity('Write a headline first.');
      headline.reportValidity();
      return;
    }
    headline.setCustomValidity('');
    send(target.value, { kind: 'news', title: headline.value, text: body.value }, 'News sent.');
    headline.value = '';
    body.value = '';
  });

  box.append(
    h('fieldset', { class: 'news' },
      h('legend', {}, 'News'),
      h('div', { class: 'row' }, h('label', { for: 'console-news-room' }, 'Send to'), target),
      h('div', { class: 'row' },
        h('label', { for: 'console-event' }, 'A scenario event'),
        events.size > 0 ? eventSelect : h('span', { class: 'hint' }, 'every event has already happened'),
        sendEvent,
      ),
      h('p', { class: 'hint' }, 'Its effects apply at once in the game, and it will not happen again on its own date.'),
      h('div', { class: 'row' }, h('label', { for: 'console-news-title' }, 'Or plain news: headline'), headline),
      h('div', { class: 'row' }, h('label', { for: 'console-news-text' }, 'Text'), body, sendNews),
      h('p', { class: 'hint' }, 'Plain news changes nothing in the game; students read it in their news.'),
    ),
  );
  return box;
}
