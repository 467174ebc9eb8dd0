import fc from 'fast-check';
import { KZ_CALENDAR_ENTRIES } from './calendar/kz-entries';
import { WorkingDayCalendar } from './calendar/working-day-calendar';
import {
  answerDeadlineInstant,
  computeDeadlineInstants,
  computeDeadlines,
  fileByDate,
  proposalReplyDeadline,
  registrationDateOf,
} from './deadlines';
import { InvalidInstantError, InvalidLocalDateError, UnknownFormError } from './errors';
import { ASSEMBLY_FORMS, AssemblyForm } from './forms';
import { KZ_2020_POLICY, LegalPolicy } from './policy';
import { addDays, daysFromCivil, fromDayNumber, toDayNumber } from './time/local-date';
import { startOfLocalDay } from './time/zone';

const calendar = WorkingDayCalendar.fromEntries(KZ_CALENDAR_ENTRIES);
const policy = KZ_2020_POLICY;
const timeZone = 'Asia/Almaty';
const base = { timeZone, calendar, policy };

describe('computeDeadlines: the worked examples', () => {
  it('API.md: a rally on 2025-03-26 in Almaty', () => {
    expect(computeDeadlines({ ...base, form: 'rally', assemblyDate: '2025-03-26' })).toEqual({
      form: 'rally',
      procedure: 'notification',
      assemblyDate: '2025-03-26',
      fileBy: '2025-03-14',
      answerWorkingDays: 3,
      deemedApproval: true,
    });
    expect(
      computeDeadlines({
        ...base,
        form: 'rally',
        assemblyDate: '2025-03-26',
        registeredAt: new Date('2025-03-14T10:00:00+05:00'),
      }),
    ).toEqual({
      form: 'rally',
      procedure: 'notification',
      assemblyDate: '2025-03-26',
      fileBy: '2025-03-14',
      answerWorkingDays: 3,
      deemedApproval: true,
      registrationDate: '2025-03-14',
      timely: true,
      answerDueBy: '2025-03-19',
      answerDeadline: '2025-03-20T00:00:00+05:00',
      deemedApprovedAt: '2025-03-20T00:00:00+05:00',
    });
  });

  it('notes: a march (procession) on 2025-03-26 must be filed by 6 March; answer due 18 March', () => {
    const d = computeDeadlines({
      ...base,
      form: 'procession',
      assemblyDate: '2025-03-26',
      registeredAt: new Date('2025-03-06T16:00:00+05:00'),
    });
    expect(d).toMatchObject({
      procedure: 'application',
      fileBy: '2025-03-06',
      answerWorkingDays: 7,
      deemedApproval: false,
      registrationDate: '2025-03-06',
      timely: true,
      answerDueBy: '2025-03-18',
      answerDeadline: '2025-03-19T00:00:00+05:00',
      deemedApprovedAt: null,
    });
    expect(fileByDate('demonstration', '2025-03-26', calendar, policy)).toBe('2025-03-06');
  });

  it('notes: a rally on 2026-05-13 must be filed by 4 May (11 May observed Victory Day, 7 and 1 May off)', () => {
    const d = computeDeadlines({
      ...base,
      form: 'rally',
      assemblyDate: '2026-05-13',
      registeredAt: new Date('2026-05-04T09:00:00+05:00'),
    });
    expect(d).toMatchObject({ fileBy: '2026-05-04', timely: true, answerDueBy: '2026-05-08' });
    expect(d.answerDeadline).toBe('2026-05-09T00:00:00+05:00');
  });

  it('a filing one working day late is not timely', () => {
    const d = computeDeadlines({
      ...base,
      form: 'meeting',
      assemblyDate: '2025-03-26',
      registeredAt: new Date('2025-03-17T09:00:00+05:00'),
    });
    expect(d.timely).toBe(false);
    expect(d.registrationDate).toBe('2025-03-17');
  });
});

