import { EQUIPMENT, FORMS, MOVING_FORMS, type Form } from '../../config';
import { h } from '../../dom';
import { L, t, tl } from '../../i18n';
import type { SessionUser } from '../../session';
import type { VenueFeature } from '../../types';
import { checkbox, field, input, select, setOptions, type Option } from '../../ui/fields';
import { addDays, formatNumber, kzInstant, todayKz } from '../../ui/format';
import { jurisdictionSelect } from '../../ui/jurisdiction';
import { label } from '../../ui/labels';
import { loadVenues } from '../../venues';

/** The body of POST /api/v1/filings, before it is signed. */
export interface FilingBody {
  form: Form;
  jurisdiction: string;
  purpose: string;
  startsAt: string;
  endsAt: string;
  expectedParticipants: number;
  venueId: string;
  equipment: { sound: boolean; vehicles: boolean; structures: boolean; visualAids: boolean };
  regulations?: string;
  financing: string;
  personalDataConsent: boolean;
  organizer: { iin: string; fullName: string; address: string; phone: string; email: string };
}

export interface FilingFormInit {
  form?: string | null;
  jurisdiction?: string | null;
  venueId?: string | null;
  user: SessionUser;
}

export interface FilingForm {
  el: HTMLFormElement;
  submit: HTMLButtonElement;
  read(): FilingBody;
  /** Form, date and jurisdiction: what the legal deadlines depend on. */
  deadlineQuery(): { form: string; date: string; jurisdiction: string } | null;
  /** Takes an alternative slot offered by the api. */
  useSlot(slot: { venueId: string; date: string; start: string; end: string }): void;
  /** Checks what must be there before anything is signed; returns field errors. */
  precheck(): { field: string; code: string; message: string }[];
  onDeadlineInputs(fn: () => void): void;
  venues(): VenueFeature[];
}

