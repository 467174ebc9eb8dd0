/**
 * Request and response shapes shared by the api and the web client (no runtime code, so the
 * web bundle can import it freely).
 */
import type { Geometry } from 'geojson';

export type VenueKind = 'place' | 'route';

export interface VenueProperties {
  id: string;
  name: string;
  kind: VenueKind;
  maxOccupancy: number;
  jurisdiction: string;
  decisionRef?: string;
  activeFrom?: string;
  activeTo?: string | null;
}

export interface VenueFeature {
  type: 'Feature';
  id: string;
  geometry: Geometry;
  properties: VenueProperties;
}

export interface VenueFeatureCollection {
  type: 'FeatureCollection';
  features: VenueFeature[];
}

export interface ProblemDetails {
  type: string;
  title: string;
  status: number;
  detail?: string;
  code: string;
  correlationId?: string;
  errors?: { field: string; code: string; message: string }[];
  [extension: string]: unknown;
}

export interface DeadlinesResponse {
  form: string;
  procedure: 'notification' | 'application';
  assemblyDate: string;
  fileBy: string;
  answerWorkingDays: number;
  deemedApproval: boolean;
  registrationDate?: string;
  timely?: boolean;
  answerDueBy?: string;
  answerDeadline?: string;
  deemedApprovedAt?: string | null;
}

export interface CalendarYearResponse {
  year: number;
  nonWorkingDays: readonly { date: string; reason: string }[];
  workingWeekendDays: readonly { date: string; reason: string }[];
}

// ---- Venues: maintenance by maslikhat staff, and the public list of bookings per venue ----

/** The answer to POST /api/v1/venues and PATCH /api/v1/venues/{id}. */
export interface VenueChangeResponse {
  id: string;
  name: string;
  kind: VenueKind;
  jurisdiction: string;
  geometry: Geometry;
  maxOccupancy: number;
  decisionRef: string;
  activeFrom: string;
  activeTo: string | null;
  createdAt: string;
  updatedAt: string;
  /** E.g. a district or city left with fewer specialized places than the law asks (Art. 9(2)). */
  warnings: VenueWarning[];
  /** Future active bookings that no longer fit the venue (closed, too small, kind changed). */
  affectedBookings: AffectedBooking[];
}

export interface VenueWarning {
  code: 'too_few_places';
  message: string;
  jurisdiction: string;
  activePlaces: number;
  minimum: number;
  /** The day the count applies to. */
  onDate: string;
}

export interface AffectedBooking {
  bookingId: string;
  filingId: string;
  number: string;
  status: string;
  assemblyDate: string;
  startsAt: string;
  endsAt: string;
  expectedParticipants: number;
  reason: 'venue_closed' | 'venue_not_yet_active' | 'over_capacity' | 'kind_changed';
}

/** One assembly booked at a venue (GET /api/v1/venues/{id}/bookings); no personal data. */
export interface VenueBooking {
  date: string;
  /** Local wall-clock times HH:MM. */
  start: string;
  end: string;
  startsAt: string;
  endsAt: string;
  expectedParticipants: number;
  status: string;
  form: string;
  number: string;
  filingId: string;
}

export interface VenueBookingsResponse {
  venue: { id: string; name: string; kind: VenueKind; maxOccupancy: number; jurisdiction: string };
  from: string;
  to: string;
  bookings: VenueBooking[];
}

// ---- No-picketing zones ----

export interface RestrictedZoneProperties {
  id: string;
  jurisdiction: string;
  reason: string;
  decisionRef: string;
  activeFrom: string;
  activeTo: string | null;
}

export interface RestrictedZoneFeature {
  type: 'Feature';
  id: string;
  geometry: Geometry;
  properties: RestrictedZoneProperties;
}

export interface RestrictedZoneFeatureCollection {
  type: 'FeatureCollection';
  features: RestrictedZoneFeature[];
}

// ---- The public register ----

export interface RegisterAnswer {
  outcome: string;
  grounds: string[];
  reason: string | null;
  restrictions: string[];
  decidedAt: string | null;
  late: boolean;
}

/**
 * One entry of the public register: a filing (source "filing") or a past assembly imported from
 * paper records (source "import", with only form, jurisdiction, date, place, participants and
 * status). Never an individual's name, IIN, address or contacts.
 */
export interface RegisterEntry {
  source: 'filing' | 'import';
  id: string;
  number: string | null;
  jurisdiction: string;
  form: string;
  procedure: 'notification' | 'application';
  status: string;
  purpose: string | null;
  /** Imported records: the place as written on paper. Filings: the venue name or picket object. */
  place: string | null;
  venueId: string | null;
  venueName: string | null;
  venueKind: VenueKind | null;
  location: Geometry | null;
  object: string | null;
  startsAt: string | null;
  endsAt: string | null;
  assemblyDate: string;
  expectedParticipants: number;
  organizer: { legalEntity: { name: string; bin: string } } | { kind: 'individual' } | null;
  registrationDate: string | null;
  deadlines: {
    fileBy: string;
    answerDueBy: string;
    answerDeadline: string | null;
    deemedApprovedAt: string | null;
  } | null;
  answer: RegisterAnswer | null;
  deemedApprovedAt: string | null;
}

export interface RegisterPage {
  items: RegisterEntry[];
  total: number;
  limit: number;
  offset: number | null;
  nextCursor: string | null;
  from: string | null;
  to: string | null;
}

// ---- Statistics ----

export type StatsDimension = 'jurisdiction' | 'form' | 'month' | 'status' | 'source';

export interface StatsRow {
  jurisdiction?: string;
  form?: string;
  /** YYYY-MM of the assembly date. */
  month?: string;
  status?: string;
  source?: 'filing' | 'import';
  count: number;
}

export interface StatsResponse {
  rows: StatsRow[];
  total: number;
  from: string | null;
  to: string | null;
  groupBy: StatsDimension[];
}

// ---- Imports of past assemblies held on paper ----

export interface ImportRejection {
  line: number;
  code: string;
  message: string;
}

export interface ImportResult {
  batchId: string;
  imported: number;
  rejected: ImportRejection[];
}
