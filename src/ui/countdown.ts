/**
 * The turn's countdown on a student's screen in a class room: "2:13 left to give your orders",
 * "Paused by your teacher". It ticks once a second from the room's deadline, corrected by the
 * difference between the server's clock and this device's. Under 30 s it turns urgent, and a
 * screen reader hears the last minute and the last 10 seconds once each.
 */
import { formatClock } from '../rooms/turn-clock';
import { h } from './dom';

export interface CountdownState {
  /** When the turn ends (ms since 1970, server clock), or null without a deadline. */
  deadline: number | null;
  paused: boolean;
  /** Server clock minus this device's clock (ms). */
  offset: number;
  /** Whether this seat has ended the turn (then the clock says what happens next). */
  ended: boolean;
}

export interface Countdown {
  element: HTMLElement;
  update(state: CountdownState): void;
  stop(): void;
}

export function countdownText(s: CountdownState, now: number): string {
  if (s.paused) return 'Paused by your teacher';
  if (s.deadline === null) return '';
  const left = formatClock(s.deadline - (now + s.offset));
  return s.ended ? `${left} until the month ends` : `${left} left to give your orders`;
}

export function mountCountdown(announce: (text: string) => void): Countdown {
  const element = h('p', {
    class: 'countdown',
    role: 'timer',
    'aria-live': 'off',
    id: 'turn-countdown',
  });
  let state: CountdownState = { deadline: null, paused: false, offset: 0, ended: false };
  let said = new Set<string>();
  const tick = () => {
    const now = Date.now();
    element.textContent = countdownText(state, now);
    element.hidden = element.textContent === '';
    const left =
      state.deadline === null || state.paused ? null : state.deadline - (now + state.offset);
    element.classList.toggle('urgent', left !== null && left <= 30_000);
    for (const [mark, words] of [
      [60_000, 'One minute left this month.'],
      [10_000, 'Ten seconds left this month.'],
    ] as const) {
      const key = `${state.deadline}:${mark}`;
      if (left !== null && left <= mark && left > mark - 2_000 && !said.has(key) && !state.ended) {
        said.add(key);
        announce(words);
      }
    }
  };
  const timer = window.setInterval(tick, 1000);
  return {
    element,
    update(next) {
      if (next.deadline !== state.deadline) said = new Set();
      state = next;
      tick();
    },
    stop: () => window.clearInterval(timer),
  };
}
