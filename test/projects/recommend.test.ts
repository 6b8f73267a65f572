import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { createProjectMatcher, recommendProjects } from '../../src/index.js';
import { PROJECT_WEIGHTS } from '../../src/projects/index.js';
import { loadProjects, nationalMatcher, seedPerson } from './helpers.js';

const projects = loadProjects();
const pm = createProjectMatcher(projects);
const matcher = nationalMatcher();
const ASOF = '2026-06-01';

const top = (who: string, limit = 5) => pm.recommendProjects(seedPerson(who).profile, { asOf: ASOF, matcher, limit });

describe('recommendProjects for the seed\u2019s people', () => {
  it.each([
    ['huang-lixing', ['jz-greenhouse-vegetable-park', 'jz-ecommerce-livestream-base', 'jz-vegetable-seedling-centre', 'jz-zhuang-homestay']],
    ['liu-xintang', ['alx-forage-baling-service', 'alx-farm-machinery-centre', 'alx-specialty-ecommerce', 'alx-gobi-greenhouse', 'alx-tengger-desert-camp']],
    ['yin-zebao', ['kz-fish-cold-chain', 'kz-houba-recirculating-aquaculture', 'kz-ecommerce-livestream', 'kz-hanfeng-lake-farmstay', 'kz-hill-farm-machinery']],
    ['zhou-xueting', ['jz-tea-factory-upgrade', 'jz-ecommerce-livestream-base', 'jz-greenhouse-vegetable-park', 'jz-zhuang-homestay', 'cz-sugarcane-harvest-service']],
    ['zhou-yibao', ['ak-hengkou-agritourism-park', 'ak-greenhouse-vegetables', 'ak-hanjiang-recirculating-fish', 'ak-machinery-service', 'ak-selenium-tea-garden']],
  ])('ranks %s\u2019s projects as pinned', (who, ids) => {
    expect(top(who).map((r) => r.projectId)).toEqual(ids);
  });

  it('gives 黄立兴 the greenhouse park first, fundable by the individual guarantee loan', () => {
    const [first] = top('huang-lixing');
    expect(first).toMatchObject({
      projectId: 'jz-greenhouse-vegetable-park',
      status: 'eligible',
      score: 0.95,
      // The individual loan is unknown (other loans unanswered), so half its 30万元 against a typical 30万元.
      breakdown: { suitability: 1, industry: 1, locality: 1, capital: 0.5, land: 1 },
      fundingPolicies: ['cn-guarantee-loan-individual'],
    });
    expect(first!.funding).toEqual([{ policyId: 'cn-guarantee-loan-individual', status: 'unknown', amount: { min: 0, max: 300000, unit: 'CNY' } }]);
  });

  it('leaves 黄立兴\u2019s seedling centre unknown, names the missing answer, and settles it when answered', () => {
    const seedling = top('huang-lixing').find((r) => r.projectId === 'jz-vegetable-seedling-centre')!;
    expect(seedling).toMatchObject({ status: 'unknown', missing: ['business.wageArrears'] });
    expect(seedling.reasons.map((r) => [r.path, r.status])).toEqual([['business.wageArrears', 'unknown']]);
    const answered = structuredClone(seedPerson('huang-lixing').profile) as unknown as { business: Record<string, unknown> };
    answered.business.wageArrears = false;
    const after = pm.recommendProjects(answered, { asOf: ASOF, matcher }).find((r) => r.projectId === 'jz-vegetable-seedling-centre')!;
    expect(after.status).toBe('eligible');
    expect(after.score).toBeGreaterThan(seedling.score);
  });

  it('scores 尹泽宝\u2019s recirculating aquaculture base in full, funded by both guarantee loans, the enterprise one first', () => {
    // With the 400万元 enterprise cap (75号) the cold-chain centre is fundable in full too: the two tie at 1, by id.
    const [cold, houba] = top('yin-zebao');
    expect(cold).toMatchObject({ projectId: 'kz-fish-cold-chain', score: 1 });
    expect(houba).toMatchObject({ projectId: 'kz-houba-recirculating-aquaculture', status: 'eligible', score: 1 });
    expect(houba!.fundingPolicies).toEqual(['cn-guarantee-loan-enterprise', 'cn-guarantee-loan-individual']);
    expect(houba!.funding[0]).toMatchObject({ status: 'eligible', amount: { max: 4000000 } });
  });

  it('explains why a project does not suit, when asked to keep those', () => {
    const all = top('huang-lixing', 50);
    expect(all.map((r) => r.projectId)).not.toContain('fs-passion-fruit-orchard');
    const kept = pm.recommendProjects(seedPerson('huang-lixing').profile, { asOf: ASOF, matcher, includeIneligible: true, limit: 50, locale: 'en' });
    const orchard = kept.find((r) => r.projectId === 'fs-passion-fruit-orchard')!;
    expect(orchard.status).toBe('ineligible');
    expect(orchard.reasons).toEqual([expect.objectContaining({ path: 'land.transferredMu', status: 'fail', text: 'land taken in by transfer: 21 mu; required ≥ 30 mu' })]);
    expect(kept.at(-1)!.status).toBe('ineligible');
  });
});

