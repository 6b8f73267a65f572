import type { Amount, NumberValue } from '../policy/schema.js';
import { Span } from '../ops/index.js';
import { compileCondition, toOperand, type CompileScope } from './compile.js';

// Local copies of core/tri.ts's F/T: some loaders turn imported bindings into getter calls.
const F = 0;
const T = 1;

/** An amount as a range in `unit` (CNY unless the rule says otherwise); `min === max` when exact. */
export interface AmountRange {
  min: number;
  max: number;
  unit: string;
}

/** A compiled amount: the range the profile's answers allow, or null when nothing applies. */
export type AmountFn = (facts: readonly unknown[], params: ArrayLike<number>) => AmountRange | null;

const round = (x: number) => Math.round(x * 100) / 100;
const range = (min: number, max: number, unit: string): AmountRange => ({ min: round(min), max: round(max), unit });

function union(a: AmountRange | null, b: AmountRange | null): AmountRange | null {
  if (!a) return b;
  if (!b) return a;
  return { min: Math.min(a.min, b.min), max: Math.max(a.max, b.max), unit: a.unit };
}

/** Which end of the range of a parameter regions may set (see params.ts) an amount is computed at. */
type End = 0 | 1;

function numAt(v: NumberValue, scope: CompileScope, end: End): (p: ArrayLike<number>) => number {
  const o = toOperand(v, 'number', scope);
  if ('lit' in o) {
    const x = o.lit as number;
    return () => x;
  }
  const { times } = o;
  const param = o.param + (end && scope.localSlots?.has(o.param) ? 1 : 0);
  return (p) => (p[param] as number) * times;
}

/**
 * A compiled amount. Where it reads parameters regions may set, it is the span of the amounts at
 * the low and the high end of their ranges (one figure where an overlay fixed it): amounts grow
 * with their figures, so the two ends bound every figure between.
 */
export function compileAmount(a: Amount, scope: CompileScope, at: string): AmountFn {
  const lo = compileAt(a, scope, at, 'CNY', 0);
  if (!scope.localSlots?.size) return lo;
  const hi = compileAt(a, scope, at, 'CNY', 1);
  return (f, p) => union(lo(f, p), hi(f, p));
}

function compileAt(a: Amount, scope: CompileScope, at: string, inherited: string, end: End): AmountFn {
  const unit = a.unit ?? inherited;
  const num = (v: NumberValue) => numAt(v, scope, end);
  switch (a.kind) {
    case 'fixed': {
      const v = num(a.value);
      const floor = a.upTo ? () => 0 : v;
      return (_f, p) => range(floor(p), v(p), unit);
    }
    case 'range': {
      const lo = num(a.min);
      const hi = num(a.max);
      return (_f, p) => range(lo(p), hi(p), unit);
    }
    case 'per-unit': {
      const rate = num(a.rate);
      // Without a cap, an unanswered quantity bounds nothing yet: the option adds no range.
      // A cap whose parameter is not yet in force (NaN) binds nothing either.
      const capOf = a.cap === undefined ? () => Number.NaN : num(a.cap);
      const slot = scope.facts.slot({ field: a.quantity });
      const upTo = !!a.upTo;
      return (f, p) => {
        const c = capOf(p);
        const cap = c === c ? c : Number.POSITIVE_INFINITY;
        const q = f[slot];
        if (q === undefined) return cap !== Number.POSITIVE_INFINITY ? range(0, cap, unit) : null;
        if (q instanceof Span) {
          // An approximate quantity gives the amounts of its two ends.
          const r = rate(p);
          const lo = Math.min(Math.max(q.lo, 0) * r, cap);
          const hi = Math.min(Math.max(q.hi, 0) * r, cap);
          return range(upTo ? 0 : Math.min(lo, hi), Math.max(lo, hi), unit);
        }
        const x = typeof q === 'number' ? Math.min(Math.max(q, 0) * rate(p), cap) : 0;
        return range(upTo ? 0 : x, x, unit);
      };
    }
    case 'per-year': {
      const perYear = num(a.perYear);
      const years = num(a.years);
      const upTo = !!a.upTo;
      return (_f, p) => {
        const x = perYear(p) * years(p);
        return range(upTo ? 0 : x, x, unit);
      };
    }
    case 'sum': {
      const parts = a.of.map((x, i) => compileAt(x, scope, `${at}.of.${i}`, unit, end));
      return (f, p) => {
        let min = 0;
        let max = 0;
        for (const part of parts) {
          const r = part(f, p);
          if (!r) return null;
          min += r.min;
          max += r.max;
        }
        return range(min, max, unit);
      };
    }
    case 'choose': {
      // First matching option wins; an unknown `when` keeps both it and what follows possible.
      const options = a.options.map((o, i) => ({
        when: compileCondition(o.when, scope, `${at}.options.${i}.when`).verdict,
        amount: compileAt(o.amount, scope, `${at}.options.${i}.amount`, unit, end),
        skipUnknown: o.ifUnknown === 'skip',
      }));
      const otherwise = a.otherwise ? compileAt(a.otherwise, scope, `${at}.otherwise`, unit, end) : null;
      return (f, p) => {
        let acc: AmountRange | null = null;
        for (const o of options) {
          const w = o.when(f, p);
          if (w === F || (o.skipUnknown && w !== T)) continue;
          acc = union(acc, o.amount(f, p));
          if (w === T) return acc;
        }
        return otherwise ? union(acc, otherwise(f, p)) : acc;
      };
    }
  }
}
