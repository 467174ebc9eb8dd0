import { api, apiUrl } from '../api';
import { itemsOf, refusalGrounds } from '../data';
import { append, h, replace, type Child } from '../dom';
import { L, t, tl, type MessageKey } from '../i18n';
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

/** Entries per request; "Show more" asks for the next page by its cursor. */
const PAGE_SIZE = 50;

/** A page of `GET /register`: `{items, total, limit, offset, nextCursor, from, to}`. */
interface RegisterPageData {
  items?: RegisterEntry[];
  total?: number;
  nextCursor?: string | null;
}

/** The public register: every filing and how the akimat answered, with open-data downloads. */
export default function registerPage(root: HTMLElement, ctx: PageContext): void {
  const city = jurisdictionSelect({ value: ctx.query.get('j') ?? 'all', withAll: true });
  const from = input('from', { type: 'date', value: ctx.query.get('from') ?? addDays(todayKz(), -30) });
  const to = input('to', { type: 'date', value: ctx.query.get('to') ?? addDays(todayKz(), 60) });
  const problem = problemBox();
  const result = h('div', { class: 'register' });
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

  /** What the table shows now: the filter it was loaded for, the rows so far, and where to go on. */
  let view: {
    query: Record<string, string | undefined>;
    shown: number;
    total: number;
    cursor: string | null;
    venues: VenueFeature[];
    grounds: RefusalGround[];
    showCity: boolean;
    count: HTMLElement;
    tbody: HTMLTableSectionElement;
    more: HTMLElement;
  } | null = null;

  let controller: AbortController | null = null;
  function freshSignal(): AbortSignal {
    controller?.abort();
    controller = new AbortController();
    return AbortSignal.any([ctx.signal, controller.signal]);
  }

  async function load() {
    const signal = freshSignal();
    clearProblem(problem);
    view = null;
    const query = {
      jurisdiction: city.select.value === 'all' ? undefined : city.select.value,
      from: from.value,
      to: to.value,
    };
    ctx.setQuery({ j: city.select.value, from: from.value, to: to.value });
    renderDownloads(query);
    result.setAttribute('aria-busy', 'true');
    replace(result, loading());
    try {
      const [data, venues, grounds] = await Promise.all([
        api.get<RegisterPageData>('/register', {
          query: { ...query, limit: PAGE_SIZE },
          signal,
          auth: false,
        }),
        loadVenues(undefined, signal)
          .then((v) => v.features)
          .catch(() => [] as VenueFeature[]),
        refusalGrounds().catch(() => [] as RefusalGround[]),
      ]);
      const rows = itemsOf<RegisterEntry>(data);
      if (!rows.length) {
        replace(result, h('p', { class: 'empty', role: 'status' }, tl('register.none')));
        return;
      }
      const showCity = query.jurisdiction === undefined;
      const tbody = h(
        'tbody',
        null,
        rows.map((r) => entryRow(r, venues, grounds, showCity)),
      );
      const count = h('p', {
        class: 'muted register-count',
        role: 'status',
        'data-testid': 'register-count',
      });
      const more = h('div', { class: 'register-more' });
      view = {
        query,
        shown: rows.length,
        total: typeof data?.total === 'number' ? data.total : rows.length,
        cursor: data?.nextCursor ?? null,
        venues,
        grounds,
        showCity,
        count,
        tbody,
        more,
      };
      replace(result, count, table(tbody), more);
      renderProgress(view);
    } catch (error) {
      if ((error as Error)?.name === 'AbortError') return;
      replace(result);
      showProblem(problem, error);
    } finally {
      if (!signal.aborted) result.removeAttribute('aria-busy');
    }
  }

  /** Appends the next page after the rows shown; the filters stay as they were loaded. */
  async function loadMore(v: NonNullable<typeof view>, button: HTMLButtonElement, moreProblem: HTMLElement) {
    if (!v.cursor) return;
    const signal = freshSignal();
    clearProblem(moreProblem);
    button.disabled = true;
    button.setAttribute('aria-busy', 'true');
    result.setAttribute('aria-busy', 'true');
    try {
      const data = await api.get<RegisterPageData>('/register', {
        query: { ...v.query, limit: PAGE_SIZE, cursor: v.cursor },
        signal,
        auth: false,
      });
      if (view !== v) return;
      const rows = itemsOf<RegisterEntry>(data).map((r) => entryRow(r, v.venues, v.grounds, v.showCity));
      append(v.tbody, rows);
      v.shown += rows.length;
      if (typeof data?.total === 'number') v.total = data.total;
      v.cursor = data?.nextCursor ?? null;
      renderProgress(v);
      // Keyboard and screen-reader users go on from the first new entry, where they were reading.
      const first = rows[0];
      if (first) {
        first.tabIndex = -1;
        first.focus({ preventScroll: true });
      }
    } catch (error) {
      if ((error as Error)?.name === 'AbortError') return;
      showProblem(moreProblem, error);
      button.disabled = false;
      button.focus();
    } finally {
      button.removeAttribute('aria-busy');
      if (!signal.aborted) result.removeAttribute('aria-busy');
    }
  }

  function renderProgress(v: NonNullable<typeof view>) {
    const { shown, total } = v;
    replace(
      v.count,
      shown < total
        ? L(() => t('register.shown', { shown: formatNumber(shown), total: formatNumber(total) }))
        : L(() => t('register.count', { n: formatNumber(total) })),
    );
    if (!v.cursor) {
      replace(v.more);
      return;
    }
    const moreProblem = problemBox();
    const button = h(
      'button',
      { type: 'button', class: 'btn btn--large register-more__button', 'data-testid': 'register-more' },
      tl('register.more'),
    );
    button.addEventListener('click', () => void loadMore(v, button, moreProblem));
    replace(v.more, moreProblem, h('div', { class: 'actions' }, button));
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

  function table(tbody: HTMLTableSectionElement): HTMLElement {
    const headers: MessageKey[] = [
      'field.form',
      'field.venue',
      'field.when',
      'field.purpose',
      'register.participants',
      'register.status',
      'register.answer',
    ];
    return h(
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
      tbody,
    );
  }

  function entryRow(
    r: RegisterEntry,
    venues: VenueFeature[],
    grounds: RefusalGround[],
    showCity: boolean,
  ): HTMLTableRowElement {
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
        answer?.restrictions?.length ? h('span', { class: 'block' }, answer.restrictions.join('; ')) : null,
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
