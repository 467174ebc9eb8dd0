import { Inject, Injectable } from '@nestjs/common';
import { DataSource, EntityManager } from 'typeorm';
import {
  AssemblyForm,
  checkDailyWindow,
  checkOrganizerEligibility,
  computeDeadlineInstants,
  isMovingForm,
  localDateOf,
  selectPolicy,
  validateBin,
  LegalPolicy,
} from '@jiyn/domain';
import { signedBytesOf } from '@jiyn/esign';
import { appendAudit, writeOutbox } from '@jiyn/persistence';
import { CLOCK, Clock } from '@jiyn/platform';
import type { AuthUser } from '../auth/auth.types';
import { EsignService } from '../auth/esign.service';
import { problems } from '../common/problem';
import { JurisdictionsService } from '../legal/jurisdictions.service';
import { LegalRulesService } from '../legal/legal-rules.service';
import { CreateFilingBody } from './filing.dto';
import { deadlinesOf, FILING_COLUMNS, FILING_FROM } from './filing-view';
import { VenueAvailabilityService, VenueRow } from './venue-availability.service';
import { PicketRules } from './picket-rules';

const EXCLUSION_VIOLATION = '23P01';

class VenueTaken extends Error {}

/**
 * Registers a notification or application: checks the signature, the organizer, the clock, the
 * place and the time (domain rules), then writes the filing, its booking, its audit row and its
 * outbox event in one transaction. The database's EXCLUDE constraint decides who holds a slot.
 */
@Injectable()
export class FilingRegistrationService {
  constructor(
    private readonly dataSource: DataSource,
    private readonly esign: EsignService,
    private readonly rules: LegalRulesService,
    private readonly jurisdictions: JurisdictionsService,
    private readonly availability: VenueAvailabilityService,
    private readonly pickets: PicketRules,
    @Inject(CLOCK) private readonly clock: Clock,
  ) {}

