import { applyAnswer, toQuestion, type Question } from '../ask/index.js';
import { maskText } from '../core/mask.js';
import type { Locale } from '../core/text.js';
import type { Matcher } from '../matcher/create.js';
import type { Policy } from '../policy/schema.js';
import { fieldInfo } from '../profile/fields.js';
import { detailsContent, helpContent, listItem, notFoundContent, questionBlock, recommendationItems, resultContent, searchContent, textBlock, textContent } from './content.js';
import { detectIntent, normalizeInbound } from './intents.js';
import { renderChatReply, renderSmsReply } from './render.js';
import { initialState, restoreState } from './state.js';
import type { Content, ConversationState, ConverseOptions, ConverseResult } from './types.js';
import { WORDS } from './words.js';

/** Longer messages are read only this far: a need or an answer is never longer. */
export const MAX_INBOUND = 500;
/** Unreadable answers in a row before the question is set aside. */
export const MAX_RETRIES = 2;

/** What a step decided: the reply's content, and the question it asks ('keep' leaves the pending one). */
interface Step {
  content: Content;
  ask: Question | null | 'keep';
}

interface Ctx {
  s: ConversationState;
  m: Matcher;
  asOf: Date | string | undefined;
  locale: Locale;
  limit: number;
  byId: ReadonlyMap<string, Policy>;
}

const next = (c: Ctx): Question | null => c.m.nextQuestion(c.s.profile, { asOf: c.asOf, locale: c.locale, skip: c.s.skipped });

/** The question waiting for an answer, asked again in the current locale. */
function pendingQuestion(c: Ctx): Question | null {
  return c.s.pending && fieldInfo(c.s.pending) ? toQuestion(c.s.pending, [], 0, c.locale) : null;
}

function result(c: Ctx, askMore: boolean): Step {
  const recs = c.m.recommend(c.s.profile, { asOf: c.asOf, locale: c.locale, limit: c.limit });
  c.s.shown = recs.map((r) => r.policyId);
  const q = askMore ? next(c) : null;
  return { content: resultContent(recommendationItems(recs, c.byId, c.locale), c.locale, q), ask: q };
}

/** The next question, or the ranked result when nothing is left to ask. */
function advance(c: Ctx, before: Content = []): Step {
  const q = next(c);
  if (!q) {
    const done = result(c, false);
    return { content: [...before, ...done.content], ask: done.ask };
  }
  return { content: [...before, questionBlock(q, c.locale)], ask: q };
}

function search(c: Ctx, text: string, q: Question | null): Step | null {
  const hits = c.m.search(text, { profile: c.s.profile, asOf: c.asOf, limit: c.limit });
  if (hits.length === 0) return null;
  const evals = new Map(c.m.evaluate(c.s.profile, { asOf: c.asOf, mode: 'verdict' }).map((e) => [e.policyId, e]));
  const items = hits.map((h) => listItem(c.byId.get(h.policyId)!, evals.get(h.policyId) ?? { status: h.status ?? 'unknown' }, c.locale));
  c.s.shown = hits.map((h) => h.policyId);
  return { content: searchContent(items, c.locale, q), ask: q };
}

/** Text worth searching: two Chinese characters or three letters; a lone "x" or "2" is not a need. */
const isNeed = (raw: string): boolean => /\p{Script=Han}.*\p{Script=Han}/su.test(raw) || /[a-z].*[a-z].*[a-z]/isu.test(raw);

function details(c: Ctx, n: number | undefined): Step {
  const w = WORDS[c.locale];
  const id = n ? c.s.shown[n - 1] : undefined;
  if (!id) return { content: textContent(c.s.shown.length ? w.detailsWhich : w.notFound.sms, c.s.shown.length ? w.detailsWhich : w.notFound.chat), ask: 'keep' };
  const e = c.m.evaluate(c.s.profile, { asOf: c.asOf, locale: c.locale }).find((x) => x.policyId === id);
  return { content: detailsContent(c.byId.get(id)!, e, c.locale), ask: 'keep' };
}

