import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { triToStatus } from '../../src/core/tri.js';
import { createMatcher, parsePolicies, parseProfile } from '../../src/index.js';
import { arbAsOf, arbCatalogue, arbProfile } from '../helpers/arbitraries.js';
import { loadFixtures, rulesMatcher } from '../helpers/rules.js';
import { engineOf } from '../../src/matcher/create.js';

const matcherOf = (inputs: unknown[]) => createMatcher(parsePolicies(inputs.map((p, i) => ({ name: `gen-${i}.json`, text: JSON.stringify(p) }))));

describe('verdict mode', () => {
  it('gives the explain-mode status, missing fields and amount, without reasons', () => {
    const m = rulesMatcher();
    for (const fx of loadFixtures()) {
      const explained = m.evaluate(fx.profile, { asOf: fx.asOf });
      const verdicts = m.evaluate(fx.profile, { asOf: fx.asOf, mode: 'verdict' });
      expect(verdicts).toEqual(explained.map(({ reasons: _r, ...rest }) => ({ ...rest, reasons: [] })));
    }
  });

  it('shares frozen results between profiles when nothing depends on the answers', () => {
    const m = rulesMatcher();
    const a = m.evaluate({ id: 'a', groups: [] , hasOtherLoans: true }, { asOf: '2025-06-01', mode: 'verdict' });
    const b = m.evaluate({ id: 'b', groups: ['veteran'], hasOtherLoans: true }, { asOf: '2025-06-01', mode: 'verdict' });
    const loan = (es: typeof a) => es.find((e) => e.policyId === 'cn-guarantee-loan-individual')!;
    expect(loan(a).status).toBe('ineligible');
    expect(loan(a)).toBe(loan(b));
    expect(Object.isFrozen(loan(a))).toBe(true);
  });

  it('evaluateMany equals evaluate on each profile', () => {
    fc.assert(
      fc.property(arbCatalogue, fc.array(arbProfile(0.3), { maxLength: 5 }), arbAsOf, (inputs, profiles, asOf) => {
        const m = matcherOf(inputs);
        for (const mode of ['verdict', 'explain'] as const) {
          expect(m.evaluateMany(profiles, { asOf, mode })).toEqual(profiles.map((p) => m.evaluate(p, { asOf, mode })));
        }
      }),
      { numRuns: 100 },
    );
  });

  it('explains a profile the same whatever was explained before (memoised reasons)', () => {
    fc.assert(
      fc.property(arbCatalogue, fc.array(arbProfile(0.3), { minLength: 2, maxLength: 6 }), arbAsOf, fc.constantFrom('zh-CN', 'en' as const), (inputs, profiles, asOf, locale) => {
        const warm = matcherOf(inputs);
        const warmed = profiles.map((p) => warm.evaluate(p, { asOf, locale }));
        const cold = profiles.map((p) => matcherOf(inputs).evaluate(p, { asOf, locale }));
        expect(warmed).toEqual(cold);
      }),
      { numRuns: 60 },
    );
  });

  it('core.verdicts visits exactly the applicable policies with their verdicts', () => {
    fc.assert(
      fc.property(arbCatalogue, arbProfile(0.3), arbAsOf, (inputs, input, asOf) => {
        const m = matcherOf(inputs);
        const profile = parseProfile(input);
        const day = engineOf(m).day(asOf);
        const seen: { policyId: string; status: string; missing: string[] }[] = [];
        engineOf(m).verdicts(profile, day, (cp, t, f, p) => seen.push({ policyId: cp.policy.id, status: triToStatus(t), missing: t === 2 ? engineOf(m).missingOf(cp, f, p) : [] }));
        const expected = engineOf(m).evaluateProfile(profile, day, { mode: 'verdict', scope: 'applicable' }).map((e) => ({ policyId: e.policyId, status: e.status, missing: [...e.missing] }));
        expect(seen).toEqual(expected);
      }),
      { numRuns: 150 },
    );
  });
});
