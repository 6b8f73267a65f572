import { calendarMonthsBetween, dayOf, fromDayNumber, fullMonthsBetween, fullYearsBetween, parseIsoDate, type CivilDate } from '../core/dates.js';
import { readPath, fieldInfo, type FieldInfo } from '../profile/fields.js';
import type { Measure } from '../policy/schema.js';

/**
 * A fact is what a leaf condition reads: a field, a date measured at `asOf`, or a ratio.
 * Facts are computed once per profile and `asOf` into a flat array; `undefined` is unknown,
 * `null` a known "none".
 */
export interface FactRef {
  field: string;
  measure?: Measure | undefined;
  per?: string | undefined;
}

/** The value domain a fact lives in, which decides the operators and literals it accepts. */
export type Domain = 'number' | 'date' | 'boolean' | 'choice' | 'choices' | 'region' | 'string';

export const factKey = (r: FactRef): string => r.field + (r.measure ? `#${r.measure}` : '') + (r.per ? `/${r.per}` : '');

export function factDomain(r: FactRef): Domain | null {
  const info = fieldInfo(r.field);
  if (!info) return null;
  if (r.measure || r.per) return 'number';
  return info.kind === 'strings' ? 'choices' : info.kind;
}

export type FactReader = (profile: unknown, asOf: CivilDate, asOfDay: number) => unknown;

function num(v: unknown): number | null | undefined {
  return v === undefined ? undefined : typeof v === 'number' ? v : null;
}

const MEASURES: Record<Exclude<Measure, 'count'>, (from: CivilDate, to: CivilDate, fromDay: number, toDay: number) => number> = {
  age: (a, b) => fullYearsBetween(a, b),
  'days-since': (_a, _b, x, y) => y - x,
  'months-since': (a, b) => fullMonthsBetween(a, b),
  'calendar-months-since': (a, b) => calendarMonthsBetween(a, b),
  'calendar-years-since': (a, b) => b.y - a.y,
};

/** Builds the function that computes one fact from a profile. */
export function factReader(r: FactRef): FactReader {
  const info = fieldInfo(r.field) as FieldInfo;
  const seg = info.segments;
  if (r.per) {
    const den = (fieldInfo(r.per) as FieldInfo).segments;
    return (p) => {
      const a = num(readPath(p, seg));
      const b = num(readPath(p, den));
      if (a === undefined || b === undefined) return undefined;
      if (a === null || b === null) return null;
      return b === 0 ? (a === 0 ? 0 : Number.POSITIVE_INFINITY) : a / b;
    };
  }
  if (r.measure === 'count') {
    return (p) => {
      const v = readPath(p, seg);
      return v === undefined ? undefined : Array.isArray(v) ? v.length : null;
    };
  }
  if (r.measure) {
    const m = MEASURES[r.measure];
    return (p, asOf, asOfDay) => {
      const v = readPath(p, seg);
      if (v === undefined) return undefined;
      const c = typeof v === 'string' ? parseIsoDate(v) : null;
      if (!c) return null;
      return m(c, asOf, dayOf(v as string), asOfDay);
    };
  }
  if (info.kind === 'date') {
    return (p) => {
      const v = readPath(p, seg);
      if (v === undefined) return undefined;
      return typeof v === "string" ? dayOf(v) : null;
    };
  }
  return (p) => readPath(p, seg);
}

/** The facts a matcher needs, each with one slot in the per-profile array. */
export class FactTable {
  readonly refs: FactRef[] = [];
  readonly readers: FactReader[] = [];
  private readonly slots = new Map<string, number>();

  slot(r: FactRef): number {
    const key = factKey(r);
    let s = this.slots.get(key);
    if (s === undefined) {
      s = this.refs.length;
      this.slots.set(key, s);
      this.refs.push(r);
      this.readers.push(factReader(r));
    }
    return s;
  }

  /** Computes every fact for one profile at one `asOf`. */
  fill(profile: unknown, asOfDay: number, out: unknown[] = new Array(this.readers.length)): unknown[] {
    const asOf = fromDayNumber(asOfDay);
    const rs = this.readers;
    for (let i = 0; i < rs.length; i++) out[i] = (rs[i] as FactReader)(profile, asOf, asOfDay);
    return out;
  }
}
