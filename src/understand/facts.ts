import { formatDay, fromDayNumber, toDayNumber } from '../core/dates.js';
import { fieldInfo } from '../profile/fields.js';
import { isRegionCode } from '../regions/codes.js';
import { findRegions, findRegionsLatin, type LatinReader } from '../regions/names.js';
import { birthRangeForAge, findDates, type DateValue } from './dates.js';
import * as L from './lexicon.js';
import { findNumbers, type NumberValue } from './numbers.js';
import { bare, whole } from './text.js';
import type { Fact } from './types.js';

/**
 * The facts a message states, field by field: places, kinds (groups, forms, industries, needs),
 * yes/no answers, numbers with their units and plausible bounds, and dates.
 */

/** Plausible bounds per number field; outside them an answer is a mistake to re-ask, never stored. */
const BOUNDS: Record<string, [number, number]> = {
  'business.employees': [0, 5000],
  'business.newHiresFromGroups': [0, 2000],
  'business.partners': [1, 200],
  'land.transferredMu': [0.1, 200_000],
  'land.contractYears': [1, 70],
  'business.monthlySales': [0, 1e9],
  'business.annualTaxableIncome': [0, 1e10],
};

const numberWithin = (v: NumberValue, [lo, hi]: [number, number]) => (typeof v === 'number' ? v >= lo && v <= hi : v.min >= lo && v.max <= hi);

/** What the readers found so far in one message. */
export interface Read {
  facts: Fact[];
  rejected: { field: string; text: string }[];
  regionCandidates?: string[];
}

function push(r: Read, field: string, value: unknown) {
  const i = r.facts.findIndex((f) => f.field === field);
  if (i >= 0) {
    const prev = r.facts[i]!.value;
    if (Array.isArray(prev) && Array.isArray(value)) r.facts[i] = { field, value: [...new Set([...prev, ...value])] };
    return;
  }
  r.facts.push({ field, value });
}

function checkDate(field: string, v: DateValue, asOf: number): boolean {
  const lo = typeof v === 'string' ? v : v.min;
  const hi = typeof v === 'string' ? v : v.max;
  const today = fromDayNumber(asOf);
  const days = (iso: string) => toDayNumber({ y: Number(iso.slice(0, 4)), m: Number(iso.slice(5, 7)), d: Number(iso.slice(8, 10)) });
  if (days(lo) > asOf + (field === 'graduationDate' ? 366 : 0)) return false;
  if (field === 'birthDate') return today.y - Number(hi.slice(0, 4)) >= 15 && today.y - Number(lo.slice(0, 4)) <= 90;
  return Number(lo.slice(0, 4)) >= 1950 && days(hi) <= asOf + 366;
}

/** Places named as where the business is, the hukou, or (left out) where someone came from or works for others. */
export function readPlaces(t: string, expecting: string | undefined, r: Read, reader: LatinReader | undefined): void {
  const info = expecting ? fieldInfo(expecting) : undefined;
  const asked = info?.kind === 'region';
  if (asked && /^\d{6}$/u.test(bare(t)) && isRegionCode(bare(t))) {
    push(r, expecting!, bare(t));
    return;
  }
  const latin = /[a-z]{3}/u.test(t);
  const first = latin ? findRegionsLatin(t, reader) : findRegions(t, { expecting: asked });
  let business = first;
  let hukou: string | undefined;
  if (!latin && first.mentions.length) {
    // Blank out places someone came from, works in for others, or is a native of; read the rest again.
    let masked = t;
    for (const m of first.mentions) {
      const before = t.slice(Math.max(0, m.start - 3), m.start);
      const after = t.slice(m.end, m.end + 8);
      const native = L.NATIVE_AFTER.test(after) || L.HUKOU_CUE.test(t.slice(Math.max(0, m.start - 6), m.start));
      if (native || L.ELSEWHERE_BEFORE.test(before) || L.ELSEWHERE_AFTER.test(after.replace(/^(?:市|省|区|县)/u, ''))) {
        if (native) {
          const h = findRegions(m.text, { expecting: true });
          if (h.code) hukou = h.code;
        }
        masked = masked.slice(0, m.start) + ' '.repeat(m.end - m.start) + masked.slice(m.end);
      }
    }
    if (masked !== t) business = findRegions(masked, { expecting: asked });
  }
  const field = expecting === 'hukouRegionCode' ? 'hukouRegionCode' : asked ? expecting! : 'regionCode';
  if (hukou && field !== 'hukouRegionCode') push(r, 'hukouRegionCode', hukou);
  if (business.code) push(r, field, business.code);
  else if (business.candidates.length > 1) r.regionCandidates = business.candidates;
}

