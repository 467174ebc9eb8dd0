import { AssemblyForm, Procedure } from '@jiyn/domain';
import { OUTBOX_TOPICS } from '@jiyn/jobs';

/**
 * The texts of Jiyn's messages, in Kazakh, Russian and English. Each template gives an e-mail
 * subject and body and a short SMS; the values are formatted by the caller (local dates and times
 * of the filing's jurisdiction, its zone's offset).
 */
export const LOCALES = ['kk', 'ru', 'en'] as const;
export type Locale = (typeof LOCALES)[number];

export function isLocale(x: unknown): x is Locale {
  return typeof x === 'string' && (LOCALES as readonly string[]).includes(x);
}

export type Outcome = 'approved' | 'approved_with_restrictions' | 'refused' | 'change_proposed';

export interface Localized {
  kk: string;
  ru: string;
  en: string;
}

export interface MessageValues {
  number: string;
  procedure: Procedure;
  form: AssemblyForm;
  /** Local date and times of the assembly: 26.03.2025, 11:00, 13:00. */
  date: string;
  start: string;
  end: string;
  place: string;
  jurisdiction: Localized;
  registeredAt: string;
  /** The last day of the answer period (25.03.2025) and the deadline instant (26.03.2025 00:00). */
  dueBy: string;
  deadline: string;
  /** The zone's offset, UTC+05:00. */
  zone: string;
  deemedApprovedAt?: string;
  certificateUrl: string;
  verifyUrl: string;
  outcome?: Outcome;
  restrictions?: string[];
  /** Refusal grounds, already in each language. */
  grounds?: Localized[];
  reason?: string | null;
  proposal?: { place: string; date: string; start: string; end: string; replyDeadline: string };
  hoursLeft?: number;
}

export interface Rendered {
  subject: string;
  body: string;
  sms: string;
}

export const REMINDER_TEMPLATES = Object.freeze({
  dayBefore: 'reminder.day_before',
  hoursBefore: 'reminder.hours_before',
} as const);

export const TEMPLATES: readonly string[] = [
  ...Object.values(OUTBOX_TOPICS),
  ...Object.values(REMINDER_TEMPLATES),
];

const FORMS: Record<AssemblyForm, Localized> = {
  picket: { kk: 'пикеттеу', ru: 'пикетирование', en: 'picket' },
  meeting: { kk: 'жиналыс', ru: 'собрание', en: 'meeting' },
  rally: { kk: 'митинг', ru: 'митинг', en: 'rally' },
  demonstration: { kk: 'демонстрация', ru: 'демонстрация', en: 'demonstration' },
  procession: { kk: 'шеру', ru: 'шествие', en: 'procession' },
};

/** The procedure's noun in the forms the texts need. */
const PROCEDURE = {
  notification: {
    en: 'notification',
    ru: 'уведомление',
    ruDat: 'уведомлению',
    kk: 'хабарлама',
    kkPoss: 'хабарламаңыз',
    kkAcc: 'хабарламаңызды',
    kkDat: 'хабарламаңызға',
  },
  application: {
    en: 'application',
    ru: 'заявление',
    ruDat: 'заявлению',
    kk: 'өтініш',
    kkPoss: 'өтінішіңіз',
    kkAcc: 'өтінішіңізді',
    kkDat: 'өтінішіңізге',
  },
} as const;

const OUTCOME_WORD: Record<Outcome, Localized> = {
  approved: { kk: 'келісілді', ru: 'согласовано', en: 'approved' },
  approved_with_restrictions: {
    kk: 'шектеулермен келісілді',
    ru: 'согласовано с ограничениями',
    en: 'approved with restrictions',
  },
  refused: { kk: 'бас тартылды', ru: 'отказано', en: 'refused' },
  change_proposed: {
    kk: 'басқа орын немесе уақыт ұсынылды',
    ru: 'предложено другое место или время',
    en: 'another place or time proposed',
  },
};

type Renderer = (v: MessageValues) => Rendered;

function list(items: string[] | undefined, none: string): string {
  return items && items.length > 0 ? items.join('; ') : none;
}

