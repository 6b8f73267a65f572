import { createMatcher, parsePolicies, type Matcher } from '../../src/index.js';

/** Fast-check runs per property: short in `npm test`, raised by GUIYAN_FUZZ_RUNS. */
export const runs = (n: number): number => Number(process.env.GUIYAN_FUZZ_RUNS ?? n);

/** Validates generated policy objects through the loader, as a rule file would be. */
export function matcherOf(policies: readonly object[]): Matcher {
  return createMatcher(parsePolicies(policies.map((p, i) => ({ name: `gen-${i}.json`, text: JSON.stringify(p) }))));
}

const PARAMS = { capA: { values: [{ from: '2000-01-01', value: 12 }] }, capB: { values: [{ from: '2000-01-01', value: 30 }, { from: '2022-01-01', value: 5 }] } };

/** Compiles named eligibility trees into one matcher, one policy per name. */
export function treesMatcher(trees: Record<string, object>): Matcher {
  return matcherOf(
    Object.entries(trees).map(([id, eligibility]) => ({ id, kind: 'subsidy', title: { 'zh-CN': id }, sample: true, source: { title: 't' }, parameters: PARAMS, eligibility })),
  );
}
