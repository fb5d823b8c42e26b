/**
 * The map's visual test page (`/?view=map-fixture`): the Game scene driven by the hand-written
 * FIXTURE state and turn report (src/game/fixtures.ts), with the real side panel around it.
 * For tests and for looking at the art; not part of the game flow.
 */
import { fixtureGameState, fixturePreviousState, fixtureTurnReport } from '../game/fixtures';
import type { RendererChoice } from '../game/renderer';
import { selectMapState } from '../game/selectors';
import { h } from './dom';
import {
  humanCostLedger,
  mapLegend,
  mountGameScreen,
  reportControls,
  sectorTable,
  setScreen,
  turnInfoText,
} from './gameScreen';
import { announce } from './live';
import { describeTurnReport } from './reportText';

export async function mountMapFixturePage(opts: {
  app: HTMLElement;
  ui: HTMLElement;
  gameEl: HTMLElement;
  renderer: RendererChoice;
}): Promise<void> {
  const { app, ui, gameEl, renderer } = opts;
  setScreen(app, 'game');
  const before = fixturePreviousState();
  const after = fixtureGameState();
  const report = fixtureTurnReport();
  const names = new Map(before.rules.sectors.map((s) => [s.id, s.name]));

  const screen = mountGameScreen(ui, {
    title: 'Three Capitals · map fixture',
    sideLabel: 'Map fixture panel',
  });
  screen.setTurnInfo(turnInfoText(before.ctx.turn, before.rules.calendar.turns, before.ctx.date));

  let showing: 'before' | 'after' = 'before';
  let view: Awaited<ReturnType<typeof import('../game/index').bootGame>> | null = null;

  const table = sectorTable((id) => {
    table.setSelected(id);
    view?.selectSector(id);
    announce(`${names.get(id) ?? id} selected.`);
  });
  table.update(selectMapState(before));
  let ledger = humanCostLedger(before.human);

  const controls = reportControls({
    onPlay: () => {
      if (!view) return;
      const v = view;
      if (showing === 'after') {
        v.render(before);
        table.update(selectMapState(before));
      }
      app.dataset['report'] = 'playing';
      controls.setPlaying(true);
      v.playTurnReport(report, controls.speed(), () => {
        showing = 'after';
        v.render(after);
        table.update(selectMapState(after));
        const next = humanCostLedger(after.human);
        ledger.replaceWith(next);
        ledger = next;
        screen.setTurnInfo(
          turnInfoText(after.ctx.turn, after.rules.calendar.turns, after.ctx.date),
        );
        controls.setPlaying(false);
        app.dataset['report'] = 'done';
        announce(describeTurnReport(report, (id) => names.get(id) ?? id));
      });
    },
    onSkip: () => view?.skipTurnReport(),
    onSpeed: (s) => view?.setReportSpeed(s),
  });

  screen.side.append(
    h(
      'p',
      { class: 'fixture-banner' },
      h('strong', {}, 'Test fixture. '),
      'The numbers on this page are invented to test the map. They are not the game’s figures and not the sources’.',
    ),
    controls.element,
    table.element,
    mapLegend(),
    ledger,
  );

  const { bootGame } = await import('../game/index');
  view = await bootGame({
    parent: gameEl,
    renderer,
    onSectorSelect: (id) => {
      table.setSelected(id);
      if (id) announce(`${names.get(id) ?? id} selected.`);
    },
  });
  await view.startGame(before);
  view.refreshLayout();
  app.dataset['mapReady'] = 'true';
}
