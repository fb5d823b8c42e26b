/**
 * Entry point. The DOM menu is mounted at once (no Phaser needed), so it is usable within a
 * second; Phaser arrives in its own chunk through the dynamic import of src/game and draws the
 * backdrop behind the menu when it is ready.
 *
 * WIRING POINT (lead): the callbacks in `startShell` are placeholders until the store lands:
 * New game → setup → store.newGame(...) → view.startGame(state); Continue → store.resume();
 * Load scenario file → src/scenario parse + validate. The view API: src/game/README.md.
 */
import './ui/styles.css';

import type { GameView } from './game/index';
import { rendererFromQuery } from './game/renderer';
import { mountGameScreen, setScreen } from './ui/gameScreen';
import { announce } from './ui/live';
import { mountMenu } from './ui/menu';
import { mountSetup } from './ui/setup';
import { CAPITAL_STYLE, applyTheme } from './ui/theme';

function byId(id: string): HTMLElement {
  const el = document.getElementById(id);
  if (!el) throw new Error(`index.html has no #${id}`);
  return el;
}

applyTheme();
const app = byId('app');
const ui = byId('ui');
const gameEl = byId('game');
const renderer = rendererFromQuery(location.search);
const params = new URLSearchParams(location.search);

if (params.get('view') === 'map-fixture') {
  void import('./ui/mapFixturePage').then((m) =>
    m.mountMapFixturePage({ app, ui, gameEl, renderer }),
  );
} else {
  startShell();
}

function startShell(): void {
  setScreen(app, 'menu');
  let view: GameView | null = null;

  const menu = mountMenu(
    ui,
    {
      onNewGame: () => void showSetup(),
      onContinue: () => {
        // TODO(lead): resume the saved game from the store.
      },
      onLoadScenarioFile: (file) => {
        // TODO(lead): parse and validate with src/scenario, then offer it in setup.
        menu.setMessage(`Received “${file.name}”. Loading scenario files is not connected yet.`);
      },
    },
    { save: null },
  );
  menu.setLoading(0);

  const viewReady = import('./game/index').then(({ bootGame }) =>
    bootGame({ parent: gameEl, renderer, onProgress: (p) => menu.setLoading(p) }),
  );
  void viewReady.then((v) => {
    view = v;
    app.dataset['viewReady'] = 'true';
  });

  async function showSetup(): Promise<void> {
    menu.element.hidden = true;
    setScreen(app, 'setup');
    const screen = mountGameScreen(ui, { sideLabel: 'New game' });
    screen.setTurnInfo('New game');
    const setup = mountSetup(screen.side, {
      onBack: () => {
        screen.destroy();
        setScreen(app, 'menu');
        menu.element.hidden = false;
        menu.focusFirst();
        void view?.showMenu().then(() => view?.refreshLayout());
      },
      onStart: (capital) => {
        // TODO(lead): create the game with the store, then view.startGame(state).
        setup.setMessage(
          `${CAPITAL_STYLE[capital].name} chosen. Starting a game is not connected yet.`,
        );
        announce(`${CAPITAL_STYLE[capital].name} chosen.`);
      },
    });
    (setup.element.querySelector('button') as HTMLButtonElement | null)?.focus();
    const v = view ?? (await viewReady);
    await v.showSetup();
    v.refreshLayout();
  }
}