  async register(body: CreateFilingBody, rawBody: object, user: AuthUser, correlationId: string) {
    const now = this.clock.now();
    const jurisdiction = this.jurisdictions.find(body.jurisdiction);
    if (!jurisdiction)
      throw problems.validation([
        { field: 'jurisdiction', code: 'unknown', message: 'No such jurisdiction.' },
      ]);
    const form = body.form as AssemblyForm;
    const tz = jurisdiction.timeZone;
    const startsAt = new Date(body.startsAt);
    const endsAt = new Date(body.endsAt);
    const paper = body.channel === 'paper';

    let registeredAt = now;
    let signature: Record<string, unknown> | null = null;
    if (paper) {
      const officer = user.staff.some(
        (s) =>
          s.role === 'akimat_officer' &&
          (s.jurisdiction === body.jurisdiction || s.jurisdiction === jurisdiction.parentKato),
      );
      if (!officer)
        throw problems.forbidden(
          'role_required',
          'Only an akimat officer of this jurisdiction registers paper filings.',
        );
      registeredAt = new Date(body.registeredAt!);
      if (registeredAt.getTime() > now.getTime() + 60_000) {
        throw problems.validation([
          { field: 'registeredAt', code: 'in_future', message: 'registeredAt may not be in the future' },
        ]);
      }
    } else {
      const signer = await this.esign.verify(body.signature, signedBytesOf(rawBody), now);
      const organizerIins = [body.organizer.iin, body.representative?.iin].filter(Boolean);
      const binMatches = signer.bin !== undefined && signer.bin === body.organizer.legalEntity?.bin;
      if (!binMatches && (!signer.iin || !organizerIins.includes(signer.iin))) {
        throw problems.forbidden(
          'signature_mismatch',
          "The signature is not the organizer's or the representative's.",
        );
      }
      if (signer.iin && signer.iin !== user.iin) {
        throw problems.forbidden('signature_mismatch', 'Sign the filing with the key you signed in with.');
      }
      signature = {
        format: signer.format,
        iin: signer.iin ?? null,
        bin: signer.bin ?? null,
        fullName: signer.fullName,
        envelope: body.signature,
        certificate: signer.certificate ?? null,
      };
    }

    const assemblyDate = localDateOf(startsAt, tz);
    const policy = selectPolicy(this.rules.policies, localDateOf(registeredAt, tz));
    this.checkOrganizer(body, assemblyDate, policy);
    if (checkDailyWindow(startsAt, endsAt, tz, policy)) {
      throw problems.unprocessable(
        'outside_daily_window',
        `An assembly starts no earlier than ${policy.dailyWindow.start} and ends no later than ${policy.dailyWindow.end} local time, on one day.`,
        { dailyWindow: policy.dailyWindow },
      );
    }
    const deadlines = computeDeadlineInstants({
      form,
      assemblyDate,
      timeZone: tz,
      calendar: this.rules.calendar,
      policy,
      registeredAt,
    });
    if (!deadlines.timely) {
      throw problems.unprocessable(
        'filing_late',
        `For an assembly on ${assemblyDate} the filing had to be registered by ${deadlines.fileBy}.`,
        {
          fileBy: deadlines.fileBy,
          registrationDate: deadlines.registrationDate,
        },
      );
    }
    if (form === 'picket' && body.expectedParticipants !== 1) {
      throw problems.validation([
        {
          field: 'expectedParticipants',
          code: 'picket_is_one_person',
          message: 'A picket is one person: expectedParticipants is 1.',
        },
      ]);
    }

    const area = this.areaOf(body.jurisdiction);
    let venue: VenueRow | undefined;
    let assigned = false;
    if (body.location) {
      if (form !== 'picket') {
        throw problems.unprocessable(
          'venue_kind_mismatch',
          'Only a picket may stand away from specialized places; choose a venueId.',
        );
      }
      await this.pickets.checkZones(body.location.coordinates, assemblyDate);
    } else if (body.venueId === 'auto') {
      venue = await this.assign(form, body, area, startsAt, endsAt, tz, policy);
      assigned = true;
    } else {
      venue = await this.checkedVenue(body.venueId!, form, body.expectedParticipants, area, assemblyDate);
    }

    try {
      const row = await this.dataSource.transaction(async (m) => {
        if (body.location)
          await this.pickets.checkLimits(
            m,
            body.jurisdiction,
            body.object!,
            body.location.coordinates,
            startsAt,
            endsAt,
            assemblyDate,
            policy,
          );
        const number = await this.nextNumber(
          m,
          body.jurisdiction,
          jurisdiction.numberPrefix,
          Number(deadlines.registrationDate.slice(0, 4)),
        );
        const [filing] = await m.query(
          `INSERT INTO filing (number, jurisdiction_kato, form, procedure, status, channel, policy_id, organizer_iin, organizer_bin,
             organizer, representative, purpose, starts_at, ends_at, assembly_date, venue_id, location, object, expected_participants,
             equipment, regulations, financing, personal_data_consent, registered_at, registered_by, registration_date, file_by,
             answer_due_by, answer_deadline, signature, created_at, updated_at)
           VALUES ($1, $2, $3, $4, 'submitted', $5, $6, $7, $8, $9, $10, $11, $12, $13, $14, $15,
             CASE WHEN $16::text IS NULL THEN NULL ELSE ST_SetSRID(ST_GeomFromGeoJSON($16), 4326) END,
             $17, $18, $19, $20, $21, true, $22, $23, $24, $25, $26, $27, $28, $29, $29)
           RETURNING id`,
          [
            number,
            body.jurisdiction,
            form,
            deadlines.procedure,
            paper ? 'paper' : 'electronic',
            policy.id,
            body.organizer.iin,
            body.organizer.legalEntity?.bin ?? null,
            JSON.stringify(body.organizer),
            body.representative ? JSON.stringify(body.representative) : null,
            body.purpose,
            startsAt,
            endsAt,
            assemblyDate,
            venue?.id ?? null,
            body.location ? JSON.stringify(body.location) : null,
            body.object ?? null,
            body.expectedParticipants,
            JSON.stringify(body.equipment),
            body.regulations ?? null,
            body.financing,
            registeredAt,
            user.iin,
            deadlines.registrationDate,
            deadlines.fileBy,
            deadlines.answerDueBy,
            deadlines.answerDeadlineInstant,
            signature ? JSON.stringify(signature) : null,
            now,
          ],
        );
        if (venue) await this.book(m, filing.id, venue.id, startsAt, endsAt);
        await appendAudit(m, {
          chain: body.jurisdiction,
          occurredAt: now,
          actor: user.iin,
          action: 'filing.registered',
          entityType: 'filing',
          entityId: filing.id,
          after: {
            number,
            status: 'submitted',
            form,
            channel: paper ? 'paper' : 'electronic',
            venueId: venue?.id ?? null,
            startsAt: startsAt.toISOString(),
            endsAt: endsAt.toISOString(),
            registeredAt: registeredAt.toISOString(),
            answerDeadline: deadlines.answerDeadlineInstant.toISOString(),
          },
          correlationId,
        });
        await writeOutbox(m, 'filing.registered', filing.id, {
          filingId: filing.id,
          status: 'submitted',
          answerDeadline: deadlines.answerDeadlineInstant.toISOString(),
        });
        const [created] = await m.query(`SELECT ${FILING_COLUMNS} FROM ${FILING_FROM} WHERE f.id = $1`, [
          filing.id,
        ]);
        return created;
      });
      return {
        id: row.id,
        number: row.number,
        status: row.status,
        form: row.form,
        procedure: row.procedure,
        registrationDate: row.registration_date_text,
        deadlines: deadlinesOf(row),
        venueId: row.venue_id,
        venueName: row.venue_name ?? null,
        venueAssigned: assigned,
      };
    } catch (error) {
      if (error instanceof VenueTaken && venue) {
        const alternatives = await this.availability.alternatives({
          venue,
          jurisdictions: area,
          participants: body.expectedParticipants,
          startsAt,
          endsAt,
          timeZone: tz,
          policy,
        });
        throw problems.conflict('venue_unavailable', `${venue.name} is taken for an overlapping time.`, {
          alternatives,
        });
      }
      throw error;
    }
  }

