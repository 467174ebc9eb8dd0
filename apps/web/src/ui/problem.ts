import { ApiError } from '../api';
import { h, replace } from '../dom';
import { has, L, t, type Live, type MessageKey } from '../i18n';
import { SigningCancelled, SigningFailed } from '../signing/types';

/** What to tell a person about an error: a sentence in their language and the server's detail. */
export function describe(error: unknown): { message: string; detail?: string } {
  if (error instanceof SigningCancelled) return { message: t('sign.cancelled') };
  if (error instanceof SigningFailed) return { message: t('sign.failed'), detail: error.message };
  if (!(error instanceof ApiError)) {
    return { message: t('problem.generic'), detail: error instanceof Error ? error.message : undefined };
  }
  if (error.status === 0) return { message: t('problem.network') };
  if (error.endpointMissing) return { message: t('problem.unavailable') };
  if (error.status >= 500) {
    return { message: t('problem.server', { id: String(error.body.correlationId ?? '') }) };
  }
  const key = `problem.${error.code}`;
  if (has(key)) return { message: t(key as MessageKey), detail: error.detail };
  return { message: error.detail ?? t('problem.generic') };
}

/** A live-translated description (follows the language switcher). */
export function describeLive(error: unknown): Live {
  return L(() => describe(error).message);
}

/**
 * Shows a problem in `box` (an aria-live region): the message, the server's detail in smaller
 * type, and field errors that have no field on the page.
 */
export function showProblem(
  box: HTMLElement,
  error: unknown,
  unplacedFieldErrors: { field: string; message: string }[] = [],
): void {
  const { message, detail } = describe(error);
  box.hidden = false;
  box.className = 'problem';
  replace(
    box,
    h('p', { class: 'problem__message' }, message),
    detail && detail !== message ? h('p', { class: 'problem__detail' }, detail) : null,
    unplacedFieldErrors.length
      ? h(
          'ul',
          { class: 'problem__list' },
          unplacedFieldErrors.map((e) => h('li', null, h('code', null, e.field), ': ', e.message)),
        )
      : null,
  );
}

export function clearProblem(box: HTMLElement): void {
  box.hidden = true;
  box.replaceChildren();
}

/** An empty live region for problems; put it near the action that may fail. */
export function problemBox(): HTMLDivElement {
  return h('div', { class: 'problem', role: 'alert', 'aria-live': 'assertive', tabindex: -1, hidden: true });
}
