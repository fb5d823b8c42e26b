/**
 * A tiny DOM builder. Every piece of text goes in with textContent (never innerHTML): pseudonyms,
 * scenario titles and event texts come from users and are shown as text.
 */
export type Child = Node | string | number | null | undefined | false;

export interface Props {
  class?: string;
  id?: string;
  [attr: string]: string | number | boolean | undefined | ((ev: Event) => void);
}

export function h<K extends keyof HTMLElementTagNameMap>(
  tag: K,
  props: Props = {},
  ...children: Child[]
): HTMLElementTagNameMap[K] {
  const el = document.createElement(tag);
  setProps(el, props);
  append(el, children);
  return el;
}

const SVG_NS = 'http://www.w3.org/2000/svg';

export function s<K extends keyof SVGElementTagNameMap>(
  tag: K,
  props: Props = {},
  ...children: Child[]
): SVGElementTagNameMap[K] {
  const el = document.createElementNS(SVG_NS, tag);
  setProps(el, props);
  append(el, children);
  return el;
}

function setProps(el: Element, props: Props): void {
  for (const [k, v] of Object.entries(props)) {
    if (v === undefined || v === false) continue;
    if (typeof v === 'function') {
      el.addEventListener(k.replace(/^on/, '').toLowerCase(), v as EventListener);
    } else if (k === 'class') {
      el.setAttribute('class', String(v));
    } else {
      el.setAttribute(k, v === true ? '' : String(v));
    }
  }
}

export function append(el: Element, children: Child[]): void {
  for (const c of children) {
    if (c === null || c === undefined || c === false) continue;
    el.append(typeof c === 'number' ? String(c) : c);
  }
}

export function clear(el: Element): void {
  while (el.firstChild) el.firstChild.remove();
}

const integer = new Intl.NumberFormat('en', { maximumFractionDigits: 0 });
const oneDecimal = new Intl.NumberFormat('en', { maximumFractionDigits: 1 });

/** 12,345 for counts, 12.3 for the rest. */
export function fmt(n: number | undefined | null): string {
  if (n === undefined || n === null || !Number.isFinite(n)) return '–';
  return Number.isInteger(n) ? integer.format(n) : oneDecimal.format(n);
}

export function fmtDate(iso: string): string {
  const d = new Date(iso);
  if (Number.isNaN(d.getTime())) return iso;
  return d.toLocaleString('en-GB', {
    day: 'numeric',
    month: 'short',
    year: 'numeric',
    hour: '2-digit',
    minute: '2-digit',
  });
}

const MONTHS = [
  'January',
  'February',
  'March',
  'April',
  'May',
  'June',
  'July',
  'August',
  'September',
  'October',
  'November',
  'December',
];

/** "2024-10" -> "October 2024". */
export function fmtMonth(ym: string): string {
  const m = /^(\d{4})-(\d{2})$/.exec(ym);
  if (!m) return ym;
  return `${MONTHS[Number(m[2]) - 1] ?? m[2]} ${m[1]}`;
}

/** Announces a message to screen readers through the page's polite live region. */
export function announce(message: string): void {
  const live = document.getElementById('live');
  if (!live) return;
  live.textContent = '';
  window.setTimeout(() => (live.textContent = message), 50);
}

/**
 * Wide tables scroll sideways inside the page on a phone instead of widening it. The scrolling
 * box must be reachable by keyboard (and named) so its hidden columns can be read: every table
 * that appears under `root`, whichever view drew it and whenever, is put in such a box.
 */
export function keepTablesInside(root: HTMLElement): void {
  const wrap = (table: HTMLTableElement): void => {
    const parent = table.parentElement;
    if (!parent || parent.classList.contains('table-scroll')) return;
    const caption = table.querySelector('caption')?.textContent?.trim();
    const box = h('div', {
      class: 'table-scroll',
      tabindex: '0',
      role: 'region',
      'aria-label': caption ? `Table: ${caption}` : 'Table',
    });
    parent.insertBefore(box, table);
    box.append(table);
  };
  root.querySelectorAll('table').forEach(wrap);
  new MutationObserver((records) => {
    for (const r of records)
      for (const n of r.addedNodes) {
        if (n instanceof HTMLTableElement) wrap(n);
        else if (n instanceof HTMLElement) n.querySelectorAll('table').forEach(wrap);
      }
  }).observe(root, { childList: true, subtree: true });
}
