/**
 * /results?console=<CODE> — the teacher's console for a class's rooms, behind the class's
 * moderation key: every room at a glance, live; time (deadline per turn, pause, resume, one more
 * minute, end the turn now); news injects (a scenario event, in words, or plain news) to all
 * rooms or one; and after the game the rooms side by side with their message archives.
 */
import './console.css';

import { exportCsv, MODERATION_HEADER } from '../results/api';
import { announce, clear, h } from '../results/dom';
import { moderationError, rememberedKey, rememberKey, saveBlob } from '../results/moderate';
import type { ConsoleCommandBody, ConsoleFrame, ConsoleRoom, ConsoleRoomPatch } from '../rooms/console-view';
import { patchRoom, stallOf } from '../rooms/console-view';
import { renderAfterGame } from './after-game';
import { openConsoleSocket, type ConsoleSocket } from './console-socket';
import { renderControls } from './controls';
import { cardShape, NAMES, patchRoomCard, renderRoomCard, tickRoomCard } from './room-card';

/**
 * Off-screen cards are brought up to date this often (ms), and at once when they scroll into view:
 * forty rooms at a class's pace change rarely, but a room played fast sends several frames a
 * second, and redrawing cards nobody can see was most of the page's work.
 */
const OFF_SCREEN_REFRESH_MS = 2000;

/**
 * The page redraws at most this often (ms): frames arriving in between are folded into the data
 * at once and drawn together. Twice a second is live for a person reading forty rooms, and it
 * keeps the page's main thread free for the teacher's clicks when many rooms change at once.
 */
const REDRAW_MS = 500;

interface Live {
  rooms: Map<string, ConsoleRoom>;
  cards: Map<string, HTMLElement>;
  /** Rooms whose card is in the window: redrawn as their frames arrive. */
  onScreen: Set<string>;
  /** Rooms that changed since their card was drawn (off screen, or waiting for the next redraw). */
  stale: Set<string>;
  /** server clock minus this computer's clock (ms) */
  offset: number;
  minTurnSeconds: number;
}

export function renderConsole(main: HTMLElement, classCode: string): void {
  document.title = `Teacher's console, class ${classCode} — Three Capitals`;
  main.append(
    h('h1', {}, `Teacher's console — class ${classCode}`),
    h('p', { class: 'hint' }, 'Every room of the class, live. Only someone with the class’s moderation key can open it.'),
  );
  const known = rememberedKey(classCode);
  if (known) start(main, classCode, known);
  else askKey(main, classCode);
}

function askKey(main: HTMLElement, code: string): void {
  const input = h('input', { type: 'password', id: 'console-key', autocomplete: 'off', required: true, minlength: 16, maxlength: 128 });
  const remember = h('input', { type: 'checkbox', id: 'console-remember' });
  const form = h('form', { class: 'panel', id: 'console-key-form' },
    h('label', { for: 'console-key' }, 'Moderation key of the class'),
    input,
    h('label', { class: 'checkbox', for: 'console-remember' }, remember, ' Remember the key on this computer'),
    h('button', { type: 'submit' }, 'Open the console'),
  );
  form.addEventListener('submit', (ev) => {
    ev.preventDefault();
    const key = input.value.trim();
    if (remember.checked) rememberKey(code, key);
    form.remove();
    start(main, code, key);
  });
  main.append(form);
  input.focus();
}

