/** The comparison's chart: two runs turn by turn, drawn by the shared line chart (src/charts). */
import { chartSizeFor, lineChart as drawLines } from '../charts/line';

export interface Series {
  label: string;
  values: (number | undefined)[];
  className: string;
}

let uid = 0;

/**
 * Lines over turns (x = index of `xLabels`), for comparing two runs. The page prints the same
 * numbers turn by turn in its own table beside the chart.
 */
export function lineChart(title: string, xLabels: string[], series: Series[]): HTMLElement {
  const chart = drawLines(
    {
      id: `compare-${++uid}`,
      title,
      xLabels,
      xLongLabels: xLabels.map((l) => l.replace(/^T(\d+)$/, 'turn $1')),
      xTitle: 'Turn',
      yTitle: title,
      series: series.map((s, i) => ({
        label: s.label,
        // The legend names the runs; the line ends carry their letter, so long names fit.
        short: String.fromCharCode(65 + i),
        values: s.values,
        className: s.className,
        marker: i === 0 ? 'circle' : 'square',
        dash: i === 0 ? '' : '9 5',
      })),
    },
    {
      headingLevel: null,
      table: false,
      className: 'chart',
      size: chartSizeFor(Math.min(window.innerWidth, 800) - 40),
    },
  );
  chart.classList.add('wide');
  return chart;
}
