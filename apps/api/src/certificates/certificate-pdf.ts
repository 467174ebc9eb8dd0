import { existsSync } from 'node:fs';
import PDFDocument from 'pdfkit';
import { toBuffer as qrPng } from 'qrcode';
import { localTimeOf, utcOffsetMinutes } from '@jiyn/domain';
import type { AuditEvidence, CertificateFiling } from './certificate.service';

/**
 * Fonts with Cyrillic and the Kazakh letters (ә ғ қ ң ө ұ ү һ і). CERTIFICATE_FONT and
 * CERTIFICATE_FONT_BOLD name others; without any, the PDF falls back to Helvetica and
 * transliterates (fonts-dejavu-core in the image avoids that).
 */
const REGULAR_FONTS = [
  process.env.CERTIFICATE_FONT,
  '/usr/share/fonts/truetype/dejavu/DejaVuSans.ttf',
  '/usr/share/fonts/truetype/liberation/LiberationSans-Regular.ttf',
  '/usr/share/fonts/dejavu/DejaVuSans.ttf',
];
const BOLD_FONTS = [
  process.env.CERTIFICATE_FONT_BOLD,
  '/usr/share/fonts/truetype/dejavu/DejaVuSans-Bold.ttf',
  '/usr/share/fonts/truetype/liberation/LiberationSans-Bold.ttf',
  '/usr/share/fonts/dejavu/DejaVuSans-Bold.ttf',
];

const find = (paths: (string | undefined)[]) => paths.find((p): p is string => Boolean(p && existsSync(p)));

const FORMS: Record<string, [string, string, string]> = {
  picket: ['пикеттеу', 'пикетирование', 'picket'],
  meeting: ['жиналыс', 'собрание', 'meeting'],
  rally: ['митинг', 'митинг', 'rally'],
  demonstration: ['демонстрация', 'демонстрация', 'demonstration'],
  procession: ['шеру', 'шествие', 'procession'],
};

const LATIN: Record<string, string> = {
  а: 'a',
  ә: 'a',
  б: 'b',
  в: 'v',
  г: 'g',
  ғ: 'g',
  д: 'd',
  е: 'e',
  ё: 'e',
  ж: 'zh',
  з: 'z',
  и: 'i',
  й: 'i',
  к: 'k',
  қ: 'q',
  л: 'l',
  м: 'm',
  н: 'n',
  ң: 'n',
  о: 'o',
  ө: 'o',
  п: 'p',
  р: 'r',
  с: 's',
  т: 't',
  у: 'u',
  ұ: 'u',
  ү: 'u',
  ф: 'f',
  х: 'kh',
  һ: 'h',
  ц: 'ts',
  ч: 'ch',
  ш: 'sh',
  щ: 'shch',
  ъ: '',
  ы: 'y',
  і: 'i',
  ь: '',
  э: 'e',
  ю: 'yu',
  я: 'ya',
};

/** For the Helvetica fallback only: Cyrillic to Latin letters, anything else outside Latin-1 dropped. */
function transliterate(text: string): string {
  return [...text]
    .map((c) => {
      const lower = c.toLowerCase();
      const t = LATIN[lower];
      if (t === undefined) return c.charCodeAt(0) < 256 || c === '–' || c === '—' ? c : '?';
      return c === lower ? t : t.charAt(0).toUpperCase() + t.slice(1);
    })
    .join('');
}

const pad = (n: number) => String(n).padStart(2, '0');

function dateOf(instant: Date, tz: string): string {
  const [y, m, d] = localTimeOf(instant, tz).date.split('-');
  return `${d}.${m}.${y}`;
}
function timeOf(instant: Date, tz: string): string {
  const t = localTimeOf(instant, tz);
  return `${pad(t.hour)}:${pad(t.minute)}`;
}
function zoneOf(instant: Date, tz: string): string {
  const minutes = utcOffsetMinutes(instant, tz);
  const abs = Math.abs(minutes);
  return `UTC${minutes < 0 ? '-' : '+'}${pad(Math.floor(abs / 60))}:${pad(abs % 60)}`;
}
const dateTime = (instant: Date, tz: string) =>
  `${dateOf(instant, tz)} ${timeOf(instant, tz)} (${zoneOf(instant, tz)})`;

export interface CertificateInput {
  filing: CertificateFiling;
  audit: AuditEvidence;
  verifyUrl: string;
  issuedAt: Date;
}

