import { calendarMonthsBetween, dayOf, formatDay, fromDayNumber, fullMonthsBetween, fullYearsBetween, parseIsoDate } from '../core/dates.js';
import { andTri, F, notTri, orTri, T, triToStatus, U, type Status, type Tri } from '../core/tri.js';
import type { Profile } from '../profile/schema.js';
import { FIELDS, isRange } from '../profile/fields.js';
import { isMoot, readAnswer } from '../profile/implications.js';
import { operatorFor, regionCondition, Span } from '../ops/index.js';
import type { Amount, Condition, LeafCondition, Policy, Value } from '../policy/schema.js';
import type { FactRef } from '../policy/terms.js';
import { monthsToRetirement as leftBeforeRetirement } from '../core/retirement.js';
import type { AmountRange } from './amount.js';
import { eligibilityWithCarry, lastDay } from '../policy/carry.js';
import { localBounds, overlayChoice, stepAt } from '../policy/overlay.js';

/**
 * A plain interpreter of the rule language: it walks the raw condition tree and reads the raw
 * profile on every step, with no compilation and no fact table. It is the yardstick the compiled
 * engine is tested against, so it is written for clarity, never for speed.
 */
export interface ReferenceResult {
  policyId: string;
  status: Status;
  missing: string[];
  amount: AmountRange | null;
}

interface Ctx {
  policy: Policy;
  profile: Profile;
  day: number;
  /** The end of a regional range an amount is computed at, where no overlay fixes the figure. */
  end: 0 | 1;
}

/** A field's answer, or what other answers imply (profile/implications.ts). */
const read = readAnswer;

/**
 * The parameter's value in force on `day` (the entry with the latest `from` on or before it). One
 * regions may set is the overlay's figure for the profile's region, else the `end` of its range.
 */
function paramAt(ctx: Ctx, name: string): number {
  const param = Object.hasOwn(ctx.policy.parameters, name) ? ctx.policy.parameters[name] : undefined;
  if (!param) return Number.NaN;
  if (!param.localRange) return stepAt(param.values, ctx.day);
  return overlayChoice(ctx.policy, name, ctx.profile.regionCode, ctx.day)?.value ?? localBounds(param, ctx.day)[ctx.end];
}

function literal(v: Value, ctx: Ctx, isDate: boolean): unknown {
  if (typeof v === 'object') return paramAt(ctx, v.param) * (v.times ?? 1);
  return isDate && typeof v === 'string' ? dayOf(v) : v;
}


/** A number answer, a range as its two ends, undefined when unanswered, null otherwise. */
function numberOf(v: unknown): [number, number] | null | undefined {
  if (v === undefined) return undefined;
  if (typeof v === 'number') return [v, v];
  return isRange(v) && typeof v.min === 'number' && typeof v.max === 'number' ? [v.min, v.max] : null;
}

/** Every value of a measure or ratio over the answers allowed, as one fact: a point, or the span of its least and greatest. */
function hull(values: number[]): number | Span {
  const lo = Math.min(...values);
  const hi = Math.max(...values);
  return lo === hi ? lo : new Span(lo, hi);
}

const ratio = (a: number, b: number) => (b === 0 ? (a === 0 ? 0 : Number.POSITIVE_INFINITY) : a / b);

/** A date answer known to be "none" (or not a date): neither unanswered, a range, nor a real ISO date. */
const isNoDate = (x: unknown) => x !== undefined && !isRange(x) && (typeof x !== 'string' || !parseIsoDate(x));

/** Months left before the statutory retirement age on the day (a day number, or the `at` field's raw answer), 0 once reached. */
function monthsToRetirement(raw: unknown, day: unknown, profile: unknown): number | null | undefined {
  if (isNoDate(raw) || (typeof day !== 'number' && isNoDate(day))) return null;
  // A range is not judged by this measure: unknown, as unanswered.
  if (raw === undefined || day === undefined || isRange(raw) || isRange(day)) return undefined;
  const from = parseIsoDate(raw as string)!;
  const to = fromDayNumber(typeof day === 'number' ? day : dayOf(day as string));
  return leftBeforeRetirement(from.y, from.m, fullMonthsBetween(from, to), read(profile, 'gender'), read(profile, 'postType'));
}

