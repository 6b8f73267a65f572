import { TZDate } from '@date-fns/tz';
import { POLICY_TIME_ZONE, parseIsoDate } from '../core/dates.js';

/** A daily window in which nothing is sent; `start` after `end` wraps past midnight. */
export interface QuietHours {
  start: string;
  end: string;
  timeZone?: string;
}

export const DEFAULT_QUIET: QuietHours = { start: '21:00', end: '08:00', timeZone: POLICY_TIME_ZONE };

const minutes = (hhmm: string): number => {
  const m = /^(\d{1,2}):(\d{2})$/.exec(hhmm);
  if (!m || Number(m[1]) > 23 || Number(m[2]) > 59) throw new RangeError(`expected HH:MM, got ${hhmm}`);
  return Number(m[1]) * 60 + Number(m[2]);
};

/** True when the instant falls inside the quiet window on the zone's wall clock. */
export function isQuiet(at: Date, quiet: QuietHours = DEFAULT_QUIET): boolean {
  const z = new TZDate(at.getTime(), quiet.timeZone ?? POLICY_TIME_ZONE);
  const now = z.getHours() * 60 + z.getMinutes();
  const s = minutes(quiet.start);
  const e = minutes(quiet.end);
  return s <= e ? now >= s && now < e : now >= s || now < e;
}

/** The first instant at or after `at` outside quiet hours: deferred, never dropped. */
export function deferQuiet(at: Date, quiet: QuietHours | false = DEFAULT_QUIET): Date {
  if (!quiet || !isQuiet(at, quiet)) return at;
  const tz = quiet.timeZone ?? POLICY_TIME_ZONE;
  const z = new TZDate(at.getTime(), tz);
  const e = minutes(quiet.end);
  const end = new TZDate(z.getFullYear(), z.getMonth(), z.getDate(), Math.floor(e / 60), e % 60, 0, tz);
  if (end.getTime() <= at.getTime()) end.setDate(end.getDate() + 1);
  return new Date(end.getTime());
}

/** ISO date-time on the zone's wall clock with its offset: 2026-06-01T08:00:00+08:00. */
export function isoInZone(at: Date, timeZone: string = POLICY_TIME_ZONE): string {
  const z = new TZDate(at.getTime(), timeZone);
  const two = (n: number) => String(n).padStart(2, '0');
  const east = -z.getTimezoneOffset();
  const offset = east === 0 ? 'Z' : `${east > 0 ? '+' : '-'}${two(Math.floor(Math.abs(east) / 60))}:${two(Math.abs(east) % 60)}`;
  return `${String(z.getFullYear()).padStart(4, '0')}-${two(z.getMonth() + 1)}-${two(z.getDate())}T${two(z.getHours())}:${two(z.getMinutes())}:${two(z.getSeconds())}${offset}`;
}

/** The run's instant: a Date, a date-time with offset, or a civil date read as its midnight in the zone. */
export function runInstant(asOf: Date | string, timeZone: string = POLICY_TIME_ZONE): Date {
  if (asOf instanceof Date) return asOf;
  const c = parseIsoDate(asOf);
  if (c) return new Date(new TZDate(c.y, c.m - 1, c.d, 0, 0, 0, timeZone).getTime());
  const d = new Date(asOf);
  if (Number.isNaN(d.getTime())) throw new RangeError(`asOf is not a date or date-time: ${asOf.slice(0, 40)}`);
  return d;
}
