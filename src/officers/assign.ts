import type { Locale } from '../core/text.js';
import { pick } from '../core/text.js';
import { wordsFor } from '../core/catalogue/index.js';
import type { Profile } from '../profile/schema.js';
import { parseProfile } from '../profile/validate.js';
import { INDUSTRIES } from '../profile/vocabulary.js';
import { regionName, regionPrefix } from '../regions/codes.js';
import type { Officer } from './schema.js';

/** An officer chosen for a profile and why. */
export interface OfficerAssignment {
  officerId: string;
  reason: string;
}

/** Options of officer assignment. */
export interface AssignOptions {
  /** Open follow-ups each officer carries now, by officer id (absent is 0). */
  load?: Readonly<Record<string, number>>;
  locale?: Locale;
}

/** How well an officer fits a profile; larger is better, compared left to right. */
interface Fit {
  officer: Officer;
  /** 2 county, 1 city, 0 province: the most specific region of the officer covering the profile. */
  level: number;
  region: string;
  /** 2 covers one of the profile's industries by name, 1 covers every industry, 0 a specialist whose field is unknown. */
  industry: number;
  language: number;
}

const industryLabel = (v: string, locale: Locale) => {
  const c = INDUSTRIES.find((x) => x.value === v);
  return c ? pick(c.label, locale) : v;
};

function fitOf(officer: Officer, county: string, industries: readonly string[] | undefined, language: string | undefined): Fit | null {
  let level = -1;
  let region = '';
  for (const r of officer.regions) {
    const p = regionPrefix(r);
    if (!county.startsWith(p)) continue;
    const l = p.length === 6 ? 2 : p.length === 4 ? 1 : 0;
    if (l > level) [level, region] = [l, r];
  }
  if (level < 0) return null;
  const own = officer.industries ?? [];
  let industry: number;
  if (own.length === 0) industry = 1;
  else if (industries === undefined || industries.length === 0) industry = 0;
  else if (own.some((i) => industries.includes(i))) industry = 2;
  else return null;
  const lang = language !== undefined && language !== 'zh-CN' && (officer.languages ?? []).includes(language) ? 1 : 0;
  return { officer, level, region, industry, language: lang };
}

const sameTier = (a: Fit, b: Fit) => a.level === b.level && a.industry === b.industry && a.language === b.language;

/** Officers covering the profile, best first: spare capacity, region, industry, language, lowest load, then id. */
export function rankOfficers(profile: Profile, officers: readonly Officer[], load: Readonly<Record<string, number>>): { fit: Fit; load: number; full: boolean }[] {
  const county = profile.regionCode ?? profile.business?.regionCode;
  if (county === undefined) return [];
  const industries = profile.business?.industry;
  const language = profile.contact?.locale;
  const out: { fit: Fit; load: number; full: boolean }[] = [];
  for (const o of officers) {
    const fit = fitOf(o, county, industries, language);
    if (!fit) continue;
    const l = load[o.id] ?? 0;
    out.push({ fit, load: l, full: o.capacity !== undefined && l >= o.capacity });
  }
  return out.sort(
    (a, b) =>
      Number(a.full) - Number(b.full) ||
      b.fit.level - a.fit.level ||
      b.fit.industry - a.fit.industry ||
      b.fit.language - a.fit.language ||
      a.load - b.load ||
      (a.fit.officer.id < b.fit.officer.id ? -1 : a.fit.officer.id > b.fit.officer.id ? 1 : 0),
  );
}

function reasonFor(best: ReturnType<typeof rankOfficers>[number], peers: number, county: string, profile: Profile, locale: Locale): string {
  const o = best.fit.officer;
  const w = wordsFor(locale);
  const where = regionName(best.fit.region, locale);
  const field =
    best.fit.industry === 2
      ? (o.industries ?? []).filter((i) => profile.business?.industry?.includes(i)).map((i) => industryLabel(i, locale)).join(w.list.sep)
      : '';
  const cap = o.capacity !== undefined ? `/${o.capacity}` : '';
  const covers = w.officer.covers(o.name, where, field, regionName(county, locale));
  return w.officer.join(covers, best.full ? w.officer.full(best.load, cap) : w.officer.least(best.load, cap, peers));
}

function pickFor(profile: Profile, officers: readonly Officer[], load: Readonly<Record<string, number>>, locale: Locale): OfficerAssignment | null {
  const ranked = rankOfficers(profile, officers, load);
  const best = ranked[0];
  if (!best) return null;
  const peers = ranked.filter((r) => r.full === best.full && sameTier(r.fit, best.fit)).length;
  const county = (profile.regionCode ?? profile.business?.regionCode) as string;
  return { officerId: best.fit.officer.id, reason: reasonFor(best, peers, county, profile, locale) };
}

/**
 * The service officer for a profile: one covering its county (most specific region first) and
 * industry, with spare capacity and the lowest load, ties broken by id; null when none covers.
 * @example
 * assignOfficer(profile, officers, { load: { 'jz-lan': 3 } }) // { officerId: 'jz-wei', reason: '…' }
 */
export function assignOfficer(profile: unknown, officers: readonly Officer[], opts: AssignOptions = {}): OfficerAssignment | null {
  return pickFor(parseProfile(profile), officers, opts.load ?? {}, opts.locale ?? 'zh-CN');
}

/** Assigns profile after profile, counting each assignment into the load, so a run spreads work evenly. */
export interface OfficerAssigner {
  /** The officer id for the profile (null when none covers); the hook the follow-up code calls. */
  assign(profile: unknown): string | null;
  assignWithReason(profile: unknown): OfficerAssignment | null;
  /** The load so far, the starting load included. */
  load(): Record<string, number>;
}

/**
 * An assigner that keeps each officer's load between calls, so a run spreads people evenly.
 *
 * @example
 * const assign = createOfficerAssigner(officers);
 * const first = assign.assignWithReason(profile); // { officerId, reason } or null
 */
export function createOfficerAssigner(officers: readonly Officer[], opts: AssignOptions = {}): OfficerAssigner {
  const load: Record<string, number> = { ...(opts.load ?? {}) };
  const locale = opts.locale ?? 'zh-CN';
  const assignWithReason = (profile: unknown) => {
    const a = pickFor(parseProfile(profile), officers, load, locale);
    if (a) load[a.officerId] = (load[a.officerId] ?? 0) + 1;
    return a;
  };
  return { assignWithReason, assign: (p) => assignWithReason(p)?.officerId ?? null, load: () => ({ ...load }) };
}

/** One profile's officer in a batch; `officerId` is null when no officer covers it. */
export interface BatchAssignment {
  profileId: string;
  officerId: string | null;
  reason: string | null;
}

/**
 * Assigns a screening run's profiles in order, balancing load; returns each assignment and the final load.
 *
 * @example
 * const { assignments, load } = assignOfficers(profiles, officers);
 */
export function assignOfficers(profiles: Iterable<unknown>, officers: readonly Officer[], opts: AssignOptions = {}): { assignments: BatchAssignment[]; load: Record<string, number> } {
  const assigner = createOfficerAssigner(officers, opts);
  const assignments: BatchAssignment[] = [];
  for (const p of profiles) {
    const profile = parseProfile(p);
    const a = assigner.assignWithReason(profile);
    assignments.push({ profileId: profile.id, officerId: a?.officerId ?? null, reason: a?.reason ?? null });
  }
  return { assignments, load: assigner.load() };
}
