import type { LocalizedText } from '../core/text.js';

/** The closed lists of the profile vocabulary, with their labels. */
export interface Choice {
  value: string;
  label: LocalizedText;
}

/** Keeps each value's literal type, so a profile's vocabulary fields are unions, not `string`. */
const c = <V extends string>(value: V, zh: string, en: string) => ({ value, label: { 'zh-CN': zh, en } }) satisfies Choice;

export const GROUPS = [
  c('returning-migrant-worker', '返乡农民工', 'returning migrant worker'),
  c('college-graduate', '高校毕业生', 'college graduate'),
  c('veteran', '退役军人', 'veteran'),
  c('self-employed-veteran', '自主就业退役士兵', 'veteran discharged to find their own work (自主就业)'),
  c('registered-unemployed', '登记失业人员', 'registered unemployed'),
  c('employment-difficulty', '就业困难人员', 'person with employment difficulty'),
  c('disabled', '残疾人', 'person with a disability'),
  c('ex-offender', '刑满释放人员', 'released ex-offender'),
  c('poverty-alleviated', '脱贫人口（含防止返贫监测对象）', 'person lifted out of poverty (incl. monitored)'),
  c('rural-self-employed', '农村自主创业农民', 'rural self-employed farmer'),
  c('online-merchant', '网络商户', 'online merchant'),
  c('zero-employment-family', '零就业家庭成员', 'member of a zero-employment family'),
  c('urban-dibao', '城市低保家庭成员', 'member of an urban dibao family'),
  c('returned-overseas-student', '留学回国人员', 'returned overseas student'),
  c('overcapacity-worker', '化解过剩产能企业职工和失业人员', 'worker laid off from overcapacity cutting'),
  c('village-official', '大学生村官', 'college-graduate village official'),
] as const;

export const BUSINESS_FORMS = [
  c('individual-business', '个体工商户', 'individual business'),
  c('small-micro-enterprise', '小微企业', 'small or micro enterprise'),
  c('cooperative', '农民专业合作社', 'farmers\u2019 cooperative'),
  c('family-farm', '家庭农场', 'family farm'),
  c('other', '其他', 'other'),
] as const;

/** How a business is registered: a family farm, say, is usually an individual business or a company. */
export const REGISTRATION_FORMS = [
  c('individual-business', '个体工商户', 'individual business'),
  c('company', '公司（企业法人）', 'company'),
  c('cooperative', '农民专业合作社', 'farmers\u2019 cooperative'),
  c('sole-proprietorship', '个人独资企业', 'sole proprietorship'),
  c('partnership-enterprise', '合伙企业', 'partnership enterprise'),
] as const;

export const NEEDS = [
  c('financing', '融资贷款', 'financing'),
  c('tax', '税费减免', 'tax relief'),
  c('subsidy', '补贴奖励', 'subsidies'),
  c('land', '土地流转', 'land'),
  c('site', '场地厂房', 'premises'),
  c('training', '创业培训', 'training'),
  c('talent', '人才招聘', 'hiring'),
  c('market', '市场销路', 'markets'),
] as const;

export const VAT_TAXPAYER = [
  c('small-scale', '小规模纳税人', 'small-scale VAT taxpayer'),
  c('general', '一般纳税人', 'general VAT taxpayer'),
] as const;

export const GENDERS = [c('male', '男', 'male'), c('female', '女', 'female')] as const;

/** A woman's post, which decides her statutory retirement age (原50岁 workers, 原55岁 cadres and the flexibly employed). */
export const POST_TYPES = [
  c('cadre', '管理或专业技术岗位（原55岁退休）', 'managerial or professional post (formerly retiring at 55)'),
  c('worker', '生产操作岗位（原50岁退休）', 'production or manual post (formerly retiring at 50)'),
  c('flexible', '灵活就业或个体经营（原55岁退休）', 'flexibly employed or self-employed (formerly retiring at 55)'),
] as const;

/** Suggested industries; profiles may name others. */
export const INDUSTRIES = [
  c('tea', '茶叶', 'tea'),
  c('vegetables', '蔬菜', 'vegetables'),
  c('greenhouse', '设施农业', 'greenhouse farming'),
  c('fruit', '水果', 'fruit'),
  c('aquaculture', '水产养殖', 'aquaculture'),
  c('livestock', '畜牧养殖', 'livestock'),
  c('farm-machinery', '农机服务', 'farm machinery services'),
  c('agri-processing', '农产品加工', 'agricultural processing'),
  c('agritourism', '乡村旅游', 'agritourism'),
  c('e-commerce', '电子商务', 'e-commerce'),
  c('catering', '餐饮', 'catering'),
  c('handicraft', '手工艺', 'handicraft'),
  c('manufacturing', '制造业', 'manufacturing'),
  c('logistics', '物流', 'logistics'),
] as const;

export const values = <T extends readonly Choice[]>(list: T) =>
  list.map((x) => x.value) as unknown as [T[number]['value'], ...T[number]['value'][]];
