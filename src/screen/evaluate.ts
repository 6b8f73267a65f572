import type { Locale } from '../core/text.js';
import type { AmountRange, Evaluation, CompiledPolicy } from '../engine/index.js';
import { engineOf, type Matcher } from '../matcher/create.js';
import type { Profile } from '../profile/schema.js';
import type { Status } from './types.js';


/**
 * Receives one policy's verdict for a screened person. `amount` and `missing` are what verdict
 * mode reports (missing is empty unless the status is unknown).
 */
export type VerdictVisitor = (cp: CompiledPolicy, status: Status, amount: AmountRange | undefined, missing: readonly string[]) => void;

/**
 * The one place screening calls the engine: verdicts (no reasons) for the policies that can apply
 * where the person is, in catalogue order, from the engine's batch primitive. Ineligible verdicts
 * are passed only when `wantIneligible(cp)` says the person has a record to update, so a register
 * of strangers to most policies costs no allocation per policy.
 */
export function verdictsFor(matcher: Matcher, profile: Profile, day: number, wantIneligible: (cp: CompiledPolicy) => boolean, visit: VerdictVisitor): void {
  engineOf(matcher).stream(profile, day, wantIneligible, visit);
}

/**
 * Reasons for a few policies, computed only for people who get a chat message, and only for the
 * policies the message is about that can apply where the person is.
 */
export function reasonsFor(matcher: Matcher, profile: Profile, day: number, policyIds: readonly string[], locale: Locale): Map<string, Evaluation> {
  return engineOf(matcher).explainSome(profile, day, policyIds, locale);
}
