import type { AuthUser } from '../auth/auth.types';

/**
 * Filings carry personal data, so among staff only akimat officers (of the filing's jurisdiction;
 * a city's officers also its districts) and administrators read them. Maslikhat staff keep places
 * and zones and see filings only through the public register.
 */
export function staffJurisdictions(
  user: AuthUser,
  withDescendants: (kato: string) => string[],
): string[] | 'all' {
  if (user.staff.some((s) => s.role === 'admin')) return 'all';
  return [
    ...new Set(
      user.staff
        .filter((s) => s.role === 'akimat_officer' && s.jurisdiction)
        .flatMap((s) => withDescendants(s.jurisdiction!)),
    ),
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

/** Whether the user may read a filing: its organizer, or an officer of its jurisdiction. Others get 404. */
export function canRead(
  user: AuthUser,
  row: { organizer_iin: string; jurisdiction_kato: string },
  withDescendants: (kato: string) => string[],
): boolean {
  if (row.organizer_iin === user.iin) return true;
  const scope = staffJurisdictions(user, withDescendants);
  return scope === 'all' || scope.includes(row.jurisdiction_kato);
}
