import type { Locale } from '../core/locale.js';
import { formatRangeCached, pick } from '../core/text.js';
import type { Status } from '../core/tri.js';
import type { Policy } from '../policy/schema.js';
import type { AmountRange } from './amount.js';
import type { Reason } from './explain.js';

/** The verdict on one policy for one profile, with its explanation. */
export interface Evaluation {
  readonly policyId: string;
  /** The policy's title in the requested locale (zh-CN when the rule has no English title). */
  readonly title: string;
  readonly status: Status;
  /** Field paths whose answers could settle an `unknown`, in rule order. */
  readonly missing: readonly string[];
  /** The conditions that decided the outcome (empty in verdict mode). */
  readonly reasons: readonly Reason[];
  /** The amount the answers allow; absent when ineligible or the policy names none. */
  readonly amount?: AmountRange;
  /** `amount` for people, in the requested locale: "最高30万元", "up to CNY 300,000". */
  readonly amountText?: string;
  /**
   * Which figure the amount rests on where a national rule lets regions set it: the region's
   * ("重庆市：每户每年扣减限额2.4万元") or the national range when none covers the person's region.
   */
  readonly amountBasis?: string;
}

/** The empty list results share. */
export const NONE: readonly never[] = Object.freeze([]);

/**
 * The one place an Evaluation is made, so every path (explain, verdict, shared, rebuilt from a
 * worker's codes) gives the same keys in the same order, `amount` and `amountText` only when there is one.
 */
export function evaluation(policy: Pick<Policy, 'id' | 'title'>, locale: Locale, status: Status, missing: readonly string[], reasons: readonly Reason[], amount: AmountRange | null | undefined, amountBasis?: string): Evaluation {
  const title = pick(policy.title, locale);
  if (!amount) return { policyId: policy.id, title, status, missing, reasons };
  const amountText = formatRangeCached(amount, locale);
  return amountBasis === undefined ? { policyId: policy.id, title, status, missing, reasons, amount, amountText } : { policyId: policy.id, title, status, missing, reasons, amount, amountText, amountBasis };
}
