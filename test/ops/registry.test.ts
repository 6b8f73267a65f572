import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { OPERATORS, operatorFor } from '../../src/ops/index.js';
import { ConditionSchema } from '../../src/policy/schema.js';
import { arbLeaf } from '../helpers/arbitraries.js';

describe('the operator registry', () => {
  it('gives every operator a schema that accepts the nodes its arbitrary generates', () => {
    fc.assert(
      fc.property(arbLeaf, (leaf) => {
        const node = leaf as { op: string; field: string };
        expect(operatorFor(node).schema.safeParse(node).success).toBe(true);
        expect(ConditionSchema.safeParse(node).success).toBe(true);
      }),
      { numRuns: 300 },
    );
  });

  it('generates nodes of every registered operator', () => {
    const seen = new Set(fc.sample(arbLeaf, { numRuns: 3000, seed: 11 }).map((l) => (l as { op: string }).op));
    expect([...OPERATORS.keys()].filter((op) => !seen.has(op))).toEqual([]);
  });

  it('rejects a node whose op no operator registers', () => {
    expect(ConditionSchema.safeParse({ op: 'starts-with', field: 'groups', prefixes: ['a'] }).success).toBe(false);
    expect(() => operatorFor({ op: 'starts-with', field: 'groups' })).toThrow(/no operator starts-with/);
  });

  it.each([...OPERATORS.values()].map((o) => [o.op, o] as const))('%s reads its field, and the denominator of a ratio', (_op, o) => {
    expect(o.fields({ op: o.op, field: 'business.newHiresFromGroups' } as never)).toEqual(['business.newHiresFromGroups']);
    expect(o.fields({ op: o.op, field: 'business.newHiresFromGroups', per: 'business.employees' } as never)).toEqual(['business.newHiresFromGroups', 'business.employees']);
  });
});
