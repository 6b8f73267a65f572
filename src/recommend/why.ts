import type { Reason, Evaluation } from '../engine/index.js';

const CARRIES = { eligible: 'pass', ineligible: 'fail', unknown: 'unknown' } as const;

/**
 * The conditions that carried the verdict, for display: the passing ones of an eligible policy,
 * the failing ones of an ineligible one, the open ones of an unknown one; one per field, at most `limit`.
 * @example carriedBy(evaluation, 2).map((r) => r.text)
 */
export function carriedBy(e: Pick<Evaluation, 'status' | 'reasons'>, limit = 3): Reason[] {
  const want = CARRIES[e.status];
  const out: Reason[] = [];
  const seen = new Set<string>();
  for (const r of e.reasons) {
    if (r.status !== want) continue;
    if (seen.has(r.path)) continue;
    seen.add(r.path);
    out.push(r);
    if (out.length >= limit) break;
  }
  return out;
}
