import type { Question } from '../ask/index.js';
import { wordsFor } from '../core/catalogue/index.js';
import { fill, formatRange, pick, type Locale } from '../core/text.js';
import type { Evaluation } from '../engine/index.js';
import type { Recommendation } from '../recommend/index.js';
import type { Policy } from '../policy/schema.js';
import { fieldInfo } from '../profile/fields.js';
import type { Block, Content, ListItem } from './types.js';

const text = (sms: string, chat?: string, drop?: number, tag?: string): Block => ({ kind: 'text', sms, ...(chat !== undefined ? { chat } : {}), ...(drop ? { drop } : {}), ...(tag ? { tag } : {}) });

/** The question block; tagged so the engine knows whether it was sent. */
export function questionBlock(q: Question, locale: Locale, drop?: number): Block {
  const short = wordsFor(locale).bot.shortQuestions[q.field];
  return { kind: 'question', text: q.text, ...(short ? { short } : {}), ...(q.options ? { options: q.options.map((o) => o.label) } : {}), ...(q.multiple ? { multiple: true } : {}), ...(drop ? { drop } : {}), tag: 'question' };
}

/** A policy as a list line: its title, honest status and amount (a range when answers are missing). */
export function listItem(policy: Policy, e: Pick<Evaluation, 'status' | 'amount'>, locale: Locale): ListItem {
  const item: ListItem = { title: pick(policy.title, locale), status: wordsFor(locale).status[e.status] };
  if (e.amount && e.status !== 'ineligible') item.amount = formatRange(e.amount, locale);
  return item;
}

export function helpContent(locale: Locale, q: Question | null): Content {
  const w = wordsFor(locale).bot;
  return [text(w.help.sms, w.help.chat), ...(q ? [questionBlock(q, locale, 1)] : [])];
}

export function searchContent(items: ListItem[], locale: Locale, q: Question | null): Content {
  const w = wordsFor(locale).bot;
  return [text(fill(w.found, { count: items.length })), { kind: 'list', items }, text(w.detailsHint.sms, w.detailsHint.chat, 3), ...(q ? [questionBlock(q, locale, 2)] : [text(w.startHint, undefined, 2)])];
}

export function notFoundContent(locale: Locale, q: Question | null): Content {
  const w = wordsFor(locale).bot;
  return [text(w.notFound.sms, w.notFound.chat), ...(q ? [questionBlock(q, locale, 1)] : [])];
}

export function resultContent(items: ListItem[], locale: Locale, q: Question | null): Content {
  const w = wordsFor(locale).bot;
  if (items.length === 0) return [text(w.resultEmpty.sms, w.resultEmpty.chat)];
  const unsure = items.some((i) => i.status === wordsFor(locale).status.unknown);
  return [
    text(fill(w.resultHead, { count: items.length })),
    { kind: 'list', items },
    ...(unsure ? [text(w.resultTail.sms, w.resultTail.chat, 4)] : []),
    text(w.detailsHint.sms, w.detailsHint.chat, 3),
    ...(q ? [questionBlock(q, locale, 2)] : []),
  ];
}

export function recommendationItems(recs: readonly Recommendation[], byId: ReadonlyMap<string, Policy>, locale: Locale): ListItem[] {
  return recs.map((r) => listItem(byId.get(r.policyId)!, r, locale));
}

/** The cited document in few characters: its number (财金〔2020〕21号, 公告2023年第15号) or its title. */
export function sourceRef(policy: Policy): string {
  const title = policy.source.title;
  const m = /([\p{Script=Han}]{0,2})（([^（）]*(?:〔\d{4}〕\d+号|\d{4}年第\d+号))）\s*$/u.exec(title);
  if (!m) return title;
  return /^\d/.test(m[2]!) ? `${m[1]}${m[2]}` : m[2]!;
}

/** One policy in full: status, amount, what is still to confirm, conditions, documents, where, source. */
export function detailsContent(policy: Policy, e: Evaluation | undefined, locale: Locale): Content {
  const w = wordsFor(locale).bot;
  const title = pick(policy.title, locale);
  const src = [policy.source.title, policy.source.url].filter(Boolean).join(' ');
  const tail = [text(fill(w.source, { source: sourceRef(policy) }), fill(w.source, { source: src })), ...(policy.sample ? [text(w.sample, undefined, 1)] : [])];
  if (!e) return [{ kind: 'text', sms: fill(w.detailsHead, { status: w.notInForce }), title }, ...tail];
  const out: Block[] = [{ kind: 'text', sms: fill(w.detailsHead, { status: wordsFor(locale).status[e.status] }) + w.stop, title }];
  if (e.amount && e.status !== 'ineligible') out.push(text(fill(w.amount, { amount: formatRange(e.amount, locale) }) + w.stop, undefined, 1));
  if (e.missing.length) {
    const fields = e.missing.map((m) => (fieldInfo(m) ? pick(fieldInfo(m)!.label, locale) : m)).join(w.sep);
    out.push(text(fill(w.missing, { fields }) + w.stop, undefined, 4));
  }
  const seen = new Set<string>();
  const reasons = e.reasons.filter((r) => !seen.has(r.text) && seen.add(r.text));
  if (reasons.length) {
    const open = reasons.filter((r) => r.status !== 'pass').map((r) => r.text);
    out.push(text(open.length ? `${w.conditions}${open.join(w.listSep)}${w.stop}` : '', [w.conditions, ...reasons.map((r) => `${w.marks[r.status]}${r.text}`)].join('\n'), 5));
  }
  // An SMS keeps the amount, the office and one key document; a chat has every document.
  if (policy.apply?.where) out.push(text(fill(w.where, { where: pick(policy.apply.where, locale) }) + w.stop, undefined, 2));
  const docs = (policy.apply?.documents ?? []).map((d) => pick(d, locale));
  const stop = w.stop;
  if (docs.length) out.push(text(fill(w.documents, { documents: docs[0]! }) + stop, fill(w.documents, { documents: docs.join(w.sep) }) + stop, 3));
  return [...out, ...tail];
}

export function textContent(sms: string, chat?: string): Content {
  return [text(sms, chat)];
}

export { text as textBlock };