/** A date measure from a date to a day. */
function measureBetween(m: Exclude<LeafCondition['measure'], 'count' | 'months-to-retirement' | undefined>, raw: string, day: number): number {
  const from = parseIsoDate(raw)!;
  const to = fromDayNumber(day);
  switch (m) {
    case 'age':
      return fullYearsBetween(from, to);
    case 'days-since':
      return day - dayOf(raw);
    case 'months-since':
      return fullMonthsBetween(from, to);
    case 'calendar-months-since':
      return calendarMonthsBetween(from, to);
    case 'calendar-years-since':
      return to.y - from.y;
  }
}

/** Every day of a date range, as ISO dates (plainly enumerated; ranges are short). */
function daysOf(r: { min: unknown; max: unknown }): string[] | null {
  if (typeof r.min !== 'string' || typeof r.max !== 'string' || !parseIsoDate(r.min) || !parseIsoDate(r.max)) return null;
  const out: string[] = [];
  for (let d = dayOf(r.min); d <= dayOf(r.max); d++) out.push(formatDay(d));
  return out;
}

/**
 * What a leaf compares: `undefined` when unanswered, `null` when answered "none", a `Span` when
 * the answer is a range (the least and greatest value the fact takes over every answer allowed).
 */
function factOf(c: LeafCondition, ctx: Ctx): unknown {
  const raw = read(ctx.profile, c.field);
  if (c.per !== undefined) {
    const a = numberOf(raw);
    const b = numberOf(read(ctx.profile, c.per));
    if (a === undefined || b === undefined) return undefined;
    if (a === null || b === null) return null;
    return hull(a.flatMap((x) => b.map((y) => ratio(x, y))));
  }
  const at = (c as FactRef).at;
  if (c.measure === 'months-to-retirement') return monthsToRetirement(raw, at === undefined ? ctx.day : read(ctx.profile, at), ctx.profile);
  if (at !== undefined && c.measure !== undefined && c.measure !== 'count') {
    // Measured at the day of another field: none on either side is none; else unknown if either is.
    const day = read(ctx.profile, at);
    if (isNoDate(raw) || isNoDate(day)) return null;
    // A range is not judged at another field's day: unknown, as unanswered.
    if (raw === undefined || day === undefined || isRange(raw) || isRange(day)) return undefined;
    return measureBetween(c.measure, raw as string, dayOf(day as string));
  }
  if (raw === undefined) return undefined;
  if (c.measure === 'count') return Array.isArray(raw) ? raw.length : null;
  const kind = FIELDS.get(c.field)?.kind;
  if (c.measure !== undefined) {
    if (typeof raw === 'string') return parseIsoDate(raw) ? measureBetween(c.measure, raw, ctx.day) : null;
    const days = isRange(raw) ? daysOf(raw) : null;
    if (!days || !days.length) return null;
    const m = c.measure;
    return hull(days.map((d) => measureBetween(m, d, ctx.day)));
  }
  if (kind === 'date') {
    if (typeof raw === 'string') return dayOf(raw);
    return isRange(raw) && typeof raw.min === 'string' && typeof raw.max === 'string' ? hull([dayOf(raw.min), dayOf(raw.max)]) : null;
  }
  if (isRange(raw)) {
    const n = numberOf(raw);
    return n ? hull(n) : null;
  }
  return raw;
}

const isDateFact = (c: LeafCondition) => c.measure === undefined && c.per === undefined && FIELDS.get(c.field)?.kind === 'date';

const bool = (b: boolean): Tri => (b ? T : F);

function leaf(c: LeafCondition, ctx: Ctx): Tri {
  const v = factOf(c, ctx);
  if (v === undefined) return U;
  const date = isDateFact(c);
  const op = operatorFor(c);
  const value = (x: Value) => literal(x, ctx, date);
  if (v instanceof Span) {
    // An operator that cannot judge a range leaves it unknown.
    const r = op.span ? op.span.reference(c, v, value) : null;
    return r === null ? U : bool(r);
  }
  return bool(op.reference(c, v, value));
}

function truth(c: Condition, ctx: Ctx): Tri {
  switch (c.op) {
    case 'all':
      return andTri(c.of.map((x) => truth(x, ctx)));
    case 'any':
      return orTri(c.of.map((x) => truth(x, ctx)));
    case 'not':
      return notTri(truth(c.of, ctx));
    default:
      return leaf(c, ctx);
  }
}

