/**
 * Reading panels as native modal <dialog>s: focus moves in and is trapped by the browser,
 * Escape closes, and focus returns to the button that opened it.
 */
import { h } from './dom';

export interface ReaderHandle {
  dialog: HTMLDialogElement;
  close(): void;
}

let counter = 0;

export function openReader(
  title: string,
  body: Node,
  opts: { onClose?: () => void } = {},
): ReaderHandle {
  const opener = document.activeElement instanceof HTMLElement ? document.activeElement : null;
  const titleId = `reader-title-${++counter}`;
  const closeBtn = h('button', { type: 'button', class: 'btn btn-small', text: 'Close' });
  const dialog = h(
    'dialog',
    { class: 'reader', 'aria-labelledby': titleId },
    h(
      'div',
      { class: 'reader-inner' },
      h('div', { class: 'reader-head' }, h('h2', { id: titleId, text: title }), closeBtn),
      h('div', { class: 'reader-body', tabindex: 0 }, body),
    ),
  );
  const close = (): void => {
    if (dialog.open) dialog.close();
  };
  closeBtn.addEventListener('click', close);
  // A click on the backdrop (outside the inner box) closes too.
  dialog.addEventListener('click', (e) => {
    if (e.target === dialog) close();
  });
  dialog.addEventListener('close', () => {
    dialog.remove();
    opts.onClose?.();
    opener?.focus();
  });
  document.body.appendChild(dialog);
  dialog.showModal();
  closeBtn.focus();
  return { dialog, close };
}
