import * as nodemailer from 'nodemailer';
import { decodeHeader, startSmtpSink } from './smtp-sink';

describe('the SMTP sink', () => {
  it('accepts what nodemailer sends and decodes it', async () => {
    const sink = await startSmtpSink();
    try {
      const transport = nodemailer.createTransport(sink.url);
      const body = `Әкімдік жауап бермеді.\n${'Мирное собрание считается согласованным. '.repeat(5)}\n.leading dot`;
      await transport.sendMail({
        from: 'Jiyn <no-reply@jiyn.kz>',
        to: 'organizer@example.kz',
        subject: 'Jiyn: ALA-2026-000001 келісілген болып есептеледі',
        text: body,
        messageId: '<m-1@jiyn.kz>',
      });
      transport.close();
      const [m] = await sink.waitFor((all) => all.length === 1, 5000);
      expect(m.to).toEqual(['organizer@example.kz']);
      expect(m.subject).toBe('Jiyn: ALA-2026-000001 келісілген болып есептеледі');
      expect(m.text).toBe(body);
      expect(m.messageId).toBe('<m-1@jiyn.kz>');
    } finally {
      await sink.close();
    }
  });

  it('decodes encoded words', () => {
    expect(decodeHeader('=?UTF-8?B?0J/RgNC40LLQtdGC?= =?UTF-8?Q?_world?=')).toBe('Привет world');
  });
});
