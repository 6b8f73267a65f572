import { describe, expect, it } from 'vitest';
import { converse, type ConversationState } from '../../src/index.js';
import { wordsFor } from '../../src/core/catalogue/index.js';
import { formatRange, pick } from '../../src/core/text.js';
import { sourceRef } from '../../src/converse/content.js';
import { loadCorpus, optionsOf, playConversation, type Conversation } from './corpus.js';
import { AS_OF, testMatcher } from './helpers.js';

const m = testMatcher();
const byId = new Map(m.policies.map((p) => [p.id, p]));

interface Listed {
  c: Conversation;
  reply: string;
  state: ConversationState;
}

/** Every corpus reply that lists policies: the list is in `state.shown`. */
function listedReplies(): Listed[] {
  const out: Listed[] = [];
  for (const c of loadCorpus()) {
    for (const t of playConversation(c)) {
      const w = { ...wordsFor(c.locale).bot, status: wordsFor(c.locale).status };
      const head = [w.found, w.resultHead].map((h) => h.slice(0, h.indexOf('{')));
      if (t.reply && t.state.shown.length && head.some((h) => t.reply!.includes(h))) out.push({ c, reply: t.reply, state: t.state });
    }
  }
  return out;
}

/** The text of item `n` of a list reply, up to the next separator; null when the SMS left it out. */
function item(reply: string, n: number): string | null {
  const at = reply.search(new RegExp(`(?<![\\d,])${n}\\.(?!\\d)`, 'u'));
  if (at < 0) return null;
  const rest = reply.slice(at + String(n).length + 1);
  const end = rest.search(/[；\n。]|; |\(\d+ in all\)|等\d+项/u);
  return end < 0 ? rest : rest.slice(0, end);
}

const listed = listedReplies();

describe('honesty across the corpus', () => {
  it('finds list replies in both channels and locales', () => {
    for (const ch of ['sms', 'chat']) for (const l of ['zh-CN', 'en']) expect(listed.some((x) => x.c.channel === ch && x.c.locale === l), `${ch} ${l}`).toBe(true);
  });

  it.each(listed.map((x, i) => [i, x.c.name, x] as const))('list reply %i (%s): every status is the one the matcher gives, amounts as its range', (_i, _name, { c, reply, state }) => {
    const evals = new Map(m.evaluate(state.profile, { asOf: AS_OF, mode: 'verdict' }).map((e) => [e.policyId, e]));
    const w = { ...wordsFor(c.locale).bot, status: wordsFor(c.locale).status };
    state.shown.forEach((id, i) => {
      const text = item(reply, i + 1);
      if (text === null) return;
      const e = evals.get(id)!;
      const en = c.locale === 'en';
      const eligibleWord = en ? /(?<!not )eligible/ : /(?<![不能])符合/;
      if (e.status === 'eligible') expect(text).toMatch(eligibleWord);
      else expect(text).not.toMatch(eligibleWord);
      expect(text).toContain(w.status[e.status]);
      // Whatever money the note names is the matcher's range, never a single figure it cannot promise.
      const title = pick(byId.get(id)!.title, c.locale);
      const note = text.includes(title) ? text.slice(text.indexOf(title) + title.length) : text.slice(text.indexOf('…') + 1);
      if (/元|CNY/.test(note)) expect(note).toContain(formatRange(e.amount!, c.locale));
    });
  });

  it.each(listed.map((x, i) => [i, x.c.name, x] as const))('list reply %i (%s): every listed policy opens to its status and source', (_i, _name, { c, state }) => {
    const evals = new Map(m.evaluate(state.profile, { asOf: AS_OF, mode: 'verdict' }).map((e) => [e.policyId, e]));
    state.shown.forEach((id, i) => {
      const { reply } = converse(state, c.locale === 'en' ? `more ${i + 1}` : `详情 ${i + 1}`, { matcher: m, asOf: AS_OF, ...optionsOf(c) });
      const p = byId.get(id)!;
      expect(reply).toContain(c.channel === 'chat' ? p.source.title : sourceRef(p));
      expect(reply).toContain(wordsFor(c.locale).status[evals.get(id)!.status]);
    });
  });
});

describe('sourceRef', () => {
  it.each([
    ['cn-guarantee-loan-individual', '财金〔2023〕75号'],
    ['cn-tax-relief-key-groups', '公告2023年第15号'],
    ['t-tea-subsidy', '江政发〔2024〕3号'],
  ])('names %s by its document number %s', (id, ref) => {
    expect(sourceRef(byId.get(id)!)).toBe(ref);
  });
});
