/** Static facts the client needs: cities, forms, map defaults. Labels live in the dictionaries. */

export const TIME_ZONE = 'Asia/Almaty';
/** Kazakhstan's single offset since 2024-03-01 (tzdata 2024a). */
export const KZ_OFFSET = '+05:00';

export const CITIES = [
  { kato: '750000000', key: 'city.almaty', center: [43.238, 76.915] },
  { kato: '710000000', key: 'city.astana', center: [51.147, 71.43] },
  { kato: '790000000', key: 'city.shymkent', center: [42.318, 69.595] },
] as const;
export type CityKato = (typeof CITIES)[number]['kato'];

export const FORMS = ['picket', 'meeting', 'rally', 'demonstration', 'procession'] as const;
export type Form = (typeof FORMS)[number];
/** Demonstrations and processions move along routes; the others stand at places. */
export const MOVING_FORMS: readonly Form[] = ['demonstration', 'procession'];

export const EQUIPMENT = ['sound', 'vehicles', 'structures', 'visualAids'] as const;
export type Equipment = (typeof EQUIPMENT)[number];

export const DELIVERY = ['in_person', 'registered_mail', 'e_document', 'email', 'sms'] as const;
export type Delivery = (typeof DELIVERY)[number];

export const OUTCOMES = ['approved', 'approved_with_restrictions', 'change_proposed', 'refused'] as const;
export type Outcome = (typeof OUTCOMES)[number];

/** Whole Kazakhstan, for the first view of the map. */
export const KZ_BOUNDS: [[number, number], [number, number]] = [
  [40.6, 46.5],
  [55.4, 87.3],
];

const DEFAULT_TILES = 'https://tile.openstreetmap.org/{z}/{x}/{y}.png';

/**
 * The map tile URL template: JIYN_WEB_TILE_URL at build time, or `jiyn.tileUrl` in localStorage
 * (handy for a local tile server); an empty value turns tiles off.
 */
export function tileUrl(): string {
  try {
    const override = localStorage.getItem('jiyn.tileUrl');
    if (override !== null) return override;
  } catch {}
  const built = import.meta.env.JIYN_WEB_TILE_URL as string | undefined;
  return built ?? DEFAULT_TILES;
}
