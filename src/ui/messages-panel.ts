/**
 * Messages between capitals in a class room, beside the offers in the Trade tab: the seat's
 * conversation (what it sent and what was sent to it; the whole room's at the debrief) and a
 * composer (to one capital or both, optionally with one of the open offers). Text is set as
 * text, never HTML. The panel decides nothing: the room server checks and stores every message.
 */
import type { Capital, GameState } from '../engine/types';
import {
  MESSAGE_MAX_CHARS,
  messageHeading,
  readableMessages,
  type RoomMessage,
  type RoomStage,
} from '../rooms/messages';
import { button, section } from './controls';
import { h } from './dom';
import { capitalName, CAPITAL_IDS } from './labels';

export interface MessagesContext {
  state: GameState;
  seat: Capital;
  stage: RoomStage;
  messages: readonly RoomMessage[];
  muted: boolean;
  /** Sends a message; resolves with null when stored, else why not (in words). */
  send(to: Capital[], text: string, offerId: number | null): Promise<string | null>;
}

/** What the composer holds between renders (the panel is rebuilt on every update). */
export interface MessageDraftState {
  to: Capital | 'both';
  text: string;
  offerId: number | null;
}

export function emptyMessageDraft(): MessageDraftState {
  return { to: 'both', text: '', offerId: null };
}

export function messagesPanel(ctx: MessagesContext, draft: MessageDraftState): HTMLElement {
  const names = Object.fromEntries(
    CAPITAL_IDS.map((c) => [c, capitalName(ctx.state, c)]),
  ) as Record<Capital, string>;
  const viewer = { kind: 'seat' as const, seat: ctx.seat };
  const shown = readableMessages(ctx.messages, viewer, ctx.stage);
  const others = CAPITAL_IDS.filter((c) => c !== ctx.seat);
  const title = ctx.stage === 'debrief' ? 'Messages of the whole room' : 'Messages';
  const list = shown.length
    ? h(
        'ol',
        { class: 'message-list', 'aria-label': title },
        ...shown.map((m) =>
          h(
            'li',
            { class: `message${m.from === ctx.seat ? ' mine' : ''}` },
            h('p', { class: 'message-head muted small' }, messageHeading(m, names)),
            h('p', { class: 'message-text' }, m.text),
          ),
        ),
      )
    : h(
        'p',
        { class: 'muted small' },
        ctx.stage === 'debrief' ? 'Nobody in this room wrote a message.' : 'No messages yet.',
      );
  const note =
    ctx.stage === 'debrief'
      ? 'At the debrief every message of the room is shown to everyone.'
      : 'Only the capitals you write to (and your teacher) read your messages during the game. At the debrief the whole room reads them all.';
  if (ctx.stage !== 'playing')
    return section('messages', title, h('p', { class: 'muted small' }, note), list);
  return section(
    'messages',
    title,
    h('p', { class: 'muted small' }, note),
    list,
    composer(ctx, draft, others, names),
  );
}

function composer(
  ctx: MessagesContext,
  draft: MessageDraftState,
  others: Capital[],
  names: Record<Capital, string>,
): HTMLElement {
  if (ctx.muted)
    return h(
      'p',
      { class: 'field-error', role: 'status' },
      'Your teacher has paused your messages for now.',
    );
  const to = h(
    'select',
    { id: 'message-to', class: 'input' },
    h(
      'option',
      { value: 'both', selected: draft.to === 'both' },
      `${names[others[0]!]} and ${names[others[1]!]}`,
    ),
    ...others.map((c) => h('option', { value: c, selected: draft.to === c }, names[c])),
  );
  to.addEventListener('change', () => (draft.to = to.value as MessageDraftState['to']));
  const offers = ctx.state.offers.filter(
    (o) => o.status === 'open' && (o.from === ctx.seat || o.to === ctx.seat),
  );
  const withOffer = h(
    'select',
    { id: 'message-offer', class: 'input' },
    h('option', { value: '' }, 'No offer'),
    ...offers.map((o) =>
      h(
        'option',
        { value: o.id, selected: draft.offerId === o.id },
        `Offer #${o.id}, ${names[o.from]} to ${names[o.to]}`,
      ),
    ),
  );
  withOffer.addEventListener(
    'change',
    () => (draft.offerId = withOffer.value === '' ? null : Number(withOffer.value)),
  );
  const text = h('textarea', {
    id: 'message-text',
    class: 'input',
    rows: 3,
    maxlength: MESSAGE_MAX_CHARS,
    'aria-describedby': 'message-count',
  });
  text.value = draft.text;
  const count = h('span', { id: 'message-count', class: 'muted small' });
  const status = h('p', { class: 'field-error', id: 'message-status', 'aria-live': 'polite' });
  const showCount = () =>
    (count.textContent = `${[...text.value].length} of ${MESSAGE_MAX_CHARS} characters`);
  showCount();
  text.addEventListener('input', () => {
    draft.text = text.value;
    showCount();
  });
  const send = button(
    'message-send',
    'Send the message',
    () => {
      const recipients = draft.to === 'both' ? others : [draft.to];
      send.disabled = true;
      status.textContent = '';
      void ctx.send(recipients, text.value, draft.offerId).then((error) => {
        send.disabled = false;
        if (error) {
          status.textContent = error;
          return;
        }
        draft.text = '';
        draft.offerId = null;
        text.value = '';
        showCount();
      });
    },
    { primary: true },
  );
  return h(
    'div',
    { class: 'message-composer' },
    h(
      'div',
      { class: 'row' },
      h('label', { for: 'message-to' }, 'To'),
      to,
      h('label', { for: 'message-offer' }, 'About'),
      withOffer,
    ),
    h('label', { for: 'message-text' }, 'Message'),
    text,
    h('div', { class: 'row' }, count, send),
    status,
  );
}
