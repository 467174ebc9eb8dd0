import { ApiError } from '../../api';
import { h, replace } from '../../dom';
import { L, t, tl } from '../../i18n';
import type { PageContext } from '../../router';
import { session } from '../../session';
import type { Signed } from '../../signing';
import { SignedRequest } from '../../signing/signed-request';
import type { Alternative, FilingCreated } from '../../types';
import { dateEl, deadlinesView, fetchDeadlines, instantEl } from '../../ui/deadlines-view';
import { applyFieldErrors, clearFieldErrors } from '../../ui/fields';
import { formatRange, kzParts } from '../../ui/format';
import { label } from '../../ui/labels';
import { clearDraft, loadDraft, restoreDraft, saveDraft } from '../../ui/draft';
import { pageHeader } from '../../ui/page';
import { clearProblem, describe, problemBox, showProblem } from '../../ui/problem';
import { venueName } from '../../venues';
import { createFilingForm, type FilingBody } from './filing-form';

/** The organizer's notification or application, signed and filed. */
export default function filePage(root: HTMLElement, ctx: PageContext): void {
  const user = session()!.user;
  const fromMap = ctx.query.get('venue');
  const draft = fromMap ? null : loadDraft('filing');
  const form = createFilingForm(
    {
      form: ctx.query.get('form') ?? (draft?.form as string | undefined),
      jurisdiction: ctx.query.get('j') ?? (draft?.jurisdiction as string | undefined),
      venueId: fromMap ?? (draft?.venueId as string | undefined),
      user,
    },
    ctx.signal,
  );
  if (draft) restoreDraft(form.el, draft, ['form', 'jurisdiction', 'venueId', 'organizer.iin']);
  const keep = () => saveDraft('filing', form.el);
  form.el.addEventListener('input', keep);
  form.el.addEventListener('change', keep);
  const problem = problemBox();
  const status = h('p', { class: 'status', role: 'status', 'aria-live': 'polite' });
  const deadlines = h('div', { class: 'deadline-live', 'aria-live': 'polite' });
  const aside = h(
    'aside',
    { class: 'panel side-panel', 'aria-labelledby': 'file-deadlines-title' },
    h('h2', { id: 'file-deadlines-title' }, tl('file.deadlinesTitle')),
    deadlines,
  );
  form.el.querySelector('.actions')!.before(problem, status);

  replace(root, pageHeader('file.title', 'file.lead'), h('div', { class: 'with-aside' }, form.el, aside));

  // --- the legal deadlines, live ---
  let dlController: AbortController | null = null;
  let dlTimer: number | undefined;
  function refreshDeadlines() {
    window.clearTimeout(dlTimer);
    dlTimer = window.setTimeout(async () => {
      const query = form.deadlineQuery();
      if (!query) {
        replace(deadlines, h('p', { class: 'muted' }, tl('file.deadlinesPick')));
        return;
      }
      dlController?.abort();
      dlController = new AbortController();
      try {
        const d = await fetchDeadlines(query, AbortSignal.any([ctx.signal, dlController.signal]));
        replace(deadlines, deadlinesView(d));
      } catch (error) {
        if ((error as Error)?.name === 'AbortError') return;
        replace(
          deadlines,
          h(
            'p',
            { class: 'muted' },
            L(() => describe(error).message),
          ),
        );
      }
    }, 250);
  }
  form.onDeadlineInputs(refreshDeadlines);
  refreshDeadlines();
  ctx.onCleanup(() => window.clearTimeout(dlTimer));

  // --- submission ---
  const request = new SignedRequest(
    () => '/filings',
    () => ({ iin: user.iin, fullName: user.fullName }),
  );

  form.el.addEventListener('submit', async (event) => {
    event.preventDefault();
    if (request.inFlight) return; // a double click sends once
    clearProblem(problem);
    clearFieldErrors(form.el);
    const missing = form.precheck();
    if (missing.length) {
      applyFieldErrors(form.el, missing);
      replace(status, tl('file.fixFields'));
      return;
    }
    const body = form.read();
    form.submit.disabled = true;
    form.submit.setAttribute('aria-busy', 'true');
    try {
      const sent = await request.send<FilingCreated>(body, {
        signal: ctx.signal,
        onStage: (stage) => replace(status, tl(stage === 'signing' ? 'file.signing' : 'file.sending')),
      });
      if (!sent) return;
      replace(status);
      clearDraft('filing');
      showCreated(sent.result, body, sent.signed);
    } catch (error) {
      if ((error as Error)?.name === 'AbortError') return;
      replace(status);
      handleProblem(error);
    } finally {
      form.submit.disabled = false;
      form.submit.removeAttribute('aria-busy');
    }
  });

  function handleProblem(error: unknown) {
    if (!(error instanceof ApiError)) {
      showProblem(problem, error);
      return;
    }
    const unplaced = applyFieldErrors(form.el, error.errors);
    showProblem(problem, error, unplaced);
    if (error.code === 'filing_late' && typeof error.body.fileBy === 'string') {
      problem.append(
        h('p', null, tl('file.lateFileBy'), ' ', h('strong', null, dateEl(error.body.fileBy as string))),
      );
    }
    if (error.code === 'venue_unavailable' && Array.isArray(error.body.alternatives)) {
      problem.append(alternativesView(error.body.alternatives as Alternative[]));
    }
    if (error.status === 401) {
      problem.append(
        h('p', null, h('a', { href: `#/signin?next=${encodeURIComponent('#/file')}` }, tl('nav.signin'))),
      );
    }
    if (!error.errors.length) problem.focus();
  }

  function alternativesView(alternatives: Alternative[]) {
    if (!alternatives.length) return h('p', null, tl('file.noAlternatives'));
    return h(
      'div',
      { class: 'alternatives' },
      h('p', null, tl('file.alternatives')),
      h(
        'ul',
        { class: 'alt-list' },
        alternatives.map((alt) => {
          const name = alt.venueName ?? venueName(form.venues(), alt.venueId) ?? t('file.venueAuto');
          return h(
            'li',
            null,
            h(
              'button',
              {
                type: 'button',
                class: 'btn btn--alt',
                'data-venue-id': alt.venueId,
                onclick: () => {
                  const s = kzParts(alt.startsAt);
                  const e = kzParts(alt.endsAt);
                  form.useSlot({ venueId: alt.venueId, date: s.date, start: s.time, end: e.time });
                  clearProblem(problem);
                  replace(status, tl('file.slotApplied'));
                  form.submit.focus();
                },
              },
              h('span', { class: 'btn--alt__name' }, name),
              h(
                'span',
                { class: 'btn--alt__when' },
                L(() => formatRange(alt.startsAt, alt.endsAt)),
              ),
            ),
          );
        }),
      ),
    );
  }

  function showCreated(created: FilingCreated, body: FilingBody, signed: Signed) {
    const d = created.deadlines ?? {};
    replace(
      root,
      pageHeader('file.doneTitle'),
      h(
        'section',
        { class: 'panel panel--success', 'data-testid': 'filing-created' },
        h('p', { class: 'big-number' }, tl('file.number'), ' ', h('strong', null, created.number)),
        h(
          'p',
          null,
          h(
            'span',
            { class: `status-pill status-pill--${created.status}` },
            L(() => label('status', created.status)),
          ),
        ),
        h(
          'dl',
          { class: 'facts' },
          h('dt', null, tl('field.form')),
          h(
            'dd',
            null,
            L(() => label('form', created.form)),
            ' · ',
            L(() => label('procedure', created.procedure)),
          ),
          h('dt', null, tl('field.when')),
          h(
            'dd',
            null,
            L(() => formatRange(body.startsAt, body.endsAt)),
          ),
          h('dt', null, tl('deadlines.registrationDate')),
          h('dd', null, dateEl(created.registrationDate)),
          h('dt', null, tl('deadlines.answerDueBy')),
          h('dd', null, dateEl(d.answerDueBy)),
          h('dt', null, tl('deadlines.answerDeadline')),
          h('dd', null, instantEl(d.answerDeadline, true)),
          d.deemedApprovedAt
            ? [h('dt', null, tl('deadlines.deemedApprovedAt')), h('dd', null, instantEl(d.deemedApprovedAt))]
            : null,
        ),
        h(
          'p',
          { class: signed.method === 'stub' ? 'notice notice--warn' : 'notice notice--ok' },
          signed.method === 'stub' ? tl('sign.withStub') : tl('sign.withNcaLayer'),
        ),
        h(
          'div',
          { class: 'actions' },
          h(
            'a',
            { class: 'btn btn--primary', href: `#/my/${encodeURIComponent(created.id)}` },
            tl('file.openFiling'),
          ),
          h('a', { class: 'btn', href: '#/my' }, tl('nav.my')),
        ),
      ),
    );
    root.querySelector('h1')?.focus();
  }
}
