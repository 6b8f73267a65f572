import { TZDate } from '@date-fns/tz';

/**
 * Civil dates as day numbers (days since 1970-01-01), computed without the host time zone,
 * so the same profile and `asOf` give the same verdict under any `TZ`.
 */
export const POLICY_TIME_ZONE = 'Asia/Shanghai';

const DATE_RE = /^(\d{4})-(\d{2})-(\d{2})$/;
const DATETIME_RE = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}(:\d{2}(\.\d+)?)?(Z|[+-]\d{2}:?\d{2})$/;

export interface CivilDate {
  y: number;
  m: number;
  d: number;
}

export function daysInMonth(y: number, m: number): number {
  return m === 2 ? (y % 4 === 0 && (y % 100 !== 0 || y % 400 === 0) ? 29 : 28) : [4, 6, 9, 11].includes(m) ? 30 : 31;
}

/** Parses `YYYY-MM-DD`, rejecting dates that do not exist (2023-02-30). */
export function parseIsoDate(text: string): CivilDate | null {
  const m = DATE_RE.exec(text);
  if (!m) return null;
  const y = Number(m[1]);
  const mo = Number(m[2]);
  const d = Number(m[3]);
  if (mo < 1 || mo > 12 || d < 1 || d > daysInMonth(y, mo)) return null;
  return { y, m: mo, d };
}

export const isIsoDate = (text: string): boolean => parseIsoDate(text) !== null;

export function toDayNumber({ y, m, d }: CivilDate): number {
  return Math.floor(Date.UTC(y, m - 1, d) / 86_400_000);
}

export function fromDayNumber(day: number): CivilDate {
  const dt = new Date(day * 86_400_000);
  return { y: dt.getUTCFullYear(), m: dt.getUTCMonth() + 1, d: dt.getUTCDate() };
}

export function formatDay(day: number): string {
  const { y, m, d } = fromDayNumber(day);
  return `${String(y).padStart(4, '0')}-${String(m).padStart(2, '0')}-${String(d).padStart(2, '0')}`;
}

/** Day number of an ISO date string, or NaN. */
export function dayOf(text: string): number {
  const c = parseIsoDate(text);
  return c ? toDayNumber(c) : Number.NaN;
}

/**
 * An `asOf` that is neither a `Date` nor an ISO date or date-time string.
 *
 * @example
 * try { matcher.evaluate(profile, { asOf: '2026-13-01' }); } catch (e) { if (e instanceof AsOfError) console.error(e.message); }
 */
export class AsOfError extends Error {
  constructor(value: unknown) {
    super(`asOf must be a valid Date, a YYYY-MM-DD date or an ISO date-time with offset; got ${JSON.stringify(String(value)).slice(0, 40)}`);
    this.name = 'AsOfError';
  }
}

/**
 * The civil date that `asOf` names in the policy time zone. A plain `YYYY-MM-DD` is taken as is;
 * an instant (a Date or a date-time with offset) is read on the wall clock of `timeZone`.
 */
export function resolveAsOf(asOf: Date | string, timeZone: string = POLICY_TIME_ZONE): number {
  if (typeof asOf === 'string') {
    const c = parseIsoDate(asOf);
    if (c) return toDayNumber(c);
    if (!DATETIME_RE.test(asOf)) throw new AsOfError(asOf);
    return resolveAsOf(new Date(asOf), timeZone);
  }
  if (!(asOf instanceof Date) || Number.isNaN(asOf.getTime())) throw new AsOfError(asOf);
  const z = new TZDate(asOf.getTime(), timeZone);
  return toDayNumber({ y: z.getFullYear(), m: z.getMonth() + 1, d: z.getDate() });
}

/** Whole years from `from` to `to` (age on a birthday counts the new year). */
export function fullYearsBetween(from: CivilDate, to: CivilDate): number {
  let years = to.y - from.y;
  if (to.m < from.m || (to.m === from.m && to.d < from.d)) years--;
  return years;
}

/**
 * Whole months from `from` to `to` (满N个月). 民法典 第二百零二条: a period counted in months ends on the
 * corresponding day of its last month, or on that month's last day when there is none, so a month
 * ending on a shorter month's last day counts as whole (2025-08-31 → 2026-02-28 is 6). date-fns's
 * `differenceInMonths` differs there and on 28 February of leap years; test/core/date-fns.test.ts
 * pins both differences and holds everything else to date-fns.
 */
export function fullMonthsBetween(from: CivilDate, to: CivilDate): number {
  let months = (to.y - from.y) * 12 + (to.m - from.m);
  const endOfTo = to.d === daysInMonth(to.y, to.m);
  if (months > 0 && to.d < from.d && !endOfTo) months--;
  else if (months < 0 && to.d > from.d) months++;
  return months;
}

export function calendarMonthsBetween(from: CivilDate, to: CivilDate): number {
  return (to.y - from.y) * 12 + (to.m - from.m);
}

/** Adds whole months, clamping the day to the target month's length (Jan 31 + 1 month = Feb 28/29). */
export function addMonths(c: CivilDate, months: number): CivilDate {
  const idx = c.y * 12 + (c.m - 1) + months;
  const y = Math.floor(idx / 12);
  const m = (idx % 12) + 1;
  return { y, m, d: Math.min(c.d, daysInMonth(y, m)) };
}
