/** Two runs side by side, turn by turn. */
import { getResult, type FullResult } from './api';
import { lineChart } from './compare-chart';
import { clear, fmt, fmtMonth, h } from './dom';
import { groupMetrics, metricLabel } from './labels';

export async function renderCompare(main: HTMLElement, ids: string[]): Promise<void> {
  const [a, b] = (await Promise.all(ids.slice(0, 2).map((id) => getResult(id)))) as [
    FullResult,
    FullResult,
  ];
  document.title = `Compare ${a.pseudonym} and ${b.pseudonym} — Three Capitals`;
  const nameA = `A: ${a.pseudonym}`;
  const nameB = `B: ${b.pseudonym}`;
  const metricIds = Object.keys(a.metrics).filter((id) => id in b.metrics);

  const select = h('select', { id: 'compare-metric' });
  for (const g of groupMetrics(metricIds)) {
    const og = h('optgroup', { label: g.title });
    for (const id of g.ids) og.append(h('option', { value: id }, metricLabel(id)));
    select.append(og);
  }
  select.value = metricIds.includes('human.killed') ? 'human.killed' : (metricIds[0] ?? '');
  const view = h('div', { class: 'compare-view', 'aria-live': 'polite' });

  function render(): void {
    const id = select.value;
    clear(view);
    const n = Math.max(a.history.length, b.history.length);
    const labels = Array.from({ length: n }, (_, i) => {
      const t = a.history[i] ?? b.history[i];
      return t ? (t.turn === 0 ? 'start' : `T${t.turn}`) : '';
    });
    view.append(
      lineChart(metricLabel(id), labels, [
        { label: nameA, values: a.history.map((t) => t.metrics[id]), className: 'series-a' },
        { label: nameB, values: b.history.map((t) => t.metrics[id]), className: 'series-b' },
      ]),
    );
    const body = h('tbody');
    for (let i = 0; i < n; i++) {
      const ta = a.history[i];
      const tb = b.history[i];
      const va = ta?.metrics[id];
      const vb = tb?.metrics[id];
      const t = ta ?? tb!;
      body.append(
        h(
          'tr',
          {},
          h(
            'th',
            { scope: 'row' },
            t.turn === 0
              ? `Start (${fmtMonth(t.date)})`
              : `After turn ${t.turn} (${fmtMonth(t.date)})`,
          ),
          h('td', { class: 'num' }, fmt(va)),
          h('td', { class: 'num' }, fmt(vb)),
          h(
            'td',
            { class: 'num' },
            va !== undefined && vb !== undefined ? fmt(Math.round((vb - va) * 10) / 10) : '–',
          ),
        ),
      );
    }
    view.append(
      h(
        'table',
        { class: 'compare-table' },
        h('caption', {}, `${metricLabel(id)}, turn by turn`),
        h(
          'thead',
          {},
          h(
            'tr',
            {},
            h('th', { scope: 'col' }, 'Turn'),
            h('th', { scope: 'col', class: 'num' }, nameA),
            h('th', { scope: 'col', class: 'num' }, nameB),
            h('th', { scope: 'col', class: 'num' }, 'B − A'),
          ),
        ),
        body,
      ),
    );
  }
  select.addEventListener('change', render);

  const finals = h(
    'table',
    { class: 'compare-table' },
    h('caption', {}, 'Every outcome at the end'),
    h(
      'thead',
      {},
      h(
        'tr',
        {},
        h('th', { scope: 'col' }, 'Outcome'),
        h('th', { scope: 'col', class: 'num' }, nameA),
        h('th', { scope: 'col', class: 'num' }, nameB),
        h('th', { scope: 'col', class: 'num' }, 'B − A'),
      ),
    ),
    h(
      'tbody',
      {},
      ...groupMetrics(metricIds).flatMap((g) => [
        h('tr', { class: 'group-row' }, h('th', { colspan: 4, scope: 'rowgroup' }, g.title)),
        ...g.ids.map((id) =>
          h(
            'tr',
            {},
            h('th', { scope: 'row' }, metricLabel(id)),
            h('td', { class: 'num' }, fmt(a.metrics[id])),
            h('td', { class: 'num' }, fmt(b.metrics[id])),
            h(
              'td',
              { class: 'num' },
              fmt(Math.round(((b.metrics[id] ?? 0) - (a.metrics[id] ?? 0)) * 10) / 10),
            ),
          ),
        ),
      ]),
    ),
  );

  main.append(
    h(
      'header',
      {},
      h('h1', {}, 'Two runs side by side'),
      h(
        'p',
        {},
        h('a', { href: `/results?id=${encodeURIComponent(a.id)}` }, nameA),
        ' and ',
        h('a', { href: `/results?id=${encodeURIComponent(b.id)}` }, nameB),
        a.scenario.hash !== b.scenario.hash ? ' — note: they played different scenarios.' : '',
      ),
    ),
    h(
      'section',
      { 'aria-labelledby': 'turns-h' },
      h('h2', { id: 'turns-h' }, 'Turn by turn'),
      h('label', { for: 'compare-metric' }, 'Outcome: '),
      select,
      view,
    ),
    h(
      'section',
      { 'aria-labelledby': 'finals-h' },
      h('h2', { id: 'finals-h' }, 'At the end'),
      finals,
    ),
  );
  render();
  main.dataset['ready'] = 'compare';
}
