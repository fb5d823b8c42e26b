/**
 * The game screen's dialogs and the list of a seat's orders this turn: the end-of-turn
 * confirmation (what the player ordered, offers still waiting, that it cannot be undone), the game
 * menu and the hot-seat cover between players. They show what they are given and call back; no
 * rules here.
 */
import type { Action, Capital, GameState } from '../engine/types';
import type { Session } from '../store';
import { EMBLEM_URL } from './assets';
import { openChoice } from './choice';
import { aboutSources, howToPlay } from './content';
import { openReader } from './dialog';
import { formatMonth, h } from './dom';
import { capitalName, describeAction } from './labels';
import { CAPITAL_STYLE } from './theme';
import { inboxCount } from './trade';

/** The orders `seat` has given since its turn began (the end of turn aside). */
export function ordersThisTurn(s: Session, seat: Capital): Action[] {
  const from = s.seatStart?.logLength ?? s.actions.length;
  return s.actions.slice(from).filter((a) => a.seat === seat && a.type !== 'endTurn');
}

/** Orders as a numbered list, in words. */
export function orderList(state: GameState, orders: readonly Action[]): HTMLElement {
  return h('ol', { class: 'order-summary' }, ...orders.map((a) => h('li', {}, describeAction(state.rules, a))));
}

/** "End Moscow's turn?": the month's orders, offers still waiting, and that it is final. */
export function openEndTurn(state: GameState, mine: readonly Action[], onEnd: () => void): void {
  const seat = state.ctx.seat;
  const waiting = inboxCount(state, seat);
  const last =
    state.ctx.turn >= state.rules.calendar.turns &&
    state.rules.order.indexOf(seat) === state.rules.order.length - 1;
  const body = h(
    'div',
    {},
    h(
      'p',
      {},
      mine.length
        ? `Your orders for ${formatMonth(state.ctx.date)}:`
        : `You have given no orders for ${formatMonth(state.ctx.date)}. Everything stays as it is.`,
    ),
    mine.length ? orderList(state, mine) : null,
    waiting
      ? h('p', {}, `${waiting} offer${waiting === 1 ? ' is' : 's are'} still waiting for your answer.`)
      : null,
    h(
      'p',
      { class: 'muted-ink' },
      'Once the turn ends these orders cannot be taken back.' +
        (last ? ' This is the last turn: the game ends and the debrief follows.' : ''),
    ),
  );
  openChoice({
    title: `End ${capitalName(state, seat)}’s turn?`,
    body,
    buttons: [
      { label: 'End turn', primary: true, onChoose: onEnd },
      { label: 'Keep giving orders' },
    ],
  });
}

/** The game menu: how to play, the sources, the record, leaving. */
export function openGameMenu(on: { onDownloadRecord(): void; onLeave(): void }): void {
  openChoice({
    title: 'Game menu',
    className: 'choice-list',
    body: h('p', {}, 'Your game is saved on this device after every order. You can leave and continue later.'),
    buttons: [
      {
        label: 'How to play',
        onChoose: () => void setTimeout(() => openReader('How to play', howToPlay()), 0),
      },
      {
        label: 'About the sources',
        onChoose: () => void setTimeout(() => openReader('About the sources', aboutSources()), 0),
      },
      { label: 'Download game record', onChoose: () => on.onDownloadRecord() },
      { label: 'Leave to the main menu', onChoose: () => void setTimeout(() => on.onLeave(), 0) },
      { label: 'Close' },
    ],
    focus: 4,
  });
}

/**
 * The hot-seat cover between players: whose turn it is and why the screen is hidden. Fills `box`
 * and returns its button, which calls `onGo`.
 */
export function handoffCover(
  box: HTMLElement,
  state: GameState,
  seat: Capital,
  prev: Capital | null,
  onGo: () => void,
): HTMLButtonElement {
  const go = h(
    'button',
    { type: 'button', class: 'btn btn-primary', id: 'handoff-go' },
    `I am ${CAPITAL_STYLE[seat].name}: show my orders`,
  );
  go.addEventListener('click', onGo);
  box.append(
    h(
      'div',
      { class: 'handoff-inner' },
      h('img', { src: EMBLEM_URL[seat], alt: '', width: 72, height: 72 }),
      h('h1', { id: 'handoff-title' }, `Pass the device to ${capitalName(state, seat)}`),
      h(
        'p',
        {},
        prev && prev !== seat
          ? `${capitalName(state, prev)} has finished giving orders. `
          : `${capitalName(state, seat)} gives orders first. `,
        `Hand the device to the player of ${capitalName(state, seat)} for ${formatMonth(state.ctx.date)} (turn ${state.ctx.turn} of ${state.rules.calendar.turns}).`,
      ),
      h(
        'p',
        { class: 'muted' },
        'Each capital’s stocks, estimates and offers are private: they stay hidden until its player continues.',
      ),
      go,
    ),
  );
  return go;
}
