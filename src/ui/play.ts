/**
 * The game screen: DOM panels beside the Phaser map, driven by the store. The header carries the
 * turn and month, whose orders these are, Undo and End turn, and the human-cost ledger (always
 * on screen). The side panel carries the player's stocks, the turn report, and tabs: Orders,
 * Trade, News, Intelligence, Front. Hot-seat games cover everything with a pass-the-device
 * screen between players. Every order goes through store.dispatch; a refused order's reason is
 * shown next to its control. No rules here. The dialogs (end of turn, game menu, the hot-seat
 * cover) are in play-dialogs.ts; the header, tab list and report summary in gameScreen.ts.
 */
import type { StoreApi } from 'zustand/vanilla';

import type { Action, Capital, GameState, TurnReport } from '../engine/types';
import type { GameView, ReportSpeed } from '../game/index';
import { selectMapState } from '../game/selectors';
import type { Ledger } from '../ledger';
import type { GameStore } from '../store';
import { EMBLEM_URL } from './assets';
import type { PanelContext } from './controls';
import { clear, formatMonth, h } from './dom';
import {
  mapLegend,
  reportControls,
  reportSummary,
  gameHeader,
  tabList,
  sectorTable,
  turnInfoText,
  type ReportControls,
} from './gameScreen';
import { describeAction, capitalName, CAPITAL_IDS, politeError } from './labels';
import { announce, clearAnnouncements } from './live';
import { briefIfNew, openBriefing, startWalkthrough } from './briefing';
import { stockWatchPanel } from './stockWatch';
import { ordersPanel } from './orders';
import {
  estimatesPanel,
  freshNewsCount,
  humanCostStrip,
  newsPanel,
  resourcesPanel,
  standingPanel,
} from './panels';
import { describeTurnReport } from './reportText';
import { handoffCover, openEndTurn, openGameMenu, orderList, ordersThisTurn } from './play-dialogs';
import { CAPITAL_STYLE } from './theme';
import { emptyComposer, inboxCount, tradePanel, type Composer } from './trade';
import { roomMessagesSection } from './messages-room';

export interface PlayDeps {
  app: HTMLElement;
  ui: HTMLElement;
  store: StoreApi<GameStore>;
  ledger: Ledger;
  /** The Phaser view, once loaded. */
  view: Promise<GameView>;
  /** Routes clicks on map sectors to this screen (null: stop). */
  setSectorHandler(fn: ((id: string | null) => void) | null): void;
  onGameOver(): void;
  onLeave(): void;
  onDownloadRecord(): void;
}

export interface PlayHandle {
  destroy(): void;
}

type Tab = 'orders' | 'trade' | 'news' | 'intel' | 'front';
const TABS: { id: Tab; label: string }[] = [
  { id: 'orders', label: 'Orders' },
  { id: 'trade', label: 'Trade' },
  { id: 'news', label: 'News' },
  { id: 'intel', label: 'Intel' },
  { id: 'front', label: 'Front' },
];

function humans(seats: Record<Capital, string>): Capital[] {
  return CAPITAL_IDS.filter((c) => seats[c] === 'human');
}

