import { h, type Child } from '../dom';
import { onLangChange, t, tl, type MessageKey } from '../i18n';

let titleKey: MessageKey = 'nav.map';
onLangChange(() => (document.title = `${t(titleKey)} · Jiyn`));

/** The page's heading and lead paragraph; also sets the document title. */
export function pageHeader(key: MessageKey, lead?: MessageKey, ...extra: Child[]): HTMLElement {
  titleKey = key;
  document.title = `${t(key)} · Jiyn`;
  return h(
    'header',
    { class: 'page-header' },
    h('h1', { tabindex: -1 }, tl(key)),
    lead ? h('p', { class: 'lead' }, tl(lead)) : null,
    extra,
  );
}

/** A panel with a heading (level 2). */
export function section(key: MessageKey | null, ...children: Child[]): HTMLElement {
  return h('section', { class: 'panel' }, key ? h('h2', null, tl(key)) : null, children);
}

/** A loading line for a live region. */
export function loading(): HTMLElement {
  return h(
    'p',
    { class: 'muted loading' },
    h('span', { class: 'spinner', 'aria-hidden': 'true' }),
    tl('common.loading'),
  );
}
