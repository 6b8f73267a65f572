import { LOCALES, type Locale } from '../core/locale.js';
import { safeParseProfile } from '../profile/validate.js';
import type { ConversationState } from './types.js';

/** The id the conversation's profile carries; the caller keys states by phone number or chat id. */
export const PROFILE_ID = 'conversation';

/**
 * A conversation that has not started.
 *
 * @example
 * let state = initialState('zh-CN');
 * const { reply, state: next } = converse(state, '你好', { matcher, channel: 'sms', asOf: '2026-06-01' });
 */
export function initialState(locale: Locale = 'zh-CN'): ConversationState {
  return { v: 1, locale, profile: { id: PROFILE_ID }, pending: null, retries: 0, skipped: [], shown: [], optedOut: false, turns: 0 };
}

const strings = (x: unknown): string[] => (Array.isArray(x) ? x.filter((s): s is string => typeof s === 'string') : []);

/**
 * A fresh copy of a stored state, so the caller's object is never changed; a state that does not
 * look like one (an old format, a damaged store) starts over rather than failing, keeping an opt-out.
 */
export function restoreState(state: ConversationState | undefined, locale: Locale | undefined): ConversationState {
  if (!state || typeof state !== 'object') return initialState(locale);
  const s = JSON.parse(JSON.stringify(state)) as Partial<ConversationState>;
  const parsed = safeParseProfile(s.profile);
  const base = initialState(locale ?? (LOCALES.includes(s.locale as Locale) ? (s.locale as Locale) : 'zh-CN'));
  if (s.v !== 1 || !parsed.success) return { ...base, optedOut: s.optedOut === true };
  return {
    ...base,
    profile: parsed.profile,
    pending: typeof s.pending === 'string' ? s.pending : null,
    retries: Number.isInteger(s.retries) ? s.retries! : 0,
    skipped: strings(s.skipped),
    shown: strings(s.shown),
    optedOut: s.optedOut === true,
    turns: Number.isInteger(s.turns) ? s.turns! : 0,
    ...(Array.isArray(s.answered) ? { answered: strings(s.answered) } : {}),
    ...(Array.isArray(s.precise) ? { precise: strings(s.precise) } : {}),
    ...(s.confirm && typeof s.confirm === 'object' && typeof s.confirm.field === 'string' ? { confirm: s.confirm } : {}),
    ...(s.handoff && typeof s.handoff === 'object' && typeof s.handoff.officerId === 'string' ? { handoff: s.handoff } : {}),
    ...(s.wantsHuman === true ? { wantsHuman: true } : {}),
    ...(typeof s.focus === 'string' ? { focus: s.focus } : {}),
    ...(Number.isInteger(s.optionPage) ? { optionPage: s.optionPage! } : {}),
    ...(typeof s.coverageFor === 'string' ? { coverageFor: s.coverageFor } : {}),
  };
}
