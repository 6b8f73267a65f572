import { differenceInCalendarDays, differenceInCalendarMonths, differenceInCalendarYears, differenceInMonths, differenceInYears, isLastDayOfMonth, addMonths as dfAddMonths } from 'date-fns';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { addMonths, calendarMonthsBetween, fromDayNumber, fullMonthsBetween, fullYearsBetween, toDayNumber, type CivilDate } from '../../src/core/dates.js';
import { PACKED_MEASURES, packDay, packedDay } from '../../src/engine/civil.js';

// date-fns is the reference for guiyan's date arithmetic. The runtime keeps its own (allocation-free
// integer arithmetic on civil dates, no Date objects in the hot path, no 20 MB dependency); these
// properties hold it to date-fns wherever the two definitions agree, and pin where they differ.

const local = (c: CivilDate) => new Date(c.y, c.m - 1, c.d); // date-fns works on the host's wall clock
const pack = (c: CivilDate) => c.y * 10000 + c.m * 100 + c.d;
const day = fc.integer({ min: toDayNumber({ y: 1950, m: 1, d: 1 }), max: toDayNumber({ y: 2060, m: 12, d: 31 }) });
/** A start and an end on or after it: measures are only read forwards (ages, months since). */
const ordered = fc.tuple(day, fc.nat({ max: 15_000 })).map(([a, n]) => [fromDayNumber(a), fromDayNumber(a + n)] as const);
const runs = { numRuns: 20_000 };

describe('guiyan date arithmetic against date-fns', () => {
  it('ages, days and calendar months and years agree everywhere', () => {
    fc.assert(
      fc.property(ordered, ([a, b]) => {
        const [da, db] = [local(a), local(b)];
        expect(fullYearsBetween(a, b)).toBe(differenceInYears(db, da));
        expect(PACKED_MEASURES.age(pack(a), pack(b))).toBe(differenceInYears(db, da));
        expect(PACKED_MEASURES['days-since'](pack(a), pack(b))).toBe(differenceInCalendarDays(db, da));
        expect(calendarMonthsBetween(a, b)).toBe(differenceInCalendarMonths(db, da));
        expect(PACKED_MEASURES['calendar-months-since'](pack(a), pack(b))).toBe(differenceInCalendarMonths(db, da));
        expect(PACKED_MEASURES['calendar-years-since'](pack(a), pack(b))).toBe(differenceInCalendarYears(db, da));
      }),
      runs,
    );
  });

  it('adding months agrees (the day clamped to the shorter month)', () => {
    fc.assert(
      fc.property(day, fc.integer({ min: -600, max: 600 }), (d, n) => {
        const c = fromDayNumber(d);
        const ours = addMonths(c, n);
        const theirs = dfAddMonths(local(c), n);
        expect([ours.y, ours.m, ours.d]).toEqual([theirs.getFullYear(), theirs.getMonth() + 1, theirs.getDate()]);
      }),
      runs,
    );
  });

  // 满N个月 follows 民法典 第二百零二条: a period counted in months ends on the corresponding day of the
  // last month, or on that month's last day when it has none. date-fns counts a month only when the
  // day of month is reached, and treats 28 February of a leap year as a month end. Everywhere else
  // the two agree.
  it('whole months agree except where the Civil Code and date-fns part ways', () => {
    fc.assert(
      fc.property(ordered, ([a, b]) => {
        const ours = fullMonthsBetween(a, b);
        expect(PACKED_MEASURES['months-since'](pack(a), pack(b))).toBe(ours);
        const theirs = differenceInMonths(local(b), local(a));
        if (ours === theirs) return;
        const noCorrespondingDay = isLastDayOfMonth(local(b)) && b.d < a.d;
        const leapFebruary28 = b.m === 2 && b.d === 28 && a.d > 28;
        expect(noCorrespondingDay ? ours - theirs : leapFebruary28 ? theirs - ours : Number.NaN).toBe(1);
      }),
      runs,
    );
  });

  it.each([
    // [from, to, 民法典 202, date-fns]
    ['2025-08-31', '2026-02-28', 6, 6], // no 31 February: the month's last day ends the half year (date-fns agrees for February only)
    ['2023-10-31', '2024-04-30', 6, 5],
    ['2024-01-31', '2024-02-29', 1, 1],
    ['2014-05-29', '2016-02-28', 20, 21], // 2016-02-29 exists: 21 months are not yet full on the 28th
    ['2025-01-15', '2025-07-14', 5, 5],
    ['2025-01-15', '2025-07-15', 6, 6],
  ] as const)('%s → %s: %i whole months (date-fns says %i)', (from, to, civil, dateFns) => {
    const [a, b] = [from, to].map((s) => { const [y, m, d] = s.split('-').map(Number); return { y: y!, m: m!, d: d! }; }) as [CivilDate, CivilDate];
    expect(fullMonthsBetween(a, b)).toBe(civil);
    expect(PACKED_MEASURES['months-since'](pack(a), pack(b))).toBe(civil);
    expect(differenceInMonths(local(b), local(a))).toBe(dateFns);
  });

  it('packed day numbers are day numbers', () => {
    fc.assert(fc.property(day, (d) => { expect(packedDay(packDay(d))).toBe(d); expect(packDay(d)).toBe(pack(fromDayNumber(d))); }), { numRuns: 2000 });
  });
});
