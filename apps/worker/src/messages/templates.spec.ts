import { OUTBOX_TOPICS } from '@jiyn/jobs';
import { LOCALES, MessageValues, render, renderMessage, TEMPLATES } from './templates';

const values: MessageValues = {
  number: 'ALA-2026-000123',
  procedure: 'notification',
  form: 'rally',
  date: '15.12.2026',
  start: '11:00',
  end: '13:00',
  place: 'Gandhi park, Zharokov street',
  jurisdiction: { kk: 'Алматы қаласы', ru: 'город Алматы', en: 'Almaty' },
  registeredAt: '01.12.2026 10:00',
  dueBy: '04.12.2026',
  deadline: '05.12.2026 00:00',
  zone: 'UTC+05:00',
  deemedApprovedAt: '05.12.2026 00:00',
  certificateUrl: 'https://jiyn.kz/api/v1/filings/x/certificate.pdf',
  verifyUrl: 'https://jiyn.kz/api/v1/certificates/x',
  outcome: 'refused',
  grounds: [{ kk: 'негіз', ru: 'основание', en: 'ground' }],
  restrictions: ['without sound amplification'],
  reason: 'The place is taken.',
  proposal: {
    place: 'Square',
    date: '16.12.2026',
    start: '12:00',
    end: '14:00',
    replyDeadline: '03.12.2026 00:00',
  },
  hoursLeft: 9,
};

describe('message templates', () => {
  it.each(TEMPLATES.flatMap((t) => LOCALES.map((l) => [t, l] as const)))(
    '%s in %s is complete',
    (template, locale) => {
      for (const procedure of ['notification', 'application'] as const) {
        const out = render(template, locale, { ...values, procedure });
        for (const text of [out.subject, out.body, out.sms]) {
          expect(text).toContain('ALA-2026-000123');
          expect(text).not.toMatch(/undefined|null|NaN|\[object/);
        }
        expect(out.subject.startsWith('Jiyn: ')).toBe(true);
      }
    },
  );

  it('speaks of silence as the law does: notifications are deemed approved, applications are not', () => {
    expect(render(OUTBOX_TOPICS.deemedApproved, 'kk', values).body).toContain('келісілген болып есептеледі');
    expect(render(OUTBOX_TOPICS.deemedApproved, 'ru', values).body).toContain('считается согласованным');
    expect(render(OUTBOX_TOPICS.deemedApproved, 'en', values).body).toContain(
      'deemed approved as of 05.12.2026 00:00',
    );
    expect(render(OUTBOX_TOPICS.answerOverdue, 'en', { ...values, procedure: 'application' }).body).toContain(
      'not approved by silence',
    );
    expect(render(OUTBOX_TOPICS.registered, 'en', { ...values, procedure: 'application' }).body).toContain(
      "only with the akimat's consent",
    );
  });

  it('names each outcome of an answer', () => {
    expect(render(OUTBOX_TOPICS.answered, 'ru', values).body).toContain('Основания: основание');
    expect(
      render(OUTBOX_TOPICS.answered, 'en', { ...values, outcome: 'approved_with_restrictions' }).body,
    ).toContain('with restrictions: without sound amplification');
    expect(render(OUTBOX_TOPICS.answered, 'kk', { ...values, outcome: 'approved' }).body).toContain(
      'келісті',
    );
  });

  it('writes an e-mail in the recipient language first, then the other two', () => {
    const out = renderMessage(OUTBOX_TOPICS.registered, 'ru', values);
    expect(out.subject).toBe('Jiyn: ваше уведомление ALA-2026-000123 зарегистрировано');
    const kk = out.body.indexOf('— Қазақша —');
    const en = out.body.indexOf('— English —');
    expect(kk).toBeGreaterThan(0);
    expect(en).toBeGreaterThan(kk);
    expect(out.sms).not.toContain('— ');
  });

  it('refuses an unknown template', () => {
    expect(() => render('filing.teleported', 'en', values)).toThrow('no message template');
  });
});
