import type { Matcher, Profile } from '../../src/index.js';

/**
 * Scripted people who text the bot the way returnees do: an opening message in their own words, then
 * natural answers to whatever is asked (a field they have no answer for gets "不知道" / "not sure").
 * `truth` is who they really are: any policy the bot calls eligible must be eligible for it.
 */
export interface Persona {
  name: string;
  channel: 'sms' | 'chat';
  locale: 'zh-CN' | 'en';
  truth: Profile;
  opening: string[];
  answers: Record<string, string>;
}

export const PERSONAS: Persona[] = [
  {
    name: '黄立兴, graduate with an individual business in 江州 (chat)',
    channel: 'chat',
    locale: 'zh-CN',
    truth: { id: 'huang', regionCode: '451402', groups: ['college-graduate'], graduationDate: '2025-06-30', business: { form: 'individual-business', registeredAt: '2025-09-01', industry: ['vegetables'] }, hasOtherLoans: false },
    opening: ['你好，我是去年6月大学毕业的，在江州区种菜，办了个体户'],
    answers: { regionCode: '崇左市江州区', groups: '大学生', graduationDate: '2025年6月', 'business.form': '个体户', 'business.registeredAt': '2025年9月1号', hasOtherLoans: '没得', 'business.industry': '种菜', 'business.regionCode': '江州区' },
  },
  {
    name: '尹泽宝, returnee fish farmer in 开州 (SMS)',
    channel: 'sms',
    locale: 'zh-CN',
    truth: { id: 'yin', regionCode: '500154', hukouRegionCode: '500155', groups: ['returning-migrant-worker'], returnDate: '2023-03-01', hasOtherLoans: false, business: { form: 'small-micro-enterprise', regionCode: '500154', registeredAt: '2023-08-01', industry: ['aquaculture'], employees: 12, newHiresFromGroups: 3, wageArrears: false } },
    opening: ['我三年前从广东打工回来，在开州搞循环水养鱼，想贷款'],
    answers: { regionCode: '开州', hukouRegionCode: '梁平', 'business.regionCode': '开州的', groups: '返乡农民工', hasOtherLoans: '有个车贷', 'business.form': '公司', 'business.employees': '12人', 'business.newHiresFromGroups': '今年新招了3个', 'business.wageArrears': '没有', 'business.registeredAt': '23年8月', returnDate: '23年3月' },
  },
  {
    name: '刘鑫堂, machinery cooperative in 阿左旗 (SMS)',
    channel: 'sms',
    locale: 'zh-CN',
    truth: { id: 'liu', regionCode: '152921', birthDate: '1993-04-01', groups: ['returning-migrant-worker'], hasOtherLoans: false, business: { form: 'cooperative', industry: ['farm-machinery'], registeredAt: '2019-05-01' }, land: { transferredMu: 2600, contractYears: 10 } },
    opening: ['阿左旗的农机合作社，流转了2600亩，有啥扶持'],
    answers: { regionCode: '阿左旗', groups: '在外打工回来的', hasOtherLoans: '没有贷款', 'business.form': '合作社', 'land.transferredMu': '2600亩', 'land.contractYears': '签了10年', birthDate: '93年的', 'business.registeredAt': '2019年5月', 'business.regionCode': '阿左旗' },
  },
  {
    name: 'a veteran raising cattle in 开州 (chat)',
    channel: 'chat',
    locale: 'zh-CN',
    truth: { id: 'vet', regionCode: '500154', groups: ['veteran'], returnDate: '2025-04-01', hasOtherLoans: false, business: { form: 'individual-business', regionCode: '500154', registeredAt: '2025-06-01', industry: ['livestock'] } },
    opening: ['你好', '我是退伍军人，去年回来的，在开州养牛，想贷点款'],
    answers: { regionCode: '开州', groups: '退伍军人', hasOtherLoans: '没得', 'business.form': '个体户', 'business.registeredAt': '去年6月', 'business.regionCode': '开州的', returnDate: '去年4月' },
  },
  {
    name: 'a poverty-alleviated household opening a shop in 鲁甸 (SMS)',
    channel: 'sms',
    locale: 'zh-CN',
    truth: { id: 'ludian', regionCode: '530621', groups: ['poverty-alleviated'], hasOtherLoans: false, business: { form: 'individual-business', registeredAt: '2026-02-01', industry: ['e-commerce'] } },
    opening: ['脱贫户，在鲁甸开网店卖花椒，个体户'],
    answers: { regionCode: '鲁甸', groups: '脱贫户', hasOtherLoans: '冇', 'business.form': '个体户', 'business.registeredAt': '今年2月', 'business.regionCode': '鲁甸' },
  },
  {
    name: '周雪婷, tea factory in 江州 (chat)',
    channel: 'chat',
    locale: 'zh-CN',
    truth: { id: 'zhou', regionCode: '451402', groups: ['returning-migrant-worker'], returnDate: '2023-05-01', hasOtherLoans: false, business: { form: 'small-micro-enterprise', regionCode: '451402', registeredAt: '2023-09-01', industry: ['tea', 'agri-processing'], employees: 8, newHiresFromGroups: 2, wageArrears: false } },
    opening: ['三年前辞了城里的工作回江州，开了个茶厂'],
    answers: { regionCode: '江州区', groups: '返乡的', hasOtherLoans: '只有房贷', 'business.form': '公司', 'business.employees': '8个人', 'business.newHiresFromGroups': '2个', 'business.wageArrears': '没有', 'business.registeredAt': '23年9月', 'business.industry': '做茶', returnDate: '23年5月', 'business.regionCode': '江州区' },
  },
  {
    name: 'a graduate in 汉滨 asking in SMS',
    channel: 'sms',
    locale: 'zh-CN',
    truth: { id: 'hanbin', regionCode: '610902', groups: ['college-graduate'], graduationDate: '2026-01-15', hasOtherLoans: false, business: { form: 'individual-business', registeredAt: '2026-03-01' } },
    opening: ['安康汉滨的，今年刚毕业，想创业'],
    answers: { regionCode: '汉滨', groups: '大学生', graduationDate: '今年1月', hasOtherLoans: '没有', 'business.form': '个体户', 'business.registeredAt': '今年3月', 'business.regionCode': '汉滨' },
  },
  {
    name: 'a returnee in 广州 for now, asking in chat (no local rules there)',
    channel: 'chat',
    locale: 'zh-CN',
    truth: { id: 'gz', regionCode: '440100', groups: ['returning-migrant-worker'], hasOtherLoans: false, business: { form: 'individual-business' } },
    opening: ['广州的，打工回来自己干，个体户'],
    answers: { regionCode: '广州', groups: '农民工', hasOtherLoans: '没有', 'business.form': '个体户' },
  },
  {
    name: 'a veteran in Kaizhou (English chat)',
    channel: 'chat',
    locale: 'en',
    truth: { id: 'en-vet', regionCode: '500154', groups: ['veteran'], hasOtherLoans: false, business: { form: 'individual-business' } },
    opening: ['hi', 'I am a veteran in Kaizhou and need a loan'],
    answers: { regionCode: 'Kaizhou', groups: 'veteran', hasOtherLoans: 'only a car loan', 'business.form': 'individual business', 'business.registeredAt': 'not yet', 'business.regionCode': 'Kaizhou' },
  },
  {
    name: 'a graduate in Jiangzhou (English SMS)',
    channel: 'sms',
    locale: 'en',
    truth: { id: 'en-grad', regionCode: '451402', groups: ['college-graduate'], graduationDate: '2026-01-10', hasOtherLoans: false, business: { form: 'individual-business', registeredAt: '2026-04-01' } },
    opening: ['college graduate in Jiangzhou District, individual business'],
    answers: { regionCode: 'Jiangzhou', groups: 'college graduate', graduationDate: '2026-01', hasOtherLoans: 'no', 'business.form': 'individual business', 'business.registeredAt': '2026-04', 'business.regionCode': 'Jiangzhou' },
  },
  {
    name: 'a returnee in Alxa Left Banner (English SMS)',
    channel: 'sms',
    locale: 'en',
    truth: { id: 'en-alxa', regionCode: '152921', groups: ['returning-migrant-worker'], hasOtherLoans: false, business: { form: 'cooperative' }, land: { transferredMu: 300, contractYears: 10 } },
    opening: ['cooperative in Alxa Left Banner, came back from the city'],
    answers: { regionCode: 'Alxa Left Banner', groups: 'migrant worker, came back from the city', hasOtherLoans: 'no loans', 'business.form': 'cooperative', 'land.transferredMu': '300 mu', 'land.contractYears': '10 years', 'business.regionCode': 'Alxa Left Banner' },
  },
  {
    name: 'a disabled returnee with a family farm in 镇雄 (SMS)',
    channel: 'sms',
    locale: 'zh-CN',
    truth: { id: 'zx', regionCode: '530627', groups: ['disabled', 'returning-migrant-worker'], hasOtherLoans: false, business: { form: 'family-farm', registeredAt: '2024-03-01' }, land: { transferredMu: 80, contractYears: 8 } },
    opening: ['我有残疾证，从浙江回镇雄办了家庭农场，大概80亩'],
    answers: { regionCode: '镇雄', groups: '残疾人', hasOtherLoans: '没得', 'business.form': '家庭农场', 'land.transferredMu': '80亩', 'land.contractYears': '8年', 'business.registeredAt': '前年3月', 'business.regionCode': '镇雄' },
  },
];

