import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { dayOf } from '../../src/core/dates.js';
import { createMatcher, parsePolicies, parseProfile, type Policy } from '../../src/index.js';
import type { Evaluation } from '../../src/engine/matcher.js';
import { referenceEvaluateAll, type ReferenceResult } from '../../src/engine/reference.js';
import { arbAsOf, arbCatalogue, arbCatalogueWithOverlays, arbProfile } from '../helpers/arbitraries.js';

const RUNS = Number(process.env.DIFF_RUNS ?? 300);

const toPolicies = (inputs: unknown[]): Policy[] => parsePolicies(inputs.map((p, i) => ({ name: `gen-${i}.json`, text: JSON.stringify(p) })));

const comparable = (e: Evaluation | ReferenceResult) => ({
  policyId: e.policyId,
  status: e.status,
  missing: [...e.missing].sort(),
  amount: e.amount ?? null,
});

describe('the compiled engine agrees with the reference interpreter', () => {
  it.each([
    ['verdict', 'verdict'],
    ['explain', 'explain'],
  ] as const)('on status, missing fields and amount in %s mode', (_name, mode) => {
    fc.assert(
      fc.property(arbCatalogue, arbProfile(0.3), arbAsOf, (inputs, input, asOf) => {
        const policies = toPolicies(inputs);
        const profile = parseProfile(input);
        const compiled = createMatcher(policies).evaluate(profile, { asOf, mode, scope: 'all' }).map(comparable);
        const reference = referenceEvaluateAll(policies, profile, dayOf(asOf)).map(comparable);
        expect(compiled).toEqual(reference);
      }),
      { numRuns: RUNS },
    );
  });

  it.each([
    ['verdict', 'verdict'],
    ['explain', 'explain'],
  ] as const)('with parameters regions may set and overlays fixing them, in %s mode', (_name, mode) => {
    fc.assert(
      fc.property(arbCatalogueWithOverlays, arbProfile(0.3), arbAsOf, (inputs, input, asOf) => {
        const policies = toPolicies(inputs);
        const profile = parseProfile(input);
        const compiled = createMatcher(policies).evaluate(profile, { asOf, mode, scope: 'all' }).map(comparable);
        expect(compiled).toEqual(referenceEvaluateAll(policies, profile, dayOf(asOf)).map(comparable));
      }),
      { numRuns: RUNS },
    );
  });

  it('on complete profiles too', () => {
    fc.assert(
      fc.property(arbCatalogue, arbProfile(0), arbAsOf, (inputs, input, asOf) => {
        const policies = toPolicies(inputs);
        const profile = parseProfile(input);
        const compiled = createMatcher(policies).evaluate(profile, { asOf, mode: 'verdict', scope: 'all' }).map(comparable);
        expect(compiled).toEqual(referenceEvaluateAll(policies, profile, dayOf(asOf)).map(comparable));
      }),
      { numRuns: Math.ceil(RUNS / 3) },
    );
  });
});
