import type { Policy } from '../policy/schema.js';
import { parseProfileFast } from './profile-check.js';
import { MatcherCore, type EvaluateOptions, type Evaluation, type MatcherOptions } from './matcher.js';

/** Evaluates profiles against a compiled policy catalogue. */
export interface Matcher {
  readonly policies: readonly Policy[];
  /** One evaluation per policy in force at `asOf`; throws `ProfileValidationError` for an invalid profile. */
  evaluate(profile: unknown, opts?: EvaluateOptions): Evaluation[];
  /** Many profiles at one `asOf`; compiled facts and parameters are shared across the batch. */
  evaluateMany(profiles: Iterable<unknown>, opts?: EvaluateOptions): Evaluation[][];
  /** The compiled engine, for the library's own batch and ranking code. */
  readonly core: MatcherCore;
}

/**
 * Compiles policies once for many evaluations.
 * @example
 * const m = createMatcher(parsePolicies([{ name: 'a.yaml', text }]));
 * m.evaluate({ id: 'p1', groups: ['college-graduate'] }, { asOf: '2025-06-01' });
 */
export function createMatcher(policies: readonly Policy[], options: MatcherOptions = {}): Matcher {
  const core = new MatcherCore(policies, options);
  return {
    policies: core.policies,
    core,
    evaluate: (profile, opts = {}) => core.evaluate(profile, opts),
    evaluateMany(profiles, opts = {}) {
      const day = core.day(opts.asOf);
      const out: Evaluation[][] = [];
      for (const p of profiles) out.push(core.evaluateProfile(parseProfileFast(p), day, opts));
      return out;
    },
  };
}

