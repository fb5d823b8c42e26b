/**
 * A room's messages on the console: every message, live, with a button to hide one from the
 * students (it is kept, and marked hidden here) or show it again. Text is set as text, never HTML.
 */
import './console.css';

import { h } from '../results/dom';
import { CAPITAL_NAMES } from '../results/labels';
import type { ConsoleRoom } from '../rooms/console-view';
import { messageHeading, type RoomMessage } from '../rooms/messages';
import type { Capital } from '../engine/types';

const NAMES = CAPITAL_NAMES as Record<Capital, string>;

export function renderMessageLog(room: ConsoleRoom, setHidden: ((id: string, hidden: boolean) => void) | null): HTMLElement {
  const list = room.messages;
  const hiddenCount = list.filter((m) => m.hidden).length;
  const box = h('details', { class: 'messages', open: room.summary.phase !== 'playing' ? true : undefined },
    h('summary', {}, `Messages (${list.length}${hiddenCount > 0 ? `, ${hiddenCount} hidden` : ''})`),
  );
  if (list.length === 0) {
    box.append(h('p', { class: 'hint' }, 'No messages yet.'));
    return box;
  }
  box.append(renderArchive(list, setHidden));
  return box;
}

/** A list of messages, oldest first: who wrote to whom in which turn, and the text (as text). */
export function renderArchive(list: readonly RoomMessage[], setHidden: ((id: string, hidden: boolean) => void) | null = null): HTMLElement {
  return h('ol', { class: 'message-list' },
    ...list.map((m) =>
      h('li', { class: m.hidden ? 'hidden-message' : '' },
        h('p', { class: 'message-head' }, messageHeading(m, NAMES), m.hidden ? h('strong', {}, ' · hidden from students') : ''),
        h('p', { class: 'message-text' }, m.text),
        setHidden
          ? h('button', { type: 'button', class: 'small', onclick: () => setHidden(m.id, !m.hidden) }, m.hidden ? 'Show again' : 'Hide from students')
          : '',
      ),
    ),
  );
}
