import type { PolicyKind } from '../policy/schema.js';

/** Words people use for a kind of support, kept as data: a query naming any of them reaches the kinds. */
export interface SynonymEntry {
  terms: readonly string[];
  kinds: readonly PolicyKind[];
}

export const SYNONYMS: readonly SynonymEntry[] = [
  { terms: ['借钱', '融资', '贷款', '借款', '贷', '资金', '周转', '贴息', 'loan', 'loans', 'borrow', 'credit', 'financing', 'finance'], kinds: ['guarantee-loan', 'loan'] },
  { terms: ['补助', '补贴', '奖补', '奖励', '资助', '扶持资金', '发钱', 'subsidy', 'subsidies', 'grant', 'grants', 'award', 'bonus'], kinds: ['subsidy', 'award'] },
  { terms: ['土地', '流转', '用地', '租地', '承包地', 'land', 'land transfer', 'farmland'], kinds: ['land-transfer'] },
  { terms: ['减税', '免税', '税收', '税费', '退税', 'tax', 'taxes', 'tax relief'], kinds: ['tax-relief'] },
  { terms: ['场地', '孵化', '园区', '厂房', '房租', '免租', 'site', 'premises', 'incubator', 'rent'], kinds: ['incubator'] },
  { terms: ['培训', '学技术', '技能', 'training', 'course', 'skills'], kinds: ['training'] },
  { terms: ['服务', '代办', '招工', '销路', 'service', 'hiring', 'market'], kinds: ['service'] },
];
