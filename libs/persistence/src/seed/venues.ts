import type { Geometry } from 'geojson';

/**
 * Demo specialized places and routes. The places are real; coordinates are approximate (a few tens
 * of metres) and the occupancy figures follow what the maslikhats published (Almaty 2020, Astana).
 */
export interface VenueSeed {
  /** Stable demo id, so that re-seeding updates rather than duplicates. */
  id: string;
  jurisdictionKato: string;
  name: string;
  kind: 'place' | 'route';
  geometry: Geometry;
  maxOccupancy: number;
  decisionRef: string;
}

const point = (lat: number, lng: number): Geometry => ({ type: 'Point', coordinates: [lng, lat] });

export const VENUES: VenueSeed[] = [
  {
    id: '0b8e4f4a-5d0e-4c41-9d1e-7a1f00000001',
    jurisdictionKato: '750000000',
    name: 'Gandhi park, Zharokov street',
    kind: 'place',
    geometry: point(43.2318, 76.9094),
    maxOccupancy: 500,
    decisionRef: 'Almaty city maslikhat decision No. 462 of 23.06.2020',
  },
  {
    id: '0b8e4f4a-5d0e-4c41-9d1e-7a1f00000002',
    jurisdictionKato: '750000000',
    name: 'Shoqan Walikhanov square, by the Academy of Sciences',
    kind: 'place',
    geometry: point(43.2487, 76.9497),
    maxOccupancy: 1000,
    decisionRef: 'Almaty city maslikhat decision No. 462 of 23.06.2020',
  },
  {
    id: '0b8e4f4a-5d0e-4c41-9d1e-7a1f00000003',
    jurisdictionKato: '750000000',
    name: 'Square behind the Sary-Arka cinema',
    kind: 'place',
    geometry: point(43.2383, 76.8556),
    maxOccupancy: 300,
    decisionRef: 'Almaty city maslikhat decision No. 462 of 23.06.2020',
  },
  {
    id: '0b8e4f4a-5d0e-4c41-9d1e-7a1f00000004',
    jurisdictionKato: '750000000',
    name: 'Shevchenko street, Gandhi park to Walikhanov square',
    kind: 'route',
    geometry: {
      type: 'LineString',
      coordinates: [
        [76.9094, 43.2318],
        [76.9079, 43.2465],
        [76.9205, 43.2471],
        [76.9352, 43.2479],
        [76.9497, 43.2487],
      ],
    },
    maxOccupancy: 1000,
    decisionRef: 'Almaty city maslikhat decision No. 462 of 23.06.2020',
  },
  {
    id: '0b8e4f4a-5d0e-4c41-9d1e-7a1f00000005',
    jurisdictionKato: '710000000',
    name: 'Central park, northern entrance',
    kind: 'place',
    geometry: point(51.1559, 71.4177),
    maxOccupancy: 1000,
    decisionRef: 'Astana city maslikhat decision No. 133/16-VIII of 26.12.2023',
  },
  {
    id: '0b8e4f4a-5d0e-4c41-9d1e-7a1f00000006',
    jurisdictionKato: '710000000',
    name: 'Zheruyik park',
    kind: 'place',
    geometry: point(51.1146, 71.4652),
    maxOccupancy: 300,
    decisionRef: 'Astana city maslikhat decision No. 133/16-VIII of 26.12.2023',
  },
  {
    id: '0b8e4f4a-5d0e-4c41-9d1e-7a1f00000007',
    jurisdictionKato: '710000000',
    name: 'Square on Kenesary street by the Arman cinema',
    kind: 'place',
    geometry: point(51.1665, 71.4231),
    maxOccupancy: 200,
    decisionRef: 'Astana city maslikhat decision No. 133/16-VIII of 26.12.2023',
  },
  {
    id: '0b8e4f4a-5d0e-4c41-9d1e-7a1f00000008',
    jurisdictionKato: '790000000',
    name: 'Independence park',
    kind: 'place',
    geometry: point(42.3251, 69.5962),
    maxOccupancy: 500,
    decisionRef: 'Shymkent city maslikhat decision of 2020',
  },
  {
    id: '0b8e4f4a-5d0e-4c41-9d1e-7a1f00000009',
    jurisdictionKato: '790000000',
    name: 'Al-Farabi square',
    kind: 'place',
    geometry: point(42.3174, 69.5878),
    maxOccupancy: 300,
    decisionRef: 'Shymkent city maslikhat decision of 2020',
  },
];

/** A demo no-picketing zone: a 400 m band around Almaty-2 railway station (Art. 9(5)(2)). */
export const RESTRICTED_ZONES = [
  {
    id: '0b8e4f4a-5d0e-4c41-9d1e-7a1f00000101',
    jurisdictionKato: '750000000',
    reason: 'Almaty-2 railway station and adjacent land (Art. 9(5)(2)), 400 m',
    decisionRef: 'Almaty city maslikhat decision V24R0001755 (2024)',
    center: { lat: 43.2711, lng: 76.9377 },
    radiusMeters: 400,
  },
];

/** Demo staff accounts (IINs are synthetic but valid; e-mail addresses on the reserved .example domain). */
export const DEMO_STAFF = [
  {
    iin: '850101300005',
    fullName: 'DEMO ADMINISTRATOR',
    role: 'admin',
    jurisdictionKato: null,
    email: 'admin@jiyn.example',
    locale: 'en',
  },
  {
    iin: '870302400008',
    fullName: 'SULTANOVA AIGERIM',
    role: 'akimat_officer',
    jurisdictionKato: '750000000',
    email: 'a.sultanova@almaty.example',
    locale: 'ru',
  },
  {
    iin: '900515300107',
    fullName: 'BEKOV NURLAN',
    role: 'maslikhat_staff',
    jurisdictionKato: '750000000',
    email: 'n.bekov@almaty.example',
    locale: 'kk',
  },
  {
    iin: '920701400009',
    fullName: 'ZHAKSYBEKOVA DANA',
    role: 'akimat_officer',
    jurisdictionKato: '710000000',
    email: 'd.zhaksybekova@astana.example',
    locale: 'kk',
  },
  {
    iin: '781112300002',
    fullName: 'ORMANOV ASKAR',
    role: 'akimat_officer',
    jurisdictionKato: '790000000',
    email: 'a.ormanov@shymkent.example',
    locale: 'ru',
  },
] as const;

/** A demo organizer (no staff role: any valid signer is an organizer). */
export const DEMO_ORGANIZER = { iin: '880808300004', fullName: 'ERMEKOV TIMUR' };
