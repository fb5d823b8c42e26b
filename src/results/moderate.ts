/**
 * Moderation of a class board by its instructor: the "Moderate" button and panel (the key is
 * asked for, checked with the server, and kept in memory only — in localStorage only when the
 * instructor ticks "remember the key on this computer"), CSV export, retention, and the confirm
 * dialog the runs table uses before deleting a run.
 */
import { ApiFailure, exportCsv, getClass, setRetention, type ClassInfo } from './api';
import { announce, clear, h } from './dom';
import { roomSettingsForm } from './room-settings';

/** localStorage: {"<CODE>": "<moderation key>"}, only for keys the instructor chose to remember. */
export const MOD_KEYS = 'tc.modKeys';

function readKeys(): Record<string, string> {
  try {
    const raw = JSON.parse(localStorage.getItem(MOD_KEYS) ?? '{}') as unknown;
    if (raw && typeof raw === 'object' && !Array.isArray(raw)) {
      const out: Record<string, string> = {};
      for (const [k, v] of Object.entries(raw)) if (typeof v === 'string') out[k] = v;
      return out;
    }
  } catch {
    /* unreadable: treat as empty */
  }
  return {};
}

export function rememberedKey(code: string): string | null {
  return readKeys()[code] ?? null;
}

export function rememberKey(code: string, key: string): boolean {
  try {
    localStorage.setItem(MOD_KEYS, JSON.stringify({ ...readKeys(), [code]: key }));
    return true;
  } catch {
    return false;
  }
}

export function forgetKey(code: string): void {
  const keys = readKeys();
  delete keys[code];
  try {
    if (Object.keys(keys).length === 0) localStorage.removeItem(MOD_KEYS);
    else localStorage.setItem(MOD_KEYS, JSON.stringify(keys));
  } catch {
    /* nothing stored */
  }
}

/** Plain words for a failed moderation request. */
export function moderationError(e: unknown, code: string): string {
  if (e instanceof ApiFailure) {
    if (e.status === 401) return 'Enter the moderation key of the class first.';
    if (e.status === 403)
      return `That is not the moderation key of class ${code}. Check it against the text file you saved when you created the class (three-capitals-class-${code}.txt); the key cannot be recovered.`;
    if (e.status === 404)
      return `${e.message} (it may have been deleted already; reload the page).`;
    return e.message;
  }
  return e instanceof Error ? e.message : String(e);
}

/** Saves a Blob as a file through a temporary download link. */
export function saveBlob(blob: Blob, fileName: string): void {
  const url = URL.createObjectURL(blob);
  const a = h('a', { href: url, download: fileName, hidden: true });
  document.body.append(a);
  a.click();
  a.remove();
  window.setTimeout(() => URL.revokeObjectURL(url), 30_000);
}

/** A modal confirmation (native <dialog>): resolves true when the confirm button is pressed. */
export function confirmDialog(opts: {
  title: string;
  text: string;
  confirm: string;
  cancel?: string;
}): Promise<boolean> {
  return new Promise((resolve) => {
    const returnFocus = document.activeElement as HTMLElement | null;
    const titleId = `confirm-h-${Date.now()}`;
    const ok = h('button', { type: 'button', class: 'danger' }, opts.confirm);
    const cancel = h('button', { type: 'button' }, opts.cancel ?? 'Cancel');
    const dialog = h(
      'dialog',
      { class: 'confirm', 'aria-labelledby': titleId },
      h('h2', { id: titleId }, opts.title),
      h('p', {}, opts.text),
      h('p', { class: 'dialog-actions' }, cancel, ' ', ok),
    );
    let answered = false;
    const finish = (value: boolean): void => {
      if (answered) return;
      answered = true;
      dialog.close();
      dialog.remove();
      if (returnFocus?.isConnected) returnFocus.focus();
      resolve(value);
    };
    ok.addEventListener('click', () => finish(true));
    cancel.addEventListener('click', () => finish(false));
    dialog.addEventListener('close', () => finish(false));
    document.body.append(dialog);
    dialog.showModal();
    cancel.focus();
  });
}

