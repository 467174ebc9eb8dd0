import { api } from '../api';
import { getFiling, refusalGrounds } from '../data';
import { h, replace } from '../dom';
import { t, tl } from '../i18n';
import type { PageContext } from '../router';
import type { Filing, RefusalGround, VenueFeature } from '../types';
import { filingFacts, proposalText, statusPill } from '../ui/filing-view';
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
    const proposal = f.status === 'change_proposed' ? (f.proposal ?? f.decision?.proposal) : null;
    replace(
      body,
      h(
        'section',
        { class: 'panel' },
        h(
          'p',
          { class: 'filing-head' },
          h('span', { class: 'card__number' }, f.number ?? ''),
          statusPill(f.status),
        ),
        filingFacts(f, venues, grounds),
      ),
      proposal
        ? h(
            'section',
            { class: 'panel panel--attention' },
            h('h2', null, tl('my.proposalTitle')),
            h('p', null, proposalText(proposal, venues)),
            h('p', { class: 'hint' }, tl('my.proposalHint')),
            h(
              'div',
              { class: 'actions' },
              action(
                'my.accept',
                `/filings/${encodeURIComponent(f.id)}/proposal/accept`,
                'btn--primary',
                'my.accepted',
              ),
              action(
                'my.decline',
                `/filings/${encodeURIComponent(f.id)}/proposal/decline`,
                '',
                'my.declined',
              ),
            ),
          )
        : null,
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
              'my.withdrawConfirm',
            ),
          )
        : null,
    );
  }

  function action(
    key: Parameters<typeof tl>[0],
    path: string,
    cls: string,
    doneKey: Parameters<typeof t>[0],
    confirmKey?: Parameters<typeof t>[0],
  ) {
    const button = h('button', { type: 'button', class: `btn ${cls}` }, tl(key));
    button.addEventListener('click', async () => {
      if (confirmKey && !window.confirm(t(confirmKey))) return;
      clearProblem(problem);
      button.disabled = true;
      try {
        await api.post(path, undefined, { signal: ctx.signal });
        flash('ok', tl(doneKey));
        replace(body, loading());
        await load();
      } catch (error) {
        if ((error as Error)?.name === 'AbortError') return;
        showProblem(problem, error);
        problem.focus();
      } finally {
        button.disabled = false;
      }
    });
    return button;
  }

  void load();
}
