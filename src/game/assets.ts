/**
 * Everything the Preloader loads, with real URLs (Vite fingerprints them in the build;
 * `?no-inline` keeps small SVGs as files rather than data URIs).
 */
import kursk from '../../assets/map/kursk.svg?no-inline';
import { EMBLEM_URL, MARKER_URL } from '../ui/assets';
import { ICON_NAMES, iconSvg, type IconName } from '../ui/icons';

export const MAP_KEY = 'map-kursk';
export const MAP_URL = kursk;

export const MARKER_KEYS = {
  russian: 'marker-russian',
  northKorean: 'marker-north-korean',
  ukrainian: 'marker-ukrainian',
} as const;

export const EMBLEM_KEYS = {
  pyongyang: 'emblem-pyongyang',
  moscow: 'emblem-moscow',
  kyiv: 'emblem-kyiv',
} as const;

/** Icons drawn on the canvas (casualty floats, deliveries), recoloured white for dark chips. */
// Every icon but the families one, which only the DOM panels use.
export const CANVAS_ICONS: readonly IconName[] = ICON_NAMES.filter((name) => name !== 'families');

export function iconKey(name: IconName): string {
  return `icon-${name}`;
}

let iconUrls: Map<IconName, string> | null = null;

/** Object URLs of white versions of the canvas icons (made once, kept for the page's life). */
export function whiteIconUrls(): Map<IconName, string> {
  if (iconUrls) return iconUrls;
  iconUrls = new Map();
  for (const name of CANVAS_ICONS) {
    const svg = iconSvg(name).replace(/currentColor/g, '#ffffff');
    iconUrls.set(name, URL.createObjectURL(new Blob([svg], { type: 'image/svg+xml' })));
  }
  return iconUrls;
}

export { EMBLEM_URL, MARKER_URL };
