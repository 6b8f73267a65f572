import type { Policy } from '../policy/schema.js';
import { runEmbeddedCases } from '../policy/cases.js';
import type { Profile } from '../profile/schema.js';
import type { Evaluation } from './evaluation.js';
import { MatcherCore } from './matcher.js';

/** The outcome of one test case embedded in a rule file. */
export interface CaseResult {
  policyId: string;
  file?: string | undefined;
  name: string;
  ok: boolean;
  /** What differed from the expectation, for people. */
  problems: string[];
  evaluation?: Evaluation | undefined;
}

/**
 * Runs every case carried by the policies, each against its own policy.
 *
 * @example
 * const failed = runPolicyCases(policies).filter((r) => !r.ok);
 */
export function runPolicyCases(policies: readonly Policy[]): CaseResult[] {
  const evaluatorFor = (policy: Policy) => {
    const matcher = new MatcherCore([policy]);
    return (profile: Profile, asOf: string) => matcher.evaluateProfile(profile, matcher.day(asOf)).find((e) => e.policyId === policy.id);
  };
  return runEmbeddedCases(policies, evaluatorFor, 'not in force').map(({ doc, result }) => ({ policyId: doc.id, ...result }));
}
