import type { Status } from '../core/tri.js';
import type { Profile } from '../profile/schema.js';
import type { Project } from './schema.js';

/** What a project's score is made of, each part in [0, 1]. */
export interface ProjectBreakdown {
  /** `suits`: eligible 1, unknown 0.5, ineligible 0. */
  suitability: number;
  /** Industries shared by the profile's `business.industry` and the project, over the shorter list. */
  industry: number;
  /** Same county 1, a city- or province-wide site covering the county 0.8 / 0.6, same city 0.5, same province 0.3. */
  locality: number;
  /** How much of the typical capital need (mid-range) the best funding policy could cover (0.5 without a policy matcher). */
  capital: number;
  /** Land the operator must bring against the land the profile holds (1 when the site provides it). */
  land: number;
}

/** How much each part weighs in the score; they add up to 1. */
export const WEIGHTS: Readonly<ProjectBreakdown> = { suitability: 0.3, industry: 0.3, locality: 0.2, capital: 0.1, land: 0.1 };

/** The value used when the profile has not answered what a part needs. */
export const UNKNOWN_PART = 0.5;

const STATUS_SCORE: Record<Status, number> = { eligible: 1, unknown: UNKNOWN_PART, ineligible: 0 };

const round3 = (x: number) => Math.round(x * 1000) / 1000;

export function profileRegion(profile: Profile): string | undefined {
  return profile.regionCode ?? profile.business?.regionCode;
}

/** How local a project's sites are to a county code. */
export function localityScore(prefixes: readonly string[], region: string | undefined): number {
  if (region === undefined) return UNKNOWN_PART;
  let best = 0;
  for (const p of prefixes) {
    if (region.startsWith(p)) best = Math.max(best, p.length === 6 ? 1 : p.length === 4 ? 0.8 : 0.6);
    else if (region.slice(0, 4) === p.slice(0, 4)) best = Math.max(best, 0.5);
    else if (region.slice(0, 2) === p.slice(0, 2)) best = Math.max(best, 0.3);
  }
  return best;
}

export function industryScore(project: Project, profile: Profile): number {
  const mine = profile.business?.industry;
  if (project.industries.length === 0 || mine === undefined) return UNKNOWN_PART;
  if (mine.length === 0) return 0;
  // Shared industries over the smaller list: a specialist project scores 1 for a specialist, a broad one less.
  const shared = project.industries.filter((i) => mine.includes(i)).length;
  return shared / Math.min(mine.length, project.industries.length);
}

/** `fundable` is the largest CNY amount an eligible funding policy offers (an unknown one counts half); null without a matcher. */
export function capitalScore(project: Project, fundable: number | null): number {
  if (fundable === null) return UNKNOWN_PART;
  // The middle of the range stands for a typical start; the minimum would flatter large projects.
  const need = (project.capitalNeeded.min + project.capitalNeeded.max) / 2;
  if (need <= 0) return 1;
  return Math.min(1, fundable / need);
}

export function landScore(project: Project, profile: Profile): number {
  const land = project.land;
  if (!land || land.provided || land.mu === 0) return 1;
  const held = profile.land?.transferredMu;
  if (held === undefined) return UNKNOWN_PART;
  // An approximate answer counts at its middle.
  const mu = typeof held === 'number' ? held : (held.min + held.max) / 2;
  return Math.min(1, mu / land.mu);
}

/** The breakdown and weighted score of one project for one profile. */
export function scoreProject(project: Project, prefixes: readonly string[], profile: Profile, status: Status, fundable: number | null): { score: number; breakdown: ProjectBreakdown } {
  const breakdown: ProjectBreakdown = {
    suitability: STATUS_SCORE[status],
    industry: industryScore(project, profile),
    locality: localityScore(prefixes, profileRegion(profile)),
    capital: round3(capitalScore(project, fundable)),
    land: round3(landScore(project, profile)),
  };
  let score = 0;
  for (const k of Object.keys(WEIGHTS) as (keyof ProjectBreakdown)[]) score += WEIGHTS[k] * breakdown[k];
  return { score: round3(score), breakdown };
}
