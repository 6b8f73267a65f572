import type { Locale } from '../core/text.js';
import type { Matcher } from '../matcher/create.js';
import type { Officer } from '../officers/schema.js';
import type { LatinReader } from '../regions/names.js';
import type { Profile } from '../profile/schema.js';

/** Where a reply goes: a short-code SMS (one message by default) or a chat window. */
export type ConverseChannel = 'sms' | 'chat';

/**
 * What a bot stores per phone number or chat id between messages: plain JSON, nothing else.
 * `JSON.parse(JSON.stringify(state))` deep-equals the state.
 */
export interface ConversationState {
  /** Format version, for callers that keep states across releases. */
  v: 1;
  locale: Locale;
  /** The person's answers so far. */
  profile: Profile;
  /** The field the last reply asked about, or null. */
  pending: string | null;
  /** Unreadable answers to the pending question in a row. */
  retries: number;
  /** Fields the person did not know; not asked again. */
  skipped: string[];
  /** Policy ids of the last numbered list, for "详情 2" / "more 2". */
  shown: string[];
  /** The person unsubscribed: nothing is sent until an explicit re-subscribe. */
  optedOut: boolean;
  /** Inbound messages handled. */
  turns: number;
  /** Fields answered, oldest first: a correction without a field reopens the last. */
  answered?: string[];
  /** Fields answered with a range ("大概80亩" → 72–88, kept as such in the profile) and already asked once for a closer value. */
  precise?: string[];
  /** A new value contradicting a stored one, waiting for "是/否". */
  confirm?: { field: string; value: unknown } | null;
  /** The person asked for a person: the officer they were handed to. */
  handoff?: { officerId: string; name: string; office?: string; turn: number } | null;
  /** A hand-off waits for the region. */
  wantsHuman?: boolean;
  /** The policy the last answer or details were about. */
  focus?: string | null;
  /** The page of a long option list shown in an SMS. */
  optionPage?: number;
  /** The coverage statement was made for this region. */
  coverageFor?: string | null;
}

/** Options of `converse`. */
export interface ConverseOptions {
  matcher: Matcher;
  /** The date the conversation is evaluated at; the matcher's clock when absent. */
  asOf?: Date | string;
  channel: ConverseChannel;
  /** Reply language; the state's when absent (zh-CN to begin with). */
  locale?: Locale;
  /** SMS sender name such as '【开州就业】', counted in the length; '' for none. Default 【归雁服务】. */
  signature?: string;
  /** Most billed parts an SMS reply may take (default 1). */
  partCap?: number;
  /** Most parts a 详情 reply may take, asked for by the person (default 3: status, amount, office, one document, source). */
  detailsPartCap?: number;
  /** Most policies listed in one reply (default 5 in chat, 3 in SMS). */
  limit?: number;
  /** Service officers, for handing a person over ("转人工"). */
  officers?: readonly Officer[];
  /** Reads places typed in pinyin ("kaizhou") anywhere in China; pass `pinyinReader`. */
  pinyin?: LatinReader;
}

/** The reply to send (null: send nothing) and the state to store. */
export interface ConverseResult {
  reply: string | null;
  state: ConversationState;
}

/** One policy in a numbered list: its title and a note (status, amount). */
export interface ListItem {
  title: string;
  status: string;
  amount?: string;
}

/**
 * One piece of a reply. `drop` marks a piece an SMS may leave out to fit, higher ranks first;
 * `tag` names it so the engine learns whether it was sent (a question not sent is not pending).
 * A text's `{title}` is filled with `title`, which a tight SMS may cut; a question's `short` is its SMS form when space is tight.
 */
export type Block =
  | { kind: 'text'; sms: string; chat?: string; drop?: number; tag?: string; title?: string }
  | { kind: 'list'; items: ListItem[]; drop?: number; tag?: string }
  | { kind: 'question'; text: string; short?: string; options?: string[]; multiple?: boolean; drop?: number; tag?: string; start?: number; more?: boolean };

/** A reply before it is put into a channel's shape. */
export type Content = readonly Block[];
