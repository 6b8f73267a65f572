import * as z from 'zod';
import { wordsFor } from '../core/catalogue/index.js';
import { leaf, Value } from '../policy/terms.js';
import { ANY, leafFields, outcomeOver, Span, type Allowed, type Operand, type Operator, type Verdict } from './types.js';

// Local copies of core/tri.ts's F/T/U: some loaders turn imported bindings into getter calls, one per leaf.
const F = 0;
const T = 1;
const U = 2;

export const CompareOps = ['eq', 'ne', 'gt', 'gte', 'lt', 'lte'] as const;
export type CompareOp = (typeof CompareOps)[number];

const compareSchema = <K extends CompareOp>(op: K) => z.strictObject({ op: z.literal(op), ...leaf, value: Value });
type Test = (a: any, b: any) => boolean;

const TESTS: Record<CompareOp, Test> = {
  eq: (a, b) => a === b,
  ne: (a, b) => a !== b,
  gt: (a, b) => a > b,
  gte: (a, b) => a >= b,
  lt: (a, b) => a < b,
  lte: (a, b) => a <= b,
};
/**
 * A comparison over a span [lo, hi]: true when its weakest end passes, false when its strongest end
 * fails, unknown between. A parameter not in force (NaN) fails every value, as it does a point.
 */
const SPAN_TESTS: Record<CompareOp, (lo: number, hi: number, b: number) => 0 | 1 | 2> = {
  eq: (lo, hi, b) => (b >= lo && b <= hi ? U : F),
  ne: (lo, hi, b) => (b >= lo && b <= hi ? U : T),
  gt: (lo, hi, b) => (lo > b ? T : hi > b ? U : F),
  gte: (lo, hi, b) => (lo >= b ? T : hi >= b ? U : F),
  lt: (lo, hi, b) => (hi < b ? T : lo < b ? U : F),
  lte: (lo, hi, b) => (hi <= b ? T : lo <= b ? U : F),
};
const SYMBOLS: Record<CompareOp, string> = { eq: '=', ne: '≠', gt: '>', gte: '≥', lt: '<', lte: '≤' };
const SQL_SYMBOLS: Record<CompareOp, string> = { eq: '=', ne: '<>', gt: '>', gte: '>=', lt: '<', lte: '<=' };

/**
 * Specialised closures per comparison and operand kind: the hot path holds no lookups.
 * A known "none" (null) equals nothing, so only `ne` passes on it.
 */
function compileCompare(op: CompareOp, slot: number, o: Operand): Verdict {
  const none = op === 'ne' ? T : F;
  const span = SPAN_TESTS[op];
  const orSpan = (a: unknown, b: number, otherwise: 0 | 1): 0 | 1 | 2 => (a instanceof Span ? span(a.lo, a.hi, b) : otherwise);
  if ('lit' in o) {
    const b = o.lit as number;
    // A span compares false with everything, so its test sits on the path a point leaves as false
    // (for ne: as true), off the common path.
    switch (op) {
      case 'eq': return (f) => { const a = f[slot]; return a === undefined ? U : a === b ? T : orSpan(a, b, F); };
      case 'ne': return (f) => { const a = f[slot]; return a === undefined ? U : a === b ? F : orSpan(a, b, T); };
      case 'gt': return (f) => { const a = f[slot] as number; return a === undefined ? U : a === null ? F : a > b ? T : orSpan(a, b, F); };
      case 'gte': return (f) => { const a = f[slot] as number; return a === undefined ? U : a === null ? F : a >= b ? T : orSpan(a, b, F); };
      case 'lt': return (f) => { const a = f[slot] as number; return a === undefined ? U : a === null ? F : a < b ? T : orSpan(a, b, F); };
      case 'lte': return (f) => { const a = f[slot] as number; return a === undefined ? U : a === null ? F : a <= b ? T : orSpan(a, b, F); };
    }
  }
  const { param, times } = o;
  const test = TESTS[op];
  return (f, p) => {
    const a = f[slot];
    if (a === undefined) return U;
    if (a === null) return none;
    const b = (p[param] as number) * times;
    if (a instanceof Span) return span(a.lo, a.hi, b);
    return test(a, b) ? T : F;
  };
}

/** Lint's allowed set of one comparison with a literal; null for a parameter. */
function compareInterval(op: CompareOp, v: string | number | boolean | null): Allowed | null {
  if (v === null) return null;
  switch (op) {
    case 'eq':
      return { ...ANY, points: [v] };
    case 'ne':
      return { ...ANY, not: v };
    default: {
      if (typeof v !== 'number') return null;
      const incl = op === 'gte' || op === 'lte';
      return op === 'gt' || op === 'gte' ? { ...ANY, lo: v, loIn: incl } : { ...ANY, hi: v, hiIn: incl };
    }
  }
}

