import { fill, formatRange, pick, type Locale } from '../core/text.js';
import { wordsFor } from '../core/catalogue/index.js';
import type { Evaluation } from '../engine/index.js';
import type { Policy } from '../policy/schema.js';
import { fieldInfo } from '../profile/fields.js';
import { lookupTerm, termName } from './glossary.js';

/** The text of one answer about a policy, from its rule file: SMS form and chat form. */
export interface TopicAnswer {
  sms: string;
  chat: string;
}

const one = (s: string): TopicAnswer => ({ sms: s, chat: s });

/** Explains a term from the glossary, or says it cannot. */
export function meaningOf(term: string | undefined, locale: Locale): TopicAnswer {
  const w = wordsFor(locale).bot.topic;
  const g = lookupTerm(term);
  if (!g) return one(w.unknownTerm);
  return one(fill(w.meaning, { term: pick(termName(g), locale), meaning: pick(g.text, locale) }));
}

/**
 * Answers a question about the policy just shown: its documents, where and how to apply, amount and
 * interest, why it is not (yet) eligible, until when it runs. Everything comes from the rule file and
 * the person's evaluation; nothing is made up.
 */
export function answerTopic(topic: string | undefined, policy: Policy, e: Evaluation | undefined, locale: Locale): TopicAnswer {
  const w = wordsFor(locale).bot;
  const t = w.topic;
  const title = pick(policy.title, locale);
  const docsAll = (policy.apply?.documents ?? []).map((d) => pick(d, locale));
  const where = policy.apply?.where ? pick(policy.apply.where, locale) : undefined;
  const status = e ? wordsFor(locale).status[e.status] : w.notInForce;
  switch (topic) {
    case 'documents':
      if (!docsAll.length) return one(fill(t.noDocuments, { title, where: where ?? w.office }));
      return { sms: fill(t.documents, { title, documents: docsAll.slice(0, 2).join(w.sep) }), chat: fill(t.documents, { title, documents: docsAll.join(w.sep) }) };
    case 'where':
      return one(where ? fill(t.where, { title, where }) : fill(t.noWhere, { title }));
    case 'how':
      if (!where) return one(fill(t.noWhere, { title }));
      if (!docsAll.length) return one(fill(t.where, { title, where }));
      return { sms: fill(t.how, { title, documents: docsAll[0]!, where }), chat: fill(t.how, { title, documents: docsAll.join(w.sep), where }) };
    case 'amount':
      return one(e?.amount ? fill(t.amount, { title, amount: formatRange(e.amount, locale), status }) : fill(t.noAmount, { title }));
    case 'interest': {
      const summary = policy.summary ? pick(policy.summary, locale) : undefined;
      if (summary) return one(fill(t.interest, { title, summary }));
      return one(e?.amount ? fill(t.amount, { title, amount: formatRange(e.amount, locale), status }) : fill(t.noAmount, { title }));
    }
    case 'why': {
      if (!e) return one(`「${title}」${status}`);
      if (e.status === 'eligible') return one(fill(t.whyEligible, { title }));
      const failed = e.reasons.filter((r) => r.status === 'fail').map((r) => r.text);
      if (e.status === 'ineligible' && failed.length) return one(fill(t.why, { title, reasons: [...new Set(failed)].join(w.listSep) }));
      const fields = e.missing.map((m) => (fieldInfo(m) ? pick(fieldInfo(m)!.label, locale) : m)).join(w.sep);
      return one(fill(t.whyUnknown, { title, fields }));
    }
    case 'deadline': {
      const date = policy.apply?.until ?? policy.validTo;
      return one(date ? fill(t.deadline, { title, date }) : fill(t.noDeadline, { title }));
    }
    case 'progress':
      return one(t.progress);
    default:
      return one(t.none);
  }
}
