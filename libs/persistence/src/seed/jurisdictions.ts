/**
 * The jurisdictions of Kazakhstan by KATO code: the 17 regions, the three cities of republican
 * significance and the districts of Almaty. All of Kazakhstan keeps Asia/Almaty time (UTC+5 since
 * 2024-03-01); the western regions keep their own IANA zones, which agree with it since then.
 * District codes follow the KATO classifier; check them against the current edition before go-live.
 */
export interface JurisdictionSeed {
  kato: string;
  parentKato: string | null;
  kind: 'country' | 'region' | 'city' | 'district';
  name: { kk: string; ru: string; en: string };
  timeZone: string;
  numberPrefix: string;
}

const region = (
  kato: string,
  kk: string,
  ru: string,
  en: string,
  prefix: string,
  timeZone = 'Asia/Almaty',
): JurisdictionSeed => ({
  kato,
  parentKato: null,
  kind: 'region',
  name: { kk, ru, en },
  timeZone,
  numberPrefix: prefix,
});

export const JURISDICTIONS: JurisdictionSeed[] = [
  region('100000000', 'Абай облысы', 'область Абай', 'Abai Region', 'ABA'),
  region('110000000', 'Ақмола облысы', 'Акмолинская область', 'Akmola Region', 'AKM'),
  region('150000000', 'Ақтөбе облысы', 'Актюбинская область', 'Aktobe Region', 'AKT', 'Asia/Aqtobe'),
  region('190000000', 'Алматы облысы', 'Алматинская область', 'Almaty Region', 'ALO'),
  region('230000000', 'Атырау облысы', 'Атырауская область', 'Atyrau Region', 'ATY', 'Asia/Atyrau'),
  region(
    '270000000',
    'Батыс Қазақстан облысы',
    'Западно-Казахстанская область',
    'West Kazakhstan Region',
    'ZKO',
    'Asia/Oral',
  ),
  region('310000000', 'Жамбыл облысы', 'Жамбылская область', 'Zhambyl Region', 'ZHA'),
  region('330000000', 'Жетісу облысы', 'область Жетісу', 'Jetisu Region', 'ZHE'),
  region('350000000', 'Қарағанды облысы', 'Карагандинская область', 'Karaganda Region', 'KAR'),
  region('390000000', 'Қостанай облысы', 'Костанайская область', 'Kostanay Region', 'KOS', 'Asia/Qostanay'),
  region(
    '430000000',
    'Қызылорда облысы',
    'Кызылординская область',
    'Kyzylorda Region',
    'KZO',
    'Asia/Qyzylorda',
  ),
  region('470000000', 'Маңғыстау облысы', 'Мангистауская область', 'Mangystau Region', 'MAN', 'Asia/Aqtau'),
  region('550000000', 'Павлодар облысы', 'Павлодарская область', 'Pavlodar Region', 'PAV'),
  region(
    '590000000',
    'Солтүстік Қазақстан облысы',
    'Северо-Казахстанская область',
    'North Kazakhstan Region',
    'SKO',
  ),
  region('610000000', 'Түркістан облысы', 'Туркестанская область', 'Turkistan Region', 'TUR'),
  region('620000000', 'Ұлытау облысы', 'область Ұлытау', 'Ulytau Region', 'ULY'),
  region(
    '630000000',
    'Шығыс Қазақстан облысы',
    'Восточно-Казахстанская область',
    'East Kazakhstan Region',
    'VKO',
  ),
  { ...region('710000000', 'Астана қаласы', 'город Астана', 'Astana', 'AST'), kind: 'city' },
  { ...region('750000000', 'Алматы қаласы', 'город Алматы', 'Almaty', 'ALA'), kind: 'city' },
  { ...region('790000000', 'Шымкент қаласы', 'город Шымкент', 'Shymkent', 'SHY'), kind: 'city' },
  ...(
    [
      ['751110000', 'Алмалы ауданы', 'Алмалинский район', 'Almaly District', 'ALM'],
      ['751210000', 'Әуезов ауданы', 'Ауэзовский район', 'Auezov District', 'AUE'],
      ['751310000', 'Бостандық ауданы', 'Бостандыкский район', 'Bostandyk District', 'BOS'],
      ['751410000', 'Жетісу ауданы', 'Жетысуский район', 'Zhetysu District', 'ZHT'],
      ['751510000', 'Медеу ауданы', 'Медеуский район', 'Medeu District', 'MED'],
      ['751610000', 'Түрксіб ауданы', 'Турксибский район', 'Turksib District', 'TRK'],
      ['751710000', 'Алатау ауданы', 'Алатауский район', 'Alatau District', 'ALT'],
      ['751810000', 'Наурызбай ауданы', 'Наурызбайский район', 'Nauryzbay District', 'NAU'],
    ] as const
  ).map(([kato, kk, ru, en, prefix]): JurisdictionSeed => ({
    kato,
    parentKato: '750000000',
    kind: 'district',
    name: { kk, ru, en },
    timeZone: 'Asia/Almaty',
    numberPrefix: prefix,
  })),
];
