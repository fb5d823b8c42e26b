/**
 * DOM pieces of the game screen: the top bar and side panel, the map legend, the sector table
 * (the map's text equivalent, and its keyboard access), the human-cost ledger, and the turn-report
 * controls and the report's summary in a few lines. They show what they are given and call back;
 * no rules here.
 */
import type { GameState, HumanCost, TurnReport } from '../engine/types';
import type { MapState } from '../game/selectors';
import { MARKER_URL } from './assets';
import { clear, formatCount, formatMonth, h } from './dom';
import { icon } from './icons';
import { describeTurnReport } from './reportText';

export type Screen = 'menu' | 'setup' | 'game' | 'debrief';

/** Switches the app grid's layout (styles.css keys on #app[data-screen]). */
export function setScreen(app: HTMLElement, screen: Screen): void {
  app.dataset['screen'] = screen;
}

export interface GameScreen {
  topbar: HTMLElement;
  side: HTMLElement;
  setTurnInfo(text: string): void;
  destroy(): void;
}

export function mountGameScreen(
  ui: HTMLElement,
  opts: { title?: string; sideLabel?: string } = {},
): GameScreen {
  const turnInfo = h('span', { class: 'turn-info' });
  const topbar = h(
    'header',
    { class: 'topbar' },
    h('h1', {}, opts.title ?? 'Three Capitals'),
    h('span', { class: 'spacer' }),
    turnInfo,
  );
  const side = h('aside', {
    class: 'side',
    'aria-label': opts.sideLabel ?? 'Game panel',
    id: 'side-panel',
  });
  ui.append(topbar, side);
  return {
    topbar,
    side,
    setTurnInfo(text) {
      turnInfo.textContent = text;
    },
    destroy() {
      topbar.remove();
      side.remove();
    },
  };
}

/** "Turn 5 of 12 · February 2025". */
export function turnInfoText(turn: number, turns: number, date: string): string {
  return `Turn ${turn} of ${turns} · ${formatMonth(date)}`;
}

export function mapLegend(): HTMLElement {
  const marker = (src: string, alt: string): HTMLImageElement =>
    h('img', { src, alt, width: 36, height: 24 });
  return h(
    'section',
    { 'aria-labelledby': 'legend-title' },
    h('h2', { id: 'legend-title' }, 'Map key'),
    h(
      'dl',
      { class: 'legend' },
      h('dt', {}, h('span', { class: 'swatch swatch-ru', 'aria-hidden': 'true' })),
      h('dd', {}, 'Russian-held: hatched'),
      h('dt', {}, h('span', { class: 'swatch swatch-ua', 'aria-hidden': 'true' })),
      h('dd', {}, 'Ukrainian-held: plain'),
      h('dt', {}, h('span', { class: 'swatch swatch-front', 'aria-hidden': 'true' })),
      h('dd', {}, 'Front line'),
      h('dt', {}, marker(MARKER_URL.russian, 'R marker')),
      h('dd', {}, 'Russian troops'),
      h('dt', {}, marker(MARKER_URL.northKorean, 'N marker')),
      h('dd', {}, 'North Korean troops'),
      h('dt', {}, marker(MARKER_URL.ukrainian, 'U marker')),
      h('dd', {}, 'Ukrainian troops (bigger marker, more soldiers)'),
    ),
  );
}

export interface SectorTable {
  element: HTMLElement;
  update(map: MapState): void;
  setSelected(id: string | null): void;
}

/** The sectors as a table: control and troops, one button per sector to select it. */
export function sectorTable(onSelect: (id: string) => void): SectorTable {
  const tbody = h('tbody');
  const element = h(
    'table',
    { class: 'sectors' },
    h('caption', {}, 'Front sectors'),
    h(
      'thead',
      {},
      h(
        'tr',
        {},
        h('th', { scope: 'col' }, 'Sector'),
        h('th', { scope: 'col' }, 'Russian control'),
        h('th', { scope: 'col', title: 'Russian troops' }, 'R'),
        h('th', { scope: 'col', title: 'North Korean troops' }, 'N'),
        h('th', { scope: 'col', title: 'Ukrainian troops' }, 'U'),
      ),
    ),
    tbody,
  );
  let selected: string | null = null;
  const rows = new Map<string, HTMLTableRowElement>();
  return {
    element,
    update(map) {
      clear(tbody);
      rows.clear();
      for (const s of map.sectors) {
        const c = Math.round(s.control);
        const button = h(
          'button',
          { type: 'button', class: 'sector-row-btn', 'aria-pressed': String(s.id === selected) },
          s.name,
        );
        button.addEventListener('click', () => onSelect(s.id));
        const row = h(
          'tr',
          { class: s.id === selected ? 'is-selected' : '' },
          h('th', { scope: 'row' }, button),
          h(
            'td',
            {},
            h(
              'span',
              { class: 'control-bar', 'aria-hidden': 'true' },
              h('span', { style: `width: ${c}%` }),
            ),
            `${c}%`,
          ),
          h('td', {}, formatCount(s.russian)),
          h('td', {}, formatCount(s.northKorean)),
          h('td', {}, formatCount(s.ukrainian)),
        );
        rows.set(s.id, row);
        tbody.appendChild(row);
      }
    },
    setSelected(id) {
      selected = id;
      for (const [rid, row] of rows) {
        row.classList.toggle('is-selected', rid === id);
        row.querySelector('button')?.setAttribute('aria-pressed', String(rid === id));
      }
    },
  };
}

