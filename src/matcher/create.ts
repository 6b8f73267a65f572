import type { Locale } from '../core/text.js';
import { nextQuestionFor, type NextQuestionOptions, type Question } from '../ask/index.js';
import { searchPolicies, type PinyinReader, type SearchHit, type SearchOptions } from '../search/search.js';
import type { Policy } from '../policy/schema.js';
import { compileCatalogue, parseProfileFast, type Engine, type EvaluateOptions, type Evaluation, type MatcherOptions } from '../engine/index.js';
import { bundle, nearMiss, rankProfile, type Bundle, type NearMiss, type Recommendation, type RecommendOptions } from '../recommend/index.js';

/** Evaluates profiles against a compiled policy catalogue. */
export interface Matcher {
  readonly policies: readonly Policy[];
  /** One evaluation per policy in force at `asOf`; throws `ProfileValidationError` for an invalid profile. */
  evaluate(profile: unknown, opts?: EvaluateOptions): Evaluation[];
  /** Many profiles at one `asOf`; compiled facts and parameters are shared across the batch. */
  evaluateMany(profiles: Iterable<unknown>, opts?: EvaluateOptions): Evaluation[][];
  /** Ranked policies: eligible first, then unknown by likelihood × value; see `RecommendOptions`. */
  recommend(profile: unknown, opts?: RecommendOptions): Recommendation[];
  /** The best combination of recommended policies that may be taken together, and what was set aside. */
  recommendBundle(profile: unknown, opts?: RecommendOptions): Bundle;
  /** The smallest change that would qualify for one policy; null when none would or it is not in force. */
  nearMiss(profile: unknown, policyId: string, opts?: { asOf?: Date | string; locale?: Locale }): NearMiss | null;
  /** The question whose answer settles the most expected value across the open policies; null when none would. */
  nextQuestion(profile: unknown, opts?: NextQuestionOptions): Question | null;
  /** 找政策: fuzzy free-text search with synonyms and pinyin; with a profile, hits carry its status and ineligible ones sink. */
  search(query: string, opts?: SearchOptions): SearchHit[];
}

/** The engine behind each matcher this module made; the library's batch code reaches it through `engineOf`. */
const ENGINES = new WeakMap<Matcher, Engine>();

/** The compiled engine of a matcher made by `createMatcher` (for screening, the worker pool and the CLI). */
export function engineOf(matcher: Matcher): Engine {
  const core = ENGINES.get(matcher);
  if (!core) throw new TypeError('not a matcher made by createMatcher');
  return core;
}

/** Options of `createMatcher`. */
export interface CreateMatcherOptions extends MatcherOptions {
  /** Lets `search` match pinyin ("daikuan", "cydbdk"): pass `pinyinReader`. Without it search matches characters, English and synonyms, and the pinyin tables stay out of the bundle. */
  pinyin?: PinyinReader;
}

/**
 * Compiles policies once for many evaluations.
 * @example
 * const m = createMatcher(parsePolicies([{ name: 'a.yaml', text }]));
 * m.evaluate({ id: 'p1', groups: ['college-graduate'] }, { asOf: '2025-06-01' });
 */
export function createMatcher(policies: readonly Policy[], options: CreateMatcherOptions = {}): Matcher {
  const { pinyin, ...coreOptions } = options;
  const core = compileCatalogue(policies, coreOptions);
  const byId = new Map(core.policies.map((p) => [p.id, p]));
  const recommend = (profile: unknown, opts: RecommendOptions = {}) => rankProfile(core, parseProfileFast(profile), core.day(opts.asOf), opts);
  const matcher: Matcher = {
    policies: core.policies,
    recommend,
    recommendBundle: (profile, opts = {}) => bundle(recommend(profile, { ...opts, limit: undefined, nearMisses: false }), byId, opts.locale),
    nextQuestion: (profile, opts = {}) => nextQuestionFor(core, parseProfileFast(profile), core.day(opts.asOf), opts),
    search: (query, opts = {}) => searchPolicies(core, query, opts, pinyin),
    nearMiss(profile, policyId, opts = {}) {
      const cp = core.compiledById(policyId);
      const day = core.day(opts.asOf);
      if (!cp || cp.from > day || day > cp.to) return null;
      return nearMiss(core, cp, parseProfileFast(profile), day, opts.locale);
    },
    evaluate: (profile, opts = {}) => core.evaluate(profile, opts),
    evaluateMany(profiles, opts = {}) {
      const day = core.day(opts.asOf);
      const out: Evaluation[][] = [];
      for (const p of profiles) out.push(core.evaluateProfile(parseProfileFast(p), day, opts));
      return out;
    },
  };
  ENGINES.set(matcher, core);
  return matcher;
}

