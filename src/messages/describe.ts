import { formatRange, pick, type Locale } from '../core/text.js';
import type { Evaluation } from '../engine/index.js';
import type { Policy } from '../policy/schema.js';
import { fieldInfo } from '../profile/fields.js';
import type { ScreenEvent } from '../screen/types.js';
import type { MessageItem } from './render.js';
import { TEMPLATES } from './templates.js';

/** Puts one screening event in words for `locale`; `explained` adds reasons when the caller computed them. */
export function describeEvent(event: ScreenEvent, policy: Policy, locale: Locale, explained?: Evaluation): MessageItem {
  const words = TEMPLATES[locale].words;
  const field = event.missing?.length === 1 ? event.missing[0]! : undefined;
  const info = field ? fieldInfo(field) : undefined;
  const decisive = explained?.reasons.filter((r) => (event.status === 'ineligible' ? r.status === 'fail' : r.status !== 'unknown')) ?? [];
  return {
    kind: event.kind,
    policyId: event.policyId,
    title: pick(policy.title, locale),
    amount: event.amount ? formatRange(event.amount, locale) : undefined,
    previousAmount: event.previousAmount ? formatRange(event.previousAmount, locale) : event.kind === 'policy-changed' && event.amount ? '—' : undefined,
    status: words.status[event.status],
    previousStatus: event.previousStatus ? words.status[event.previousStatus] : undefined,
    deadline: event.deadline,
    field: info ? pick(info.label, locale) : field,
    question: info?.question ? pick(info.question, locale) : undefined,
    reasons: decisive.length ? [...new Set(decisive.map((r) => r.text))].slice(0, 4) : undefined,
    where: policy.apply?.where ? pick(policy.apply.where, locale) : undefined,
    documents: policy.apply?.documents.length ? policy.apply.documents.map((d) => pick(d, locale)).join(words.sep) : undefined,
  };
}

/** The earlier of the application deadline and the end of validity, as a day number. */
export function deadlineDay(policy: Policy, dayOfText: (t: string) => number): number | undefined {
  const days = [policy.apply?.until, policy.validTo].filter((d): d is string => !!d).map(dayOfText);
  return days.length ? Math.min(...days) : undefined;
}

