import { api, ApiError } from '../api';
import { getFiling, refusalGrounds } from '../data';
import { h, nextId, replace } from '../dom';
import { t, tl, type MessageKey } from '../i18n';
import type { PageContext } from '../router';
import type { Filing, RefusalGround, VenueFeature } from '../types';
import { awaitingReply, filingFacts, proposalText, statusPill } from '../ui/filing-view';
import { flash } from '../ui/flash';
import { loading, pageHeader } from '../ui/page';
import { clearProblem, problemBox, showProblem } from '../ui/problem';
import { loadVenues } from '../venues';

const WITHDRAWABLE = new Set([
  'submitted',
  'approved',
  'approved_with_restrictions',
  'change_proposed',
  'deemed_approved',
  'answer_overdue',
]);

/** One of the organizer's filings: its facts, the answer, withdraw, and a change proposal to answer. */
export default function myFilingPage(root: HTMLElement, ctx: PageContext): void {
  const id = ctx.params.id;
  const body = h('div', { 'aria-live': 'polite' }, loading());
  const problem = problemBox();
  replace(
    root,
    h('p', { class: 'back' }, h('a', { href: '#/my' }, '← ', tl('nav.my'))),
    pageHeader('my.filing'),
    problem,
    body,
  );

  let venues: VenueFeature[] = [];
  let grounds: RefusalGround[] = [];

  async function load() {
    try {
      const [filing, v, g] = await Promise.all([
        getFiling(id, ctx.signal),
        loadVenues(undefined, ctx.signal)
          .then((c) => c.features)
          .catch(() => [] as VenueFeature[]),
        refusalGrounds().catch(() => [] as RefusalGround[]),
      ]);
      venues = v;
      grounds = g;
      render(filing);
    } catch (error) {
      if ((error as Error)?.name === 'AbortError') return;
      replace(body);
      showProblem(problem, error);
    }
  }

  function render(f: Filing) {
    const proposal = f.proposal ?? f.decision?.proposal ?? null;
    const pending =
      f.status === 'change_proposed' && !!proposal && (proposal.reply ?? 'pending') === 'pending';
    const declined = f.status === 'change_proposed' && proposal?.reply === 'declined';
    const head = h(
      'p',
      { class: 'filing-head' },
      h('span', { class: 'card__number' }, f.number ?? ''),
      statusPill(f.status),
    );
    // What asks for the organizer comes first: on a phone the facts are a long scroll.
    replace(
      body,
      pending && proposal ? proposalPanel(f, proposal, awaitingReply(f)) : null,
      declined && proposal
        ? h(
            'section',
            { class: 'panel panel--attention', 'data-testid': 'proposal-declined' },
            h('h2', null, tl('my.proposalTitle')),
            h('p', null, proposalText(proposal, venues)),
            h('p', { class: 'hint' }, tl('my.declinedHint')),
          )
        : null,
      h(
        'section',
        { class: 'panel' },
        head,
        filingFacts(f, venues, grounds, { hideProposal: pending || declined }),
      ),
      WITHDRAWABLE.has(f.status)
        ? h(
            'section',
            { class: 'panel' },
            h('h2', null, tl('my.withdrawTitle')),
            h('p', { class: 'hint' }, tl('my.withdrawHint')),
            action(
              'my.withdraw',
              `/filings/${encodeURIComponent(f.id)}/withdraw`,
              'btn--danger',
              'my.withdrawn',
              {
                confirm: 'my.withdrawConfirm',
              },
            ),
          )
        : null,
    );
  }

  function proposalPanel(f: Filing, proposal: NonNullable<Filing['proposal']>, open: boolean) {
    const reasonId = nextId('decline-reason');
    const reason = h('textarea', { id: reasonId, name: 'reason', rows: 2, maxlength: 2000 });
    const base = `/filings/${encodeURIComponent(f.id)}/proposal`;
    return h(
      'section',
      { class: 'panel panel--attention', 'data-testid': 'proposal' },
      h('h2', null, tl('my.proposalTitle')),
      h('p', null, proposalText(proposal, venues)),
      open
        ? [
            h('p', { class: 'hint' }, tl('my.proposalHint')),
            h(
              'div',
              { class: 'actions' },
              action('my.accept', `${base}/accept`, 'btn--primary btn--large', 'my.accepted'),
            ),
            h(
              'div',
              { class: 'field decline' },
              h('label', { for: reasonId }, tl('my.declineReason')),
              reason,
              h(
                'div',
                { class: 'actions' },
                action('my.decline', `${base}/decline`, '', 'my.declined', {
                  body: () => reasonBody(reason.value),
                }),
              ),
            ),
          ]
        : h('p', { class: 'notice notice--warn' }, tl('my.replyClosed')),
    );
  }

  function action(
    key: MessageKey,
    path: string,
    cls: string,
    doneKey: MessageKey,
    options: { confirm?: MessageKey; body?: () => unknown } = {},
  ) {
    const button = h('button', { type: 'button', class: `btn ${cls}` }, tl(key));
    button.addEventListener('click', async () => {
      if (options.confirm && !window.confirm(t(options.confirm))) return;
      clearProblem(problem);
      button.disabled = true;
      try {
        await api.post(path, options.body ? options.body() : {}, { signal: ctx.signal });
        flash('ok', tl(doneKey));
        replace(body, loading());
        await load();
      } catch (error) {
        if ((error as Error)?.name === 'AbortError') return;
        showProblem(problem, error);
        problem.focus();
        // The filing changed meanwhile (answered, withdrawn, the time to reply passed): show it as it is.
        if (error instanceof ApiError && error.status === 409) await load();
      } finally {
        button.disabled = false;
      }
    });
    return button;
  }

  void load();
}

function reasonBody(text: string): { reason?: string } {
  const reason = text.trim();
  return reason ? { reason } : {};
}
