import { Scene } from 'phaser';

import { getGeometry, prefersReducedMotion } from '../hooks';
import { MapView } from '../map';

/**
 * The main menu's backdrop: the map without a game on it, drifting slowly. The menu itself is a
 * DOM panel (src/ui/menu.ts) over the left of the canvas.
 */
export class MainMenu extends Scene {
  private view: MapView | null = null;

  constructor() {
    super('MainMenu');
  }

  create(): void {
    const { width, height } = this.scale;
    const view = new MapView(this, getGeometry(this), {
      inset: false,
      units: false,
      focus: 'map',
      scaleBar: false,
      leftPad: width >= 900 ? 0.36 : 0,
    });
    this.view = view;
    view.setState(null);
    view.layout(width, height);

    const onResize = (size: { width: number; height: number }): void => {
      (view.opts as { leftPad?: number }).leftPad = size.width >= 900 ? 0.36 : 0;
      view.layout(size.width, size.height);
    };
    this.scale.on('resize', onResize);

    const drift = !prefersReducedMotion();
    let base = { x: view.mainCam.scrollX, y: view.mainCam.scrollY };
    let last = { w: width, h: height };
    const onUpdate = (time: number): void => {
      if (!drift) return;
      const { width: w, height: h } = this.scale;
      if (w !== last.w || h !== last.h) {
        last = { w, h };
        base = { x: view.mainCam.scrollX, y: view.mainCam.scrollY };
      }
      // A slow drift, a few pixels over half a minute: the map is alive, not moving.
      view.mainCam.setScroll(
        base.x + Math.sin(time / 9000) * 10,
        base.y + Math.cos(time / 11000) * 6,
      );
    };
    this.events.on('update', onUpdate);
    this.events.once('shutdown', () => {
      this.scale.off('resize', onResize);
      this.events.off('update', onUpdate);
      this.view?.destroy();
      this.view = null;
    });
  }
}
