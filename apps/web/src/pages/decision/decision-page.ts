import { getFiling, refusalGrounds } from '../../data';
import { h, replace } from '../../dom';
import { tl } from '../../i18n';
import type { PageContext } from '../../router';
import type { Filing, RefusalGround, VenueFeature } from '../../types';
import { filingFacts, statusPill } from '../../ui/filing-view';
import { loading, pageHeader } from '../../ui/page';
import { problemBox, showProblem } from '../../ui/problem';
import { loadVenues } from '../../venues';
import { decisionForm } from './decision-form';

/** The officer's answer to one filing: its facts beside the decision form. */
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
        f.status === 'submitted'
          ? decisionForm(f, venues, grounds, ctx.signal)
          : h('section', { class: 'panel' }, h('p', { class: 'notice' }, tl('problem.not_pending'))),
      ),
    );
  }
}