export function createFilingForm(init: FilingFormInit, signal: AbortSignal): FilingForm {
  const initialForm = (FORMS as readonly string[]).includes(init.form ?? '')
    ? (init.form as Form)
    : 'meeting';
  const formName = 'form';
  const formRadios = FORMS.map((f) =>
    h('input', { type: 'radio', name: formName, value: f, checked: f === initialForm, 'data-form': f }),
  );
  const formGroup = h(
    'fieldset',
    { class: 'field choice-group', 'data-field': 'form' },
    h('legend', null, tl('field.form'), h('span', { class: 'req', 'aria-hidden': 'true' }, ' *')),
    h(
      'div',
      { class: 'choices' },
      FORMS.map((f, i) =>
        h(
          'label',
          { class: 'choice' },
          formRadios[i],
          h(
            'span',
            { class: 'choice__body' },
            h('span', { class: 'choice__title' }, tl(`form.${f}`)),
            h(
              'span',
              { class: 'choice__hint' },
              tl(MOVING_FORMS.includes(f) ? 'procedure.application' : 'procedure.notification'),
            ),
          ),
        ),
      ),
    ),
    h('p', { class: 'field-error' }),
  );

  const userCities = init.user.jurisdictions?.length ? init.user.jurisdictions : undefined;
  const city = jurisdictionSelect({
    value: init.jurisdiction ?? userCities?.[0] ?? '750000000',
    required: true,
  });
  const venue = select('venueId', [{ value: 'auto', label: tl('file.venueAuto') }]);
  const venueHint = h('p', { class: 'hint' });

  const date = input('date', { type: 'date', required: true, value: addDays(todayKz(), 21), min: todayKz() });
  const start = input('startsAt', {
    type: 'time',
    required: true,
    value: '11:00',
    min: '09:00',
    max: '20:00',
    step: 900,
  });
  const end = input('endsAt', {
    type: 'time',
    required: true,
    value: '13:00',
    min: '09:00',
    max: '20:00',
    step: 900,
  });
  const participants = input('expectedParticipants', {
    type: 'number',
    min: 1,
    step: 1,
    inputmode: 'numeric',
    value: 50,
    required: true,
  });
  const purpose = h('textarea', { name: 'purpose', rows: 3, required: true, maxlength: 2000 });
  const equipment = EQUIPMENT.map((e) => checkbox(`equipment.${e}`, `equipment.${e}`));
  const regulations = h('textarea', { name: 'regulations', rows: 4, maxlength: 20000 });
  const financing = h('textarea', { name: 'financing', rows: 2, maxlength: 2000 });
  const iin = input('organizer.iin', {
    inputmode: 'numeric',
    maxlength: 12,
    autocomplete: 'off',
    value: init.user.iin,
    readonly: true,
  });
  const fullName = input('organizer.fullName', { autocomplete: 'name', value: init.user.fullName });
  const address = input('organizer.address', { autocomplete: 'street-address' });
  const phone = input('organizer.phone', {
    type: 'tel',
    autocomplete: 'tel',
    placeholder: '+7 7XX XXX XX XX',
    inputmode: 'tel',
  });
  const email = input('organizer.email', { type: 'email', autocomplete: 'email', inputmode: 'email' });
  const consent = checkbox('personalDataConsent', 'file.consent');

  const regulationsField = field('field.regulations', regulations, {
    name: 'regulations',
    hint: 'file.regulationsHint',
    required: true,
  });
  const participantsField = field('field.participants', participants, {
    name: 'expectedParticipants',
    required: true,
  });
  const participantsHint = h('p', { class: 'hint' });
  participantsField.insertBefore(participantsHint, participantsField.querySelector('.field-error'));

  const submit = h('button', { type: 'submit', class: 'btn btn--primary btn--large' }, tl('file.submit'));

  const el = h(
    'form',
    { class: 'filing-form', novalidate: true, 'aria-describedby': 'file-required-note' },
    h('p', { class: 'hint', id: 'file-required-note' }, tl('file.requiredNote')),
    h(
      'fieldset',
      { class: 'panel' },
      h('legend', { class: 'panel__legend' }, tl('file.sectionWhat')),
      formGroup,
      h(
        'div',
        { class: 'form-grid' },
        city.field,
        h(
          'div',
          { class: 'grow' },
          field('field.venue', venue, { name: 'venueId', required: true }),
          venueHint,
        ),
      ),
    ),
    h(
      'fieldset',
      { class: 'panel' },
      h('legend', { class: 'panel__legend' }, tl('file.sectionWhen')),
      h(
        'div',
        { class: 'form-grid form-grid--3' },
        field('field.date', date, { name: 'date', required: true }),
        field('field.start', start, { name: 'startsAt', required: true, hint: 'file.windowHint' }),
        field('field.end', end, { name: 'endsAt', required: true }),
      ),
      participantsField,
    ),
    h(
      'fieldset',
      { class: 'panel' },
      h('legend', { class: 'panel__legend' }, tl('file.sectionAbout')),
      field('field.purpose', purpose, { name: 'purpose', required: true }),
      h(
        'fieldset',
        { class: 'field checks', 'data-field': 'equipment' },
        h('legend', null, tl('field.equipment')),
        equipment.map((e) => e.wrap),
        h('p', { class: 'field-error' }),
      ),
      regulationsField,
      field('field.financing', financing, { name: 'financing', hint: 'file.financingHint', required: true }),
    ),
    h(
      'fieldset',
      { class: 'panel' },
      h('legend', { class: 'panel__legend' }, tl('file.sectionOrganizer')),
      h(
        'div',
        { class: 'form-grid' },
        field('field.iin', iin, { name: 'organizer.iin', hint: 'file.iinHint' }),
        field('field.fullName', fullName, { name: 'organizer.fullName', required: true }),
        field('field.address', address, { name: 'organizer.address', required: true, class: 'span-2' }),
        field('field.phone', phone, { name: 'organizer.phone', required: true }),
        field('field.email', email, { name: 'organizer.email', required: true }),
      ),
      consent.wrap,
    ),
    h('div', { class: 'actions' }, submit),
  );

  let venueList: VenueFeature[] = [];
  let wantedVenue = init.venueId ?? 'auto';
  const currentForm = (): Form => (formRadios.find((r) => r.checked)?.value as Form) ?? 'meeting';

  let crowd = participants.value;
  function syncForm() {
    const f = currentForm();
    const picket = f === 'picket';
    regulationsField.hidden = picket;
    if (picket && !participants.readOnly) {
      crowd = participants.value;
      participants.value = '1';
      participants.readOnly = true;
    } else if (!picket && participants.readOnly) {
      participants.readOnly = false;
      participants.value = crowd;
    }
    participantsHint.textContent = picket ? t('file.picketOne') : '';
    syncVenues();
  }

  function syncVenues() {
    const kind = MOVING_FORMS.includes(currentForm()) ? 'route' : 'place';
    const items = venueList.filter((v) => v.properties.kind === kind);
    const options: Option[] = [
      { value: 'auto', label: tl('file.venueAuto') },
      ...items.map((v) => ({
        value: v.properties.id,
        label: L(
          () => `${v.properties.name} — ${t('venue.upTo', { n: formatNumber(v.properties.maxOccupancy) })}`,
        ),
      })),
    ];
    const keep = venue.value && venue.value !== 'auto' ? venue.value : wantedVenue;
    setOptions(venue, options, items.some((v) => v.properties.id === keep) ? keep : 'auto');
    venueHint.textContent = t(kind === 'route' ? 'file.venueHintRoute' : 'file.venueHintPlace', {
      kind: label('kind', kind),
    });
  }

  async function loadCityVenues() {
    try {
      const fc = await loadVenues(city.select.value, signal);
      venueList = fc.features;
    } catch {
      venueList = [];
    }
    syncVenues();
  }

  for (const r of formRadios) r.addEventListener('change', syncForm);
  city.select.addEventListener('change', () => {
    wantedVenue = 'auto';
    void loadCityVenues();
  });
  venue.addEventListener('change', () => (wantedVenue = venue.value));
  syncForm();
  void loadCityVenues();

  const text = (el: HTMLInputElement | HTMLTextAreaElement) => el.value.trim();

  return {
    el,
    submit,
    venues: () => venueList,
    read() {
      const f = currentForm();
      const body: FilingBody = {
        form: f,
        jurisdiction: city.select.value,
        purpose: text(purpose),
        startsAt: kzInstant(date.value, start.value),
        endsAt: kzInstant(date.value, end.value),
        expectedParticipants: f === 'picket' ? 1 : Number(participants.value),
        venueId: venue.value || 'auto',
        equipment: {
          sound: equipment[0].box.checked,
          vehicles: equipment[1].box.checked,
          structures: equipment[2].box.checked,
          visualAids: equipment[3].box.checked,
        },
        financing: text(financing),
        personalDataConsent: consent.box.checked,
        organizer: {
          iin: text(iin),
          fullName: text(fullName),
          address: text(address),
          phone: text(phone).replace(/[\s()-]/g, ''),
          email: text(email),
        },
      };
      if (f !== 'picket') body.regulations = text(regulations);
      return body;
    },
    deadlineQuery() {
      if (!/^\d{4}-\d{2}-\d{2}$/.test(date.value)) return null;
      return { form: currentForm(), date: date.value, jurisdiction: city.select.value };
    },
    useSlot(slot) {
      wantedVenue = slot.venueId;
      syncVenues();
      if ([...venue.options].some((o) => o.value === slot.venueId)) venue.value = slot.venueId;
      date.value = slot.date;
      start.value = slot.start;
      end.value = slot.end;
      date.dispatchEvent(new Event('change'));
    },
    precheck() {
      const errors: { field: string; code: string; message: string }[] = [];
      const need = (ok: boolean, name: string) => {
        if (!ok) errors.push({ field: name, code: 'required', message: t('field.required') });
      };
      need(!!date.value, 'date');
      need(!!start.value, 'startsAt');
      need(!!end.value, 'endsAt');
      if (start.value && end.value && end.value <= start.value) {
        errors.push({ field: 'endsAt', code: 'order', message: t('file.endAfterStart') });
      }
      const n = Number(participants.value);
      if (!(Number.isInteger(n) && n >= 1))
        errors.push({ field: 'expectedParticipants', code: 'min', message: t('file.participantsMin') });
      need(!!text(purpose), 'purpose');
      if (currentForm() !== 'picket') need(!!text(regulations), 'regulations');
      need(!!text(financing), 'financing');
      need(!!text(fullName), 'organizer.fullName');
      need(!!text(address), 'organizer.address');
      need(!!text(phone), 'organizer.phone');
      need(!!text(email), 'organizer.email');
      if (!consent.box.checked)
        errors.push({ field: 'personalDataConsent', code: 'required', message: t('file.consentRequired') });
      return errors;
    },
    onDeadlineInputs(fn) {
      for (const r of formRadios) r.addEventListener('change', fn);
      city.select.addEventListener('change', fn);
      date.addEventListener('change', fn);
    },
  };
}
