import { describe, expect, it } from 'vitest';
import { parsePolicies, PolicyValidationError } from '../../src/index.js';
import { lintSources } from '../../src/lint/index.js';

/** A national rule whose yearly cap regions may raise by up to 20%. */
const NATIONAL = `id: cap-rule
kind: tax-relief
title: { zh-CN: 测试 }
source: { title: 某某公告（公告2023年第15号）, issuer: 财政部, date: 2023-08-02, reviewed: 2026-01-01, documents: [{ number: 公告2023年第15号, title: 某某公告 }] }
parameters:
  annualCap:
    values:
      - { from: 2023-01-01, value: 20000, source: 公告2023年第15号 第一条 }
      - { from: 2025-01-01, value: 25000, source: 公告2023年第15号 第一条 }
    localRange: { maxTimes: 1.2, clause: 公告2023年第15号 第一条 }
  fixedCap:
    values: [{ from: 2023-01-01, value: 1, source: 公告2023年第15号 第一条 }]
eligibility: { op: eq, field: hasOtherLoans, value: false, clause: 第一条 }
amount: { kind: per-year, perYear: { param: annualCap }, years: 3 }
`;

const overlay = (body: string, id = 'cq-cap') => `id: ${id}
overlays: cap-rule
sample: true
source: { title: 示例 }
${body}`;

const CQ = overlay(`regions: ['500000']
parameters:
  annualCap:
    values: [{ from: 2023-01-01, value: 24000 }, { from: 2025-01-01, value: 30000 }]`);

function issues(...texts: string[]) {
  try {
    parsePolicies(texts.map((text, i) => ({ name: `r${i}.yaml`, text })));
    return [];
  } catch (e) {
    if (!(e instanceof PolicyValidationError)) throw e;
    return e.issues.map((i) => [i.file, i.code, i.path.join('.'), i.line] as const);
  }
}

describe('overlay files', () => {
  it('attach to the policy they name, which keeps its place in the catalogue', () => {
    const policies = parsePolicies([
      { name: 'a.yaml', text: CQ },
      { name: 'b.yaml', text: NATIONAL },
    ]);
    expect(policies.map((p) => p.id)).toEqual(['cap-rule']);
    expect(policies[0]!.overlays?.map((o) => [o.id, o.file, o.regions])).toEqual([['cq-cap', 'a.yaml', ['500000']]]);
  });

  it.each([
    ['an unknown policy', [overlay(`regions: ['500000']\nparameters: { annualCap: { values: [{ from: 2023-01-01, value: 24000 }] } }`).replace('overlays: cap-rule', 'overlays: no-such-rule')], [['r1.yaml', 'unknown_policy', 'overlays', 2]]],
    ['an unknown parameter', [overlay(`regions: ['500000']\nparameters:\n  yearlyCap:\n    values: [{ from: 2023-01-01, value: 24000 }]`)], [['r1.yaml', 'unknown_parameter', 'parameters.yearlyCap', 8]]],
    ['a parameter regions may not set', [overlay(`regions: ['500000']\nparameters:\n  fixedCap:\n    values: [{ from: 2023-01-01, value: 1 }]`)], [['r1.yaml', 'parameter_not_local', 'parameters.fixedCap', 8]]],
    ['one region fixed twice', [CQ, CQ.replace('id: cq-cap', 'id: cq-cap-2')], [['r2.yaml', 'overlay_conflict', 'regions.0', 5]]],
    ['a region that does not exist', [overlay(`regions: ['509999']\nparameters: { annualCap: { values: [{ from: 2023-01-01, value: 24000 }] } }`)], [['r1.yaml', 'invalid_region', 'regions.0', 5]]],
    ['a step without a figure', [overlay(`regions: ['500000']\nparameters: { annualCap: { values: [{ from: 2023-01-01, value: null }] } }`)], [['r1.yaml', 'unset_parameter', 'parameters.annualCap.values.0.value', 6]]],
  ])('report %s with file, path and line', (_what, texts, expected) => {
    expect(issues(NATIONAL, ...texts)).toEqual(expected);
  });

  it('must stay inside a regional policy', () => {
    const regional = NATIONAL.replace('id: cap-rule', "id: cap-rule\nregions: ['450000']");
    expect(issues(regional, CQ)).toEqual([['r1.yaml', 'overlay_outside_policy', 'regions.0', 5]]);
  });

  it('may not be read by a condition', () => {
    const reads = NATIONAL.replace('eligibility: { op: eq, field: hasOtherLoans, value: false, clause: 第一条 }', 'eligibility: { op: lte, field: business.employees, value: { param: annualCap } }');
    expect(issues(reads)).toEqual([['r0.yaml', 'local_parameter_in_condition', 'eligibility.value', 13]]);
  });
});

describe('guiyan lint on overlays', () => {
  const lint = (text: string) =>
    lintSources(
      [
        { name: 'national.yaml', text: NATIONAL },
        { name: 'o.yaml', text },
      ],
      { asOf: '2026-06-01' },
    )
      .filter((f) => f.file === 'o.yaml')
      .map((f) => [f.severity, f.code, f.path.join('.'), f.line] as const);

  it.each([
    ['nothing in a figure within the range', CQ, []],
    ['a figure above the national bound', CQ.replace('24000', '24001'), [['error', 'overlay_out_of_range', 'parameters.annualCap.values.0.value', 8]]],
    ['a figure below the national value', CQ.replace('24000', '19999'), [['error', 'overlay_out_of_range', 'parameters.annualCap.values.0.value', 8]]],
    // 24000 is within 20000–24000 in 2023 but below the national 25000 from 2025.
    ['a figure the national value overtakes later', CQ.replace(', { from: 2025-01-01, value: 30000 }', ''), [['error', 'overlay_out_of_range', 'parameters.annualCap.values.0.value', 8]]],
    ['an official step without a source', CQ.replace('sample: true', 'sample: false').replace('source: { title: 示例 }', 'source: { title: 某某通知（渝财规〔2023〕1号）, documents: [{ number: 渝财规〔2023〕1号, title: 某某通知 }] }'), [['error', 'unsourced_parameter', 'parameters.annualCap.values.0', 8], ['error', 'unsourced_parameter', 'parameters.annualCap.values.1', 8]]],
    ['an official overlay without documents', CQ.replace('sample: true', 'sample: false').replace('value: 24000 }', 'value: 24000, source: 某某通知 一 }').replace('value: 30000 }', 'value: 30000, source: 某某通知 一 }'), [['error', 'provenance_missing', 'source.documents', 4]]],
    ['a link error as an error of the overlay file', CQ.replace('annualCap', 'yearlyCap'), [['error', 'unknown_parameter', 'parameters.yearlyCap', 8]]],
  ])('%s', (_what, text, expected) => {
    expect(lint(text)).toEqual(expected);
  });
});
