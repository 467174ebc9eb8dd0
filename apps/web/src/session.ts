/** The signed-in user, kept in sessionStorage (gone when the tab closes). */

export type Role = 'organizer' | 'akimat_officer' | 'maslikhat_staff' | 'admin';
export type SignMethod = 'ncalayer' | 'stub';

export interface SessionUser {
  iin: string;
  fullName: string;
  roles: Role[];
  jurisdictions: string[];
}

export interface Session {
  token: string;
  user: SessionUser;
  /** How the sign-in challenge was signed, so the UI can say so. */
  method: SignMethod;
}

const KEY = 'jiyn.session';
const listeners = new Set<(s: Session | null) => void>();
let cached: Session | null | undefined;

export function session(): Session | null {
  if (cached !== undefined) return cached;
  try {
    const raw = sessionStorage.getItem(KEY);
    const parsed = raw ? (JSON.parse(raw) as Session) : null;
    cached = parsed && typeof parsed.token === 'string' && parsed.user ? parsed : null;
  } catch {
    cached = null;
  }
  return cached;
}

export function setSession(next: Session | null): void {
  cached = next;
  try {
    if (next) sessionStorage.setItem(KEY, JSON.stringify(next));
    else sessionStorage.removeItem(KEY);
  } catch {}
  for (const fn of listeners) fn(next);
}

export function onSessionChange(fn: (s: Session | null) => void): () => void {
  listeners.add(fn);
  return () => listeners.delete(fn);
}

export function hasRole(role: Role): boolean {
  return session()?.user.roles?.includes(role) ?? false;
}
