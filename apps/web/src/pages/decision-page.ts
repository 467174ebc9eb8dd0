import { ApiError, api, uuid } from '../api';
import { DELIVERY, MOVING_FORMS, OUTCOMES, type Outcome } from '../config';
import { getFiling, refusalGrounds } from '../data';
import { h, nextId, replace } from '../dom';
import { L, t, tl, type MessageKey } from '../i18n';
import { navigate, type PageContext } from '../router';
import { signBytes, signedJsonOf, type Signed } from '../signing';
import type { Filing, RefusalGround, VenueFeature } from '../types';
import { applyFieldErrors, clearFieldErrors, field, input, select } from '../ui/fields';
import { filingFacts, statusPill } from '../ui/filing-view';
import { flash } from '../ui/flash';
import { kzInstant, kzParts } from '../ui/format';
import { localized } from '../ui/labels';
import { loading, pageHeader } from '../ui/page';
import { clearProblem, problemBox, showProblem } from '../ui/problem';
import { session } from '../session';
import { loadVenues } from '../venues';

const QUICK_RESTRICTIONS: MessageKey[] = [
  'decision.r.noSound',
  'decision.r.noStructures',
  'decision.r.noVehicles',
];

/** The officer's answer to one filing: signed like a filing, recorded once. */
export default function decisionPage(root: HTMLElement, ctx: PageContext): void {
  const id = ctx.params.id;
  const body = h('div', { 'aria-live': 'polite' }, loading());
  const problem = problemBox();
  replace(
    root,
    h('p', { class: 'back' }, h('a', { href: '#/queue' }, '← ', tl('nav.queue'))),
    pageHeader('decision.title'),
    problem,
    body,
  );

  void (async () => {
    try {
      const [filing, venues, grounds] = await Promise.all([
        getFiling(id, ctx.signal),
        loadVenues(undefined, ctx.signal)
          .then((v) => v.features)
          .catch(() => [] as VenueFeature[]),
        refusalGrounds().catch(() => [] as RefusalGround[]),
      ]);
      render(filing, venues, grounds);
    } catch (error) {
      if ((error as Error)?.name === 'AbortError') return;
      replace(body);
      showProblem(problem, error);
    }
  })();

  function render(f: Filing, venues: VenueFeature[], grounds: RefusalGround[]) {
    const pending = f.status === 'submitted';
    replace(
      body,
      h(
        'div',
        { class: 'with-aside with-aside--wide' },
        h(
          'section',
          { class: 'panel' },
          h('h2', null, h('span', { class: 'card__number' }, f.number ?? ''), ' ', statusPill(f.status)),
          filingFacts(f, venues, grounds),
        ),
        pending
          ? decisionForm(f, venues, grounds)
          : h('section', { class: 'panel' }, h('p', { class: 'notice' }, tl('problem.not_pending'))),
      ),
    );
  }

  function decisionForm(f: Filing, venues: VenueFeature[], grounds: RefusalGround[]): HTMLElement {
    const name = nextId('outcome');
    const radios = OUTCOMES.map((o) =>
      h('input', { type: 'radio', name, value: o, checked: o === 'approved' }),
    );
    const outcomeGroup = h(
      'fieldset',
      { class: 'field choice-group choice-group--stack', 'data-field': 'outcome' },
      h('legend', null, tl('decision.outcome')),
      h(
        'div',
        { class: 'choices' },
        OUTCOMES.map((o, i) =>
          h(
            'label',
            { class: 'choice' },
            radios[i],
            h('span', { class: 'choice__title' }, tl(`outcome.${o}`)),
          ),
        ),
      ),
      h('p', { class: 'field-error' }),
    );

    // approved_with_restrictions
    const restrictions = h('textarea', { name: 'restrictions', rows: 3 });
    const quick = h(
      'div',
      { class: 'chips' },
      QUICK_RESTRICTIONS.map((k) =>
        h(
          'button',
          {
            type: 'button',
            class: 'chip chip--button',
            onclick: () => {
              const line = t(k);
              const lines = restrictions.value
                .split('\n')
                .map((s) => s.trim())
                .filter(Boolean);
              if (!lines.includes(line)) restrictions.value = [...lines, line].join('\n');
            },
          },
          '+ ',
          tl(k),
        ),
      ),
    );
    const restrictionsBlock = h(
      'div',
      { class: 'outcome-block', 'data-outcome': 'approved_with_restrictions' },
      field('decision.restrictions', restrictions, {
        name: 'restrictions',
        hint: 'decision.restrictionsHint',
      }),
      quick,
    );

    // change_proposed
    const kind = MOVING_FORMS.includes(f.form) ? 'route' : 'place';
    const candidates = venues.filter(
      (v) => v.properties.kind === kind && (!f.jurisdiction || v.properties.jurisdiction === f.jurisdiction),
    );
    const pVenue = select(
      'proposal.venueId',
      candidates.map((v) => ({ value: v.properties.id, label: v.properties.name })),
      f.venueId ?? undefined,
    );
    const starts = f.startsAt ? kzParts(f.startsAt) : { date: '', time: '11:00' };
    const ends = f.endsAt ? kzParts(f.endsAt) : { date: '', time: '13:00' };
    const pDate = input('proposal.date', { type: 'date', value: starts.date });
    const pStart = input('proposal.startsAt', {
      type: 'time',
      value: starts.time,
      min: '09:00',
      max: '20:00',
      step: 900,
    });
    const pEnd = input('proposal.endsAt', {
      type: 'time',
      value: ends.time,
      min: '09:00',
      max: '20:00',
      step: 900,
    });
    const proposalBlock = h(
      'div',
      { class: 'outcome-block', 'data-outcome': 'change_proposed' },
      field('field.venue', pVenue, { name: 'proposal.venueId' }),
      h(
        'div',
        { class: 'form-grid form-grid--3' },
        field('field.date', pDate, { name: 'proposal.date' }),
        field('field.start', pStart, { name: 'proposal.startsAt' }),
        field('field.end', pEnd, { name: 'proposal.endsAt' }),
      ),
    );

    // refused
    const groundBoxes = grounds.map((g) => ({
      code: g.code,
      box: h('input', { type: 'checkbox', name: 'grounds', value: g.code }),
    }));
    const groundsBlock = h(
      'div',
      { class: 'outcome-block', 'data-outcome': 'refused' },
      h(
        'fieldset',
        { class: 'field checks', 'data-field': 'grounds' },
        h('legend', null, tl('decision.grounds')),
        grounds.length
          ? grounds.map((g, i) =>
              h(
                'label',
                { class: 'check check--ground' },
                groundBoxes[i].box,
                h(
                  'span',
                  null,
                  g.article ? h('strong', null, g.article, ' ') : null,
                  L(() => localized(g.title)),
                ),
              ),
            )
          : h('p', { class: 'muted' }, tl('decision.noGrounds')),
        h('p', { class: 'field-error' }),
      ),
    );

    const reason = h('textarea', { name: 'reason', rows: 4 });
    const delivered = select(
      'deliveredVia',
      DELIVERY.map((d) => ({ value: d, label: tl(`delivery.${d}`) })),
      'e_document',
    );
    const submit = h(
      'button',
      { type: 'submit', class: 'btn btn--primary btn--large' },
      tl('decision.submit'),
    );
    const status = h('p', { class: 'status', role: 'status', 'aria-live': 'polite' });
    const formProblem = problemBox();
    const form = h(
      'form',
      { class: 'panel decision-form', novalidate: true },
      h('h2', null, tl('decision.formTitle')),
      outcomeGroup,
      restrictionsBlock,
      proposalBlock,
      groundsBlock,
      field('decision.reason', reason, { name: 'reason', hint: 'decision.reasonHint' }),
      field('decision.deliveredVia', delivered, { name: 'deliveredVia', required: true }),
      formProblem,
      status,
      h('div', { class: 'actions' }, submit),
    );

    const outcome = () => (radios.find((r) => r.checked)?.value ?? 'approved') as Outcome;
    const sync = () => {
      for (const block of form.querySelectorAll<HTMLElement>('.outcome-block'))
        block.hidden = block.dataset.outcome !== outcome();
    };
    for (const r of radios) r.addEventListener('change', sync);
    sync();

    function build(): Record<string, unknown> {
      const o = outcome();
      const b: Record<string, unknown> = { outcome: o, deliveredVia: delivered.value };
      const why = reason.value.trim();
      if (why) b.reason = why;
      if (o === 'approved_with_restrictions') {
        b.restrictions = restrictions.value
          .split('\n')
          .map((s) => s.trim())
          .filter(Boolean);
      }
      if (o === 'change_proposed') {
        b.proposal = {
          venueId: pVenue.value,
          startsAt: kzInstant(pDate.value, pStart.value),
          endsAt: kzInstant(pDate.value, pEnd.value),
        };
      }
      if (o === 'refused') b.grounds = groundBoxes.filter((g) => g.box.checked).map((g) => g.code);
      return b;
    }

    function precheck(b: Record<string, unknown>) {
      const errors: { field: string; code: string; message: string }[] = [];
      if (b.outcome === 'refused') {
        if (!(b.grounds as string[]).length)
          errors.push({ field: 'grounds', code: 'required', message: t('decision.needGround') });
        if (!b.reason) errors.push({ field: 'reason', code: 'required', message: t('decision.needReason') });
      }
      if (b.outcome === 'approved_with_restrictions' && !(b.restrictions as string[]).length) {
        errors.push({ field: 'restrictions', code: 'required', message: t('field.required') });
      }
      if (b.outcome === 'change_proposed') {
        if (!pVenue.value)
          errors.push({ field: 'proposal.venueId', code: 'required', message: t('field.required') });
        if (!pDate.value)
          errors.push({ field: 'proposal.date', code: 'required', message: t('field.required') });
        if (!b.reason) errors.push({ field: 'reason', code: 'required', message: t('decision.needReason') });
      }
      return errors;
    }

    let attempt: { canonical: string; key: string; signed?: Signed } | null = null;
    let busy = false;
    let closed = false; // answered elsewhere meanwhile (409 not_pending)
    form.addEventListener('submit', async (e) => {
      e.preventDefault();
      if (busy || closed) return;
      clearProblem(formProblem);
      clearFieldErrors(form);
      const b = build();
      const missing = precheck(b);
      if (missing.length) {
        applyFieldErrors(form, missing);
        return;
      }
      const canonical = signedJsonOf(b);
      if (!attempt || attempt.canonical !== canonical) attempt = { canonical, key: uuid() };
      const current = attempt;
      busy = true;
      submit.disabled = true;
      try {
        if (!current.signed) {
          replace(status, tl('file.signing'));
          const me = session()?.user;
          current.signed = await signBytes(
            new TextEncoder().encode(canonical),
            'sign',
            me ? { iin: me.iin, fullName: me.fullName } : undefined,
          );
        }
        replace(status, tl('file.sending'));
        await api.post(
          `/filings/${encodeURIComponent(f.id)}/decision`,
          { ...b, signature: current.signed.envelope },
          { idempotencyKey: current.key, signal: ctx.signal },
        );
        flash(
          'ok',
          tl('decision.done', { number: f.number ?? '' }),
          ' ',
          current.signed.method === 'stub' ? tl('sign.withStub') : tl('sign.withNcaLayer'),
        );
        navigate('#/queue');
      } catch (error) {
        if ((error as Error)?.name === 'AbortError') return;
        replace(status);
        if (error instanceof ApiError && error.status >= 400 && error.status < 500) attempt = null;
        else if (!(error instanceof ApiError)) current.signed = undefined;
        const unplaced = error instanceof ApiError ? applyFieldErrors(form, error.errors) : [];
        showProblem(formProblem, error, unplaced);
        if (error instanceof ApiError && error.code === 'not_pending') {
          closed = true;
          formProblem.append(h('p', null, h('a', { href: '#/queue' }, '← ', tl('nav.queue'))));
        }
        formProblem.focus();
      } finally {
        busy = false;
        submit.disabled = closed;
      }
    });
    return form;
  }
}
