/**
 * The project's icons (assets/icons/*.svg, 24×24, one colour: `currentColor`), inlined so that
 * they take the colour of the text around them. They are our own files, so inlining is safe.
 */
import { h } from './dom';

const RAW = import.meta.glob('../../assets/icons/*.svg', {
  query: '?raw',
  import: 'default',
  eager: true,
}) as Record<string, string>;

export const ICON_NAMES = [
  'troops',
  'ammunition',
  'oil',
  'food',
  'currency',
  'workers',
  'un-cover',
  'drones',
  'drone-operators',
  'evidence',
  'tech-missile',
  'tech-drone',
  'tech-air-defence',
  'tech-nuclear',
  'tech-cyber',
  'killed',
  'wounded',
  'captured',
  'families',
] as const;
export type IconName = (typeof ICON_NAMES)[number];

/** The icon for each engine item (src/engine/types.ts ITEMS). */
export const ITEM_ICON: Record<string, IconName> = {
  troops: 'troops',
  ammunition: 'ammunition',
  oil: 'oil',
  food: 'food',
  currency: 'currency',
  workers: 'workers',
  unCover: 'un-cover',
  drones: 'drones',
  droneOperators: 'drone-operators',
  evidence: 'evidence',
  prisoners: 'captured',
  pows: 'captured',
  'tech.missile': 'tech-missile',
  'tech.drone': 'tech-drone',
  'tech.airDefence': 'tech-air-defence',
  'tech.nuclear': 'tech-nuclear',
  'tech.cyber': 'tech-cyber',
};

export { ITEM_LABEL } from './metric-labels';

/** The raw SVG markup of an icon. */
export function iconSvg(name: IconName): string {
  const svg = RAW[`../../assets/icons/${name}.svg`];
  if (svg === undefined) throw new Error(`unknown icon ${name}`);
  return svg;
}

/**
 * An icon as an element. Decorative by default (aria-hidden); pass `label` when the icon is the
 * only thing that says what it means.
 */
export function icon(name: IconName, label?: string): HTMLSpanElement {
  const span = h('span', { class: `icon icon-${name}` });
  // Our own static asset, inlined so it inherits `color`.
  span.innerHTML = iconSvg(name);
  if (label) {
    span.setAttribute('role', 'img');
    span.setAttribute('aria-label', label);
  } else {
    span.setAttribute('aria-hidden', 'true');
  }
  return span;
}
