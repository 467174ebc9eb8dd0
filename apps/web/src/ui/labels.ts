import { CITIES } from '../config';
import { has, lang, t, type MessageKey } from '../i18n';
import type { Role } from '../session';

/** Labels for codes the api sends (forms, statuses, roles, cities), with the raw code as fallback. */
export function label(prefix: string, code: string | undefined | null): string {
  if (!code) return '';
  const key = `${prefix}.${code}`;
  return has(key) ? t(key as MessageKey) : code;
}

export function cityLabel(kato: string | undefined | null): string {
  const city = CITIES.find((c) => c.kato === kato);
  return city ? t(city.key) : (kato ?? '');
}

export function roleLabel(role: Role | string, city?: string | null): string {
  const name = label('role', role);
  return city ? `${name} (${cityLabel(city)})` : name;
}

/** A catalogue title in the UI language (the refusal grounds carry kk, ru and en). */
export function localized(title: { kk?: string; ru?: string; en?: string } | string | undefined): string {
  if (!title) return '';
  if (typeof title === 'string') return title;
  return title[lang()] ?? title.ru ?? title.en ?? title.kk ?? '';
}
