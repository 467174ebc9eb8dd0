import { h, replace } from '../dom';
import { L, tl } from '../i18n';
import type { PageContext } from '../router';
import { listFilings } from '../data';
import type { Filing, VenueFeature } from '../types';
import { answerDeadlineOf, awaitingReply, filingVenue, statusPill, timeLeft } from '../ui/filing-view';
import { formatRange } from '../ui/format';
import { label } from '../ui/labels';
import { loading, pageHeader } from '../ui/page';
import { problemBox, showProblem } from '../ui/problem';
import { loadVenues } from '../venues';
import { session } from '../session';

/** Staff see their jurisdiction by default; their own filings need `scope=mine`. */
function isStaff(): boolean {
  return (session()?.user.roles ?? []).some((r) => r !== 'organizer');
}

/** The organizer's own filings, soonest answer deadline first. */
export default function myPage(root: HTMLElement, ctx: PageContext): void {
  const list = h('div', { class: 'cards', 'aria-live': 'polite' }, loading());
  const problem = problemBox();
  replace(
    root,
    pageHeader(
      'my.title',
      'my.lead',
      h('p', null, h('a', { class: 'btn btn--primary', href: '#/file' }, tl('nav.file'))),
    ),
    problem,
    list,
  );

  void (async () => {
    try {
      const [filings, venues] = await Promise.all([
        listFilings(isStaff() ? { scope: 'mine' as const } : {}, ctx.signal),
        loadVenues(undefined, ctx.signal)
          .then((v) => v.features)
          .catch(() => [] as VenueFeature[]),
      ]);
      if (!filings.length) {
        replace(list, h('p', { class: 'empty' }, tl('my.none')));
        return;
      }
      replace(
        list,
        h(
          'ul',
          { class: 'card-list' },
          filings.map((f) => card(f, venues, `#/my/${encodeURIComponent(f.id)}`)),
        ),
      );
    } catch (error) {
      if ((error as Error)?.name === 'AbortError') return;
      replace(list);
      showProblem(problem, error);
    }
  })();
}

/** A filing as a card linking to its page (used by the organizer and the officer lists). */
export function card(f: Filing, venues: VenueFeature[], href: string): HTMLElement {
  const deadline = answerDeadlineOf(f);
  // A proposal awaiting the organizer: their own (one working day) deadline is what counts.
  const replyBy = awaitingReply(f) ? (f.proposal ?? f.decision?.proposal)?.replyDeadline : undefined;
  return h(
    'li',
    { class: 'card', 'data-filing-id': f.id },
    h(
      'a',
      { class: 'card__link', href },
      h(
        'span',
        { class: 'card__top' },
        h('span', { class: 'card__number' }, f.number ?? f.id.slice(0, 8)),
        statusPill(f.status),
      ),
      h(
        'span',
        { class: 'card__title' },
        L(() => label('form', f.form)),
        ' · ',
        filingVenue(f, venues),
      ),
      h(
        'span',
        { class: 'card__when' },
        L(() => formatRange(f.startsAt, f.endsAt)),
      ),
      replyBy
        ? h(
            'span',
            { class: 'card__deadline', 'data-testid': 'reply-by' },
            tl('my.replyDue'),
            ' ',
            timeLeft(replyBy),
          )
        : deadline && (f.status === 'submitted' || f.status === 'change_proposed')
          ? h('span', { class: 'card__deadline' }, tl('my.answerDue'), ' ', timeLeft(deadline))
          : null,
    ),
  );
}
