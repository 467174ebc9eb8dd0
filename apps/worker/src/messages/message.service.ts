import { Inject, Injectable, OnApplicationShutdown } from '@nestjs/common';
import { DelayedError, Job } from 'bullmq';
import type { Logger } from 'pino';
import { DataSource } from 'typeorm';
import { JOBS, OfficerReminderPayload, QUEUES, reminderEventId, SendMessagePayload } from '@jiyn/jobs';
import { CLOCK, Clock, JIYN_CONFIG, JiynConfig, LOGGER } from '@jiyn/platform';
import { QueueRegistry } from '../queue-registry';
import { errorMessage } from '../util';
import {
  FILING_FOR_MESSAGE_SQL,
  FilingForMessage,
  messageValues,
  toFilingForMessage,
} from './message-values';
import { hasTemplate, isLocale, Locale, renderMessage } from './templates';
import { MAIL_TRANSPORT, MailTransport, SMS_PROVIDER, SmsProvider } from './transports';

/** The language of a message when the recipient has not chosen one: the state language. */
export const DEFAULT_LOCALE: Locale = 'kk';

/** Messages still unsent this long after they were stored are queued again by the sweep. */
export const STUCK_AFTER_MS = 10 * 60_000;

export type Channel = 'email' | 'sms';

interface Draft {
  channel: Channel;
  recipient: string;
  locale: Locale;
  subject: string;
  body: string;
}

/**
 * Tells people about changes: the organizer about each change of a filing, the akimat's officers
 * about answer deadlines ahead. Each message is stored before it is sent, unique per event,
 * channel and recipient, so a redelivered job never makes a second message; a message is sent
 * until it is marked sent (at least once; the e-mail's Message-ID is the message's id, so a
 * receiver can drop a repeat after a crash between sending and marking).
 */
@Injectable()
export class MessageService implements OnApplicationShutdown {
  constructor(
    private readonly dataSource: DataSource,
    private readonly registry: QueueRegistry,
    @Inject(MAIL_TRANSPORT) private readonly mail: MailTransport,
    @Inject(SMS_PROVIDER) private readonly sms: SmsProvider,
    @Inject(CLOCK) private readonly clock: Clock,
    @Inject(JIYN_CONFIG) private readonly config: JiynConfig,
    @Inject(LOGGER) private readonly logger: Logger,
  ) {
    registry.handle(JOBS.sendMessage, (job) => this.deliver(job.data));
    registry.handle(JOBS.officerReminder, (job, token) => this.onReminder(job, token));
  }

  onApplicationShutdown(): void {
    this.mail.close();
  }

  /** Composes (once) and sends the messages of one event. */
  async deliver(payload: SendMessagePayload): Promise<{ sent: number; skipped?: string }> {
    const { eventId, filingId, template } = payload;
    if (!hasTemplate(template)) {
      this.logger.warn({ template, eventId }, 'no message template; nothing sent');
      return { sent: 0, skipped: 'unknown_template' };
    }
    const filing = await this.load(filingId);
    if (!filing) return { sent: 0, skipped: 'unknown_filing' };
    const now = this.clock.now();
    let drafts: Draft[];
    if (template.startsWith('reminder.')) {
      if (filing.status !== 'submitted' || filing.answerDeadline.getTime() <= now.getTime()) {
        await this.dataSource.query(
          `UPDATE message SET status = 'cancelled' WHERE event_id = $1 AND status IN ('pending', 'failed')`,
          [eventId],
        );
        return { sent: 0, skipped: 'answered' };
      }
      drafts = await this.officerDrafts(filing, template, now);
    } else {
      drafts = this.organizerDrafts(filing, template, now);
    }
    await this.store(eventId, filing.id, template, drafts, now);
    return { sent: await this.sendUnsent(eventId) };
  }

  private async onReminder(job: Job<OfficerReminderPayload>, token?: string) {
    const { filingId, kind, at } = job.data;
    const [row] = await this.dataSource.query(
      `SELECT answer_deadline FROM filing WHERE id = $1 AND status = 'submitted'`,
      [filingId],
    );
    const now = this.clock.now();
    if (!row || new Date(row.answer_deadline).getTime() <= now.getTime())
      return { sent: 0, skipped: 'answered' };
    const early = new Date(at).getTime() - now.getTime();
    if (early > 0) {
      await job.moveToDelayed(Date.now() + early, token);
      throw new DelayedError();
    }
    return this.deliver({ eventId: reminderEventId(filingId, kind), filingId, template: `reminder.${kind}` });
  }

  private async load(filingId: string): Promise<FilingForMessage | undefined> {
    if (!/^[0-9a-f-]{36}$/i.test(filingId)) return undefined;
    const [row] = await this.dataSource.query(FILING_FOR_MESSAGE_SQL, [filingId]);
    return row ? toFilingForMessage(row) : undefined;
  }

  private organizerDrafts(filing: FilingForMessage, template: string, now: Date): Draft[] {
    const organizer = filing.organizer;
    const locale = isLocale(organizer.locale) ? organizer.locale : DEFAULT_LOCALE;
    const text = renderMessage(template, locale, messageValues(filing, this.config, now));
    const drafts: Draft[] = [];
    if (typeof organizer.email === 'string' && organizer.email.includes('@')) {
      drafts.push({ channel: 'email', recipient: organizer.email.trim().toLowerCase(), locale, ...text });
    }
    if (typeof organizer.phone === 'string' && organizer.phone.trim()) {
      drafts.push({
        channel: 'sms',
        recipient: organizer.phone.trim(),
        locale,
        subject: text.subject,
        body: text.sms,
      });
    }
    return drafts;
  }

