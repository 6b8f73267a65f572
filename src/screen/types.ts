import type { Officer } from '../officers/schema.js';
import type { Locale } from '../core/text.js';
import type { AmountRange } from '../engine/index.js';
import type { Matcher } from '../matcher/create.js';
import type { ProfileIssue } from '../profile/validate.js';
import type { Profile } from '../profile/schema.js';
import type { EventKind, MessageTemplates } from '../messages/templates.js';
import type { SmsOptions } from '../messages/render.js';
import type { FollowUpTask, OutcomeRecord } from '../followup/types.js';
import type { QuietHours } from './quiet.js';

export type Status = 'eligible' | 'unknown' | 'ineligible';
/** How a person is reached. */
export type Channel = 'sms' | 'chat';

/** What the last run knew of one person and one policy. Plain JSON. */
export interface PolicyEntry {
  status: Status;
  amount?: AmountRange;
  /** Content hash of the rule version this entry was computed under. */
  hash: string;
  missing?: string[];
  /** Event keys already told under `hash` (`newly-eligible`, `needs-info:groups`, …): the dedupe record. */
  notified: string[];
  /** First time a message about this policy was scheduled (ISO date-time). */
  pushedAt?: string;
  followUps?: FollowUpTask[];
  officerId?: string | null;
  outcomes?: OutcomeRecord[];
}

/** What the screening state keeps of one person. */
export interface ProfileEntry {
  regionCode?: string;
  policies: Record<string, PolicyEntry>;
  /** Scheduled send times per channel, kept for the frequency cap. */
  sent?: Partial<Record<Channel, string[]>>;
}

/** Everything a screening run needs from the last one; the caller stores it as JSON. */
export interface ScreenState {
  version: 1;
  asOf?: string;
  /** Content hash of each rule at the last run. */
  rules: Record<string, string>;
  profiles: Record<string, ProfileEntry>;
}

/** Something that changed for one person and one policy. */
export interface ScreenEvent {
  kind: EventKind;
  profileId: string;
  policyId: string;
  ruleHash: string;
  status: Status;
  previousStatus?: Status;
  amount?: AmountRange;
  previousAmount?: AmountRange;
  missing?: string[];
  /** Application deadline or validity end, for `window-closing`. */
  deadline?: string;
}

/** One message to send: the fields of the delivery format, plus what it is about. */
export interface Delivery {
  /** Stable across reruns of the same run (person, channel, events, rule versions, run instant): the idempotency key. */
  id: string;
  profileId: string;
  policyIds: string[];
  channel: Channel;
  /** Phone number or chat id; only the sender may see it whole. */
  to: string;
  text: string;
  /** ISO date-time with the +08:00 offset. */
  sendAt: string;
  kinds: EventKind[];
  locale: Locale;
}

/** A profile that failed validation; identifiers masked, the batch goes on. */
export interface ScreenError {
  index: number;
  profileId?: string;
  issues: ProfileIssue[];
}

/** At most `max` messages per person per `days` on one channel. */
export interface FrequencyCap {
  max: number;
  days: number;
}

/** Options of `screen`. */
export interface ScreenOptions {
  matcher: Matcher;
  /** The run's instant (or civil date, read as its midnight in Asia/Shanghai). */
  asOf: Date | string;
  previous?: ScreenState;
  /** Days before a deadline that trigger `window-closing` (default 14). */
  windowDays?: number;
  /** Locale for people whose profile names none (default zh-CN). */
  locale?: Locale;
  templates?: Partial<Record<Locale, MessageTemplates>>;
  sms?: Omit<SmsOptions, 'templates'>;
  /** Quiet hours (default 21:00–08:00 Asia/Shanghai); `false` turns them off. */
  quiet?: QuietHours | false;
  frequency?: Partial<Record<Channel, FrequencyCap>>;
  /** `prefer-chat` (default): chat when the person has a chat id, SMS otherwise; `both`: every channel allowed. */
  channels?: 'prefer-chat' | 'both';
  followUp?: { offsets?: number[]; assign?: (profile: Profile) => string | null };
  /**
   * Service officers; without an `assign` hook each follow-up goes to the covering officer with the
   * lowest load (open follow-ups in the previous state, plus this run's assignments).
   */
  officers?: readonly Officer[];
  /** Called per event; when given, events are not collected in the result. */
  onEvent?: (event: ScreenEvent) => void;
  onDelivery?: (delivery: Delivery) => void;
  onError?: (error: ScreenError) => void;
  /** Called after each profile, for progress. */
  onProgress?: (done: number) => void;
}

/** What a screening run found and planned, and the state to keep. */
export interface ScreenResult {
  events: ScreenEvent[];
  deliveries: Delivery[];
  state: ScreenState;
  errors: ScreenError[];
  counts: { profiles: number; invalid: number; events: number; deliveries: number };
}
