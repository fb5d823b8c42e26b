/** The debrief's month-by-month charts, drawn with their data tables (src/charts/line.ts). */
import type { GameState } from '../engine';
import { chartSizeFor, lineChart } from '../charts/line';
import { chartSpecs } from './debrief-chart-specs';
import { h } from './dom';

export function chartsSection(state: GameState): HTMLElement {
  const id = 'debrief-charts-title';
  return h(
    'section',
    { class: 'db-section', 'aria-labelledby': id },
    h('h2', { id }, 'Month by month'),
    state.history.length < 2
      ? h('p', { class: 'db-intro' }, 'The game ended before a month was played.')
      : h(
          'div',
          { class: 'db-charts' },
          // Drawn for the box they get: a phone's charts fit its width instead of scrolling.
          ...chartSpecs(state).map((s) =>
            lineChart(s, { size: chartSizeFor(Math.min(window.innerWidth, 900) - 40) }),
          ),
        ),
  );
}
