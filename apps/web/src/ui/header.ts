import { api } from '../api';
import { h, replace } from '../dom';
import { L, LANGS, lang, onLangChange, setLang, tl, type Lang, type MessageKey } from '../i18n';
import { navigate } from '../router';
import { hasRole, onSessionChange, session, setSession } from '../session';
import { roleLabel } from './labels';

interface NavItem {
  href: string;
  key: MessageKey;
  show: () => boolean;
}

const NAV: NavItem[] = [
  { href: '#/map', key: 'nav.map', show: () => true },
  { href: '#/register', key: 'nav.register', show: () => true },
  { href: '#/deadlines', key: 'nav.deadlines', show: () => true },
  { href: '#/file', key: 'nav.file', show: () => !!session() },
  { href: '#/my', key: 'nav.my', show: () => !!session() },
  { href: '#/queue', key: 'nav.queue', show: () => hasRole('akimat_officer') },
  { href: '#/venues', key: 'nav.venues', show: () => hasRole('maslikhat_staff') },
];

const LANG_NAMES: Record<Lang, string> = { kk: 'Қаз', ru: 'Рус', en: 'Eng' };
const LANG_FULL: Record<Lang, string> = { kk: 'Қазақша', ru: 'Русский', en: 'English' };

/** The top bar: brand, navigation, language switcher and who is signed in. */
export function createHeader(): { el: HTMLElement; setActive(path: string): void } {
  const nav = h('ul', { class: 'nav__list' });
  const user = h('div', { class: 'user' });
  const menuButton = h(
    'button',
    { type: 'button', class: 'menu-toggle', 'aria-expanded': 'false', 'aria-controls': 'site-nav' },
    h('span', { class: 'menu-toggle__bars', 'aria-hidden': 'true' }),
    h('span', null, tl('nav.menu')),
  );
  const panel = h(
    'div',
    { class: 'topbar__panel', id: 'site-nav' },
    h('nav', { class: 'nav', 'aria-label': tl('nav.main') }, nav),
    user,
  );
  let activePath = '/map';

  const langs = h(
    'div',
    { class: 'lang-switch', role: 'group', 'aria-label': tl('lang.label') },
    LANGS.map((l) =>
      h(
        'button',
        {
          type: 'button',
          lang: l,
          'data-lang': l,
          title: LANG_FULL[l],
          'aria-label': LANG_FULL[l],
          'aria-pressed': String(l === lang()),
          onclick: () => setLang(l),
        },
        LANG_NAMES[l],
      ),
    ),
  );

  const skip = h(
    'a',
    {
      class: 'skip-link',
      href: '#main',
      onclick: (e: Event) => {
        e.preventDefault();
        const main = document.getElementById('main');
        main?.focus();
      },
    },
    tl('nav.skip'),
  );

  const brand = h(
    'a',
    { class: 'brand', href: '#/map' },
    h('span', { class: 'brand__mark', 'aria-hidden': 'true' }),
    h('span', { class: 'brand__name' }, 'Jiyn'),
    h('span', { class: 'brand__tag' }, tl('brand.tagline')),
  );

  const el = h(
    'header',
    { class: 'topbar' },
    skip,
    h(
      'div',
      { class: 'topbar__inner' },
      brand,
      h('div', { class: 'topbar__tools' }, langs, menuButton),
      panel,
    ),
  );

  const closeMenu = () => {
    el.classList.remove('topbar--open');
    menuButton.setAttribute('aria-expanded', 'false');
  };
  menuButton.addEventListener('click', () => {
    const open = !el.classList.contains('topbar--open');
    el.classList.toggle('topbar--open', open);
    menuButton.setAttribute('aria-expanded', String(open));
  });
  el.addEventListener('keydown', (e) => {
    if (e.key === 'Escape' && el.classList.contains('topbar--open')) {
      closeMenu();
      menuButton.focus();
    }
  });

  function renderNav() {
    replace(
      nav,
      NAV.filter((item) => item.show()).map((item) =>
        h(
          'li',
          null,
          h(
            'a',
            {
              href: item.href,
              class: 'nav__link',
              'aria-current': item.href === `#${activePath.split('/').slice(0, 2).join('/')}` ? 'page' : null,
              onclick: closeMenu,
            },
            tl(item.key),
          ),
        ),
      ),
    );
  }

  function renderUser() {
    const s = session();
    if (!s) {
      replace(
        user,
        h(
          'a',
          { class: 'btn btn--primary btn--small', href: '#/signin', onclick: closeMenu },
          tl('nav.signin'),
        ),
      );
      return;
    }
    const staffRoles = s.user.roles.filter((r) => r !== 'organizer');
    const roles = staffRoles.length ? staffRoles : s.user.roles;
    const city = s.user.jurisdictions?.[0];
    replace(
      user,
      h(
        'div',
        { class: 'user__who', 'data-testid': 'current-user' },
        h('span', { class: 'user__name', title: s.user.fullName }, s.user.fullName),
        h(
          'span',
          { class: 'user__meta' },
          h(
            'span',
            { class: 'user__roles' },
            roles.map((r, i) => [
              i ? ', ' : '',
              h(
                'span',
                { class: 'user__role', 'data-role': r },
                L(() => roleLabel(r, r === 'organizer' ? undefined : city)),
              ),
            ]),
          ),
          s.method === 'stub'
            ? h('span', { class: 'chip chip--warn', title: tl('sign.stubBadgeTitle') }, tl('sign.stubBadge'))
            : null,
        ),
      ),
      h(
        'button',
        {
          type: 'button',
          class: 'btn btn--small',
          onclick: async () => {
            closeMenu();
            try {
              await api.post('/auth/logout');
            } catch {}
            setSession(null);
            navigate('#/map');
          },
        },
        tl('nav.signout'),
      ),
    );
  }

  renderNav();
  renderUser();
  onSessionChange(() => {
    renderNav();
    renderUser();
  });
  onLangChange((l) => {
    for (const b of langs.querySelectorAll('button'))
      b.setAttribute('aria-pressed', String(b.dataset.lang === l));
  });

  return {
    el,
    setActive(path: string) {
      activePath = path;
      closeMenu();
      renderNav();
    },
  };
}
