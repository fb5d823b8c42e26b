/**
 * One room on the teacher's console: turn and month, each seat (student, connected, ended or
 * still thinking and for how long, score so far), the human-cost ledger so far, open offers and
 * deals, a stall alert, the room's time controls and its messages (hide, mute).
 *
 * A card is rebuilt only when its room changes; the once-a-second tick rewrites the few text
 * nodes that depend on the time (countdown, "thinking for"), so 40 rooms stay cheap.
 */
import { CAPITALS, type Capital } from '../engine/types';
import { bundleText } from '../ui/plain-words';
import { CAPITAL_NAMES } from '../results/labels';
import { fmt, fmtMonth, h } from '../results/dom';
import type { ConsoleCommandBody, ConsoleRoom } from '../rooms/console-view';
import { stallOf } from '../rooms/console-view';
import { formatClock, remainingMs } from '../rooms/turn-clock';
import { renderMessageLog } from './message-log';

export type Send = (room: string, command: ConsoleCommandBody) => void;

export const NAMES = CAPITAL_NAMES as Record<Capital, string>;

const PHASE_WORDS = { waiting: 'Waiting for students', playing: 'Playing', finished: 'Finished' } as const;

/** The countdown line of a room: "2:13 left", "Paused (2:13 left)", "No deadline". */
export function clockText(room: ConsoleRoom, now: number): string {
  if (room.summary.phase !== 'playing') return '';
  const left = remainingMs(room.clock, now);
  if (room.clock.paused) return left === null ? 'Paused' : `Paused (${formatClock(left)} left)`;
  return left === null ? 'No deadline' : `${formatClock(left)} left`;
}

function seatState(room: ConsoleRoom, c: Capital, now: number): string {
  const seat = room.summary.seats.find((x) => x.capital === c);
  if (!seat || room.summary.phase !== 'playing') return '';
  if (seat.ended) {
    const at = room.endedAt[c];
    return at === undefined ? 'Orders given' : `Orders given after ${formatClock(at - room.turnStartedAt)}`;
  }
  return `Thinking for ${formatClock(now - room.turnStartedAt)}`;
}

function turnLine(room: ConsoleRoom): string {
  const s = room.summary;
  return s.phase === 'waiting' ? PHASE_WORDS.waiting : `${PHASE_WORDS[s.phase]} · turn ${s.turn} of ${s.turns} · ${fmtMonth(s.date)}`;
}

function humanCostText(room: ConsoleRoom): string {
  const hc = room.humanCost;
  return `${fmt(hc.sent)} North Koreans sent, ${fmt(hc.killed)} killed, ${fmt(hc.wounded)} wounded, ${fmt(hc.captured)} captured; ${fmt(hc.familiesAtRisk)} families at risk; ${fmt(hc.russianKilled)} Russian and ${fmt(hc.ukrainianKilled)} Ukrainian soldiers killed.`;
}

function tradeLines(room: ConsoleRoom): string[] {
  return [
    ...room.offers.map((o) => `Open offer: ${NAMES[o.from]} offers ${NAMES[o.to]} ${bundleText(o.give)} for ${bundleText(o.get)}.`),
    ...room.deals.map((d) => `Deal: ${NAMES[d.from]} gives ${NAMES[d.to]} ${bundleText(d.give)} for ${bundleText(d.get)} (${d.done} of ${d.turns} deliveries made).`),
  ];
}

function tradeList(lines: string[]): HTMLElement {
  return lines.length > 0 ? h('ul', { 'data-trade': '' }, ...lines.map((t) => h('li', {}, t))) : h('p', { class: 'hint', 'data-trade': '' }, 'None open.');
}

/**
 * Writes a text or class only when it differs: forty cards are patched several times a second,
 * and an unchanged write would still make the browser lay the page out again.
 */
function setText(el: HTMLElement | null, text: string): void {
  if (el && el.textContent !== text) el.textContent = text;
}

function setClass(el: HTMLElement | null, name: string): void {
  if (el && el.className !== name) el.className = name;
}

function deviceText(room: ConsoleRoom, c: Capital): string {
  const seat = room.summary.seats.find((x) => x.capital === c);
  return seat?.kind === 'computer' ? '—' : seat?.connected ? 'Connected' : 'Not connected';
}

/**
 * What only a full rebuild shows right: the card's shape (phase, pause, seats and who plays them,
 * mutes, messages, result). Anything else a frame changes is patched in place.
 */
export function cardShape(room: ConsoleRoom): string {
  const s = room.summary;
  return JSON.stringify([s.phase, s.paused, s.number, s.resultId, s.seats.map((x) => [x.kind, x.pseudonym]), room.muted, room.messages.map((m) => [m.id, m.hidden])]);
}

