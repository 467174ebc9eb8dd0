import type { AuthUser } from '../auth/auth.types';

/** Staff see the filings of the jurisdictions they hold (a city's staff also its districts). */
export function staffJurisdictions(
  user: AuthUser,
  withDescendants: (kato: string) => string[],
): string[] | 'all' {
  if (user.staff.some((s) => s.role === 'admin')) return 'all';
  return [
    ...new Set(user.staff.filter((s) => s.jurisdiction).flatMap((s) => withDescendants(s.jurisdiction!))),
  ];
}

export function isOfficerFor(
  user: AuthUser,
  jurisdiction: string,
  parentOf: (kato: string) => string | null,
): boolean {
  const parent = parentOf(jurisdiction);
  return user.staff.some(
    (s) =>
      s.role === 'akimat_officer' &&
      (s.jurisdiction === jurisdiction || (parent !== null && s.jurisdiction === parent)),
  );
}

/** Whether the user may read a filing: its organizer, or staff of its jurisdiction. Others get 404. */
export function canRead(
  user: AuthUser,
  row: { organizer_iin: string; registered_by: string; jurisdiction_kato: string },
  withDescendants: (kato: string) => string[],
): boolean {
  if (row.organizer_iin === user.iin) return true;
  const scope = staffJurisdictions(user, withDescendants);
  return scope === 'all' || scope.includes(row.jurisdiction_kato);
}
