import { listFilings } from '../data';
import { h, replace } from '../dom';
import { tl } from '../i18n';
import type { PageContext } from '../router';
import type { VenueFeature } from '../types';
import { loading, pageHeader } from '../ui/page';
import { problemBox, showProblem } from '../ui/problem';
import { loadVenues } from '../venues';
import { card } from './my-page';

/** The akimat officer's queue: filings awaiting an answer, soonest deadline first. */
export default function queuePage(root: HTMLElement, ctx: PageContext): void {
  const list = h('div', { class: 'cards', 'aria-live': 'polite' }, loading());
  const problem = problemBox();
  const refresh = h(
    'button',
    { type: 'button', class: 'btn btn--small', onclick: () => void load() },
    tl('common.refresh'),
  );
  replace(root, pageHeader('queue.title', 'queue.lead', refresh), problem, list);

  async function load() {
    replace(list, loading());
    try {
      const [filings, venues] = await Promise.all([
        listFilings({ status: 'submitted' }, ctx.signal),
        loadVenues(undefined, ctx.signal)
          .then((v) => v.features)
          .catch(() => [] as VenueFeature[]),
      ]);
      replace(
        list,
        filings.length
          ? h(
              'ul',
              { class: 'card-list' },
              filings.map((f) => card(f, venues, `#/queue/${encodeURIComponent(f.id)}`)),
            )
          : h('p', { class: 'empty' }, tl('queue.none')),
      );
    } catch (error) {
      if ((error as Error)?.name === 'AbortError') return;
      replace(list);
      showProblem(problem, error);
    }
  }

  // The time left changes as the officer works: refresh the list each minute.
  const timer = window.setInterval(() => void load(), 60_000);
  ctx.onCleanup(() => window.clearInterval(timer));
  void load();
}
