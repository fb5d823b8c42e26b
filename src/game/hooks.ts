/**
 * Callbacks from the scenes to the page, kept in the game's registry under HOOKS_KEY.
 * Scenes never import the DOM panels: they report, the page decides.
 */
import type * as Phaser from 'phaser';

import type { MapGeometry } from './geometry';

export interface ViewHooks {
  /** Loader progress, 0-1 (the Preloader's real progress over the real assets). */
  onProgress(progress: number): void;
  /** A sector was clicked or tapped on the map (null: empty map). */
  onSectorSelect(id: string | null): void;
}

export const HOOKS_KEY = 'three-capitals:hooks';
export const GEOMETRY_KEY = 'three-capitals:geometry';

export function getHooks(scene: Phaser.Scene): ViewHooks {
  const hooks = scene.registry.get(HOOKS_KEY) as ViewHooks | undefined;
  return hooks ?? { onProgress: () => {}, onSectorSelect: () => {} };
}

export function getGeometry(scene: Phaser.Scene): MapGeometry {
  const geo = scene.registry.get(GEOMETRY_KEY) as MapGeometry | undefined;
  if (!geo) throw new Error('map geometry not loaded: the Preloader must run first');
  return geo;
}

/** True when the player asked the system for less motion. */
export function prefersReducedMotion(): boolean {
  return typeof matchMedia === 'function' && matchMedia('(prefers-reduced-motion: reduce)').matches;
}
