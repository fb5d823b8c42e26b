/**
 * DOM pieces of the game screen: the top bar and side panel, the map legend, the sector table
 * (the map's text equivalent, and its keyboard access), the human-cost ledger, and the turn-report
 * controls. They show what they are given and call back; no rules here.
 */
import type { HumanCost } from '../engine/types';
import type { MapState } from '../game/selectors';
import { MARKER_URL } from './assets';
import { clear, formatCount, formatMonth, h } from './dom';
import { icon } from './icons';

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
