import { h, type Child } from '../dom';
import { L, tl, type MessageKey } from '../i18n';
import type { Filing, FilingStatus, RefusalGround, VenueFeature } from '../types';
import { dateEl, instantEl } from './deadlines-view';
import { formatNumber, formatRange, relative } from './format';
import { cityLabel, label, localized } from './labels';

/** The place or route of a filing, by whatever the api gave and the venue list. */
export function filingVenue(f: Partial<Filing> & { place?: string }, venues: VenueFeature[] = []): string {
  if (f.venue?.name) return f.venue.name;
  if (f.venueName) return f.venueName;
  if (f.place) return f.place;
  const hit = venues.find((v) => v.properties.id === f.venueId);
  if (hit) return hit.properties.name;
  if (f.object) return f.object;
  return f.venueId ?? '—';
}

export function answerDeadlineOf(f: Partial<Filing>): string | undefined {
  return f.answerDeadline ?? f.deadlines?.answerDeadline;
}

export function statusPill(status: FilingStatus | string | undefined): HTMLElement {
  return h(
    'span',
    { class: `status-pill status-pill--${status ?? 'unknown'}`, 'data-status': status ?? '' },
    L(() => label('status', status)),
  );
}

/** "due in 2 days" (red when under a day, grey when past). */
export function timeLeft(deadline: string | undefined): HTMLElement | null {
  if (!deadline) return null;
  const ms = new Date(deadline).getTime() - Date.now();
  const urgency = ms < 0 ? 'past' : ms < 24 * 3600_000 ? 'urgent' : ms < 72 * 3600_000 ? 'soon' : 'ok';
  return h(
    'span',
    { class: `time-left time-left--${urgency}` },
    L(() => relative(deadline)),
  );
}

function row(key: MessageKey, ...value: Child[]): Child {
  return [h('dt', null, tl(key)), h('dd', null, value)];
}

/** Every fact of a filing, for its organizer and for the officer who answers it. */
export function filingFacts(
  f: Filing,
  venues: VenueFeature[],
  grounds: RefusalGround[] = [],
  options: { hideProposal?: boolean } = {},
): HTMLElement {
  const answer = answerDeadlineOf(f);
  const proposal = f.proposal ?? f.decision?.proposal;
  const eq = f.equipment
    ? Object.entries(f.equipment)
        .filter(([, on]) => on)
        .map(([k]) => k)
    : [];
  return h(
    'dl',
    { class: 'facts facts--wide' },
    row(
      'field.form',
      L(() => label('form', f.form)),
      f.procedure ? [' · ', L(() => label('procedure', f.procedure))] : null,
    ),
    f.jurisdiction
      ? row(
          'field.jurisdiction',
          L(() => cityLabel(f.jurisdiction)),
        )
      : null,
    row('field.venue', filingVenue(f, venues)),
    row(
      'field.when',
      L(() => formatRange(f.startsAt, f.endsAt)),
    ),
    f.expectedParticipants !== undefined
      ? row(
          'field.participants',
          L(() => formatNumber(f.expectedParticipants)),
        )
      : null,
    f.purpose ? row('field.purpose', h('span', { class: 'pre' }, f.purpose)) : null,
    f.equipment
      ? row(
          'field.equipment',
          eq.length ? L(() => eq.map((k) => label('equipment', k)).join(', ')) : tl('common.none'),
        )
      : null,
    f.financing ? row('field.financing', h('span', { class: 'pre' }, f.financing)) : null,
    f.regulations
      ? row(
          'field.regulations',
          h('details', null, h('summary', null, tl('common.show')), h('p', { class: 'pre' }, f.regulations)),
        )
      : null,
    f.organizer?.fullName || f.organizer?.name
      ? row(
          'file.sectionOrganizer',
          f.organizer.fullName ?? f.organizer.name ?? '',
          f.organizer.phone ? ` · ${f.organizer.phone}` : '',
          f.organizer.email ? ` · ${f.organizer.email}` : '',
        )
      : null,
    f.registrationDate ? row('deadlines.registrationDate', dateEl(f.registrationDate)) : null,
    f.deadlines?.fileBy ? row('deadlines.fileBy', dateEl(f.deadlines.fileBy)) : null,
    answer
      ? row(
          'deadlines.answerDeadline',
          instantEl(answer),
          f.status === 'submitted' ? [' · ', timeLeft(answer)] : null,
        )
      : null,
    // Deemed approval (Art. 10) only happens to a notification left unanswered.
    f.deadlines?.deemedApprovedAt && (f.status === 'submitted' || f.status === 'deemed_approved')
      ? row('deadlines.deemedApprovedAt', instantEl(f.deadlines.deemedApprovedAt))
      : null,
    f.decision
      ? decisionRows(
          { decidedAt: f.decidedAt ?? undefined, ...f.decision, proposal: undefined },
          grounds,
          venues,
        )
      : null,
    proposal && !options.hideProposal ? row('decision.proposal', proposalText(proposal, venues)) : null,
    f.agitationAllowedFrom ? row('my.agitationFrom', instantEl(f.agitationAllowedFrom)) : null,
  );
}

