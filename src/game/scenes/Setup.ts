import { Scene } from 'phaser';

import { getGeometry } from '../hooks';
import { MapView } from '../map';

/** Backdrop while a scenario and a capital are chosen (the choices are DOM panels). */
export class Setup extends Scene {
  constructor() {
    super('Setup');
  }

  create(): void {
    const view = new MapView(this, getGeometry(this), {
      inset: true,
      units: false,
      focus: 'front',
    });
    view.setState(null);
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
