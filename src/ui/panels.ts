/**
 * Read-only panels of the game screen: the player's stocks, standing and objectives, estimates
 * of the other capitals (ranges, never the truth), the news feed with its source cards, and the
 * human-cost ledger strip that stays on screen. They read a GameState; they decide nothing.
 */
import { computeMetrics, ESTIMATED_METRICS, ITEMS } from '../engine';
import type { Capital, GameState, NewsItem } from '../engine/types';
import { figureRange, findFigure, type Ledger } from '../ledger';
import { formatCount, formatMonth, h } from './dom';
import { ITEM_ICON, icon } from './icons';
import {
  capitalName,
  CAPITAL_IDS,
  formatMetric,
  itemLabel,
  ITEM_UNIT,
  metricLabel,
} from './labels';
import { assumptionButton, assumptionsUnder, sourceButton } from './sourceCard';
import { CAPITAL_STYLE } from './theme';

/** Items always listed for a capital, even at zero. */
const ALWAYS: Record<Capital, string[]> = {
  pyongyang: ['troops', 'ammunition', 'workers'],
  moscow: ['troops', 'ammunition', 'oil', 'food', 'currency'],
  kyiv: ['troops', 'ammunition', 'drones', 'evidence'],
};

export function resourcesPanel(state: GameState, seat: Capital): HTMLElement {
  const stocks = state.stocks[seat];
  const items = ITEMS.filter((i) => stocks[i] > 0 || ALWAYS[seat].includes(i));
  return h(
    'section',
    { class: 'resources', 'aria-labelledby': 'resources-title' },
    h('h2', { id: 'resources-title' }, `${capitalName(state, seat)}’s stocks`),
    h(
      'ul',
      { class: 'stock-list' },
      ...items.map((i) =>
        h(
          'li',
          { title: `${itemLabel(i)}${ITEM_UNIT[i] ? ` (${ITEM_UNIT[i]})` : ''}` },
          ITEM_ICON[i] ? icon(ITEM_ICON[i]!) : null,
          h('span', { class: 'stock-n' }, formatCount(stocks[i])),
          h(
            'span',
            { class: 'stock-label' },
            itemLabel(i)
              .replace(' technology', ' tech')
              .replace('UN Security Council cover', 'UN cover'),
          ),
        ),
      ),
    ),
  );
}

/** One objective as the score counts it: "More: Kursk salient held by Ukraine (%)". */
export function objectiveText(o: { direction: 'max' | 'min'; metric: string }): string {
  return `${o.direction === 'max' ? 'More' : 'Less'}: ${metricLabel(o.metric)}`;
}

/**
 * The player's own standing, kept on screen under the stocks: the live score in the summary
 * line (always visible) and each objective with where it stands (open unless the screen is small).
 */
export function standingPanel(state: GameState, seat: Capital, open = true): HTMLDetailsElement {
  const m = computeMetrics(state);
  const objectives = state.rules.scoring[seat];
  const panel = h(
    'details',
    { class: 'goals', id: 'goals' },
    h(
      'summary',
      { id: 'standing-title' },
      h('strong', {}, 'Your goals'),
      ` · score so far ${formatMetric(`${seat}.score`, m[`${seat}.score`] ?? 0)} / 100`,
    ),
    h(
      'table',
      { class: 'data-table' },
      h('caption', { class: 'visually-hidden' }, `${capitalName(state, seat)}’s objectives`),
      h(
        'thead',
        {},
        h(
          'tr',
          {},
          h('th', { scope: 'col' }, 'Objective'),
          h('th', { scope: 'col' }, 'Now'),
          h('th', { scope: 'col' }, 'Full marks'),
        ),
      ),
      h(
        'tbody',
        {},
        ...objectives.map((o) =>
          h(
            'tr',
            {},
            h(
              'th',
              { scope: 'row' },
              objectiveText(o),
              h('span', { class: 'muted small' }, ` (weight ${o.weight})`),
            ),
            h('td', {}, formatMetric(o.metric, m[o.metric] ?? 0)),
            h('td', {}, o.direction === 'max' ? `${formatMetric(o.metric, o.scale)} or more` : '0'),
          ),
        ),
      ),
    ),
  );
  panel.open = open;
  return panel;
}

