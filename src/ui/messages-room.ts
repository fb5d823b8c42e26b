/**
 * A class room's messages and turn clock on this device, kept from the server's frames: the
 * Trade tab's messages section, the countdown in the room bar, and the message archive added to
 * the debrief all read it. Local games have none (the Trade tab then shows no messages).
 */
import type { Capital, GameState } from '../engine/types';
import type { RoomMessage, RoomStage } from '../rooms/messages';
import type { RoomClient } from '../session/room-client';
import { mountCountdown, type Countdown } from './countdown';
import { h } from './dom';
import { emptyMessageDraft, messagesPanel, type MessageDraftState } from './messages-panel';
import './messages.css';

export interface RoomChat {
  messages: RoomMessage[];
  muted: boolean;
  stage: RoomStage;
  send(to: Capital[], text: string, offerId: number | null): Promise<string | null>;
}

let current: RoomChat | null = null;
const listeners = new Set<() => void>();
const draft: MessageDraftState = emptyMessageDraft();

function changed(): void {
  for (const fn of listeners) fn();
}

/** Follows a room client's message frames until the returned function is called. */
export function attachRoomChat(client: RoomClient): () => void {
  const chat: RoomChat = {
    messages: [],
    muted: false,
    stage: 'playing',
    send: async (to, text, offerId) => {
      const r = await client.message(to, text, offerId);
      return r.ok ? null : r.message.charAt(0).toUpperCase() + r.message.slice(1);
    },
  };
  current = chat;
  const stop = client.subscribe((c, m) => {
    if (!m) return;
    // A room already finished when this device (re)connects sends no 'finished': its snapshot says so.
    if (c.snapshot?.room.phase === 'finished' && chat.stage !== 'debrief') chat.stage = 'debrief';
    if (m.type === 'message') {
      if (!chat.messages.some((x) => x.id === m.message.id)) chat.messages = [...chat.messages, m.message];
    } else if (m.type === 'messages') {
      chat.messages = m.messages;
      chat.muted = m.muted;
    } else if (m.type === 'finished') chat.stage = 'debrief';
    else return;
    changed();
  });
  return () => {
    stop();
    if (current === chat) current = null;
    changed();
  };
}

/**
 * The Trade tab's messages section for a room seat (nothing in a local game). It redraws itself
 * when a message arrives, keeping what the student is typing.
 */
export function roomMessagesSection(state: GameState, seat: Capital): HTMLElement[] {
  const chat = current;
  if (!chat) return [];
  const holder = h('div', { class: 'room-messages' });
  const draw = () => {
    const now = current;
    if (!now) return;
    const focused = document.activeElement?.id;
    holder.replaceChildren(messagesPanel({ state, seat, stage: now.stage, messages: now.messages, muted: now.muted, send: now.send }, draft));
    if (focused) holder.querySelector<HTMLElement>(`#${focused}`)?.focus();
  };
  const redraw = () => {
    if (!holder.isConnected) listeners.delete(redraw);
    else draw();
  };
  draw();
  // Listen from the next frame on: the holder is in the page by then.
  requestAnimationFrame(() => listeners.add(redraw));
  return [holder];
}

/** The countdown in the room bar, following the room's deadline and pause. */
export function mountRoomCountdown(bar: HTMLElement, client: RoomClient, announce: (text: string) => void): () => void {
  const countdown: Countdown = mountCountdown(announce);
  bar.prepend(countdown.element);
  let offset = 0;
  const update = () => {
    const snap = client.snapshot;
    if (!snap) return;
    const r = snap.room;
    countdown.update({
      deadline: r.phase === 'playing' ? r.deadline : null,
      paused: r.phase === 'playing' && r.paused,
      offset,
      ended: r.seats.find((s) => s.capital === snap.seat)?.ended ?? false,
    });
  };
  const stop = client.subscribe((_c, m) => {
    // The server's clock travels with every clock frame: correct this device's by it.
    if (m?.type === 'clock') {
      offset = m.now - Date.now();
      const snap = client.snapshot;
      if (snap) snap.room = { ...snap.room, deadline: m.deadline, paused: m.paused };
    }
    update();
  });
  update();
  return () => {
    stop();
    countdown.stop();
    countdown.element.remove();
  };
}

/**
 * Adds the room's message archive (now revealed to everyone) to the debrief as soon as it is on
 * screen (after the last month's report, which may take a while); stops with the room's chat.
 */
export function addDebriefMessages(state: GameState, seat: Capital): void {
  const chat = current;
  if (!chat) return;
  const place = (): boolean => {
    if (current !== chat) return true;
    const foot = document.querySelector('#debrief .debrief-inner > .db-foot');
    if (!foot) return false;
    if (!document.getElementById('debrief-messages')) {
      const box = h('div', { id: 'debrief-messages', class: 'room-messages db-section' });
      box.append(...roomMessagesSection(state, seat));
      foot.before(box);
    }
    return true;
  };
  if (place()) return;
  const watch = new MutationObserver(() => {
    if (place()) watch.disconnect();
  });
  watch.observe(document.body, { childList: true, subtree: true });
}
