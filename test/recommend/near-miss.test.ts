import { describe, expect, it } from 'vitest';
import { carriedBy } from '../../src/recommend/index.js';
import { rulesMatcher } from '../helpers/rules.js';

const m = rulesMatcher();
const firm = (employees: number, hires: number) => ({ id: 'f', business: { form: 'small-micro-enterprise', employees, newHiresFromGroups: hires, wageArrears: false } });
const texts = (profile: unknown, policyId: string, asOf: string, locale: 'zh-CN' | 'en' = 'zh-CN') =>
  m.nearMiss(profile, policyId, { asOf, locale })?.changes.map((c) => c.text);

describe('near misses on the national rules', () => {
  it.each([
    // Under 21号's 15% / 8% (2022): hires join the staff, so 14/100 needs 2 more: 16/102 (the 8% branch then holds too)
    [firm(100, 14), 'zh-CN', ['再招用2名符合条件人员即可达到15%']],
    [firm(20, 1), 'zh-CN', ['再招用3名符合条件人员即可达到15%']],
    [firm(20, 1), 'en', ['hire 3 more people from the covered groups to reach 15%']],
    [firm(200, 10), 'zh-CN', ['再招用7名符合条件人员即可达到8%']],
  ] as const)('a firm short of the hiring share is told how many more to hire (%#)', (profile, locale, want) => {
    expect(texts(profile, 'cn-guarantee-loan-enterprise', '2022-06-01', locale)).toEqual(want);
  });

  it('a waiting period gives the date from which the policy applies', () => {
    const p = { id: 'u', regionCode: '152921', business: { form: 'cooperative', industry: ['farm-machinery'], registeredAt: '2025-06-15', employees: 6 } };
    const miss = m.nearMiss(p, 'alxa-farm-machinery-subsidy', { asOf: '2026-01-10', locale: 'en' })!;
    expect(miss.changes).toMatchObject([{ path: 'business.registeredAt', kind: 'wait', from: '2026-06-15' }]);
    expect(miss.changes[0]!.text).toMatch(/^eligible from 2026-06-15/);
    expect(texts(p, 'alxa-farm-machinery-subsidy', '2026-01-10')![0]).toMatch(/^自2026-06-15起符合/);
  });

  it('no waiting helps a condition judged at a past day (half a year of unemployment when the business was registered)', () => {
    const p = { id: 'u', groups: ['registered-unemployed'], unemployedSince: '2025-09-01', graduationDate: null, business: { form: 'individual-business', registeredAt: '2025-10-01' } };
    const miss = m.nearMiss(p, 'cn-tax-relief-key-groups', { asOf: '2025-12-01', locale: 'en' });
    expect(miss?.changes.filter((c) => c.kind === 'wait') ?? []).toEqual([]);
  });

  it('a graduate who registered in the graduation year is told only when the 36 months end (the group was settled at registration)', () => {
    const p = { id: 'g', groups: ['college-graduate'], graduationDate: '2025-06-30', business: { form: 'individual-business', registeredAt: '2025-07-15' } };
    const miss = m.nearMiss(p, 'cn-tax-relief-key-groups', { asOf: '2025-08-01' })!;
    expect(miss.changes).toEqual([]);
    expect(miss.deadlines.map((d) => [d.path, d.until, d.text])).toEqual([['business.registeredAt', '2028-06-30', '按登记注册日期计，2028-06-30前（含）可享受']]);
  });

  it('a list condition names the values that would qualify', () => {
    const p = { id: 'l', groups: [], hasOtherLoans: false };
    expect(m.nearMiss(p, 'cn-guarantee-loan-individual', { asOf: '2025-06-01' })!.changes).toMatchObject([
      { path: 'groups', kind: 'choose', values: expect.arrayContaining(['returning-migrant-worker', 'veteran']) },
    ]);
    expect(texts(p, 'cn-guarantee-loan-individual', '2025-06-01')![0]).toMatch(/^人员类别含以下任一项：登记失业人员、就业困难人员、残疾人等14项即可符合$/);
  });

  it('an unknown policy lists the answers still needed', () => {
    expect(texts({ id: 'q', groups: ['veteran'] }, 'cn-guarantee-loan-individual', '2025-06-01', 'en')).toEqual([
      'answer: other loans held by applicant or spouse (beyond student, poverty-relief, housing, car and consumer loans under CNY 50,000)',
    ]);
  });

  it('nothing to change or wait for gives null (the 36 months are over)', () => {
    const p = { id: 'o', groups: ['poverty-alleviated'], business: { form: 'individual-business', registeredAt: '2020-01-01' } };
    expect(m.nearMiss(p, 'cn-tax-relief-key-groups', { asOf: '2025-06-01' })).toBeNull();
  });
});

describe('carriedBy', () => {
  it('picks the passing conditions of an eligible verdict and the failing ones of an ineligible verdict', () => {
    const [ok] = m.evaluate(firm(20, 4), { asOf: '2022-06-01' }).filter((e) => e.policyId === 'cn-guarantee-loan-enterprise');
    expect(carriedBy(ok!).map((r) => [r.path, r.status])).toEqual([
      ['business.form', 'pass'],
      ['business.employees', 'pass'],
      ['business.newHiresFromGroups', 'pass'],
    ]);
    const [no] = m.evaluate(firm(20, 1), { asOf: '2022-06-01', locale: 'en' }).filter((e) => e.policyId === 'cn-guarantee-loan-enterprise');
    expect(carriedBy(no!).map((r) => r.text)).toEqual([
      'hires from the loan’s covered groups in the past year/current staff: 5%; required ≥ 15%',
      'current staff: 20 people; required > 100 people',
    ]);
  });
});