describe('registration date', () => {
  it('is the next working day when received on a day off', () => {
    // Saturday 22 March 2025, Nauryz: next working day is Wednesday 26 March
    expect(registrationDateOf(new Date('2025-03-22T12:00:00+05:00'), timeZone, calendar, policy)).toBe(
      '2025-03-26',
    );
    // Received 23:59 local on Friday 14 March: still the 14th
    expect(registrationDateOf(new Date('2025-03-14T23:59:59+05:00'), timeZone, calendar, policy)).toBe(
      '2025-03-14',
    );
    // 00:00 local on Saturday 15 March: Monday 17
    expect(registrationDateOf(new Date('2025-03-15T00:00:00+05:00'), timeZone, calendar, policy)).toBe(
      '2025-03-17',
    );
    // 19:30 UTC on the 14th is 00:30 on the 15th in Almaty
    expect(registrationDateOf(new Date('2025-03-14T19:30:00Z'), timeZone, calendar, policy)).toBe(
      '2025-03-17',
    );
  });

  it('moves to the next working day after the cut-off hour, when the policy sets one', () => {
    const withCutoff: LegalPolicy = { ...policy, dailyCutoffHour: 18 };
    const at = (iso: string) => registrationDateOf(new Date(iso), timeZone, calendar, withCutoff);
    expect(at('2025-03-14T17:59:59+05:00')).toBe('2025-03-14');
    expect(at('2025-03-14T18:00:00+05:00')).toBe('2025-03-17');
    expect(at('2025-03-20T18:30:00+05:00')).toBe('2025-03-26'); // Thursday evening before Nauryz
    const d = computeDeadlines({
      ...base,
      policy: withCutoff,
      form: 'rally',
      assemblyDate: '2025-03-26',
      registeredAt: new Date('2025-03-14T18:30:00+05:00'),
    });
    expect(d).toMatchObject({ registrationDate: '2025-03-17', timely: false, answerDueBy: '2025-03-20' });
  });

  it('strict counting asks for one more working day', () => {
    const strict: LegalPolicy = { ...policy, counting: 'strict' };
    expect(fileByDate('rally', '2025-03-26', calendar, strict)).toBe('2025-03-13');
    expect(fileByDate('procession', '2025-03-26', calendar, strict)).toBe('2025-03-05');
  });
});

describe('the 25-hour day in Almaty (29 February 2024)', () => {
  it('a filing at 23:30 in the repeated hour is registered on 29 February', () => {
    // 2024-02-29T23:30:00+05:00 is 18:30 UTC, in the hour repeated after clocks went back at
    // 00:00 +06:00. With tz data older than 2024a the same instant would read 1 March 00:30 +06:00;
    // the right local date is 29 February, a working Thursday.
    for (const iso of ['2024-02-29T23:30:00+05:00', '2024-02-29T23:30:00+06:00']) {
      const d = computeDeadlines({
        ...base,
        form: 'rally',
        assemblyDate: '2024-03-12',
        registeredAt: new Date(iso),
      });
      expect(d).toMatchObject({
        registrationDate: '2024-02-29',
        answerDueBy: '2024-03-05', // Fri 1, Mon 4, Tue 5 March
        answerDeadline: '2024-03-06T00:00:00+05:00',
        fileBy: '2024-03-04', // back from Tue 12: Mon 11, (Fri 8 off), Thu 7, Wed 6, Tue 5, Mon 4
      });
    }
    const at = computeDeadlines({
      ...base,
      form: 'rally',
      assemblyDate: '2024-03-12',
      registeredAt: new Date('2024-03-01T00:00:00+05:00'),
    });
    expect(at.registrationDate).toBe('2024-03-01');
  });

  it('deadlines at the end of 28 and 29 February carry the offset of their own midnight', () => {
    // Registered Fri 23 Feb: Mon 26, Tue 27, Wed 28 -> deadline 29 Feb 00:00 +06:00
    const a = computeDeadlineInstants({
      ...base,
      form: 'rally',
      assemblyDate: '2024-03-20',
      registeredAt: new Date('2024-02-23T10:00:00+06:00'),
    });
    expect(a.answerDueBy).toBe('2024-02-28');
    expect(a.answerDeadlineInstant.toISOString()).toBe('2024-02-28T18:00:00.000Z');
    expect(
      computeDeadlines({
        ...base,
        form: 'rally',
        assemblyDate: '2024-03-20',
        registeredAt: new Date('2024-02-23T10:00:00+06:00'),
      }).answerDeadline,
    ).toBe('2024-02-29T00:00:00+06:00');
    // Registered Mon 26 Feb: Tue 27, Wed 28, Thu 29 -> deadline 1 March 00:00 +05:00, 25 h after 29 Feb began
    const b = computeDeadlineInstants({
      ...base,
      form: 'rally',
      assemblyDate: '2024-03-20',
      registeredAt: new Date('2024-02-26T10:00:00+06:00'),
    });
    expect(b.answerDueBy).toBe('2024-02-29');
    expect(b.answerDeadlineInstant.toISOString()).toBe('2024-02-29T19:00:00.000Z');
    expect(b.deemedApprovedAtInstant?.toISOString()).toBe('2024-02-29T19:00:00.000Z');
  });
});

