import type { PolicyInput } from '../../src/index.js';

/**
 * The policy shapes of the benchmark, each written five ways over the same conditions: the guiyan
 * rule, a hand-written function (the ceiling), json-logic, json-rules-engine and a ZEN expression.
 * Peers have no date arithmetic, so every engine reads the same per-profile derived values `d`
 * (computed once per profile, as guiyan computes its facts once per profile).
 */
export interface Derived {
  age: number | null;
  regMonths: number | null;
  regDays: number | null;
  /** At business registration (15号 judges the group then). */
  unempMonths: number | null;
  gradYears: number | null;
  /** 16 to the statutory retirement age (2025 reform) on the registration day. */
  regWorkingAge: boolean | null;
  returnMonths: number | null;
  hireRatio: number | null;
}
// Bench profiles are complete: every field is present (dates may be null, lists may be empty).
export type P = any;
export type Hand = (p: P, d: Derived) => boolean;
/** json-rules-engine condition tree. */
export type JreCond = Record<string, unknown>;

/** A publicodes formula: an expression, or a mechanism object (`toutes ces conditions`, …). */
export type PcCond = string | { 'toutes ces conditions': PcCond[] } | { 'une de ces conditions': PcCond[] };

export interface Spec {
  policy: PolicyInput;
  hand: Hand;
  logic: unknown;
  jre: JreCond;
  zen: string;
  pc: PcCond;
}

const v = (path: string) => ({ var: path });
const f = (path: string, operator: string, value: unknown): JreCond => ({ fact: 'p', path, operator, value });
const q = (s: string) => JSON.stringify(s);
const list = (xs: readonly string[]) => `[${xs.map(q).join(', ')}]`;
const nn = (path: string) => ({ '!=': [v(path), null] });

/**
 * publicodes has no lists and no string functions: its situation gives each list member and each
 * region prefix the rules read as a boolean rule (`p . groups . veteran`, `p . region . r5306`),
 * the derived measures as numbers (`d . age`) and a derived value the profile lacks (a date
 * answered "none") is left out of the situation, so conditions on it are undefined, never true.
 */
export const pcName = (value: string) => value.replace(/-/g, ' ');
const all = (...of: PcCond[]): PcCond => ({ 'toutes ces conditions': of });
const some = (...of: PcCond[]): PcCond => ({ 'une de ces conditions': of });
const member = (list: string, values: readonly string[]) => some(...values.map((x) => `p . ${list} . ${pcName(x)}`));
const oneOf = (path: string, values: readonly string[]) => some(...values.map((x) => `${path} = '${x}'`));

export const prefixOf = (code: string) => (code.endsWith('0000') ? code.slice(0, 2) : code.endsWith('00') ? code.slice(0, 4) : code);

const COVERED = ['registered-unemployed', 'employment-difficulty', 'disabled', 'veteran', 'self-employed-veteran', 'ex-offender', 'college-graduate', 'village-official', 'returned-overseas-student', 'overcapacity-worker', 'returning-migrant-worker', 'online-merchant', 'poverty-alleviated', 'rural-self-employed'];

