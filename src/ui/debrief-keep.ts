/**
 * The debrief's "keep and compare": download the record, submit it to the class board (kept and
 * retried when offline), open the outcome explorer.
 */
import type { GameRecord } from '../engine';
import { h } from './dom';
import type { DebriefOptions } from './debrief';
import {
  explorerHref,
  type FetchLike,
  type KeyValue,
  pendingSubmissions,
  queuePending,
  recordFileName,
  recordKey,
  rememberResult,
  removePending,
  resultsLink,
  retryPending,
  STORAGE_KEYS,
  type Submission,
  type SubmitOutcome,
  submitResult,
  suggestPseudonym,
} from './debrief-record';

interface KeepContext {
  opts: DebriefOptions;
  storage: KeyValue | null;
  signal: AbortSignal;
  fetchFn: FetchLike;
}

function downloadRecord(record: GameRecord): void {
  const blob = new Blob([JSON.stringify(record)], { type: 'application/json' });
  const url = URL.createObjectURL(blob);
  const a = h('a', { href: url, download: recordFileName(record), hidden: true });
  document.body.append(a);
  a.click();
  a.remove();
  setTimeout(() => URL.revokeObjectURL(url), 10_000);
}

function initialClassCode(storage: KeyValue | null): string {
  try {
    const fromUrl = new URLSearchParams(globalThis.location?.search ?? '').get('class');
    if (fromUrl) return fromUrl;
  } catch {
    /* no location */
  }
  try {
    return storage?.getItem(STORAGE_KEYS.classCode) ?? '';
  } catch {
    return '';
  }
}