function compare<K extends CompareOp>(op: K): Operator<z.infer<ReturnType<typeof compareSchema<K>>>> {
  return {
  op,
  schema: compareSchema(op),
  domains: op === 'eq' || op === 'ne' ? ['number', 'date', 'boolean', 'choice', 'region', 'string'] : ['number', 'date'],
  literals: (n) => [{ path: ['value'], value: n.value }],
  compile: (n, k) => compileCompare(op, k.slot, k.operand(n.value)),
  // A known "none" equals nothing, so only "not equal" holds for it.
  reference: (n, fact, value) => (fact === null ? op === 'ne' : TESTS[op](fact, value(n.value))),
  describe: (n, k) => `${SYMBOLS[op]} ${k.show(n.value)}`,
  // A known "none" equals nothing, so only `ne` passes on it.
  sql: (n, k) => k.guard(`(${k.value} ${SQL_SYMBOLS[op]} ${k.operand(n.value)})`, op === 'ne'),
  span: {
    reference: (n, s, value) => {
      const b = value(n.value);
      return outcomeOver(s, [b], (x) => TESTS[op](x, b));
    },
  },
  fields: leafFields,
  interval: (n, lit) => compareInterval(op, lit(n.value)),
  nearMiss(n, value) {
    const v = value(n.value);
    switch (op) {
      case 'gt':
      case 'gte':
        return { toward: 'at-least', value: v, strict: op === 'gt' };
      case 'lt':
      case 'lte':
        return { toward: 'at-most', value: v, strict: op === 'lt' };
      case 'eq':
        return { toward: 'equal', value: v };
      default:
        return null;
    }
  },
  arbitrary: (k) => k.map(k.value, (value) => ({ ...k.base, op, value })),
  };
}

/** `eq`, `ne`, `gt`, `gte`, `lt`, `lte`: the fact against a literal or a parameter. */
export const compareOperators = [compare('eq'), compare('ne'), compare('gt'), compare('gte'), compare('lt'), compare('lte')] as const;

export const betweenSchema = z.strictObject({ op: z.literal('between'), ...leaf, min: Value, max: Value });
type BetweenNode = z.infer<typeof betweenSchema>;

/** A span inside [a, b] passes, one clear of it fails; an empty or undefined interval fails all; a point reaching here failed. */
const spanWithin = (v: unknown, a: number, b: number): 0 | 1 | 2 =>
  !(v instanceof Span) || !(a <= b) ? F : v.lo >= a && v.hi <= b ? T : v.hi >= a && v.lo <= b ? U : F;

/** Inclusive at both ends. */
export const between: Operator<BetweenNode> = {
  op: 'between',
  schema: betweenSchema,
  domains: ['number', 'date'],
  literals: (n) => [
    { path: ['min'], value: n.min },
    { path: ['max'], value: n.max },
  ],
  compile(n, k) {
    const lo = k.operand(n.min);
    const hi = k.operand(n.max);
    const s = k.slot;
    if ('lit' in lo && 'lit' in hi) {
      const a = lo.lit as number;
      const b = hi.lit as number;
      return (f) => { const v = f[s] as number; return v === undefined ? U : v === null ? F : v >= a && v <= b ? T : spanWithin(v, a, b); };
    }
    const get = (o: Operand, p: ArrayLike<number>) => ('lit' in o ? (o.lit as number) : (p[o.param] as number) * o.times);
    return (f, p) => {
      const v = f[s] as number;
      if (v === undefined) return U;
      if (v === null) return F;
      const a = get(lo, p);
      const b = get(hi, p);
      return v >= a && v <= b ? T : spanWithin(v, a, b);
    };
  },
  span: {
    reference: (n, s, value) => {
      const a = value(n.min) as number;
      const b = value(n.max) as number;
      return outcomeOver(s, [a, b], (x) => x >= a && x <= b);
    },
  },
  check: (n) =>
    typeof n.min === typeof n.max && typeof n.min !== 'object' && n.min > n.max
      ? [{ path: ['max'], code: 'inverted_range', message: `max ${String(n.max)} is below min ${String(n.min)}; nothing can be between them` }]
      : [],
  reference: (n, fact, value) => fact !== null && (fact as number) >= (value(n.min) as number) && (fact as number) <= (value(n.max) as number),
  describe: (n, k) => wordsFor(k.locale).ops.between(k.show(n.min), k.show(n.max)),
  sql: (n, k) => k.guard(`(${k.value} >= ${k.operand(n.min)} AND ${k.value} <= ${k.operand(n.max)})`, false),
  fields: leafFields,
  interval(n, lit) {
    const a = lit(n.min);
    const b = lit(n.max);
    return typeof a === 'number' && typeof b === 'number' ? { lo: a, loIn: true, hi: b, hiIn: true } : null;
  },
  nearMiss: (n, value) => ({ toward: 'within', lo: value(n.min), hi: value(n.max) }),
  arbitrary: (k) => k.map(k.tuple(k.value, k.value), ([a, b]) => ({ ...k.base, op: 'between', ...k.ordered(a, b) })),
};