/** The three national policies as the rule files state them at the bench's asOf (cn-*, 财金〔2023〕75号 terms), hand-translated. */
export const NATIONAL: Omit<Spec, 'policy'>[] = [
  // cn-guarantee-loan-enterprise
  {
    hand: (p, d) => p.business.form === 'small-micro-enterprise' && ((p.business.employees <= 100 && d.hireRatio! >= 0.1) || (p.business.employees > 100 && d.hireRatio! >= 0.05)) && p.business.wageArrears === false,
    logic: { and: [{ '==': [v('business.form'), 'small-micro-enterprise'] }, { or: [{ and: [{ '<=': [v('business.employees'), 100] }, { '>=': [v('d.hireRatio'), 0.1] }] }, { and: [{ '>': [v('business.employees'), 100] }, { '>=': [v('d.hireRatio'), 0.05] }] }] }, { '===': [v('business.wageArrears'), false] }] },
    jre: { all: [f('business.form', 'equal', 'small-micro-enterprise'), { any: [{ all: [f('business.employees', 'lessThanInclusive', 100), f('d.hireRatio', 'greaterThanInclusive', 0.1)] }, { all: [f('business.employees', 'greaterThan', 100), f('d.hireRatio', 'greaterThanInclusive', 0.05)] }] }, f('business.wageArrears', 'equal', false)] },
    zen: `business.form == 'small-micro-enterprise' and ((business.employees <= 100 and d.hireRatio >= 0.1) or (business.employees > 100 and d.hireRatio >= 0.05)) and business.wageArrears == false`,
    pc: all(`p . form = 'small-micro-enterprise'`, some(all('p . employees <= 100', 'd . hire ratio >= 0.1'), all('p . employees > 100', 'd . hire ratio >= 0.05')), 'p . wage arrears = non'),
  },
  // cn-guarantee-loan-individual
  {
    hand: (p) => p.groups.some((g: string) => COVERED.includes(g)) && p.hasOtherLoans === false,
    logic: { and: [{ some: [v('groups'), { in: [v(''), COVERED] }] }, { '===': [v('hasOtherLoans'), false] }] },
    jre: { all: [{ any: COVERED.map((g) => f('groups', 'contains', g)) }, f('hasOtherLoans', 'equal', false)] },
    zen: `some(groups, # in ${list(COVERED)}) and hasOtherLoans == false`,
    pc: all(member('groups', COVERED), 'p . other loans = non'),
  },
  // cn-tax-relief-key-groups: the group and working age are judged when the business was registered (judged-at)
  {
    hand: (p, d) =>
      (p.groups.includes('poverty-alleviated') ||
        (d.unempMonths !== null && d.unempMonths >= 6) ||
        (p.groups.includes('registered-unemployed') && (p.groups.includes('zero-employment-family') || p.groups.includes('urban-dibao')) && d.regWorkingAge === true) ||
        d.gradYears === 0) &&
      p.business.form === 'individual-business' &&
      d.regMonths !== null && d.regMonths >= 0 && d.regMonths <= 35,
    logic: { and: [{ or: [{ in: ['poverty-alleviated', v('groups')] }, { and: [nn('d.unempMonths'), { '>=': [v('d.unempMonths'), 6] }] }, { and: [{ in: ['registered-unemployed', v('groups')] }, { or: [{ in: ['zero-employment-family', v('groups')] }, { in: ['urban-dibao', v('groups')] }] }, { '===': [v('d.regWorkingAge'), true] }] }, { '===': [v('d.gradYears'), 0] }] }, { '==': [v('business.form'), 'individual-business'] }, nn('d.regMonths'), { '<=': [0, v('d.regMonths'), 35] }] },
    jre: { all: [{ any: [f('groups', 'contains', 'poverty-alleviated'), f('d.unempMonths', 'greaterThanInclusive', 6), { all: [f('groups', 'contains', 'registered-unemployed'), { any: [f('groups', 'contains', 'zero-employment-family'), f('groups', 'contains', 'urban-dibao')] }, f('d.regWorkingAge', 'equal', true)] }, f('d.gradYears', 'equal', 0)] }, f('business.form', 'equal', 'individual-business'), f('d.regMonths', 'greaterThanInclusive', 0), f('d.regMonths', 'lessThanInclusive', 35)] },
    zen: `('poverty-alleviated' in groups or (d.unempMonths != null and d.unempMonths >= 6) or ('registered-unemployed' in groups and ('zero-employment-family' in groups or 'urban-dibao' in groups) and d.regWorkingAge == true) or d.gradYears == 0) and business.form == 'individual-business' and d.regMonths != null and d.regMonths >= 0 and d.regMonths <= 35`,
    pc: all(
      some('p . groups . poverty alleviated', 'd . unemployed months >= 6', all('p . groups . registered unemployed', member('groups', ['zero-employment-family', 'urban-dibao']), 'd . working age at registration = oui'), 'd . graduation years = 0'),
      `p . form = 'individual-business'`,
      'd . registered months >= 0',
      'd . registered months <= 35',
    ),
  },
];

type Rng = () => number;
const int = (rng: Rng, lo: number, hi: number) => lo + Math.floor(rng() * (hi - lo + 1));

const START_GROUPS = ['returning-migrant-worker', 'college-graduate', 'poverty-alleviated', 'veteran'];
const FARM_FORMS = ['cooperative', 'family-farm'];
const START_FORMS = ['individual-business', 'small-micro-enterprise', 'family-farm', 'cooperative'];
const INDUSTRY_SETS = [['tea', 'fruit', 'agri-processing'], ['e-commerce', 'logistics', 'handicraft'], ['greenhouse', 'vegetables', 'aquaculture'], ['agritourism', 'catering']];
const TALENT = ['talent', 'financing'];

