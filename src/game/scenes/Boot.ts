import { Scene } from 'phaser';

import { NEUTRAL } from '../../ui/theme';

/** First scene: sets the stage and hands over to the Preloader (nothing to load before it). */
export class Boot extends Scene {
  constructor() {
    super('Boot');
  }

  create(): void {
    this.cameras.main.setBackgroundColor(NEUTRAL.bg);
    this.scene.start('Preloader');
  }
}
