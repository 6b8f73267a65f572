import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { stringify } from 'yaml';
import { calendarMonthsBetween, type CivilDate, dayOf, fromDayNumber, fullMonthsBetween, fullYearsBetween, parseIsoDate } from '../../src/core/dates.js';
import type { PolicySource } from '../../src/index.js';
import { BUSINESS_FORMS, GROUPS, INDUSTRIES, NEEDS, POST_TYPES } from '../../src/profile/vocabulary.js';
import { monthsToRetirement } from '../../src/core/retirement.js';
import { prng } from '../../scripts/prng.js';
import { LOCAL, NATIONAL, prefixOf, type Derived, type Hand, type JreCond, type P, type PcCond } from './shapes.js';

export { prng };


export const AS_OF = '2025-06-01';
const ROOT = join(import.meta.dirname, '..', '..');
const NATIONAL_FILES = ['cn-guarantee-loan-enterprise', 'cn-guarantee-loan-individual', 'cn-tax-relief-key-groups'];
/** Counties, cities and provinces of the seed's places: a county inherits its city's and province's policies. */
const POLICY_REGIONS = ['530602', '530621', '530627', '530681', '152921', '500154', '451402', '610902', '530600', '152900', '451400', '610900', '530000', '150000', '500000', '450000', '610000'];
const PROFILE_REGIONS = ['530602', '530621', '530627', '530681', '152921', '500154', '451402', '610902', '110105', '440305'];

export interface Rule {
  id: string;
  /** Region prefix, or '' for nationwide. */
  prefix: string;
  hand: Hand;
  logic: unknown;
  jre: JreCond;
  zen: string;
  pc: PcCond;
}

export interface Workload {
  sources: PolicySource[];
  rules: Rule[];
}

/** The national rule files plus local samples replicated across counties with varied thresholds. */
export function buildWorkload(total = 200, seed = 7): Workload {
  const rng = prng(seed);
  const sources: PolicySource[] = NATIONAL_FILES.map((n) => ({ name: `rules/national/${n}.yaml`, text: readFileSync(join(ROOT, 'rules', 'national', `${n}.yaml`), 'utf8') }));
  const rules: Rule[] = NATIONAL.map((s, i) => ({ id: NATIONAL_FILES[i]!, prefix: '', ...s }));
  for (let i = 0; sources.length < total; i++) {
    const region = POLICY_REGIONS[i % POLICY_REGIONS.length]!;
    const id = `sample-${region}-${i}`;
    const spec = LOCAL[i % LOCAL.length]!(rng, id, region);
    const prefix = prefixOf(region);
    sources.push({ name: `rules/samples/${id}.yaml`, text: stringify(spec.policy) });
    rules.push({
      id,
      prefix,
      hand: (p, d) => p.regionCode.startsWith(prefix) && spec.hand(p, d),
      logic: { and: [{ '==': [{ substr: [{ var: 'regionCode' }, 0, prefix.length] }, prefix] }, spec.logic] },
      jre: { all: [{ fact: 'p', path: 'regionCode', operator: 'startsWith', value: prefix }, spec.jre] },
      zen: `startsWith(regionCode, '${prefix}') and (${spec.zen})`,
      pc: { 'toutes ces conditions': [`p . region . r${prefix}`, spec.pc] },
    });
  }
  return { sources, rules };
}

const pick = <T>(rng: () => number, xs: readonly T[]): T => xs[Math.floor(rng() * xs.length)]!;
const subset = (rng: () => number, xs: readonly { value: string }[], p: number) => xs.filter(() => rng() < p).map((x) => x.value);
const date = (rng: () => number, fromYear: number, toYear: number) => {
  const y = fromYear + Math.floor(rng() * (toYear - fromYear + 1));
  const m = 1 + Math.floor(rng() * 12);
  const d = 1 + Math.floor(rng() * 28);
  return `${y}-${String(m).padStart(2, '0')}-${String(d).padStart(2, '0')}`;
};
const orNull = (rng: () => number, p: number, v: () => string) => (rng() < p ? null : v());

