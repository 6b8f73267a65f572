/**
 * Allocation-free civil date reading for the fact readers: an ISO date packs into one integer
 * (y * 10000 + m * 100 + d) and the measures work on those, so filling facts for a profile
 * neither runs a regular expression nor builds Date objects. Same results as core/dates.ts.
 */

const digit = (s: string, i: number) => {
  const c = s.charCodeAt(i) - 48;
  return c >= 0 && c <= 9 ? c : -1000000;
};

export function monthDays(y: number, m: number): number {
  if (m === 2) return y % 4 === 0 && (y % 100 !== 0 || y % 400 === 0) ? 29 : 28;
  return m === 4 || m === 6 || m === 9 || m === 11 ? 30 : 31;
}

/** `YYYY-MM-DD` packed as y*10000+m*100+d, or -1 when it is not a real date. */
export function packDate(s: string): number {
  if (s.length !== 10 || s.charCodeAt(4) !== 45 || s.charCodeAt(7) !== 45) return -1;
  const y = digit(s, 0) * 1000 + digit(s, 1) * 100 + digit(s, 2) * 10 + digit(s, 3);
  const m = digit(s, 5) * 10 + digit(s, 6);
  const d = digit(s, 8) * 10 + digit(s, 9);
  if (y < 0 || m < 1 || m > 12 || d < 1 || d > monthDays(y, m)) return -1;
  return y * 10000 + m * 100 + d;
}

/** Days since 1970-01-01 of a packed date (proleptic Gregorian, no Date object). */
export function packedDay(c: number): number {
  let y = Math.floor(c / 10000);
  const m = Math.floor(c / 100) % 100;
  const d = c % 100;
  y -= m <= 2 ? 1 : 0;
  const era = Math.floor(y / 400);
  const yoe = y - era * 400;
  const doy = Math.floor((153 * (m + (m > 2 ? -3 : 9)) + 2) / 5) + d - 1;
  const doe = yoe * 365 + Math.floor(yoe / 4) - Math.floor(yoe / 100) + doy;
  return era * 146097 + doe - 719468;
}

/** Packs a day number (the inverse of packedDay). */
export function packDay(day: number): number {
  const z = day + 719468;
  const era = Math.floor(z / 146097);
  const doe = z - era * 146097;
  const yoe = Math.floor((doe - Math.floor(doe / 1460) + Math.floor(doe / 36524) - Math.floor(doe / 146096)) / 365);
  const doy = doe - (365 * yoe + Math.floor(yoe / 4) - Math.floor(yoe / 100));
  const mp = Math.floor((5 * doy + 2) / 153);
  const d = doy - Math.floor((153 * mp + 2) / 5) + 1;
  const m = mp < 10 ? mp + 3 : mp - 9;
  return (yoe + era * 400 + (m <= 2 ? 1 : 0)) * 10000 + m * 100 + d;
}

const Y = (c: number) => Math.floor(c / 10000);
const M = (c: number) => Math.floor(c / 100) % 100;
const D = (c: number) => c % 100;

/** Measures from a packed date to a packed `asOf`, as in core/dates.ts. */
export const PACKED_MEASURES = {
  age(a: number, b: number): number {
    let years = Y(b) - Y(a);
    if (M(b) < M(a) || (M(b) === M(a) && D(b) < D(a))) years--;
    return years;
  },
  'days-since': (a: number, b: number) => packedDay(b) - packedDay(a),
  'months-since'(a: number, b: number): number {
    let months = (Y(b) - Y(a)) * 12 + (M(b) - M(a));
    const endOfTo = D(b) === monthDays(Y(b), M(b));
    if (months > 0 && D(b) < D(a) && !endOfTo) months--;
    else if (months < 0 && D(b) > D(a)) months++;
    return months;
  },
  'calendar-months-since': (a: number, b: number) => (Y(b) - Y(a)) * 12 + (M(b) - M(a)),
  'calendar-years-since': (a: number, b: number) => Y(b) - Y(a),
} as const;