/** Groups, business forms, industries and needs, read over everything the person stated. */
export function readKinds(t: string, expecting: string | undefined, r: Read): void {
  const info = expecting ? fieldInfo(expecting) : undefined;
  // A bare option number to a choice question: "1", "1,3".
  if (info?.options && /^\d{1,2}(?:\s*[,，、和\s]\s*\d{1,2})*$/u.test(t.trim())) {
    const picked = t.split(/[^\d]+/u).filter(Boolean).map((d) => info.options![Number(d) - 1]?.value);
    if (picked.every((v) => v !== undefined)) push(r, expecting!, info.kind === 'choice' ? picked[0] : [...new Set(picked)]);
    return;
  }
  // "招了5个贫困户": people hired are not the speaker's group.
  const own = t.replace(/(?:招|雇)[^，,。；;]*/gu, '');
  const groups = L.GROUP_WORDS.filter((g) => g.re.test(own)).map((g) => g.value);
  if (groups.includes('village-official') && groups.includes('college-graduate') && !/大学毕业|本科|大专|毕业生/u.test(t.replace(/大学生村官/gu, ''))) {
    groups.splice(groups.indexOf('college-graduate'), 1);
  }
  if (groups.length) push(r, 'groups', groups);
  else if (expecting === 'groups' && (whole(L.NO_GROUP, t) || whole(L.NO, t))) push(r, 'groups', []);
  const forms = L.FORM_WORDS.filter((f) => f.re.test(t)).map((f) => f.value);
  if (forms.length) push(r, 'business.form', forms[0]);
  const inds = L.INDUSTRY_WORDS.filter((i) => i.re.test(t)).map((i) => i.value);
  if (inds.length) push(r, 'business.industry', inds);
  if (expecting === 'needs') {
    const needs = L.NEED_VALUES.filter((n) => n.re.test(t)).map((n) => n.value);
    if (needs.length) push(r, 'needs', needs);
    else if (whole(L.NO, t)) push(r, 'needs', []);
  }
}

