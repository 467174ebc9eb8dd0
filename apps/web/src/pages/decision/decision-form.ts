import { ApiError } from '../../api';
import { DELIVERY, MOVING_FORMS, OUTCOMES, type Outcome } from '../../config';
import { h, nextId, replace } from '../../dom';
import { L, t, tl, type MessageKey } from '../../i18n';
import { navigate } from '../../router';
import { session } from '../../session';
import { SignedRequest } from '../../signing/signed-request';
import type { Filing, RefusalGround, VenueFeature } from '../../types';
import { applyFieldErrors, clearFieldErrors, field, input, select } from '../../ui/fields';
import { flash } from '../../ui/flash';
import { kzInstant, kzParts } from '../../ui/format';
import { localized } from '../../ui/labels';
import { clearProblem, problemBox, showProblem } from '../../ui/problem';

type FieldError = { field: string; code: string; message: string };

const QUICK_RESTRICTIONS: MessageKey[] = [
  'decision.r.noSound',
  'decision.r.noStructures',
  'decision.r.noVehicles',
];

/**
 * The answer: approve, approve with restrictions, propose another place or time, or refuse on
 * grounds of Art. 14(1) with reasons; how it was delivered. Signed like a filing, recorded once.
 */
export function decisionForm(
  f: Filing,
  venues: VenueFeature[],
  grounds: RefusalGround[],
  signal: AbortSignal,
): HTMLElement {
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
        h('label', { class: 'choice' }, radios[i], h('span', { class: 'choice__title' }, tl(`outcome.${o}`))),
      ),
    ),
    h('p', { class: 'field-error' }),
  );

  const restrictions = restrictionsBlock();
  const proposal = proposalBlock(f, venues);
  const refusal = groundsBlock(grounds);
  const reason = h('textarea', { name: 'reason', rows: 4 });
  const delivered = select(
    'deliveredVia',
    DELIVERY.map((d) => ({ value: d, label: tl(`delivery.${d}`) })),
    'e_document',
  );
  const submit = h('button', { type: 'submit', class: 'btn btn--primary btn--large' }, tl('decision.submit'));
  const status = h('p', { class: 'status', role: 'status', 'aria-live': 'polite' });
  const problem = problemBox();
  const form = h(
    'form',
    { class: 'panel decision-form', novalidate: true },
    h('h2', null, tl('decision.formTitle')),
    outcomeGroup,
    restrictions.el,
    proposal.el,
    refusal.el,
    field('decision.reason', reason, { name: 'reason', hint: 'decision.reasonHint' }),
    field('decision.deliveredVia', delivered, { name: 'deliveredVia', required: true }),
    problem,
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

  /** The decision body (API.md): only the members the chosen outcome uses. */
  function build(): Record<string, unknown> {
    const o = outcome();
    const b: Record<string, unknown> = { outcome: o, deliveredVia: delivered.value };
    const why = reason.value.trim();
    if (why) b.reason = why;
    if (o === 'approved_with_restrictions') b.restrictions = restrictions.value();
    if (o === 'change_proposed') b.proposal = proposal.value();
    if (o === 'refused') b.grounds = refusal.value();
    return b;
  }

  function precheck(b: Record<string, unknown>): FieldError[] {
    const errors: FieldError[] = [];
    const need = (field: string, message = t('field.required')) =>
      errors.push({ field, code: 'required', message });
    if (b.outcome === 'refused') {
      if (!(b.grounds as string[]).length) need('grounds', t('decision.needGround'));
      if (!b.reason) need('reason', t('decision.needReason'));
    }
    if (b.outcome === 'approved_with_restrictions' && !(b.restrictions as string[]).length)
      need('restrictions');
    if (b.outcome === 'change_proposed') {
      errors.push(...proposal.missing());
      if (!b.reason) need('reason', t('decision.needReason'));
    }
    return errors;
  }

  const request = new SignedRequest(
    () => `/filings/${encodeURIComponent(f.id)}/decision`,
    () => {
      const me = session()?.user;
      return me ? { iin: me.iin, fullName: me.fullName } : undefined;
    },
  );
  let closed = false; // answered elsewhere meanwhile (409 not_pending)

  form.addEventListener('submit', async (e) => {
    e.preventDefault();
    if (request.inFlight || closed) return;
    clearProblem(problem);
    clearFieldErrors(form);
    const b = build();
    const missing = precheck(b);
    if (missing.length) {
      applyFieldErrors(form, missing);
      return;
    }
    submit.disabled = true;
    try {
      const sent = await request.send(b, {
        signal,
        onStage: (stage) => replace(status, tl(stage === 'signing' ? 'file.signing' : 'file.sending')),
      });
      if (!sent) return;
      flash(
        'ok',
        tl('decision.done', { number: f.number ?? '' }),
        ' ',
        sent.signed.method === 'stub' ? tl('sign.withStub') : tl('sign.withNcaLayer'),
      );
      navigate('#/queue');
    } catch (error) {
      if ((error as Error)?.name === 'AbortError') return;
      replace(status);
      const unplaced = error instanceof ApiError ? applyFieldErrors(form, error.errors) : [];
      showProblem(problem, error, unplaced);
      if (error instanceof ApiError && error.code === 'not_pending') {
        closed = true;
        problem.append(h('p', null, h('a', { href: '#/queue' }, '← ', tl('nav.queue'))));
      }
      problem.focus();
    } finally {
      submit.disabled = closed;
    }
  });
  return form;
}