function decisionRows(
  d: NonNullable<Filing['decision']>,
  grounds: RefusalGround[],
  venues: VenueFeature[],
): Child {
  return [
    d.outcome
      ? row(
          'decision.outcome',
          L(() => label('status', d.outcome)),
        )
      : null,
    d.decidedAt ? row('decision.decidedAt', instantEl(d.decidedAt)) : null,
    d.restrictions?.length
      ? row(
          'decision.restrictions',
          h(
            'ul',
            null,
            d.restrictions.map((r) => h('li', null, r)),
          ),
        )
      : null,
    d.grounds?.length ? row('decision.grounds', groundList(d.grounds, grounds)) : null,
    d.reason ? row('decision.reason', h('span', { class: 'pre' }, d.reason)) : null,
    d.proposal ? row('decision.proposal', proposalText(d.proposal, venues)) : null,
    d.deliveredVia
      ? row(
          'decision.deliveredVia',
          L(() => label('delivery', d.deliveredVia)),
        )
      : null,
  ];
}

export function groundList(
  codes: (string | { code: string; title?: RefusalGround['title'] })[],
  catalogue: RefusalGround[],
): HTMLElement {
  return h(
    'ul',
    { class: 'grounds' },
    codes.map((c) => {
      const code = typeof c === 'string' ? c : c.code;
      const known =
        catalogue.find((g) => g.code === code) ??
        (typeof c === 'object' && c.title ? { code, title: c.title } : undefined);
      return h(
        'li',
        null,
        known ? L(() => localized(known.title)) : code,
        known && 'article' in known && known.article
          ? h('span', { class: 'muted' }, ` (${known.article})`)
          : null,
      );
    }),
  );
}

export function proposalText(p: NonNullable<Filing['proposal']>, venues: VenueFeature[]): Child {
  const name =
    p.venueName ?? venues.find((v) => v.properties.id === p.venueId)?.properties.name ?? p.venueId ?? '';
  return [
    h('strong', null, name),
    name ? ', ' : '',
    L(() => formatRange(p.startsAt, p.endsAt)),
    p.reason ? h('span', { class: 'block pre' }, p.reason) : null,
    p.replyDeadline && p.reply === 'pending'
      ? h('span', { class: 'block' }, tl('my.respondBy'), ' ', instantEl(p.replyDeadline, true))
      : null,
    p.reply && p.reply !== 'pending'
      ? h(
          'span',
          { class: 'block muted', 'data-reply': p.reply },
          L(() => label('reply', p.reply)),
        )
      : null,
    p.reply === 'declined' && p.replyReason
      ? h('span', { class: 'block muted pre' }, tl('my.yourReason'), ' ', p.replyReason)
      : null,
  ];
}

/** The organizer may still answer the proposal: pending, and before its reply deadline. */
export function awaitingReply(f: Partial<Filing>, now = Date.now()): boolean {
  const p = f.proposal ?? f.decision?.proposal;
  if (f.status !== 'change_proposed' || !p || (p.reply ?? 'pending') !== 'pending') return false;
  const deadline = p.replyDeadline ? new Date(p.replyDeadline).getTime() : NaN;
  return Number.isNaN(deadline) || deadline > now;
}