/** An inbound that is not a command: an answer to the pending question, or a need to search for. */
function answerOrNeed(c: Ctx, raw: string): Step {
  const w = WORDS[c.locale];
  const pending = pendingQuestion(c);
  if (!pending) {
    if (/^\d{1,3}$/.test(normalizeInbound(raw)) && c.s.shown.length) return details(c, Number(normalizeInbound(raw)));
    return (isNeed(raw) ? search(c, raw, next(c)) : null) ?? { content: notFoundContent(c.locale, next(c)), ask: next(c) };
  }
  const r = applyAnswer(c.s.profile, pending.field, raw, { locale: c.locale });
  const info = fieldInfo(pending.field);
  const known = new Set((info?.options ?? []).map((o) => o.value));
  // An open list takes any word as an answer; a word no option names may be a need instead.
  const loose = r.ok && info?.openOptions && ([] as unknown[]).concat(r.value).some((v) => !known.has(String(v)));
  if (r.ok && !loose) {
    c.s.profile = r.profile;
    c.s.retries = 0;
    return advance(c);
  }
  const found = isNeed(raw) ? search(c, raw, pending) : null;
  // The question was not answered: it stays pending whether or not the list left room for it.
  if (found) return { ...found, ask: 'keep' };
  if (r.ok) {
    c.s.profile = r.profile;
    c.s.retries = 0;
    return advance(c);
  }
  c.s.retries += 1;
  if (c.s.retries >= MAX_RETRIES) {
    c.s.skipped.push(pending.field);
    c.s.retries = 0;
    return advance(c, [textBlock(w.setAside.sms, w.setAside.chat, 3)]);
  }
  return { content: [textBlock(r.message + (c.locale === 'en' ? '.' : '。')), questionBlock(pending, c.locale, 1)], ask: 'keep' };
}

function step(c: Ctx, raw: string): Step | null {
  const w = WORDS[c.locale];
  const intent = detectIntent(raw);
  if (c.s.optedOut) {
    if (intent?.name !== 'resubscribe') return null;
    c.s.optedOut = false;
    return { content: [textBlock(w.resubscribed), textBlock(w.help.sms, w.help.chat, 1)], ask: null };
  }
  switch (intent?.name) {
    case 'opt-out':
      c.s.optedOut = true;
      return { content: textContent(w.optedOut), ask: null };
    case 'restart': {
      const turns = c.s.turns;
      c.s = { ...initialState(c.locale), turns };
      const q = next(c);
      return { content: [textBlock(w.restarted), ...helpContent(c.locale, q)], ask: q };
    }
    case 'help': {
      // A waiting question stays waiting even when the help leaves no room to repeat it.
      const waiting = pendingQuestion(c);
      const q = waiting ?? next(c);
      return { content: helpContent(c.locale, q), ask: waiting ? 'keep' : q };
    }
    case 'start':
    case 'resubscribe': {
      const q = pendingQuestion(c);
      return q ? { content: [questionBlock(q, c.locale)], ask: q } : advance(c);
    }
    case 'result':
      return result(c, true);
    case 'details':
      return details(c, intent.n);
    case 'skip': {
      if (!c.s.pending) return { content: helpContent(c.locale, null), ask: 'keep' };
      c.s.skipped.push(c.s.pending);
      c.s.retries = 0;
      return advance(c, [textBlock(w.skipped, undefined, 3)]);
    }
    default:
      return answerOrNeed(c, raw);
  }
}

/**
 * One turn of a chat or SMS conversation: reads the person's message, answers with the next useful
 * message, and returns the new state (plain JSON, stored by the caller). Greetings and "帮助/help"
 * explain the bot; a need ("想贷款") lists matching policies with the person's status; an answer
 * fills the pending question; "详情 2"/"more 2" expands a listed policy to its conditions, amount,
 * documents and source; "结果/result" ranks; "重来/restart" clears; "退订/T/TD/STOP" opts out and
 * every later message gets `reply: null` until "订阅/subscribe/START". Never throws for any text.
 * @example
 * let state; ({ reply, state } = converse(state, '想贷款', { matcher, asOf: '2026-06-01', channel: 'sms' }));
 */
export function converse(state: ConversationState | undefined, inbound: string, opts: ConverseOptions): ConverseResult {
  const s = restoreState(state, opts.locale);
  if (opts.locale) s.locale = opts.locale;
  s.turns += 1;
  const sms = opts.channel === 'sms';
  const c: Ctx = {
    s,
    m: opts.matcher,
    asOf: opts.asOf,
    locale: s.locale,
    limit: Math.max(1, opts.limit ?? (sms ? 3 : 5)),
    byId: new Map(opts.matcher.policies.map((p) => [p.id, p])),
  };
  const raw = String(inbound ?? '').slice(0, MAX_INBOUND);
  const st = step(c, raw);
  if (!st) return { reply: null, state: c.s };
  const out = sms ? renderSmsReply(st.content, c.locale, { signature: opts.signature, partCap: opts.partCap }) : renderChatReply(st.content, c.locale);
  if (st.ask !== 'keep') {
    const asked = st.ask && out.sent.has('question') ? st.ask.field : null;
    if (asked !== c.s.pending) c.s.retries = 0;
    c.s.pending = asked;
  }
  // Replies never echo what was typed, but personal data must not leave whole even if a message did.
  return { reply: maskText(out.text), state: c.s };
}
