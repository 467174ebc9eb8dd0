import type { FieldError } from '../api';
import { h, nextId, type Child } from '../dom';
import { tl, type Live, type MessageKey } from '../i18n';

type Control = HTMLInputElement | HTMLSelectElement | HTMLTextAreaElement;

export interface FieldOptions {
  /** The dotted path the api uses in `errors[].field` (organizer.iin); errors land here. */
  name?: string;
  hint?: MessageKey | Live;
  required?: boolean;
  class?: string;
}

/** A labelled control with a hint and an error slot, wired with for/id and aria-describedby. */
export function field(
  labelKey: MessageKey | Live,
  control: Control,
  options: FieldOptions = {},
): HTMLDivElement {
  const id = control.id || nextId('field');
  control.id = id;
  if (options.name && !control.name) control.name = options.name;
  if (options.required) control.required = true;
  const hintId = `${id}-hint`;
  const errorId = `${id}-error`;
  const described = [options.hint ? hintId : null, errorId].filter(Boolean).join(' ');
  control.setAttribute('aria-describedby', described);
  const text = typeof labelKey === 'string' ? tl(labelKey) : labelKey;
  return h(
    'div',
    { class: `field ${options.class ?? ''}`.trim(), 'data-field': options.name ?? control.name },
    h(
      'label',
      { for: id },
      text,
      options.required ? h('span', { class: 'req', 'aria-hidden': 'true' }, ' *') : null,
    ),
    control,
    options.hint
      ? h(
          'p',
          { class: 'hint', id: hintId },
          typeof options.hint === 'string' ? tl(options.hint) : options.hint,
        )
      : null,
    h('p', { class: 'field-error', id: errorId }),
  );
}

export interface Option {
  value: string;
  label: Child;
  disabled?: boolean;
}

export function select(name: string, options: Option[], value?: string): HTMLSelectElement {
  const el = h('select', { name });
  setOptions(el, options, value);
  return el;
}

export function setOptions(el: HTMLSelectElement, options: Option[], value?: string): void {
  el.replaceChildren(
    ...options.map((o) => h('option', { value: o.value, disabled: o.disabled ?? false }, o.label)),
  );
  if (value !== undefined && options.some((o) => o.value === value)) el.value = value;
}

export function input(
  name: string,
  attrs: Record<string, string | number | boolean | undefined> = {},
): HTMLInputElement {
  return h('input', { name, type: 'text', ...attrs });
}

/** A checkbox with its label on the right, as one large touch target. */
export function checkbox(
  name: string,
  labelKey: MessageKey | Live,
  checked = false,
): { wrap: HTMLLabelElement; box: HTMLInputElement } {
  const box = h('input', { type: 'checkbox', name, checked });
  const wrap = h(
    'label',
    { class: 'check', 'data-field': name },
    box,
    h('span', null, typeof labelKey === 'string' ? tl(labelKey) : labelKey),
  );
  return { wrap, box };
}

/**
 * Puts each field error next to its field (matching the dotted path, or its nearest parent on the
 * page); returns the errors that have no place on the page. Focuses the first invalid control.
 */
export function applyFieldErrors(form: HTMLElement, errors: FieldError[]): FieldError[] {
  clearFieldErrors(form);
  const unplaced: FieldError[] = [];
  let first: HTMLElement | null = null;
  for (const error of errors) {
    const wrap = findField(form, error.field);
    if (!wrap) {
      unplaced.push(error);
      continue;
    }
    wrap.classList.add('field--invalid');
    const slot =
      wrap.querySelector<HTMLElement>(':scope > .field-error') ??
      wrap.appendChild(h('span', { class: 'field-error' }));
    slot.textContent = slot.textContent ? `${slot.textContent} ${error.message}` : error.message;
    const control = wrap.querySelector<HTMLElement>('input, select, textarea');
    control?.setAttribute('aria-invalid', 'true');
    if (!first && control) first = control;
  }
  first?.focus();
  return unplaced;
}

function findField(form: HTMLElement, path: string): HTMLElement | null {
  const parts = path.split('.');
  for (let n = parts.length; n > 0; n--) {
    const name = parts.slice(0, n).join('.');
    const wrap = form.querySelector<HTMLElement>(`[data-field="${CSS.escape(name)}"]`);
    if (wrap && !wrap.closest('[hidden]')) return wrap;
  }
  return null;
}

export function clearFieldErrors(form: HTMLElement): void {
  for (const wrap of form.querySelectorAll<HTMLElement>('.field--invalid'))
    wrap.classList.remove('field--invalid');
  for (const slot of form.querySelectorAll<HTMLElement>('.field-error')) slot.textContent = '';
  for (const c of form.querySelectorAll('[aria-invalid]')) c.removeAttribute('aria-invalid');
}
