import { api } from '../api';
import { h, type Child } from '../dom';
import { L, tl, tn, type MessageKey } from '../i18n';
import type { DeadlinesResponse } from '../types';
import { formatDate, formatInstant, relative, relativeDate, todayKz } from './format';
import { label } from './labels';

export function fetchDeadlines(
  query: { form: string; date: string; jurisdiction: string; registeredAt?: string },
  signal?: AbortSignal,
): Promise<DeadlinesResponse> {
  return api.get<DeadlinesResponse>('/deadlines', { query, signal, auth: false });
}

/** A local date as <time>, in words, with the ISO date alongside for precision. */
export function dateEl(date: string | undefined | null, testId?: string): HTMLElement {
  if (!date) return h('span', null, '—');
  return h(
    'time',
    { datetime: date, 'data-testid': testId ?? null },
    L(() => formatDate(date)),
  );
}

export function instantEl(iso: string | undefined | null, withRelative = false): HTMLElement {
  if (!iso) return h('span', null, '—');
  return h(
    'span',
    null,
    h(
      'time',
      { datetime: iso },
      L(() => formatInstant(iso)),
    ),
    withRelative
      ? h(
          'span',
          { class: 'muted' },
          ' (',
          L(() => relative(iso)),
          ')',
        )
      : null,
  );
}

function row(key: MessageKey, ...value: Child[]) {
  return [h('dt', null, tl(key)), h('dd', null, value)];
}

/** The legal deadlines of an assembly, as a definition list. */
export function deadlinesView(d: DeadlinesResponse): HTMLElement {
  const late = d.fileBy < todayKz();
  return h(
    'div',
    { class: 'deadlines', 'data-testid': 'deadlines' },
    h(
      'p',
      { class: `deadlines__headline ${late ? 'deadlines__headline--late' : ''}` },
      tl('deadlines.fileBy'),
      ' ',
      h('strong', null, dateEl(d.fileBy, 'file-by')),
      h(
        'span',
        { class: 'iso' },
        d.fileBy,
        ' · ',
        L(() => relativeDate(d.fileBy)),
      ),
    ),
    late ? h('p', { class: 'notice notice--warn' }, tl('deadlines.passed')) : null,
    h(
      'dl',
      { class: 'facts' },
      row(
        'deadlines.procedure',
        L(() => label('procedure', d.procedure)),
      ),
      row('deadlines.assemblyDate', dateEl(d.assemblyDate)),
      row(
        'deadlines.answerDays',
        h(
          'span',
          { 'data-testid': 'answer-days' },
          L(() => tn('deadlines.workingDays', d.answerWorkingDays)),
        ),
      ),
      row(
        'deadlines.silence',
        h(
          'span',
          { 'data-testid': 'deemed-approval' },
          d.deemedApproval ? tl('deadlines.deemedYes') : tl('deadlines.deemedNo'),
        ),
      ),
      d.registrationDate ? row('deadlines.registrationDate', dateEl(d.registrationDate)) : null,
      d.answerDueBy ? row('deadlines.answerDueBy', dateEl(d.answerDueBy)) : null,
      d.answerDeadline ? row('deadlines.answerDeadline', instantEl(d.answerDeadline)) : null,
      d.deemedApprovedAt ? row('deadlines.deemedApprovedAt', instantEl(d.deemedApprovedAt)) : null,
    ),
  );
}