  /** Inserts the booking; the EXCLUDE constraint refuses an overlap with an active one. */
  async book(
    m: EntityManager,
    filingId: string,
    venueId: string,
    startsAt: Date,
    endsAt: Date,
  ): Promise<void> {
    try {
      await m.query(`SAVEPOINT booking`);
      await m.query(
        `INSERT INTO booking (filing_id, venue_id, during) VALUES ($1, $2, tstzrange($3, $4, '[)'))`,
        [filingId, venueId, startsAt, endsAt],
      );
      await m.query(`RELEASE SAVEPOINT booking`);
    } catch (error) {
      if (
        (error as any)?.driverError?.code === EXCLUSION_VIOLATION ||
        (error as any)?.code === EXCLUSION_VIOLATION
      )
        throw new VenueTaken();
      throw error;
    }
  }

  isVenueTaken(error: unknown): boolean {
    return error instanceof VenueTaken;
  }

  /** The jurisdiction, its districts, and the city it belongs to. */
  areaOf(kato: string): string[] {
    const parent = this.jurisdictions.parentOf(kato);
    return [...new Set([...this.jurisdictions.withDescendants(kato), ...(parent ? [parent] : [])])];
  }

  private checkOrganizer(body: CreateFilingBody, assemblyDate: string, policy: LegalPolicy): void {
    const problem = checkOrganizerEligibility(body.organizer.iin, assemblyDate, policy);
    if (problem)
      throw problems.unprocessable('organizer_ineligible', `Not eligible: ${problem.detail}.`, {
        reason: problem.reason,
      });
    if (body.representative) {
      const rep = checkOrganizerEligibility(body.representative.iin, assemblyDate, policy);
      if (rep)
        throw problems.unprocessable('organizer_ineligible', `Representative not eligible: ${rep.detail}.`, {
          reason: rep.reason,
        });
    }
    if (body.organizer.legalEntity && !validateBin(body.organizer.legalEntity.bin).valid) {
      throw problems.unprocessable(
        'organizer_ineligible',
        'The BIN of the organizing legal entity is not valid.',
        { reason: 'invalid_bin' },
      );
    }
  }