/** The deemed-approval certificate as a PDF: the filing, the deadline that passed, the audit record, a QR code. */
export async function renderCertificatePdf(input: CertificateInput): Promise<Buffer> {
  const { filing, audit, verifyUrl, issuedAt } = input;
  const tz = filing.timeZone;
  const regular = find(REGULAR_FONTS);
  const bold = find(BOLD_FONTS) ?? regular;
  const text = regular ? (s: string) => s : transliterate;
  const doc = new PDFDocument({
    size: 'A4',
    margin: 50,
    info: {
      Title: `Jiyn ${filing.number}: deemed approval`,
      Author: 'Jiyn',
      Subject: 'Certificate of deemed approval of a peaceful assembly',
    },
  });
  const chunks: Buffer[] = [];
  doc.on('data', (c: Buffer) => chunks.push(c));
  const done = new Promise<Buffer>((resolve, reject) => {
    doc.on('end', () => resolve(Buffer.concat(chunks)));
    doc.on('error', reject);
  });
  doc.registerFont('regular', regular ?? 'Helvetica');
  doc.registerFont('bold', bold ?? 'Helvetica-Bold');
  const qr = await qrPng(verifyUrl, { type: 'png', errorCorrectionLevel: 'M', margin: 1, width: 300 });

  const left = 50;
  const width = 495;
  doc.font('bold').fontSize(9).fillColor('#555555').text('JIYN', left, 40, { characterSpacing: 2 });
  doc.moveDown(0.8);
  doc
    .font('bold')
    .fontSize(17)
    .fillColor('#000000')
    .text(text('АНЫҚТАМА · СПРАВКА · CERTIFICATE'), { width });
  doc.moveDown(0.3);
  doc.font('regular').fontSize(11).fillColor('#222222');
  doc.text(text('Бейбіт жиналыс келісілген болып есептеледі'), { width });
  doc.text(text('Мирное собрание считается согласованным'), { width });
  doc.text('The peaceful assembly is deemed approved', { width });
  doc.moveDown(0.8);

  const organizer = filing.organizer;
  const organizerName = [organizer.legalEntity?.name, organizer.fullName].filter(Boolean).join(', ');
  const form = FORMS[filing.form] ?? [filing.form, filing.form, filing.form];
  const rows: [string, string][] = [
    ['Нөмірі · Номер · Number', filing.number],
    ['Нысаны · Форма · Form', form.join(' · ')],
    ['Ұйымдастырушы · Организатор · Organizer', organizerName || '—'],
    ['Мақсаты · Цель · Purpose', filing.purpose],
    ['Орны · Место · Place', filing.place],
    [
      'Күні мен уақыты · Дата и время · Date and time',
      `${dateOf(filing.startsAt, tz)} ${timeOf(filing.startsAt, tz)}–${timeOf(filing.endsAt, tz)} (${zoneOf(filing.startsAt, tz)})`,
    ],
    [
      'Әкімдік · Акимат · Akimat',
      `${filing.jurisdiction.kk} · ${filing.jurisdiction.ru} · ${filing.jurisdiction.en}`,
    ],
    ['Тіркелді · Зарегистрировано · Registered', dateTime(filing.registeredAt, tz)],
    [
      'Жауап беру мерзімі (жауапсыз өтті) · Срок ответа (истёк без ответа) · Answer deadline (passed without an answer)',
      dateTime(filing.answerDeadline, tz),
    ],
    [
      'Келісілген болып есептеледі · Считается согласованным с · Deemed approved as of',
      dateTime(filing.deemedApprovedAt!, tz),
    ],
  ];
  for (const [label, value] of rows) {
    doc.font('regular').fontSize(7.5).fillColor('#666666').text(text(label), left, doc.y, { width });
    doc
      .font('bold')
      .fontSize(11)
      .fillColor('#000000')
      .text(text(value), left, doc.y + 1, { width });
    doc.moveDown(0.55);
  }

  doc.moveDown(0.4);
  doc.font('regular').fontSize(9).fillColor('#222222');
  doc.text(
    text(
      'Әкімдік хабарламаға заңда белгіленген мерзімде жауап бермеді, сондықтан бейбіт жиналыс келісілген болып есептеледі ' +
        '(«Қазақстан Республикасында бейбіт жиналыстарды ұйымдастыру және өткізу тәртібі туралы» ҚР Заңы).',
    ),
    { width },
  );
  doc.moveDown(0.3);
  doc.text(
    text(
      'Акимат не ответил на уведомление в установленный законом срок, поэтому мирное собрание считается согласованным ' +
        '(Закон РК «О порядке организации и проведения мирных собраний в Республике Казахстан»).',
    ),
    { width },
  );
  doc.moveDown(0.3);
  doc.text(
    'The akimat did not answer the notification within the statutory period; the peaceful assembly is therefore ' +
      'deemed approved (Law of the Republic of Kazakhstan on the procedure for organizing and holding peaceful assemblies).',
    { width },
  );

  const top = Math.min(doc.y + 16, 842 - 50 - 150);
  doc.image(qr, left, top, { width: 120, height: 120 });
  const textLeft = left + 135;
  doc.font('regular').fontSize(8).fillColor('#666666');
  doc.text(text('Тексеру · Проверка · Verification'), textLeft, top, { width: width - 135 });
  doc
    .font('regular')
    .fontSize(9)
    .fillColor('#0b57d0')
    .text(verifyUrl, { width: width - 135, link: verifyUrl });
  doc.moveDown(0.5);
  doc.font('regular').fontSize(8).fillColor('#666666');
  doc.text(text('Аудит жазбасы · Запись журнала аудита · Audit record'), { width: width - 135 });
  doc.font('regular').fontSize(8).fillColor('#000000');
  doc.text(`chain ${audit.chain}, seq ${audit.seq}`, { width: width - 135 });
  doc.text(`SHA-256 ${audit.hash}`, { width: width - 135 });
  doc.moveDown(0.5);
  doc.font('regular').fontSize(7.5).fillColor('#666666');
  doc.text(
    text(`Jiyn, ${dateTime(issuedAt, tz)}. `) +
      'The record is part of a hash-chained audit log; the verification page re-computes it.',
    { width: width - 135 },
  );
  doc.end();
  return done;
}
