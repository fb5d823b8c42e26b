/**
 * TRADE: compose offers over the items the scenario's routes allow between two capitals, answer
 * offers addressed to you (accept, counter with a prefilled composer, reject), read the other
 * side's answers and reasons, withdraw your open offers, and follow active deals' deliveries,
 * shortfalls and late deliveries. The engine judges every offer; its words are shown as they are.
 */
import { checkCanPay, checkOffer, turnDate } from '../engine';
import type { Bundle, Capital, GameState, Item, Offer } from '../engine/types';
import { button, errorSlot, para, section, type PanelContext } from './controls';
import { formatCount, formatMonth, h } from './dom';
import { ITEM_ICON, icon } from './icons';
import {
  bundleIsEmpty,
  bundleText,
  capitalName,
  CAPITAL_IDS,
  itemLabel,
  itemKeysInWords,
  itemNoun,
  ITEM_UNIT,
  politeError,
} from './labels';

export interface Composer {
  partner: Capital | null;
  give: Partial<Record<Item, string>>;
  get: Partial<Record<Item, string>>;
  turns: number;
  note: string;
  /** When answering an offer with a counter-offer. */
  counterTo: number | null;
}

export function emptyComposer(): Composer {
  return { partner: null, give: {}, get: {}, turns: 1, note: '', counterTo: null };
}

/** "Air-defence tech", "UN cover": short enough for a narrow panel. */
function shortItem(item: Item): string {
  return itemLabel(item)
    .replace(' technology', ' tech')
    .replace('UN Security Council cover', 'UN cover');
}

function routeItems(state: GameState, from: Capital, to: Capital): Item[] {
  const out: Item[] = [];
  for (const r of state.rules.trade.routes)
    if (r.from === from && r.to === to) for (const i of r.items) if (!out.includes(i)) out.push(i);
  return out;
}

/** Capitals `seat` can trade with in this scenario (a route either way). */
export function tradePartners(state: GameState, seat: Capital): Capital[] {
  return CAPITAL_IDS.filter(
    (c) =>
      c !== seat &&
      (routeItems(state, seat, c).length > 0 || routeItems(state, c, seat).length > 0),
  );
}

function toBundle(values: Partial<Record<Item, string>>, allowed: Item[]): Bundle {
  const b: Bundle = {};
  for (const item of allowed) {
    const raw = (values[item] ?? '').trim();
    if (raw === '') continue;
    const n = Number(raw);
    if (n === 0) continue;
    b[item] = n;
  }
  return b;
}

function offerLine(state: GameState, seat: Capital, o: Offer): HTMLElement {
  const mine = o.from === seat;
  const other = mine ? o.to : o.from;
  return h(
    'dl',
    { class: 'facts offer-facts' },
    h('dt', {}, mine ? 'You give' : `${capitalName(state, other)} gives`),
    h('dd', {}, bundleLine(o.give)),
    h('dt', {}, mine ? 'You ask for' : `${capitalName(state, other)} asks for`),
    h('dd', {}, bundleLine(o.get)),
    h('dt', {}, 'Delivery'),
    h('dd', {}, `over ${o.turns} turn${o.turns === 1 ? '' : 's'}`),
  );
}

function bundleLine(b: Bundle): HTMLElement {
  const items = Object.entries(b).filter(([, n]) => (n ?? 0) > 0);
  if (!items.length) return h('span', {}, 'nothing');
  return h(
    'span',
    { class: 'bundle' },
    ...items.map(([item, n]) =>
      h(
        'span',
        { class: 'bundle-item' },
        ITEM_ICON[item] ? icon(ITEM_ICON[item]!) : null,
        `${formatCount(n ?? 0)} ${itemNoun(item)}`,
      ),
    ),
  );
}

export interface TradeHooks {
  composer: Composer;
  /** Re-render after the composer changed shape (partner, counter). */
  refresh(): void;
}

