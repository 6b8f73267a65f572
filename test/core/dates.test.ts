import { describe, expect, it } from 'vitest';
import { fullMonthsBetween, fullYearsBetween, parseIsoDate, resolveAsOf, formatDay, calendarMonthsBetween } from '../../src/core/dates.js';

const c = (s: string) => parseIsoDate(s)!;

describe('civil dates', () => {
  it.each([
    ['2023-02-30', false],
    ['2024-02-29', true],
    ['2023-02-29', false],
    ['2100-02-29', false],
    ['2000-02-29', true],
    ['2024-13-01', false],
    ['2024-1-01', false],
  ])('%s is a real date: %s', (s, ok) => {
    expect(parseIsoDate(s) !== null).toBe(ok);
  });

  it.each([
    ['1993-03-18', '2026-03-17', 32],
    ['1993-03-18', '2026-03-18', 33],
    ['2004-02-29', '2022-02-28', 17],
    ['2004-02-29', '2022-03-01', 18],
  ])('someone born %s is aged %s on %s', (from, to, years) => {
    expect(fullYearsBetween(c(from), c(to))).toBe(years);
  });

  it.each([
    ['2024-01-15', '2024-07-14', 5],
    ['2024-01-15', '2024-07-15', 6],
    ['2024-08-31', '2025-02-28', 6],
    ['2024-01-31', '2024-02-29', 1],
    ['2024-03-31', '2024-04-30', 1],
  ])('from %s to %s is %i whole months', (from, to, months) => {
    expect(fullMonthsBetween(c(from), c(to))).toBe(months);
  });

  it('counts calendar months by month, whatever the day', () => {
    expect(calendarMonthsBetween(c('2023-05-31'), c('2026-04-01'))).toBe(35);
    expect(calendarMonthsBetween(c('2023-05-01'), c('2026-05-31'))).toBe(36);
  });

  it.each([
    ['2026-01-01', '2026-01-01'],
    ['2025-12-31T16:30:00Z', '2026-01-01'],
    ['2025-12-31T15:59:59Z', '2025-12-31'],
    ['2026-01-01T00:30:00+08:00', '2026-01-01'],
  ])('asOf %s is the civil day %s in Asia/Shanghai, whatever TZ says', (asOf, day) => {
    expect(formatDay(resolveAsOf(asOf))).toBe(day);
    expect(formatDay(resolveAsOf(new Date(Date.parse(asOf.length === 10 ? `${asOf}T12:00:00+08:00` : asOf))))).toBe(day);
  });

  it.each(['', 'yesterday', '2026-02-30', '2026-01-01T10:00'])('rejects asOf %j', (asOf) => {
    expect(() => resolveAsOf(asOf)).toThrow(/asOf/);
  });
});
