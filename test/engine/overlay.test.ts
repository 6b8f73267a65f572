import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { dayOf } from '../../src/core/dates.js';
import { createMatcher, parsePolicies, parseProfile } from '../../src/index.js';
import { compileCatalogue } from '../../src/engine/index.js';
import { referenceEvaluateAll } from '../../src/engine/reference.js';

/** A yearly figure regions may raise by up to 20%, paid exactly (no upTo), so the range shows. */
const NATIONAL = `id: cap-rule
kind: tax-relief
title: { zh-CN: 测试 }
sample: true
source: { title: 示例 }
parameters:
  annualCap:
    unit: CNY
    description: { zh-CN: 每户每年扣减限额, en: yearly cap per household }
    values: [{ from: 2023-01-01, value: 20000 }]
    localRange: { maxTimes: 1.2 }
  years:
    values: [{ from: 2023-01-01, value: 3 }]
eligibility: { op: eq, field: hasOtherLoans, value: false }
amount: { kind: per-year, perYear: { param: annualCap }, years: { param: years } }
`;
const overlay = (id: string, region: string, steps: string, sample = true) =>
  `id: ${id}\noverlays: cap-rule\nsample: ${sample}\nsource: { title: 示例 }\nregions: ['${region}']\nparameters:\n  annualCap:\n    values: [${steps}]\n`;
const OVERLAYS = [
  overlay('cq-cap', '500000', '{ from: 2024-01-01, value: 24000 }', false),
  // A county's own figure wins over its province's.
  overlay('kz-cap', '500154', '{ from: 2024-01-01, value: 21000 }, { from: 2026-01-01, value: 22000 }'),
];
const policies = parsePolicies([NATIONAL, ...OVERLAYS].map((text, i) => ({ name: `r${i}.yaml`, text })));
const matcher = createMatcher(policies);

describe('a parameter regions may set', () => {
  it.each([
    ['a province with an overlay gets its figure', '500101', '2024-06-01', 72000, 72000, '重庆市：每户每年扣减限额2.4万元'],
    ['a county overlay wins over the province', '500154', '2024-06-01', 63000, 63000, '开州区：每户每年扣减限额2.1万元（示例数值，未核实）'],
    ['the overlay figure in force on the day', '500154', '2026-06-01', 66000, 66000, '开州区：每户每年扣减限额2.2万元（示例数值，未核实）'],
    ['before the overlay starts, the national range', '500101', '2023-06-01', 60000, 72000, '未有本地标准，按全国幅度：每户每年扣减限额2万元至2.4万元（各省在此幅度内确定）'],
    ['a province without an overlay gets the national range', '451402', '2024-06-01', 60000, 72000, '未有本地标准，按全国幅度：每户每年扣减限额2万元至2.4万元（各省在此幅度内确定）'],
    ['an unknown region gets the national range', undefined, '2024-06-01', 60000, 72000, '未有本地标准，按全国幅度：每户每年扣减限额2万元至2.4万元（各省在此幅度内确定）'],
  ])('%s', (_what, regionCode, asOf, min, max, basis) => {
    const profile = { id: 'p', hasOtherLoans: false, ...(regionCode ? { regionCode } : {}) };
    for (const mode of ['explain', 'verdict'] as const) {
      const [e] = matcher.evaluate(profile, { asOf, mode });
      // The region decides only the amount: the verdict does not wait for it.
      expect(e).toMatchObject({ status: 'eligible', missing: [], amount: { min, max, unit: 'CNY' }, amountBasis: basis });
    }
    const [r] = referenceEvaluateAll(policies, parseProfile(profile), dayOf(asOf));
    expect(r).toMatchObject({ status: 'eligible', missing: [], amount: { min, max, unit: 'CNY' } });
  });

  it('says in English which figure applied', () => {
    const [e] = matcher.evaluate({ id: 'p', hasOtherLoans: false, regionCode: '500101' }, { asOf: '2024-06-01', locale: 'en' });
    expect(e?.amountBasis).toBe('Chongqing: yearly cap per household CNY 24,000');
  });

  it('is the same for many people in mixed places, in any order, as for each alone', () => {
    const regions = ['500101', '500154', '451402', undefined, '152921'];
    fc.assert(
      fc.property(fc.array(fc.constantFrom(...regions), { maxLength: 8 }), (order) => {
        const profiles = order.map((r) => ({ id: 'p', hasOtherLoans: false, ...(r ? { regionCode: r } : {}) }));
        const alone = profiles.map((p) => createMatcher(policies).evaluate(p, { asOf: '2024-06-01', mode: 'verdict' }));
        expect(matcher.evaluateMany(profiles, { asOf: '2024-06-01', mode: 'verdict' })).toEqual(alone);
      }),
      { numRuns: 30 },
    );
  });

  it('leaves an ineligible person without an amount or basis', () => {
    const [e] = matcher.evaluate({ id: 'p', hasOtherLoans: true, regionCode: '500101' }, { asOf: '2024-06-01' });
    expect(e).toMatchObject({ status: 'ineligible' });
    expect(e?.amountBasis).toBeUndefined();
  });
});

describe('a rule with overlays', () => {
  const hash = (overlays: { name: string; text: string }[]) => compileCatalogue(parsePolicies([{ name: 'n.yaml', text: NATIONAL }, ...overlays])).ruleHashes()['cap-rule'];

  it('changes its content hash when an overlay figure changes, not when the file moves', () => {
    const base = hash([{ name: 'a/cq.yaml', text: OVERLAYS[0]! }]);
    expect(hash([{ name: 'b/elsewhere.yaml', text: OVERLAYS[0]! }])).toBe(base);
    expect(hash([{ name: 'a/cq.yaml', text: OVERLAYS[0]!.replace('24000', '23000') }])).not.toBe(base);
    expect(hash([])).not.toBe(base);
  });
});
