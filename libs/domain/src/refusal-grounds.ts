import { LocalizedText } from './calendar/entries';
import { InvalidLocalDateError } from './errors';
import { LocalDate, isValidLocalDate } from './time/local-date';

/**
 * The grounds on which an akimat refuses an assembly: Art. 14(1) of Law No. 333-VI, all ten, as
 * versioned data (a ground may gain validTo, or new ones validFrom, when the law changes).
 */
export interface RefusalGround {
  /** Stable code used in decisions and by the API. */
  code: string;
  article: string;
  title: LocalizedText;
  /** The akimat must first have proposed another place or time (Constitutional Court, 61-NP of 2025). */
  requiresPriorProposal?: boolean;
  validFrom: LocalDate;
  /** Last day on which the ground may be cited (inclusive); open when absent. */
  validTo?: LocalDate;
}

const LAW_IN_FORCE = '2020-06-06';

export const REFUSAL_GROUNDS: readonly RefusalGround[] = Object.freeze(
  (
    [
      {
        code: 'unconstitutional_aims',
        article: 'Art. 14(1)(1)',
        title: {
          kk: 'Бейбіт жиналыстың мақсаттары конституциялық құрылысты күштеп өзгертуге, Республиканың тұтастығын бұзуға, мемлекет қауіпсіздігіне нұқсан келтіруге немесе әлеуметтік, нәсілдік, ұлттық, діни, тектік-топтық және рулық алауыздықты қоздыруға бағытталған',
          ru: 'Цели мирного собрания направлены на насильственное изменение конституционного строя, нарушение целостности Республики, подрыв безопасности государства или разжигание социальной, расовой, национальной, религиозной, сословной и родовой розни',
          en: 'The aims of the assembly are to change the constitutional order by force, break the territorial integrity of the Republic, undermine state security, or incite social, racial, national, religious, class or clan discord',
        },
      },
      {
        code: 'organizer_not_eligible',
        article: 'Art. 14(1)(2)',
        title: {
          kk: 'Ұйымдастырушы бейбіт жиналысты ұйымдастыруға құқығы жоқ тұлға болып табылады (5-баптың 6-тармағы)',
          ru: 'Организатором является лицо, которое не может быть организатором мирного собрания (пункт 6 статьи 5)',
          en: 'The organizer is a person who may not organize a peaceful assembly (Art. 5(6))',
        },
      },
      {
        code: 'threat_to_security_or_rights',
        article: 'Art. 14(1)(3)',
        title: {
          kk: 'Мемлекеттің қауіпсіздігіне, қоғамдық тәртіпке, халықтың денсаулығына немесе басқа адамдардың құқықтары мен бостандықтарына қатер төнеді',
          ru: 'Создаётся угроза безопасности государства, общественному порядку, здоровью населения либо правам и свободам других лиц',
          en: 'A threat to state security, public order, public health, or the rights and freedoms of others',
        },
      },
      {
        code: 'late_filing',
        article: 'Art. 14(1)(4)',
        title: {
          kk: 'Хабарламаны немесе өтінішті беру мерзімдері бұзылған',
          ru: 'Нарушены сроки подачи уведомления или заявления',
          en: 'The notification or application was filed late',
        },
      },
      {
        code: 'incomplete_filing_or_signature',
        article: 'Art. 14(1)(5)',
        title: {
          kk: 'Хабарламада немесе өтініште заңда көзделген мәліметтер не ұйымдастырушының немесе оның өкілінің қолы жоқ',
          ru: 'В уведомлении или заявлении отсутствуют предусмотренные законом сведения либо подпись организатора или его представителя',
          en: 'Information required by law, or the signature of the organizer or their representative, is missing from the filing',
        },
      },
      {
        code: 'unreliable_documents',
        article: 'Art. 14(1)(6)',
        title: {
          kk: 'Ұсынылған құжаттар дәйексіз немесе белгіленген талаптарға сәйкес келмейді',
          ru: 'Представленные документы недостоверны или не соответствуют установленным требованиям',
          en: 'The documents submitted are unreliable or do not meet the requirements',
        },
      },
      {
        code: 'prohibited_financing',
        article: 'Art. 14(1)(7)',
        title: {
          kk: 'Бейбіт жиналыс тізбеге енгізілген тұлғалардан, қызметі тоқтатыла тұрған немесе тыйым салынған ұйымдардан не шетелдік көздерден қаржыландырылады',
          ru: 'Мирное собрание финансируется лицами, включёнными в перечень, организациями, деятельность которых приостановлена или запрещена, либо из иностранных источников',
          en: 'The assembly is financed by listed persons, by organizations whose activity is suspended or banned, or from foreign sources',
        },
      },
      {
        code: 'prohibited_place_or_regime',
        article: 'Art. 14(1)(8)',
        title: {
          kk: 'Пикеттеуге тыйым салынған орын, 9-баптың 6-тармағындағы пикеттеу шектеулері бұзылған, не төтенше немесе соғыс жағдайы, терроризмге қарсы операцияның құқықтық режимі енгізілген',
          ru: 'Место, где пикетирование запрещено, нарушение ограничений пикетирования по пункту 6 статьи 9 либо введение чрезвычайного или военного положения, правового режима антитеррористической операции',
          en: 'A place where picketing is banned, the picket limits of Art. 9(6), or a state of emergency, martial law or counter-terrorist operation regime',
        },
      },
      {
        code: 'over_capacity',
        article: 'Art. 14(1)(9)',
        title: {
          kk: 'Қатысушылардың күтілетін саны арнайы орынның шекті толымдылық нормасынан асады',
          ru: 'Ожидаемое число участников превышает норму предельной заполняемости специализированного места',
          en: "The expected number of participants exceeds the specialized place's maximum occupancy",
        },
      },
      {
        code: 'venue_occupied_or_works',
        article: 'Art. 14(1)(10)',
        title: {
          kk: 'Сол орында және сол уақытта басқа іс-шара немесе құрылыс-монтаж жұмыстары өткізіледі (басқа орын немесе уақыт ұсынылғаннан кейін)',
          ru: 'В том же месте и в то же время проводится другое мероприятие или строительно-монтажные работы (после предложения другого места или времени)',
          en: 'Another event or construction works at that place and time (only after another place or time was proposed)',
        },
        requiresPriorProposal: true,
      },
    ] as Omit<RefusalGround, 'validFrom'>[]
  ).map((g) => Object.freeze({ ...g, title: Object.freeze(g.title), validFrom: LAW_IN_FORCE })),
);

const BY_CODE: ReadonlyMap<string, RefusalGround> = new Map(REFUSAL_GROUNDS.map((g) => [g.code, g]));

export function refusalGroundByCode(code: string): RefusalGround | undefined {
  return BY_CODE.get(code);
}

export function isRefusalGroundCode(code: unknown): boolean {
  return typeof code === 'string' && BY_CODE.has(code);
}

/** The grounds that may be cited on a date. */
export function refusalGroundsInForce(
  date: LocalDate,
  grounds: readonly RefusalGround[] = REFUSAL_GROUNDS,
): RefusalGround[] {
  if (!isValidLocalDate(date)) throw new InvalidLocalDateError(date);
  return grounds.filter((g) => g.validFrom <= date && (g.validTo === undefined || date <= g.validTo));
}
