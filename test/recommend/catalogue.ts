import { cpSync, mkdirSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { basename, join } from 'node:path';
import { createMatcher, pinyinReader, parsePolicies, type Policy } from '../../src/index.js';
import { ROOT } from '../helpers/rules.js';

/** Sample local rules for these tests only: loans, subsidies, land, an award, a site, training. */
export const LOCAL_RULES = `
- id: zt-xiangqing-loan
  kind: loan
  title: { zh-CN: 乡情贷, en: Hometown loan }
  summary: { zh-CN: 昭通市面向返乡创业人员的信用贷款。, en: Credit loan for returnees in Zhaotong. }
  sample: true
  source: { title: 示例规则 }
  regions: ['530600']
  tags: [贷款, 信用贷款, loan]
  synonyms: [乡情贷款]
  exclusive: { group: zt-loans, mode: exclusive }
  eligibility:
    op: all
    of:
      - { op: overlaps, field: groups, values: [returning-migrant-worker] }
      - { op: eq, field: hasOtherLoans, value: false }
  amount: { kind: fixed, value: 300000, upTo: true }
- id: zt-return-loan
  kind: loan
  title: { zh-CN: 返乡创业贷, en: Return-home start-up loan }
  sample: true
  source: { title: 示例规则 }
  regions: ['530600']
  tags: [贷款, loan]
  exclusive: { group: zt-loans, mode: exclusive }
  eligibility:
    op: all
    of:
      - { op: lte, field: returnDate, measure: months-since, value: 36 }
      - { op: present, field: business.form }
  amount: { kind: fixed, value: 500000, upTo: true }
- id: jz-startup-subsidy
  kind: subsidy
  title: { zh-CN: 一次性创业补贴, en: One-off start-up subsidy }
  summary: { zh-CN: 首次创业并正常经营的给予一次性补贴。, en: A one-off grant for a first business in operation. }
  sample: true
  source: { title: 示例规则 }
  regions: ['451402']
  tags: [补贴, 创业补贴, subsidy]
  exclusive: { group: jz-startup, mode: highest }
  eligibility:
    op: all
    of:
      - { op: overlaps, field: groups, values: [returning-migrant-worker, poverty-alleviated] }
      - { op: between, field: business.registeredAt, measure: calendar-months-since, min: 0, max: 23 }
  amount: { kind: fixed, value: 5000 }
- id: jz-graduate-subsidy
  kind: subsidy
  title: { zh-CN: 高校毕业生创业补助, en: Start-up grant for college graduates }
  sample: true
  source: { title: 示例规则 }
  regions: ['451400']
  tags: [补助, subsidy]
  exclusive: { group: jz-startup, mode: highest }
  eligibility: { op: overlaps, field: groups, values: [college-graduate] }
  amount: { kind: fixed, value: 10000 }
- id: kz-land-transfer
  kind: land-transfer
  title: { zh-CN: 土地流转补助, en: Land transfer grant }
  summary: { zh-CN: 流转土地50亩以上、合同5年以上的，每亩补助100元。, en: CNY 100 per mu for 50 mu or more transferred on contracts of 5 years or more. }
  sample: true
  source: { title: 示例规则 }
  regions: ['500154']
  tags: [土地, 流转, land]
  apply: { until: '2026-12-31' }
  eligibility:
    op: all
    of:
      - { op: gte, field: land.transferredMu, value: 50 }
      - { op: gte, field: land.contractYears, value: 5 }
  amount: { kind: per-unit, rate: 100, quantity: land.transferredMu, cap: 200000 }
- id: kz-industry-award
  kind: award
  title: { zh-CN: 产业发展奖励, en: Industry development award }
  sample: true
  source: { title: 示例规则 }
  regions: ['500154']
  tags: [奖励, 奖补, award]
  excludes: [kz-land-transfer]
  eligibility: { op: gte, field: business.employees, value: 30 }
  amount: { kind: fixed, value: 50000 }
- id: ak-incubator
  kind: incubator
  title: { zh-CN: 创业孵化基地入驻, en: Start-up incubator place }
  summary: { zh-CN: 入驻孵化基地，免租金3年。, en: Three years rent-free in an incubator. }
  sample: true
  source: { title: 示例规则 }
  regions: ['610900']
  tags: [场地, 孵化, site]
  eligibility: { op: lte, field: business.registeredAt, measure: calendar-years-since, value: 3 }
  amount: { kind: fixed, value: 20000 }
- id: alxa-training
  kind: training
  title: { zh-CN: 返乡创业培训, en: Start-up training for returnees }
  sample: true
  source: { title: 示例规则 }
  regions: ['152921']
  tags: [培训, training]
  eligibility: { op: overlaps, field: groups, values: [returning-migrant-worker, rural-self-employed] }
`;

/** One source per rule: the list above split at its items and dedented. */
export function localSources(): { name: string; text: string }[] {
  return LOCAL_RULES.split(/\n- /)
    .slice(1)
    .map((item) => {
      const text = item.replace(/\n {2}/g, '\n');
      return { name: `local/${/^id: (\S+)/.exec(text)![1]}.yaml`, text };
    });
}

let cached: Policy[] | undefined;

/** The national rules the pinned rankings were written against; rules added later do not move them. */
const NATIONAL = ['cn-tax-relief-key-groups', 'cn-guarantee-loan-individual', 'cn-guarantee-loan-enterprise'].map((id) => join(ROOT, 'rules', 'national', `${id}.yaml`));

/** rules/national plus the sample local rules above. */
export function catalogue(): Policy[] {
  cached ??= parsePolicies([
    ...NATIONAL.map((f) => ({ name: f, text: readFileSync(f, 'utf8') })),
    ...localSources(),
  ]);
  return cached;
}

export const catalogueMatcher = () => createMatcher(catalogue(), { pinyin: pinyinReader });

/** A rule directory on disk (national rules plus the local samples), for command-line tests. */
export function writeCatalogue(): string {
  const dir = mkdtempSync(join(tmpdir(), 'guiyan-rules-'));
  mkdirSync(join(dir, 'national'));
  for (const f of NATIONAL) cpSync(f, join(dir, 'national', basename(f)));
  mkdirSync(join(dir, 'local'));
  for (const s of localSources()) writeFileSync(join(dir, s.name), s.text);
  return dir;
}
