import { dayOf, formatDay } from '../core/dates.js';
import type { ScreenState } from '../screen/types.js';
import { DEFAULT_FOLLOW_UP_OFFSETS, type FollowUpTask } from './types.js';

/**
 * Call-backs `offsets` days after a push at `sendAt` (an ISO date-time on the +08:00 wall clock).
 *
 * @example
 * createFollowUps('2026-06-01T09:00:00+08:00') // due 2026-06-08 (7 days) and 2026-07-01 (30 days)
 */
export function createFollowUps(sendAt: string, offsets: readonly number[] = DEFAULT_FOLLOW_UP_OFFSETS): FollowUpTask[] {
  const day = dayOf(sendAt.slice(0, 10));
  return [...new Set(offsets)].sort((a, b) => a - b).map((offset) => ({ due: formatDay(day + offset), offset }));
}

/** An open follow-up with whom and what it is about. */
export interface DueFollowUp extends FollowUpTask {
  profileId: string;
  policyId: string;
  officerId: string | null;
  regionCode?: string;
}

/**
 * Open follow-ups due on or before `on` (YYYY-MM-DD), oldest first: the service officers' call list.
 * @example followUpsDue(state, { on: '2026-06-08' })
 */
export function followUpsDue(state: ScreenState, { on }: { on: string }): DueFollowUp[] {
  const out: DueFollowUp[] = [];
  for (const [profileId, p] of Object.entries(state.profiles)) {
    for (const [policyId, e] of Object.entries(p.policies)) {
      for (const t of e.followUps ?? []) {
        if (t.done || t.due > on) continue;
        out.push({ ...t, profileId, policyId, officerId: e.officerId ?? null, ...(p.regionCode ? { regionCode: p.regionCode } : {}) });
      }
    }
  }
  return out.sort((a, b) => (a.due < b.due ? -1 : a.due > b.due ? 1 : 0));
}
