import { api, apiUrl } from '../api';
import { itemsOf, refusalGrounds } from '../data';
import { h, replace, type Child } from '../dom';
import { L, tl, type MessageKey } from '../i18n';
import type { PageContext } from '../router';
import type { RefusalGround, RegisterEntry, VenueFeature } from '../types';
import { field, input } from '../ui/fields';
import { filingVenue, groundList, statusPill } from '../ui/filing-view';
import { addDays, formatNumber, formatRange, todayKz } from '../ui/format';
import { jurisdictionSelect } from '../ui/jurisdiction';
import { cityLabel, label } from '../ui/labels';
import { loading, pageHeader } from '../ui/page';
import { clearProblem, problemBox, showProblem } from '../ui/problem';
import { loadVenues } from '../venues';

/** The public register: every filing and how the akimat answered, with open-data downloads. */
export default function registerPage(root: HTMLElement, ctx: PageContext): void {
  const city = jurisdictionSelect({ value: ctx.query.get('j') ?? 'all', withAll: true });
  const from = input('from', { type: 'date', value: ctx.query.get('from') ?? addDays(todayKz(), -30) });
  const to = input('to', { type: 'date', value: ctx.query.get('to') ?? addDays(todayKz(), 60) });
  const problem = problemBox();
  const result = h('div', { class: 'register', 'aria-live': 'polite' });
  const downloads = h('p', { class: 'downloads' });
  const form = h(
    'form',
    { class: 'panel filters', novalidate: true },
    city.field,
    field('register.from', from, { name: 'from' }),
    field('register.to', to, { name: 'to' }),
    h(
      'div',
      { class: 'actions actions--end' },
      h('button', { type: 'submit', class: 'btn btn--primary' }, tl('register.show')),
    ),
  );
  replace(root, pageHeader('register.title', 'register.lead'), form, downloads, problem, result);

  let controller: AbortController | null = null;
  async function load() {
    controller?.abort();
    controller = new AbortController();
    clearProblem(problem);
    const query = {
      jurisdiction: city.select.value === 'all' ? undefined : city.select.value,
      from: from.value,
      to: to.value,
    };
    ctx.setQuery({ j: city.select.value, from: from.value, to: to.value });
    renderDownloads(query);
    replace(result, loading());
    try {
      const signal = AbortSignal.any([ctx.signal, controller.signal]);
      const [data, venues, grounds] = await Promise.all([
        api.get<unknown>('/register', { query, signal, auth: false }),
        loadVenues(undefined, signal)
          .then((v) => v.features)
          .catch(() => [] as VenueFeature[]),
        refusalGrounds().catch(() => [] as RefusalGround[]),
      ]);
      renderTable(itemsOf<RegisterEntry>(data), venues, grounds, query.jurisdiction === undefined);
    } catch (error) {
      if ((error as Error)?.name === 'AbortError') return;
      replace(result);
      showProblem(problem, error);
    }
  }

  function renderDownloads(query: Record<string, string | undefined>) {
    const link = (ext: string, key: MessageKey) =>
      h(
        'a',
        {
          class: 'btn btn--small btn--ghost',
          href: apiUrl(`/register.${ext}`, query),
          download: `jiyn-register.${ext}`,
        },
        tl(key),
      );
    replace(
      downloads,
      h('span', { class: 'muted' }, tl('register.download')),
      ' ',
      link('csv', 'register.csv'),
      link('ics', 'register.ics'),
      link('geojson', 'register.geojson'),
    );
  }

  function renderTable(
    rows: RegisterEntry[],
    venues: VenueFeature[],
    grounds: RefusalGround[],
    showCity: boolean,
  ) {
    if (!rows.length) {
      replace(result, h('p', { class: 'empty' }, tl('register.none')));
      return;
    }
    const headers: MessageKey[] = [
      'field.form',
      'field.venue',
      'field.when',
      'field.purpose',
      'register.participants',
      'register.status',
      'register.answer',
    ];
    replace(
      result,
      h('p', { class: 'muted' }, tl('register.count', { n: rows.length })),
      h(
        'table',
        { class: 'table table--stack' },
        h('caption', { class: 'visually-hidden' }, tl('register.title')),
        h(
          'thead',
          null,
          h(
            'tr',
            null,
            headers.map((k) => h('th', { scope: 'col' }, tl(k))),
          ),
        ),
        h(
          'tbody',
          null,
          rows.map((r) => {
            const answer = r.answer ?? r.decision ?? null;
            const cell = (k: MessageKey, ...content: Child[]) => h('td', { 'data-label': tl(k) }, ...content);
            return h(
              'tr',
              null,
              cell(
                'field.form',
                h(
                  'strong',
                  null,
                  L(() => label('form', r.form)),
                ),
                r.number ? h('span', { class: 'muted block' }, r.number) : null,
              ),
              cell(
                'field.venue',
                filingVenue(r, venues),
                showCity && r.jurisdiction
                  ? h(
                      'span',
                      { class: 'muted block' },
                      L(() => cityLabel(r.jurisdiction)),
                    )
                  : null,
              ),
              cell(
                'field.when',
                L(() => formatRange(r.startsAt, r.endsAt)),
              ),
              cell('field.purpose', r.purpose ?? ''),
              cell(
                'register.participants',
                L(() => formatNumber(r.expectedParticipants)),
              ),
              cell('register.status', statusPill(r.status)),
              cell(
                'register.answer',
                answer?.outcome
                  ? h(
                      'span',
                      { class: 'block' },
                      L(() => label('status', answer.outcome)),
                      answer.late ? h('span', { class: 'chip chip--warn late' }, tl('register.late')) : null,
                    )
                  : h('span', { class: 'muted' }, tl('register.noAnswer')),
                answer?.grounds?.length ? groundList(answer.grounds, grounds) : null,
                answer?.reason ? h('span', { class: 'block pre' }, answer.reason) : null,
                answer?.restrictions?.length
                  ? h('span', { class: 'block' }, answer.restrictions.join('; '))
                  : null,
              ),
            );
          }),
        ),
      ),
    );
  }

  form.addEventListener('submit', (e) => {
    e.preventDefault();
    void load();
  });
  city.select.addEventListener('change', () => void load());
  void load();
}
