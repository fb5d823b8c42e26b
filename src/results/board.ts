/**
 * The board of a scenario (optionally one class): the distribution of every outcome metric with
 * "you are here", and the table of runs.
 */
import { deleteResult, getClass, listBoard, listScenarios, setHidden, type Run } from './api';
import { histogram, standing, type Marker } from './chart';
import { clear, fmt, h } from './dom';
import { groupMetrics, metricLabel, playedText } from './labels';
import { myResultIds } from './mine';
import { sortedNumbers, type Sorted } from './stats';
import { runsTable, type TableModeration } from './table';
import type { Moderation } from './moderate';

export interface BoardQuery {
  scenario?: string;
  classCode?: string;
  hash?: string;
  /** The class's moderator (a key the server accepted): hidden runs shown, moderation tools. */
  moderation?: Moderation;
}

export async function renderBoard(main: HTMLElement, q: BoardQuery): Promise<void> {
  let scenarioId = q.scenario;
  let hash = q.hash;
  let title: string | null = null;
  let classLine: string | null = null;
  const mod = q.moderation;
  if (q.classCode) {
    const cls = await getClass(q.classCode, mod?.key);
    if (mod) mod.cls = cls;
    scenarioId = cls.scenario.id;
    hash = cls.scenario.hash;
    title = cls.scenario.title;
    classLine = `Class ${cls.code}${cls.seed ? ' · everyone plays the same dice' : ''}`;
  }
  let playHref = q.classCode ? `/?class=${encodeURIComponent(q.classCode)}` : null;
  if (title === null || playHref === null) {
    const { scenarios } = await listScenarios();
    const match =
      scenarios.find((s) => s.id === scenarioId && (hash ? s.hash === hash : s.builtIn)) ??
      scenarios.find((s) => s.id === scenarioId);
    title ??= match?.title ?? scenarioId ?? 'All scenarios';
    // The game loads a scenario by URL: the built-in file, or the stored text of another one.
    if (match)
      playHref ??= `/?scenario=${encodeURIComponent(match.file ?? `/api/scenarios/${match.hash}/file`)}`;
  }
  const t0 = performance.now();
  const board = await listBoard({
    ...(scenarioId ? { scenario: scenarioId } : {}),
    ...(hash ? { hash } : {}),
    ...(q.classCode ? { classCode: q.classCode } : {}),
    ...(mod ? { moderationKey: mod.key } : {}),
    limit: 10_000,
  });
  const tApi = performance.now();
  const results = board.runs;
  let total = board.total;
  /** Runs the students see (a moderator's view also lists hidden ones: not in the charts). */
  let shown = results.filter((r) => !r.hidden);

  document.title = `Results: ${title} — Three Capitals`;
  const mineIds = new Set(myResultIds());
  const mineRuns = shown.filter((r) => mineIds.has(r.id));
  const latestMine: Run | undefined = mineRuns.sort((a, b) => b.createdAt - a.createdAt)[0];
  const myCapitals = latestMine ? latestMine.played.split('+').filter((c) => c !== '') : [];
  // Runs played as different capitals are different games: the charts compare like with like,
  // starting with the capital of your latest run.
  let playedAs = myCapitals[0] ?? 'all';
  const inView = (r: Run): boolean =>
    playedAs === 'all' ||
    (playedAs === 'computer' ? r.played === '' : r.played.split('+').includes(playedAs));
  const columns = new Map<string, Sorted>();
  const column = (id: string): Sorted => {
    let c = columns.get(id);
    if (!c) {
      c = sortedNumbers(shown.filter(inView).map((r) => board.value(r, id)));
      columns.set(id, c);
    }
    return c;
  };

  const header = h(
    'header',
    { class: 'board-head' },
    h('h1', {}, `Results: ${title}`),
    classLine ? h('p', { class: 'class-line' }, classLine) : null,
    h('p', {}),
    h(
      'p',
      { class: 'links' },
      playHref ? h('a', { href: playHref }, 'Play this scenario') : null,
      playHref ? ' · ' : null,
      h('a', { href: '/results' }, 'All scenarios'),
      q.classCode ? ' · ' : null,
      q.classCode ? h('a', { href: '/results?teach' }, 'For instructors') : null,
    ),
  );
  const countLine = header.querySelector('p:not([class])') as HTMLElement;
  const writeCount = (): void => {
    const hidden = results.length - shown.length;
    countLine.textContent = `${total} verified run${total === 1 ? '' : 's'}${total > results.length ? ` (the latest ${results.length} shown)` : ''}${hidden > 0 ? `, ${hidden} of them hidden from students` : ''}. Every result was replayed by the server with the game's own rules; no number was taken from the player.`;
  };
  writeCount();

  let moderationPanel: HTMLElement | null = null;
  let tableModeration: TableModeration | undefined;
  if (q.classCode) {
    const code = q.classCode;
    const m = await import('./moderate');
    const rerender = async (moderation?: Moderation): Promise<void> => {
      const next = { ...q };
      if (moderation) next.moderation = moderation;
      else delete next.moderation;
      clear(main);
      main.dataset['ready'] = '';
      await renderBoard(main, next);
      const target = moderation
        ? document.getElementById('moderation-h')
        : main.querySelector<HTMLElement>('.moderate-toggle');
      (target ?? main).focus();
    };
    const controls = m.moderationControls(code, {
      ...(mod ? { current: mod } : {}),
      onUnlock: (moderation) => rerender(moderation),
      onLock: () => rerender(),
    });
    header.querySelector('.links')?.append(' · ', controls.button);
    moderationPanel = controls.panel;
    if (mod)
      tableModeration = {
        setHidden: async (run, hidden) => {
          await setHidden(code, run.id, hidden, mod.key);
        },
        remove: async (run) => {
          const ok = await m.confirmDialog({
            title: `Delete the run of “${run.pseudonym}”?`,
            text: 'It is removed from the class board and from the CSV export for good. This cannot be undone. (Hide it instead to keep it out of the students’ view but keep it for yourself.)',
            confirm: 'Delete the run',
          });
          if (!ok) return false;
          await deleteResult(code, run.id, mod.key);
          total--;
          return true;
        },
        describeError: (e) => m.moderationError(e, code),
        changed: () => {
          shown = results.filter((r) => !r.hidden);
          columns.clear();
          writeCount();
          const fresh = distributions();
          const wasOpen = [...dist.querySelectorAll('details')].map((d) => d.open);
          fresh.querySelectorAll('details').forEach((d, i) => (d.open = wasOpen[i] ?? d.open));
          dist.replaceWith(fresh);
          dist = fresh;
        },
      };
  }

  const you = h(
    'section',
    { class: 'you', 'aria-labelledby': 'you-h' },
    h('h2', { id: 'you-h' }, 'You are here'),
  );
  /** Your latest run's scores, for the capitals you played only (the computer played the rest). */
  const myScores = (): HTMLElement => {
    const run = latestMine!;
    const ids = myCapitals.map((c) => `${c}.score`).filter((id) => board.metrics.includes(id));
    return h(
      'p',
      { class: 'you-scores' },
      `Your latest run, as “${run.pseudonym}”, playing ${playedText(run.played)}: `,
      ...ids.flatMap((id, i) => {
        const where = standing(column(id), board.value(run, id));
        return [
          i > 0 ? ', ' : '',
          `${metricLabel(id)} ${fmt(board.value(run, id))}${where ? ` (${where}${playedAs === 'all' ? '' : `, among runs played as ${playedText(playedAs === 'computer' ? '' : playedAs)}`})` : ''}`,
        ];
      }),
      ids.length === 0 ? 'no capital was played by a person.' : '.',
    );
  };
  if (latestMine) {
    you.append(
      myScores(),
      h(
        'p',
        {},
        h(
          'a',
          { href: `/results?id=${encodeURIComponent(latestMine.id)}#replay` },
          'Replay your run',
        ),
        mineRuns.length > 1
          ? ` · you have ${mineRuns.length} runs here, all marked “you” in the table`
          : '',
      ),
    );
  } else {
    you.append(
      h(
        'p',
        {},
        'None of the runs below was submitted from this browser. Finish a game and submit it from the debrief to see where you stand.',
      ),
    );
  }

  const metricIds = board.metrics;
  const playedSelect = h(
    'select',
    { id: 'played-as' },
    h('option', { value: 'all' }, 'Any capital (all runs)'),
    ...['pyongyang', 'moscow', 'kyiv'].map((c) => h('option', { value: c }, playedText(c))),
    h('option', { value: 'computer' }, 'Computer only'),
  ) as HTMLSelectElement;
  playedSelect.value = playedAs;
  playedSelect.addEventListener('change', () => {
    playedAs = playedSelect.value;
    columns.clear();
    const fresh = distributions();
    dist.replaceWith(fresh);
    dist = fresh;
    if (latestMine) you.querySelector('.you-scores')?.replaceWith(myScores());
  });
  const playedFilter = h(
    'p',
    { class: 'played-filter' },
    h('label', { for: 'played-as' }, 'Charts show runs played as '),
    playedSelect,
  );
  let dist = distributions();
  function distributions(): HTMLElement {
    const section = h(
      'section',
      { class: 'distributions', 'aria-labelledby': 'dist-h' },
      h('h2', { id: 'dist-h' }, 'How the runs came out'),
    );
    for (const g of groupMetrics(metricIds)) {
      const grid = h('div', { class: 'chart-grid' });
      for (const id of g.ids) {
        const sorted = column(id);
        const mineValue = latestMine && inView(latestMine) ? board.value(latestMine, id) : NaN;
        const markers: Marker[] = Number.isFinite(mineValue)
          ? [{ value: mineValue, label: 'You' }]
          : [];
        grid.append(histogram(metricLabel(id), sorted, markers));
      }
      const details = h(
        'details',
        { class: 'metric-group' },
        h('summary', {}, h('h3', {}, g.title)),
        grid,
      );
      details.open = g.open;
      section.append(details);
    }
    const n = shown.filter(inView).length;
    section.insertBefore(
      h(
        'p',
        { class: 'dist-count' },
        n === shown.length
          ? `All ${n} run${n === 1 ? '' : 's'}.`
          : `${n} of the ${shown.length} runs were played as ${playedText(playedAs === 'computer' ? '' : playedAs)}.`,
      ),
      section.children[1] ?? null,
    );
    if (n === 0) section.append(h('p', {}, 'No runs yet.'));
    return section;
  }

  const table = runsTable(board, mineIds, tableModeration);
  main.append(
    header,
    ...(moderationPanel ? [moderationPanel] : []),
    you,
    playedFilter,
    dist,
    table,
  );
  if (latestMine) table.showRun?.(latestMine.id);
  main.dataset['apiMs'] = String(Math.round(tApi - t0));
  main.dataset['renderMs'] = String(Math.round(performance.now() - t0));
  main.dataset['ready'] = 'board';
}