/** Updates a card in place: turn, clock, seats (device, this turn, score), human cost, trade. */
export function patchRoomCard(card: HTMLElement, room: ConsoleRoom, now: number): void {
  setText(card.querySelector<HTMLElement>('.turn-line'), turnLine(room));
  for (const c of CAPITALS) {
    const row = card.querySelector<HTMLElement>(`tr[data-seat="${c}"]`);
    if (!row) continue;
    const seat = room.summary.seats.find((x) => x.capital === c);
    setClass(row, seat?.ended ? 'ended' : 'thinking');
    const device = row.querySelector<HTMLElement>('[data-device]');
    setText(device, deviceText(room, c));
    setClass(device, seat?.connected ? 'ok' : 'off');
    setText(row.querySelector<HTMLElement>('[data-score]'), fmt(room.scores[c]));
  }
  setText(card.querySelector<HTMLElement>('[data-human-cost]'), humanCostText(room));
  const trade = card.querySelector<HTMLElement>('[data-trade]');
  const lines = tradeLines(room);
  const key = JSON.stringify(lines);
  if (trade && trade.dataset['lines'] !== key) {
    const list = tradeList(lines);
    list.dataset['lines'] = key;
    trade.replaceWith(list);
  }
  tickRoomCard(card, room, now);
}

export function renderRoomCard(room: ConsoleRoom, now: number, send: Send): HTMLElement {
  const s = room.summary;
  const stall = stallOf(room, now, NAMES);
  const card = h('article', { class: `room-card phase-${s.phase}${stall ? ' stalled' : ''}`, id: `room-${s.id}`, 'aria-labelledby': `room-${s.id}-title` });
  card.append(
    h('header', {},
      h('h3', { id: `room-${s.id}-title` }, `Room ${s.number}`),
      h('p', { class: 'turn-line' }, turnLine(room)),
      h('p', { class: 'clock', 'data-clock': '' }, clockText(room, now)),
    ),
  );
  if (stall) card.append(h('p', { class: 'stall', role: 'status', 'data-stall': '' }, `Needs attention: ${stall}`));

  const rows = CAPITALS.map((c) => {
    const seat = s.seats.find((x) => x.capital === c);
    const who = seat?.kind === 'human' ? (seat.pseudonym ?? 'a student') : 'the computer';
    const muted = room.muted.includes(c);
    return h('tr', { class: seat?.ended ? 'ended' : 'thinking', 'data-seat': c },
      h('th', { scope: 'row' }, NAMES[c]),
      h('td', {}, who),
      h('td', { class: seat?.connected ? 'ok' : 'off', 'data-device': '' }, deviceText(room, c)),
      h('td', { 'data-seat-state': c }, seatState(room, c, now)),
      h('td', { class: 'num', 'data-score': '' }, fmt(room.scores[c])),
      h('td', {}, seat?.kind === 'human' && s.phase === 'playing'
        ? h('button', { type: 'button', class: 'small', 'aria-pressed': muted ? 'true' : 'false', onclick: () => send(s.id, { kind: 'mute', seat: c, muted: !muted }) },
            muted ? `Let ${NAMES[c]} write again` : `Mute ${NAMES[c]}`)
        : ''),
    );
  });
  card.append(
    h('div', { class: 'table-wrap' }, h('table', { class: 'seats' },
      h('caption', { class: 'visually-hidden' }, `Seats of room ${s.number}`),
      h('thead', {}, h('tr', {}, ...['Capital', 'Played by', 'Device', 'This turn', 'Score so far', 'Messages'].map((t) => h('th', { scope: 'col' }, t)))),
      h('tbody', {}, ...rows),
    )),
  );

  card.append(
    h('p', { class: 'human-cost' }, h('strong', {}, 'Human cost so far: '), h('span', { 'data-human-cost': '' }, humanCostText(room))),
    h('div', { class: 'trade' }, h('h4', {}, 'Offers and deals'), tradeList(tradeLines(room))),
  );

  if (s.phase === 'playing')
    card.append(
      h('div', { class: 'room-controls', role: 'group', 'aria-label': `Time in room ${s.number}` },
        h('button', { type: 'button', onclick: () => send(s.id, { kind: 'extend', seconds: 60 }) }, 'One more minute'),
        h('button', { type: 'button', onclick: () => send(s.id, { kind: 'endTurn' }) }, 'End this turn now'),
        h('button', { type: 'button', onclick: () => send(s.id, s.paused ? { kind: 'resume' } : { kind: 'pause' }) }, s.paused ? 'Resume this room' : 'Pause this room'),
      ),
    );
  if (s.resultId)
    card.append(h('p', {}, h('a', { href: `/results?id=${encodeURIComponent(s.resultId)}` }, `Room ${s.number}'s game: replay and key decisions`)));

  card.append(renderMessageLog(room, (id, hidden) => send(s.id, { kind: 'hide', message: id, hidden })));
  return card;
}

/** Rewrites the time-dependent text of a card (cheap: a few text nodes). */
export function tickRoomCard(card: HTMLElement, room: ConsoleRoom, now: number): void {
  setText(card.querySelector<HTMLElement>('[data-clock]'), clockText(room, now));
  for (const c of CAPITALS) setText(card.querySelector<HTMLElement>(`[data-seat-state="${c}"]`), seatState(room, c, now));
}
