import { h, replace, type Child } from '../dom';
import { tl } from '../i18n';

let region: HTMLElement | null = null;
let timer: number | undefined;

/** The polite live region under the top bar for messages that outlive a navigation. */
export function flashRegion(): HTMLElement {
  region = h('div', { class: 'flash-region', role: 'status', 'aria-live': 'polite' });
  return region;
}

/** Shows a message for a while (it survives the next navigation). */
export function flash(kind: 'ok' | 'warn' | 'info', ...message: Child[]): void {
  if (!region) return;
  window.clearTimeout(timer);
  const close = h(
    'button',
    {
      type: 'button',
      class: 'flash__close',
      'aria-label': tl('common.close'),
      onclick: () => replace(region!),
    },
    '×',
  );
  replace(
    region,
    h('div', { class: `flash flash--${kind}` }, h('div', { class: 'flash__text' }, message), close),
  );
  timer = window.setTimeout(() => region && replace(region), 12_000);
}
