import { CITIES } from '../config';
import { tl } from '../i18n';
import { field, select } from './fields';

/** The city picker (Almaty, Astana, Shymkent, optionally "all" or only the given codes). */
export function jurisdictionSelect(options: {
  value?: string;
  withAll?: boolean;
  name?: string;
  only?: string[];
  required?: boolean;
}): { field: HTMLDivElement; select: HTMLSelectElement } {
  const cities = CITIES.filter((c) => !options.only?.length || options.only.includes(c.kato));
  const extra = (options.only ?? []).filter((k) => !CITIES.some((c) => c.kato === k));
  const el = select(
    options.name ?? 'jurisdiction',
    [
      ...(options.withAll ? [{ value: 'all', label: tl('city.all') }] : []),
      ...cities.map((c) => ({ value: c.kato, label: tl(c.key) })),
      ...extra.map((k) => ({ value: k, label: k })),
    ],
    options.value,
  );
  return {
    field: field('field.jurisdiction', el, {
      name: options.name ?? 'jurisdiction',
      required: options.required,
    }),
    select: el,
  };
}
