import { Scene } from 'phaser';

import { getGeometry } from '../hooks';
import { MapView } from '../map';
import type { MapState } from '../selectors';

export interface DebriefData {
  map: MapState;
}

/** The front as the game left it, behind the debrief panels (DOM). */
export class Debrief extends Scene {
  constructor() {
    super('Debrief');
  }

  create(data: DebriefData): void {
    const view = new MapView(this, getGeometry(this), {
      inset: false,
      units: true,
      focus: 'front',
    });
    view.setState(data.map ?? null);
    view.layout(this.scale.width, this.scale.height);
    const onResize = (size: { width: number; height: number }): void =>
      view.layout(size.width, size.height);
    this.scale.on('resize', onResize);
    this.events.once('shutdown', () => {
      this.scale.off('resize', onResize);
      view.destroy();
    });
  }
}
