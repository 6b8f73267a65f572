import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { converse, createMatcher, pinyinReader, parsePolicies, type ConversationState, type ConverseOptions, type Matcher, type Policy } from '../../src/index.js';
import { ROOT } from '../helpers/rules.js';

/** The national rules these tests were written against; rules added later do not move them. */
const NATIONAL = ['cn-tax-relief-key-groups', 'cn-guarantee-loan-individual', 'cn-guarantee-loan-enterprise', 'cn-half-tax-individual-business', 'cn-vat-small-scale-exemption'];

/** Two sample local rules for 江州区: a tea subsidy and a land transfer grant whose amounts grow with the land. */
export const LOCAL_RULES = `
- id: t-tea-subsidy
  kind: subsidy
  title: { zh-CN: 茶园种植补贴, en: Tea planting subsidy }
  summary: { zh-CN: 种茶10亩以上的，每亩补贴300元。, en: CNY 300 per mu for 10 mu of tea or more. }
  sample: true
  source: { title: 江州区返乡创业扶持办法（江政发〔2024〕3号） }
  regions: ['451402']
  tags: [茶叶, 种茶, 茶园, tea]
  eligibility:
    op: all
    of:
      - { op: overlaps, field: business.industry, values: [tea] }
      - { op: gte, field: land.transferredMu, value: 10 }
  amount: { kind: per-unit, rate: 300, quantity: land.transferredMu, cap: 30000, upTo: true }
  apply:
    documents: [{ zh-CN: 茶园面积证明, en: proof of tea acreage }]
- id: t-land-transfer
  kind: land-transfer
  title: { zh-CN: 土地流转奖补, en: Land transfer grant }
  sample: true
  source: { title: 江州区返乡创业扶持办法（江政发〔2024〕3号） }
  regions: ['451402']
  tags: [土地, 流转, land]
  eligibility:
    op: all
    of:
      - { op: gte, field: land.transferredMu, value: 20 }
      - { op: gte, field: land.contractYears, value: 5 }
  amount: { kind: per-unit, rate: 100, quantity: land.transferredMu, cap: 50000 }
  apply:
    where: { zh-CN: 区农业农村局, en: the district agriculture bureau }
    documents: [{ zh-CN: 土地流转合同, en: land transfer contract }]
`;

let cached: Policy[] | undefined;

/** The rule files: five national ones from rules/national, and the local samples above one a file. */
export function policySources(): { name: string; text: string }[] {
  return [
    ...NATIONAL.map((id) => ({ name: `national/${id}.yaml`, text: readFileSync(join(ROOT, 'rules', 'national', `${id}.yaml`), 'utf8') })),
    ...LOCAL_RULES.split(/\n- /)
      .slice(1)
      .map((item, i) => ({ name: `local/${i}.yaml`, text: item.replace(/\n {2}/g, '\n') })),
  ];
}

export function policies(): Policy[] {
  cached ??= parsePolicies(policySources());
  return cached;
}

let matcher: Matcher | undefined;
export const testMatcher = (): Matcher => (matcher ??= createMatcher(policies(), { pinyin: pinyinReader }));

export const AS_OF = '2026-06-01';

export interface Turn {
  inbound: string;
  reply: string | null;
  state: ConversationState;
}

/** Plays inbound lines through `converse`, keeping every turn. */
export function play(lines: readonly string[], opts: Omit<ConverseOptions, 'matcher'> & { matcher?: Matcher }, start?: ConversationState): Turn[] {
  let state = start;
  const turns: Turn[] = [];
  for (const inbound of lines) {
    const r = converse(state, inbound, { matcher: testMatcher(), asOf: AS_OF, ...opts });
    state = r.state;
    turns.push({ inbound, reply: r.reply, state: r.state });
  }
  return turns;
}
