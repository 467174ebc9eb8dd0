import './styles/main.css';
import { h, replace } from './dom';
import { initLang, L, t, tl, type MessageKey } from './i18n';
import { startRouter, type Page, type Route } from './router';
import { hasRole, session, type Role } from './session';
import { createHeader } from './ui/header';
import { flashRegion } from './ui/flash';
import { pageHeader } from './ui/page';
import { problemBox, showProblem } from './ui/problem';

type Guard = 'signed-in' | Role;

/** A route whose page needs a session (or a role); otherwise it explains and offers to sign in. */
function guarded(guard: Guard | null, load: () => Promise<{ default: Page }>): () => Promise<Page> {
  return async () => {
    const page = (await load()).default;
    if (!guard) return page;
    return (root, ctx) => {
      if (!session()) return needSignIn(root);
      if (guard !== 'signed-in' && !hasRole(guard)) return needRole(root, guard);
      return page(root, ctx);
    };
  };
}

const routes: Route[] = [
  { pattern: '/map', load: guarded(null, () => import('./pages/map-page')) },
  { pattern: '/deadlines', load: guarded(null, () => import('./pages/deadlines-page')) },
  { pattern: '/register', load: guarded(null, () => import('./pages/register-page')) },
  { pattern: '/signin', load: guarded(null, () => import('./pages/signin-page')) },
  { pattern: '/file', load: guarded('signed-in', () => import('./pages/file/file-page')) },
  { pattern: '/my', load: guarded('signed-in', () => import('./pages/my-page')) },
  { pattern: '/my/:id', load: guarded('signed-in', () => import('./pages/my-filing-page')) },
  { pattern: '/queue', load: guarded('akimat_officer', () => import('./pages/queue-page')) },
  { pattern: '/queue/:id', load: guarded('akimat_officer', () => import('./pages/decision/decision-page')) },
  { pattern: '/venues', load: guarded('maslikhat_staff', () => import('./pages/venues-page')) },
];

function needSignIn(root: HTMLElement) {
  const next = encodeURIComponent(location.hash || '#/map');
  replace(
    root,
    pageHeader('guard.signInTitle', 'guard.signInLead'),
    h(
      'p',
      null,
      h('a', { class: 'btn btn--primary btn--large', href: `#/signin?next=${next}` }, tl('nav.signin')),
    ),
  );
}

function needRole(root: HTMLElement, role: Role) {
  replace(
    root,
    pageHeader('guard.roleTitle'),
    h(
      'p',
      { class: 'notice' },
      L(() => t('guard.roleLead', { role: t(`role.${role}` as MessageKey) })),
    ),
  );
}

const notFound: Page = (root) => {
  replace(
    root,
    pageHeader('notFound.title', 'notFound.lead'),
    h('p', null, h('a', { class: 'btn', href: '#/map' }, tl('nav.map'))),
  );
};

function pageError(root: HTMLElement, error: unknown) {
  const box = problemBox();
  root.append(box);
  showProblem(box, error);
}

initLang();
const header = createHeader();
const main = h('main', { id: 'main', class: 'main', tabindex: -1 });
const footer = h(
  'footer',
  { class: 'footer' },
  h(
    'div',
    { class: 'footer__inner' },
    h('p', null, tl('footer.about')),
    h(
      'p',
      null,
      h('a', { href: '/api/docs' }, tl('footer.api')),
      ' · ',
      h('a', { href: '#/register' }, tl('nav.register')),
    ),
  ),
);
document.getElementById('app')!.replaceChildren(header.el, flashRegion(), main, footer);

// The header follows the session; pages keep what was typed (a lapsed session is reported where it
// matters, and the filing form keeps a draft).
startRouter(routes, main, notFound, (match) => header.setActive(match?.path ?? ''), pageError);
