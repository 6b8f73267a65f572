import { dayOf, daysInMonth, formatDay, fromDayNumber, toDayNumber } from '../core/dates.js';
import { onOrBeforeCondition } from '../ops/index.js';
import type { Condition, Policy } from './schema.js';

/**
 * Carry-over: a policy that ends on `validTo` still covers those who started on or before that day,
 * until their own period of `carryOver.months` runs out (公告2023年第15号: 2027年12月31日未享受满3年的，
 * 可继续享受至3年期满). The rule's own conditions say when each person's period ends; this adds
 * "started by the end" and keeps the policy in force until the latest such period could end.
 */
export function carryCondition(p: Pick<Policy, 'carryOver' | 'validTo'>): Condition | null {
  if (!p.carryOver || p.validTo === null) return null;
  return onOrBeforeCondition(p.carryOver.start, p.validTo, { id: 'started-by-end', clause: p.carryOver.clause });
}

/** The last day the policy is in force, carry-over included (null: open-ended). */
export function lastDay(p: Pick<Policy, 'carryOver' | 'validTo'>): string | null {
  if (p.validTo === null || !p.carryOver) return p.validTo;
  // Someone starting on validTo counts months 0 … months − 1 from that month: the last is the end of month (m + months − 1).
  const end = fromDayNumber(dayOf(p.validTo));
  const index = end.y * 12 + (end.m - 1) + p.carryOver.months - 1;
  const y = Math.floor(index / 12);
  const m = (index % 12) + 1;
  return formatDay(toDayNumber({ y, m, d: daysInMonth(y, m) }));
}

/** The policy's eligibility with the carry-over condition beside it, for interpreters that read the tree. */
export function eligibilityWithCarry(p: Pick<Policy, 'carryOver' | 'validTo' | 'eligibility'>): Condition {
  const carry = carryCondition(p);
  return carry ? { op: 'all', of: [p.eligibility, carry] } : p.eligibility;
}
