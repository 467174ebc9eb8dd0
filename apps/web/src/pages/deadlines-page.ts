import { FORMS } from '../config';
import { h, replace } from '../dom';
import { t, tl } from '../i18n';
import type { PageContext } from '../router';
import { fetchDeadlines, deadlinesView } from '../ui/deadlines-view';
import { applyFieldErrors, clearFieldErrors, field, input, select } from '../ui/fields';
import { addDays, todayKz } from '../ui/format';
import { jurisdictionSelect } from '../ui/jurisdiction';
import { loading, pageHeader } from '../ui/page';
import { clearProblem, problemBox, showProblem } from '../ui/problem';
import { ApiError } from '../api';

/** Public calculator: when must an assembly be filed, and how long the akimat has to answer. */
export default function deadlinesPage(root: HTMLElement, ctx: PageContext): void {
  const formSel = select(
    'form',
    FORMS.map((f) => ({ value: f, label: tl(`form.${f}`) })),
    ctx.query.get('form') ?? 'rally',
  );
  const date = input('date', {
    type: 'date',
    required: true,
    value: ctx.query.get('date') ?? addDays(todayKz(), 21),
  });
  const city = jurisdictionSelect({ value: ctx.query.get('j') ?? '750000000' });
  const problem = problemBox();
  const result = h('div', { class: 'result', 'aria-live': 'polite' });
  const submit = h('button', { type: 'submit', class: 'btn btn--primary' }, tl('deadlines.calculate'));

  const form = h(
    'form',
    { class: 'panel form-grid', novalidate: true },
    field('field.form', formSel, { name: 'form' }),
    field('field.assemblyDate', date, { name: 'date', required: true }),
    city.field,
    h('div', { class: 'actions actions--end' }, submit),
  );

  replace(
    root,
    pageHeader('deadlines.title', 'deadlines.lead'),
    h(
      'div',
      { class: 'two-col' },
      h('div', null, form, problem),
      h('div', null, result, h('p', { class: 'hint' }, tl('deadlines.howCounted'))),
    ),
  );

  let controller: AbortController | null = null;
  async function calculate() {
    controller?.abort();
    controller = new AbortController();
    clearProblem(problem);
    clearFieldErrors(form);
    if (!date.value) {
      applyFieldErrors(form, [{ field: 'date', code: 'required', message: t('field.required') }]);
      replace(result);
      return;
    }
    const query = { form: formSel.value, date: date.value, jurisdiction: city.select.value };
    ctx.setQuery({ form: query.form, date: query.date, j: query.jurisdiction });
    replace(result, loading());
    try {
      const d = await fetchDeadlines(query, AbortSignal.any([ctx.signal, controller.signal]));
      replace(
        result,
        h(
          'section',
          { class: 'panel panel--result' },
          h('h2', null, tl('deadlines.result')),
          deadlinesView(d),
        ),
      );
    } catch (error) {
      if ((error as Error)?.name === 'AbortError') return;
      replace(result);
      const unplaced = error instanceof ApiError ? applyFieldErrors(form, error.errors) : [];
      showProblem(problem, error, unplaced);
    }
  }

  form.addEventListener('submit', (e) => {
    e.preventDefault();
    void calculate();
  });
  for (const el of [formSel, city.select, date]) el.addEventListener('change', () => void calculate());
  if (ctx.query.get('date')) void calculate();
}
