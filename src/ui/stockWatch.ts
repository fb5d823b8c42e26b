/**
 * What feeds and drains each of a capital's stocks, and a warning before one runs out. The
 * engine does the real accounting when the turn resolves; this reads the same rules (income,
 * Kyiv's support scaling, ammunition drawn at the front, deals still to deliver) to say what the
 * next turn will probably do, in words. It is a forecast for the player, never used by the rules.
 */
import { bundleEntries, ITEMS, northKoreansAtFront, troopsAtFront } from '../engine';
import type { Capital, GameState, Item } from '../engine/types';
import { formatCount, h, plural } from './dom';
import { itemLabel, itemNoun } from './labels';

export interface Flow {
  /** What moves the stock, in words ("Supplies from Kyiv's partners"). */
  label: string;
  /** Per turn: positive feeds the stock, negative drains it. */
  n: number;
}

export interface StockOutlook {
  item: Item;
  stock: number;
  flows: Flow[];
  /** The expected change over the next turn. */
  net: number;
  /** Whole turns until the stock is empty at this rate (null: it is not falling). */
  turnsLeft: number | null;
}

/** How many turns ahead a falling stock is warned about. */
export const WARN_TURNS = 3;

export function stockOutlook(state: GameState, seat: Capital): StockOutlook[] {
  const rules = state.rules;
  const flows = new Map<Item, Flow[]>();
  const add = (item: Item, label: string, n: number): void => {
    if (n === 0) return;
    const list = flows.get(item) ?? [];
    list.push({ label, n });
    flows.set(item, list);
  };

  const { atZero, atFull } = rules.politics.supportIncome;
  const supportScale =
    seat === 'kyiv' ? atZero + ((atFull - atZero) * state.politics.support) / 100 : 1;
  for (const [item, n] of bundleEntries(rules.capitals[seat].income)) {
    if (seat === 'kyiv' && n > 0)
      add(
        item,
        `Supplies from Kyiv’s partners (they grow with international support, now ${Math.round(state.politics.support)} of 100)`,
        Math.round(n * supportScale),
      );
    else add(item, n > 0 ? 'Production and supplies each turn' : 'Used up each turn', n);
  }

  // Ammunition drawn by the fighting (the same need the engine computes).
  const perThousand = rules.combat.ammunitionPerThousand;
  const front = troopsAtFront(state);
  const soldiers =
    seat === 'moscow'
      ? front.russian + northKoreansAtFront(state) + state.expedition.missileUnits
      : seat === 'kyiv'
        ? front.ukrainian
        : 0;
  if (soldiers > 0)
    add(
      'ammunition',
      `Fighting at the front (${plural(soldiers, 'soldier')})`,
      -Math.ceil((soldiers * perThousand) / 1000),
    );

  // Deals still delivering: an even share of what remains each turn.
  for (const d of state.deals) {
    if (d.status !== 'active' || (d.from !== seat && d.to !== seat)) continue;
    const left = Math.max(1, d.turns - d.done);
    const other = rules.capitals[d.from === seat ? d.to : d.from].name;
    const outgoing = d.from === seat ? d.give : d.get;
    const incoming = d.from === seat ? d.get : d.give;
    const sent = d.from === seat ? d.delivered.give : d.delivered.get;
    const got = d.from === seat ? d.delivered.get : d.delivered.give;
    for (const [item, n] of bundleEntries(outgoing))
      add(item, `Deal #${d.offerId}: to ${other}`, -Math.ceil((n - (sent[item] ?? 0)) / left));
    for (const [item, n] of bundleEntries(incoming))
      add(item, `Deal #${d.offerId}: from ${other}`, Math.floor((n - (got[item] ?? 0)) / left));
  }

  const stocks = state.stocks[seat];
  return ITEMS.filter((i) => flows.has(i) || stocks[i] > 0).map((item) => {
    const list = flows.get(item) ?? [];
    const net = list.reduce((s, f) => s + f.n, 0);
    const stock = stocks[item];
    return {
      item,
      stock,
      flows: list,
      net,
      turnsLeft: net < 0 ? Math.floor(stock / -net) : null,
    };
  });
}

/** Why an empty stock matters, where the rules make it matter. */
function consequence(state: GameState, item: Item): string {
  if (item === 'ammunition')
    return ` Without shells your troops fight at ${Math.round(state.rules.combat.ammunitionFloor * 100)}% of their strength.`;
  return '';
}

/** The warning for one stock, or null when it is not about to run out. */
export function stockWarning(state: GameState, o: StockOutlook): string | null {
  if (o.turnsLeft === null) return null;
  const name = itemLabel(o.item);
  if (o.stock === 0) return `${name} is empty.${consequence(state, o.item)}`;
  if (o.turnsLeft >= WARN_TURNS) return null;
  const when = o.turnsLeft === 0 ? 'next turn' : `in about ${plural(o.turnsLeft + 1, 'turn')}`;
  return `${name} runs out ${when} at this rate (${formatCount(o.stock)} left, ${formatCount(-o.net)} used a turn).${consequence(state, o.item)}`;
}

/** The warnings (always visible) and, folded, what feeds and drains each stock. */
export function stockWatchPanel(state: GameState, seat: Capital): HTMLElement {
  const outlook = stockOutlook(state, seat);
  const warnings = outlook
    .map((o) => stockWarning(state, o))
    .filter((w): w is string => w !== null);
  const rows = outlook.filter((o) => o.flows.length > 0);
  return h(
    'div',
    { class: 'stock-watch' },
    warnings.length
      ? h(
          'ul',
          { class: 'stock-warnings', 'aria-label': 'Stock warnings' },
          ...warnings.map((w) => h('li', {}, w)),
        )
      : null,
    rows.length
      ? h(
          'details',
          { class: 'stock-flows' },
          h('summary', {}, 'What feeds and drains your stocks'),
          h(
            'table',
            { class: 'data-table' },
            h('caption', { class: 'visually-hidden' }, 'Expected change of each stock next turn'),
            h(
              'thead',
              {},
              h(
                'tr',
                {},
                h('th', { scope: 'col' }, 'Stock'),
                h('th', { scope: 'col' }, 'Each turn'),
                h('th', { scope: 'col' }, 'Net'),
              ),
            ),
            h(
              'tbody',
              {},
              ...rows.map((o) =>
                h(
                  'tr',
                  {},
                  h('th', { scope: 'row' }, itemLabel(o.item)),
                  h(
                    'td',
                    {},
                    h(
                      'ul',
                      { class: 'flow-list' },
                      ...o.flows.map((f) =>
                        h(
                          'li',
                          {},
                          `${f.n > 0 ? '+' : '−'}${formatCount(Math.abs(f.n))} ${f.label}`,
                        ),
                      ),
                    ),
                  ),
                  h(
                    'td',
                    { class: 'num' },
                    `${o.net > 0 ? '+' : o.net < 0 ? '−' : ''}${formatCount(Math.abs(o.net))} ${itemNoun(o.item)}`,
                  ),
                ),
              ),
            ),
          ),
        )
      : null,
  );
}