describe('recommendProjects options', () => {
  const huang = seedPerson('huang-lixing').profile;

  it('keeps to the profile\u2019s province unless asked for all', () => {
    expect(new Set(pm.recommendProjects(huang, { asOf: ASOF, limit: 50 }).map((r) => r.projectId.slice(0, 2)))).toEqual(new Set(['jz']));
    const everywhere = pm.recommendProjects(huang, { asOf: ASOF, limit: 50, scope: 'all' });
    expect(everywhere.some((r) => r.projectId.startsWith('kz-'))).toBe(true);
    expect(everywhere.find((r) => r.projectId.startsWith('kz-'))!.breakdown.locality).toBe(0);
  });

  it('lists no funding and scores capital as unknown without a policy matcher', () => {
    const [first] = recommendProjects(projects, huang, { asOf: ASOF, limit: 1 });
    expect(first).toMatchObject({ fundingPolicies: [], funding: [], breakdown: { capital: 0.5 } });
  });

  it('honours the limit and skips projects not yet open', () => {
    expect(pm.recommendProjects(huang, { asOf: ASOF, limit: 2 })).toHaveLength(2);
    const later = createProjectMatcher([{ ...projects[0]!, validFrom: '2030-01-01' }]);
    expect(later.recommendProjects(huang, { asOf: ASOF, scope: 'all', includeIneligible: true })).toEqual([]);
  });

  it('weighs the parts to a score in [0, 1], best first', () => {
    expect(Object.values(PROJECT_WEIGHTS).reduce((a, b) => a + b, 0)).toBeCloseTo(1);
    fc.assert(
      fc.property(
        fc.record({
          id: fc.constant('p'),
          regionCode: fc.constantFrom('451402', '500154', '152921', '610902', '530602', '451421'),
          groups: fc.subarray(['returning-migrant-worker', 'college-graduate', 'online-merchant', 'veteran']),
          business: fc.record({ form: fc.constantFrom('individual-business', 'cooperative', 'small-micro-enterprise'), industry: fc.subarray(['tea', 'vegetables', 'aquaculture', 'fruit']) }, { requiredKeys: [] }),
          land: fc.record({ transferredMu: fc.nat(3000) }, { requiredKeys: [] }),
        }, { requiredKeys: ['id'] }),
        (profile) => {
          const recs = pm.recommendProjects(profile, { asOf: ASOF, matcher, includeIneligible: true, scope: 'all', limit: 100 });
          const ok = recs.every((r, i) => r.score >= 0 && r.score <= 1 && (i === 0 || recs[i - 1]!.score >= r.score));
          return ok && recs.length === projects.length;
        },
      ),
      { numRuns: 50 },
    );
  });
});
