import { formatInstant } from '@jiyn/domain';

/** The columns every filing query selects, so that toFilingView can read them. */
export const FILING_COLUMNS = `f.*, f.assembly_date::text AS assembly_date_text, f.registration_date::text AS registration_date_text,
  f.file_by::text AS file_by_text, f.answer_due_by::text AS answer_due_by_text,
  ST_AsGeoJSON(f.location)::json AS location_json, v.name AS venue_name, v.kind AS venue_kind, j.time_zone`;
export const FILING_FROM = `filing f JOIN jurisdiction j ON j.kato = f.jurisdiction_kato LEFT JOIN venue v ON v.id = f.venue_id`;

const iso = (value: Date | string | null, tz: string) => (value ? formatInstant(new Date(value), tz) : null);

/** Deadlines as API.md names them, in the jurisdiction's offset. */
export function deadlinesOf(row: any) {
  const tz = row.time_zone;
  return {
    fileBy: row.file_by_text,
    answerDueBy: row.answer_due_by_text,
    answerDeadline: iso(row.answer_deadline, tz),
    deemedApprovedAt: row.procedure === 'notification' ? iso(row.answer_deadline, tz) : null,
  };
}

/** When the organizer may start agitation (Art. 15): answer period over, a decision, or an accepted proposal. */
function agitationAllowedFrom(row: any): string | null {
  const tz = row.time_zone;
  if (row.status === 'refused' || row.status === 'withdrawn' || row.status === 'cancelled') return null;
  // Art. 15: from the organizer's acceptance of a proposal, or from a positive decision.
  if (row.proposal?.reply === 'accepted' && row.proposal.repliedAt) return iso(row.proposal.repliedAt, tz);
  if (row.decided_at && ['approved', 'approved_with_restrictions'].includes(row.status))
    return iso(row.decided_at, tz);
  return iso(row.answer_deadline, tz);
}

/** The whole filing, for its organizer and the staff of its jurisdiction. */
export function toFilingView(row: any, now: Date) {
  const tz = row.time_zone;
  const deadline = new Date(row.answer_deadline).getTime();
  return {
    id: row.id,
    number: row.number,
    status: row.status,
    form: row.form,
    procedure: row.procedure,
    channel: row.channel,
    jurisdiction: row.jurisdiction_kato,
    purpose: row.purpose,
    startsAt: iso(row.starts_at, tz),
    endsAt: iso(row.ends_at, tz),
    assemblyDate: row.assembly_date_text,
    venueId: row.venue_id,
    venueName: row.venue_name ?? null,
    location: row.location_json ?? null,
    object: row.object,
    expectedParticipants: row.expected_participants,
    equipment: row.equipment,
    regulations: row.regulations,
    financing: row.financing,
    organizer: row.organizer,
    representative: row.representative,
    registeredAt: iso(row.registered_at, tz),
    registrationDate: row.registration_date_text,
    deadlines: deadlinesOf(row),
    timeLeftSeconds:
      row.status === 'submitted' ? Math.max(0, Math.floor((deadline - now.getTime()) / 1000)) : null,
    deemedApprovedAt: iso(row.deemed_approved_at, tz),
    decidedAt: iso(row.decided_at, tz),
    decision: row.decision,
    proposal: row.proposal,
    agitationAllowedFrom: agitationAllowedFrom(row),
    policyId: row.policy_id,
    version: row.version,
  };
}

/** What the public register shows: never an individual's name, IIN, address or contacts. */
export function toRegisterEntry(row: any) {
  const tz = row.time_zone;
  const legalEntity = row.organizer?.legalEntity;
  const decision = row.decision ?? null;
  return {
    id: row.id,
    number: row.number,
    jurisdiction: row.jurisdiction_kato,
    form: row.form,
    procedure: row.procedure,
    status: row.status,
    purpose: row.purpose,
    venueId: row.venue_id,
    venueName: row.venue_name ?? null,
    location: row.location_json ?? null,
    object: row.object,
    startsAt: iso(row.starts_at, tz),
    endsAt: iso(row.ends_at, tz),
    assemblyDate: row.assembly_date_text,
    expectedParticipants: row.expected_participants,
    organizer: legalEntity
      ? { legalEntity: { name: legalEntity.name, bin: legalEntity.bin } }
      : { kind: 'individual' },
    registrationDate: row.registration_date_text,
    deadlines: deadlinesOf(row),
    answer: decision
      ? {
          outcome: decision.outcome,
          grounds: decision.grounds ?? [],
          reason: decision.reason ?? null,
          restrictions: decision.restrictions ?? [],
          decidedAt: iso(row.decided_at, tz),
          late: decision.late ?? false,
        }
      : null,
    deemedApprovedAt: iso(row.deemed_approved_at, tz),
  };
}