/** Reads the facts a clause states. `expecting` lets a bare value ("80", "去年", "是") answer the question asked. */
export function readFacts(clause: string, expecting: string | undefined, asOf: number | null, r: Read, alone: boolean): void {
  const t = clause;
  const info = expecting ? fieldInfo(expecting) : undefined;
  const b = bare(t);

  // Yes / no for the boolean asked, and loans wherever someone says they hold one.
  const loanTalk = /贷|借|欠|loan|debt|owe|credit card|信用卡|花呗/u.test(t);
  const holds = loanTalk && L.HAS_LOAN_CUE.test(t) && !L.WANT_LOAN_CUE.test(t);
  if (L.NO_LOAN.test(t) || (expecting === 'hasOtherLoans' && whole(L.NO, t))) push(r, 'hasOtherLoans', false);
  else if (holds || (expecting === 'hasOtherLoans' && loanTalk)) {
    const rest = t.replace(new RegExp(L.EXEMPT_LOAN.source, 'gu'), '');
    const bigConsumer = /消费贷|信用卡|花呗|借呗/u.test(t) && findNumbers(t).some((n) => (typeof n.value === 'number' ? n.value : n.value.min) >= 50_000);
    if (bigConsumer || L.OTHER_LOAN.test(rest)) push(r, 'hasOtherLoans', true);
    else if (L.EXEMPT_LOAN.test(t)) push(r, 'hasOtherLoans', false);
  } else if (expecting === 'hasOtherLoans' && whole(L.YES, t)) push(r, 'hasOtherLoans', true);
  else if (info?.kind === 'boolean' && alone && expecting !== 'hasOtherLoans') {
    if (whole(L.YES, t)) push(r, expecting!, true);
    else if (whole(L.NO, t)) push(r, expecting!, false);
  }
  if (/拖欠工资|欠薪|欠缴社保|欠社保|欠过?工资|wage arrears/u.test(t) || (expecting === 'business.wageArrears' && /拖欠|欠/u.test(t))) push(r, 'business.wageArrears', !/没有|没|无|不|no |never/u.test(t));
  if (expecting === 'business.registeredAt' && /还没|没有?(?:注册|登记|办)|未登记|not yet|none/u.test(t)) push(r, 'business.registeredAt', null);
  if ((expecting === 'graduationDate' || expecting === 'unemployedSince') && (whole(L.NO, t) || (expecting === 'graduationDate' && L.NO_COLLEGE.test(t)))) push(r, expecting, null);
  if (L.NO_STAFF.test(t)) push(r, 'business.employees', 0);

  // Numbers.
  const expectingNumber = info?.kind === 'number';
  for (const n of findNumbers(t)) {
    const unit = n.unit;
    const textOf = t.slice(n.start, n.end);
    const dateLike = /^[年月日号]/u.test(t.slice(n.end, n.end + 1)) || /^(?:年|个月|月|天|years?|months?)$/u.test(unit) || /^\d{4}$/u.test(textOf.trim());
    let field: string | undefined;
    if (/^(?:岁|周岁|years? old)$/u.test(unit)) {
      if (asOf !== null) {
        const age = typeof n.value === 'number' ? n.value : null;
        if (age === null || age < 15 || age > 90) r.rejected.push({ field: 'birthDate', text: textOf });
        else push(r, 'birthDate', birthRangeForAge(age, asOf));
      }
      continue;
    }
    // "我今年三十五" to the birth-date question: an age without 岁.
    if (expecting === 'birthDate' && !unit && asOf !== null && typeof n.value === 'number' && n.value >= 15 && n.value <= 90 && /今年|年纪|年龄|^\D*$/u.test(t.replace(textOf, ''))) {
      push(r, 'birthDate', birthRangeForAge(n.value, asOf));
      continue;
    }
    if (/^(?:年|years?)$/u.test(unit) && (L.CONTRACT_CUE.test(t) || expecting === 'land.contractYears') && !/^[前底初]/u.test(t.slice(n.end, n.end + 1))) field = 'land.contractYears';
    else if (dateLike && !(expectingNumber && !unit && !/[年月日号]/u.test(t))) continue;
    else if (L.NUMBER_UNITS[0]!.re.test(unit)) field = 'land.transferredMu';
    else if (L.NUMBER_UNITS[1]!.re.test(unit)) {
      field = L.HIRES_CUE.test(t) || expecting === 'business.newHiresFromGroups' ? 'business.newHiresFromGroups' : expecting === 'business.partners' ? 'business.partners' : 'business.employees';
    } else if (expectingNumber && !unit) field = expecting;
    else if (expectingNumber && /^(?:元|块|块钱|yuan|rmb|k)$/u.test(unit)) field = expecting;
    else if (L.SALES_CUE.test(t) && !unit) field = 'business.monthlySales';
    if (!field) continue;
    const bounds = BOUNDS[field];
    const whole = typeof n.value === 'number' ? Number.isInteger(n.value) : true;
    if ((bounds && !numberWithin(n.value, bounds)) || (!whole && /employees|newHires|partners/u.test(field))) {
      r.rejected.push({ field, text: textOf });
      continue;
    }
    push(r, field, n.value);
  }

  // Dates.
  if (asOf !== null) {
    const dates = findDates(t, asOf);
    for (const d of dates) {
      const around = dates.length === 1 ? t : t.slice(Math.max(0, d.start - 12), d.end + 12);
      const birthYear = /^(?:\d{2}|\d{4})年的$|^\d{2}后$/u.test(b) && !expecting;
      const cue = birthYear ? { field: 'birthDate' } : L.DATE_CUES.find((c) => c.re.test(around));
      const field = info?.kind === 'date' && (!cue || cue.field === expecting) ? expecting! : cue?.field;
      if (!field) continue;
      if (!checkDate(field, d.value, asOf)) {
        r.rejected.push({ field, text: t.slice(d.start, d.end) });
        continue;
      }
      push(r, field, d.value);
    }
    if (/刚毕业|今年毕业|应届/u.test(t) && !r.facts.some((f) => f.field === 'graduationDate')) {
      push(r, 'graduationDate', { min: `${fromDayNumber(asOf).y}-01-01`, max: formatDay(asOf) });
    }
    if (/刚回来|刚回家|刚返乡|just came back/u.test(t) && !r.facts.some((f) => f.field === 'returnDate')) {
      push(r, 'returnDate', { min: formatDay(asOf - 90), max: formatDay(asOf) });
    }
  }
}