function start(main: HTMLElement, code: string, key: string): void {
  const status = h('p', { class: 'status', role: 'status', id: 'console-status' }, 'Connecting…');
  const feedback = h('p', { class: 'feedback', role: 'status', id: 'console-feedback' });
  const controlsBox = h('section', { class: 'panel console-controls', 'aria-label': 'Time and news for the class' });
  const grid = h('section', { class: 'room-grid', 'aria-label': 'Rooms' });
  const after = h('section', { class: 'after-game', 'aria-label': 'After the game' });
  main.append(status, controlsBox, feedback, grid, after);
  main.classList.add('console-wide');
  main.dataset['ready'] = 'connecting';

  const live: Live = { rooms: new Map(), cards: new Map(), onScreen: new Set(), stale: new Set(), offset: 0, minTurnSeconds: 30 };
  const now = () => Date.now() + live.offset;
  const pending = new Map<string, string>();
  const openLogs = new Set<string>();

  const send = (room: string, command: ConsoleCommandBody, done?: string): void => {
    const id = socket.send(room, command);
    if (done) pending.set(id, done);
  };

  const renderCard = (room: ConsoleRoom): void => {
    const id = room.summary.id;
    const card = renderRoomCard(room, now(), (r, c) => send(r, c, 'Done.'));
    // A message list the teacher opened stays open when the card is rebuilt.
    const log = card.querySelector<HTMLDetailsElement>('details.messages');
    const old = live.cards.get(id);
    if (old?.querySelector<HTMLDetailsElement>('details.messages')?.open) openLogs.add(id);
    if (log) {
      if (openLogs.has(id)) log.open = true;
      log.addEventListener('toggle', () => (log.open ? openLogs.add(id) : openLogs.delete(id)));
    }
    if (old) seen.unobserve(old);
    seen.observe(card);
    live.stale.delete(id);
    if (old?.isConnected) old.replaceWith(card);
    else {
      // A new room takes its place by number; the "no room yet" note goes.
      grid.querySelector('.no-rooms')?.remove();
      const next = [...live.cards.values()].find((c) => c.isConnected && Number(c.dataset['number']) > room.summary.number);
      if (next) next.before(card);
      else grid.append(card);
    }
    card.dataset['number'] = String(room.summary.number);
    card.dataset['room'] = id;
    card.dataset['shape'] = cardShape(room);
    live.cards.set(room.summary.id, card);
  };

  /** Redraws a room's card: patched in place, or rebuilt when its shape or stall alert changed. */
  const refresh = (room: ConsoleRoom): void => {
    const card = live.cards.get(room.summary.id);
    live.stale.delete(room.summary.id);
    const t = now();
    // Figures and states are patched in place (cheap); anything else rebuilds the card.
    const same = card?.isConnected && card.dataset['shape'] === cardShape(room) && card.classList.contains('stalled') === (stallOf(room, t, NAMES) !== null);
    if (same) patchRoomCard(card, room, t);
    else renderCard(room);
  };

  /** Which cards are on screen: those are kept live; the others catch up when they come into view. */
  const seen = new IntersectionObserver(
    (entries) => {
      for (const e of entries) {
        if (e.target === after) {
          afterOnScreen = e.isIntersecting;
          if (afterOnScreen && finishedSince) renderAfter();
          continue;
        }
        const id = (e.target as HTMLElement).dataset['room'];
        if (!id || live.cards.get(id) !== e.target) continue;
        if (!e.isIntersecting) {
          live.onScreen.delete(id);
          continue;
        }
        live.onScreen.add(id);
        const room = live.rooms.get(id);
        if (room && live.stale.has(id)) refresh(room);
        else if (room) tickRoomCard(e.target as HTMLElement, room, now());
      }
    },
  );

  /** Rebuilds the class controls, keeping what the teacher was typing or had chosen. */
  const rebuildControls = (): void => {
    const kept = [...controlsBox.querySelectorAll<HTMLInputElement | HTMLTextAreaElement | HTMLSelectElement>('input, textarea, select')].map(
      (el) => [el.id, el.value] as const,
    );
    const focused = document.activeElement?.id;
    clear(controlsBox);
    controlsBox.append(renderControls([...live.rooms.values()], live.minTurnSeconds, send));
    for (const [id, value] of kept) {
      const el = id ? controlsBox.querySelector<HTMLInputElement>(`#${id}`) : null;
      if (el && (el.tagName !== 'SELECT' || [...(el as unknown as HTMLSelectElement).options].some((o) => o.value === value))) el.value = value;
    }
    if (focused) controlsBox.querySelector<HTMLElement>(`#${focused}`)?.focus();
  };
  /** What the controls show of the rooms: rebuilt only when this changes. */
  const controlsKey = (): string => {
    const rooms = [...live.rooms.values()];
    const events = new Set(rooms.flatMap((r) => r.injectable.map((e) => e.id)));
    return JSON.stringify([rooms.map((r) => [r.summary.id, r.summary.phase, r.summary.paused, r.clock.turnMs]), [...events]]);
  };
  let shownControls = '';

  const renderAll = (): void => {
    rebuildControls();
    shownControls = controlsKey();
    clear(grid);
    seen.disconnect();
    seen.observe(after);
    live.cards.clear();
    live.stale.clear();
    const rooms = [...live.rooms.values()].sort((a, b) => a.summary.number - b.summary.number);
    if (rooms.length === 0) grid.append(h('p', { class: 'hint no-rooms' }, 'No room has opened yet: rooms appear here as students join.'));
    for (const r of rooms) renderCard(r);
    renderAfter();
  };

  const renderAfter = (): void => {
    finishedSince = false;
    clear(after);
    after.append(renderAfterGame([...live.rooms.values()], code, {
      resultsCsv: () => exportCsv(code, key).then((b) => saveBlob(b, `three-capitals-class-${code}.csv`)),
      messagesCsv: () => fetchMessagesCsv(code, key).then((b) => saveBlob(b, `three-capitals-class-${code}-messages.csv`)),
    }));
  };

  const onFrame = (frame: ConsoleFrame): void => {
    live.offset = frame.now - Date.now();
    if (frame.type === 'console') {
      live.minTurnSeconds = frame.minTurnSeconds;
      live.rooms = new Map(frame.rooms.map((r) => [r.summary.id, r]));
      renderAll();
      main.dataset['ready'] = 'live';
      return;
    }
    for (const patch of frame.rooms) {
      const before = live.rooms.get(patch.summary.id);
      const room = patchRoom(before, patch);
      live.rooms.set(room.summary.id, room);
      if (!before || showsChange(before, patch)) live.stale.add(room.summary.id);
      if (room.summary.phase === 'finished' && before?.summary.phase !== 'finished') finishedSince = true;
    }
    if (redraw === null) redraw = window.setTimeout(draw, Math.max(0, drawnAt + REDRAW_MS - performance.now()));
  };

  /** A room finished since the rooms side by side were drawn. */
  let finishedSince = false;
  let afterOnScreen = false;
  let redraw: number | null = null;
  let drawnAt = -Infinity;
  /** Draws what changed since the last redraw: cards on screen (and new rooms), the controls, the end. */
  const draw = (): void => {
    redraw = null;
    drawnAt = performance.now();
    for (const id of live.stale) {
      const room = live.rooms.get(id);
      if (room && (live.onScreen.has(id) || !live.cards.has(id))) refresh(room);
    }
    // The rooms side by side sit below every card: rebuilt at once only when in view.
    if (finishedSince && afterOnScreen) renderAfter();
    // The controls list the rooms, the pause state and the events still to come.
    const key = controlsKey();
    if (key !== shownControls) {
      rebuildControls();
      shownControls = key;
    }
  };

  const socket: ConsoleSocket = openConsoleSocket(code, key, (e) => {
    switch (e.kind) {
      case 'frame':
        onFrame(e.frame);
        return;
      case 'status':
        status.textContent = e.connected
          ? 'Connected: the rooms below are live.'
          : `Connection lost; trying again in ${Math.ceil((e.retryInMs ?? 0) / 1000)} s…`;
        return;
      case 'refused':
        status.textContent = e.message;
        main.dataset['ready'] = 'refused';
        return;
      case 'ack': {
        const done = pending.get(e.id);
        pending.delete(e.id);
        if (done) {
          feedback.textContent = done;
          announce(done);
        }
        return;
      }
      case 'error':
        if (e.id) pending.delete(e.id);
        feedback.textContent = e.code === 'moderation-key-invalid' ? moderationError(new Error(e.message), code) : e.message;
        feedback.classList.add('error');
        window.setTimeout(() => feedback.classList.remove('error'), 4000);
        return;
    }
  });

  // Once a second on screen, every OFF_SCREEN_REFRESH_MS off it: countdowns, "thinking for",
  // stall alerts that time alone brings on, and off-screen cards' changes.
  let ticks = 0;
  const timer = window.setInterval(() => {
    if (!main.isConnected) {
      window.clearInterval(timer);
      if (redraw !== null) window.clearTimeout(redraw);
      redraw = null;
      seen.disconnect();
      socket.close();
      return;
    }
    // Changes waiting for a redraw go with the clocks: one redraw for both.
    if (redraw !== null) window.clearTimeout(redraw);
    draw();
    const t = now();
    const all = ++ticks % Math.round(OFF_SCREEN_REFRESH_MS / 1000) === 0;
    if (all && finishedSince) renderAfter();
    for (const [id, room] of live.rooms) {
      const card = live.cards.get(id);
      if (!card || (!all && !live.onScreen.has(id))) continue;
      const stalled = stallOf(room, t, NAMES) !== null;
      if (live.stale.has(id) || stalled !== card.classList.contains('stalled')) refresh(room);
      else tickRoomCard(card, room, t);
    }
  }, 1000);
}

/**
 * Whether a patch changes what the room's card shows: the server sends only changed fields, so
 * any field but the summary and the last activity (the clock alone moves those on screen) does;
 * the summary does unless only its log position and time moved.
 */
function showsChange(before: ConsoleRoom, patch: ConsoleRoomPatch): boolean {
  if (Object.keys(patch).some((k) => k !== 'summary' && k !== 'lastActivityAt')) return true;
  const quiet = (s: ConsoleRoom['summary']) => JSON.stringify({ ...s, seq: 0, updatedAt: 0 });
  return quiet(before.summary) !== quiet(patch.summary);
}

async function fetchMessagesCsv(code: string, key: string): Promise<Blob> {
  const res = await fetch(`/api/classes/${encodeURIComponent(code)}/messages.csv`, { headers: { [MODERATION_HEADER]: key, accept: 'text/csv' } });
  if (!res.ok) throw new Error(`The messages could not be exported (${res.status}).`);
  return res.blob();
}
