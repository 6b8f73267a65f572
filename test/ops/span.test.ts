import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { createMatcher, parsePolicies } from '../../src/index.js';
import { OPERATORS, Span, type ArbKit, type Operator } from '../../src/ops/index.js';
import type { LeafBase, Value } from '../../src/policy/terms.js';

/**
 * Approximate answers: an operator that declares `span` judges a range of values as true or false
 * exactly when every value in it gives that outcome, and unknown otherwise — in its compiled form
 * and in its reference form, checked here against every whole number of the range.
 */

const T = 1;
const F = 0;
const U = 2;
const ints = fc.integer({ min: -5, max: 30 });

/** The operator's own arbitrary, on a plain number fact with whole-number literals. */
function nodes(o: Operator): fc.Arbitrary<LeafBase> | null {
  const kit: ArbKit<fc.Arbitrary<unknown>> = {
    base: { field: 'business.employees' },
    domain: 'number',
    value: ints,
    item: ints,
    region: fc.constant('500154'),
    constant: (x) => fc.constant(x),
    map: (a, f) => a.map(f),
    tuple: (...as) => fc.tuple(...as),
    set: (a, min, max) => fc.uniqueArray(a, { minLength: min, maxLength: max }),
    ordered: (a, b) => ((a as number) > (b as number) ? { min: b, max: a } : { min: a, max: b }),
  };
  return o.arbitrary(kit) as fc.Arbitrary<LeafBase> | null;
}

const spanning = [...OPERATORS.values()].filter((o) => o.span && o.domains.includes('number'));
const literal = (v: Value) => v;

describe('operators that judge approximate answers', () => {
  it('include every comparison and present', () => {
    expect(spanning.map((o) => o.op)).toEqual(expect.arrayContaining(['between', 'eq', 'gt', 'gte', 'lt', 'lte', 'ne', 'present']));
  });

  it.each(spanning.map((o) => [o.op, o] as const))('%s: a range is decided exactly when all its values agree', (_op, o) => {
    const arb = nodes(o)!;
    fc.assert(
      fc.property(arb, ints, fc.integer({ min: 1, max: 12 }), (node, lo, width) => {
        const hi = lo + width;
        const verdict = o.compile(node as never, { slot: 0, operand: (v) => ({ lit: v }) });
        const points = Array.from({ length: width + 1 }, (_, i) => verdict([lo + i], []));
        const expected = points.every((p) => p === T) ? T : points.every((p) => p === F) ? F : U;
        expect(verdict([new Span(lo, hi)], [])).toBe(expected);
        const ref = o.span!.reference(node as never, new Span(lo, hi), literal);
        expect(ref === null ? U : ref ? T : F).toBe(expected);
      }),
      { numRuns: 300 },
    );
  });

  it('judge a parameter the same way as a literal', () => {
    const gte = OPERATORS.get('gte')!;
    const node = { op: 'gte', field: 'business.employees', value: { param: 'cap' } };
    const v = gte.compile(node as never, { slot: 0, operand: () => ({ param: 0, times: 1 }) });
    expect([v([new Span(10, 20)], [10]), v([new Span(10, 20)], [15]), v([new Span(10, 20)], [21]), v([new Span(10, 20)], [Number.NaN])]).toEqual([T, U, F, F]);
  });

  it('leave a range unknown to an operator that does not declare how to judge one, naming the field', () => {
    const policy = (values: number[]) => ({ id: 'pp-a', kind: 'subsidy', title: { 'zh-CN': 'p' }, source: { title: 't' }, eligibility: { op: 'in', field: 'business.employees', values } });
    const m = createMatcher(parsePolicies([{ name: 'a.json', text: JSON.stringify(policy([3])) }, { name: 'b.json', text: JSON.stringify({ ...policy([30]), id: 'pp-b' }) }]));
    const out = m.evaluate({ id: 'x', business: { employees: { min: 1, max: 5 } } }, { asOf: '2026-06-01' });
    expect(out.map((e) => [e.status, e.missing])).toEqual([
      ['unknown', ['business.employees']],
      ['unknown', ['business.employees']],
    ]);
  });
});