export function tradePanel(
  state: GameState,
  seat: Capital,
  ctx: PanelContext,
  hooks: TradeHooks,
): HTMLElement[] {
  const partners = tradePartners(state, seat);
  const out: HTMLElement[] = [];
  const comp = hooks.composer;
  const name = (c: Capital) => capitalName(state, c);

  if (!partners.length) {
    out.push(
      section(
        'trade-none',
        'Trade',
        para(
          `${name(seat)} has no trade routes in this scenario: it cannot trade with the other capitals.`,
          '',
        ),
      ),
    );
    return out;
  }
  if (comp.partner === null || !partners.includes(comp.partner)) comp.partner = partners[0]!;

  // --- Offers to you -------------------------------------------------------------------------
  const inbox = state.offers.filter((o) => o.to === seat && o.status === 'open');
  const expiry = state.rules.trade.offerExpiryTurns;
  out.push(
    section(
      'trade-inbox',
      inbox.length ? `Offers to you (${inbox.length})` : 'Offers to you',
      inbox.length
        ? h(
            'ul',
            { class: 'offer-list' },
            ...inbox.map((o) => {
              const lapse = turnDate(
                state.rules.calendar.start,
                state.rules.calendar.turnMonths,
                o.madeOnTurn + expiry - 1,
              );
              return h(
                'li',
                { class: 'offer-card' },
                h(
                  'h4',
                  {},
                  o.counterTo !== undefined
                    ? `Counter-offer #${o.id} from ${name(o.from)}`
                    : `Offer #${o.id} from ${name(o.from)}`,
                ),
                offerLine(state, seat, o),
                o.note
                  ? h(
                      'p',
                      { class: 'reason' },
                      // A counter-offer's note answers the offer; an opening offer's is a message.
                      h('strong', {}, o.counterTo !== undefined ? 'Reason given: ' : 'Message: '),
                      itemKeysInWords(o.note),
                    )
                  : null,
                h(
                  'p',
                  { class: 'muted small' },
                  `Unanswered, it lapses at the end of ${formatMonth(lapse)}.`,
                ),
                h(
                  'div',
                  { class: 'row' },
                  button(
                    `offer-${o.id}-accept`,
                    `Accept offer #${o.id}`,
                    () => ctx.act(`offer-${o.id}`, { type: 'accept', seat, offerId: o.id }),
                    { primary: true },
                  ),
                  button(`offer-${o.id}-counter`, `Counter offer #${o.id}…`, () => {
                    comp.partner = o.from;
                    comp.give = Object.fromEntries(
                      Object.entries(o.get).map(([k, v]) => [k, String(v)]),
                    );
                    comp.get = Object.fromEntries(
                      Object.entries(o.give).map(([k, v]) => [k, String(v)]),
                    );
                    comp.turns = o.turns;
                    comp.note = '';
                    comp.counterTo = o.id;
                    hooks.refresh();
                    requestAnimationFrame(() => document.getElementById('compose-title')?.focus());
                  }),
                  button(`offer-${o.id}-reject`, `Reject offer #${o.id}`, () =>
                    ctx.act(`offer-${o.id}`, { type: 'reject', seat, offerId: o.id }),
                  ),
                ),
                errorSlot(ctx, `offer-${o.id}`),
              );
            }),
          )
        : para('No offers are waiting for your answer.'),
    ),
  );

  // --- Composer ----------------------------------------------------------------------------
  const partner = comp.partner;
  const giveItems = routeItems(state, seat, partner);
  const getItems = routeItems(state, partner, seat);
  const check = h('p', { class: 'compose-check', id: 'compose-check', 'aria-live': 'polite' });
  const readBundles = () => ({
    give: toBundle(comp.give, giveItems),
    get: toBundle(comp.get, getItems),
  });
  const updateCheck = (): void => {
    const { give, get } = readBundles();
    if (bundleIsEmpty(give) && bundleIsEmpty(get)) {
      check.textContent = 'Fill in what you give and what you ask for.';
      check.className = 'compose-check muted small';
      return;
    }
    const bad =
      checkOffer(state, seat, partner, give, get, comp.turns) ??
      checkCanPay(state, seat, give, 'give');
    check.textContent = bad
      ? politeError(bad.message).replace(
          'That order was not given',
          'The rules would refuse this offer',
        )
      : `Ready: you give ${bundleText(give)} for ${bundleText(get)}.`;
    check.className = `compose-check small${bad ? ' is-warning' : ''}`;
  };

  const itemField = (side: 'give' | 'get', item: Item): HTMLElement => {
    const id = `compose-${side}-${item.replace('.', '-')}`;
    const held = side === 'give' ? state.stocks[seat][item] : null;
    const unit = ITEM_UNIT[item];
    const input = h('input', {
      id,
      class: 'input input-number',
      type: 'number',
      inputmode: 'numeric',
      min: 0,
      step: 1,
      value: comp[side][item] ?? '',
      'aria-describedby': unit
        ? `${id}-unit${held !== null ? ` ${id}-held` : ''}`
        : held !== null
          ? `${id}-held`
          : null,
    });
    input.addEventListener('input', () => {
      comp[side][item] = input.value;
      updateCheck();
    });
    return h(
      'div',
      { class: 'item-field' },
      h(
        'label',
        { for: id },
        ITEM_ICON[item] ? icon(ITEM_ICON[item]!) : null,
        shortItem(item),
        h('span', { class: 'visually-hidden' }, side === 'give' ? ' to give' : ' to ask for'),
      ),
      // The unit beside the box, not as a placeholder: a narrow box cut "thousand tonnes" short.
      h(
        'span',
        { class: 'item-input' },
        input,
        unit ? h('span', { class: 'item-unit', id: `${id}-unit` }, unit) : null,
      ),
      held !== null
        ? h('span', { class: 'muted small', id: `${id}-held` }, `you hold ${formatCount(held)}`)
        : null,
    );
  };

  const partnerSelect = h('select', {
    id: 'compose-partner',
    class: 'input',
    disabled: comp.counterTo !== null,
  });
  for (const c of partners)
    partnerSelect.appendChild(h('option', { value: c, selected: c === partner }, name(c)));
  partnerSelect.addEventListener('change', () => {
    comp.partner = partnerSelect.value as Capital;
    comp.give = {};
    comp.get = {};
    hooks.refresh();
  });
  const turnsSelect = h('select', { id: 'compose-turns', class: 'input' });
  for (let t = 1; t <= state.rules.trade.maxDeliveryTurns; t++)
    turnsSelect.appendChild(
      h(
        'option',
        { value: String(t), selected: t === comp.turns },
        `${t} turn${t === 1 ? '' : 's'}`,
      ),
    );
  turnsSelect.addEventListener('change', () => {
    comp.turns = Number(turnsSelect.value);
    updateCheck();
  });
  const note = h('input', {
    id: 'compose-note',
    class: 'input',
    type: 'text',
    maxlength: 200,
    value: comp.note,
    autocomplete: 'off',
  });
  note.addEventListener('input', () => (comp.note = note.value));

  const send = (): void => {
    const { give, get } = readBundles();
    const text = comp.note.trim();
    const ok =
      comp.counterTo !== null
        ? ctx.act('compose', {
            type: 'counter',
            seat,
            offerId: comp.counterTo,
            give,
            get,
            turns: comp.turns,
            ...(text ? { note: text } : {}),
          })
        : ctx.act('compose', {
            type: 'offer',
            seat,
            to: partner,
            give,
            get,
            turns: comp.turns,
            ...(text ? { note: text } : {}),
          });
    if (ok) {
      const keepPartner = comp.partner;
      Object.assign(comp, emptyComposer(), { partner: keepPartner });
      hooks.refresh();
    }
  };
  const composeTitle =
    comp.counterTo !== null ? `Counter-offer to #${comp.counterTo}` : 'Make an offer';
  const composeSection = section(
    'compose',
    composeTitle,
    comp.counterTo !== null
      ? para(
          `Your counter-offer replaces offer #${comp.counterTo}: it goes back to ${name(partner)} to answer.`,
        )
      : null,
    partners.length > 1 || comp.counterTo !== null
      ? h(
          'div',
          { class: 'num-field wide' },
          h('label', { for: 'compose-partner' }, 'To'),
          partnerSelect,
        )
      : para(`To ${name(partner)}.`, 'small'),
    h(
      'fieldset',
      { class: 'bundle-fields' },
      h('legend', {}, 'You give'),
      giveItems.length
        ? giveItems.map((i) => itemField('give', i))
        : para(`Nothing can go from ${name(seat)} to ${name(partner)} in this scenario.`),
    ),
    h(
      'fieldset',
      { class: 'bundle-fields' },
      h('legend', {}, 'You ask for'),
      getItems.length
        ? getItems.map((i) => itemField('get', i))
        : para(`Nothing can come from ${name(partner)} in this scenario.`),
    ),
    h(
      'div',
      { class: 'form-row' },
      h(
        'div',
        { class: 'num-field' },
        h('label', { for: 'compose-turns' }, 'Delivered over'),
        turnsSelect,
      ),
      h(
        'div',
        { class: 'num-field wide' },
        h('label', { for: 'compose-note' }, 'Message (optional)'),
        note,
      ),
    ),
    check,
    h(
      'div',
      { class: 'row' },
      button('compose-send', comp.counterTo !== null ? 'Send counter-offer' : 'Make offer', send, {
        primary: true,
      }),
      button('compose-clear', comp.counterTo !== null ? 'Cancel counter-offer' : 'Clear', () => {
        Object.assign(comp, emptyComposer(), { partner: comp.partner });
        hooks.refresh();
      }),
    ),
    errorSlot(ctx, 'compose'),
    para(
      'You may only promise what you hold now. If your stock runs short later, the delivery is partial and the shortfall is recorded.',
    ),
  );
  const heading = composeSection.querySelector('h3');
  heading?.setAttribute('tabindex', '-1');
  out.push(composeSection);
  updateCheck();

  // --- Your offers and their answers ---------------------------------------------------------
  const mine = state.offers.filter(
    (o) => o.from === seat && (o.status === 'open' || o.madeOnTurn >= state.ctx.turn - 1),
  );
  if (mine.length) {
    out.push(
      section(
        'trade-mine',
        'Your offers',
        h(
          'ul',
          { class: 'offer-list' },
          ...[...mine].reverse().map((o) => {
            const counter = state.offers.find((x) => x.counterTo === o.id);
            const status =
              o.status === 'open'
                ? `Waiting for ${name(o.to)}’s answer.`
                : o.status === 'accepted'
                  ? `${name(o.to)} accepted: it is now a deal.`
                  : o.status === 'rejected'
                    ? `${name(o.to)} rejected it.`
                    : o.status === 'countered'
                      ? `${name(o.to)} answered with counter-offer #${counter?.id ?? '?'}.`
                      : o.status === 'withdrawn'
                        ? 'You withdrew it.'
                        : 'It lapsed unanswered.';
            const reason = o.reason ?? (o.status === 'countered' ? counter?.note : undefined);
            return h(
              'li',
              { class: `offer-card status-${o.status}` },
              h(
                'h4',
                {},
                `${o.counterTo !== undefined ? 'Counter-offer' : 'Offer'} #${o.id} to ${name(o.to)}`,
              ),
              offerLine(state, seat, o),
              h('p', { class: 'offer-status' }, status),
              reason
                ? h(
                    'p',
                    { class: 'reason' },
                    h('strong', {}, 'Reason given: '),
                    itemKeysInWords(reason),
                  )
                : null,
              o.status === 'open'
                ? h(
                    'div',
                    { class: 'row' },
                    button(`offer-${o.id}-withdraw`, `Withdraw offer #${o.id}`, () =>
                      ctx.act(`offer-${o.id}`, { type: 'withdraw', seat, offerId: o.id }),
                    ),
                  )
                : null,
              errorSlot(ctx, `offer-${o.id}`),
            );
          }),
        ),
      ),
    );
  }

  // --- Deals ---------------------------------------------------------------------------------
  const deals = state.deals.filter((d) => d.from === seat || d.to === seat);
  const last = state.reports.at(-1);
  if (deals.length) {
    out.push(
      section(
        'trade-deals',
        'Deals',
        h(
          'ul',
          { class: 'offer-list' },
          ...[...deals].reverse().map((d) => {
            const iAmFrom = d.from === seat;
            const other = iAmFrom ? d.to : d.from;
            const send = iAmFrom ? d.give : d.get;
            const receive = iAmFrom ? d.get : d.give;
            const sent = iAmFrom ? d.delivered.give : d.delivered.get;
            const got = iAmFrom ? d.delivered.get : d.delivered.give;
            const shortMine = iAmFrom ? d.shortfall.give : d.shortfall.get;
            const shortTheirs = iAmFrom ? d.shortfall.get : d.shortfall.give;
            const lateNow = last?.deliveries.some((x) => x.dealId === d.id && x.late) ?? false;
            const progress = h('progress', {
              max: d.turns,
              value: d.done,
              'aria-label': `Deal #${d.offerId}: ${d.done} of ${d.turns} deliveries`,
            });
            return h(
              'li',
              { class: `offer-card deal-${d.status}` },
              h(
                'h4',
                {},
                // A deal keeps the number of the offer it came from, as the news says it.
                `Deal #${d.offerId} with ${name(other)}${d.status === 'complete' ? ' · complete' : d.status === 'broken' ? ` · broken by ${name(d.brokenBy ?? other)}` : ''}`,
              ),
              h(
                'dl',
                { class: 'facts offer-facts' },
                h('dt', {}, 'You send'),
                h(
                  'dd',
                  {},
                  bundleLine(send),
                  h('span', { class: 'muted small' }, ` — sent so far: ${bundleText(sent)}`),
                ),
                h('dt', {}, 'You receive'),
                h(
                  'dd',
                  {},
                  bundleLine(receive),
                  h('span', { class: 'muted small' }, ` — received so far: ${bundleText(got)}`),
                ),
              ),
              h(
                'p',
                { class: 'small deal-progress' },
                progress,
                ` ${d.done} of ${d.turns} deliveries made`,
              ),
              lateNow
                ? h(
                    'p',
                    { class: 'warn small' },
                    'Last month’s delivery slipped: it arrives a turn late.',
                  )
                : null,
              !bundleIsEmpty(shortMine)
                ? h('p', { class: 'warn small' }, `You fell short by ${bundleText(shortMine)}.`)
                : null,
              !bundleIsEmpty(shortTheirs)
                ? h(
                    'p',
                    { class: 'warn small' },
                    `${name(other)} fell short by ${bundleText(shortTheirs)}.`,
                  )
                : null,
            );
          }),
        ),
      ),
    );
  }
  return out;
}

/** The number of offers waiting for `seat`'s answer (for the tab label). */
export function inboxCount(state: GameState, seat: Capital): number {
  return state.offers.filter((o) => o.to === seat && o.status === 'open').length;
}
