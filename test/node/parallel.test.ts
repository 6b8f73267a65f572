import fc from 'fast-check';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createMatcher, parsePolicies, ProfileValidationError } from '../../src/index.js';
import { createParallelMatcher, readPolicySources, type ParallelMatcher } from '../../src/node/index.js';
import { arbProfile } from '../helpers/arbitraries.js';
import { ROOT } from '../helpers/rules.js';

describe('the parallel batch', () => {
  let pm: ParallelMatcher;
  let sources: Awaited<ReturnType<typeof readPolicySources>>;
  const profiles = fc.sample(fc.oneof(arbProfile(0), arbProfile(0.3), arbProfile(0.8)), { numRuns: 400, seed: 42 }).map((p, i) => ({ ...p, id: `p${i}` }));

  beforeAll(async () => {
    sources = await readPolicySources(`${ROOT}/rules`);
    pm = await createParallelMatcher(sources, { threads: 2, chunkSize: 50 });
  });
  afterAll(() => pm.destroy());

  it.each(['verdict', 'explain'] as const)('gives the single-thread results in %s mode', async (mode) => {
    const single = createMatcher(parsePolicies(sources)).evaluateMany(profiles, { asOf: '2025-06-01', mode });
    expect(await pm.evaluateMany(profiles, { asOf: '2025-06-01', mode })).toEqual(single);
  });

  it('keeps only the applicable policies when asked', async () => {
    const single = createMatcher(parsePolicies(sources)).evaluateMany(profiles, { asOf: '2024-01-01', mode: 'verdict', scope: 'applicable' });
    expect(await pm.evaluateMany(profiles, { asOf: '2024-01-01', mode: 'verdict', scope: 'applicable' })).toEqual(single);
  });

  it('rejects an invalid profile with the same issues as evaluateMany', async () => {
    const bad = [...profiles.slice(0, 120), { id: 'x', birthDate: '2023-02-30' }, ...profiles.slice(120)];
    const single = (() => {
      try {
        createMatcher(parsePolicies(sources)).evaluateMany(bad, { asOf: '2025-06-01', mode: 'verdict' });
      } catch (e) {
        return e as ProfileValidationError;
      }
    })();
    const parallel = await pm.evaluateMany(bad, { asOf: '2025-06-01', mode: 'verdict' }).catch((e: unknown) => e);
    expect(parallel).toBeInstanceOf(ProfileValidationError);
    expect((parallel as ProfileValidationError).issues).toEqual(single!.issues);
  });

  // Chunks of plain JSON data cross as text; others (a Date, NaN, -0, a hole) as a structured clone: the same answers either way.
  it.each([
    ['a Date', { birthDate: new Date('1990-01-01') }],
    ['NaN', { business: { employees: Number.NaN } }],
    ['-0', { business: { employees: -0 } }],
    ['an array with a hole', { groups: ['veteran', , 'disabled'] }],
    ['undefined', { hasOtherLoans: undefined }],
  ] as const)('a profile holding %s gets the single-thread answer', async (_what, extra) => {
    const odd = [...profiles.slice(0, 60), { ...profiles[60], ...extra }, ...profiles.slice(61, 130)];
    const outcome = async (f: () => unknown) => {
      try {
        return { ok: await f() };
      } catch (e) {
        return { issues: (e as ProfileValidationError).issues };
      }
    };
    const single = await outcome(() => createMatcher(parsePolicies(sources)).evaluateMany(odd, { asOf: '2025-06-01', mode: 'verdict' }));
    expect(await outcome(() => pm.evaluateMany(odd, { asOf: '2025-06-01', mode: 'verdict' }))).toEqual(single);
  });
});
