import type { Status } from '../core/tri.js';
import type { AmountRange } from './amount.js';
import type { Reason } from './explain.js';

/** The verdict on one policy for one profile, with its explanation. */
export interface Evaluation {
  readonly policyId: string;
  readonly status: Status;
  /** Field paths whose answers could settle an `unknown`, in rule order. */
  readonly missing: readonly string[];
  /** The conditions that decided the outcome (empty in verdict mode). */
  readonly reasons: readonly Reason[];
  /** The amount the answers allow; absent when ineligible or the policy names none. */
  readonly amount?: AmountRange;
}
