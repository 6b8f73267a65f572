import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { DEFAULT_WEIGHTS, type Recommendation } from '../../src/index.js';
import { bundle, conflict } from '../../src/recommend/bundle.js';
import { loadFixtures } from '../helpers/rules.js';
import { catalogue, catalogueMatcher } from './catalogue.js';

const m = catalogueMatcher();
const fixtures = new Map(loadFixtures().map((f) => [f.profile.id, f]));
const rank = (id: string, opts = {}) => {
  const f = fixtures.get(id)!;
  return m.recommend(f.profile, { asOf: f.asOf, ...opts });
};
const row = (r: Recommendation) => [r.policyId, r.status, r.score];

describe('recommend on the seed people', () => {
  it('ranks 尹泽宝: the enterprise loan above the land grant above the individual loan, all eligible', () => {
    const r = rank('seed-yin-zebao');
    expect(r.map(row)).toEqual([
      ['cn-guarantee-loan-enterprise', 'eligible', 0.75],
      ['kz-land-transfer', 'eligible', 0.4716],
      ['cn-guarantee-loan-individual', 'eligible', 0.2875],
    ]);
    // The land grant is worth less than the big loan's subsidy but is county-level and closes within the year.
    expect(r[1]!.breakdown).toEqual({ certainty: 1, value: 0.06, need: 1, urgency: 0.4164, locality: 1 });
    expect(r[0]!.breakdown).toEqual({ certainty: 1, value: 1, need: 1, urgency: 0, locality: 0 });
  });

  it('puts an eligible policy above an unknown one with a higher score (黄立兴)', () => {
    const r = rank('seed-huang-lixing');
    expect(r.map(row)).toEqual([
      ['jz-graduate-subsidy', 'eligible', 0.125],
      ['cn-guarantee-loan-individual', 'unknown', 0.1438],
    ]);
    expect(r[1]!.breakdown.need).toBe(1);
    // He graduated in 2021, registered in 2024, and is neither poverty-alleviated nor among the
    // registered unemployed (his groups say so): the key-groups tax relief is settled as not his.
    expect(rank('seed-huang-lixing', { nearMisses: true }).find((x) => x.policyId === 'cn-tax-relief-key-groups')?.status).toBe('ineligible');
  });

  it('ranks unknown policies by certainty × value when nothing else differs (周益宝)', () => {
    const r = rank('seed-zhou-yibao');
    expect(r.map(row)).toEqual([
      ['cn-guarantee-loan-enterprise', 'unknown', 0.1667],
      ['cn-guarantee-loan-individual', 'unknown', 0.0188],
    ]);
    expect(r[0]!.breakdown.certainty).toBeCloseTo(1 / 3, 4);
  });

  it('leaves ineligible policies out unless near misses are asked for', () => {
    expect(rank('seed-yin-zebao').some((r) => r.status === 'ineligible')).toBe(false);
    const withMisses = rank('seed-yin-zebao', { nearMisses: true });
    const misses = withMisses.filter((r) => r.status === 'ineligible');
    expect(misses.map((r) => [r.policyId, r.score, r.nearMiss!.changes.map((c) => c.text)])).toEqual([
      ['cn-tax-relief-key-groups', 0, ['待回答：毕业日期', '经营主体类型需为个体工商户']],
      ['kz-industry-award', 0, ['在职职工人数再增加10人即可达到30人']],
    ]);
  });

  it('honours limit and weights', () => {
    expect(rank('seed-yin-zebao', { limit: 1 }).map((r) => r.policyId)).toEqual(['cn-guarantee-loan-enterprise']);
    const localFirst = rank('seed-yin-zebao', { weights: { value: 0, need: 0, urgency: 0, locality: 1 } });
    expect(localFirst[0]!.policyId).toBe('kz-land-transfer');
    expect(DEFAULT_WEIGHTS).toEqual({ value: 0.5, need: 0.25, urgency: 0.1, locality: 0.15 });
  });

  it('is reproducible: same input, same output, ties broken by policy id', () => {
    const a = rank('seed-liu-xintang');
    expect(rank('seed-liu-xintang')).toEqual(a);
    const flat = m.recommend({ id: 'x' }, { asOf: '2025-06-01', weights: { value: 0, need: 0, urgency: 0, locality: 0 } });
    const unknown = flat.filter((r) => r.status === 'unknown').map((r) => r.policyId);
    expect(unknown).toEqual([...unknown].sort());
  });
});

