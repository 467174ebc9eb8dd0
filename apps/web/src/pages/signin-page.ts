import { api } from '../api';
import { h, replace } from '../dom';
import { L, tl } from '../i18n';
import { navigate, type PageContext } from '../router';
import { session, setSession, type Role, type SessionUser } from '../session';
import { signBytes, utf8 } from '../signing';
import { flash } from '../ui/flash';
import { roleLabel } from '../ui/labels';
import { pageHeader } from '../ui/page';
import { clearProblem, problemBox, showProblem } from '../ui/problem';

interface Challenge {
  challenge: string;
  expiresAt: string;
}
interface SessionResponse {
  token: string;
  user: SessionUser;
}

/** Where each role starts its work. */
export function homeFor(roles: Role[]): string {
  if (roles.includes('akimat_officer')) return '#/queue';
  if (roles.includes('maslikhat_staff')) return '#/venues';
  return '#/my';
}

/** Sign in with an e-signature: NCALayer when present, the development signer otherwise. */
export default function signinPage(root: HTMLElement, ctx: PageContext): void {
  const next = ctx.query.get('next');
  const problem = problemBox();
  const status = h('p', { class: 'status', role: 'status', 'aria-live': 'polite' });
  const button = h('button', { type: 'button', class: 'btn btn--primary btn--large' }, tl('signin.button'));

  const current = session();
  replace(
    root,
    pageHeader('signin.title', 'signin.lead'),
    h(
      'section',
      { class: 'panel signin' },
      current
        ? h('p', { class: 'notice notice--ok' }, tl('signin.already', { name: current.user.fullName }))
        : null,
      h(
        'ol',
        { class: 'steps' },
        h('li', null, tl('signin.step1')),
        h('li', null, tl('signin.step2')),
        h('li', null, tl('signin.step3')),
      ),
      button,
      status,
      problem,
      h('p', { class: 'hint' }, tl('signin.stubNote')),
    ),
  );

  button.addEventListener('click', async () => {
    clearProblem(problem);
    button.disabled = true;
    button.setAttribute('aria-busy', 'true');
    try {
      replace(status, tl('signin.gettingChallenge'));
      const { challenge } = await api.post<Challenge>(
        '/auth/challenge',
        {},
        { auth: false, signal: ctx.signal },
      );
      replace(status, tl('signin.signing'));
      const signed = await signBytes(utf8(challenge), 'auth');
      replace(status, tl('signin.checking'));
      const result = await api.post<SessionResponse>(
        '/auth/session',
        { signature: signed.envelope },
        { auth: false, signal: ctx.signal },
      );
      setSession({ token: result.token, user: result.user, method: signed.method });
      const roles = result.user.roles.filter((r) => r !== 'organizer');
      flash(
        signed.method === 'stub' ? 'warn' : 'ok',
        tl('signin.done', { name: result.user.fullName }),
        roles.length
          ? [' (', L(() => roles.map((r) => roleLabel(r, result.user.jurisdictions?.[0])).join(', ')), ')']
          : null,
        '. ',
        signed.method === 'stub' ? tl('sign.withStub') : tl('sign.withNcaLayer'),
      );
      navigate(next && next.startsWith('#/') ? next : homeFor(result.user.roles));
    } catch (error) {
      if ((error as Error)?.name === 'AbortError') return;
      replace(status);
      showProblem(problem, error);
    } finally {
      button.disabled = false;
      button.removeAttribute('aria-busy');
    }
  });
}
