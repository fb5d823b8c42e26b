/**
 * The one palette of the game, for the DOM (as CSS custom properties) and for Phaser (as numbers).
 *
 * Colours come from the Okabe–Ito set, which stays distinguishable under the common forms of
 * colour-vision deficiency. Colour is never the only signal: capitals also have a shape (emblems:
 * triangle, diamond, rings), units a letter (R, N, U), and Russian control is drawn as a hatched
 * area with a number, not as a hue alone.
 */

export type CapitalId = 'pyongyang' | 'moscow' | 'kyiv';
export type ForceId = 'russian' | 'northKorean' | 'ukrainian';

/** Okabe–Ito (2008) colour-blind-safe palette. */
export const OKABE_ITO = {
  black: '#000000',
  orange: '#E69F00',
  skyBlue: '#56B4E9',
  bluishGreen: '#009E73',
  yellow: '#F0E442',
  blue: '#0072B2',
  vermillion: '#D55E00',
  reddishPurple: '#CC79A7',
} as const;

export interface CapitalStyle {
  /** Display name. */
  name: string;
  /** Main colour: emblems, markers, map fills. */
  color: string;
  /** The same hue, light enough for text and outlines on the dark panels (contrast ≥ 4.5:1). */
  onDark: string;
  /** The same hue, dark enough for text on the light map and paper panels (contrast ≥ 4.5:1). */
  onLight: string;
  /** Shape used by the emblem, named so screen-reader text and legends can say it. */
  shape: 'triangles' | 'diamond' | 'rings';
  /** The force this capital commands on the map. */
  force: ForceId;
}

export const CAPITAL_STYLE: Record<CapitalId, CapitalStyle> = {
  pyongyang: {
    name: 'Pyongyang',
    color: OKABE_ITO.bluishGreen,
    onDark: '#3DD6A8',
    onLight: '#00704F',
    shape: 'triangles',
    force: 'northKorean',
  },
  moscow: {
    name: 'Moscow',
    color: OKABE_ITO.vermillion,
    onDark: '#FF9A5C',
    onLight: '#A84A00',
    shape: 'diamond',
    force: 'russian',
  },
  kyiv: {
    name: 'Kyiv',
    color: OKABE_ITO.blue,
    onDark: OKABE_ITO.skyBlue,
    onLight: '#005A8C',
    shape: 'rings',
    force: 'ukrainian',
  },
};

export interface ForceStyle {
  name: string;
  /** Letter on the unit marker: the marker is readable without colour. */
  letter: 'R' | 'N' | 'U';
  color: string;
  onDark: string;
  onLight: string;
}

export const FORCE_STYLE: Record<ForceId, ForceStyle> = {
  russian: { name: 'Russian', letter: 'R', ...pick(CAPITAL_STYLE.moscow) },
  northKorean: { name: 'North Korean', letter: 'N', ...pick(CAPITAL_STYLE.pyongyang) },
  ukrainian: { name: 'Ukrainian', letter: 'U', ...pick(CAPITAL_STYLE.kyiv) },
};

function pick(c: CapitalStyle): Pick<ForceStyle, 'color' | 'onDark' | 'onLight'> {
  return { color: c.color, onDark: c.onDark, onLight: c.onLight };
}

/** Neutral colours of the interface and of the map. */
export const NEUTRAL = {
  /** Page and canvas background behind everything. */
  bg: '#12161c',
  /** Panels. */
  panel: '#1c232c',
  panelRaised: '#252e39',
  border: '#3a4552',
  text: '#f3f1ec',
  textMuted: '#b9c0c8',
  /** Keyboard focus ring: Okabe–Ito yellow, visible on dark panels and on the light map. */
  focus: OKABE_ITO.yellow,
  /** Paper for reading panels (sources, how to play). */
  paper: '#fbfaf7',
  ink: '#1b1f24',
  inkMuted: '#4a515a',
  danger: '#ff8f7a',
  /** The human-cost ledger: a warm neutral, not a faction colour. */
  humanCost: '#f0e6c8',
} as const;

/** Map colours. The SVG's own <style> block uses the same values. */
export const MAP_STYLE = {
  landRu: '#ece6d8',
  landUa: '#e1e6dc',
  forest: '#cfdcc3',
  river: '#6fa8cf',
  riverLabel: '#2f6f9a',
  road: '#b9ab8f',
  rail: '#5b5446',
  border: '#2b2a33',
  ink: '#1b1f24',
  halo: '#fbfaf7',
  muted: '#5b5446',
  sea: '#d5e6f1',
  sectorEdge: '#1b1f24',
  frontLine: '#1b1f24',
  /** Russian-held part of a sector: vermillion wash plus diagonal hatching. */
  russianFillAlpha: 0.3,
  russianHatchAlpha: 0.85,
  /** Ukrainian-held part: plain blue wash, no hatching. */
  ukrainianFillAlpha: 0.2,
} as const;

/** One type family: the platform's UI font (no download at run time), with Noto/DejaVu fallbacks. */
export const FONT_STACK =
  "system-ui, -apple-system, 'Segoe UI', Roboto, 'Noto Sans', 'Helvetica Neue', Arial, 'DejaVu Sans', sans-serif";

/** '#D55E00' → 0xd55e00, for Phaser. */
export function hexToNumber(hex: string): number {
  return Number.parseInt(hex.replace('#', ''), 16);
}

/** The CSS custom properties the stylesheet reads (src/ui/styles.css). */
export function cssVariables(): Record<string, string> {
  const vars: Record<string, string> = {
    '--font': FONT_STACK,
    '--bg': NEUTRAL.bg,
    '--panel': NEUTRAL.panel,
    '--panel-raised': NEUTRAL.panelRaised,
    '--border': NEUTRAL.border,
    '--text': NEUTRAL.text,
    '--text-muted': NEUTRAL.textMuted,
    '--focus': NEUTRAL.focus,
    '--paper': NEUTRAL.paper,
    '--ink': NEUTRAL.ink,
    '--ink-muted': NEUTRAL.inkMuted,
    '--danger': NEUTRAL.danger,
    '--human-cost': NEUTRAL.humanCost,
    '--map-land': MAP_STYLE.landRu,
  };
  for (const [id, c] of Object.entries(CAPITAL_STYLE)) {
    vars[`--${id}`] = c.color;
    vars[`--${id}-on-dark`] = c.onDark;
    vars[`--${id}-on-light`] = c.onLight;
  }
  return vars;
}

/** Writes the palette onto an element (the document root) as CSS custom properties. */
export function applyTheme(el: HTMLElement = document.documentElement): void {
  for (const [k, v] of Object.entries(cssVariables())) el.style.setProperty(k, v);
}