export function keepSection(k: KeepContext): HTMLElement {
  const { opts, storage } = k;
  const { record, state } = opts;
  const id = 'debrief-keep-title';
  const pseudonymKey = `${record.seed}:${record.turnHashes[record.turnHashes.length - 1] ?? ''}`;
  let suggestion = 0;

  // Download.
  const downloadBtn = h(
    'button',
    { type: 'button', class: 'btn btn-primary', 'aria-describedby': 'debrief-file-name' },
    'Download game record',
  );
  downloadBtn.addEventListener('click', () => downloadRecord(record));

  // Submit.
  const pseudo = h('input', {
    id: 'debrief-pseudonym',
    name: 'pseudonym',
    type: 'text',
    maxlength: 40,
    autocomplete: 'off',
    spellcheck: 'false',
    required: true,
    'aria-describedby': 'debrief-pseudonym-hint',
  });
  pseudo.value = suggestPseudonym(pseudonymKey);
  const another = h('button', { type: 'button', class: 'btn btn-small' }, 'Suggest another');
  another.addEventListener('click', () => {
    pseudo.value = suggestPseudonym(pseudonymKey, ++suggestion);
    pseudo.focus();
  });
  const classInput = h('input', {
    id: 'debrief-class',
    name: 'classCode',
    type: 'text',
    maxlength: 40,
    autocomplete: 'off',
    spellcheck: 'false',
    autocapitalize: 'characters',
    'aria-describedby': 'debrief-class-hint',
  });
  classInput.value = initialClassCode(storage);
  const submitBtn = h(
    'button',
    { type: 'submit', class: 'btn btn-primary' },
    'Submit to the class board',
  );
  const status = h('p', { class: 'db-status-line', role: 'status', 'aria-live': 'polite' });
  const retryBtn = h('button', { type: 'button', class: 'btn', hidden: true }, 'Try again now');
  const after = h('div', { class: 'db-after' });
  const earlier = h('p', {
    class: 'db-earlier',
    role: 'status',
    'aria-live': 'polite',
    hidden: true,
  });

  const payload = (): Submission => {
    const s: Submission = { record, pseudonym: pseudo.value.trim() };
    const code = classInput.value.trim();
    if (code) s.classCode = code;
    if (opts.scenarioText !== undefined) s.scenario = opts.scenarioText;
    if (opts.forkedFrom) s.forkedFrom = opts.forkedFrom;
    return s;
  };

  let busy = false;
  const showSent = (o: Extract<SubmitOutcome, { kind: 'ok' }>, pseudonym: string) => {
    status.className = 'db-status-line is-ok';
    status.textContent = o.created
      ? `Submitted as “${pseudonym}”. The server replayed your game and recorded its outcome.`
      : `Already on the board as “${pseudonym}”: the server had this game.`;
    retryBtn.hidden = true;
    submitBtn.disabled = true;
    submitBtn.textContent = 'Submitted';
    after.replaceChildren(
      h(
        'a',
        { href: resultsLink(o.scenarioId, o.classCode), class: 'btn' },
        o.classCode
          ? `See your class’s results (${o.classCode})`
          : 'See the results for this scenario',
      ),
    );
  };

  const send = async () => {
    if (busy || k.signal.aborted) return;
    const s = payload();
    if (s.pseudonym === '') {
      status.className = 'db-status-line is-error';
      status.textContent = 'Choose a pseudonym first (not your real name).';
      pseudo.focus();
      return;
    }
    busy = true;
    submitBtn.disabled = true;
    retryBtn.disabled = true;
    status.className = 'db-status-line';
    status.textContent = 'Sending your game to the class board…';
    const outcome = await submitResult(s, k.fetchFn, k.signal);
    busy = false;
    retryBtn.disabled = false;
    if (k.signal.aborted) return;
    const key = recordKey(record);
    if (outcome.kind === 'ok') {
      removePending(storage, key);
      rememberResult(storage, outcome.id);
      if (s.classCode) writeClassCode(storage, s.classCode);
      showSent(outcome, s.pseudonym);
    } else if (outcome.kind === 'rejected') {
      removePending(storage, key);
      submitBtn.disabled = false;
      retryBtn.hidden = true;
      status.className = 'db-status-line is-error';
      status.textContent = `The class board did not accept it: ${outcome.message}`;
    } else {
      const kept = queuePending(storage, s, new Date().toISOString());
      submitBtn.disabled = false;
      retryBtn.hidden = false;
      status.className = 'db-status-line is-warn';
      status.textContent = kept
        ? `Could not reach the class board (${outcome.message}). Your game is kept in this browser and will be submitted later: the next time a debrief opens, or now with “Try again now”.`
        : `Could not reach the class board (${outcome.message}), and this browser would not keep the game. Download the game record to keep it.`;
    }
  };

  const form = h(
    'form',
    { class: 'db-submit', novalidate: true, 'aria-labelledby': 'debrief-submit-title' },
    h('h3', { id: 'debrief-submit-title' }, 'Submit to the class board'),
    h(
      'div',
      { class: 'db-field' },
      h('label', { for: 'debrief-pseudonym' }, 'Pseudonym'),
      h('div', { class: 'db-field-row' }, pseudo, another),
      h(
        'p',
        { id: 'debrief-pseudonym-hint', class: 'db-hint' },
        'Shown on the board. Not your real name: keep the suggestion or make up another.',
      ),
    ),
    h(
      'div',
      { class: 'db-field' },
      h('label', { for: 'debrief-class' }, 'Class code (optional)'),
      classInput,
      h(
        'p',
        { id: 'debrief-class-hint', class: 'db-hint' },
        'From your teacher. Without one, the game joins everyone’s results for this scenario.',
      ),
    ),
    h('div', { class: 'db-actions' }, submitBtn, retryBtn),
    status,
    after,
  );
  form.addEventListener('submit', (e) => {
    e.preventDefault();
    void send();
  });
  retryBtn.addEventListener('click', () => void send());

  // A game already waiting from an earlier try: say so at once, with what it was sent as.
  const waiting = pendingSubmissions(storage).find((p) => p.key === recordKey(record));
  if (waiting) {
    pseudo.value = waiting.payload.pseudonym;
    classInput.value = waiting.payload.classCode ?? classInput.value;
    status.className = 'db-status-line is-warn';
    status.textContent = 'This game is waiting in this browser to be submitted.';
    retryBtn.hidden = false;
  }

  // Earlier games kept to submit later: try them now, in the background.
  if (pendingSubmissions(storage).length > 0) {
    const mine = recordKey(record);
    void retryPending(storage, k.fetchFn, k.signal).then((r) => {
      if (k.signal.aborted) return;
      const own = r.sent.find((x) => x.key === mine);
      if (own) showSent(own.outcome, waiting?.payload.pseudonym ?? pseudo.value.trim());
      const ownRejected = r.rejected.find((x) => x.key === mine);
      if (ownRejected) {
        retryBtn.hidden = true;
        status.className = 'db-status-line is-error';
        status.textContent = `The class board did not accept it: ${ownRejected.outcome.message}`;
      }
      const others = r.sent.filter((x) => x.key !== mine).length;
      const otherRejected = r.rejected.filter((x) => x.key !== mine);
      const parts: string[] = [];
      if (others > 0)
        parts.push(
          `${others === 1 ? 'An earlier game' : `${others} earlier games`} kept in this browser ${others === 1 ? 'was' : 'were'} submitted now.`,
        );
      if (otherRejected.length > 0)
        parts.push(
          `${otherRejected.length === 1 ? 'An earlier game was' : `${otherRejected.length} earlier games were`} not accepted: ${otherRejected[0]!.outcome.message}`,
        );
      if (parts.length > 0) {
        earlier.hidden = false;
        earlier.textContent = parts.join(' ');
      }
    });
  }

  const explorer = h(
    'a',
    { class: 'btn', href: explorerHref(state.rules.scenarioId) },
    'Open the outcome explorer',
  );

  return h(
    'section',
    { class: 'db-section db-keep', 'aria-labelledby': id },
    h('h2', { id }, 'Keep your game and compare it'),
    h(
      'div',
      { class: 'db-keep-grid' },
      h(
        'div',
        { class: 'db-keep-box' },
        h('h3', {}, 'The game record'),
        h(
          'p',
          {},
          'Every order given in this game, with a check for each month: replaying it gives exactly the same result. The class board replays it before it counts it; your teacher can too (',
          h('code', {}, 'npm run replay'),
          ').',
        ),
        downloadBtn,
        h('p', { id: 'debrief-file-name', class: 'db-hint' }, recordFileName(record)),
      ),
      h('div', { class: 'db-keep-box' }, form, earlier),
      h(
        'div',
        { class: 'db-keep-box' },
        h('h3', {}, 'How else could it have gone?'),
        h(
          'p',
          {},
          'The outcome explorer plays this scenario many times with computer players and shows the spread of outcomes, with your game marked on it, and which uncertain figures move the results most.',
        ),
        explorer,
      ),
    ),
  );
}

function writeClassCode(storage: KeyValue | null, code: string): void {
  try {
    storage?.setItem(STORAGE_KEYS.classCode, code);
  } catch {
    /* refused: nothing to do */
  }
}