/** What this capital believes about the others: ranges whose width is its uncertainty. */
export function estimatesPanel(state: GameState, seat: Capital): HTMLElement {
  const est = state.estimates[seat] ?? {};
  const others = CAPITAL_IDS.filter((c) => c !== seat);
  return h(
    'section',
    { class: 'panel-section', 'aria-labelledby': 'estimates-title' },
    h('h3', { id: 'estimates-title' }, 'What your intelligence estimates'),
    h(
      'p',
      { class: 'muted small' },
      'You see the other capitals’ secret figures only as ranges. The true value lies somewhere inside. Events, evidence and trade narrow them; silence widens them.',
    ),
    ...others.map((c) => {
      const unc = state.uncertainty[seat]?.[c] ?? 0;
      const rows = ESTIMATED_METRICS[c].map((id) => {
        const r = est[id];
        return h(
          'tr',
          {},
          h('th', { scope: 'row' }, metricLabel(id)),
          h(
            'td',
            { class: 'range' },
            r ? `${formatCount(r.low)}–${formatCount(r.high)}` : 'unknown',
          ),
        );
      });
      return h(
        'table',
        { class: 'data-table estimates' },
        h(
          'caption',
          {},
          h('span', {
            class: 'capital-dot',
            style: `background:${CAPITAL_STYLE[c].color}`,
            'aria-hidden': 'true',
          }),
          `${capitalName(state, c)} · uncertainty ±${Math.round(unc * 100)}%`,
        ),
        h(
          'thead',
          {},
          h(
            'tr',
            {},
            h('th', { scope: 'col' }, 'Figure'),
            h('th', { scope: 'col' }, 'Estimate (low–high)'),
          ),
        ),
        h('tbody', {}, ...rows),
      );
    }),
  );
}

export function visibleNews(state: GameState, seat: Capital): NewsItem[] {
  return state.news.filter((n) => !n.visibleTo || n.visibleTo.includes(seat));
}

/** The news feed, newest month first; each item's cited figures open their source cards. */
export function newsPanel(state: GameState, seat: Capital, ledger: Ledger): HTMLElement {
  const items = visibleNews(state, seat);
  const byTurn = new Map<number, NewsItem[]>();
  for (const n of items) {
    const list = byTurn.get(n.turn) ?? [];
    list.push(n);
    byTurn.set(n.turn, list);
  }
  const turns = [...byTurn.keys()].sort((a, b) => b - a);
  return h(
    'section',
    { class: 'panel-section news', 'aria-labelledby': 'news-title' },
    h('h3', { id: 'news-title' }, 'News'),
    items.length === 0 ? h('p', { class: 'muted' }, 'No news yet.') : null,
    ...turns.map((t) => {
      const list = byTurn.get(t)!;
      return h(
        'div',
        { class: 'news-month' },
        h(
          'h4',
          {},
          formatMonth(list[0]!.date),
          t === state.ctx.turn ? h('span', { class: 'tag tag-new' }, 'this month') : null,
        ),
        h(
          'ul',
          { class: 'news-list' },
          ...list.map((n) =>
            h(
              'li',
              { class: `news-item news-${n.kind}` },
              n.injected ? h('p', { class: 'news-from' }, 'Sent by your teacher') : null,
              h('p', { class: 'news-title' }, n.title),
              h('p', { class: 'news-text' }, n.text),
              n.cites.length
                ? h(
                    'p',
                    { class: 'news-cites' },
                    h('span', { class: 'muted small' }, 'Sources: '),
                    ...n.cites
                      .filter((id) => findFigure(ledger, id))
                      .map((id) => sourceButton(ledger, id)),
                    ...eventAssumptions(state, n.eventId),
                  )
                : null,
            ),
          ),
        ),
      );
    }),
  );
}

/** The "model assumption" button of an event whose effects are sized by the model, not the sources. */
function eventAssumptions(state: GameState, eventId: string | undefined): HTMLButtonElement[] {
  if (eventId === undefined) return [];
  const i = state.rules.events.findIndex((e) => e.id === eventId);
  if (i < 0 || state.rules.events[i]!.effects.length === 0) return [];
  const found = assumptionsUnder(state.rules.scenarioHash, `events.${i}.`);
  return found.length > 0 ? [assumptionButton('How much this event moves the game', found)] : [];
}

