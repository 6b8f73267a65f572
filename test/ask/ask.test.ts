import { describe, expect, it } from 'vitest';
import { applyAnswer, type Profile } from '../../src/index.js';
import { loadFixtures } from '../helpers/rules.js';
import { catalogueMatcher } from '../recommend/catalogue.js';
import { fixedOrder, guiyan, interview } from './session.js';

const m = catalogueMatcher();
const fixtures = loadFixtures();
const statuses = (p: unknown, asOf: string) => m.evaluate(p, { asOf, mode: 'verdict', scope: 'applicable' }).map((e) => [e.policyId, e.status]);

describe('nextQuestion', () => {
  it('asks where the business is first when nothing is known: every local policy hangs on it', () => {
    const q = m.nextQuestion({ id: 'n' }, { asOf: '2026-06-01' })!;
    expect(q).toMatchObject({ field: 'regionCode', kind: 'region' });
    expect(q.settles).toEqual(['ak-incubator', 'alxa-training', 'jz-graduate-subsidy', 'jz-startup-subsidy', 'kz-industry-award', 'kz-land-transfer', 'zt-return-loan', 'zt-xiangqing-loan']);
  });

  it('offers the options of a choice field in the locale', () => {
    const q = m.nextQuestion({ id: 'n', regionCode: '500154' }, { asOf: '2026-06-01', locale: 'en' })!;
    expect(q.field).toBe('business.form');
    expect(q.kind).toBe('choice');
    expect(q.text).toBe('What form does your business take?');
    expect(q.options![0]).toEqual({ value: 'individual-business', label: 'individual business' });
  });

  it('weighs value, not just counts: a field deciding the 300万 loan beats one deciding a small grant', () => {
    const p = { id: 'v', regionCode: '500154', groups: [], business: { form: 'small-micro-enterprise', employees: 20, newHiresFromGroups: 5 }, land: { transferredMu: 60 } };
    const q = m.nextQuestion(p, { asOf: '2026-06-01' })!;
    expect(q.field).toBe('business.wageArrears');
    expect(q.settles).toEqual(['cn-guarantee-loan-enterprise']);
  });

  it('counts an answer that fails one of two open conditions as settling (Kleene all)', () => {
    // Both land fields are open; a small area settles the grant as ineligible on its own.
    const p = { id: 'k', regionCode: '500154', groups: [], hasOtherLoans: true, business: { form: 'cooperative', employees: 5 } };
    const q = m.nextQuestion(p, { asOf: '2026-06-01' })!;
    expect(q.field).toBe('land.transferredMu');
    expect(q.settles).toEqual(['kz-land-transfer']);
  });

  it('is null when nothing an answer could change remains', () => {
    const yin = fixtures.find((f) => f.profile.id === 'seed-yin-zebao')!;
    expect(m.nextQuestion(yin.profile, { asOf: yin.asOf })).toBeNull();
    const huang = fixtures.find((f) => f.profile.id === 'seed-huang-lixing')!;
    // His groups (no registered-unemployed among them) settle the unemployment date, so the loan's question is next.
    expect(m.nextQuestion(huang.profile, { asOf: huang.asOf })?.field).toBe('hasOtherLoans');
    // Fields asked and left unanswered are not asked again.
    expect(m.nextQuestion(huang.profile, { asOf: huang.asOf, skip: ['hasOtherLoans'] })).toBeNull();
  });

  it('settles every fixture in fewer questions on average than a fixed field order', () => {
    let ours = 0;
    let fixed = 0;
    for (const f of fixtures) {
      const a = interview(m, f.profile, guiyan(m, f.asOf));
      const b = interview(m, f.profile, fixedOrder(m, f.asOf));
      // Both end where the full profile ends: every policy an answer could decide is decided.
      expect(statuses(a.profile, f.asOf)).toEqual(statuses(f.profile, f.asOf));
      expect(statuses(b.profile, f.asOf)).toEqual(statuses(f.profile, f.asOf));
      ours += a.asked.length;
      fixed += b.asked.length;
    }
    ours /= fixtures.length;
    fixed /= fixtures.length;
    console.log(`questions to settle ${fixtures.length} fixture profiles: guiyan ${ours.toFixed(2)} on average, fixed order ${fixed.toFixed(2)}`);
    expect(ours).toBeLessThan(fixed);
  });
});

