import type { FastifyRequest } from 'fastify';

export type Role = 'organizer' | 'akimat_officer' | 'maslikhat_staff' | 'admin';
export const STAFF_ROLES = ['akimat_officer', 'maslikhat_staff', 'admin'] as const;
export type StaffRole = (typeof STAFF_ROLES)[number];

export interface StaffAssignment {
  id: string;
  role: StaffRole;
  /** Null for administrators, whose remit is national. */
  jurisdiction: string | null;
}

/** The signed-in person behind a request. Roles are read afresh on every request. */
export interface AuthUser {
  iin: string;
  fullName: string;
  roles: Role[];
  staff: StaffAssignment[];
  /** Jurisdictions (KATO) where this person holds a staff role. */
  jurisdictions: string[];
  tokenHash: string;
}

export type AuthenticatedRequest = FastifyRequest & { user?: AuthUser };

/** Whether the user holds `role` in `jurisdiction` (a city's staff also cover its districts). */
export function holdsRoleIn(
  user: AuthUser,
  role: StaffRole,
  jurisdiction: string,
  parentOf?: (kato: string) => string | null,
): boolean {
  return user.staff.some(
    (s) =>
      s.role === role &&
      (s.jurisdiction === jurisdiction ||
        (parentOf !== undefined && s.jurisdiction !== null && parentOf(jurisdiction) === s.jurisdiction)),
  );
}
