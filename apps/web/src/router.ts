import { live } from './i18n';

/** What a page gets: route parameters, the query of the hash, and an end-of-life signal. */
export interface PageContext {
  params: Record<string, string>;
  query: URLSearchParams;
  /** Aborted when the person navigates away: pass it to fetch and stop timers. */
  signal: AbortSignal;
  onCleanup(fn: () => void): void;
  /** Rewrites the query part of the address without re-rendering (for shareable filters). */
  setQuery(values: Record<string, string | undefined>): void;
}

export type Page = (root: HTMLElement, ctx: PageContext) => void | Promise<void>;

export interface Route {
  pattern: string; // "/my/:id"
  load: () => Promise<Page>;
}

export interface Match {
  route: Route;
  params: Record<string, string>;
  path: string;
  query: URLSearchParams;
}

/** Splits `#/my/42?x=1` into a path and a query. */
export function parseHash(hash: string): { path: string; query: URLSearchParams } {
  const raw = hash.replace(/^#/, '') || '/map';
  const [path, qs = ''] = raw.split('?', 2);
  return { path: path.startsWith('/') ? path : `/${path}`, query: new URLSearchParams(qs) };
}

export function matchRoute(routes: Route[], hash: string): Match | null {
  const { path, query } = parseHash(hash);
  const parts = path.split('/').filter(Boolean);
  for (const route of routes) {
    const pattern = route.pattern.split('/').filter(Boolean);
    if (pattern.length !== parts.length) continue;
    const params: Record<string, string> = {};
    const ok = pattern.every((p, i) => {
      if (p.startsWith(':')) {
        params[p.slice(1)] = decodeURIComponent(parts[i]);
        return true;
      }
      return p === parts[i];
    });
    if (ok) return { route, params, path, query };
  }
  return null;
}

export function navigate(hash: string): void {
  if (location.hash === hash) window.dispatchEvent(new HashChangeEvent('hashchange'));
  else location.hash = hash;
}

/** Renders the page of the current hash into `outlet`, and again on every change. */
export function startRouter(
  routes: Route[],
  outlet: HTMLElement,
  notFound: Page,
  onRoute: (match: Match | null) => void,
  onPageError: (root: HTMLElement, error: unknown) => void,
): { rerender(): void } {
  let controller: AbortController | null = null;
  const cleanups: (() => void)[] = [];
  let first = true;
  let seq = 0;

  async function render() {
    const mine = ++seq;
    controller?.abort();
    for (const fn of cleanups.splice(0)) {
      try {
        fn();
      } catch {}
    }
    controller = new AbortController();
    const match = matchRoute(routes, location.hash);
    onRoute(match);
    const page = match ? await match.route.load() : notFound;
    if (mine !== seq) return; // a newer navigation won
    const { path, query } = parseHash(location.hash);
    const ctx: PageContext = {
      params: match?.params ?? {},
      query,
      signal: controller.signal,
      onCleanup: (fn) => cleanups.push(fn),
      setQuery(values) {
        const q = new URLSearchParams();
        for (const [k, v] of Object.entries(values)) if (v) q.set(k, v);
        const qs = q.toString();
        history.replaceState(history.state, '', `#${path}${qs ? `?${qs}` : ''}`);
      },
    };
    const root = document.createElement('div');
    root.className = 'page';
    outlet.replaceChildren(root);
    live.prune();
    try {
      await page(root, ctx);
    } catch (error) {
      if ((error as Error)?.name !== 'AbortError') onPageError(root, error);
    }
    if (!first) {
      const heading = outlet.querySelector('h1');
      if (heading) {
        heading.tabIndex = -1;
        heading.focus({ preventScroll: true });
      }
      window.scrollTo({ top: 0 });
    }
    first = false;
  }

  window.addEventListener('hashchange', () => void render());
  void render();
  return { rerender: () => void render() };
}
