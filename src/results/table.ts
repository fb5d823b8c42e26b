/**
 * The table of runs: sortable by any column (buttons in the headers, aria-sort), paged, with
 * the viewer's own runs marked and two runs selectable for a side-by-side comparison.
 */
import type { BoardPage, BoardRun as Run } from './api';
import { announce, clear, fmt, fmtDate, h } from './dom';
import { forkedFromText, metricLabel, playedText } from './labels';

interface Column {
  key: string;
  label: string;
  numeric: boolean;
  value: (r: Run) => number | string;
  cell?: (r: Run) => Node | string;
}

/** Where the table's pages come from: the server sorts and pages the runs (GET /api/board). */
export interface TableSource {
  metrics: string[];
  /** The first page, already fetched with the board. */
  first: BoardPage;
  /** Runs listed (hidden ones included in a moderator's view). */
  count: number;
  load(q: { sort: string; dir: 'asc' | 'desc'; page: number }): Promise<{
    page: BoardPage;
    count: number;
  }>;
}

export type RunsTable = HTMLElement;

/** A class moderator's actions on a run (the table shows Hide/Unhide and Delete buttons). */
export interface TableModeration {
  /** Hides or shows the run; throws (an ApiFailure) when the server refuses. */
  setHidden(run: Run, hidden: boolean): Promise<void>;
  /** Asks for confirmation and deletes the run: false when the moderator cancelled. */
  remove(run: Run): Promise<boolean>;
  /** Plain words for a failure. */
  describeError(e: unknown): string;
  /** After a change (the board redraws its charts). */
  changed(): void;
}

