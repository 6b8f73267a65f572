import { toQuestion } from '../ask/index.js';
import { wordsFor } from '../core/catalogue/index.js';
import { maskText } from '../core/mask.js';
import { fieldInfo } from '../profile/fields.js';
import { understand } from '../understand/index.js';
import { applyFacts } from './facts.js';
import { answerTopic, meaningOf } from './topics.js';
import { helpContent, notFoundContent, textBlock, textContent } from './content.js';
import { detectIntent, normalizeInbound } from './intents.js';
import { renderChatReply, renderSmsReply } from './render.js';
import { initialState, restoreState } from './state.js';
import { advance, ask, details, DETAILS_PARTS, focusPolicy, handOff, isNeed, next, pendingQuestion, reask, result, search, smsPage, stateFacts, unclear, whichRegion, type Ctx, type Step } from './steps.js';
import type { ConversationState, ConverseOptions, ConverseResult } from './types.js';

export { MAX_RETRIES } from './steps.js';

/** Longer messages are read only this far: a need or an answer is never longer. */
export const MAX_INBOUND = 500;

/** One message's reply: opting out and in, a pending confirmation, paging, then by intent. */
function step(c: Ctx, raw: string): Step | null {
  const w = wordsFor(c.locale).bot;
  const kw = detectIntent(raw);
  const u = understand(raw, { expecting: c.s.pending, asOf: c.asOf, locale: c.locale, pinyin: c.pinyin });
  if (c.s.optedOut) {
    if (u.intent !== 'opt-in' && kw?.name !== 'resubscribe') return null;
    c.s.optedOut = false;
    return { content: [textBlock(w.resubscribed), textBlock(w.help.sms, w.help.chat, 1)], ask: null };
  }
  if (u.intent === 'opt-out' || kw?.name === 'opt-out') {
    c.s.optedOut = true;
    return { content: textContent(w.optedOut), ask: null };
  }
  // A contradiction waits for 是/否.
  if (c.s.confirm) {
    const yes = understand(raw, { expecting: 'business.wageArrears' });
    const answer = yes.facts.find((f) => f.field === 'business.wageArrears')?.value;
    const pending = c.s.confirm;
    if (answer === true || answer === false) {
      c.s.confirm = null;
      if (answer) return stateFacts(c, { intent: 'correction', facts: [{ field: pending.field, value: pending.value }] }, true);
      return advance(c, [textBlock(w.kept, undefined, 1)]);
    }
    c.s.confirm = null;
  }
  // "0" pages a long option list in an SMS.
  if (c.sms && c.s.pending && normalizeInbound(raw) === '0' && (fieldInfo(c.s.pending)?.options?.length ?? 0) > smsPage(c)) {
    c.s.optionPage = (c.s.optionPage ?? 0) + 1;
    const q = pendingQuestion(c)!;
    return { content: [ask(c, q)], ask: 'keep' };
  }
  switch (kw?.name ?? u.intent) {
    case 'restart': {
      const turns = c.s.turns;
      c.s = { ...initialState(c.locale), turns };
      const q = next(c);
      return { content: [textBlock(w.restarted), ...helpContent(c.locale, q)], ask: q };
    }
    case 'human':
      return handOff(c);
    case 'help':
    case 'greeting': {
      // A waiting question stays waiting even when the help leaves no room to repeat it.
      const waiting = pendingQuestion(c);
      const q = waiting ?? next(c);
      return { content: [textBlock(w.help.sms, w.help.chat), ...(q ? [ask(c, q, 1)] : [])], ask: waiting ? 'keep' : q };
    }
    case 'start':
    case 'resubscribe':
    case 'opt-in': {
      const q = pendingQuestion(c);
      return q ? { content: [ask(c, q)], ask: q } : advance(c);
    }
    case 'result':
      return result(c, true);
    case 'details':
      return details(c, kw?.name === 'details' ? kw.n : u.n);
    case 'skip': {
      if (!c.s.pending) return { content: helpContent(c.locale, null), ask: 'keep' };
      c.s.skipped.push(c.s.pending);
      c.s.retries = 0;
      return advance(c, [textBlock(w.skipped, undefined, 3)]);
    }
    case 'correction': {
      if (u.facts.length) return stateFacts(c, u, true);
      // "改一下毕业时间": reopen the answer named; "说错了": the last one.
      const last = u.target ?? (c.s.answered ?? []).at(-1);
      if (!last) return reask(c, [textBlock(w.topic.none)]);
      const q = toQuestion(last, [], 0, c.locale);
      return { content: [ask(c, q, undefined, w.reopen)], ask: q };
    }
    case 'question': {
      if (u.facts.length) applyFacts(c.s, u.facts, c.m, c.asOf);
      if (u.topic === 'meaning') return reask(c, [textBlock(meaningOf(u.term, c.locale).sms)]);
      const policy = focusPolicy(c);
      if (!policy) {
        const found = isNeed(raw) && !u.topic ? search(c, raw, pendingQuestion(c) ?? next(c)) : null;
        return found ?? reask(c, [textBlock(u.topic ? w.topic.noPolicy : w.topic.none)]);
      }
      const e = c.m.evaluate(c.s.profile, { asOf: c.asOf, locale: c.locale }).find((x) => x.policyId === policy.id);
      const a = answerTopic(u.topic, policy, e, c.locale);
      return reask(c, [textBlock(a.sms, a.chat)]);
    }
    case 'search': {
      if (u.facts.length) applyFacts(c.s, u.facts, c.m, c.asOf);
      const q = pendingQuestion(c) ?? next(c);
      const found = search(c, raw, q);
      if (found) return c.s.pending ? { ...found, ask: 'keep' } : found;
      return { content: notFoundContent(c.locale, q), ask: q };
    }
    case 'answer': {
      if (u.dontKnow && c.s.pending && !u.facts.length) {
        c.s.skipped.push(c.s.pending);
        c.s.retries = 0;
        return advance(c, [textBlock(w.skipped, undefined, 3)]);
      }
      if (u.regionCandidates && !u.facts.some((f) => /regionCode$/u.test(f.field))) return whichRegion(c, u.regionCandidates);
      return stateFacts(c, u, false);
    }
    default:
      if (u.regionCandidates) return whichRegion(c, u.regionCandidates);
      return unclear(c, raw);
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
    sms,
    officers: opts.officers ?? [],
    pinyin: opts.pinyin,
  };
  const raw = String(inbound ?? '').slice(0, MAX_INBOUND);
  const st = step(c, raw);
  if (!st) return { reply: null, state: c.s };
  const partCap = Math.max(opts.partCap ?? 1, st.parts === DETAILS_PARTS ? (opts.detailsPartCap ?? DETAILS_PARTS) : 1);
  const out = sms ? renderSmsReply(st.content, c.locale, { signature: opts.signature, partCap }) : renderChatReply(st.content, c.locale);
  if (st.ask !== 'keep') {
    const asked = st.ask && out.sent.has('question') ? st.ask.field : null;
    if (asked !== c.s.pending) {
      c.s.retries = 0;
      delete c.s.optionPage;
    }
    c.s.pending = asked;
  }
  // Replies never echo what was typed, but personal data must not leave whole even if a message did.
  return { reply: maskText(out.text), state: c.s };
}
