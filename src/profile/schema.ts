import * as z from 'zod';
import { isIsoDate } from '../core/dates.js';
import { isRegionCode } from '../regions/codes.js';
import type { LocalizedText } from '../core/text.js';
import { BUSINESS_FORMS, GENDERS, GROUPS, POST_TYPES, INDUSTRIES, NEEDS, REGISTRATION_FORMS, VAT_TAXPAYER, values, type Choice } from './vocabulary.js';

/** What the engine knows of a profile field besides its type: how to name it and ask for it. */
export interface FieldMeta {
  kind: 'boolean' | 'number' | 'date' | 'choice' | 'choices' | 'region' | 'strings' | 'string';
  label: LocalizedText;
  question?: LocalizedText;
  options?: readonly Choice[];
  /** Options are suggestions; other values are allowed. */
  openOptions?: boolean;
  unit?: LocalizedText;
  /** Whole numbers only (counts of people). */
  integer?: boolean;
  personal?: boolean;
}

export const fieldRegistry = z.registry<FieldMeta>();

const t = (zh: string, en: string): LocalizedText => ({ 'zh-CN': zh, en });
/** Registers a fresh copy, so shared base schemas (dates, region codes) keep one entry per field. */
const meta = <S extends z.ZodType>(schema: S, m: FieldMeta): S => {
  const own = schema.clone() as S;
  fieldRegistry.add(own, m);
  return own;
};

export const MAX_LIST = 64;

export const IsoDate = z
  .string()
  .refine(isIsoDate, { message: 'expected a real date as YYYY-MM-DD', abort: true });
export const RegionCode = z.string().regex(/^\d{6}$/, 'expected a 6-digit GB/T 2260 region code');
/** A profile's region: a code of the national division table (province, prefecture or county), not just six digits. Rule files check theirs with their own issue code. */
const KnownRegionCode = RegionCode.refine(isRegionCode, { message: 'not a code in the national division table (GB/T 2260)', abort: true });

/**
 * An approximate answer: every value from `min` to `max` (inclusive) is possible ("大概80亩",
 * "去年回来的"). The engine decides a condition on it when every value gives the same outcome.
 */
export function approximate<T extends number | string>(value: z.ZodType<T>) {
  return z.strictObject({ min: value, max: value }).refine((r) => r.min <= r.max, { message: 'min must not be above max', path: ['max'] });
}

/** An ISO date, or a range of them. */
const DateAnswer = z.union([IsoDate, approximate(IsoDate)]);

const date = (label: LocalizedText, question: LocalizedText) =>
  meta(DateAnswer.nullable(), { kind: 'date', label, question }).optional();
const bool = (label: LocalizedText, question: LocalizedText) => meta(z.boolean(), { kind: 'boolean', label, question }).optional();
const Count = z.number().int().min(0).max(1e9);
const Quantity = z.number().finite().min(0).max(1e12);
const count = (label: LocalizedText, question: LocalizedText, unit: LocalizedText) =>
  meta(z.union([Count, approximate(Count)]), { kind: 'number', label, question, unit, integer: true }).optional();
const amount = (label: LocalizedText, question: LocalizedText, unit: LocalizedText) =>
  meta(z.union([Quantity, approximate(Quantity)]), { kind: 'number', label, question, unit }).optional();
const choice = <L extends readonly Choice[]>(list: L, label: LocalizedText, question: LocalizedText) =>
  meta(z.enum(values(list)), { kind: 'choice', label, question, options: list }).optional();
const choices = <L extends readonly Choice[]>(list: L, label: LocalizedText, question: LocalizedText) =>
  meta(z.array(z.enum(values(list))).max(MAX_LIST), { kind: 'choices', label, question, options: list }).optional();
const region = (label: LocalizedText, question: LocalizedText) => meta(KnownRegionCode, { kind: 'region', label, question }).optional();

