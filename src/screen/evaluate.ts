import type { Locale } from '../core/text.js';
import type { AmountRange } from '../engine/amount.js';
import type { Matcher } from '../matcher/create.js';
import type { Evaluation } from '../engine/matcher.js';
import type { CompiledPolicy } from '../engine/policy.js';
import type { Profile } from '../profile/schema.js';
import type { Status } from './types.js';

// core/tri.ts's F/T/U, local so the hot loop reads constants.
const F = 0;
const T = 1;
const NONE: readonly never[] = Object.freeze([]);
const STATUS: readonly Status[] = ['ineligible', 'eligible', 'unknown'];

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
  const core = matcher.core;
  core.verdicts(profile, day, (cp, t, f, p) => {
    if (t === F) {
      if (wantIneligible(cp)) visit(cp, 'ineligible', undefined, NONE);
      return;
    }
    // As verdict mode does: constant amounts are shared, others read the answers.
    const amount = !cp.amount ? undefined : cp.amountIsConstant ? (core.shared.amount(cp, p) ?? undefined) : (cp.amount(f, p) ?? undefined);
    visit(cp, STATUS[t]!, amount, t === T ? NONE : core.missingOf(cp, f, p));
  });
}

const scratchOf = new WeakMap<Matcher, unknown[]>();

/**
 * Reasons for a few policies, computed only for people who get a chat message, and only for the
 * policies the message is about that can apply where the person is.
 */
export function reasonsFor(matcher: Matcher, profile: Profile, day: number, policyIds: readonly string[], locale: Locale): Map<string, Evaluation> {
  const core = matcher.core;
  const out = new Map<string, Evaluation>();
  const applicable = core.candidates(profile.regionCode, day);
  let scratch = scratchOf.get(matcher);
  if (!scratch) scratchOf.set(matcher, (scratch = new Array<unknown>(core.facts.refs.length).fill(undefined)));
  // A scratch array of its own: the engine's is busy while verdicts are being visited.
  const f = core.facts.fill(profile, day, scratch);
  const p = core.params.at(day);
  for (const id of policyIds) {
    const cp = core.compiledById(id);
    if (cp && applicable.includes(cp)) out.set(id, core.evaluateCompiled(cp, f, p, locale, true));
  }
  return out;
}