/** Count of news items this month visible to the seat (for the tab label). */
export function freshNewsCount(state: GameState, seat: Capital): number {
  return visibleNews(state, seat).filter((n) => n.turn === state.ctx.turn).length;
}

/**
 * A North Korean count as `viewer` may know it. Pyongyang keeps some of its numbers secret
 * (ESTIMATED_METRICS): Pyongyang sees the count, another capital sees its Intel range, and the
 * pass-the-device screen (no viewer) sees neither.
 */
function knownCount(
  state: GameState,
  viewer: Capital | null,
  metric: string,
  truth: number,
): number | Range | null {
  if (viewer === 'pyongyang' || !ESTIMATED_METRICS.pyongyang.includes(metric)) return truth;
  return (viewer && state.estimates[viewer]?.[metric]) || null;
}

type Range = { low: number; high: number };

/** "(your estimate)", shortened to "(est.)" on a phone (the screen reader hears the long form). */
function estimateMark(): HTMLElement {
  return h(
    'span',
    { class: 'ledger-est' },
    h('span', { class: 'est-long' }, ' (your estimate)'),
    h('span', { class: 'est-short', 'aria-hidden': 'true' }, ' (est.)'),
  );
}

function rangeText(r: Range | null): string {
  if (!r) return 'secret';
  return r.low === r.high ? formatCount(r.low) : `${formatCount(r.low)}–${formatCount(r.high)}`;
}

/**
 * The human-cost ledger as a strip that stays on screen: North Korean soldiers sent, killed,
 * wounded, captured, families at risk, and all deaths; beside them what the sources report.
 * Numbers Pyongyang keeps secret show as the viewer's estimate, marked as such.
 */
export function humanCostStrip(
  state: GameState,
  ledger: Ledger,
  viewer: Capital | null,
): HTMLElement {
  const hc = state.human;
  const sent = knownCount(state, viewer, 'pyongyang.troopsSent', hc.sent);
  const killed = knownCount(state, viewer, 'pyongyang.killed', hc.killed);
  const others = hc.russian.killed + hc.ukrainian.killed;
  const all =
    typeof killed === 'number'
      ? killed + others
      : killed && { low: killed.low + others, high: killed.high + others };
  const cmp = (id: string, text: (f: string) => string): HTMLElement | null => {
    const fig = findFigure(ledger, id);
    const range = fig ? figureRange(fig) : undefined;
    if (!fig || !range) return null;
    const n =
      range.low === range.high
        ? `${formatCount(range.low)}${fig.bound === 'atLeast' ? '+' : ''}`
        : `${formatCount(range.low)}–${formatCount(range.high)}`;
    return sourceButton(ledger, id, text(n), { status: false });
  };
  const item = (
    name: Parameters<typeof icon>[0],
    n: number | Range | null,
    label: string,
    compare?: HTMLElement | null,
  ): HTMLLIElement =>
    h(
      'li',
      {},
      icon(name),
      h(
        'span',
        {},
        h('strong', {}, typeof n === 'number' ? formatCount(n) : rangeText(n)),
        ` ${label}`,
        typeof n === 'number' ? null : estimateMark(),
      ),
      compare ?? null,
    );
  return h(
    'section',
    { class: 'ledger-strip', 'aria-labelledby': 'ledger-strip-title' },
    h(
      'h2',
      { id: 'ledger-strip-title' },
      'Human cost',
      h('span', { class: 'ledger-sub' }, ' · North Korean soldiers'),
    ),
    h(
      'ul',
      {},
      item(
        'troops',
        sent,
        'sent',
        cmp('nk-troops-total', (v) => `estimates: ${v}`),
      ),
      item(
        'killed',
        killed,
        'killed',
        cmp('nk-deaths-ukraine-report', (v) => `Ukraine: ${v}`),
      ),
      item('wounded', hc.wounded, 'wounded'),
      item(
        'captured',
        hc.captured,
        'captured',
        cmp('nk-captured-jan-2025', (v) => `reported: ${v}`),
      ),
      item('families', hc.familiesAtRisk, 'families at risk'),
      h(
        'li',
        { class: 'ledger-all' },
        h(
          'span',
          {},
          h('strong', {}, typeof all === 'number' ? formatCount(all) : rangeText(all)),
          ' killed, all sides',
          typeof all === 'number' ? null : estimateMark(),
        ),
      ),
    ),
  );
}
