import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { dayOf } from '../../src/core/dates.js';
import { createMatcher, parsePolicies, parseProfile } from '../../src/index.js';
import type { Evaluation } from '../../src/engine/matcher.js';
import { referenceEvaluateAll, type ReferenceResult } from '../../src/engine/reference.js';
import { arbAsOf, arbCatalogue, arbProfile } from '../helpers/arbitraries.js';

const comparable = (e: Evaluation | ReferenceResult) => ({ policyId: e.policyId, status: e.status, missing: [...e.missing].sort(), amount: e.amount ?? null });

describe('the batch path agrees with the reference interpreter', () => {
  it('evaluateMany in verdict mode, profile after profile on one matcher', () => {
    fc.assert(
      fc.property(arbCatalogue, fc.array(arbProfile(0.3), { minLength: 1, maxLength: 6 }), arbAsOf, (inputs, batch, asOf) => {
        const policies = parsePolicies(inputs.map((p, i) => ({ name: `gen-${i}.json`, text: JSON.stringify(p) })));
        const got = createMatcher(policies).evaluateMany(batch, { asOf, mode: 'verdict', scope: 'all' }).map((es) => es.map(comparable));
        const want = batch.map((p) => referenceEvaluateAll(policies, parseProfile(p), dayOf(asOf)).map(comparable));
        expect(got).toEqual(want);
      }),
      { numRuns: 100 },
    );
  });
});
