import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { asOfArb, conditionArb, profileArb } from '../helpers/gen.js';
import { runs, treesMatcher } from './engine.js';

const not = (of: object) => ({ op: 'not', of });
const all = (...of: object[]) => ({ op: 'all', of });
const any = (...of: object[]) => ({ op: 'any', of });

/** Status and missing fields (as a set) of each named policy. */
function verdicts(trees: Record<string, object>, profile: unknown, asOf: string) {
  const out: Record<string, { status: string; missing: string[] }> = {};
  for (const e of treesMatcher(trees).evaluate(profile, { asOf, mode: 'verdict' })) out[e.policyId] = { status: e.status, missing: [...e.missing].sort() };
  return out;
}

describe('three-valued (Kleene) logic, through the engine', () => {
  it.each([
    ['all of nothing is eligible', all(), 'eligible'],
    ['any of nothing is ineligible', any(), 'ineligible'],
    ['not all of nothing is ineligible', not(all()), 'ineligible'],
    ['not any of nothing is eligible', not(any()), 'eligible'],
  ])('%s', (_name, tree, status) => {
    fc.assert(
      fc.property(profileArb, asOfArb, (profile, asOf) => {
        expect(verdicts({ 'the-rule': tree }, profile, asOf)['the-rule']).toEqual({ status, missing: [] });
      }),
      { numRuns: runs(30) },
    );
  });

  it('not(not x) is x, and De Morgan holds, missing fields included', () => {
    fc.assert(
      fc.property(conditionArb(2), conditionArb(2), profileArb, asOfArb, (x, y, profile, asOf) => {
        const v = verdicts(
          {
            'just-x': x,
            'not-not-x': not(not(x)),
            'not-all': not(all(x, y)),
            'any-not': any(not(x), not(y)),
            'not-any': not(any(x, y)),
            'all-not': all(not(x), not(y)),
            'x-and-true': all(x, all()),
            'x-or-false': any(x, any()),
          },
          profile,
          asOf,
        );
        expect(v['not-not-x']).toEqual(v['just-x']);
        expect(v['x-and-true']).toEqual(v['just-x']);
        expect(v['x-or-false']).toEqual(v['just-x']);
        expect(v['not-all']).toEqual(v['any-not']);
        expect(v['not-any']).toEqual(v['all-not']);
      }),
      { numRuns: runs(200) },
    );
  });
});
