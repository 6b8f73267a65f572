import { describe, expect, it } from 'vitest';
import { describeEvent } from '../../src/messages/describe.js';
import { matcherOf } from '../screen/helpers.js';
import { engineOf } from '../../src/matcher/create.js';

const matcher = matcherOf();
const loan = engineOf(matcher).compiledById('cn-guarantee-loan-individual')!.policy;
const grant = engineOf(matcher).compiledById('kaizhou-return-start-grant-sample')!.policy;
const base = { profileId: 'p', ruleHash: 'h' };

describe('describeEvent', () => {
  it('names the one missing field and asks its question in the person’s language', () => {
    const e = { ...base, kind: 'needs-info' as const, policyId: loan.id, status: 'unknown' as const, missing: ['hasOtherLoans'], amount: { min: 0, max: 200000, unit: 'CNY' } };
    expect(describeEvent(e, loan, 'zh-CN')).toMatchObject({ title: '个人创业担保贷款', amount: '最高20万元', status: '待确认', question: expect.stringMatching(/^您和配偶/) });
    expect(describeEvent(e, loan, 'en')).toMatchObject({ title: 'Start-up guarantee loan for individuals', amount: 'up to CNY 200,000', question: expect.stringMatching(/^Apart from/) });
  });

  it('carries where to apply and the deadline', () => {
    const e = { ...base, kind: 'window-closing' as const, policyId: grant.id, status: 'eligible' as const, deadline: '2026-06-30', amount: { min: 5000, max: 5000, unit: 'CNY' } };
    expect(describeEvent(e, grant, 'zh-CN')).toMatchObject({ deadline: '2026-06-30', where: '开州区人力社保局', amount: '5000元' });
  });

  it('gives each decisive reason once', () => {
    const e = { ...base, kind: 'newly-eligible' as const, policyId: loan.id, status: 'eligible' as const };
    const explained = matcher.evaluate({ id: 'p', groups: ['veteran'], hasOtherLoans: false }, { asOf: '2026-06-01' }).find((x) => x.policyId === loan.id)!;
    const item = describeEvent(e, loan, 'zh-CN', explained);
    expect(item.reasons!.length).toBeGreaterThan(0);
    expect(new Set(item.reasons).size).toBe(item.reasons!.length);
  });
});
