/**
 * The replay viewer: the browser replays the stored record with the same engine (loaded on
 * demand, a separate chunk) and the rules the server resolved for it, checking every turn hash,
 * then steps through the game turn by turn: the situation at the start of the turn, the orders
 * given, the news (events), the trades (offers, deals, deliveries) and the fighting.
 */
import type { Action, GameState, Rules } from '../engine';
import { forkUrl, getRules, type FullResult } from './api';
import { announce, append, clear, fmt, fmtMonth, h } from './dom';
import { CAPITAL_NAMES, metricLabel } from './labels';
import { ITEM_LABEL } from '../ui/metric-labels';
import { bundleText, describeOrderBy } from '../ui/plain-words';

interface Timeline {
  /** starts[k]: the state at the start of turn k+1; starts[turns]: the end of the game. */
  starts: GameState[];
  /** orders[k]: the actions given during turn k+1. */
  orders: Action[][];
  final: GameState;
  verified: boolean;
  problem: string | null;
  rules: Rules;
}

async function buildTimeline(result: FullResult): Promise<Timeline> {
  const [engine, rules] = await Promise.all([
    import('../engine'),
    getRules(result.id) as Promise<Rules>,
  ]);
  const record = result.record;
  const state = engine.createGame(rules, {
    seed: record.seed,
    figureChoices: record.figureChoices,
  });
  const starts: GameState[] = [engine.cloneState(state)];
  const orders: Action[][] = [[]];
  let problem: string | null = null;
  const actions = record.actions as unknown as Action[];
  for (let i = 0; i < actions.length; i++) {
    const resolved = state.turnHashes.length;
    const r = engine.applyInPlace(state, actions[i]!);
    if (!r.ok) {
      problem = `order ${i + 1} was refused on replay: ${r.error.message}`;
      break;
    }
    orders[orders.length - 1]!.push(actions[i]!);
    if (state.turnHashes.length > resolved) {
      if (state.turnHashes[resolved] !== record.turnHashes[resolved]) {
        problem = `turn ${resolved + 1} does not match the record`;
        break;
      }
      starts.push(engine.cloneState(state));
      orders.push([]);
    }
  }
  const verified = problem === null && engine.hashState(state) === result.finalHash;
  if (problem === null && !verified) problem = 'the final state differs from the stored one';
  return { starts, orders, final: state, verified, problem, rules };
}

function capital(rules: Rules, c: string): string {
  return rules.capitals[c as keyof Rules['capitals']]?.name ?? CAPITAL_NAMES[c] ?? c;
}

const SITUATION = [
  'moscow.kurskControl',
  'human.sent',
  'human.killed',
  'human.wounded',
  'human.captured',
  'human.familiesAtRisk',
  'pyongyang.regimeControl',
  'pyongyang.dissentRisk',
  'moscow.scrutiny',
  'kyiv.support',
  'kyiv.prisonersHeld',
  'pyongyang.score',
  'moscow.score',
  'kyiv.score',
];
const STOCK_ITEMS = [
  'troops',
  'ammunition',
  'oil',
  'food',
  'currency',
  'drones',
  'tech.missile',
  'tech.nuclear',
] as const;

function situation(state: GameState, rules: Rules): HTMLElement {
  const metrics = h(
    'table',
    { class: 'kv' },
    h('caption', {}, 'Key figures'),
    h(
      'tbody',
      {},
      ...SITUATION.filter((id) => id in state.metrics).map((id) =>
        h(
          'tr',
          {},
          h('th', { scope: 'row' }, metricLabel(id)),
          h('td', { class: 'num' }, fmt(state.metrics[id])),
        ),
      ),
    ),
  );
  const caps = Object.keys(state.stocks);
  const stocks = h(
    'table',
    { class: 'stocks' },
    h('caption', {}, 'Stocks'),
    h(
      'thead',
      {},
      h(
        'tr',
        {},
        h('th', { scope: 'col' }, 'Item'),
        ...caps.map((c) => h('th', { scope: 'col', class: 'num' }, capital(rules, c))),
      ),
    ),
    h(
      'tbody',
      {},
      ...STOCK_ITEMS.map((item) =>
        h(
          'tr',
          {},
          h('th', { scope: 'row' }, ITEM_LABEL[item] ?? item),
          ...caps.map((c) =>
            h('td', { class: 'num' }, fmt(state.stocks[c as keyof GameState['stocks']][item])),
          ),
        ),
      ),
    ),
  );
  return h('div', { class: 'panel-grid' }, metrics, stocks);
}

