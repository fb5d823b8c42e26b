import { Scene } from 'phaser';

import { FONT_STACK, NEUTRAL, hexToNumber } from '../../ui/theme';
import {
  CANVAS_ICONS,
  EMBLEM_KEYS,
  EMBLEM_URL,
  MAP_KEY,
  MAP_URL,
  MARKER_KEYS,
  MARKER_URL,
  iconKey,
  whiteIconUrls,
} from '../assets';
import { parseMapSvg } from '../geometry';
import { GEOMETRY_KEY, getHooks } from '../hooks';

/**
 * Loads every asset the scenes use, with a progress bar driven by the loader's own progress
 * event, then parses the map and starts the main menu backdrop.
 */
export class Preloader extends Scene {
  constructor() {
    super('Preloader');
  }

  init(): void {
    const hooks = getHooks(this);
    const track = this.add.rectangle(0, 0, 10, 4, hexToNumber(NEUTRAL.border)).setOrigin(0, 1);
    const bar = this.add.rectangle(0, 0, 0, 4, hexToNumber(NEUTRAL.text)).setOrigin(0, 1);
    const caption = this.add
      .text(0, 0, 'Loading the map…', {
        fontFamily: FONT_STACK,
        fontSize: '13px',
        color: NEUTRAL.textMuted,
      })
      .setOrigin(1, 1);
    let progress = 0;
    const place = (): void => {
      const { width, height } = this.scale;
      track.setPosition(0, height).setSize(width, 4);
      bar.setPosition(0, height).setSize(Math.max(0, width * progress), 4);
      caption.setPosition(width - 12, height - 10);
    };
    place();
    this.scale.on('resize', place);
    this.events.once('shutdown', () => this.scale.off('resize', place));
    this.load.on('progress', (p: number) => {
      progress = p;
      place();
      caption.setText(`Loading the map… ${Math.round(p * 100)}%`);
      hooks.onProgress(p);
    });
  }

  preload(): void {
    this.load.xml(MAP_KEY, MAP_URL);
    for (const [force, key] of Object.entries(MARKER_KEYS)) {
      this.load.svg(key, MARKER_URL[force as keyof typeof MARKER_URL], { width: 144, height: 96 });
    }
    for (const [capital, key] of Object.entries(EMBLEM_KEYS)) {
      this.load.svg(key, EMBLEM_URL[capital as keyof typeof EMBLEM_URL], {
        width: 128,
        height: 128,
      });
    }
    const icons = whiteIconUrls();
    for (const name of CANVAS_ICONS)
      this.load.svg(iconKey(name), icons.get(name)!, { width: 48, height: 48 });
  }

  create(): void {
    const doc = this.cache.xml.get(MAP_KEY) as Document | undefined;
    if (!doc) throw new Error('the map (assets/map/kursk.svg) did not load');
    this.registry.set(GEOMETRY_KEY, parseMapSvg(doc));
    getHooks(this).onProgress(1);
    this.scene.start('MainMenu');
  }
}
