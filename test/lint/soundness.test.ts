import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { intervalFindings } from '../../src/lint/intervals.js';
import { parsePolicies } from '../../src/index.js';
import { asOfArb, conditionArb, profileArb } from '../helpers/gen.js';
import { runs, treesMatcher } from '../properties/engine.js';

const at = (tree: any, path: (string | number)[]) => path.slice(1).reduce((c, k) => c[k], tree);

describe('lint agrees with the engine', () => {
  it('a condition lint calls never true is never true for any profile', () => {
    fc.assert(
      fc.property(conditionArb(3), fc.array(profileArb, { minLength: 5, maxLength: 20 }), asOfArb, (tree, profiles, asOf) => {
        const [policy] = parsePolicies([{ name: 'g.json', text: JSON.stringify({ id: 'gen', kind: 'subsidy', title: { 'zh-CN': 'g' }, sample: true, source: { title: 't' }, parameters: { capA: { values: [{ from: '2000-01-01', value: 12 }] }, capB: { values: [{ from: '2000-01-01', value: 30 }] } }, eligibility: tree }) }]);
        const never = intervalFindings(policy!).filter((f) => f.code === 'never_true');
        if (never.length === 0) return;
        const m = treesMatcher(Object.fromEntries(never.map((f, i) => [`sub-${i}`, at(tree, f.path)])));
        for (const p of profiles) for (const e of m.evaluate(p, { asOf, mode: 'verdict' })) expect(e.status).not.toBe('eligible');
      }),
      { numRuns: runs(300) },
    );
  });
});