describe('lower-level variants', () => {
  it('computeDeadlineInstants and answerDeadlineInstant agree with computeDeadlines', () => {
    const registeredAt = new Date('2025-03-14T10:00:00+05:00');
    const i = computeDeadlineInstants({
      ...base,
      form: 'procession',
      assemblyDate: '2025-04-15',
      registeredAt,
    });
    expect(i).toMatchObject({
      procedure: 'application',
      registrationDate: '2025-03-14',
      answerDueBy: '2025-03-28', // 7 working days: 17, 18, 19, 20, (21-25 off), 26, 27, 28
      deemedApproval: false,
      deemedApprovedAtInstant: null,
      silence: 'answer_overdue',
    });
    expect(i.answerDeadlineInstant.getTime()).toBe(
      startOfLocalDay(addDays(i.answerDueBy, 1), timeZone).getTime(),
    );
    expect(answerDeadlineInstant({ ...base, form: 'procession', registeredAt }).getTime()).toBe(
      i.answerDeadlineInstant.getTime(),
    );
  });

  it('the proposal reply deadline is the end of the next working day after receipt', () => {
    const at = (iso: string) =>
      proposalReplyDeadline(new Date(iso), timeZone, calendar, policy).toISOString();
    expect(at('2025-03-14T15:00:00+05:00')).toBe('2025-03-17T19:00:00.000Z'); // Fri -> end of Mon 17
    expect(at('2025-03-15T15:00:00+05:00')).toBe('2025-03-17T19:00:00.000Z'); // Sat -> end of Mon 17
    expect(at('2025-03-20T15:00:00+05:00')).toBe('2025-03-26T19:00:00.000Z'); // Thu -> Nauryz -> end of Wed 26
  });

  it('rejects bad input with typed errors', () => {
    expect(() =>
      computeDeadlines({ ...base, form: 'parade' as AssemblyForm, assemblyDate: '2025-03-26' }),
    ).toThrow(UnknownFormError);
    expect(() =>
      computeDeadlines({ ...base, form: '__proto__' as AssemblyForm, assemblyDate: '2025-03-26' }),
    ).toThrow(UnknownFormError);
    expect(() => computeDeadlines({ ...base, form: 'rally', assemblyDate: '2025-02-29' })).toThrow(
      InvalidLocalDateError,
    );
    expect(() =>
      computeDeadlines({ ...base, form: 'rally', assemblyDate: '2025-03-26', registeredAt: new Date('x') }),
    ).toThrow(InvalidInstantError);
  });
});

