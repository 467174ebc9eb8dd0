import { en, type MessageKey } from './en';
import { kk } from './kk';
import { ru } from './ru';

export type { MessageKey };
export type Lang = 'kk' | 'ru' | 'en';
export const LANGS: readonly Lang[] = ['kk', 'ru', 'en'];

const DICTIONARIES: Record<Lang, Record<MessageKey, string>> = { kk, ru, en };
const LOCALES: Record<Lang, string> = { kk: 'kk-KZ', ru: 'ru-RU', en: 'en-GB' };
const STORAGE_KEY = 'jiyn.lang';

let current: Lang = 'ru';
const listeners = new Set<(lang: Lang) => void>();

/** The language chosen before (this browser), else the browser's own if we have it, else Russian. */
export function initLang(): Lang {
  let chosen: string | null = null;
  try {
    chosen = localStorage.getItem(STORAGE_KEY);
  } catch {}
  const browser = (navigator.languages?.[0] ?? navigator.language ?? '').slice(0, 2).toLowerCase();
  current = isLang(chosen) ? chosen : isLang(browser) ? browser : 'ru';
  document.documentElement.lang = current;
  return current;
}

export function isLang(value: unknown): value is Lang {
  return typeof value === 'string' && (LANGS as readonly string[]).includes(value);
}

export function lang(): Lang {
  return current;
}

/** BCP 47 locale for Intl formatting in the current language. */
export function locale(): string {
  return LOCALES[current];
}

export function setLang(next: Lang): void {
  if (next === current) return;
  current = next;
  document.documentElement.lang = next;
  try {
    localStorage.setItem(STORAGE_KEY, next);
  } catch {}
  live.refresh();
  for (const fn of listeners) fn(next);
}

export function onLangChange(fn: (lang: Lang) => void): () => void {
  listeners.add(fn);
  return () => listeners.delete(fn);
}

/** The message in the current language, with `{name}` placeholders filled. */
export function t(key: MessageKey, params?: Record<string, string | number>): string {
  const text = DICTIONARIES[current][key] ?? en[key] ?? key;
  return params
    ? text.replace(/\{(\w+)\}/g, (m, name: string) => (name in params ? String(params[name]) : m))
    : text;
}

/**
 * A counted message: `${base}.one|few|many|other` by the plural rules of the current language
 * (Russian has three forms), with `{n}` filled.
 */
export function tn(base: string, n: number): string {
  const rule = new Intl.PluralRules(LOCALES[current]).select(n);
  const key = `${base}.${rule}`;
  return t((has(key) ? key : `${base}.other`) as MessageKey, { n });
}

/** True when `key` is a message (for codes that come from the server, such as problem codes). */
export function has(key: string): key is MessageKey {
  return key in en;
}

// --- Live text: strings that follow the language switcher without re-rendering the page. ---

const LIVE = Symbol('live');
export interface Live {
  readonly [LIVE]: true;
  get(): string;
}

/** Text computed anew whenever the language changes. */
export function L(get: () => string): Live {
  return { [LIVE]: true, get };
}

/** A message that follows the language switcher. */
export function tl(key: MessageKey, params?: Record<string, string | number>): Live {
  return L(() => t(key, params));
}

export function isLive(value: unknown): value is Live {
  return typeof value === 'object' && value !== null && LIVE in value;
}

interface Binding {
  ref: WeakRef<Node>;
  update(node: Node): void;
}
const bindings = new Set<Binding>();

export const live = {
  textNode(value: Live): Text {
    const node = document.createTextNode(value.get());
    bindings.add({ ref: new WeakRef(node), update: (n) => (n.textContent = value.get()) });
    return node;
  },
  bindAttr(el: Element, name: string, value: Live): void {
    el.setAttribute(name, value.get());
    bindings.add({ ref: new WeakRef(el), update: (n) => (n as Element).setAttribute(name, value.get()) });
  },
  refresh(): void {
    for (const b of bindings) {
      const node = b.ref.deref();
      if (!node || !node.isConnected) bindings.delete(b);
      else b.update(node);
    }
  },
  /** Forgets bindings of nodes no longer in the document (called on navigation). */
  prune(): void {
    for (const b of bindings) {
      const node = b.ref.deref();
      if (!node || !node.isConnected) bindings.delete(b);
    }
  },
};
