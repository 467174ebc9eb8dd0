// Public API of @jiyn/domain: the legal rules of Jiyn as plain TypeScript (no I/O, no framework).
export * from './errors';
export * from './forms';
export * from './policy';
export * from './time/local-date';
export * from './time/instant';
export * from './time/zone';
export * from './time/tzdata-guard';
export * from './calendar/entries';
export * from './calendar/kz-entries';
export type { DayReason } from './calendar/year-table';
export * from './calendar/working-day-calendar';
export * from './deadlines';
export * from './daily-window';
export * from './iin';
export * from './eligibility';
export * from './filing-state';
export * from './decision';
export * from './refusal-grounds';