export function runsTable(
  source: TableSource,
  mine: Set<string>,
  moderation?: TableModeration,
): RunsTable {
  const board = { metrics: source.metrics };
  let count = source.count;
  const valueOf = (r: Run, id: string): number => r.values[id] ?? NaN;
  const metric = (id: string): Column => ({
    key: id,
    label: metricLabel(id),
    numeric: true,
    value: (r) => valueOf(r, id),
    cell: (r) => fmt(valueOf(r, id)),
  });
  const all: Column[] = [
    {
      key: 'pseudonym',
      label: 'Player',
      numeric: false,
      value: (r) => r.pseudonym.toLowerCase(),
      cell: (r) =>
        h(
          'span',
          {},
          h('a', { href: `/results?id=${encodeURIComponent(r.id)}` }, r.pseudonym),
          mine.has(r.id) ? h('strong', { class: 'badge' }, ' you') : null,
          r.hidden ? ' ' : null,
          r.hidden ? h('strong', { class: 'hidden-mark' }, 'hidden') : null,
          r.forkedFrom ? h('span', { class: 'forked-from' }, forkedFromText(r.forkedFrom)) : null,
        ),
    },
    {
      key: 'createdAt',
      label: 'Submitted',
      numeric: true,
      value: (r) => r.createdAt,
      cell: (r) => fmtDate(new Date(r.createdAt).toISOString()),
    },
    {
      key: 'played',
      label: 'Played as',
      numeric: false,
      value: (r) => playedText(r.played),
      cell: (r) => playedText(r.played),
    },
    metric('pyongyang.score'),
    metric('moscow.score'),
    metric('kyiv.score'),
    metric('human.killed'),
    metric('moscow.kurskControl'),
  ];
  const base = all.filter((c) => !c.key.includes('.') || board.metrics.includes(c.key));

  let extra: string | null = null;
  let sortKey = source.first.sort;
  let sortDir: 1 | -1 = source.first.dir === 'asc' ? 1 : -1;
  let page = source.first.page;
  let pages = source.first.pages;
  let slice: Run[] = source.first.runs;
  const selected = new Set<string>();

  const wrap: RunsTable = h('section', { class: 'runs', 'aria-labelledby': 'runs-h' });
  const heading = h('h2', { id: 'runs-h', tabindex: -1 }, `Runs (${count})`);
  const modStatus = h('p', { class: 'mod-status', role: 'status', hidden: !moderation });
  const extraSelect = h(
    'select',
    { id: 'extra-col' },
    h('option', { value: '' }, '(none)'),
    ...board.metrics
      .filter((id) => !base.some((c) => c.key === id))
      .map((id) => h('option', { value: id }, metricLabel(id))),
  );
  extraSelect.addEventListener('change', () => {
    extra = extraSelect.value || null;
    render();
  });
  const compareBtn = h(
    'a',
    { class: 'button', 'aria-disabled': 'true', role: 'link', id: 'compare-link' },
    'Compare the two selected runs',
  );
  const compareHint = h(
    'p',
    { class: 'hint', id: 'compare-hint' },
    'Tick two runs to compare them turn by turn.',
  );
  const tableHolder = h('div', { class: 'table-scroll' });
  const pager = h('nav', { class: 'pager', 'aria-label': 'Pages of runs' });

  wrap.append(
    heading,
    h(
      'div',
      { class: 'toolbar' },
      h('label', { for: 'extra-col' }, 'Extra column: '),
      extraSelect,
      compareBtn,
    ),
    compareHint,
    modStatus,
    tableHolder,
    pager,
  );

  function columns(): Column[] {
    return extra ? [...base, metric(extra)] : base;
  }

  /** Fetches the page the sort and page number ask for; the table is marked busy meanwhile. */
  async function fetchPage(): Promise<void> {
    wrap.setAttribute('aria-busy', 'true');
    try {
      const got = await source.load({ sort: sortKey, dir: sortDir === 1 ? 'asc' : 'desc', page });
      ({ page, pages } = got.page);
      slice = got.page.runs;
      count = got.count;
    } finally {
      wrap.removeAttribute('aria-busy');
    }
  }

  function updateCompare(): void {
    const ids = [...selected];
    if (ids.length === 2) {
      compareBtn.setAttribute('href', `/results?compare=${ids.map(encodeURIComponent).join(',')}`);
      compareBtn.removeAttribute('aria-disabled');
      compareHint.textContent = 'Two runs selected.';
    } else {
      compareBtn.removeAttribute('href');
      compareBtn.setAttribute('aria-disabled', 'true');
      compareHint.textContent =
        ids.length === 1
          ? 'Tick one more run to compare.'
          : 'Tick two runs to compare them turn by turn.';
    }
  }

  function render(focusKey?: string): void {
    const cols = columns();

    const headRow = h(
      'tr',
      {},
      h('th', { scope: 'col' }, h('span', { class: 'visually-hidden' }, 'Compare')),
    );
    for (const c of cols) {
      const active = c.key === sortKey;
      const btn = h(
        'button',
        { type: 'button', class: 'sort', 'data-key': c.key },
        c.label,
        h('span', { 'aria-hidden': 'true' }, active ? (sortDir === 1 ? ' ▲' : ' ▼') : ''),
      );
      btn.addEventListener('click', () => {
        if (sortKey === c.key) sortDir = sortDir === 1 ? -1 : 1;
        else {
          sortKey = c.key;
          sortDir = c.numeric ? -1 : 1;
        }
        page = 0;
        void fetchPage()
          .then(() => {
            render(c.key);
            announce(`Sorted by ${c.label}, ${sortDir === 1 ? 'ascending' : 'descending'}.`);
          })
          .catch((e: unknown) => announce(`The runs could not be sorted: ${String(e)}`));
      });
      headRow.append(
        h(
          'th',
          {
            scope: 'col',
            class: c.numeric ? 'num' : '',
            'aria-sort': active ? (sortDir === 1 ? 'ascending' : 'descending') : 'none',
          },
          btn,
        ),
      );
    }
    headRow.append(h('th', { scope: 'col' }, 'Replay'));
    if (moderation) headRow.append(h('th', { scope: 'col' }, 'Moderate'));

    const body = h('tbody');
    for (const r of slice) {
      const box = h('input', {
        type: 'checkbox',
        'aria-label': `Compare ${r.pseudonym}`,
        value: r.id,
      });
      box.checked = selected.has(r.id);
      box.addEventListener('change', () => {
        if (box.checked) {
          if (selected.size >= 2) {
            const first = selected.values().next().value as string;
            selected.delete(first);
            for (const other of tableHolder.querySelectorAll<HTMLInputElement>(
              'tbody input[type="checkbox"]',
            ))
              if (other.value === first) other.checked = false;
          }
          selected.add(r.id);
        } else selected.delete(r.id);
        updateCompare();
      });
      const tr = h(
        'tr',
        {
          class: [mine.has(r.id) ? 'mine' : '', r.hidden ? 'is-hidden' : ''].join(' ').trim(),
          'data-id': r.id,
        },
        h('td', {}, box),
      );
      cols.forEach((c, i) => {
        const content = c.cell ? c.cell(r) : String(c.value(r));
        tr.append(
          i === 0
            ? h('th', { scope: 'row' }, content)
            : h('td', { class: c.numeric ? 'num' : '' }, content),
        );
      });
      tr.append(
        h(
          'td',
          {},
          h(
            'a',
            {
              href: `/results?id=${encodeURIComponent(r.id)}#replay`,
              'aria-label': `Replay the run of ${r.pseudonym}`,
            },
            'Replay',
          ),
        ),
      );
      if (moderation) tr.append(h('td', { class: 'mod-actions' }, ...moderationButtons(r)));
      body.append(tr);
    }
    if (slice.length === 0)
      body.append(
        h('tr', {}, h('td', { colspan: cols.length + (moderation ? 3 : 2) }, 'No runs yet.')),
      );
    heading.textContent = `Runs (${count})`;

    clear(tableHolder);
    tableHolder.append(
      h(
        'table',
        { class: 'runs-table' },
        h(
          'caption',
          { class: 'visually-hidden' },
          `Runs, sorted by ${cols.find((c) => c.key === sortKey)?.label ?? ''}`,
        ),
        h('thead', {}, headRow),
        body,
      ),
    );
    if (focusKey)
      (
        tableHolder.querySelector(
          `button[data-key="${CSS.escape(focusKey)}"]`,
        ) as HTMLElement | null
      )?.focus();

    clear(pager);
    if (pages > 1) {
      const prev = h('button', { type: 'button', disabled: page === 0 }, '← Previous');
      const next = h('button', { type: 'button', disabled: page >= pages - 1 }, 'Next →');
      const go = (step: number): void => {
        page += step;
        void fetchPage()
          .then(() => {
            render();
            announce(`Page ${page + 1} of ${pages}`);
          })
          .catch((e: unknown) => announce(`The page could not be loaded: ${String(e)}`));
      };
      prev.addEventListener('click', () => go(-1));
      next.addEventListener('click', () => go(1));
      pager.append(prev, h('span', { class: 'page-of' }, `Page ${page + 1} of ${pages}`), next);
    }
    updateCompare();
  }

  function say(text: string, error = false): void {
    modStatus.textContent = text;
    modStatus.classList.toggle('is-error', error);
  }

  function moderationButtons(r: Run): HTMLButtonElement[] {
    if (!moderation) return [];
    const hide = h(
      'button',
      {
        type: 'button',
        class: 'small',
        'data-action': 'hide',
        'aria-label': `${r.hidden ? 'Unhide' : 'Hide'} the run of ${r.pseudonym}`,
      },
      r.hidden ? 'Unhide' : 'Hide',
    );
    const del = h(
      'button',
      {
        type: 'button',
        class: 'small danger',
        'data-action': 'delete',
        'aria-label': `Delete the run of ${r.pseudonym}`,
      },
      'Delete',
    );
    hide.addEventListener('click', () => {
      const next = !r.hidden;
      hide.disabled = true;
      moderation
        .setHidden(r, next)
        .then(() => {
          r.hidden = next;
          render();
          moderation.changed();
          say(
            next
              ? `The run of ${r.pseudonym} is hidden: students no longer see it.`
              : `The run of ${r.pseudonym} is shown again.`,
          );
          (
            tableHolder.querySelector(
              `tr[data-id="${CSS.escape(r.id)}"] button[data-action="hide"]`,
            ) as HTMLElement | null
          )?.focus();
        })
        .catch((e: unknown) => {
          hide.disabled = false;
          say(
            `Could not ${next ? 'hide' : 'unhide'} the run: ${moderation.describeError(e)}`,
            true,
          );
        });
    });
    del.addEventListener('click', () => {
      del.disabled = true;
      moderation
        .remove(r)
        .then((done) => {
          if (!done) {
            del.disabled = false;
            return;
          }
          selected.delete(r.id);
          return fetchPage().then(() => {
            render();
            moderation.changed();
            say(`The run of ${r.pseudonym} is deleted.`);
            heading.focus();
          });
        })
        .catch((e: unknown) => {
          del.disabled = false;
          say(`Could not delete the run: ${moderation.describeError(e)}`, true);
        });
    });
    return [hide, del];
  }

  render();
  return wrap;
}