/** Unanswered fields under the undecided parts of the tree. */
function missingOf(c: Condition, ctx: Ctx, out: Set<string>): void {
  if (truth(c, ctx) !== U) return;
  if (c.op === 'all' || c.op === 'any') for (const x of c.of) missingOf(x, ctx, out);
  else if (c.op === 'not') missingOf(c.of, ctx, out);
  // A range that leaves the condition open is settled by a closer answer, as an absent one is.
  else for (const f of operatorFor(c).fields(c)) {
      const v = read(ctx.profile, f);
      // A range whose ends meet is the point it names.
      if ((v === undefined || (isRange(v) && v.min !== v.max)) && !isMoot(ctx.profile, f, c.measure)) out.add(f);
    }
}

const round = (x: number) => Math.round(x * 100) / 100;
const range = (min: number, max: number, unit: string): AmountRange => ({ min: round(min), max: round(max), unit });
const widen = (a: AmountRange | null, b: AmountRange | null): AmountRange | null =>
  !a ? b : !b ? a : { min: Math.min(a.min, b.min), max: Math.max(a.max, b.max), unit: a.unit };

function amountOf(a: Amount, ctx: Ctx, inherited: string): AmountRange | null {
  const unit = a.unit ?? inherited;
  const n = (v: Value) => literal(v, ctx, false) as number;
  switch (a.kind) {
    case 'fixed':
      return range(a.upTo ? 0 : n(a.value), n(a.value), unit);
    case 'range':
      return range(n(a.min), n(a.max), unit);
    case 'per-year': {
      const x = n(a.perYear) * n(a.years);
      return range(a.upTo ? 0 : x, x, unit);
    }
    case 'per-unit': {
      const q = read(ctx.profile, a.quantity);
      // No cap, or a cap whose parameter is not yet in force: nothing bounds the product.
      const c = a.cap === undefined ? Number.NaN : n(a.cap);
      const cap = Number.isNaN(c) ? Number.POSITIVE_INFINITY : c;
      if (q === undefined) return Number.isFinite(cap) ? range(0, cap, unit) : null;
      const ends = numberOf(q) ?? [0, 0];
      const [lo, hi] = ends.map((v) => Math.min(Math.max(v, 0) * n(a.rate), cap)) as [number, number];
      return range(a.upTo ? 0 : Math.min(lo, hi), Math.max(lo, hi), unit);
    }
    case 'sum': {
      const parts = a.of.map((x) => amountOf(x, ctx, unit));
      if (parts.some((r) => r === null)) return null;
      return range(parts.reduce((s, r) => s + r!.min, 0), parts.reduce((s, r) => s + r!.max, 0), unit);
    }
    case 'choose': {
      let acc: AmountRange | null = null;
      for (const o of a.options) {
        const w = truth(o.when, ctx);
        if (w === F || (o.ifUnknown === 'skip' && w === U)) continue;
        acc = widen(acc, amountOf(o.amount, ctx, unit));
        if (w === T) return acc;
      }
      return a.otherwise ? widen(acc, amountOf(a.otherwise, ctx, unit)) : acc;
    }
  }
}

/** The policy's own conditions, with its regions as a leading condition on `regionCode`. */
export function referenceCondition(policy: Policy): Condition {
  const elig = eligibilityWithCarry(policy);
  if (policy.regions.length === 0) return elig;
  return { op: 'all', of: [regionCondition(policy.regions), elig] };
}

/** One policy for one validated profile on a civil day; `null` when the policy is not in force. */
export function referenceEvaluate(policy: Policy, profile: Profile, day: number): ReferenceResult | null {
  if (policy.validFrom !== null && day < dayOf(policy.validFrom)) return null;
  const last = lastDay(policy);
  if (last !== null && day > dayOf(last)) return null;
  const ctx: Ctx = { policy, profile, day, end: 0 };
  const cond = referenceCondition(policy);
  const t = truth(cond, ctx);
  const missing = new Set<string>();
  missingOf(cond, ctx, missing);
  // An amount spans the amounts at both ends of the ranges of figures regions may set.
  const amount = t !== F && policy.amount ? widen(amountOf(policy.amount, ctx, 'CNY'), amountOf(policy.amount, { ...ctx, end: 1 }, 'CNY')) : null;
  return { policyId: policy.id, status: triToStatus(t), missing: [...missing], amount };
}

/** Every policy in force, in catalogue order. */
export function referenceEvaluateAll(policies: readonly Policy[], profile: Profile, day: number): ReferenceResult[] {
  const out: ReferenceResult[] = [];
  for (const p of policies) {
    const r = referenceEvaluate(p, profile, day);
    if (r) out.push(r);
  }
  return out;
}
