/**
 * Small building blocks for the order and trade panels: labelled sections, segmented choices
 * (buttons with aria-pressed), number fields, and the polite error slot shown next to a control.
 */
import { h } from './dom';

export type Act = (group: string, action: import('../engine/types').Action) => boolean;

export interface PanelContext {
  act: Act;
  /** Errors by control group, shown next to the control that caused them. */
  errors: ReadonlyMap<string, string>;
  /** The sector selected on the map or in a form (forms start on it). */
  sector: string | null;
  onSector(id: string): void;
}

/** A section of a panel with a heading. */
export function section(
  id: string,
  title: string,
  ...children: (Node | null | false | undefined)[]
): HTMLElement {
  return h(
    'section',
    { class: 'panel-section', 'aria-labelledby': `${id}-title` },
    h('h3', { id: `${id}-title` }, title),
    ...children.filter((c): c is Node => !!c),
  );
}

/** The error of a control group, next to it ("politely": a status, not an alarm). */
export function errorSlot(ctx: PanelContext, group: string): HTMLElement {
  const msg = ctx.errors.get(group) ?? '';
  return h(
    'p',
    { class: 'field-error', id: `err-${group}`, 'aria-live': 'polite', hidden: msg === '' },
    msg,
  );
}

export interface SegOption<T extends string | number | boolean> {
  value: T;
  label: string;
}

/** A set of buttons, one pressed: choosing another gives an order at once. */
export function segmented<T extends string | number | boolean>(
  id: string,
  label: string,
  options: SegOption<T>[],
  current: T,
  onChoose: (v: T) => void,
): HTMLElement {
  return h(
    'div',
    { class: 'segmented', role: 'group', 'aria-label': label },
    ...options.map((o) => {
      const pressed = o.value === current;
      const b = h(
        'button',
        {
          type: 'button',
          class: 'seg-btn',
          id: `${id}-${String(o.value)}`,
          'aria-pressed': String(pressed),
        },
        o.label,
      );
      b.addEventListener('click', () => {
        if (!pressed) onChoose(o.value);
      });
      return b;
    }),
  );
}

/** A labelled whole-number input. */
export function numberField(
  id: string,
  label: string,
  opts: { min?: number; max?: number; value?: number; hint?: string } = {},
): {
  element: HTMLElement;
  input: HTMLInputElement;
  value(): number;
} {
  const input = h('input', {
    id,
    class: 'input input-number',
    type: 'number',
    inputmode: 'numeric',
    step: 1,
    min: opts.min ?? 0,
    max: opts.max,
    value: opts.value ?? '',
    'aria-describedby': opts.hint ? `${id}-hint` : null,
  });
  const element = h(
    'div',
    { class: 'num-field' },
    h('label', { for: id }, label),
    input,
    opts.hint ? h('span', { class: 'muted small', id: `${id}-hint` }, opts.hint) : null,
  );
  return {
    element,
    input,
    value: () => {
      const n = Number(input.value);
      return Number.isFinite(n) ? Math.trunc(n) : NaN;
    },
  };
}

export function button(
  id: string,
  label: string,
  onClick: () => void,
  opts: { primary?: boolean; disabled?: boolean; describedBy?: string } = {},
): HTMLButtonElement {
  const b = h(
    'button',
    {
      type: 'button',
      id,
      class: `btn btn-small${opts.primary ? ' btn-primary' : ''}`,
      disabled: opts.disabled ?? false,
      'aria-describedby': opts.describedBy,
    },
    label,
  );
  b.addEventListener('click', onClick);
  return b;
}

export function para(text: string, cls = 'muted small'): HTMLParagraphElement {
  return h('p', { class: cls }, text);
}

/** A definition list of facts. */
export function facts(rows: [string, string | Node][]): HTMLElement {
  return h('dl', { class: 'facts' }, ...rows.flatMap(([k, v]) => [h('dt', {}, k), h('dd', {}, v)]));
}
