import type { Role } from '../session';

/** The seeded demo people, offered by the development signer (synthetic but valid IINs). */
export const DEMO_ACCOUNTS: readonly { iin: string; fullName: string; role: Role; city?: string }[] = [
  { iin: '880808300004', fullName: 'ERMEKOV TIMUR', role: 'organizer' },
  { iin: '870302400008', fullName: 'SULTANOVA AIGERIM', role: 'akimat_officer', city: '750000000' },
  { iin: '900515300107', fullName: 'BEKOV NURLAN', role: 'maslikhat_staff', city: '750000000' },
  { iin: '920701400009', fullName: 'ZHAKSYBEKOVA DANA', role: 'akimat_officer', city: '710000000' },
  { iin: '850101300005', fullName: 'DEMO ADMINISTRATOR', role: 'admin' },
];
