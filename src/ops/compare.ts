import { z } from 'zod';
import { leaf, Value } from '../policy/terms.js';
import type { Operand, Operator, Verdict } from './types.js';

// Local copies of core/tri.ts's F/T/U: some loaders turn imported bindings into getter calls, one per leaf.
const F = 0;
const T = 1;
const U = 2;

export const CompareOps = ['eq', 'ne', 'gt', 'gte', 'lt', 'lte'] as const;
export type CompareOp = (typeof CompareOps)[number];

const compareSchema = <K extends CompareOp>(op: K) => z.strictObject({ op: z.literal(op), ...leaf, value: Value });
export const compareSchemas = [compareSchema('eq'), compareSchema('ne'), compareSchema('gt'), compareSchema('gte'), compareSchema('lt'), compareSchema('lte')] as const;
type CompareNode = z.infer<(typeof compareSchemas)[number]>;
type Test = (a: any, b: any) => boolean;

const TESTS: Record<CompareOp, Test> = {
  eq: (a, b) => a === b,
  ne: (a, b) => a !== b,
  gt: (a, b) => a > b,
  gte: (a, b) => a >= b,
  lt: (a, b) => a < b,
  lte: (a, b) => a <= b,
};
const SYMBOLS: Record<CompareOp, string> = { eq: '=', ne: '≠', gt: '>', gte: '≥', lt: '<', lte: '≤' };

/**
 * Specialised closures per comparison and operand kind: the hot path holds no lookups.
 * A known "none" (null) equals nothing, so only `ne` passes on it.
 */
function compileCompare(op: CompareOp, slot: number, o: Operand): Verdict {
  const none = op === 'ne' ? T : F;
  if ('lit' in o) {
    const b = o.lit as number;
    switch (op) {
      case 'eq': return (f) => { const a = f[slot]; return a === undefined ? U : a === b ? T : F; };
      case 'ne': return (f) => { const a = f[slot]; return a === undefined ? U : a !== b ? T : F; };
      case 'gt': return (f) => { const a = f[slot] as number; return a === undefined ? U : a === null ? F : a > b ? T : F; };
      case 'gte': return (f) => { const a = f[slot] as number; return a === undefined ? U : a === null ? F : a >= b ? T : F; };
      case 'lt': return (f) => { const a = f[slot] as number; return a === undefined ? U : a === null ? F : a < b ? T : F; };
      case 'lte': return (f) => { const a = f[slot] as number; return a === undefined ? U : a === null ? F : a <= b ? T : F; };
    }
  }
  const { param, times } = o;
  const test = TESTS[op];
  return (f, p) => {
    const a = f[slot];
    if (a === undefined) return U;
    if (a === null) return none;
    return test(a, (p[param] as number) * times) ? T : F;
  };
}

const compare = (op: CompareOp): Operator<CompareNode> => ({
  op,
  domains: op === 'eq' || op === 'ne' ? ['number', 'date', 'boolean', 'choice', 'region', 'string'] : ['number', 'date'],
  literals: (n) => [{ path: ['value'], value: n.value }],
  compile: (n, k) => compileCompare(op, k.slot, k.operand(n.value)),
  describe: (n, k) => `${SYMBOLS[op]} ${k.show(n.value)}`,
});

export const compareOperators = (['eq', 'ne', 'gt', 'gte', 'lt', 'lte'] as const).map(compare);

export const betweenSchema = z.strictObject({ op: z.literal('between'), ...leaf, min: Value, max: Value });
type BetweenNode = z.infer<typeof betweenSchema>;

export const between: Operator<BetweenNode> = {
  op: 'between',
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
      return (f) => { const v = f[s] as number; return v === undefined ? U : v === null ? F : v >= a && v <= b ? T : F; };
    }
    const get = (o: Operand, p: ArrayLike<number>) => ('lit' in o ? (o.lit as number) : (p[o.param] as number) * o.times);
    return (f, p) => {
      const v = f[s] as number;
      if (v === undefined) return U;
      if (v === null) return F;
      return v >= get(lo, p) && v <= get(hi, p) ? T : F;
    };
  },
  describe: (n, k) => (k.locale === 'en' ? `between ${k.show(n.min)} and ${k.show(n.max)}` : `在${k.show(n.min)}至${k.show(n.max)}之间`),
};