const EN: Record<string, Renderer> = {
  [OUTBOX_TOPICS.registered]: (v) => ({
    subject: `Jiyn: your ${PROCEDURE[v.procedure].en} ${v.number} is registered`,
    body:
      `Your ${PROCEDURE[v.procedure].en} ${v.number} of a ${FORMS[v.form].en} on ${v.date}, ${v.start}–${v.end} (${v.place}) ` +
      `was registered on ${v.registeredAt}.\n` +
      `The akimat (${v.jurisdiction.en}) must answer by ${v.dueBy} inclusive (the deadline is ${v.deadline}, ${v.zone}).\n` +
      (v.procedure === 'notification'
        ? 'If the akimat does not answer by then, the assembly is deemed approved.'
        : "The assembly may be held only with the akimat's consent."),
    sms: `Jiyn: ${PROCEDURE[v.procedure].en} ${v.number} registered. Answer due by ${v.dueBy} inclusive.`,
  }),
  [OUTBOX_TOPICS.answered]: (v) => {
    const proc = PROCEDURE[v.procedure].en;
    const what = `${FORMS[v.form].en} on ${v.date}, ${v.start}–${v.end}, ${v.place}`;
    const text =
      v.outcome === 'refused'
        ? `The akimat refused your ${proc} ${v.number} (${what}).\nGrounds: ${list(
            v.grounds?.map((g) => g.en),
            '—',
          )}.\nReasons: ${v.reason ?? '—'}\nYou may appeal the refusal to a higher authority or to a court.`
        : v.outcome === 'approved_with_restrictions'
          ? `The akimat approved your ${proc} ${v.number} (${what}) with restrictions: ${list(v.restrictions, '—')}.`
          : `The akimat approved your ${proc} ${v.number} (${what}).`;
    return {
      subject: `Jiyn: the akimat answered your ${proc} ${v.number}`,
      body: text,
      sms: `Jiyn: the akimat answered ${v.number}: ${OUTCOME_WORD[v.outcome ?? 'approved'].en}.`,
    };
  },
  [OUTBOX_TOPICS.changeProposed]: (v) => ({
    subject: `Jiyn: the akimat proposes another place or time for ${v.number}`,
    body:
      `The akimat proposes to hold the assembly of your ${PROCEDURE[v.procedure].en} ${v.number} at ${v.proposal?.place} ` +
      `on ${v.proposal?.date}, ${v.proposal?.start}–${v.proposal?.end}.\nReasons: ${v.reason ?? '—'}\n` +
      `Accept or decline the proposal in Jiyn by ${v.proposal?.replyDeadline} (${v.zone}).`,
    sms: `Jiyn: the akimat proposes another place or time for ${v.number}. Reply by ${v.proposal?.replyDeadline}.`,
  }),
  [OUTBOX_TOPICS.proposalAccepted]: (v) => ({
    subject: `Jiyn: ${v.number} is approved at the proposed place and time`,
    body: `You accepted the akimat's proposal. The assembly of ${v.number} is approved: ${FORMS[v.form].en} on ${v.date}, ${v.start}–${v.end}, ${v.place}.`,
    sms: `Jiyn: ${v.number} is approved at the proposed place and time: ${v.date}, ${v.start}–${v.end}.`,
  }),
  [OUTBOX_TOPICS.proposalDeclined]: (v) => ({
    subject: `Jiyn: you declined the proposal for ${v.number}`,
    body: `You declined the akimat's proposal for ${v.number}. The akimat will give its final answer.`,
    sms: `Jiyn: you declined the akimat's proposal for ${v.number}.`,
  }),
  [OUTBOX_TOPICS.withdrawn]: (v) => ({
    subject: `Jiyn: ${PROCEDURE[v.procedure].en} ${v.number} withdrawn`,
    body: `You withdrew your ${PROCEDURE[v.procedure].en} ${v.number} (${FORMS[v.form].en} on ${v.date}, ${v.start}–${v.end}). The place and time are free for others.`,
    sms: `Jiyn: ${PROCEDURE[v.procedure].en} ${v.number} withdrawn.`,
  }),
  [OUTBOX_TOPICS.deemedApproved]: (v) => ({
    subject: `Jiyn: ${v.number} is deemed approved`,
    body:
      `The akimat did not answer your notification ${v.number} by the deadline (${v.deadline}, ${v.zone}). ` +
      `By law, the assembly is deemed approved as of ${v.deemedApprovedAt}: ${FORMS[v.form].en} on ${v.date}, ${v.start}–${v.end}, ${v.place}.\n` +
      `Certificate (PDF; sign in to Jiyn): ${v.certificateUrl}\nPublic verification: ${v.verifyUrl}`,
    sms: `Jiyn: ${v.number} is deemed approved as of ${v.deemedApprovedAt}. Verify: ${v.verifyUrl}`,
  }),
  [OUTBOX_TOPICS.answerOverdue]: (v) => ({
    subject: `Jiyn: no answer to your application ${v.number}`,
    body:
      `The akimat did not answer your application ${v.number} by the deadline (${v.deadline}, ${v.zone}). ` +
      'An application is not approved by silence: the akimat must still answer, and the assembly may not be held ' +
      "without its consent. You may complain to a higher authority or to the prosecutor's office.",
    sms: `Jiyn: no answer to application ${v.number} by the deadline. The akimat must still answer.`,
  }),
  [REMINDER_TEMPLATES.dayBefore]: (v) => ({
    subject: `Jiyn: answer ${v.number} by ${v.deadline}`,
    body:
      `Reminder: the ${PROCEDURE[v.procedure].en} ${v.number} (${FORMS[v.form].en} on ${v.date}, ${v.start}–${v.end}, ${v.place}) ` +
      `awaits the akimat's answer. Today, ${v.dueBy}, is the last working day to answer; the deadline is ${v.deadline} (${v.zone}). ` +
      (v.procedure === 'notification'
        ? 'Without an answer the assembly will be deemed approved.'
        : 'Without an answer the application will be overdue.'),
    sms: `Jiyn: answer ${v.number} by ${v.deadline}; today is the last working day.`,
  }),
  [REMINDER_TEMPLATES.hoursBefore]: (v) => ({
    subject: `Jiyn: ${v.hoursLeft} hours left to answer ${v.number}`,
    body:
      `Reminder: ${v.hoursLeft} hours remain to answer the ${PROCEDURE[v.procedure].en} ${v.number} ` +
      `(${FORMS[v.form].en} on ${v.date}, ${v.start}–${v.end}, ${v.place}); the deadline is ${v.deadline} (${v.zone}). ` +
      (v.procedure === 'notification'
        ? 'Without an answer the assembly will be deemed approved.'
        : 'Without an answer the application will be overdue.'),
    sms: `Jiyn: ${v.hoursLeft} hours left to answer ${v.number} (deadline ${v.deadline}).`,
  }),
};

