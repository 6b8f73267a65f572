/** What became of a push, as a service officer recorded it. */
export type Outcome = 'applied' | 'granted' | 'rejected' | 'no-response' | 'not-interested';
/**
 * Every outcome an officer can record, in funnel order.
 *
 * @example
 * OUTCOMES.includes('granted') // true
 */
export const OUTCOMES: readonly Outcome[] = ['applied', 'granted', 'rejected', 'no-response', 'not-interested'];

/** An outcome kept in the screening state. */
export interface OutcomeRecord {
  outcome: Outcome;
  amount?: number;
  /** ISO date or date-time of the record. */
  at: string;
}

/** A call-back a service officer owes a person about one policy. */
export interface FollowUpTask {
  /** Civil date (YYYY-MM-DD) the call is due. */
  due: string;
  /** Days after the push. */
  offset: number;
  /** When it was closed by a recorded outcome. */
  done?: string;
}

export const DEFAULT_FOLLOW_UP_OFFSETS: readonly number[] = [7, 30];