/** The human-cost ledger: what no capital can trade away. */
export function humanCostLedger(human: HumanCost): HTMLElement {
  const item = (name: Parameters<typeof icon>[0], n: number, label: string): HTMLLIElement =>
    h('li', {}, icon(name), h('span', {}, h('strong', {}, formatCount(n)), ' ', label));
  return h(
    'section',
    { class: 'ledger', 'aria-labelledby': 'ledger-title' },
    h('h2', { id: 'ledger-title' }, 'Human cost · North Korean soldiers'),
    h(
      'ul',
      {},
      item('troops', human.sent, 'sent'),
      item('killed', human.killed, 'killed'),
      item('wounded', human.wounded, 'wounded'),
      item('captured', human.captured, 'captured'),
      item('families', human.familiesAtRisk, 'families at risk'),
    ),
    h(
      'p',
      { class: 'muted', style: 'margin: 10px 0 0; font-size: 0.88rem' },
      `Russian losses: ${formatCount(human.russian.killed)} killed, ${formatCount(human.russian.wounded)} wounded. ` +
        `Ukrainian losses: ${formatCount(human.ukrainian.killed)} killed, ${formatCount(human.ukrainian.wounded)} wounded.`,
    ),
  );
}

export type Speed = 1 | 2 | 4;

export interface ReportControls {
  element: HTMLElement;
  speed(): Speed;
  setPlaying(playing: boolean): void;
  destroy(): void;
}

/**
 * Play / skip and speed (1×, 2×, 4×) for the turn report. Escape skips while a report plays.
 */
export function reportControls(opts: {
  onPlay: () => void;
  onSkip: () => void;
  onSpeed: (s: Speed) => void;
  speed?: Speed;
  playLabel?: string;
}): ReportControls {
  let speed: Speed = opts.speed ?? 1;
  let playing = false;
  const play = h(
    'button',
    { type: 'button', class: 'btn btn-small btn-primary' },
    opts.playLabel ?? 'Play turn report',
  );
  const skip = h('button', { type: 'button', class: 'btn btn-small', disabled: true }, 'Skip');
  skip.setAttribute('aria-keyshortcuts', 'Escape');
  const speeds = ([1, 2, 4] as const).map((s) => {
    const input = h('input', { type: 'radio', name: 'report-speed', value: String(s) });
    input.checked = s === speed;
    input.addEventListener('change', () => {
      speed = s;
      opts.onSpeed(s);
    });
    return h('label', {}, input, `${s}×`);
  });
  const element = h(
    'div',
    { class: 'report-controls', role: 'group', 'aria-label': 'Turn report' },
    play,
    skip,
    h('fieldset', {}, h('legend', {}, 'Animation speed'), ...speeds),
  );
  play.addEventListener('click', () => opts.onPlay());
  skip.addEventListener('click', () => opts.onSkip());
  const onKey = (e: KeyboardEvent): void => {
    if (e.key === 'Escape' && playing && !document.querySelector('dialog[open]')) opts.onSkip();
  };
  document.addEventListener('keydown', onKey);
  return {
    element,
    speed: () => speed,
    setPlaying(p) {
      const hadFocus = document.activeElement === play || document.activeElement === skip;
      playing = p;
      skip.disabled = !p;
      play.disabled = p;
      if (p && hadFocus) skip.focus();
      if (!p && document.activeElement === document.body) play.focus();
    },
    destroy() {
      document.removeEventListener('keydown', onKey);
      element.remove();
    },
  };
}