describe('applyAnswer', () => {
  const base = { id: 'a' } as Profile;
  it.each([
    ['hasOtherLoans', '是', true],
    ['hasOtherLoans', '没有', false],
    ['hasOtherLoans', 'No.', false],
    ['business.wageArrears', '有', true],
    ['business.employees', '35', 35],
    ['business.employees', '12人', 12],
    ['land.transferredMu', '20亩', 20],
    ['business.monthlySales', '3万', 30000],
    ['business.monthlySales', '3.5万元', 35000],
    ['unemployedSince', '2023年6月', '2023-06-01'],
    ['unemployedSince', '2023年6月5日', '2023-06-05'],
    ['unemployedSince', '2023-06-01', '2023-06-01'],
    ['unemployedSince', '2023.6', '2023-06-01'],
    ['unemployedSince', '2023/6/5', '2023-06-05'],
    ['unemployedSince', '无', null],
    ['business.registeredAt', '否', null],
    ['business.registeredAt', '还没登记', null],
    ['graduationDate', 'not yet', null],
    ['graduationDate', 'none', null],
    ['groups', '没有', []],
    ['groups', '1,3', ['returning-migrant-worker', 'veteran']],
    ['groups', '1 3', ['returning-migrant-worker', 'veteran']],
    ['groups', '返乡农民工、退役军人', ['returning-migrant-worker', 'veteran']],
    ['business.form', '2', 'small-micro-enterprise'],
    ['business.form', '个体工商户', 'individual-business'],
    ['business.form', 'family farm', 'family-farm'],
    ['regionCode', '开州区', '500154'],
    ['regionCode', '开州', '500154'],
    ['regionCode', 'Jiangzhou District', '451402'],
    ['regionCode', '530621', '530621'],
  ] as const)('reads %s = "%s"', (field, text, want) => {
    const r = applyAnswer(base, field, text);
    expect(r).toMatchObject({ ok: true, value: want });
    if (r.ok) expect(field.split('.').reduce<unknown>((o, k) => (o as Record<string, unknown>)[k], r.profile)).toEqual(want);
  });

  it.each([
    ['hasOtherLoans', '也许', 'not-boolean', '是'],
    ['business.employees', '很多', 'not-number', '20人'],
    ['business.employees', '3.5', 'invalid', ''],
    ['unemployedSince', '去年', 'not-date', '2023年6月'],
    ['unemployedSince', '2023年13月', 'not-date', '2023年6月'],
    ['birthDate', '无', 'not-date', '2023年6月'],
    ['business.form', '9', 'not-choice', '1'],
    ['groups', '1,99', 'not-choice', '1,3'],
    ['regionCode', '火星', 'not-region', '开州区'],
    ['hasOtherLoans', '  ', 'empty', '是'],
    ['nope', '是', 'unknown-field', ''],
  ] as const)('refuses %s = "%s" with %s and an example', (field, text, code, example) => {
    const r = applyAnswer(base, field, text);
    expect(r).toMatchObject({ ok: false, code, example });
    if (!r.ok) expect(r.message.length).toBeGreaterThan(0);
  });

  it('answers in English with English messages, and leaves the input profile untouched', () => {
    const r = applyAnswer(base, 'hasOtherLoans', 'maybe', { locale: 'en' });
    expect(r).toMatchObject({ ok: false, message: 'please reply yes or no', example: 'yes' });
    const p = { id: 'b', business: { form: 'cooperative' } } as Profile;
    const r2 = applyAnswer(p, 'business.employees', '5');
    expect(p).toEqual({ id: 'b', business: { form: 'cooperative' } });
    expect(r2).toMatchObject({ ok: true, profile: { id: 'b', business: { form: 'cooperative', employees: 5 } } });
  });
});
