import { Foundation1795305216979 } from './1795305216979-foundation';
import { Sessions1795305486583 } from './1795305486583-sessions';
import { Filings1795305613556 } from './1795305613556-filings';
import { LegalRulesSeed1795305700000 } from './1795305700000-legal-rules-seed';
import { HistoricalAssemblies1795306474066 } from './1795306474066-historical-assemblies';
import { AuditHeadExports1795306666745 } from './1795306666745-audit-head-exports';
import { StaffContacts1795306901630 } from './1795306901630-staff-contacts';

/** Every migration, in order. Schema changes happen here and nowhere else. */
export const MIGRATIONS: Function[] = [
  Foundation1795305216979,
  Sessions1795305486583,
  Filings1795305613556,
  LegalRulesSeed1795305700000,
  HistoricalAssemblies1795306474066,
  AuditHeadExports1795306666745,
  StaffContacts1795306901630,
];
