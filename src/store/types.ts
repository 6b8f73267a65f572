import type { Delivery, ProfileEntry, ScreenState } from '../screen/types.js';
import type { SentLedger } from '../screen/send.js';
import type { Outcome } from '../followup/types.js';
import type { FunnelRow } from '../followup/funnel.js';
import type { DueFollowUp } from '../followup/tasks.js';

/** A screening run's hold on a store: one run at a time plans messages. */
export interface RunLease {
  readonly holder: string;
  release(): Promise<void>;
}

/** One batch of a run: the people whose records changed, and the deliveries planned for them. */
export interface RunBatch {
  /** Each with its fingerprint (see `RawLine`), when it came from a register line. */
  people: readonly (readonly [profileId: string, entry: ProfileEntry, fingerprint?: string])[];
  /** People whose records did not change but whose register line did: their new fingerprints. */
  touched?: readonly (readonly [profileId: string, fingerprint: string])[];
  /** Ids of people in `people` the store already held (their old records are replaced). */
  known: ReadonlySet<string>;
  deliveries: readonly Delivery[];
}

export interface OutcomeEntry {
  profileId: string;
  policyId: string;
  outcome: Outcome;
  amount?: number;
  /** ISO date or date-time of the record. */
  at: string;
  /** 归雁集中评价: the person's rating (1–5) of the department and officer that served them. */
  rating?: number;
  department?: string;
  officerId?: string;
}

/** A department's or an officer's score; `score` is null below `MIN_RATINGS` ratings. */
export interface ScoreRow {
  key: string;
  ratings: number;
  score: number | null;
}

/** No score is shown from fewer ratings than this: one or two voices are not a verdict on anybody. */
export const MIN_RATINGS = 5;

/**
 * What screening and follow-up keep between runs, in SQLite or PostgreSQL: the last verdict per
 * person and policy with its rule hash, what was told, the outbox of deliveries, follow-up tasks,
 * outcomes and ratings. Open one with `openStore` from `guiyan/node`.
 */
export interface ScreenStore {
  readonly kind: 'sqlite' | 'postgres';
  /** Takes the screening lease; throws StoreBusyError while another run holds it (after `waitMs`). */
  acquire(opts?: { waitMs?: number }): Promise<RunLease>;
  /** Rule hashes of the last finished run. */
  previousRules(): Promise<Record<string, string>>;
  /** The records of these people, as the screening state keeps them (follow-ups included, outcomes not). */
  loadPeople(ids: readonly string[]): Promise<Map<string, ProfileEntry>>;
  /** The people whose stored fingerprint is one of these: fingerprint → person. */
  peopleByFingerprint(fingerprints: readonly string[]): Promise<Map<string, string>>;
  /** In one transaction: the batch's records replace the old ones and its deliveries join the outbox (an id already there is kept as it is). */
  commitBatch(lease: RunLease, batch: RunBatch): Promise<void>;
  /** Records the run's rules and instant once every batch is in. */
  finishRun(lease: RunLease, run: { rules: Record<string, string>; asOf: string }): Promise<void>;
  /** Deliveries planned and not yet handed over, oldest first. */
  untold(): AsyncIterable<Delivery>;
  /** Marks every delivery up to the one with this id as handed over, clearing their recipients. */
  markTold(lastId: string, at: string): Promise<number>;
  /** The outbox as a dispatch ledger: `has` is true once a gateway accepted the id. */
  ledger(): SentLedger;
  /** Open follow-ups per officer: the load new assignments are balanced against. */
  officerLoad(): Promise<Record<string, number>>;
  recordOutcome(entry: OutcomeEntry): Promise<void>;
  funnel(by: 'policy' | 'region'): Promise<FunnelRow[]>;
  scores(by: 'department' | 'officer'): Promise<ScoreRow[]>;
  followUpsDue(on: string): Promise<DueFollowUp[]>;
  /** Moves a JSON screening state into an empty store. */
  importState(lease: RunLease, state: ScreenState): Promise<{ people: number; records: number; outcomes: number }>;
  counts(): Promise<{ people: number; verdicts: number; outbox: number; untold: number; outcomes: number }>;
  close(): Promise<void>;
}
