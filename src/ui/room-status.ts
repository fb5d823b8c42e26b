/**
 * The room's bar above the game screen: which room, the month, who has ended it and who is
 * still giving orders, who is connected, and this device's connection. Words only.
 */
import type { RoomClient } from '../session/room-client';
import { clear, formatMonth, h } from './dom';
import { CAPITAL_STYLE } from './theme';

const CONNECTION: Record<RoomClient['status'], string> = {
  connecting: 'Connecting…',
  open: 'Connected',
  reconnecting: 'Connection lost: reconnecting… your orders are kept and sent when it is back.',
  superseded: 'This seat was opened on another tab or device.',
  closed: 'Disconnected',
};

export function mountRoomBar(
  root: HTMLElement,
  o: { onLeave(): void },
): { update(client: RoomClient): void; setProblem(text: string): void; destroy(): void } {
  const summary = h('p', { class: 'room-bar-summary' });
  const seats = h('ul', { class: 'room-bar-seats', 'aria-label': 'Who has ended the month' });
  const status = h('p', { class: 'room-bar-status', role: 'status' });
  const problem = h('p', { class: 'room-bar-problem', role: 'alert', hidden: true });
  const leave = h('button', { type: 'button', class: 'btn btn-small' }, 'Leave the room');
  leave.addEventListener('click', () => o.onLeave());
  const element = h(
    'aside',
    { class: 'room-bar', id: 'room-bar', 'aria-label': 'Your class room' },
    summary,
    seats,
    status,
    problem,
    leave,
  );
  root.appendChild(element);
  return {
    update(client) {
      const snap = client.snapshot;
      status.textContent = client.stopped ?? CONNECTION[client.status];
      element.dataset['connection'] = client.status;
      if (!snap) return;
      const r = snap.room;
      element.dataset['turn'] = String(r.turn);
      summary.textContent = `Room ${r.number} · ${formatMonth(r.date)} · you play ${CAPITAL_STYLE[snap.seat].name}`;
      clear(seats);
      for (const s of r.seats) {
        const who =
          s.kind === 'computer'
            ? s.claimed
              ? 'computer until this month ends'
              : 'computer'
            : (s.pseudonym ?? 'a student');
        const state =
          s.kind === 'computer' ? '' : s.ended ? ' · has ended the month' : ' · giving orders';
        const away = s.kind === 'human' && !s.connected ? ' · not connected' : '';
        seats.append(
          h(
            'li',
            { 'data-ended': s.ended ? 'true' : 'false' },
            h('strong', {}, CAPITAL_STYLE[s.capital].name),
            ` (${who})${state}${away}`,
          ),
        );
      }
      const me = r.seats.find((s) => s.capital === snap.seat);
      if (me?.ended && r.phase === 'playing')
        status.textContent = `${status.textContent}. You have ended the month: the map moves on when everyone has.`;
    },
    setProblem(text) {
      problem.textContent = `The server refused an order: ${text}`;
      problem.hidden = false;
    },
    destroy: () => element.remove(),
  };
}
