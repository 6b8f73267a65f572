import type { Locale } from '../core/text.js';
import type { Matcher } from '../engine/create.js';
import type { Evaluation } from '../engine/matcher.js';
import type { CompiledPolicy } from '../engine/policy.js';
import type { Profile } from '../profile/schema.js';

/** One policy's verdict for a screened person, with the rule version it came from. */
export interface Verdict {
  evaluation: Evaluation;
  compiled: CompiledPolicy;
}

/**
 * The one place screening calls the engine: verdicts (no reasons) for the policies that can apply
 * where the person is. Swapping in a faster batch API means changing only this function.
 */
export function verdictsFor(matcher: Matcher, profile: Profile, day: number): Verdict[] {
  const core = matcher.core;
  const out: Verdict[] = [];
  for (const evaluation of core.evaluateProfile(profile, day, { mode: 'verdict', scope: 'applicable' })) {
    const compiled = core.compiledById(evaluation.policyId);
    if (compiled) out.push({ evaluation, compiled });
  }
  return out;
}

/** Reasons for a few policies, computed only for people who get a chat message. */
export function reasonsFor(matcher: Matcher, profile: Profile, day: number, policyIds: ReadonlySet<string>, locale: Locale): Map<string, Evaluation> {
  const core = matcher.core;
  const out = new Map<string, Evaluation>();
  for (const e of core.evaluateProfile(profile, day, { mode: 'explain', scope: 'applicable', locale })) if (policyIds.has(e.policyId)) out.set(e.policyId, e);
  return out;
}
