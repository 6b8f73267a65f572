import { readPath, fieldInfo, isRange, type FieldInfo } from '../profile/fields.js';
import { factKey, type FactRef } from '../policy/terms.js';
import { Span, spanOf } from '../ops/index.js';
import { packDate, packDay, packedDay, PACKED_MEASURES } from './civil.js';
import { monthsToRetirement } from '../core/retirement.js';
import { impliedReader } from '../profile/implications.js';

export { factDomain, factKey, factRef, type Domain, type FactRef } from '../policy/terms.js';

/** Computes one fact; `asOf` is the packed civil date (see civil.ts), `asOfDay` its day number. */
export type FactReader = (profile: unknown, asOf: number, asOfDay: number) => unknown;

function num(v: unknown): number | Span | null | undefined {
  return v === undefined ? undefined : typeof v === 'number' ? v : isRange(v) ? numberSpan(v) : null;
}

const numberSpan = (r: { min: unknown; max: unknown }): number | Span | null =>
  typeof r.min === 'number' && typeof r.max === 'number' ? spanOf(r.min, r.max) : null;

const ratio = (a: number, b: number): number => (b === 0 ? (a === 0 ? 0 : Number.POSITIVE_INFINITY) : a / b);

/**
 * A ratio of answers that may be spans: the ratio grows with the numerator and shrinks with the
 * denominator (0/0 is 0, a/0 infinite), so its span runs from the smallest over the largest to the
 * largest over the smallest.
 */
export function spanRatio(a: number | Span, b: number | Span): number | Span {
  if (typeof a === 'number' && typeof b === 'number') return ratio(a, b);
  const [a1, a2] = a instanceof Span ? [a.lo, a.hi] : [a, a];
  const [b1, b2] = b instanceof Span ? [b.lo, b.hi] : [b, b];
  return spanOf(ratio(a1, b2), ratio(a2, b1));
}

const has = Object.prototype.hasOwnProperty;

/** A reader of one dot path, unrolled for the common depths (own properties only). */
export function pathReader(seg: readonly string[]): (p: unknown) => unknown {
  if (seg.length === 1) {
    const [a] = seg as [string];
    return (p) => (p !== null && typeof p === 'object' && has.call(p, a) ? (p as Record<string, unknown>)[a] : undefined);
  }
  if (seg.length === 2) {
    const [a, b] = seg as [string, string];
    return (p) => {
      if (p === null || typeof p !== 'object' || !has.call(p, a)) return undefined;
      const o = (p as Record<string, unknown>)[a];
      return o !== null && typeof o === 'object' && has.call(o, b) ? (o as Record<string, unknown>)[b] : undefined;
    };
  }
  return (p) => readPath(p, seg);
}

const readGender = pathReader(['gender']);
const readPost = pathReader(['postType']);
/** A date packed, -1 for a known "none" (or not a date), -2 when unanswered or a range (not judged here). */
const packedOr = (v: unknown) => (typeof v === 'string' ? packDate(v) : v === undefined || isRange(v) ? -2 : -1);

/**
 * A measure between a date field and a day: `asOf`, or the day of another field (`at`). A known
 * "none" on either side is none; unknown when either is unanswered or a range (not judged here).
 */
function betweenDays(read: (p: unknown) => unknown, at: ((p: unknown) => unknown) | null, measure: (from: number, to: number, p: unknown) => unknown): FactReader {
  return (p, asOf) => {
    const c = packedOr(read(p));
    const d = at ? packedOr(at(p)) : asOf;
    if (c === -1 || d === -1) return null;
    if (c === -2 || d === -2) return undefined;
    return measure(c, d, p);
  };
}

/**
 * Months from the day to the statutory retirement age, 0 once reached; unknown also when the open
 * gender and post leave more than one answer (core/retirement.ts).
 */
const monthsLeft = (c: number, d: number, p: unknown) =>
  monthsToRetirement(Math.floor(c / 10000), Math.floor(c / 100) % 100, PACKED_MEASURES['months-since'](c, d), readGender(p), readPost(p));

const rawReader = (path: string) => pathReader((fieldInfo(path) as FieldInfo).segments);
/** A field's answer as facts read it: the one given, or what other answers imply (profile/implications.ts). */
export const answerReader = (path: string): ((p: unknown) => unknown) => impliedReader(path, rawReader(path), rawReader);

/** Builds the function that computes one fact from a profile. */
export function factReader(r: FactRef): FactReader {
  const info = fieldInfo(r.field) as FieldInfo;
  const read = answerReader(r.field);
  if (r.per) {
    const den = answerReader(r.per);
    return (p) => {
      const a = num(read(p));
      const b = num(den(p));
      if (a === undefined || b === undefined) return undefined;
      if (a === null || b === null) return null;
      return typeof a === 'number' && typeof b === 'number' ? ratio(a, b) : spanRatio(a, b);
    };
  }
  if (r.measure === 'count') {
    return (p) => {
      const v = read(p);
      return v === undefined ? undefined : Array.isArray(v) ? v.length : null;
    };
  }
  const at = r.at ? answerReader(r.at) : null;
  if (r.measure === 'months-to-retirement') return betweenDays(read, at, monthsLeft);
  if (r.measure && at) return betweenDays(read, at, PACKED_MEASURES[r.measure as keyof typeof PACKED_MEASURES]);
  if (r.measure) {
    const m = PACKED_MEASURES[r.measure];
    return (p, asOf) => {
      const v = read(p);
      if (v === undefined) return undefined;
      if (typeof v !== 'string') {
        // Every measure shrinks as the date moves later: the latest date gives the span's low end.
        if (!isRange(v)) return null;
        const lo = packDate(String(v.max));
        const hi = packDate(String(v.min));
        return lo < 0 || hi < 0 ? null : spanOf(m(lo, asOf), m(hi, asOf));
      }
      const c = packDate(v);
      return c < 0 ? null : m(c, asOf);
    };
  }
  if (info.kind === 'date') {
    return (p) => {
      const v = read(p);
      if (v === undefined) return undefined;
      if (typeof v !== 'string') {
        if (!isRange(v)) return null;
        const lo = packDate(String(v.min));
        const hi = packDate(String(v.max));
        return lo < 0 || hi < 0 ? Number.NaN : spanOf(packedDay(lo), packedDay(hi));
      }
      const c = packDate(v);
      return c < 0 ? Number.NaN : packedDay(c);
    };
  }
  if (info.kind === 'number') {
    return (p) => {
      const v = read(p);
      return isRange(v) ? numberSpan(v) : v;
    };
  }
  return read;
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

  /** One fact of a profile on another day (what-if questions such as waiting periods). */
  readAt(slot: number, profile: unknown, day: number): unknown {
    return (this.readers[slot] as FactReader)(profile, packDay(day), day);
  }

  /** Computes every fact for one profile at one `asOf`. */
  fill(profile: unknown, asOfDay: number, out: unknown[] = new Array(this.readers.length)): unknown[] {
    const asOf = packDay(asOfDay);
    const rs = this.readers;
    for (let i = 0; i < rs.length; i++) out[i] = (rs[i] as FactReader)(profile, asOf, asOfDay);
    return out;
  }
}