/** A turn report in a few lines, with the full text one click away. */
export function reportSummary(state: GameState, report: TurnReport): HTMLElement {
  const names = (id: string) => state.rules.sectors.find((x) => x.id === id)?.name ?? id;
  let k = 0;
  let w = 0;
  let c = 0;
  for (const s of report.sectors) {
    k += s.northKorean.killed;
    w += s.northKorean.wounded;
    c += s.northKorean.captured;
  }
  const front = report.sectors.map((s) => {
    const d = Math.round(s.controlAfter) - Math.round(s.controlBefore);
    return `${names(s.sector)} ${Math.round(s.controlAfter)}%${d === 0 ? '' : ` (${d > 0 ? '+' : '−'}${Math.abs(d)})`}`;
  });
  return h(
    'div',
    {},
    h(
      'p',
      {},
      h('strong', {}, 'North Korean soldiers: '),
      `${formatCount(k)} killed, ${formatCount(w)} wounded, ${formatCount(c)} captured.`,
    ),
    h('p', {}, h('strong', {}, 'Russian-held: '), front.join(' · ')),
    h(
      'details',
      { class: 'report-full' },
      h('summary', {}, 'Full report: deliveries and losses'),
      h('p', {}, describeTurnReport(report, names)),
    ),
  );
}

/** The game screen's top bar: the brand, whose orders, the turn, Undo, End turn, the menu, the ledger. */
export function gameHeader(): {
  head: HTMLElement;
  seatBadge: HTMLElement;
  turnIndicator: HTMLElement;
  undoBtn: HTMLButtonElement;
  endBtn: HTMLButtonElement;
  menuBtn: HTMLButtonElement;
  ledgerHost: HTMLElement;
} {
  const seatBadge = h('div', { class: 'seat-badge' });
  const turnIndicator = h('p', { id: 'turn-indicator', class: 'turn-info', tabindex: -1 });
  // Short labels on phones; the accessible name stays whole.
  const undoBtn = h(
    'button',
    { type: 'button', id: 'btn-undo', class: 'btn btn-small', 'aria-label': 'Undo last order' },
    h('span', {}, 'Undo', h('span', { class: 'long' }, ' last order')),
  );
  const endBtn = h(
    'button',
    {
      type: 'button',
      id: 'btn-end',
      class: 'btn btn-small btn-primary',
      'aria-haspopup': 'dialog',
    },
    'End turn…',
  );
  const menuBtn = h(
    'button',
    {
      type: 'button',
      id: 'btn-menu',
      class: 'btn btn-small',
      'aria-haspopup': 'dialog',
      'aria-label': 'Game menu',
    },
    h('span', { class: 'long' }, 'Game menu'),
    h('span', { class: 'short' }, 'Menu'),
  );
  const ledgerHost = h('div', { class: 'ledger-host' });
  const head = h(
    'header',
    { class: 'game-head' },
    h(
      'div',
      { class: 'topbar-row' },
      h('h1', { class: 'brand' }, 'Three Capitals'),
      seatBadge,
      turnIndicator,
      h('span', { class: 'spacer' }),
      h('div', { class: 'head-actions' }, undoBtn, endBtn, menuBtn),
    ),
    ledgerHost,
  );
  return { head, seatBadge, turnIndicator, undoBtn, endBtn, menuBtn, ledgerHost };
}

/**
 * A tab list (the WAI-ARIA pattern: arrow keys, Home and End move between tabs) whose buttons
 * control one shared panel, `#tabpanel`; `onSelect` is called with the chosen tab's id.
 */
export function tabList<T extends string>(
  tabs: readonly { id: T; label: string }[],
  label: string,
  onSelect: (id: T) => void,
): { tablist: HTMLElement; buttons: Map<T, HTMLButtonElement> } {
  const buttons = new Map<T, HTMLButtonElement>();
  const tablist = h('div', { class: 'tabs', role: 'tablist', 'aria-label': label });
  for (const t of tabs) {
    const b = h(
      'button',
      { type: 'button', role: 'tab', id: `tab-${t.id}`, class: 'tab', 'aria-controls': 'tabpanel' },
      t.label,
    );
    b.addEventListener('click', () => onSelect(t.id));
    b.addEventListener('keydown', (e) => {
      const i = tabs.findIndex((x) => x.id === t.id);
      let j = -1;
      if (e.key === 'ArrowRight') j = (i + 1) % tabs.length;
      else if (e.key === 'ArrowLeft') j = (i - 1 + tabs.length) % tabs.length;
      else if (e.key === 'Home') j = 0;
      else if (e.key === 'End') j = tabs.length - 1;
      if (j >= 0) {
        e.preventDefault();
        onSelect(tabs[j]!.id);
      }
    });
    buttons.set(t.id, b);
    tablist.appendChild(b);
  }
  return { tablist, buttons };
}