  async checkedVenue(
    venueId: string,
    form: AssemblyForm,
    participants: number,
    area: string[],
    assemblyDate: string,
  ): Promise<VenueRow> {
    const venue = await this.availability.venue(venueId);
    if (!venue || !area.includes(venue.jurisdictionKato)) {
      throw problems.validation([
        {
          field: 'venueId',
          code: 'unknown',
          message: 'No such specialized place or route in this jurisdiction.',
        },
      ]);
    }
    if (venue.activeFrom > assemblyDate || (venue.activeTo !== null && venue.activeTo < assemblyDate)) {
      throw problems.unprocessable(
        'venue_inactive',
        `${venue.name} is not a specialized place on ${assemblyDate}.`,
      );
    }
    const wanted = isMovingForm(form) ? 'route' : 'place';
    if (venue.kind !== wanted) {
      throw problems.unprocessable(
        'venue_kind_mismatch',
        isMovingForm(form)
          ? `A ${form} needs a specialized route, not a place.`
          : `A ${form} needs a specialized place, not a route.`,
      );
    }
    if (participants > venue.maxOccupancy) {
      throw problems.unprocessable(
        'over_capacity',
        `${venue.name} holds at most ${venue.maxOccupancy} people.`,
        { maxOccupancy: venue.maxOccupancy },
      );
    }
    return venue;
  }

  private async assign(
    form: AssemblyForm,
    body: CreateFilingBody,
    area: string[],
    startsAt: Date,
    endsAt: Date,
    tz: string,
    policy: LegalPolicy,
  ): Promise<VenueRow> {
    const kind = isMovingForm(form) ? 'route' : 'place';
    const [best] = await this.availability.nearestFree({
      jurisdictions: area,
      kind,
      participants: body.expectedParticipants,
      startsAt,
      endsAt,
      near: body.near?.coordinates,
      limit: 1,
    });
    if (best) return best;
    // Nothing free then: offer the nearest suitable venues at other times.
    const nearest = await this.dataSource.query(
      `SELECT id FROM venue WHERE jurisdiction_kato = ANY($1) AND kind = $2 AND max_occupancy >= $3
       ORDER BY CASE WHEN $4::text IS NULL THEN 0 ELSE ST_Distance(geometry::geography, ST_SetSRID(ST_GeomFromGeoJSON($4), 4326)::geography) END LIMIT 3`,
      [area, kind, body.expectedParticipants, body.near ? JSON.stringify(body.near) : null],
    );
    const alternatives = [];
    for (const { id } of nearest) {
      const venue = (await this.availability.venue(id))!;
      const times = await this.availability.freeTimesAt(venue, startsAt, endsAt, tz, policy, 2);
      alternatives.push(...times.map((t) => ({ venueId: venue.id, venueName: venue.name, ...t })));
    }
    throw problems.conflict(
      'venue_unavailable',
      nearest.length === 0
        ? `No specialized ${kind} here holds ${body.expectedParticipants} people.`
        : `No specialized ${kind} is free for that time.`,
      { alternatives },
    );
  }

  private async nextNumber(m: EntityManager, kato: string, prefix: string, year: number): Promise<string> {
    const [row] = await m.query(
      `INSERT INTO filing_counter (jurisdiction_kato, year, last_value) VALUES ($1, $2, 1)
       ON CONFLICT (jurisdiction_kato, year) DO UPDATE SET last_value = filing_counter.last_value + 1 RETURNING last_value`,
      [kato, year],
    );
    return `${prefix}-${year}-${String(row.last_value).padStart(6, '0')}`;
  }
}