/** One complete profile: every field answered (dates may be "none", lists may be empty). */
export function completeProfile(rng: () => number, i: number): P {
  const employees = Math.floor(rng() * 160);
  return {
    id: `p${i}`,
    birthDate: date(rng, 1960, 2006),
    regionCode: pick(rng, PROFILE_REGIONS),
    hukouRegionCode: pick(rng, PROFILE_REGIONS),
    groups: subset(rng, GROUPS, 0.12),
    graduationDate: orNull(rng, 0.5, () => date(rng, 2015, 2025)),
    unemployedSince: orNull(rng, 0.6, () => date(rng, 2022, 2025)),
    returnDate: orNull(rng, 0.3, () => date(rng, 2018, 2025)),
    hasOtherLoans: rng() < 0.3,
    business: {
      form: pick(rng, BUSINESS_FORMS).value,
      registeredAt: orNull(rng, 0.2, () => date(rng, 2020, 2025)),
      regionCode: pick(rng, PROFILE_REGIONS),
      industry: subset(rng, INDUSTRIES, 0.15),
      employees,
      newHiresFromGroups: Math.floor(rng() * Math.min(40, employees + 1)),
      wageArrears: rng() < 0.1,
      partners: 1 + Math.floor(rng() * 4),
    },
    land: { transferredMu: Math.floor(rng() * 400), contractYears: Math.floor(rng() * 15) },
    needs: subset(rng, NEEDS, 0.25),
    gender: rng() < 0.5 ? 'male' : 'female',
    postType: pick(rng, POST_TYPES).value,
  };
}

/** Drops each answer with probability `p` (business and land may go whole). */
export function withMissing(rng: () => number, profile: P, p: number): P {
  const out: P = { id: profile.id };
  for (const [k, v] of Object.entries(profile)) {
    if (k === 'id' || rng() < p) continue;
    if (v && typeof v === 'object' && !Array.isArray(v)) {
      const inner: Record<string, unknown> = {};
      for (const [ik, iv] of Object.entries(v)) if (rng() >= p) inner[ik] = iv;
      out[k] = inner;
    } else out[k] = v;
  }
  return out;
}

export function profiles(n: number, seed: number, missing = 0): P[] {
  const rng = prng(seed);
  const out: P[] = new Array(n);
  for (let i = 0; i < n; i++) out[i] = missing ? withMissing(rng, completeProfile(rng, i), missing) : completeProfile(rng, i);
  return out;
}

/** 16 or older and short of the statutory retirement age for the person's birth month, gender and post. */
function workingAge(p: P, birth: CivilDate, on: CivilDate): boolean {
  const age = fullYearsBetween(birth, on);
  return age >= 16 && (monthsToRetirement(birth.y, birth.m, fullMonthsBetween(birth, on), p.gender, p.postType) ?? 0) > 0;
}

/** The date measures every peer reads, computed once per profile at `asOf` (or at registration, where marked). */
export function derive(p: P, asOfDay: number): Derived {
  const to = fromDayNumber(asOfDay);
  const c = (s: string | null) => (s === null ? null : parseIsoDate(s)!);
  const birth = c(p.birthDate), reg = c(p.business.registeredAt), un = c(p.unemployedSince), grad = c(p.graduationDate), back = c(p.returnDate);
  const e = p.business.employees, h = p.business.newHiresFromGroups;
  return {
    age: birth && fullYearsBetween(birth, to),
    regMonths: reg && calendarMonthsBetween(reg, to),
    regDays: reg && asOfDay - dayOf(p.business.registeredAt),
    unempMonths: un && reg && fullMonthsBetween(un, reg),
    gradYears: grad && reg && reg.y - grad.y,
    regWorkingAge: birth && reg && workingAge(p, birth, reg),
    returnMonths: back && fullMonthsBetween(back, to),
    hireRatio: e === 0 ? (h === 0 ? 0 : Number.POSITIVE_INFINITY) : h / e,
  };
}