const RU: Record<string, Renderer> = {
  [OUTBOX_TOPICS.registered]: (v) => ({
    subject: `Jiyn: ваше ${PROCEDURE[v.procedure].ru} ${v.number} зарегистрировано`,
    body:
      `Ваше ${PROCEDURE[v.procedure].ru} ${v.number} о проведении мероприятия «${FORMS[v.form].ru}» ${v.date} с ${v.start} до ${v.end} ` +
      `(${v.place}) зарегистрировано ${v.registeredAt}.\n` +
      `Акимат (${v.jurisdiction.ru}) должен ответить не позднее ${v.dueBy} включительно (срок истекает ${v.deadline}, ${v.zone}).\n` +
      (v.procedure === 'notification'
        ? 'Если ответа не будет к этому сроку, проведение мирного собрания считается согласованным.'
        : 'Мирное собрание можно проводить только с согласия акимата.'),
    sms: `Jiyn: ${PROCEDURE[v.procedure].ru} ${v.number} зарегистрировано. Ответ не позднее ${v.dueBy} включительно.`,
  }),
  [OUTBOX_TOPICS.answered]: (v) => {
    const what = `«${FORMS[v.form].ru}», ${v.date}, ${v.start}–${v.end}, ${v.place}`;
    const text =
      v.outcome === 'refused'
        ? `Акимат отказал в согласовании мирного собрания по вашему ${PROCEDURE[v.procedure].ruDat} ${v.number} (${what}).\n` +
          `Основания: ${list(
            v.grounds?.map((g) => g.ru),
            '—',
          )}.\nМотивы: ${v.reason ?? '—'}\nОтказ можно обжаловать в вышестоящий орган или в суд.`
        : v.outcome === 'approved_with_restrictions'
          ? `Акимат согласовал ваше ${PROCEDURE[v.procedure].ru} ${v.number} (${what}) с ограничениями: ${list(v.restrictions, '—')}.`
          : `Акимат согласовал ваше ${PROCEDURE[v.procedure].ru} ${v.number} (${what}).`;
    return {
      subject: `Jiyn: акимат ответил на ваше ${PROCEDURE[v.procedure].ru} ${v.number}`,
      body: text,
      sms: `Jiyn: акимат ответил на ${v.number}: ${OUTCOME_WORD[v.outcome ?? 'approved'].ru}.`,
    };
  },
  [OUTBOX_TOPICS.changeProposed]: (v) => ({
    subject: `Jiyn: акимат предлагает другое место или время по ${v.number}`,
    body:
      `Акимат предлагает провести мирное собрание по вашему ${PROCEDURE[v.procedure].ruDat} ${v.number} в месте «${v.proposal?.place}» ` +
      `${v.proposal?.date} с ${v.proposal?.start} до ${v.proposal?.end}.\nМотивы: ${v.reason ?? '—'}\n` +
      `Примите или отклоните предложение в Jiyn до ${v.proposal?.replyDeadline} (${v.zone}).`,
    sms: `Jiyn: акимат предлагает другое место или время по ${v.number}. Ответьте до ${v.proposal?.replyDeadline}.`,
  }),
  [OUTBOX_TOPICS.proposalAccepted]: (v) => ({
    subject: `Jiyn: ${v.number} согласовано в предложенном месте и времени`,
    body: `Вы приняли предложение акимата. Мирное собрание по ${v.number} согласовано: «${FORMS[v.form].ru}», ${v.date}, ${v.start}–${v.end}, ${v.place}.`,
    sms: `Jiyn: ${v.number} согласовано в предложенном месте и времени: ${v.date}, ${v.start}–${v.end}.`,
  }),
  [OUTBOX_TOPICS.proposalDeclined]: (v) => ({
    subject: `Jiyn: вы отклонили предложение по ${v.number}`,
    body: `Вы отклонили предложение акимата по ${v.number}. Акимат даст окончательный ответ.`,
    sms: `Jiyn: вы отклонили предложение акимата по ${v.number}.`,
  }),
  [OUTBOX_TOPICS.withdrawn]: (v) => ({
    subject: `Jiyn: ${PROCEDURE[v.procedure].ru} ${v.number} отозвано`,
    body: `Вы отозвали своё ${PROCEDURE[v.procedure].ru} ${v.number} («${FORMS[v.form].ru}», ${v.date}, ${v.start}–${v.end}). Место и время освобождены.`,
    sms: `Jiyn: ${PROCEDURE[v.procedure].ru} ${v.number} отозвано.`,
  }),
  [OUTBOX_TOPICS.deemedApproved]: (v) => ({
    subject: `Jiyn: ${v.number} считается согласованным`,
    body:
      `Акимат не ответил на ваше уведомление ${v.number} в установленный срок (${v.deadline}, ${v.zone}). ` +
      `В силу закона мирное собрание считается согласованным с ${v.deemedApprovedAt}: «${FORMS[v.form].ru}», ${v.date}, ${v.start}–${v.end}, ${v.place}.\n` +
      `Справка (PDF; нужен вход в Jiyn): ${v.certificateUrl}\nПроверка подлинности: ${v.verifyUrl}`,
    sms: `Jiyn: ${v.number} считается согласованным с ${v.deemedApprovedAt}. Проверка: ${v.verifyUrl}`,
  }),
  [OUTBOX_TOPICS.answerOverdue]: (v) => ({
    subject: `Jiyn: нет ответа на ваше заявление ${v.number}`,
    body:
      `Акимат не ответил на ваше заявление ${v.number} в установленный срок (${v.deadline}, ${v.zone}). ` +
      'Молчание не означает согласия на заявление: акимат обязан ответить, а без его согласия мирное собрание ' +
      'проводить нельзя. Вы можете обратиться с жалобой в вышестоящий орган или в прокуратуру.',
    sms: `Jiyn: нет ответа на заявление ${v.number} в срок. Акимат обязан ответить.`,
  }),
  [REMINDER_TEMPLATES.dayBefore]: (v) => ({
    subject: `Jiyn: ответьте на ${v.number} до ${v.deadline}`,
    body:
      `Напоминание: ${PROCEDURE[v.procedure].ru} ${v.number} («${FORMS[v.form].ru}», ${v.date}, ${v.start}–${v.end}, ${v.place}) ` +
      `ожидает ответа акимата. Сегодня, ${v.dueBy}, последний рабочий день для ответа; срок истекает ${v.deadline} (${v.zone}). ` +
      (v.procedure === 'notification'
        ? 'Без ответа мирное собрание будет считаться согласованным.'
        : 'Без ответа срок рассмотрения заявления будет нарушен.'),
    sms: `Jiyn: ответьте на ${v.number} до ${v.deadline}; сегодня последний рабочий день.`,
  }),
  [REMINDER_TEMPLATES.hoursBefore]: (v) => ({
    subject: `Jiyn: на ответ по ${v.number} осталось ${v.hoursLeft} ч`,
    body:
      `Напоминание: до истечения срока ответа на ${PROCEDURE[v.procedure].ru} ${v.number} ` +
      `(«${FORMS[v.form].ru}», ${v.date}, ${v.start}–${v.end}, ${v.place}) осталось ${v.hoursLeft} ч; срок истекает ${v.deadline} (${v.zone}). ` +
      (v.procedure === 'notification'
        ? 'Без ответа мирное собрание будет считаться согласованным.'
        : 'Без ответа срок рассмотрения заявления будет нарушен.'),
    sms: `Jiyn: на ответ по ${v.number} осталось ${v.hoursLeft} ч (срок ${v.deadline}).`,
  }),
};

