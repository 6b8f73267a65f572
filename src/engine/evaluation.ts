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

/** The empty list results share. */
export const NONE: readonly never[] = Object.freeze([]);

/**
 * The one place an Evaluation is made, so every path (explain, verdict, shared, rebuilt from a
 * worker's codes) gives the same keys in the same order, `amount` only when there is one.
 */
export function evaluation(policyId: string, status: Status, missing: readonly string[], reasons: readonly Reason[], amount: AmountRange | null | undefined): Evaluation {
  return amount ? { policyId, status, missing, reasons, amount } : { policyId, status, missing, reasons };
}
