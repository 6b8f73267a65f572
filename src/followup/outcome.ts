import { own } from '../screen/state.js';
import type { PolicyEntry, ScreenState } from '../screen/types.js';
import { OUTCOMES, type Outcome, type OutcomeRecord } from './types.js';

/** One outcome as an officer enters it. */
export interface OutcomeInput {
  profileId: string;
  policyId: string;
  outcome: Outcome;
  /** Amount granted (or applied for), in the policy's unit. */
  amount?: number;
  /** ISO date or date-time of the record. */
  at: string;
}

/** Outcomes after which nobody needs to call again. */
const FINAL: ReadonlySet<Outcome> = new Set(['granted', 'rejected', 'not-interested']);

/**
 * Records what became of a push and returns the new state (the old one is left as it was).
 * A final outcome closes every open follow-up; others close those already due.
 * @example state = recordOutcome(state, { profileId: 'p1', policyId: 'cn-guarantee-loan-individual', outcome: 'granted', amount: 150000, at: '2026-07-01' })
 */
export function recordOutcome(state: ScreenState, input: OutcomeInput): ScreenState {
  if (!OUTCOMES.includes(input.outcome)) throw new RangeError(`unknown outcome ${String(input.outcome)}`);
  const person = own(state.profiles, input.profileId);
  const before: PolicyEntry | undefined = own(person?.policies, input.policyId);
  if (!person || !before) throw new RangeError(`no screening record for this person and policy ${input.policyId}`);
  const record: OutcomeRecord = { outcome: input.outcome, at: input.at };
  if (input.amount !== undefined) record.amount = input.amount;
  const day = input.at.slice(0, 10);
  const closes = (due: string) => FINAL.has(input.outcome) || due <= day;
  const entry: PolicyEntry = {
    ...before,
    outcomes: [...(before.outcomes ?? []), record],
    ...(before.followUps ? { followUps: before.followUps.map((t) => (t.done || !closes(t.due) ? t : { ...t, done: input.at })) } : {}),
  };
  return {
    ...state,
    profiles: { ...state.profiles, [input.profileId]: { ...person, policies: { ...person.policies, [input.policyId]: entry } } },
  };
}
