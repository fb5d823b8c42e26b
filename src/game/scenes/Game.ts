import { Scene } from 'phaser';

import type { TurnReport } from '../../engine/types';
import { getGeometry, getHooks, prefersReducedMotion } from '../hooks';
import { MapView } from '../map';
import { TurnReportPlayer, type ReportSpeed } from '../report';
import type { MapState } from '../selectors';

export interface GameSceneData {
  map: MapState;
}

/**
 * The map of the front during a game: sectors shaded by Russian control, unit markers, the
 * front line, the route inset, and the turn-report animation. It shows the MapState it is given
 * and reports clicks; it never decides anything.
 */
export class Game extends Scene {
  private view: MapView | null = null;
  private player: TurnReportPlayer | null = null;

  constructor() {
    super('Game');
  }

  create(data: GameSceneData): void {
    const view = new MapView(this, getGeometry(this), { inset: true, units: true, focus: 'front' });
    this.view = view;
    view.setState(data.map ?? null);
    view.layout(this.scale.width, this.scale.height);

    const hooks = getHooks(this);
    const onResize = (size: { width: number; height: number }): void =>
      view.layout(size.width, size.height);
    this.scale.on('resize', onResize);
    const onDown = (p: { x: number; y: number }): void => {
      const id = view.sectorAt(p.x, p.y);
      view.setSelected(id);
      hooks.onSectorSelect(id);
    };
    const onMove = (p: { x: number; y: number }): void => {
      this.input.setDefaultCursor(view.sectorAt(p.x, p.y) ? 'pointer' : 'default');
    };
    this.input.on('pointerdown', onDown);
    this.input.on('pointermove', onMove);
    this.events.once('shutdown', () => {
      this.scale.off('resize', onResize);
      this.input.off('pointerdown', onDown);
      this.input.off('pointermove', onMove);
      this.input.setDefaultCursor('default');
      this.player?.cancel();
      this.player = null;
      view.destroy();
      this.view = null;
    });
  }

  /** Shows a state at once; an animation in progress is finished first. */
  showState(map: MapState): void {
    this.player?.cancel();
    this.player = null;
    this.view?.setState(map);
  }

  /**
   * Animates a turn report over the state currently shown. `onDone` runs once, when the
   * animation ends or is skipped. Show the new state (showState) afterwards.
   */
  playTurnReport(report: TurnReport, speed: ReportSpeed, onDone: () => void): void {
    const view = this.view;
    if (!view) {
      onDone();
      return;
    }
    this.player?.skip();
    const player = new TurnReportPlayer(
      view,
      report,
      speed,
      () => {
        if (this.player === player) this.player = null;
        onDone();
      },
      prefersReducedMotion(),
    );
    this.player = player;
    player.start();
  }

  setReportSpeed(speed: ReportSpeed): void {
    this.player?.setSpeed(speed);
  }

  skipTurnReport(): void {
    this.player?.skip();
  }

  get isPlayingReport(): boolean {
    return this.player !== null && !this.player.isFinished;
  }

  selectSector(id: string | null): void {
    this.view?.setSelected(id);
  }
}
