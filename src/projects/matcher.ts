import { formatDay, POLICY_TIME_ZONE, resolveAsOf } from '../core/dates.js';
import type { Locale } from '../core/text.js';
import { triToStatus, U, type Status } from '../core/tri.js';
import { collectMissing, explain, type Reason, FactTable, type MatcherOptions, ParamTable } from '../engine/index.js';
import type { Matcher } from '../matcher/create.js';
import { parseProfile } from '../profile/validate.js';
import type { Profile } from '../profile/schema.js';
import { compileProject, projectOpen, type CompiledProject } from './compile.js';
import { fundingFor, type ProjectFunding } from './funding.js';
import { localityScore, profileRegion, scoreProject, type ProjectBreakdown } from './score.js';
import type { Project } from './schema.js';

/** Whether a project suits a profile, three-valued like a policy evaluation. */
export interface ProjectEvaluation {
  readonly projectId: string;
  readonly status: Status;
  /** Field paths whose answers could settle an `unknown`. */
  readonly missing: readonly string[];
  /** The `suits` conditions that decided the outcome. */
  readonly reasons: readonly Reason[];
}

/** A ranked project with what its score is made of and the policies that could fund it. */
export interface ProjectRecommendation extends ProjectEvaluation {
  readonly score: number;
  readonly breakdown: ProjectBreakdown;
  /** Ids of the policies (eligible first) that fund the project and are eligible or unknown for the profile. */
  readonly fundingPolicies: readonly string[];
  readonly funding: readonly ProjectFunding[];
}

/** Options of project evaluation. */
export interface ProjectEvaluateOptions {
  asOf?: Date | string;
  locale?: Locale;
}

/** Options of `recommendProjects`. */
export interface RecommendProjectsOptions extends ProjectEvaluateOptions {
  /** At most this many projects (default 10). */
  limit?: number;
  /** The policy matcher whose policies may fund the projects; without it no funding is listed. */
  matcher?: Matcher;
  /** `applicable` (default) keeps projects in the profile's province; `all` ranks every project. */
  scope?: 'applicable' | 'all';
  /** Keep projects whose `suits` fails, ranked last (default false). */
  includeIneligible?: boolean;
}

/** Evaluates and ranks a compiled project catalogue. */
export interface ProjectMatcher {
  readonly projects: readonly Project[];
  /** One evaluation per project open at `asOf`, in catalogue order. */
  evaluate(profile: unknown, opts?: ProjectEvaluateOptions): ProjectEvaluation[];
  /** Projects ranked by score, best first; throws `ProfileValidationError` for an invalid profile. */
  recommendProjects(profile: unknown, opts?: RecommendProjectsOptions): ProjectRecommendation[];
}

const ORDER: Record<Status, number> = { eligible: 0, unknown: 1, ineligible: 2 };

/**
 * Compiles projects once for many evaluations, with the policy condition compiler.
 * @example
 * const pm = createProjectMatcher(parseProjects(sources));
 * pm.recommendProjects(profile, { asOf: '2026-06-01', matcher: createMatcher(policies) });
 */
export function createProjectMatcher(projects: readonly Project[], options: MatcherOptions = {}): ProjectMatcher {
  const facts = new FactTable();
  const params = new ParamTable();
  const list = Object.freeze([...projects]);
  const compiled = list.map((p, i) => compileProject(p, i, facts, params));
  const clock = options.clock ?? (() => new Date());
  const timeZone = options.timeZone ?? POLICY_TIME_ZONE;
  const dayOf = (asOf: Date | string | undefined) => resolveAsOf(asOf ?? clock(), timeZone);

  function evaluateOne(cp: CompiledProject, f: readonly unknown[], p: ArrayLike<number>, locale: Locale): ProjectEvaluation {
    const t = cp.suits.verdict(f, p);
    const missing = new Set<string>();
    if (t === U) collectMissing(cp.suits, f, p, missing);
    return { projectId: cp.project.id, status: triToStatus(t), missing: [...missing], reasons: explain(cp.suits, f, p, locale) };
  }

  function run(profile: Profile, day: number, locale: Locale, keep: (cp: CompiledProject) => boolean) {
    const f = facts.fill(profile, day);
    const p = params.at(day);
    return compiled.filter((cp) => projectOpen(cp, day) && keep(cp)).map((cp) => ({ cp, evaluation: evaluateOne(cp, f, p, locale) }));
  }

  return {
    projects: list,
    evaluate(input, opts = {}) {
      return run(parseProfile(input), dayOf(opts.asOf), opts.locale ?? 'zh-CN', () => true).map((r) => r.evaluation);
    },
    recommendProjects(input, opts = {}) {
      const profile = parseProfile(input);
      const day = dayOf(opts.asOf);
      const locale = opts.locale ?? 'zh-CN';
      const region = profileRegion(profile);
      const local = (cp: CompiledProject) => opts.scope === 'all' || region === undefined || localityScore(cp.prefixes, region) > 0;
      const policies = opts.matcher ? opts.matcher.evaluate(profile, { asOf: formatDay(day), locale, mode: 'verdict', scope: 'applicable' }) : null;
      const ranked = run(profile, day, locale, local)
        .filter(({ evaluation }) => opts.includeIneligible || evaluation.status !== 'ineligible')
        .map(({ cp, evaluation }) => {
          const funding = opts.matcher && policies ? fundingFor(cp, opts.matcher.policies, policies) : [];
          const fundable = policies ? Math.max(0, ...funding.map((x) => x.capital)) : null;
          const { score, breakdown } = scoreProject(cp.project, cp.prefixes, profile, evaluation.status, fundable);
          const rec: ProjectRecommendation = {
            ...evaluation,
            score,
            breakdown,
            fundingPolicies: funding.map((x) => x.policyId),
            funding: funding.map(({ capital: _c, ...x }) => x),
          };
          return { rec, index: cp.index };
        })
        .sort((a, b) => b.rec.score - a.rec.score || ORDER[a.rec.status] - ORDER[b.rec.status] || a.index - b.index);
      return ranked.slice(0, opts.limit ?? 10).map((r) => r.rec);
    },
  };
}

/**
 * Ranks `projects` for one profile; see `createProjectMatcher` to compile once for many profiles.
 *
 * @example
 * recommendProjects(projects, profile, { asOf: '2026-06-01', limit: 3 })
 */
export function recommendProjects(projects: readonly Project[], profile: unknown, opts: RecommendProjectsOptions = {}): ProjectRecommendation[] {
  return createProjectMatcher(projects).recommendProjects(profile, opts);
}