describe('recommendBundle', () => {
  it('keeps one of two mutually exclusive loans (不重复享受) and says why', () => {
    const p = { id: 'z', regionCode: '530621', groups: ['returning-migrant-worker'], hasOtherLoans: false, returnDate: '2025-01-01', business: { form: 'individual-business' } };
    const b = m.recommendBundle(p, { asOf: '2026-01-01' });
    expect(b.chosen.map((r) => r.policyId)).toContain('zt-return-loan');
    expect(b.setAside).toEqual([{ policyId: 'zt-xiangqing-loan', because: 'zt-return-loan', reason: '与“返乡创业贷”不可重复享受（zt-loans），择优选取' }]);
  });

  it('keeps only the higher of two 就高不就低 subsidies', () => {
    const p = { id: 'j', regionCode: '451402', groups: ['college-graduate', 'returning-migrant-worker'], hasOtherLoans: true, business: { form: 'cooperative', registeredAt: '2025-10-01' } };
    const b = m.recommendBundle(p, { asOf: '2026-01-01', locale: 'en' });
    expect(b.chosen.map((r) => r.policyId)).toEqual(['jz-graduate-subsidy']);
    expect(b.total).toEqual({ min: 10000, max: 10000, unit: 'CNY' });
    expect(b.setAside).toEqual([{ policyId: 'jz-startup-subsidy', because: 'jz-graduate-subsidy', reason: 'only the higher of this and "Start-up grant for college graduates" applies (jz-startup)' }]);
  });

  it('honours `excludes` by keeping the combination worth more', () => {
    const p = { id: 'k', regionCode: '500154', groups: [], business: { form: 'cooperative', employees: 40 }, land: { transferredMu: 100, contractYears: 10 } };
    const b = m.recommendBundle(p, { asOf: '2026-01-01' });
    expect(b.chosen.map((r) => r.policyId)).toEqual(['kz-industry-award']);
    expect(b.setAside).toEqual([{ policyId: 'kz-land-transfer', because: 'kz-industry-award', reason: '与“产业发展奖励”不得同时享受' }]);
  });

  it('chooses a conflict-free set that no exhaustive alternative beats (proof by test)', () => {
    const policies = new Map(catalogue().map((p) => [p.id, p]));
    const ids = ['zt-xiangqing-loan', 'zt-return-loan', 'jz-startup-subsidy', 'jz-graduate-subsidy', 'kz-land-transfer', 'kz-industry-award'];
    const recOf = (id: string, max: number, eligible: boolean): Recommendation => ({
      policyId: id, title: id, status: eligible ? 'eligible' : 'unknown', missing: eligible ? [] : ['x'], reasons: [], amount: { min: 0, max, unit: 'CNY' },
      score: 0, breakdown: { certainty: eligible ? 1 : 0.5, value: 0, need: 0, urgency: 0, locality: 0 },
    });
    fc.assert(
      fc.property(fc.array(fc.tuple(fc.integer({ min: 0, max: 200_000 }), fc.boolean()), { minLength: ids.length, maxLength: ids.length }), (xs) => {
        const recs = ids.map((id, i) => recOf(id, xs[i]![0], xs[i]![1]));
        const b = bundle(recs, policies);
        const chosen = b.chosen.map((r) => policies.get(r.policyId)!);
        for (const a of chosen) for (const c of chosen) if (a !== c) expect(conflict(a, c)).toBeNull();
        const w = (r: Recommendation) => (r.status === 'eligible' ? 1 : 0.5) * (policies.get(r.policyId)!.kind === 'loan' ? 0.1 : 1) * (r.amount!.max / 2);
        let best = 0;
        for (let mask = 0; mask < 1 << recs.length; mask++) {
          const set = recs.filter((_, k) => mask & (1 << k));
          const ok = set.every((a) => set.every((c) => a === c || !conflict(policies.get(a.policyId)!, policies.get(c.policyId)!)));
          if (ok) best = Math.max(best, set.reduce((s, r) => s + w(r), 0));
        }
        expect(b.chosen.reduce((s, r) => s + w(r), 0)).toBeCloseTo(best, 6);
        expect(b.chosen.length + b.setAside.length).toBe(recs.length);
      }),
      { numRuns: 60 },
    );
  });
});
