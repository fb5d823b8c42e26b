/**
 * The board of a scenario (optionally one class): the distribution of every outcome metric with
 * "you are here", and the table of runs.
 */
import { deleteResult, getBoard, getClass, listScenarios, setHidden, type BoardRun } from './api';
import { histogram, standingText, type Marker } from './chart';
import { clear, fmt, h } from './dom';
import { groupMetrics, metricLabel, playedText } from './labels';
import { myResultIds } from './mine';
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
  const mineIds = new Set(myResultIds());
  const where = {
    scenario: scenarioId,
    hash,
    classCode: q.classCode,
    moderationKey: mod?.key,
  };
  // The server bins every metric and sorts the runs: the page gets what it draws, not every run.
  let board = await getBoard({ ...where, mine: [...mineIds] });
  const tApi = performance.now();
  let total = board.total;

  document.title = `Results: ${title} — Three Capitals`;
  const mineRuns = board.mine;
  const latestMine: BoardRun | undefined = mineRuns[0];
  const myCapitals = latestMine ? latestMine.played.split('+').filter((c) => c !== '') : [];
  let playedAs = board.played;
  /** Fetches the charts' bins again (another capital, or after moderation). */
  const refetch = async (): Promise<void> => {
    board = await getBoard({ ...where, mine: [...mineIds], played: playedAs, page: 0 });
    total = board.total;
  };
  const whereText = (id: string): string => {
    const c = board.standing?.[id];
    return c ? standingText(c) : '';
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
    const listed = board.visible + board.hidden;
    const hidden = board.hidden;
    countLine.textContent = `${total} verified run${total === 1 ? '' : 's'}${total > listed ? ` (the latest ${listed} shown)` : ''}${hidden > 0 ? `, ${hidden} of them hidden from students` : ''}. Every result was replayed by the server with the game's own rules; no number was taken from the player.`;
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
          void refetch().then(() => {
            writeCount();
            const fresh = distributions();
            const wasOpen = [...dist.querySelectorAll('details')].map((d) => d.open);
            fresh.querySelectorAll('details').forEach((d, i) => (d.open = wasOpen[i] ?? d.open));
            dist.replaceWith(fresh);
            dist = fresh;
          });
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
        const where = whereText(id);
        return [
          i > 0 ? ', ' : '',
          `${metricLabel(id)} ${fmt(run.values[id] ?? NaN)}${where ? ` (${where}${playedAs === 'all' ? '' : `, among runs played as ${playedText(playedAs === 'computer' ? '' : playedAs)}`})` : ''}`,
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
    playedAs = playedSelect.value as typeof playedAs;
    main.dataset['ready'] = 'loading';
    void refetch().then(() => {
      const fresh = distributions();
      dist.replaceWith(fresh);
      dist = fresh;
      if (latestMine) you.querySelector('.you-scores')?.replaceWith(myScores());
      main.dataset['ready'] = 'board';
    });
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
        const d = board.distributions[id];
        if (!d) continue;
        const mineValue = board.standing ? (latestMine?.values[id] ?? NaN) : NaN;
        const markers: Marker[] = Number.isFinite(mineValue)
          ? [{ value: mineValue, label: 'You', where: whereText(id) }]
          : [];
        grid.append(histogram(metricLabel(id), d, markers));
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
    const n = board.inView;
    section.insertBefore(
      h(
        'p',
        { class: 'dist-count' },
        n === board.visible
          ? `All ${n} run${n === 1 ? '' : 's'}.`
          : `${n} of the ${board.visible} runs were played as ${playedText(playedAs === 'computer' ? '' : playedAs)}.`,
      ),
      section.children[1] ?? null,
    );
    if (n === 0) section.append(h('p', {}, 'No runs yet.'));
    return section;
  }

  const table = runsTable(
    {
      metrics: board.metrics,
      first: board.table,
      count: board.visible + board.hidden,
      load: async (t) => {
        const b = await getBoard({ ...where, ...t, played: playedAs, charts: false });
        total = b.total;
        return { page: b.table, count: b.visible + b.hidden };
      },
    },
    mineIds,
    tableModeration,
  );
  main.append(
    header,
    ...(moderationPanel ? [moderationPanel] : []),
    you,
    playedFilter,
    dist,
    table,
  );
  main.dataset['apiMs'] = String(Math.round(tApi - t0));
  main.dataset['renderMs'] = String(Math.round(performance.now() - t0));
  main.dataset['ready'] = 'board';
}