export async function replayViewer(result: FullResult, container: HTMLElement): Promise<void> {
  clear(container);
  const status = h('p', { class: 'status', role: 'status' }, 'Replaying the game in your browser…');
  container.append(status);
  let t: Timeline;
  try {
    t = await buildTimeline(result);
  } catch (e) {
    status.textContent = `The replay could not be loaded: ${(e as Error).message}`;
    return;
  }
  const turns = t.starts.length - 1;
  status.textContent = t.verified
    ? `Verified in your browser: all ${turns} turn hashes and the final state match the stored result.`
    : `Warning: ${t.problem ?? 'the replay does not match'}.`;
  status.className = t.verified ? 'status ok' : 'status warn';

  let step = 0;
  const hashStep = /#replay-(\d+)$/.exec(window.location.hash);
  if (hashStep) step = Math.min(turns, Math.max(0, Number(hashStep[1]) - 1));

  const slider = h('input', {
    type: 'range',
    min: 0,
    max: turns,
    step: 1,
    value: step,
    id: 'replay-turn',
    'aria-describedby': 'replay-heading',
  });
  const first = h('button', { type: 'button' }, '« First');
  const prev = h('button', { type: 'button' }, '◀ Previous turn');
  const next = h('button', { type: 'button' }, 'Next turn ▶');
  const last = h('button', { type: 'button' }, 'End »');
  const heading = h('h3', { id: 'replay-heading', tabindex: '-1' });
  const fork = h('p', { class: 'fork' });
  const body = h('div', { class: 'replay-body' });

  const controls = h(
    'div',
    { class: 'replay-controls', role: 'group', 'aria-label': 'Replay controls' },
    first,
    prev,
    h('label', { for: 'replay-turn', class: 'visually-hidden' }, 'Turn'),
    slider,
    next,
    last,
  );
  container.append(
    controls,
    h('p', { class: 'hint' }, 'Keys: ← and → step through the turns; Home and End jump.'),
    heading,
    fork,
    body,
  );

  function label(k: number): string {
    if (k >= turns) return `End of the game (after ${turns} turns)`;
    return `Turn ${k + 1} of ${turns}: ${fmtMonth(t.starts[k]!.ctx.date)}`;
  }

  function show(k: number, speak = false): void {
    step = Math.max(0, Math.min(turns, k));
    slider.value = String(step);
    slider.setAttribute('aria-valuetext', label(step));
    heading.textContent = label(step);
    first.disabled = prev.disabled = step === 0;
    next.disabled = last.disabled = step === turns;
    clear(fork);
    if (step < turns) {
      fork.append(
        h(
          'a',
          {
            href: forkUrl(result.id, step + 1),
            class: 'button primary',
            'data-fork-turn': step + 1,
          },
          `Fork from turn ${step + 1}`,
        ),
        ' ',
        h(
          'span',
          { class: 'hint' },
          'Opens the game at the start of this turn, same seed and figures, so you can try a different decision.',
        ),
      );
    }
    clear(body);
    const state = t.starts[step]!;
    const turnNo = step + 1;
    body.append(
      h('h4', {}, step < turns ? 'Situation at the start of the turn' : 'Final situation'),
      situation(state, t.rules),
    );
    if (step < turns) {
      const orders = (t.orders[step] ?? []).filter((a) => a.type !== 'endTurn');
      body.append(
        h('h4', {}, 'Orders given'),
        orders.length > 0
          ? h(
              'ol',
              { class: 'orders' },
              ...orders.map((a) => h('li', {}, describeOrderBy(t.rules, a))),
            )
          : h('p', {}, 'No orders besides ending the turn.'),
      );
      const news = t.final.news.filter((n) => n.turn === turnNo);
      body.append(
        h('h4', {}, 'News'),
        news.length > 0
          ? h(
              'ul',
              { class: 'news' },
              ...news.map((n) => h('li', {}, h('strong', {}, n.title), ' — ', n.text)),
            )
          : h('p', {}, 'No news this turn.'),
      );
      const offers = t.final.offers.filter((o) => o.madeOnTurn === turnNo);
      const report = t.final.reports.find((r) => r.turn === turnNo);
      const deliveries = report?.deliveries ?? [];
      append(body, [
        h('h4', {}, 'Trades'),
        offers.length > 0
          ? h(
              'ul',
              { class: 'trades' },
              ...offers.map((o) =>
                h(
                  'li',
                  {},
                  `Offer #${o.id}: ${capital(t.rules, o.from)} → ${capital(t.rules, o.to)}: ${bundleText(o.give)} for ${bundleText(o.get)} — ${o.status}`,
                ),
              ),
            )
          : h('p', {}, 'No offers made this turn.'),
        deliveries.length > 0
          ? h(
              'ul',
              { class: 'trades' },
              ...deliveries.map((d) =>
                h(
                  'li',
                  {},
                  `Delivery of deal #${t.final.deals.find((x) => x.id === d.dealId)?.offerId ?? d.dealId}, ${capital(t.rules, d.from)} → ${capital(t.rules, d.to)}: ${bundleText(d.moved)}${d.late ? ' (late)' : ''}${Object.keys(d.short).length > 0 ? `; short: ${bundleText(d.short)}` : ''}`,
                ),
              ),
            )
          : null,
      ]);
      if (report && report.sectors.length > 0) {
        body.append(
          h('h4', {}, 'The front'),
          h(
            'table',
            { class: 'front' },
            h(
              'thead',
              {},
              h(
                'tr',
                {},
                h('th', { scope: 'col' }, 'Sector'),
                h('th', { scope: 'col', class: 'num' }, 'Russian control'),
                h('th', { scope: 'col', class: 'num' }, 'North Koreans'),
                h('th', { scope: 'col', class: 'num' }, 'NK killed / wounded / captured'),
              ),
            ),
            h(
              'tbody',
              {},
              ...report.sectors.map((s) =>
                h(
                  'tr',
                  {},
                  h(
                    'th',
                    { scope: 'row' },
                    t.rules.sectors.find((x) => x.id === s.sector)?.name ?? s.sector,
                  ),
                  h('td', { class: 'num' }, `${fmt(s.controlBefore)} → ${fmt(s.controlAfter)}`),
                  h('td', { class: 'num' }, fmt(s.northKoreans)),
                  h(
                    'td',
                    { class: 'num' },
                    `${fmt(s.northKorean.killed)} / ${fmt(s.northKorean.wounded)} / ${fmt(s.northKorean.captured)}`,
                  ),
                ),
              ),
            ),
          ),
        );
      }
    }
    if (speak) announce(label(step));
  }

  slider.addEventListener('input', () => show(Number(slider.value), true));
  first.addEventListener('click', () => show(0, true));
  prev.addEventListener('click', () => show(step - 1, true));
  next.addEventListener('click', () => show(step + 1, true));
  last.addEventListener('click', () => show(turns, true));
  container.addEventListener('keydown', (e) => {
    const target = e.target as HTMLElement;
    if (target === slider || target.tagName === 'SELECT' || target.tagName === 'INPUT') return;
    if (e.key === 'ArrowRight') show(step + 1, true);
    else if (e.key === 'ArrowLeft') show(step - 1, true);
    else if (e.key === 'Home') show(0, true);
    else if (e.key === 'End') show(turns, true);
    else return;
    e.preventDefault();
  });
  show(step);
}