const KK: Record<string, Renderer> = {
  [OUTBOX_TOPICS.registered]: (v) => ({
    subject: `Jiyn: ${v.number} ${PROCEDURE[v.procedure].kkPoss} тіркелді`,
    body:
      `${v.date} күні сағат ${v.start}–${v.end} аралығында өтетін «${FORMS[v.form].kk}» туралы ${v.number} ` +
      `${PROCEDURE[v.procedure].kkPoss} (${v.place}) ${v.registeredAt} тіркелді.\n` +
      `Әкімдік (${v.jurisdiction.kk}) ${v.dueBy} (қоса алғанда) дейін жауап беруге тиіс (мерзім ${v.deadline} аяқталады, ${v.zone}).\n` +
      (v.procedure === 'notification'
        ? 'Осы мерзімге дейін жауап болмаса, бейбіт жиналыс келісілген болып есептеледі.'
        : 'Бейбіт жиналысты тек әкімдіктің келісімімен өткізуге болады.'),
    sms: `Jiyn: ${v.number} ${PROCEDURE[v.procedure].kkPoss} тіркелді. Жауап мерзімі: ${v.dueBy} (қоса алғанда).`,
  }),
  [OUTBOX_TOPICS.answered]: (v) => {
    const what = `«${FORMS[v.form].kk}», ${v.date}, ${v.start}–${v.end}, ${v.place}`;
    const text =
      v.outcome === 'refused'
        ? `Әкімдік ${v.number} ${PROCEDURE[v.procedure].kkPoss} бойынша бейбіт жиналысты (${what}) келісуден бас тартты.\n` +
          `Негіздері: ${list(
            v.grounds?.map((g) => g.kk),
            '—',
          )}.\nСебептері: ${v.reason ?? '—'}\nБас тартуға жоғары тұрған органға немесе сотқа шағым жасауға болады.`
        : v.outcome === 'approved_with_restrictions'
          ? `Әкімдік ${v.number} ${PROCEDURE[v.procedure].kkAcc} (${what}) шектеулермен келісті: ${list(v.restrictions, '—')}.`
          : `Әкімдік ${v.number} ${PROCEDURE[v.procedure].kkAcc} (${what}) келісті.`;
    return {
      subject: `Jiyn: әкімдік ${v.number} ${PROCEDURE[v.procedure].kkDat} жауап берді`,
      body: text,
      sms: `Jiyn: әкімдік ${v.number} бойынша жауап берді: ${OUTCOME_WORD[v.outcome ?? 'approved'].kk}.`,
    };
  },
  [OUTBOX_TOPICS.changeProposed]: (v) => ({
    subject: `Jiyn: әкімдік ${v.number} бойынша басқа орын немесе уақыт ұсынады`,
    body:
      `Әкімдік ${v.number} ${PROCEDURE[v.procedure].kkPoss} бойынша бейбіт жиналысты ${v.proposal?.date} күні сағат ` +
      `${v.proposal?.start}–${v.proposal?.end} аралығында «${v.proposal?.place}» орнында өткізуді ұсынады.\n` +
      `Себептері: ${v.reason ?? '—'}\n` +
      `Ұсынысты Jiyn жүйесінде ${v.proposal?.replyDeadline} (${v.zone}) дейін қабылдаңыз немесе одан бас тартыңыз.`,
    sms: `Jiyn: әкімдік ${v.number} бойынша басқа орын немесе уақыт ұсынады. ${v.proposal?.replyDeadline} дейін жауап беріңіз.`,
  }),
  [OUTBOX_TOPICS.proposalAccepted]: (v) => ({
    subject: `Jiyn: ${v.number} ұсынылған орын мен уақытта келісілді`,
    body: `Сіз әкімдіктің ұсынысын қабылдадыңыз. ${v.number} бойынша бейбіт жиналыс келісілді: «${FORMS[v.form].kk}», ${v.date}, ${v.start}–${v.end}, ${v.place}.`,
    sms: `Jiyn: ${v.number} ұсынылған орын мен уақытта келісілді: ${v.date}, ${v.start}–${v.end}.`,
  }),
  [OUTBOX_TOPICS.proposalDeclined]: (v) => ({
    subject: `Jiyn: сіз ${v.number} бойынша ұсыныстан бас тарттыңыз`,
    body: `Сіз ${v.number} бойынша әкімдіктің ұсынысынан бас тарттыңыз. Әкімдік түпкілікті жауап береді.`,
    sms: `Jiyn: сіз ${v.number} бойынша әкімдіктің ұсынысынан бас тарттыңыз.`,
  }),
  [OUTBOX_TOPICS.withdrawn]: (v) => ({
    subject: `Jiyn: ${v.number} ${PROCEDURE[v.procedure].kk} кері қайтарылды`,
    body: `Сіз ${v.number} ${PROCEDURE[v.procedure].kkAcc} кері қайтарып алдыңыз («${FORMS[v.form].kk}», ${v.date}, ${v.start}–${v.end}). Орын мен уақыт басқаларға босатылды.`,
    sms: `Jiyn: ${v.number} ${PROCEDURE[v.procedure].kk} кері қайтарылды.`,
  }),
  [OUTBOX_TOPICS.deemedApproved]: (v) => ({
    subject: `Jiyn: ${v.number} келісілген болып есептеледі`,
    body:
      `Әкімдік ${v.number} хабарламаңызға белгіленген мерзімде (${v.deadline}, ${v.zone}) жауап бермеді. ` +
      `Заң бойынша бейбіт жиналыс ${v.deemedApprovedAt} бастап келісілген болып есептеледі: «${FORMS[v.form].kk}», ${v.date}, ${v.start}–${v.end}, ${v.place}.\n` +
      `Анықтама (PDF; Jiyn жүйесіне кіру қажет): ${v.certificateUrl}\nТүпнұсқалығын тексеру: ${v.verifyUrl}`,
    sms: `Jiyn: ${v.number} ${v.deemedApprovedAt} бастап келісілген болып есептеледі. Тексеру: ${v.verifyUrl}`,
  }),
  [OUTBOX_TOPICS.answerOverdue]: (v) => ({
    subject: `Jiyn: ${v.number} өтінішіңізге жауап жоқ`,
    body:
      `Әкімдік ${v.number} өтінішіңізге белгіленген мерзімде (${v.deadline}, ${v.zone}) жауап бермеді. ` +
      'Жауаптың болмауы өтінішке келісім болып саналмайды: әкімдік жауап беруге міндетті, ал оның келісімінсіз ' +
      'бейбіт жиналысты өткізуге болмайды. Жоғары тұрған органға немесе прокуратураға шағымдануға болады.',
    sms: `Jiyn: ${v.number} өтінішіне мерзімінде жауап жоқ. Әкімдік жауап беруге міндетті.`,
  }),
  [REMINDER_TEMPLATES.dayBefore]: (v) => ({
    subject: `Jiyn: ${v.number} бойынша ${v.deadline} дейін жауап беріңіз`,
    body:
      `Еске салу: ${v.number} ${PROCEDURE[v.procedure].kk} («${FORMS[v.form].kk}», ${v.date}, ${v.start}–${v.end}, ${v.place}) ` +
      `әкімдіктің жауабын күтуде. Бүгін, ${v.dueBy}, жауап берудің соңғы жұмыс күні; мерзім ${v.deadline} аяқталады (${v.zone}). ` +
      (v.procedure === 'notification'
        ? 'Жауап болмаса, бейбіт жиналыс келісілген болып есептеледі.'
        : 'Жауап болмаса, өтінішті қарау мерзімі бұзылады.'),
    sms: `Jiyn: ${v.number} бойынша ${v.deadline} дейін жауап беріңіз; бүгін соңғы жұмыс күні.`,
  }),
  [REMINDER_TEMPLATES.hoursBefore]: (v) => ({
    subject: `Jiyn: ${v.number} бойынша жауап беруге ${v.hoursLeft} сағат қалды`,
    body:
      `Еске салу: ${v.number} ${PROCEDURE[v.procedure].kk} («${FORMS[v.form].kk}», ${v.date}, ${v.start}–${v.end}, ${v.place}) ` +
      `бойынша жауап беру мерзімінің аяқталуына ${v.hoursLeft} сағат қалды; мерзім ${v.deadline} аяқталады (${v.zone}). ` +
      (v.procedure === 'notification'
        ? 'Жауап болмаса, бейбіт жиналыс келісілген болып есептеледі.'
        : 'Жауап болмаса, өтінішті қарау мерзімі бұзылады.'),
    sms: `Jiyn: ${v.number} бойынша жауап беруге ${v.hoursLeft} сағат қалды (мерзім ${v.deadline}).`,
  }),
};

