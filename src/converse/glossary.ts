import type { LocalizedText } from '../core/text.js';

/** Terms people ask about ("个体工商户是啥意思？"), explained in a line each. Data, per locale. */
export interface GlossaryEntry {
  terms: readonly string[];
  text: LocalizedText;
}

export const GLOSSARY: readonly GlossaryEntry[] = [
  { terms: ['个体工商户', '个体户', 'individual business'], text: { 'zh-CN': '以个人或家庭经营、在市场监管部门登记的经营者，如小店、养殖户办的个体执照。', en: 'a person or family trading under a licence from the market regulator, e.g. a small shop or farm.' } },
  { terms: ['小微企业', '小企业', 'small or micro enterprise', 'small enterprise'], text: { 'zh-CN': '人数和营业收入较少的公司，一般指从业人员300人以下的企业。', en: 'a small company, generally under 300 staff.' } },
  { terms: ['农民专业合作社', '合作社', 'cooperative', "farmers' cooperative"], text: { 'zh-CN': '农民自愿联合、民主管理的互助经济组织，在市场监管部门登记。', en: 'a registered, member-run mutual organisation of farmers.' } },
  { terms: ['家庭农场', 'family farm'], text: { 'zh-CN': '以家庭成员为主要劳动力、规模经营的农业主体，可在市场监管部门登记。', en: 'a farm run mainly by family labour at scale, registrable with the market regulator.' } },
  { terms: ['脱贫人口', '脱贫户', '防止返贫监测对象', '监测对象', 'person lifted out of poverty', 'poverty-alleviated'], text: { 'zh-CN': '已脱贫的建档立卡人口，包括纳入防止返贫监测的对象，以乡村振兴部门名单为准。', en: 'people registered as lifted out of poverty, including those monitored against falling back; per the rural revitalisation list.' } },
  { terms: ['登记失业人员', '失业登记', 'registered unemployed'], text: { 'zh-CN': '在公共就业服务机构办理了失业登记、持《就业创业证》的人员。', en: 'people registered as unemployed at a public employment office, holding an employment certificate.' } },
  { terms: ['就业困难人员', 'employment difficulty'], text: { 'zh-CN': '因年龄、残疾、长期失业等难以就业、经人社部门认定的人员。', en: 'people certified by the HR office as hard to employ (age, disability, long unemployment).' } },
  { terms: ['返乡农民工', '返乡创业', '农民工', 'returning migrant worker'], text: { 'zh-CN': '外出务工后回到户籍地或家乡创业就业的农村劳动者。', en: 'rural workers who worked away and came home to start a business or work.' } },
  { terms: ['高校毕业生', '大学生', 'college graduate'], text: { 'zh-CN': '取得大专及以上学历的毕业生；部分税收政策只认毕业当年。', en: 'graduates with a college degree or higher; some tax rules count only the graduation year.' } },
  { terms: ['大学生村官', '村官', 'village official'], text: { 'zh-CN': '经选聘到村任职的高校毕业生，与一般大学生不同。', en: 'graduates selected to serve in village posts; not the same as any graduate.' } },
  { terms: ['退役军人', '退伍军人', '自主就业退役士兵', 'veteran'], text: { 'zh-CN': '退出现役的军人；自主就业退役士兵可享专门的税收扣减。', en: 'people discharged from the army; self-employed veterans have their own tax deduction.' } },
  { terms: ['创业担保贷款', '担保贷款', 'guarantee loan', 'start-up guarantee loan'], text: { 'zh-CN': '政府基金担保、财政贴息的创业贷款，个人最高30万元、期限最长3年，到人社部门或经办银行申请。', en: 'a start-up loan guaranteed by a public fund with interest subsidised; individuals up to CNY 300,000 for up to 3 years.' } },
  { terms: ['贴息', '财政贴息', 'interest subsidy'], text: { 'zh-CN': '利息由财政承担一部分，借款人只付剩下的部分。', en: 'public finance pays part of the interest; the borrower pays the rest.' } },
  { terms: ['土地流转', '流转', 'land transfer'], text: { 'zh-CN': '承包地的经营权按合同转给别人经营，如租种别家的地。', en: 'contracted farmland use rights passed to another farmer under contract, e.g. renting land.' } },
  { terms: ['小规模纳税人', 'small-scale taxpayer', 'small-scale vat taxpayer'], text: { 'zh-CN': '年应税销售额500万元以下的增值税纳税人，个体户一般都是。', en: 'a VAT taxpayer with annual sales under CNY 5 million; most individual businesses are.' } },
  { terms: ['一般纳税人', 'general taxpayer', 'general vat taxpayer'], text: { 'zh-CN': '销售额较大、按进项抵扣计税的增值税纳税人。', en: 'a larger VAT taxpayer that deducts input tax.' } },
  { terms: ['六税两费', 'six taxes and two fees'], text: { 'zh-CN': '资源税、城市维护建设税、房产税、城镇土地使用税、印花税、耕地占用税和教育费附加、地方教育附加。', en: 'six local taxes and two education surcharges that small taxpayers pay at half.' } },
  { terms: ['零就业家庭', 'zero-employment family'], text: { 'zh-CN': '法定劳动年龄内的家庭成员都没有就业的城镇家庭。', en: 'an urban household where nobody of working age has a job.' } },
  { terms: ['城市低保', '低保', 'urban dibao'], text: { 'zh-CN': '享受城市居民最低生活保障的家庭。', en: 'a household on the urban minimum living allowance.' } },
  { terms: ['孵化基地', '孵化', '创业园', 'incubator'], text: { 'zh-CN': '为初创企业提供低价或免费场地和服务的园区。', en: 'a park offering start-ups cheap or free premises and services.' } },
  { terms: ['就业创业证', 'employment certificate'], text: { 'zh-CN': '人社部门发的证，记载失业登记和享受政策情况。', en: 'the HR office certificate recording unemployment registration and benefits used.' } },
];

/** The entry a term names, by exact term first, then by the longest term it contains. */
export function lookupTerm(term: string | undefined): GlossaryEntry | undefined {
  if (!term) return undefined;
  const t = term.toLowerCase().replace(/[“”"'「」]/g, '').trim();
  const exact = GLOSSARY.find((g) => g.terms.some((x) => x.toLowerCase() === t));
  if (exact) return exact;
  let best: { g: GlossaryEntry; len: number } | undefined;
  for (const g of GLOSSARY) for (const x of g.terms) if (t.includes(x.toLowerCase()) && x.length > (best?.len ?? 0)) best = { g, len: x.length };
  return best?.g;
}

/** The entry's name in each language: its first Chinese term and its first English one. */
export function termName(g: GlossaryEntry): LocalizedText {
  const latin = (t: string) => /[a-z]/i.test(t);
  return { 'zh-CN': g.terms.find((t) => !latin(t)) ?? g.terms[0]!, en: g.terms.find(latin) ?? g.terms[0]! };
}
