import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { calendarMonthsBetween, dayOf, fromDayNumber, fullMonthsBetween, fullYearsBetween, parseIsoDate } from '../../src/core/dates.js';
import { packDate, packDay, packedDay, PACKED_MEASURES } from '../../src/engine/civil.js';

const arbIso = fc.date({ min: new Date(Date.UTC(1900, 0, 1)), max: new Date(Date.UTC(2100, 11, 31)), noInvalidDate: true }).map((d) => d.toISOString().slice(0, 10));

describe('packed civil dates agree with core/dates', () => {
  it('a packed date gives the same day number, and back', () => {
    fc.assert(fc.property(arbIso, (s) => {
      expect(packedDay(packDate(s))).toBe(dayOf(s));
      expect(packDay(dayOf(s))).toBe(packDate(s));
    }));
  });

  it.each(['2023-02-29', '2023-13-01', '2023-00-10', '2024-1-01', '20240101xx', 'abcd-ef-gh', '2024-04-31'])('rejects %s as core/dates does', (s) => {
    expect(packDate(s)).toBe(-1);
    expect(parseIsoDate(s)).toBeNull();
  });

  it('every measure matches its core/dates counterpart', () => {
    fc.assert(fc.property(arbIso, arbIso, (a, b) => {
      const [ca, cb] = [parseIsoDate(a)!, parseIsoDate(b)!];
      const [pa, pb] = [packDate(a), packDate(b)];
      expect(PACKED_MEASURES.age(pa, pb)).toBe(fullYearsBetween(ca, cb));
      expect(PACKED_MEASURES['months-since'](pa, pb)).toBe(fullMonthsBetween(ca, cb));
      expect(PACKED_MEASURES['calendar-months-since'](pa, pb)).toBe(calendarMonthsBetween(ca, cb));
      expect(PACKED_MEASURES['calendar-years-since'](pa, pb)).toBe(cb.y - ca.y);
      expect(PACKED_MEASURES['days-since'](pa, pb)).toBe(dayOf(b) - dayOf(a));
      expect(fromDayNumber(dayOf(a))).toEqual(ca);
    }), { numRuns: 500 });
  });
});
