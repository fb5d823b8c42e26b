/**
 * The game's view: boots Phaser (this module is reached only through a dynamic import, so Phaser
 * arrives in its own chunk after the menu is already usable) and exposes a small API that the
 * page (and, later, the store) drives. The view shows states and reports; it decides nothing.
 */
import { AUTO, CANVAS, Game as PhaserGame, Scale, WEBGL, type Scene } from 'phaser';

import type { GameState, TurnReport } from '../engine/types';
import { NEUTRAL } from '../ui/theme';
import { HOOKS_KEY, type ViewHooks } from './hooks';
import { resolveRenderer, type RendererChoice } from './renderer';
import type { ReportSpeed } from './report';
import { Boot } from './scenes/Boot';
import { Debrief } from './scenes/Debrief';
import { Game } from './scenes/Game';
import { MainMenu } from './scenes/MainMenu';
import { Preloader } from './scenes/Preloader';
import { Setup } from './scenes/Setup';
import { selectMapState } from './selectors';

export type { ReportSpeed } from './report';
export type { MapState, SectorView } from './selectors';
export { selectMapState } from './selectors';

export { rendererFromQuery, type RendererChoice } from './renderer';

export interface BootOptions {
  /** The element the canvas goes in; it must have a size (the canvas fills it). */
  parent: HTMLElement;
  /** `?renderer=canvas` picks Phaser.CANVAS (steadier in headless browsers). */
  renderer?: RendererChoice;
  /** Loader progress 0-1, to mirror in the DOM. */
  onProgress?: (progress: number) => void;
  /** A sector was clicked or tapped on the map (null: outside every sector). */
  onSectorSelect?: (id: string | null) => void;
}

export type SceneKey = 'MainMenu' | 'Setup' | 'Game' | 'Debrief';

export interface GameView {
  readonly game: PhaserGame;
  /** The scene on screen (or being started). */
  readonly scene: SceneKey;
  showMenu(): Promise<void>;
  showSetup(): Promise<void>;
  /** Shows the map of a game in progress. */
  startGame(state: GameState): Promise<void>;
  /** Shows a state at once (after a turn report, or after any action). */
  render(state: GameState): void;
  /**
   * Animates what happened when a turn resolved, over the state currently shown; calls onDone
   * once when it ends or is skipped. Call render(newState) after it.
   */
  playTurnReport(report: TurnReport, speed: ReportSpeed, onDone: () => void): void;
  setReportSpeed(speed: ReportSpeed): void;
  skipTurnReport(): void;
  /** Highlights a sector on the map (keyboard selection from the DOM side). */
  selectSector(id: string | null): void;
  showDebrief(state: GameState): Promise<void>;
  /** Re-fits the canvas to its parent now (after a layout change), instead of at the next poll. */
  refreshLayout(): void;
  destroy(): void;
}

/** Starts Phaser and resolves once every asset is loaded and the menu backdrop is showing. */
export function bootGame(opts: BootOptions): Promise<GameView> {
  const hooks: ViewHooks = {
    onProgress: (p) => opts.onProgress?.(p),
    onSectorSelect: (id) => opts.onSectorSelect?.(id),
  };
  const choice = resolveRenderer(opts.renderer ?? 'auto');
  const type = choice === 'canvas' ? CANVAS : choice === 'webgl' ? WEBGL : AUTO;
  return new Promise((resolve) => {
    const game = new PhaserGame({
      type,
      parent: opts.parent,
      backgroundColor: NEUTRAL.bg,
      scale: { mode: Scale.RESIZE, parent: opts.parent, width: '100%', height: '100%' },
      // The DOM panels own the keyboard; Phaser only needs the pointer for the map.
      input: { keyboard: false, gamepad: false },
      audio: { noAudio: true },
      autoFocus: false,
      banner: false,
      render: { antialias: true },
      scene: [Boot, Preloader, MainMenu, Setup, Game, Debrief],
      callbacks: {
        preBoot: (g) => g.registry.set(HOOKS_KEY, hooks),
      },
    });
    // Follow the parent's size whatever changes it (screen switches, panels, window): Phaser's
    // own check polls; this answers at once.
    const refit = (): void => {
      game.scale.getParentBounds();
      game.scale.refresh();
    };
    const observer = typeof ResizeObserver === 'function' ? new ResizeObserver(refit) : null;
    observer?.observe(opts.parent);
    game.events.once('destroy', () => observer?.disconnect());
    const onMenu = (): void => resolve(new View(game, 'MainMenu'));
    game.events.once('ready', () => {
      const menu = game.scene.getScene('MainMenu');
      menu.events.once('create', onMenu);
    });
  });
}

class View implements GameView {
  private current: Promise<Scene>;
  private key: SceneKey;

  constructor(
    readonly game: PhaserGame,
    key: SceneKey,
  ) {
    this.key = key;
    this.current = Promise.resolve(game.scene.getScene(key));
  }

  get scene(): SceneKey {
    return this.key;
  }

  private start(key: SceneKey, data?: object): Promise<void> {
    this.key = key;
    const game = this.game;
    const next = this.current.then(
      () =>
        new Promise<Scene>((resolve) => {
          for (const s of game.scene.getScenes(true))
            if (s.scene.key !== key) game.scene.stop(s.scene.key);
          const scene = game.scene.getScene(key);
          scene.events.once('create', () => resolve(scene));
          game.scene.start(key, data);
        }),
    );
    this.current = next;
    return next.then(() => undefined);
  }

  private withGame(fn: (scene: Game) => void): void {
    this.current = this.current.then((scene) => {
      if (scene instanceof Game) fn(scene);
      return scene;
    });
  }

  showMenu(): Promise<void> {
    return this.start('MainMenu');
  }

  showSetup(): Promise<void> {
    return this.start('Setup');
  }

  startGame(state: GameState): Promise<void> {
    return this.start('Game', { map: selectMapState(state) });
  }

  render(state: GameState): void {
    const map = selectMapState(state);
    this.withGame((s) => s.showState(map));
  }

  playTurnReport(report: TurnReport, speed: ReportSpeed, onDone: () => void): void {
    let called = false;
    const done = (): void => {
      if (called) return;
      called = true;
      onDone();
    };
    this.current = this.current.then((scene) => {
      if (scene instanceof Game) scene.playTurnReport(report, speed, done);
      else done();
      return scene;
    });
  }

  setReportSpeed(speed: ReportSpeed): void {
    this.withGame((s) => s.setReportSpeed(speed));
  }

  skipTurnReport(): void {
    this.withGame((s) => s.skipTurnReport());
  }

  selectSector(id: string | null): void {
    this.withGame((s) => s.selectSector(id));
  }

  showDebrief(state: GameState): Promise<void> {
    return this.start('Debrief', { map: selectMapState(state) });
  }

  refreshLayout(): void {
    this.game.scale.getParentBounds();
    this.game.scale.refresh();
  }

  destroy(): void {
    this.game.destroy(true);
  }
}