/** Local sample shapes (illustrative figures); `region` is the policy's only region. */
export const LOCAL: ((rng: Rng, id: string, region: string) => Spec)[] = [
  (rng, id, region) => {
    const n = int(rng, 12, 36), m = int(rng, 24, 60), x = int(rng, 3, 10) * 1000;
    const eligibility = { op: 'all', of: [
      { op: 'overlaps', field: 'groups', values: START_GROUPS },
      { op: 'in', field: 'business.form', values: START_FORMS },
      { op: 'lte', field: 'business.registeredAt', measure: 'calendar-months-since', value: n },
      { op: 'lte', field: 'returnDate', measure: 'months-since', value: m },
    ] };
    return {
      policy: local(id, 'subsidy', '一次性创业补贴', region, eligibility, { kind: 'fixed', value: x }),
      hand: (p, d) => p.groups.some((g: string) => START_GROUPS.includes(g)) && START_FORMS.includes(p.business.form) && d.regMonths !== null && d.regMonths <= n && d.returnMonths !== null && d.returnMonths <= m,
      logic: { and: [{ some: [v('groups'), { in: [v(''), START_GROUPS] }] }, { in: [v('business.form'), START_FORMS] }, nn('d.regMonths'), { '<=': [v('d.regMonths'), n] }, nn('d.returnMonths'), { '<=': [v('d.returnMonths'), m] }] },
      jre: { all: [{ any: START_GROUPS.map((g) => f('groups', 'contains', g)) }, f('business.form', 'in', START_FORMS), f('d.regMonths', 'lessThanInclusive', n), f('d.returnMonths', 'lessThanInclusive', m)] },
      zen: `some(groups, # in ${list(START_GROUPS)}) and business.form in ${list(START_FORMS)} and d.regMonths != null and d.regMonths <= ${n} and d.returnMonths != null and d.returnMonths <= ${m}`,
      pc: all(member('groups', START_GROUPS), oneOf('p . form', START_FORMS), `d . registered months <= ${n}`, `d . return months <= ${m}`),
    };
  },
  (rng, id, region) => {
    const t = int(rng, 5, 30) * 10, y = int(rng, 3, 10), rate = int(rng, 3, 10) * 10, cap = int(rng, 5, 20) * 10000;
    const eligibility = { op: 'all', of: [
      { op: 'gte', field: 'land.transferredMu', value: t },
      { op: 'gte', field: 'land.contractYears', value: y },
      { op: 'in', field: 'business.form', values: FARM_FORMS },
    ] };
    return {
      policy: local(id, 'land-transfer', '土地流转补贴', region, eligibility, { kind: 'per-unit', rate, quantity: 'land.transferredMu', cap }),
      hand: (p) => p.land.transferredMu >= t && p.land.contractYears >= y && FARM_FORMS.includes(p.business.form),
      logic: { and: [{ '>=': [v('land.transferredMu'), t] }, { '>=': [v('land.contractYears'), y] }, { in: [v('business.form'), FARM_FORMS] }] },
      jre: { all: [f('land.transferredMu', 'greaterThanInclusive', t), f('land.contractYears', 'greaterThanInclusive', y), f('business.form', 'in', FARM_FORMS)] },
      zen: `land.transferredMu >= ${t} and land.contractYears >= ${y} and business.form in ${list(FARM_FORMS)}`,
      pc: all(`p . land mu >= ${t}`, `p . contract years >= ${y}`, oneOf('p . form', FARM_FORMS)),
    };
  },
  (rng, id, region) => {
    const a = int(rng, 50, 60), cap = int(rng, 10, 30) * 10000, home = region.slice(0, 4) + '00';
    const hp = prefixOf(home);
    const eligibility = { op: 'all', of: [
      { op: 'overlaps', field: 'groups', values: ['returning-migrant-worker'] },
      { op: 'between', field: 'birthDate', measure: 'age', min: 18, max: a },
      { op: 'eq', field: 'hasOtherLoans', value: false },
      { op: 'in-region', field: 'hukouRegionCode', regions: [home] },
    ] };
    return {
      policy: local(id, 'loan', '返乡创业贷', region, eligibility, { kind: 'fixed', value: cap, upTo: true }),
      hand: (p, d) => p.groups.includes('returning-migrant-worker') && d.age! >= 18 && d.age! <= a && p.hasOtherLoans === false && p.hukouRegionCode.startsWith(hp),
      logic: { and: [{ in: ['returning-migrant-worker', v('groups')] }, { '<=': [18, v('d.age'), a] }, { '===': [v('hasOtherLoans'), false] }, { '==': [{ substr: [v('hukouRegionCode'), 0, hp.length] }, hp] }] },
      jre: { all: [f('groups', 'contains', 'returning-migrant-worker'), f('d.age', 'greaterThanInclusive', 18), f('d.age', 'lessThanInclusive', a), f('hasOtherLoans', 'equal', false), f('hukouRegionCode', 'startsWith', hp)] },
      zen: `'returning-migrant-worker' in groups and d.age >= 18 and d.age <= ${a} and hasOtherLoans == false and startsWith(hukouRegionCode, ${q(hp)})`,
      pc: all('p . groups . returning migrant worker', 'd . age >= 18', `d . age <= ${a}`, 'p . other loans = non', `p . hukou . r${hp}`),
    };
  },
  (rng, id, region) => {
    const days = int(rng, 12, 36) * 30, e = int(rng, 10, 50), inds = INDUSTRY_SETS[int(rng, 0, INDUSTRY_SETS.length - 1)]!;
    const eligibility = { op: 'all', of: [
      { op: 'lte', field: 'business.registeredAt', measure: 'days-since', value: days },
      { op: 'overlaps', field: 'business.industry', values: inds },
      { op: 'lte', field: 'business.employees', value: e },
      { op: 'not', of: { op: 'eq', field: 'business.wageArrears', value: true } },
    ] };
    return {
      policy: local(id, 'incubator', '创业孵化基地入驻', region, eligibility),
      hand: (p, d) => d.regDays !== null && d.regDays <= days && p.business.industry.some((i: string) => inds.includes(i)) && p.business.employees <= e && !(p.business.wageArrears === true),
      logic: { and: [nn('d.regDays'), { '<=': [v('d.regDays'), days] }, { some: [v('business.industry'), { in: [v(''), inds] }] }, { '<=': [v('business.employees'), e] }, { '!': { '===': [v('business.wageArrears'), true] } }] },
      jre: { all: [f('d.regDays', 'lessThanInclusive', days), { any: inds.map((i) => f('business.industry', 'contains', i)) }, f('business.employees', 'lessThanInclusive', e), { not: f('business.wageArrears', 'equal', true) }] },
      zen: `d.regDays != null and d.regDays <= ${days} and some(business.industry, # in ${list(inds)}) and business.employees <= ${e} and not (business.wageArrears == true)`,
      pc: all(`d . registered days <= ${days}`, member('industry', inds), `p . employees <= ${e}`, 'p . wage arrears != oui'),
    };
  },
  (rng, id, region) => {
    const h = int(rng, 3, 20), x = int(rng, 1, 5) * 10000;
    const eligibility = { op: 'all', of: [
      { op: 'gte', field: 'business.newHiresFromGroups', value: h },
      { op: 'eq', field: 'business.wageArrears', value: false },
      { op: 'any', of: [{ op: 'overlaps', field: 'needs', values: TALENT }, { op: 'gte', field: 'business.employees', value: 10 }] },
    ] };
    const amount = { kind: 'choose', options: [{ when: { op: 'gte', field: 'business.newHiresFromGroups', value: 2 * h }, amount: { kind: 'fixed', value: 2 * x } }], otherwise: { kind: 'fixed', value: x } };
    return {
      policy: local(id, 'award', '带动就业奖励', region, eligibility, amount),
      hand: (p) => p.business.newHiresFromGroups >= h && p.business.wageArrears === false && (p.needs.some((n: string) => TALENT.includes(n)) || p.business.employees >= 10),
      logic: { and: [{ '>=': [v('business.newHiresFromGroups'), h] }, { '===': [v('business.wageArrears'), false] }, { or: [{ some: [v('needs'), { in: [v(''), TALENT] }] }, { '>=': [v('business.employees'), 10] }] }] },
      jre: { all: [f('business.newHiresFromGroups', 'greaterThanInclusive', h), f('business.wageArrears', 'equal', false), { any: [...TALENT.map((n) => f('needs', 'contains', n)), f('business.employees', 'greaterThanInclusive', 10)] }] },
      zen: `business.newHiresFromGroups >= ${h} and business.wageArrears == false and (some(needs, # in ${list(TALENT)}) or business.employees >= 10)`,
      pc: all(`p . new hires >= ${h}`, 'p . wage arrears = non', some(member('needs', TALENT), 'p . employees >= 10')),
    };
  },
];

function local(id: string, kind: string, title: string, region: string, eligibility: unknown, amount?: unknown): PolicyInput {
  return {
    id,
    kind,
    title: { 'zh-CN': `${title}（示例 ${region}）` },
    sample: true,
    source: { title: '示例规则（非官方文本）', note: 'benchmark sample' },
    regions: [region],
    validFrom: '2023-01-01',
    eligibility,
    ...(amount ? { amount } : {}),
  } as PolicyInput;
}
