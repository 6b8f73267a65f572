import { describe, expect, it } from 'vitest';
import { loadFixtures, rulesMatcher } from './helpers/rules.js';

const matcher = rulesMatcher();
const fixtures = loadFixtures();

describe('fixture profiles against the rules', () => {
  it.each(fixtures.map((f) => [f.file, f] as const))('%s gives the expected outcomes', (_file, f) => {
    // The fixtures state other regions' policies too (ineligible): the whole catalogue in force.
    const got = matcher.evaluate(f.profile, { asOf: f.asOf, scope: 'all' });
    const byId = new Map(got.map((e) => [e.policyId, e]));
    for (const [policyId, want] of Object.entries(f.expect)) {
      const e = byId.get(policyId);
      expect(e, `${policyId} is evaluated`).toBeDefined();
      expect({ policyId, status: e!.status }).toEqual({ policyId, status: want.status });
      if (want.missing) expect([...e!.missing].sort()).toEqual([...want.missing].sort());
      if (want.amount === null) expect(e!.amount).toBeUndefined();
      else if (want.amount) expect(e!.amount).toMatchObject(want.amount);
    }
  });
});
