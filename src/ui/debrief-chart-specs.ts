/** The debrief's month-by-month charts as data: axis labels and series (pure: no DOM). */
import type { Capital, GameState } from '../engine';
import type { LineChartSpec } from '../charts/line';
import { labelStride } from '../charts/scale';
import { formatMonth } from './dom';
import { CAPITAL_STYLE } from './theme';
import { capitalName } from './debrief-words';

/** Colour-blind-safe colours that read on the dark panels (Okabe–Ito, lightened where needed). */
const SERIES_COLORS = {
  cream: '#f0e6c8',
  orange: '#E69F00',
  skyBlue: '#56B4E9',
  purple: '#E59AC6',
  yellow: '#F0E442',
} as const;

const MONTH_SHORT = new Intl.DateTimeFormat('en-GB', { month: 'short', timeZone: 'UTC' });

function axisLabels(state: GameState): { short: string[]; long: string[] } {
  const short: string[] = [];
  const long: string[] = [];
  const stride = labelStride(state.history.length, 7);
  let lastYear = '';
  state.history.forEach((p, i) => {
    if (p.turn === 0) {
      short.push('Start');
      long.push('At the start');
      return;
    }
    const [y = '', mo] = p.date.split('-');
    const month = MONTH_SHORT.format(new Date(Date.UTC(Number(y), Number(mo) - 1, 1)));
    // Only printed labels count: the year goes under the first printed month of each year.
    const shown = i % stride === 0 || i === state.history.length - 1;
    short.push(shown && y !== lastYear ? `${month}\n${y}` : month);
    if (shown) lastYear = y;
    long.push(formatMonth(p.date));
  });
  return { short, long };
}

export function chartSpecs(state: GameState): LineChartSpec[] {
  const { short, long } = axisLabels(state);
  const series = (metric: string) => state.history.map((p) => p.metrics[metric] ?? 0);
  const P = CAPITAL_STYLE.pyongyang.onDark;
  const M = CAPITAL_STYLE.moscow.onDark;
  const K = CAPITAL_STYLE.kyiv.onDark;
  const base = { xLabels: short, xLongLabels: long, xTitle: 'Month (end of)' };
  const name = (c: Capital) => capitalName(state, c);
  return [
    {
      ...base,
      id: 'debrief-chart-soldiers',
      title: 'North Korean soldiers',
      yTitle: 'Soldiers',
      series: [
        {
          label: 'Sent',
          values: series('pyongyang.troopsSent'),
          color: SERIES_COLORS.cream,
          marker: 'circle',
        },
        {
          label: 'In Russia',
          values: series('moscow.manpowerGained'),
          color: SERIES_COLORS.skyBlue,
          dash: '9 5',
          marker: 'square',
        },
        {
          label: 'Wounded',
          values: series('pyongyang.wounded'),
          color: SERIES_COLORS.purple,
          dash: '3 4',
          marker: 'diamond',
        },
        {
          label: 'Killed',
          values: series('pyongyang.killed'),
          color: SERIES_COLORS.orange,
          marker: 'cross',
        },
      ],
      note: 'Running totals. “In Russia” counts those training, at the front, in missile units or recovering.',
    },
    {
      ...base,
      id: 'debrief-chart-deaths',
      title: 'Deaths on the front, every side',
      yTitle: 'Killed (running total)',
      series: [
        {
          label: 'North Korean',
          short: 'N. Korean',
          values: series('pyongyang.killed'),
          color: P,
          marker: 'triangle',
        },
        {
          label: 'Russian',
          values: series('moscow.killed'),
          color: M,
          dash: '9 5',
          marker: 'diamond',
        },
        {
          label: 'Ukrainian',
          values: series('kyiv.killed'),
          color: K,
          dash: '3 4',
          marker: 'circle',
        },
      ],
    },
    {
      ...base,
      id: 'debrief-chart-kursk',
      title: 'The Kursk salient',
      yTitle: '% of the salient',
      yDomain: [0, 100],
      series: [
        {
          label: 'Held by Russia',
          short: 'Russia',
          values: series('moscow.kurskControl'),
          color: M,
          marker: 'diamond',
        },
        {
          label: 'Held by Ukraine',
          short: 'Ukraine',
          values: series('kyiv.kurskHeld'),
          color: K,
          dash: '9 5',
          marker: 'circle',
        },
      ],
    },
    {
      ...base,
      id: 'debrief-chart-politics',
      title: 'Pressure at home and abroad',
      yTitle: 'Index, 0 to 100',
      yDomain: [0, 100],
      series: [
        {
          label: `Scrutiny of ${name('moscow')}`,
          short: 'Scrutiny',
          values: series('moscow.scrutiny'),
          color: M,
          marker: 'diamond',
        },
        {
          label: `Support for ${name('kyiv')}`,
          short: 'Support',
          values: series('kyiv.support'),
          color: K,
          dash: '9 5',
          marker: 'circle',
        },
        {
          label: `${name('pyongyang')}’s regime control`,
          short: 'Control',
          values: series('pyongyang.regimeControl'),
          color: P,
          marker: 'triangle',
        },
        {
          label: 'Risk of dissent in North Korea',
          short: 'Dissent',
          values: series('pyongyang.dissentRisk'),
          color: SERIES_COLORS.yellow,
          dash: '3 4',
          marker: 'square',
        },
      ],
      note: 'Scrutiny: how closely the world watches Moscow. Support: international support for Kyiv. Control and dissent: inside North Korea. All are model indices, not measured quantities.',
    },
    {
      ...base,
      id: 'debrief-chart-scores',
      title: 'Scores',
      yTitle: 'Score, 0 to 100',
      yDomain: [0, 100],
      series: [
        {
          label: name('pyongyang'),
          values: series('pyongyang.score'),
          color: P,
          marker: 'triangle',
        },
        {
          label: name('moscow'),
          values: series('moscow.score'),
          color: M,
          dash: '9 5',
          marker: 'diamond',
        },
        {
          label: name('kyiv'),
          values: series('kyiv.score'),
          color: K,
          dash: '3 4',
          marker: 'circle',
        },
      ],
    },
  ];
}