export const BusinessSchema = z.strictObject({
  form: choice(BUSINESS_FORMS, t('经营主体类型', 'business form'), t('您的经营主体是哪一类？', 'What form does your business take?')),
  registeredAt: date(t('登记注册日期', 'registration date'), t('营业执照是哪天登记的？（如2023年6月1日；还没登记请回“没有”）', 'When was the business registered? (e.g. 2023-06-01; reply "none" if not yet)')),
  regionCode: region(t('经营所在地', 'business location'), t('经营场所在哪个县区？', 'Which county is the business in?')),
  industry: meta(z.array(z.string().min(1).max(40)).max(MAX_LIST), {
    kind: 'choices',
    label: t('所属行业', 'industry'),
    question: t('您做的是哪个行业？', 'Which industry are you in?'),
    options: INDUSTRIES,
    openOptions: true,
  }).optional(),
  employees: count(t('在职职工人数', 'current staff'), t('现在有多少名在职职工？', 'How many staff do you employ now?'), t('人', 'people')),
  newHiresFromGroups: count(
    t('近一年新招用符合创业担保贷款条件人员数', 'hires from the loan\u2019s covered groups in the past year'),
    t('申请前一年内新招用了几名符合创业担保贷款条件的人员（签1年以上劳动合同）？', 'In the year before applying, how many people from the loan\u2019s covered groups did you hire on contracts of a year or more?'),
    t('人', 'people'),
  ),
  hiresPovertyAlleviated: count(
    t('招用脱贫人口人数（1年以上合同并缴社保）', 'hired people lifted out of poverty (contract of a year or more, social insurance paid)'),
    t('现有职工中有几名脱贫人口（含防止返贫监测对象）签了1年以上劳动合同并缴纳社保？（没有请回0）', 'How many of your staff are people lifted out of poverty (incl. monitored) on contracts of a year or more with social insurance paid? (0 if none)'),
    t('人', 'people'),
  ),
  hiresUnemployedHalfYear: count(
    t('招用登记失业半年以上人员人数（1年以上合同并缴社保）', 'hired people registered unemployed for half a year or more (contract of a year or more, social insurance paid)'),
    t('现有职工中有几名是招用时已登记失业半年以上、持《就业创业证》的人员，签了1年以上劳动合同并缴纳社保？（没有请回0）', 'How many of your staff were registered unemployed for half a year or more when hired (with the employment certificate), on contracts of a year or more with social insurance paid? (0 if none)'),
    t('人', 'people'),
  ),
  hiresSelfEmployedVeterans: count(
    t('招用自主就业退役士兵人数（1年以上合同并缴社保）', 'hired self-employed veterans (contract of a year or more, social insurance paid)'),
    t('现有职工中有几名自主就业退役士兵签了1年以上劳动合同并缴纳社保？（没有请回0）', 'How many of your staff are veterans discharged to find their own work (自主就业退役士兵), on contracts of a year or more with social insurance paid? (0 if none)'),
    t('人', 'people'),
  ),
  wageArrears: bool(t('拖欠工资或社保等严重失信记录', 'record of wage arrears or unpaid social insurance'), t('企业有没有拖欠工资、欠缴社保等严重失信记录？', 'Does the business have a record of wage arrears or unpaid social insurance?')),
  vatTaxpayer: choice(VAT_TAXPAYER, t('增值税纳税人类型', 'VAT taxpayer type'), t('增值税是小规模纳税人还是一般纳税人？', 'Is the business a small-scale or a general VAT taxpayer?')),
  monthlySales: amount(t('月销售额', 'monthly sales'), t('平均每月销售额大约多少元？', 'About how much are monthly sales, in yuan?'), t('元', 'CNY')),
  annualTaxableIncome: amount(t('年应纳税所得额', 'annual taxable income'), t('一年的应纳税所得额大约多少元？', 'About how much is annual taxable income, in yuan?'), t('元', 'CNY')),
  totalAssets: amount(t('资产总额', 'total assets'), t('企业资产总额大约多少元？（按全年季度平均）', 'About how much are the total assets, in yuan (yearly average of quarters)?'), t('元', 'CNY')),
  registeredAs: choice(
    REGISTRATION_FORMS,
    t('登记的市场主体类型', 'registered legal form'),
    t('营业执照上登记的是哪类主体？（个体工商户、公司、农民专业合作社……）', 'What is the business registered as on its licence (individual business, company, cooperative …)?'),
  ),
  partners: count(t('合伙人数', 'number of partners'), t('一共几个人合伙创业？（一个人就回1）', 'How many partners run the business? (1 if on your own)'), t('人', 'people')),
});