function restrictionsBlock() {
  const text = h('textarea', { name: 'restrictions', rows: 3 });
  const lines = () =>
    text.value
      .split('\n')
      .map((s) => s.trim())
      .filter(Boolean);
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
            if (!lines().includes(t(k))) text.value = [...lines(), t(k)].join('\n');
          },
        },
        '+ ',
        tl(k),
      ),
    ),
  );
  return {
    el: h(
      'div',
      { class: 'outcome-block', 'data-outcome': 'approved_with_restrictions' },
      field('decision.restrictions', text, { name: 'restrictions', hint: 'decision.restrictionsHint' }),
      quick,
    ),
    value: lines,
  };
}

/** Another place (of the same kind, in the filing's jurisdiction) and time. */
function proposalBlock(f: Filing, venues: VenueFeature[]) {
  const kind = MOVING_FORMS.includes(f.form) ? 'route' : 'place';
  const candidates = venues.filter(
    (v) => v.properties.kind === kind && (!f.jurisdiction || v.properties.jurisdiction === f.jurisdiction),
  );
  const venue = select(
    'proposal.venueId',
    candidates.map((v) => ({ value: v.properties.id, label: v.properties.name })),
    f.venueId ?? undefined,
  );
  const starts = f.startsAt ? kzParts(f.startsAt) : { date: '', time: '11:00' };
  const ends = f.endsAt ? kzParts(f.endsAt) : { date: '', time: '13:00' };
  const date = input('proposal.date', { type: 'date', value: starts.date });
  const start = input('proposal.startsAt', {
    type: 'time',
    value: starts.time,
    min: '09:00',
    max: '20:00',
    step: 900,
  });
  const end = input('proposal.endsAt', {
    type: 'time',
    value: ends.time,
    min: '09:00',
    max: '20:00',
    step: 900,
  });
  return {
    el: h(
      'div',
      { class: 'outcome-block', 'data-outcome': 'change_proposed' },
      field('field.venue', venue, { name: 'proposal.venueId' }),
      h(
        'div',
        { class: 'form-grid form-grid--3' },
        field('field.date', date, { name: 'proposal.date' }),
        field('field.start', start, { name: 'proposal.startsAt' }),
        field('field.end', end, { name: 'proposal.endsAt' }),
      ),
    ),
    value: () => ({
      venueId: venue.value,
      startsAt: kzInstant(date.value, start.value),
      endsAt: kzInstant(date.value, end.value),
    }),
    missing: (): FieldError[] =>
      [
        [venue.value, 'proposal.venueId'],
        [date.value, 'proposal.date'],
      ]
        .filter(([v]) => !v)
        .map(([, field]) => ({ field, code: 'required', message: t('field.required') })),
  };
}

/** The grounds of Art. 14(1), titled in the UI language. */
function groundsBlock(grounds: RefusalGround[]) {
  const boxes = grounds.map((g) => ({
    code: g.code,
    box: h('input', { type: 'checkbox', name: 'grounds', value: g.code }),
  }));
  return {
    el: h(
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
                boxes[i].box,
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
    ),
    value: () => boxes.filter((g) => g.box.checked).map((g) => g.code),
  };
}
