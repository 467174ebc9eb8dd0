import { AssemblyForm, localTimeOf, Procedure, refusalGroundByCode, utcOffsetMinutes } from '@jiyn/domain';
import { Localized, MessageValues, Outcome } from './templates';

/** What the messages need of a filing (one query, see FILING_FOR_MESSAGE_SQL). */
export interface FilingForMessage {
  id: string;
  number: string;
  form: AssemblyForm;
  procedure: Procedure;
  status: string;
  jurisdictionKato: string;
  parentKato: string | null;
  jurisdiction: Localized;
  timeZone: string;
  organizer: Record<string, any>;
  startsAt: Date;
  endsAt: Date;
  place: string;
  registeredAt: Date;
  answerDueBy: string;
  answerDeadline: Date;
  deemedApprovedAt: Date | null;
  decision: Record<string, any> | null;
  proposal: Record<string, any> | null;
  proposalVenueName: string | null;
}

export const FILING_FOR_MESSAGE_SQL = `SELECT f.id, f.number, f.form, f.procedure, f.status, f.jurisdiction_kato, j.parent_kato,
    j.name_kk, j.name_ru, j.name_en, j.time_zone, f.organizer, f.starts_at, f.ends_at, f.object,
    ST_Y(f.location) AS lat, ST_X(f.location) AS lng, v.name AS venue_name, f.registered_at,
    f.answer_due_by::text AS answer_due_by, f.answer_deadline, f.deemed_approved_at, f.decision, f.proposal,
    pv.name AS proposal_venue_name
  FROM filing f JOIN jurisdiction j ON j.kato = f.jurisdiction_kato
  LEFT JOIN venue v ON v.id = f.venue_id
  LEFT JOIN venue pv ON pv.id::text = f.proposal->>'venueId'
  WHERE f.id = $1`;

export function toFilingForMessage(r: any): FilingForMessage {
  const place =
    r.venue_name ??
    [r.object, r.lat != null ? `${Number(r.lat).toFixed(5)}, ${Number(r.lng).toFixed(5)}` : null]
      .filter(Boolean)
      .join(', ');
  return {
    id: r.id,
    number: r.number,
    form: r.form,
    procedure: r.procedure,
    status: r.status,
    jurisdictionKato: r.jurisdiction_kato,
    parentKato: r.parent_kato,
    jurisdiction: { kk: r.name_kk, ru: r.name_ru, en: r.name_en },
    timeZone: r.time_zone,
    organizer: r.organizer ?? {},
    startsAt: new Date(r.starts_at),
    endsAt: new Date(r.ends_at),
    place,
    registeredAt: new Date(r.registered_at),
    answerDueBy: r.answer_due_by,
    answerDeadline: new Date(r.answer_deadline),
    deemedApprovedAt: r.deemed_approved_at ? new Date(r.deemed_approved_at) : null,
    decision: r.decision,
    proposal: r.proposal,
    proposalVenueName: r.proposal_venue_name ?? r.proposal?.venueName ?? null,
  };
}

const pad = (n: number) => String(n).padStart(2, '0');

/** 2025-03-26 -> 26.03.2025 */
export function formatDate(date: string): string {
  const [y, m, d] = date.split('-');
  return `${d}.${m}.${y}`;
}

export function formatTime(instant: Date, timeZone: string): string {
  const t = localTimeOf(instant, timeZone);
  return `${pad(t.hour)}:${pad(t.minute)}`;
}

export function formatDateTime(instant: Date, timeZone: string): string {
  return `${formatDate(localTimeOf(instant, timeZone).date)} ${formatTime(instant, timeZone)}`;
}

export function formatZone(instant: Date, timeZone: string): string {
  const minutes = utcOffsetMinutes(instant, timeZone);
  const abs = Math.abs(minutes);
  return `UTC${minutes < 0 ? '-' : '+'}${pad(Math.floor(abs / 60))}:${pad(abs % 60)}`;
}

export interface Links {
  publicBaseUrl: string;
}

export function certificateUrl(base: string, filingId: string): string {
  return `${base.replace(/\/$/, '')}/api/v1/filings/${filingId}/certificate.pdf`;
}

export function verifyUrl(base: string, filingId: string): string {
  return `${base.replace(/\/$/, '')}/api/v1/certificates/${filingId}`;
}

/** The values of the templates for a filing, in its jurisdiction's local time. */
export function messageValues(f: FilingForMessage, links: Links, now: Date): MessageValues {
  const tz = f.timeZone;
  const decision = f.decision ?? {};
  const proposal = f.proposal;
  const outcome = (decision.outcome as Outcome | undefined) ?? undefined;
  return {
    number: f.number,
    procedure: f.procedure,
    form: f.form,
    date: formatDate(localTimeOf(f.startsAt, tz).date),
    start: formatTime(f.startsAt, tz),
    end: formatTime(f.endsAt, tz),
    place: f.place,
    jurisdiction: f.jurisdiction,
    registeredAt: formatDateTime(f.registeredAt, tz),
    dueBy: formatDate(f.answerDueBy),
    deadline: formatDateTime(f.answerDeadline, tz),
    zone: formatZone(f.answerDeadline, tz),
    deemedApprovedAt: f.deemedApprovedAt ? formatDateTime(f.deemedApprovedAt, tz) : undefined,
    certificateUrl: certificateUrl(links.publicBaseUrl, f.id),
    verifyUrl: verifyUrl(links.publicBaseUrl, f.id),
    outcome,
    restrictions: Array.isArray(decision.restrictions) ? decision.restrictions.map(String) : [],
    grounds: Array.isArray(decision.grounds)
      ? decision.grounds.map(
          (code: string) => refusalGroundByCode(code)?.title ?? { kk: code, ru: code, en: code },
        )
      : [],
    reason: (decision.reason as string | null | undefined) ?? proposal?.reason ?? null,
    proposal: proposal
      ? {
          place: f.proposalVenueName ?? String(proposal.venueId ?? ''),
          date: formatDate(localTimeOf(new Date(proposal.startsAt), tz).date),
          start: formatTime(new Date(proposal.startsAt), tz),
          end: formatTime(new Date(proposal.endsAt), tz),
          replyDeadline: formatDateTime(new Date(proposal.replyDeadline), tz),
        }
      : undefined,
    hoursLeft: Math.max(1, Math.round((f.answerDeadline.getTime() - now.getTime()) / 3_600_000)),
  };
}
