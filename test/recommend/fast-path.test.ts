import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import type { Profile } from '../../src/index.js';
import { inForce } from '../../src/engine/policy.js';
import { nearMiss } from '../../src/recommend/near-miss.js';
import { compareRecommendations, rankProfile, type Recommendation, type RecommendOptions } from '../../src/recommend/rank.js';
import { catalogueScale, certaintyOf, DEFAULT_WEIGHTS, localityOf, needOf, round4, scoreOf, urgencyOf, worthOf } from '../../src/recommend/score.js';
import { catalogueMatcher } from './catalogue.js';
import { arbPartProfile } from './profiles.js';
import { engineOf } from '../../src/matcher/create.js';

const m = catalogueMatcher();
const core = engineOf(m);

/** Ranking the plain way: explain every policy, score each from score.ts, sort everything, cut. */
function reference(profile: Profile, day: number, opts: Omit<RecommendOptions, 'asOf'>): Recommendation[] {
  const locale = opts.locale ?? 'zh-CN';
  const w = { ...DEFAULT_WEIGHTS, ...opts.weights };
  const params = core.params.at(day);
  const scale = catalogueScale(core.compiled.filter((c) => inForce(c, day)), core.facts.refs.length, params);
  const out: Recommendation[] = [];
  for (const e of core.evaluateProfile(profile, day, { locale, scope: 'applicable' })) {
    const cp = core.compiledById(e.policyId)!;
    if (e.status === 'ineligible' && !opts.nearMisses) continue;
    const miss = e.status !== 'eligible' && opts.nearMisses ? nearMiss(core, cp, profile, day, locale) : null;
    if (e.status === 'ineligible' && !miss) continue;
    const breakdown = {
      certainty: round4(certaintyOf(e)),
      value: round4(scale > 0 ? Math.min(1, worthOf(cp.policy.kind, e.amount) / scale) : 0),
      need: needOf(cp, profile.needs),
      urgency: round4(urgencyOf(cp, day)),
      locality: round4(localityOf(cp)),
    };
    out.push({ ...e, score: scoreOf(breakdown, w), breakdown, ...(miss ? { nearMiss: miss } : {}) });
  }
  out.sort(compareRecommendations);
  return opts.limit !== undefined ? out.slice(0, Math.max(0, opts.limit)) : out;
}

const maybe = <T>(a: fc.Arbitrary<T>) => fc.option(a, { nil: undefined });
const profile = arbPartProfile('fast').map((r) => core.parse(r));

const options = fc.record({
  limit: maybe(fc.integer({ min: -1, max: 12 })),
  locale: maybe(fc.constantFrom('zh-CN' as const, 'en' as const)),
  nearMisses: maybe(fc.boolean()),
  weights: maybe(fc.record({ value: fc.constantFrom(0, 0.5, 1), need: fc.constantFrom(0, 0.25, 1) })),
});

describe('ranking in verdict mode, explaining only what is shown', () => {
  it('gives exactly what explaining and scoring every policy gives', () => {
    fc.assert(
      fc.property(profile, options, fc.constantFrom('2024-03-01', '2025-06-01', '2026-06-01', '2027-12-31'), (p, o, asOf) => {
        const day = core.day(asOf);
        expect(rankProfile(core, p, day, o)).toStrictEqual(reference(p, day, o));
      }),
      { numRuns: 150 },
    );
  });
});