export interface PersonaRun {
  turns: number;
  reached: boolean;
  /** Policies called eligible that are not eligible for the person as they are. */
  wrong: string[];
  transcript: string[];
}

type ConverseFn = (state: any, inbound: string, opts: any) => { reply: string | null; state: any };

const ELIGIBLE: Record<string, RegExp> = { 'zh-CN': /（符合|\(符合|：符合|符合）/u, en: /\(eligible|: eligible/u };
/** A next step the person can take: where to go or what to bring. */
const NEXT_STEP = /办理：|需带材料|办理地点|Where:|Bring:/u;

/** Plays one persona against a `converse`, answering each pending question, until an eligible policy and a next step are shown. */
export function runPersona(converse: ConverseFn, matcher: Matcher, p: Persona, asOf: string, maxTurns = 25, extra: Record<string, unknown> = {}): PersonaRun {
  let state: any;
  const transcript: string[] = [];
  const queue = [...p.opening];
  const truth = new Map(matcher.evaluate(p.truth, { asOf }).map((e) => [e.policyId, e.status]));
  const wrong = new Set<string>();
  let askedResult = false;
  let details = 0;
  for (let turn = 1; turn <= maxTurns; turn++) {
    const inbound =
      queue.shift() ??
      (details
        ? (p.locale === 'en' ? `more ${details}` : `详情${details}`)
        : state?.pending
          ? (p.answers[state.pending] ?? (p.locale === 'en' ? 'not sure' : '不知道'))
          : askedResult
            ? (p.locale === 'en' ? 'check' : '开始')
            : ((askedResult = true), p.locale === 'en' ? 'result' : '结果'));
    const r = converse(state, inbound, { matcher, asOf, channel: p.channel, locale: p.locale, ...extra });
    state = r.state;
    transcript.push(`> ${inbound}`, r.reply ?? '(nothing)');
    const reply = r.reply ?? '';
    if (details && NEXT_STEP.test(reply)) return { turns: turn, reached: wrong.size === 0, wrong: [...wrong], transcript };
    details = 0;
    if (ELIGIBLE[p.locale]!.test(reply)) {
      const statuses = new Map(matcher.evaluate(state.profile, { asOf }).map((e) => [e.policyId, e.status]));
      const shown: string[] = state.shown ?? [];
      for (const id of shown) if (statuses.get(id) === 'eligible' && truth.get(id) !== 'eligible') wrong.add(id);
      if (NEXT_STEP.test(reply)) return { turns: turn, reached: wrong.size === 0, wrong: [...wrong], transcript };
      details = shown.findIndex((id) => statuses.get(id) === 'eligible') + 1 || 1;
    }
  }
  return { turns: maxTurns, reached: false, wrong: [...wrong], transcript };
}