export function mountPlay(deps: PlayDeps): PlayHandle {
  const { app, ui, store, ledger } = deps;
  const get = () => store.getState();

  let view: GameView | null = null;
  let tab: Tab = 'orders';
  let composer: Composer = emptyComposer();
  const errors = new Map<string, string>();
  let errorsFor = '';
  let speed: ReportSpeed = 1;
  /** The report being animated, and the state the map showed before it. */
  let playing: TurnReport | null = null;
  let replay: { before: GameState; report: TurnReport } | null = null;
  /** The state the map shows (the map lags behind during a report). */
  let mapState: GameState | null = null;
  let localHandoff: Capital | null = null;
  let gameOverCalled = false;
  let destroyed = false;
  let selectedSector: string | null = null;
  // The goals start open unless the screen is small (the score line always shows).
  let goalsOpen = !window.matchMedia('(max-width: 700px)').matches;
  let endWalk: (() => void) | null = null;
  const walk = (): void => {
    endWalk?.();
    endWalk = startWalkthrough(ui);
  };
  /** The briefing, once per capital and game, when its first turn is on screen. */
  const brief = (): void => {
    const s = get().session;
    // A room's game starts from its lobby with the teacher present; it keeps its own flow (the
    // briefing stays one button away, under the goals).
    if (s && !currentHandoff() && !get().isLinked())
      briefIfNew(s.state, s.state.ctx.seat, ledger, walk);
  };

  // --- Header ------------------------------------------------------------------------------
  const { head, seatBadge, turnIndicator, undoBtn, endBtn, menuBtn, ledgerHost } = gameHeader();

  // --- Side panel ----------------------------------------------------------------------------
  const banner = h('div', { class: 'banner', role: 'alert', hidden: true });
  const reportTitle = h('h2', { id: 'report-title' });
  const reportText = h('div', { class: 'report-text' });
  const controls: ReportControls = reportControls({
    playLabel: 'Replay on the map',
    speed,
    onPlay: () => {
      if (replay && !playing) void playReport(replay.report, replay.before, false);
    },
    onSkip: () => view?.skipTurnReport(),
    onSpeed: (s) => {
      speed = s;
      view?.setReportSpeed(s);
    },
  });
  const reportBox = h(
    'section',
    { class: 'report-box', 'aria-labelledby': 'report-title', hidden: true },
    reportTitle,
    controls.element,
    reportText,
  );
  const resourcesHost = h('div', { class: 'resources-host' });
  const { tablist, buttons: tabButtons } = tabList(TABS, 'Game panels', (t) => selectTab(t, true));
  const tabpanel = h('div', { id: 'tabpanel', class: 'tabpanel', role: 'tabpanel', tabindex: 0 });
  const side = h(
    // The orders and panels are the screen's main content (the map repeats them as a picture).
    'main',
    { class: 'side game-side', id: 'side-panel', 'aria-label': 'Your capital' },
    banner,
    reportBox,
    resourcesHost,
    tablist,
    tabpanel,
  );

  // --- Hot-seat cover ------------------------------------------------------------------------
  const handoff = h('div', {
    class: 'handoff',
    role: 'dialog',
    'aria-modal': 'true',
    'aria-labelledby': 'handoff-title',
    hidden: true,
  });

  ui.append(head, side, handoff);
  // Narrow screens: the header sticks to the top; the tabs stick just below it.
  const headObserver =
    typeof ResizeObserver === 'function'
      ? new ResizeObserver(() =>
          document.documentElement.style.setProperty('--head-height', `${head.offsetHeight}px`),
        )
      : null;
  headObserver?.observe(head);

  const table = sectorTable((id) => selectSector(id));

  function selectSector(id: string | null): void {
    selectedSector = id;
    table.setSelected(id);
    view?.selectSector(id);
    const name = id
      ? (get().session?.state.rules.sectors.find((s) => s.id === id)?.name ?? id)
      : null;
    if (name) announce(`${name} selected.`);
  }
  deps.setSectorHandler((id) => {
    selectedSector = id;
    table.setSelected(id);
    // The order forms start on the sector picked on the map (keeping what was typed).
    if (id && tab === 'orders') {
      keepValues = true;
      render();
      for (const el of tabpanel.querySelectorAll<HTMLSelectElement>('select[id$="-sector"]'))
        el.value = id;
    }
    if (id) {
      const name = get().session?.state.rules.sectors.find((s) => s.id === id)?.name ?? id;
      announce(`${name} selected.`);
    }
  });

  function selectTab(t: Tab, focus: boolean): void {
    const changed = t !== tab;
    tab = t;
    render();
    if (focus) tabButtons.get(t)?.focus({ preventScroll: true });
    // A new tab starts at its top.
    if (changed) {
      // (The tab list is sticky: measure from the element above it, which is not.)
      const top = resourcesHost.offsetTop + resourcesHost.offsetHeight - side.offsetTop;
      if (side.scrollHeight > side.clientHeight && side.scrollTop > top) side.scrollTop = top;
      else if (tablist.getBoundingClientRect().top < 0 || tabpanel.getBoundingClientRect().top < 0)
        tablist.scrollIntoView({ block: 'start' });
    }
  }

  // --- Orders --------------------------------------------------------------------------------
  /** After a refused order, the form keeps what the player typed. */
  let keepValues = false;
  const act = (group: string, action: Action): boolean => {
    const err = get().dispatch(action);
    if (err) {
      errors.set(group, politeError(err));
      keepValues = true;
      render();
      return false;
    }
    errors.delete(group);
    const s = get().session;
    if (s && action.type !== 'endTurn') announce(`Order given: ${describeAction(s.state.rules, action)}`);
    return true;
  };
  const ctx: PanelContext = {
    act,
    errors,
    get sector() {
      return selectedSector;
    },
    onSector: (id) => {
      selectedSector = id;
      table.setSelected(id);
      view?.selectSector(id);
    },
  };

  undoBtn.addEventListener('click', () => {
    const s = get().session;
    const last = s?.actions.at(-1);
    if (!s || !last || !get().canUndo()) {
      announce('There is no order to take back this turn.');
      return;
    }
    const text = describeAction(s.state.rules, last);
    if (get().undo()) {
      errors.clear();
      announce(`Order taken back: ${text}`);
    }
  });

  endBtn.addEventListener('click', () => {
    const s = get().session;
    if (!s || s.state.ctx.phase === 'over') return;
    const seat = s.state.ctx.seat;
    openEndTurn(s.state, ordersThisTurn(s, seat), () => void act('end', { type: 'endTurn', seat }));
  });

  menuBtn.addEventListener('click', () =>
    openGameMenu({ onDownloadRecord: deps.onDownloadRecord, onLeave: deps.onLeave }),
  );

  // --- Rendering ---------------------------------------------------------------------------------
  function currentHandoff(): Capital | null {
    return get().handoff ?? localHandoff;
  }

  function renderHandoff(state: GameState, seat: Capital): void {
    clear(handoff);
    clearAnnouncements();
    const go = handoffCover(handoff, state, seat, get().session?.lastHuman ?? null, () => {
      if (get().handoff) get().confirmHandoff();
      localHandoff = null;
      tab = 'orders';
      composer = emptyComposer();
      errors.clear();
      setInert(false);
      handoff.hidden = true;
      render();
      turnIndicator.focus();
      maybePlayReport();
      brief();
    });
    handoff.hidden = false;
    setInert(true);
    if (!handoff.contains(document.activeElement)) go.focus();
  }

  function setInert(on: boolean): void {
    for (const el of [head, side, document.getElementById('stage')]) {
      if (!el) continue;
      if (on) el.setAttribute('inert', '');
      else el.removeAttribute('inert');
    }
  }

  function render(): void {
    if (destroyed) return;
    const st = get();
    const s = st.session;
    if (!s) return;
    const state = s.state;
    const seat = state.ctx.seat;
    app.dataset['turn'] = String(state.ctx.turn);
    app.dataset['seat'] = seat;
    app.dataset['phase'] = state.ctx.phase;
    // Errors belong to the seat and month they were made in.
    const errorsKey = `${state.ctx.turn}:${seat}`;
    if (errorsKey !== errorsFor) errors.clear();
    errorsFor = errorsKey;

    turnIndicator.textContent = turnInfoText(
      state.ctx.turn,
      state.rules.calendar.turns,
      state.ctx.date,
    );
    if (s.lesson === 'short')
      turnIndicator.append(
        h(
          'span',
          { class: 'lesson-step' },
          ` · decision ${Math.ceil(state.ctx.turn / 2)} of ${Math.ceil(state.rules.calendar.turns / 2)}`,
        ),
      );
    const ledgerFocus = ledgerHost.contains(document.activeElement)
      ? (document.activeElement as HTMLElement).dataset['figure']
      : undefined;
    clear(ledgerHost);
    // The pass-the-device screen shows no capital's estimates (they are private to each seat).
    const viewer = currentHandoff() && state.ctx.phase !== 'over' ? null : state.ctx.seat;
    ledgerHost.appendChild(humanCostStrip(state, ledger, viewer));
    if (ledgerFocus)
      ledgerHost.querySelector<HTMLElement>(`[data-figure="${CSS.escape(ledgerFocus)}"]`)?.focus();

    const hand = currentHandoff();
    if (hand && state.ctx.phase !== 'over') {
      clear(seatBadge);
      clear(resourcesHost);
      clear(tabpanel);
      tablist.hidden = true;
      banner.hidden = true;
      reportBox.hidden = true;
      renderHandoff(state, hand);
      return;
    }
    handoff.hidden = true;
    tablist.hidden = false;

    // Whose orders.
    clear(seatBadge);
    seatBadge.append(
      h('img', { src: EMBLEM_URL[seat], alt: '', width: 28, height: 28 }),
      h(
        'span',
        {},
        h('strong', {}, capitalName(state, seat)),
        h(
          'span',
          { class: 'muted' },
          state.ctx.phase === 'over' ? ' · game over' : ' · your orders',
        ),
      ),
    );
    seatBadge.style.setProperty('--seat-color', CAPITAL_STYLE[seat].onDark);
    side.setAttribute('aria-label', `${capitalName(state, seat)}: your capital`);

    undoBtn.disabled = !st.canUndo();
    endBtn.disabled = state.ctx.phase === 'over';

    // Autosave trouble.
    if (st.saveWriteFailed) {
      clear(banner);
      const dl = h('button', { type: 'button', class: 'btn btn-small' }, 'Download game record');
      dl.addEventListener('click', () => deps.onDownloadRecord());
      banner.append(h('p', {}, st.saveWriteFailed), dl);
      banner.hidden = false;
    } else banner.hidden = true;

    // Turn report.
    const report = playing ?? state.reports.at(-1) ?? null;
    if (report && report.turn >= state.ctx.turn - 1) {
      reportBox.hidden = false;
      reportTitle.textContent = playing
        ? `${formatMonth(report.date)}: the month plays out on the map`
        : `What happened in ${formatMonth(report.date)}`;
      clear(reportText);
      reportText.append(reportSummary(state, report));
      // A short lesson resolves two months per decision: the first is listed too.
      const before = state.reports.find((r) => r.turn === report.turn - 1);
      if (s.lesson === 'short' && report.turn % 2 === 0 && before)
        reportText.append(
          h(
            'details',
            { class: 'report-full' },
            h('summary', {}, `Also ${formatMonth(before.date)}, the month of your last orders`),
            reportSummary(state, before),
          ),
          h(
            'p',
            {},
            `${formatMonth(report.date)} played out with your standing orders: your levers stayed as set and no new trade was made.`,
          ),
        );
      const play = controls.element.querySelector('button');
      if (play) play.hidden = !!playing || !replay || replay.report.turn !== report.turn;
    } else reportBox.hidden = true;

    // Stocks, their warnings, and the goals (kept on screen).
    clear(resourcesHost);
    const goals = standingPanel(state, seat, goalsOpen);
    goals.addEventListener('toggle', () => (goalsOpen = goals.open));
    const again = h('button', { type: 'button', class: 'btn btn-small' }, 'Read your briefing');
    again.addEventListener('click', () =>
      openBriefing(state, seat, ledger, (show) => show && walk()),
    );
    goals.append(again);
    resourcesHost.append(resourcesPanel(state, seat), stockWatchPanel(state, seat), goals);

    // Tabs.
    const inbox = inboxCount(state, seat);
    const fresh = freshNewsCount(state, seat);
    for (const t of TABS) {
      const b = tabButtons.get(t.id)!;
      const selected = t.id === tab;
      b.setAttribute('aria-selected', String(selected));
      b.tabIndex = selected ? 0 : -1;
      b.textContent = t.label;
      const count = t.id === 'trade' ? inbox : t.id === 'news' ? fresh : 0;
      if (count > 0)
        b.appendChild(
          h(
            'span',
            {
              class: 'tab-count',
              'aria-label': t.id === 'trade' ? `${count} waiting` : `${count} new`,
            },
            String(count),
          ),
        );
    }
    tabpanel.setAttribute('aria-labelledby', `tab-${tab}`);

    // Keep focus and scroll across the re-render.
    const active = document.activeElement as HTMLElement | null;
    const focusId = active && tabpanel.contains(active) ? active.id : null;
    const wasInPanel = !!active && tabpanel.contains(active);
    const scroll = side.scrollTop;
    const pageScroll = window.scrollY;
    const values = new Map<string, string>();
    if (keepValues)
      for (const el of tabpanel.querySelectorAll<HTMLInputElement | HTMLSelectElement>(
        'input[id], select[id]',
      ))
        values.set(el.id, el.value);
    keepValues = false;
    clear(tabpanel);
    tabpanel.append(...panelContent(state, seat));
    for (const [id, v] of values) {
      const el = document.getElementById(id) as HTMLInputElement | HTMLSelectElement | null;
      if (el && tabpanel.contains(el) && el.value !== v) el.value = v;
    }
    if (focusId && document.getElementById(focusId))
      document.getElementById(focusId)!.focus({ preventScroll: true });
    else if (wasInPanel) tabButtons.get(tab)?.focus({ preventScroll: true });
    side.scrollTop = scroll;
    if (window.scrollY !== pageScroll) window.scrollTo({ top: pageScroll });

    // The map follows the state, unless a report is being animated over the old one.
    if (!playing && !st.pendingReport) renderMap(state);

    if (state.ctx.phase === 'over' && !playing && !st.pendingReport && !gameOverCalled) {
      gameOverCalled = true;
      setTimeout(() => deps.onGameOver(), 0);
    }
  }

  function panelContent(state: GameState, seat: Capital): HTMLElement[] {
    switch (tab) {
      case 'orders': {
        const mine = ordersThisTurn(get().session!, seat);
        const given = h(
          'section',
          { class: 'panel-section orders-given', 'aria-labelledby': 'given-title' },
          h('h3', { id: 'given-title' }, `Orders this turn (${mine.length})`),
          mine.length
            ? orderList(state, mine)
            : h(
                'p',
                { class: 'muted small' },
                'None yet. Orders take effect when the month is played out; until you end your turn, Undo takes them back.',
              ),
        );
        return [
          given,
          ...ordersPanel(state, seat, ctx, () => selectTab('trade', true)),
          errorsBlock('end'),
        ];
      }
      case 'trade':
        return [
          ...tradePanel(state, seat, ctx, { composer, refresh: render }),
          ...roomMessagesSection(state, seat),
        ];
      case 'news':
        return [newsPanel(state, seat, ledger)];
      case 'intel':
        return [estimatesPanel(state, seat)];
      case 'front': {
        table.update(selectMapState(state));
        table.setSelected(selectedSector);
        return [
          h('section', { class: 'panel-section' }, table.element),
          h('section', { class: 'panel-section' }, mapLegend()),
        ];
      }
    }
  }

  function errorsBlock(group: string): HTMLElement {
    const msg = errors.get(group) ?? '';
    return h('p', { class: 'field-error', 'aria-live': 'polite', hidden: msg === '' }, msg);
  }

  function renderMap(state: GameState): void {
    mapState = state;
    view?.render(state);
  }

  // --- Turn reports ------------------------------------------------------------------------------
  function maybePlayReport(): void {
    const st = get();
    if (playing || !st.pendingReport || currentHandoff()) return;
    const before = mapState;
    void playReport(st.pendingReport, before, true);
  }

  async function playReport(
    report: TurnReport,
    before: GameState | null,
    fromStore: boolean,
  ): Promise<void> {
    playing = report;
    app.dataset['report'] = 'playing';
    if (fromStore && before) replay = { before, report };
    render();
    controls.setPlaying(true);
    // The report's controls (Skip, speed) come into view while the month plays out.
    if (side.scrollHeight > side.clientHeight) side.scrollTop = 0;
    // On a phone or tablet the page itself scrolls (map above the panels): bring the map and
    // the month's report back into view, or the month plays off-screen above the orders.
    if (fromStore && (document.scrollingElement?.scrollTop ?? 0) > 0)
      document.getElementById('stage')?.scrollIntoView({ block: 'start' });
    const v = view;
    const finish = (): void => {
      if (destroyed) return;
      playing = null;
      controls.setPlaying(false);
      const st = get();
      const s = st.session;
      // A turn ended while this month was still playing has queued the next month's report:
      // keep it (it plays next, with its loss cards) rather than clearing it with this one.
      if (fromStore && st.pendingReport?.turn === report.turn) st.clearReport();
      if (s) {
        renderMap(s.state);
        const names = (id: string) => s.state.rules.sectors.find((x) => x.id === id)?.name ?? id;
        announce(describeTurnReport(report, names));
      }
      app.dataset['report'] = 'done';
      render();
      maybePlayReport();
    };
    if (!v) {
      finish();
      return;
    }
    if (!fromStore && before) v.render(before);
    v.playTurnReport(report, speed, finish);
  }

  // --- Wiring ------------------------------------------------------------------------------------
  let scheduled = false;
  const unsubscribe = store.subscribe(() => {
    if (scheduled) return;
    scheduled = true;
    queueMicrotask(() => {
      scheduled = false;
      render();
      maybePlayReport();
    });
  });

  const s0 = get().session;
  if (
    s0 &&
    humans(s0.seats).length > 1 &&
    !get().handoff &&
    s0.state.ctx.phase !== 'over' &&
    s0.actions.length === 0
  )
    localHandoff = s0.state.ctx.seat;
  render();
  if (!currentHandoff()) turnIndicator.focus();
  brief();

  void deps.view.then(async (v) => {
    if (destroyed) return;
    const s = get().session;
    if (!s) return;
    await v.startGame(mapState ?? s.state);
    if (destroyed) return;
    view = v;
    v.refreshLayout();
    v.setReportSpeed(speed);
    app.dataset['mapReady'] = 'true';
    if (!playing && !get().pendingReport) renderMap(get().session!.state);
    maybePlayReport();
  });
  if (!mapState && s0) mapState = s0.state;
  maybePlayReport();

  return {
    destroy() {
      destroyed = true;
      endWalk?.();
      unsubscribe();
      headObserver?.disconnect();
      deps.setSectorHandler(null);
      controls.destroy();
      setInert(false);
      head.remove();
      side.remove();
      handoff.remove();
      delete app.dataset['report'];
      delete app.dataset['mapReady'];
    },
  };
}
