import * as nodemailer from 'nodemailer';
import type { Logger } from 'pino';

export interface Email {
  to: string;
  subject: string;
  text: string;
  /** Stable per message: a receiver can drop a second delivery of the same message. */
  messageId: string;
}

/** Sends e-mail. SMTP when SMTP_URL is set; otherwise (development) the e-mail is only logged. */
export interface MailTransport {
  readonly kind: 'smtp' | 'log';
  send(email: Email): Promise<void>;
  close(): void;
}

export class SmtpMailTransport implements MailTransport {
  readonly kind = 'smtp';
  private readonly transporter: nodemailer.Transporter;

  constructor(
    smtpUrl: string,
    private readonly from: string,
  ) {
    this.transporter = nodemailer.createTransport(smtpUrl);
  }

  async send(email: Email): Promise<void> {
    await this.transporter.sendMail({
      from: this.from,
      to: email.to,
      subject: email.subject,
      text: email.text,
      messageId: email.messageId,
      headers: { 'Auto-Submitted': 'auto-generated' },
    });
  }

  close(): void {
    this.transporter.close();
  }
}

export class LogMailTransport implements MailTransport {
  readonly kind = 'log';
  constructor(private readonly logger: Logger) {}

  async send(email: Email): Promise<void> {
    this.logger.info(
      { messageId: email.messageId, subject: email.subject },
      'e-mail not sent (no SMTP_URL); logged instead',
    );
  }

  close(): void {}
}

export interface Sms {
  to: string;
  text: string;
  messageId: string;
}

/** An SMS gateway. Production plugs in a provider (e.g. an operator's HTTP API) behind this. */
export interface SmsProvider {
  readonly kind: string;
  send(sms: Sms): Promise<void>;
}

/** Development: the SMS goes to the log (the phone number is redacted there). */
export class LoggingSmsProvider implements SmsProvider {
  readonly kind = 'log';
  constructor(private readonly logger: Logger) {}

  async send(sms: Sms): Promise<void> {
    this.logger.info(
      { messageId: sms.messageId, sms: { phone: sms.to }, text: sms.text },
      'SMS (log provider)',
    );
  }
}

export const MAIL_TRANSPORT = Symbol('MAIL_TRANSPORT');
export const SMS_PROVIDER = Symbol('SMS_PROVIDER');
