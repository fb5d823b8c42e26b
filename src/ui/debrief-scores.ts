/** The debrief's scores: each capital's outcome and its score, objective by objective. */
import { CAPITALS, scoreBreakdown, type Capital, type GameRecord, type GameState } from '../engine';
import { EMBLEM_URL } from './assets';
import { h } from './dom';
import { formatMetric, metricLabel } from './labels';
import { scoreRewardText } from './score-rewards';
import { CAPITAL_STYLE } from './theme';
import { capitalName, objectiveTarget, outcomeSentence, seatWords } from './debrief-words';

function scoreCard(
  state: GameState,
  record: GameRecord,
  humans: ReadonlySet<Capital>,
  c: Capital,
): HTMLElement {
  const style = CAPITAL_STYLE[c];
  const score = state.metrics[`${c}.score`] ?? 0;
  const rows = scoreBreakdown(state, c);
  const weights = rows.reduce((s, r) => s + r.objective.weight, 0) || 1;
  const headingId = `debrief-score-${c}`;
  const table = h(
    'table',
    { class: 'db-breakdown' },
    h('caption', { class: 'visually-hidden' }, `${capitalName(state, c)}: points by objective`),
    h(
      'thead',
      {},
      h(
        'tr',
        {},
        h('th', { scope: 'col' }, 'Objective'),
        h('th', { scope: 'col' }, 'Result'),
        h('th', { scope: 'col' }, 'Points'),
      ),
    ),
    h(
      'tbody',
      {},
      ...rows.map((r) => {
        const max = Math.round((1000 * r.objective.weight) / weights) / 10;
        const share = max > 0 ? Math.max(0, Math.min(1, r.points / max)) : 0;
        return h(
          'tr',
          {},
          h(
            'th',
            { scope: 'row' },
            metricLabel(r.objective.metric),
            h('span', { class: 'db-target' }, `Full marks ${objectiveTarget(r.objective)}`),
          ),
          h('td', { class: 'num' }, formatMetric(r.objective.metric, r.value)),
          h(
            'td',
            { class: 'num' },
            h(
              'span',
              { class: 'db-points' },
              r.points.toFixed(1),
              h('span', { class: 'db-of' }, ` of ${max.toFixed(1)}`),
            ),
            h(
              'span',
              { class: 'db-bar', 'aria-hidden': 'true' },
              h('span', { style: `width:${(share * 100).toFixed(1)}%` }),
            ),
          ),
        );
      }),
    ),
  );
  return h(
    'article',
    {
      class: `db-capital db-capital-${c}${humans.has(c) ? ' is-player' : ''}`,
      'aria-labelledby': headingId,
    },
    h(
      'header',
      { class: 'db-capital-head' },
      h('img', { src: EMBLEM_URL[c], alt: '', width: 44, height: 44 }),
      h(
        'div',
        {},
        h('h3', { id: headingId }, capitalName(state, c)),
        h('p', { class: 'db-seat' }, seatWords(record, humans, c)),
      ),
      h(
        'p',
        { class: 'db-score', style: `color:${style.onDark}` },
        h('span', { class: 'visually-hidden' }, 'Score: '),
        h('strong', {}, score.toFixed(1)),
        h('span', { class: 'db-score-of' }, ' / 100'),
      ),
    ),
    h('p', { class: 'db-outcome' }, outcomeSentence(state, c)),
    h(
      'p',
      { class: 'db-rewarded' },
      scoreRewardText(capitalName(state, c), state.rules.scoring[c]),
    ),
    table,
  );
}

export function scoresSection(
  state: GameState,
  record: GameRecord,
  humans: ReadonlySet<Capital>,
): HTMLElement {
  const id = 'debrief-scores-title';
  return h(
    'section',
    { class: 'db-section', 'aria-labelledby': id },
    h('h2', { id }, 'Each capital’s outcome'),
    h(
      'p',
      { class: 'db-intro' },
      'A score is the weighted share of a capital’s own objectives in this scenario, from 0 to 100. The scores are not comparable between capitals, and none of them is a verdict on who was right.',
    ),
    h('div', { class: 'db-capitals' }, ...CAPITALS.map((c) => scoreCard(state, record, humans, c))),
  );
}
