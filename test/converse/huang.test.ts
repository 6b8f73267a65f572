import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { converse, type ConversationState } from '../../src/index.js';
import { ROOT } from '../helpers/rules.js';
import { typedAnswer } from './answers.js';
import { AS_OF, testMatcher } from './helpers.js';

const seed = JSON.parse(readFileSync(join(ROOT, 'fixtures', 'profiles', 'seed', 'huang-lixing.json'), 'utf8')) as { profile: Record<string, unknown> };

/** Greets, then answers every question from 黄立兴's profile until the reply is the ranked result. */
function interview(channel: 'sms' | 'chat', locale: 'zh-CN' | 'en', partCap = 1) {
  const opts = { matcher: testMatcher(), asOf: AS_OF, channel, locale, partCap } as const;
  let r = converse(undefined, locale === 'en' ? 'hi' : '你好', opts);
  const asked: string[] = [];
  const replies = [r.reply];
  // A greeting whose question did not fit the SMS: "开始" asks it.
  if (!r.state.pending) r = converse(r.state, locale === 'en' ? 'check' : '开始', opts), replies.push(r.reply);
  while (r.state.pending && asked.length < 40) {
    asked.push(r.state.pending);
    r = converse(r.state, typedAnswer(seed.profile, r.state.pending, locale), opts);
    replies.push(r.reply);
  }
  return { state: r.state as ConversationState, last: r.reply!, asked, replies };
}

describe('a conversation from nothing reaches a ranked answer for 黄立兴', () => {
  // Chat: the greeting carries the first question, then 12 answers. An SMS of one part has no room
  // for the question after the greeting, so "开始" asks it: one turn more; two parts fit both.
  it.each([
    ['chat', 'zh-CN', 1, '为您推荐', 13],
    ['chat', 'en', 1, 'Top ', 13],
    ['sms', 'zh-CN', 1, '为您推荐', 14],
    ['sms', 'zh-CN', 2, '为您推荐', 13],
    ['sms', 'en', 1, 'Top ', 14],
  ] as const)('in %s (%s, SMS cap %i) with a ranked answer "%s…" after %i turns', (channel, locale, cap, head, turns) => {
    const { state, last, asked } = interview(channel, locale, cap);
    console.log(`黄立兴 (${channel}, ${locale}, cap ${cap}): ranked answer after ${state.turns} turns, ${asked.length} questions: ${asked.join(', ')}`);
    expect(last).toContain(head);
    expect(state.pending).toBeNull();
    expect(state.turns).toBe(turns);
    expect(asked).toHaveLength(12);
    expect(state.profile).toMatchObject({ regionCode: '451402', business: { form: 'individual-business' } });
    // His half-tax relief is settled; the individual loan waits on a question he could not answer.
    const ranked = testMatcher().recommend(state.profile, { asOf: AS_OF });
    expect(state.shown[0]).toBe(ranked[0]!.policyId);
  });

});