describe('deadline properties for any date 2020-2027', () => {
  const form = fc.constantFrom<AssemblyForm>(...ASSEMBLY_FORMS);
  const assemblyDay = fc.integer({ min: daysFromCivil(2020, 2, 1), max: daysFromCivil(2027, 12, 31) });

  it('fileBy is a working day with exactly N working days between it and the assembly day', () => {
    fc.assert(
      fc.property(form, assemblyDay, (f, day) => {
        const assemblyDate = fromDayNumber(day);
        const { fileBy } = computeDeadlines({ ...base, form: f, assemblyDate });
        expect(calendar.isWorkingDay(fileBy)).toBe(true);
        expect(fileBy < assemblyDate).toBe(true);
        expect(calendar.workingDaysBetween(fileBy, addDays(assemblyDate, -1))).toBe(
          policy.forms[f].fileWorkingDaysBefore - 1,
        );
      }),
      { numRuns: 1000 },
    );
  });

  it('a filing registered on fileBy is timely; one registered the next working day is not', () => {
    fc.assert(
      fc.property(
        form,
        assemblyDay,
        fc.double({ min: 0, max: 1, maxExcluded: true, noNaN: true }),
        (f, day, frac) => {
          const assemblyDate = fromDayNumber(day);
          const { fileBy } = computeDeadlines({ ...base, form: f, assemblyDate });
          const within = (date: string) => {
            const start = startOfLocalDay(date, timeZone).getTime();
            const end = startOfLocalDay(addDays(date, 1), timeZone).getTime();
            return new Date(start + Math.floor(frac * (end - start)));
          };
          const onTime = computeDeadlines({ ...base, form: f, assemblyDate, registeredAt: within(fileBy) });
          expect(onTime.registrationDate).toBe(fileBy);
          expect(onTime.timely).toBe(true);
          const nextWorking = calendar.nextWorkingDay(addDays(fileBy, 1));
          const late = computeDeadlines({
            ...base,
            form: f,
            assemblyDate,
            registeredAt: within(nextWorking),
          });
          expect(late.registrationDate).toBe(nextWorking);
          expect(late.timely).toBe(false);
        },
      ),
      { numRuns: 1000 },
    );
  });

  it('the answer deadline is strictly after registration, at local midnight after answerDueBy', () => {
    fc.assert(
      fc.property(form, fc.integer({ min: Date.UTC(2020, 0, 1), max: Date.UTC(2027, 11, 1) }), (f, ms) => {
        const registeredAt = new Date(ms);
        const d = computeDeadlineInstants({ ...base, form: f, assemblyDate: '2028-01-15', registeredAt });
        expect(d.answerDeadlineInstant.getTime()).toBeGreaterThan(ms);
        expect(calendar.isWorkingDay(d.registrationDate)).toBe(true);
        expect(calendar.isWorkingDay(d.answerDueBy)).toBe(true);
        expect(calendar.workingDaysBetween(d.registrationDate, d.answerDueBy)).toBe(
          policy.forms[f].answerWorkingDays,
        );
        expect(d.answerDeadlineInstant.getTime()).toBe(
          startOfLocalDay(fromDayNumber(toDayNumber(d.answerDueBy) + 1), timeZone).getTime(),
        );
        const text = computeDeadlines({
          ...base,
          form: f,
          assemblyDate: '2028-01-15',
          registeredAt,
        }).answerDeadline;
        expect(new Date(text).getTime()).toBe(d.answerDeadlineInstant.getTime());
        expect(text).toMatch(/T00:00:00\+0[56]:00$/);
      }),
      { numRuns: 1000 },
    );
  });
});

describe('the hot path', () => {
  it('does no Intl work once the caches are warm', () => {
    const input = {
      ...base,
      form: 'rally' as const,
      assemblyDate: '2025-03-26',
      registeredAt: new Date('2025-03-14T10:00:00+05:00'),
    };
    computeDeadlines(input);
    const spy = jest.spyOn(Intl.DateTimeFormat.prototype, 'formatToParts');
    try {
      for (let i = 0; i < 100; i++) computeDeadlines(input);
      expect(spy).not.toHaveBeenCalled();
    } finally {
      spy.mockRestore();
    }
  });
});
