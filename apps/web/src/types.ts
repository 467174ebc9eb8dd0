/**
 * Shapes the client reads. Venues and deadlines come from the shared contracts; the rest follows
 * API.md, with optional members where the contract leaves the exact shape open.
 */
import type { Geometry } from 'geojson';
import type { Form, Outcome } from './config';

export type {
  DeadlinesResponse,
  VenueFeature,
  VenueFeatureCollection,
  VenueProperties,
} from '@jiyn/contracts';
export type { Geometry };

export type FilingStatus =
  | 'submitted'
  | 'approved'
  | 'approved_with_restrictions'
  | 'change_proposed'
  | 'refused'
  | 'deemed_approved'
  | 'answer_overdue'
  | 'withdrawn'
  | 'held'
  | 'suspended'
  | 'terminated'
  | 'cancelled';

export interface Deadlines {
  fileBy?: string;
  answerDueBy?: string;
  answerDeadline?: string;
  deemedApprovedAt?: string | null;
}

export interface Proposal {
  venueId?: string;
  venueName?: string;
  startsAt?: string;
  endsAt?: string;
  /** Until when the organizer may answer (one working day). */
  replyDeadline?: string;
  reply?: 'pending' | 'accepted' | 'declined' | string;
  /** When the organizer answered, and why they declined (optional). */
  repliedAt?: string | null;
  replyReason?: string | null;
  reason?: string;
}

export interface Decision {
  /** The answer came after the legal deadline. */
  late?: boolean;
  outcome?: Outcome;
  grounds?: string[];
  reason?: string;
  restrictions?: string[];
  proposal?: Proposal;
  deliveredVia?: string;
  decidedAt?: string;
}

export interface Filing {
  id: string;
  number?: string;
  form: Form;
  procedure?: 'notification' | 'application';
  status: FilingStatus;
  jurisdiction?: string;
  purpose?: string;
  startsAt?: string;
  endsAt?: string;
  expectedParticipants?: number;
  venueId?: string | null;
  venue?: { id?: string; name?: string; kind?: string } | null;
  venueName?: string;
  object?: string;
  equipment?: Record<string, boolean>;
  regulations?: string;
  financing?: string;
  organizer?: {
    iin?: string;
    fullName?: string;
    address?: string;
    phone?: string;
    email?: string;
    name?: string;
  };
  registrationDate?: string;
  registeredAt?: string;
  answerDeadline?: string;
  deadlines?: Deadlines;
  decision?: Decision | null;
  proposal?: Proposal | null;
  channel?: string;
  decidedAt?: string | null;
  deemedApprovedAt?: string | null;
  /** From when the organizer may campaign for the assembly (Art. 15). */
  agitationAllowedFrom?: string | null;
}

export interface FilingCreated {
  id: string;
  number: string;
  status: FilingStatus;
  form: Form;
  procedure: 'notification' | 'application';
  registrationDate: string;
  deadlines: Deadlines;
}

export interface RefusalGround {
  code: string;
  article?: string;
  title: { kk?: string; ru?: string; en?: string };
}

export interface Alternative {
  venueId: string;
  startsAt: string;
  endsAt: string;
  venueName?: string;
}

/** One row of the public register; the contract names the facts, not the member names. */
export interface RegisterEntry extends Partial<Filing> {
  place?: string;
  answer?: Decision | null;
  organizerName?: string | null;
}
