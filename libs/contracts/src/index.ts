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