export interface Moderation {
  key: string;
  cls: ClassInfo;
}

export interface ModerationControls {
  /** The "Moderate" button (goes in the board's header). */
  button: HTMLButtonElement;
  /** The panel (placed right under the header). */
  panel: HTMLElement;
}

/**
 * The moderation controls of a class board. `current` is set when the board is already shown to
 * the moderator; `onUnlock` is called with a key the server accepted, `onLock` to go back to
 * the students' view.
 */
export function moderationControls(
  code: string,
  opts: {
    current?: Moderation;
    onUnlock(m: Moderation): void | Promise<void>;
    onLock(): void | Promise<void>;
  },
): ModerationControls {
  const panelId = 'moderation-panel';
  const button = h(
    'button',
    {
      type: 'button',
      class: 'moderate-toggle',
      'aria-expanded': opts.current ? 'true' : 'false',
      'aria-controls': panelId,
    },
    opts.current ? 'Moderating' : 'Moderate',
  );
  const panel = h('section', {
    id: panelId,
    class: 'moderation',
    'aria-labelledby': 'moderation-h',
    hidden: !opts.current,
  });
  const heading = h(
    'h2',
    { id: 'moderation-h', tabindex: -1 },
    opts.current ? `Moderating class ${code}` : `Moderate class ${code}`,
  );

  button.addEventListener('click', () => {
    const open = panel.hidden;
    panel.hidden = !open;
    button.setAttribute('aria-expanded', String(open));
    if (open) (panel.querySelector('input') ?? heading).focus();
  });

  if (opts.current) fillUnlocked(opts.current);
  else fillLocked();
  return { button, panel };

  function fillLocked(): void {
    clear(panel);
    const remembered = rememberedKey(code);
    const keyInput = h('input', {
      type: 'text',
      id: 'mod-key',
      name: 'moderation-key',
      class: 'key-input',
      autocomplete: 'off',
      spellcheck: 'false',
      autocapitalize: 'off',
      maxlength: 200,
      required: true,
      'aria-describedby': 'mod-key-hint',
    });
    keyInput.value = remembered ?? '';
    const remember = h('input', { type: 'checkbox', id: 'mod-remember' });
    remember.checked = remembered !== null;
    const error = h('p', { class: 'form-error', role: 'alert', hidden: true });
    const submit = h('button', { type: 'submit', class: 'primary' }, 'Unlock moderation');
    const form = h(
      'form',
      { class: 'mod-form', novalidate: true },
      h(
        'p',
        { class: 'field' },
        h('label', { for: 'mod-key' }, 'Moderation key'),
        keyInput,
        h(
          'span',
          { class: 'hint', id: 'mod-key-hint' },
          remembered
            ? 'Filled in from this computer, where you chose to remember it.'
            : 'The long key shown once when the class was created (also in the text file you downloaded then).',
        ),
      ),
      h(
        'p',
        { class: 'check' },
        remember,
        h('label', { for: 'mod-remember' }, ' Remember the key on this computer'),
      ),
      h('p', {}, submit),
      error,
    );
    form.addEventListener('submit', (ev) => {
      ev.preventDefault();
      const key = keyInput.value.trim();
      const fail = (text: string): void => {
        error.textContent = text;
        error.hidden = false;
        keyInput.setAttribute('aria-invalid', 'true');
        keyInput.focus();
      };
      if (!key) return fail('Enter the moderation key of the class first.');
      submit.disabled = true;
      error.hidden = true;
      getClass(code, key)
        .then(async (cls) => {
          if (cls.moderator !== true)
            return fail(moderationError(new ApiFailure(403, '', ''), code));
          if (remember.checked) rememberKey(code, key);
          else forgetKey(code);
          await opts.onUnlock({ key, cls });
        })
        .catch((e: unknown) => fail(moderationError(e, code)))
        .finally(() => (submit.disabled = false));
    });
    panel.append(
      heading,
      h(
        'p',
        {},
        'Moderation is for the class’s instructor: hide or delete runs, export the results as CSV, and choose how long they are kept.',
      ),
      form,
    );
  }

  function fillUnlocked(m: Moderation): void {
    clear(panel);
    const status = h('p', { class: 'mod-status', role: 'status' });
    const say = (text: string, kind: 'ok' | 'error' = 'ok'): void => {
      status.textContent = text;
      status.classList.toggle('is-error', kind === 'error');
    };

    const exportBtn = h('button', { type: 'button', class: 'primary' }, 'Export CSV');
    exportBtn.addEventListener('click', () => {
      exportBtn.disabled = true;
      const fileName = `three-capitals-${code}.csv`;
      exportCsv(code, m.key)
        .then((blob) => {
          saveBlob(blob, fileName);
          say(`Downloaded ${fileName}: every run of the class (hidden ones too), one row each.`);
        })
        .catch((e: unknown) => say(`Could not export: ${moderationError(e, code)}`, 'error'))
        .finally(() => (exportBtn.disabled = false));
    });

    const days = h('input', {
      type: 'number',
      id: 'mod-retention',
      min: 1,
      max: 3650,
      step: 1,
      required: true,
      class: 'days',
      'aria-describedby': 'mod-retention-hint',
    });
    days.value = String(m.cls.retentionDays);
    const saveDays = h('button', { type: 'submit' }, 'Save');
    const retention = h(
      'form',
      { class: 'retention-form', novalidate: true },
      h('label', { for: 'mod-retention' }, 'Keep the results for (days): '),
      days,
      ' ',
      saveDays,
      h(
        'span',
        { class: 'hint', id: 'mod-retention-hint' },
        ` Now ${m.cls.retentionDays} days. Older results are deleted automatically (checked every hour); the class itself goes once it is empty and that old.`,
      ),
    );
    const retentionHint = retention.querySelector('.hint') as HTMLElement;
    retention.addEventListener('submit', (ev) => {
      ev.preventDefault();
      const n = Number(days.value);
      if (!Number.isInteger(n) || n < 1 || n > 3650) {
        days.setAttribute('aria-invalid', 'true');
        say('Enter a whole number of days from 1 to 3650 (ten years).', 'error');
        days.focus();
        return;
      }
      days.removeAttribute('aria-invalid');
      saveDays.disabled = true;
      setRetention(code, n, m.key)
        .then((cls) => {
          m.cls = cls;
          retentionHint.textContent = ` Now ${cls.retentionDays} days. Older results are deleted automatically (checked every hour); the class itself goes once it is empty and that old.`;
          say(
            `Saved: the results of class ${code} are kept for ${cls.retentionDays} day${cls.retentionDays === 1 ? '' : 's'}.`,
          );
        })
        .catch((e: unknown) => say(`Could not save: ${moderationError(e, code)}`, 'error'))
        .finally(() => (saveDays.disabled = false));
    });

    const remember = h('input', { type: 'checkbox', id: 'mod-remember' });
    remember.checked = rememberedKey(code) === m.key;
    remember.addEventListener('change', () => {
      if (remember.checked) {
        if (rememberKey(code, m.key)) say('The key is remembered on this computer.');
        else say('This browser does not let the page store the key.', 'error');
      } else {
        forgetKey(code);
        say('The key is no longer stored on this computer.');
      }
    });

    const stop = h('button', { type: 'button' }, 'Stop moderating');
    stop.addEventListener('click', () => {
      announce('Back to the students’ view.');
      void opts.onLock();
    });

    panel.append(
      heading,
      h(
        'p',
        {},
        'You see every run of the class, hidden ones marked “hidden” (students do not see those). Use the Hide and Delete buttons in the table of runs below.',
      ),
      h('div', { class: 'toolbar' }, exportBtn, stop),
      retention,
      h(
        'p',
        { class: 'check' },
        remember,
        h('label', { for: 'mod-remember' }, ' Remember the key on this computer'),
      ),
      status,
      roomSettingsForm(code, m.key),
    );
  }
}