const BY_LOCALE: Record<Locale, Record<string, Renderer>> = { kk: KK, ru: RU, en: EN };

export function hasTemplate(template: string): boolean {
  return template in EN;
}

/** One template in one language. Throws for an unknown template. */
export function render(template: string, locale: Locale, values: MessageValues): Rendered {
  const renderer = BY_LOCALE[locale][template];
  if (!renderer) throw new Error(`no message template ${template}`);
  return renderer(values);
}

const LANGUAGE_NAMES: Record<Locale, string> = { kk: 'Қазақша', ru: 'Русский', en: 'English' };

/**
 * An e-mail in the recipient's language first, then the other two (official notices in
 * Kazakhstan go out in Kazakh and Russian; English for foreigners). The SMS in one language.
 */
export function renderMessage(template: string, locale: Locale, values: MessageValues): Rendered {
  const first = render(template, locale, values);
  const others = LOCALES.filter((l) => l !== locale).map((l) => ({ l, r: render(template, l, values) }));
  const body = [
    first.body,
    ...others.map(({ l, r }) => `— ${LANGUAGE_NAMES[l]} —\n${r.subject.replace(/^Jiyn: /, '')}\n${r.body}`),
  ].join('\n\n');
  return { subject: first.subject, body, sms: first.sms };
}
