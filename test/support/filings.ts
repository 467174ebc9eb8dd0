import { PEOPLE } from './auth';

export const GANDHI_PARK = '0b8e4f4a-5d0e-4c41-9d1e-7a1f00000001';
export const WALIKHANOV_SQUARE = '0b8e4f4a-5d0e-4c41-9d1e-7a1f00000002';
export const SARY_ARKA_SQUARE = '0b8e4f4a-5d0e-4c41-9d1e-7a1f00000003';
export const SHEVCHENKO_ROUTE = '0b8e4f4a-5d0e-4c41-9d1e-7a1f00000004';
export const ASTANA_CENTRAL_PARK = '0b8e4f4a-5d0e-4c41-9d1e-7a1f00000005';

/** A complete, valid filing body (unsigned) for the demo organizer; override what a test needs. */
export function filingBody(overrides: Record<string, unknown> = {}): Record<string, any> {
  return {
    form: 'rally',
    jurisdiction: '750000000',
    purpose: 'Clean air in Almaty: for stricter emission controls',
    startsAt: '2026-12-15T11:00:00+05:00',
    endsAt: '2026-12-15T13:00:00+05:00',
    expectedParticipants: 200,
    venueId: GANDHI_PARK,
    equipment: { sound: false, vehicles: false, structures: false, visualAids: true },
    regulations: 'Regulations approved by the organizer: order of speeches, stewards, first aid.',
    financing: 'Own funds of the organizer',
    personalDataConsent: true,
    organizer: {
      iin: PEOPLE.organizer.iin,
      fullName: PEOPLE.organizer.fullName,
      address: 'Almaty, Abay avenue 10, apt 5',
      phone: '+77011234567',
      email: 'timur@example.kz',
    },
    ...overrides,
  };
}

/** Every day between the two filing tests moves, so each test books its own hour. */
export function hourSlot(day: string, hour: number, hours = 1): { startsAt: string; endsAt: string } {
  const pad = (n: number) => String(n).padStart(2, '0');
  return { startsAt: `${day}T${pad(hour)}:00:00+05:00`, endsAt: `${day}T${pad(hour + hours)}:00:00+05:00` };
}
