import { ApiError, api, uuid } from '../api';
import { CITIES } from '../config';
import { canonicalJson } from '../signing';
import { h, nextId, replace } from '../dom';
import { t, tl, type MessageKey } from '../i18n';
import { createMap } from '../map/base-map';
import { createDrawTool, formatCoordinates, parseCoordinates, type DrawMode } from '../map/draw';
import { venueLayer, type VenueLayer } from '../map/venue-layer';
import type { PageContext } from '../router';
import { session } from '../session';
import { applyFieldErrors, clearFieldErrors, field, input } from '../ui/fields';
import { flash } from '../ui/flash';
import { todayKz } from '../ui/format';
import { jurisdictionSelect } from '../ui/jurisdiction';
import { pageHeader } from '../ui/page';
import { clearProblem, problemBox, showProblem } from '../ui/problem';
import { invalidateVenues, loadVenues } from '../venues';

const MODES: { mode: DrawMode; key: MessageKey }[] = [
  { mode: 'Point', key: 'venues.point' },
  { mode: 'Polygon', key: 'venues.polygon' },
  { mode: 'LineString', key: 'venues.line' },
];

/** The maslikhat's editor: draw a specialized place (point or area) or a route, describe it, save. */
export default function venuesPage(root: HTMLElement, ctx: PageContext): void {
  const user = session()!.user;
  const own = user.jurisdictions?.length ? user.jurisdictions : CITIES.map((c) => c.kato);
  const city = jurisdictionSelect({ value: own[0], only: own, required: true });
  const mapEl = h('div', { id: 'editor-map' });
  const modeName = nextId('mode');
  const modeRadios = MODES.map((m, i) =>
    h('input', { type: 'radio', name: modeName, value: m.mode, checked: i === 0 }),
  );
  const coords = h('textarea', {
    name: 'geometry',
    rows: 4,
    spellcheck: false,
    placeholder: '43.2318, 76.9094',
  });
  const name = input('name', { required: true, maxlength: 300 });
  const maxOccupancy = input('maxOccupancy', {
    type: 'number',
    min: 1,
    step: 1,
    inputmode: 'numeric',
    required: true,
  });
  const decisionRef = input('decisionRef', { required: true, maxlength: 300 });
  const activeFrom = input('activeFrom', { type: 'date', value: todayKz(), required: true });
  const activeTo = input('activeTo', { type: 'date' });
  const problem = problemBox();
  const status = h('p', { class: 'status', role: 'status', 'aria-live': 'polite' });
  const submit = h('button', { type: 'submit', class: 'btn btn--primary btn--large' }, tl('venues.save'));

  const toolbar = h(
    'div',
    { class: 'draw-toolbar' },
    h(
      'fieldset',
      { class: 'segmented' },
      h('legend', { class: 'visually-hidden' }, tl('venues.shape')),
      MODES.map((m, i) =>
        h('label', { class: 'segmented__item' }, modeRadios[i], h('span', null, tl(m.key))),
      ),
    ),
    h('button', { type: 'button', class: 'btn btn--small', onclick: () => draw.undo() }, tl('venues.undo')),
    h('button', { type: 'button', class: 'btn btn--small', onclick: () => draw.clear() }, tl('venues.clear')),
  );

  const form = h(
    'form',
    { class: 'panel stack', novalidate: true },
    h('h2', null, tl('venues.formTitle')),
    field('venues.name', name, { name: 'name', required: true }),
    city.field,
    field('venues.maxOccupancy', maxOccupancy, { name: 'maxOccupancy', required: true }),
    field('venues.decisionRef', decisionRef, {
      name: 'decisionRef',
      required: true,
      hint: 'venues.decisionRefHint',
    }),
    h(
      'div',
      { class: 'form-grid' },
      field('venues.activeFrom', activeFrom, { name: 'activeFrom', required: true }),
      field('venues.activeTo', activeTo, { name: 'activeTo' }),
    ),
    field('venues.coordinates', coords, { name: 'geometry', hint: 'venues.coordinatesHint' }),
    problem,
    status,
    h('div', { class: 'actions' }, submit),
  );

  replace(
    root,
    pageHeader('venues.title', 'venues.lead'),
    h(
      'div',
      { class: 'editor-layout' },
      h(
        'div',
        { class: 'editor-map' },
        toolbar,
        h('p', { class: 'hint' }, tl('venues.drawHint')),
        h('div', { class: 'map-frame' }, mapEl),
      ),
      form,
    ),
  );

  const map = createMap(mapEl, { label: tl('venues.mapLabel') });
  ctx.onCleanup(() => map.remove());
  const draw = createDrawTool(map, () => {
    if (document.activeElement !== coords) coords.value = formatCoordinates(draw.vertices());
  });
  for (const r of modeRadios) r.addEventListener('change', () => draw.setMode(r.value as DrawMode));
  coords.addEventListener('change', () => draw.setVertices(parseCoordinates(coords.value)));

  let existing: VenueLayer | null = null;
  async function showExisting(fit: boolean) {
    try {
      const fc = await loadVenues(city.select.value, ctx.signal);
      existing?.group.remove();
      existing = venueLayer(map, fc);
      const b = existing.group.getBounds();
      if (fit) {
        if (b.isValid()) map.fitBounds(b, { padding: [40, 40], maxZoom: 14 });
        else {
          const c = CITIES.find((x) => x.kato === city.select.value);
          if (c) map.setView([c.center[0], c.center[1]], 12);
        }
      }
    } catch {}
  }
  city.select.addEventListener('change', () => void showExisting(true));
  void showExisting(true);

  let attempt: { canonical: string; key: string } | null = null;
  let busy = false;
  form.addEventListener('submit', async (e) => {
    e.preventDefault();
    if (busy) return;
    clearProblem(problem);
    clearFieldErrors(form);
    const geometry = draw.geometry();
    const errors: { field: string; code: string; message: string }[] = [];
    if (!geometry) errors.push({ field: 'geometry', code: 'required', message: t('venues.needShape') });
    if (!name.value.trim()) errors.push({ field: 'name', code: 'required', message: t('field.required') });
    if (!(Number(maxOccupancy.value) >= 1))
      errors.push({ field: 'maxOccupancy', code: 'min', message: t('file.participantsMin') });
    if (!decisionRef.value.trim())
      errors.push({ field: 'decisionRef', code: 'required', message: t('field.required') });
    if (!activeFrom.value)
      errors.push({ field: 'activeFrom', code: 'required', message: t('field.required') });
    if (errors.length) {
      applyFieldErrors(form, errors);
      return;
    }
    const body: Record<string, unknown> = {
      name: name.value.trim(),
      jurisdiction: city.select.value,
      geometry,
      maxOccupancy: Number(maxOccupancy.value),
      decisionRef: decisionRef.value.trim(),
      activeFrom: activeFrom.value,
    };
    if (activeTo.value) body.activeTo = activeTo.value;
    const canonical = canonicalJson(body);
    if (!attempt || attempt.canonical !== canonical) attempt = { canonical, key: uuid() };
    busy = true;
    submit.disabled = true;
    replace(status, tl('file.sending'));
    try {
      await api.post('/venues', body, { idempotencyKey: attempt.key, signal: ctx.signal });
      attempt = null;
      replace(status);
      flash('ok', tl('venues.saved', { name: String(body.name) }));
      invalidateVenues();
      draw.clear();
      form.reset();
      activeFrom.value = todayKz();
      city.select.value = String(body.jurisdiction);
      void showExisting(false);
    } catch (error) {
      if ((error as Error)?.name === 'AbortError') return;
      replace(status);
      if (error instanceof ApiError && error.status >= 400 && error.status < 500) attempt = null;
      const unplaced = error instanceof ApiError ? applyFieldErrors(form, error.errors) : [];
      showProblem(problem, error, unplaced);
      problem.focus();
    } finally {
      busy = false;
      submit.disabled = false;
    }
  });
}