export const LandSchema = z.strictObject({
  transferredMu: amount(t('流转土地面积', 'land taken in by transfer'), t('流转了多少亩土地？', 'How many mu of land have you taken in by transfer?'), t('亩', 'mu')),
  contractYears: amount(t('流转合同年限', 'transfer contract length'), t('土地流转合同签了几年？', 'How many years does the land transfer contract run?'), t('年', 'years')),
});

export const ContactSchema = z.strictObject({
  phone: meta(z.string().regex(/^\+?[\d -]{5,20}$/, 'expected a phone number'), { kind: 'string', label: t('手机号', 'phone'), personal: true }).optional(),
  smsConsent: meta(z.boolean(), { kind: 'boolean', label: t('同意接收短信', 'agreed to SMS') }).optional(),
  wechat: meta(z.string().max(64), { kind: 'string', label: t('微信号', 'WeChat id'), personal: true }).optional(),
  locale: z.enum(['zh-CN', 'en']).optional(),
});

/**
 * A person's answers. Absent fields are unknown; `[]` and `null` are known "none".
 *
 * @example
 * const profile: Profile = ProfileSchema.parse({ id: 'p1', regionCode: '500154', groups: ['returning-migrant-worker'] });
 */
export const ProfileSchema = z.strictObject({
  id: z.string().min(1).max(128),
  name: meta(z.string().max(64), { kind: 'string', label: t('姓名', 'name') }).optional(),
  idNumber: meta(z.string().regex(/^\d{17}[\dXx]$/, 'expected an 18-character ID number'), { kind: 'string', label: t('身份证号', 'ID number'), personal: true }).optional(),
  gender: choice(GENDERS, t('性别', 'gender'), t('您的性别？', 'Your gender?')),
  /** Read for women's statutory retirement age only. */
  postType: choice(POST_TYPES, t('岗位类别', 'post type'), t('您（女性）属于哪类岗位？', 'Which kind of post do you hold? (asked of women: it sets the retirement age)')),
  birthDate: meta(DateAnswer, { kind: 'date', label: t('出生日期', 'date of birth'), question: t('您是哪年哪月出生的？（如1993年5月）', 'When were you born? (e.g. 1993-05)') }).optional(),
  regionCode: region(t('创业所在地', 'where the business is'), t('您在哪个县区创业？', 'Which county are you starting the business in?')),
  hukouRegionCode: region(t('户籍所在地', 'household registration'), t('您的户口在哪个县区？', 'Where is your household registration (hukou)?')),
  groups: choices(GROUPS, t('人员类别', 'groups'), t('您属于以下哪些人员？（可多选，都不是请回“无”）', 'Which of these describe you? (several allowed; "none" if none)')),
  graduationDate: date(t('毕业日期', 'graduation date'), t('您是哪年哪月毕业的？（没上过大学请回“无”）', 'When did you graduate from college? ("none" if you did not)')),
  unemployedSince: date(t('失业登记日期', 'registered unemployed since'), t('您是哪天办的失业登记？（没有请回“无”）', 'Since when have you been registered unemployed? ("none" if not)')),
  returnDate: date(t('返乡日期', 'date of return home'), t('您是什么时候返乡的？', 'When did you come back home?')),
  hasOtherLoans: bool(
    t('本人及配偶有其他贷款（助学、扶贫、住房、车辆及5万元以下消费贷款除外）', 'other loans held by applicant or spouse (beyond student, poverty-relief, housing, car and consumer loans under CNY 50,000)'),
    t('您和配偶除了助学、扶贫、房贷、车贷和5万元以下消费贷外，还有别的贷款吗？', 'Apart from student, poverty-relief, housing, car and consumer loans under CNY 50,000, do you or your spouse hold other loans?'),
  ),
  business: BusinessSchema.optional(),
  land: LandSchema.optional(),
  needs: choices(NEEDS, t('需求', 'needs'), t('您现在最需要哪方面的支持？（可多选）', 'What support do you need most? (several allowed)')),
  contact: ContactSchema.optional(),
  /** Caller-owned data the engine carries but never reads. */
  extra: z.record(z.string(), z.unknown()).optional(),
});

/** A validated profile (see `ProfileSchema`). */
export type Profile = z.infer<typeof ProfileSchema>;