  /** The akimat officers of the filing's jurisdiction (or its city) who have contacts on file. */
  private async officerDrafts(filing: FilingForMessage, template: string, now: Date): Promise<Draft[]> {
    const officers: { email: string | null; phone: string | null; locale: string | null }[] =
      await this.dataSource.query(
        `SELECT c.email, c.phone, c.locale FROM staff_contact c
         WHERE c.iin IN (SELECT s.iin FROM staff_member s WHERE s.role = 'akimat_officer' AND s.removed_at IS NULL
                         AND s.jurisdiction_kato = ANY($1::varchar[]))
         ORDER BY c.iin`,
        [[filing.jurisdictionKato, filing.parentKato].filter(Boolean)],
      );
    const values = messageValues(filing, this.config, now);
    const drafts: Draft[] = [];
    for (const officer of officers) {
      const locale = isLocale(officer.locale) ? officer.locale : DEFAULT_LOCALE;
      const text = renderMessage(template, locale, values);
      if (officer.email)
        drafts.push({ channel: 'email', recipient: officer.email.toLowerCase(), locale, ...text });
      if (officer.phone)
        drafts.push({
          channel: 'sms',
          recipient: officer.phone,
          locale,
          subject: text.subject,
          body: text.sms,
        });
    }
    if (officers.length === 0) {
      this.logger.warn(
        { filingId: filing.id, jurisdiction: filing.jurisdictionKato },
        'no akimat officer with contacts to remind',
      );
    }
    return drafts;
  }

  private async store(eventId: string, filingId: string, template: string, drafts: Draft[], now: Date) {
    if (drafts.length === 0) return;
    await this.dataSource.query(
      `INSERT INTO message (event_id, filing_id, channel, recipient, template, locale, subject, body, status, created_at)
       SELECT $1, $2, d.channel, d.recipient, $3, d.locale, d.subject, d.body, 'pending', $4
       FROM unnest($5::text[], $6::text[], $7::text[], $8::text[], $9::text[]) AS d(channel, recipient, locale, subject, body)
       ON CONFLICT (event_id, channel, recipient) DO NOTHING`,
      [
        eventId,
        filingId,
        template,
        now,
        drafts.map((d) => d.channel),
        drafts.map((d) => d.recipient),
        drafts.map((d) => d.locale),
        drafts.map((d) => d.subject),
        drafts.map((d) => d.body),
      ],
    );
  }

  /** Sends the event's messages that are not sent yet; throws (the job retries) if any failed. */
  private async sendUnsent(eventId: string): Promise<number> {
    const rows: { id: string; channel: Channel; recipient: string; subject: string; body: string }[] =
      await this.dataSource.query(
        `SELECT id, channel, recipient, subject, body FROM message
         WHERE event_id = $1 AND status IN ('pending', 'failed') ORDER BY channel, recipient`,
        [eventId],
      );
    let sent = 0;
    const failures: string[] = [];
    for (const row of rows) {
      const messageId = `<${row.id}@jiyn.kz>`;
      try {
        if (row.channel === 'email') {
          await this.mail.send({ to: row.recipient, subject: row.subject, text: row.body, messageId });
        } else {
          await this.sms.send({ to: row.recipient, text: row.body, messageId });
        }
        await this.dataSource.query(
          `UPDATE message SET status = 'sent', sent_at = $2, error = NULL WHERE id = $1 AND status <> 'sent'`,
          [row.id, this.clock.now()],
        );
        sent += 1;
      } catch (error) {
        failures.push(errorMessage(error));
        await this.dataSource
          .query(`UPDATE message SET status = 'failed', error = $2 WHERE id = $1 AND status <> 'sent'`, [
            row.id,
            errorMessage(error).slice(0, 1000),
          ])
          .catch(() => undefined);
      }
    }
    if (failures.length > 0) {
      throw new Error(`${failures.length} of ${rows.length} message(s) of ${eventId} failed: ${failures[0]}`);
    }
    return sent;
  }

  /** Queues again the events whose messages are still unsent long after they were stored. */
  async requeueStuck(): Promise<number> {
    const now = this.clock.now();
    const rows: { event_id: string; filing_id: string; template: string }[] = await this.dataSource.query(
      `SELECT event_id, filing_id, template FROM message
       WHERE status IN ('pending', 'failed') AND created_at < $1 AND filing_id IS NOT NULL
       GROUP BY event_id, filing_id, template ORDER BY min(created_at) LIMIT 200`,
      [new Date(now.getTime() - STUCK_AFTER_MS)],
    );
    const round = Math.floor(now.getTime() / STUCK_AFTER_MS);
    await this.registry.publish(
      rows.map((r) => ({
        queue: QUEUES.messages,
        name: JOBS.sendMessage,
        data: { eventId: r.event_id, filingId: r.filing_id, template: r.template },
        opts: { jobId: `${r.event_id}-retry-${round}`, attempts: 3 },
      })),
    );
    return rows.length;
  }
}
