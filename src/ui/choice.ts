/**
 * A modal choice as a native <dialog>: a title, a body, and buttons. Focus moves to the first
 * (or the primary) button, is trapped by the browser, and returns to the opener on close; Escape
 * is the same as the last ("cancel") choice.
 */
import { h } from './dom';

export interface ChoiceButton {
  label: string;
  primary?: boolean;
  /** Returns false to keep the dialog open. */
  onChoose?: () => void | boolean;
}

export interface ChoiceHandle {
  dialog: HTMLDialogElement;
  close(): void;
}

let counter = 0;

export function openChoice(opts: {
  title: string;
  body: Node;
  buttons: ChoiceButton[];
  /** Called when closed by Escape (after which the last button's onChoose is not called). */
  onCancel?: () => void;
  className?: string;
  /** Focus this button index first (default: the primary, else the first). */
  focus?: number;
  /** Do not give focus back to the opener (the caller moves it). */
  keepFocus?: boolean;
}): ChoiceHandle {
  const opener = document.activeElement instanceof HTMLElement ? document.activeElement : null;
  const titleId = `choice-title-${++counter}`;
  const bodyId = `choice-body-${counter}`;
  let chosen = false;
  const buttons = opts.buttons.map((b) => {
    const el = h(
      'button',
      { type: 'button', class: `btn${b.primary ? ' btn-primary' : ''}` },
      b.label,
    );
    el.addEventListener('click', () => {
      const keep = b.onChoose?.() === false;
      if (keep) return;
      chosen = true;
      close();
    });
    return el;
  });
  const dialog = h(
    'dialog',
    {
      class: `reader choice ${opts.className ?? ''}`,
      'aria-labelledby': titleId,
      'aria-describedby': bodyId,
    },
    h(
      'div',
      { class: 'reader-inner' },
      h('div', { class: 'reader-head' }, h('h2', { id: titleId }, opts.title)),
      h('div', { class: 'reader-body', id: bodyId }, opts.body),
      h('div', { class: 'choice-buttons' }, ...buttons),
    ),
  );
  const close = (): void => {
    if (dialog.open) dialog.close();
  };
  dialog.addEventListener('close', () => {
    dialog.remove();
    if (!chosen) opts.onCancel?.();
    if (!opts.keepFocus && opener?.isConnected) opener.focus();
  });
  document.body.appendChild(dialog);
  dialog.showModal();
  const primary = opts.buttons.findIndex((b) => b.primary);
  (buttons[opts.focus ?? (primary >= 0 ? primary : 0)] ?? buttons[0])?.focus();
  return { dialog, close };
}

/** Offers a text file for download (a game record, a damaged save). */
export function downloadText(fileName: string, text: string, type = 'application/json'): void {
  const url = URL.createObjectURL(new Blob([text], { type }));
  const a = h('a', { href: url, download: fileName, class: 'visually-hidden' });
  document.body.appendChild(a);
  a.click();
  a.remove();
  setTimeout(() => URL.revokeObjectURL(url), 10_000);
}
