import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { converse, type ConversationState } from '../../src/index.js';
import { smsParts } from '../../src/messages/sms.js';
import { normalizeInbound } from '../../src/converse/intents.js';
import { understand } from '../../src/understand/index.js';
import { AS_OF, testMatcher } from './helpers.js';

const m = testMatcher();

/** A request for 详情, as the bot reads one: a bare list number ("1." too) or a details intent. */
const asksDetails = (line: string) => /^\d{1,3}$/.test(normalizeInbound(line)) || understand(line).intent === 'details';

/** Words the bot knows, mixed with anything at all: emoji, digits, very long text. */
const inbound = fc.oneof(
  fc.constantFrom('你好', 'help', '想贷款', '有没有种茶的补贴', '土地流转', 'loan', '开始', 'check', '结果', 'result', '详情 1', 'more 2', '详情 99', '重来', 'restart', '不知道', 'skip', '是', '否', 'yes', 'no', '1', '2,3', '3万', '20亩', '2023年6月', '江州区', 'Kaizhou', '订阅', 'subscribe', '退订', 'T', 'STOP'),
  fc.string({ unit: 'grapheme', maxLength: 40 }),
  fc.string({ unit: 'binary', maxLength: 20 }),
  fc.stringMatching(/^[0-9.,万亩年月 -]{0,12}$/),
  fc.constantFrom('😀'.repeat(50), '中'.repeat(2000), 'a'.repeat(5000), '\u0000\uFFFF\uD800', ''),
);

const options = fc.record({
  channel: fc.constantFrom('sms' as const, 'chat' as const),
  locale: fc.constantFrom('zh-CN' as const, 'en' as const),
  partCap: fc.integer({ min: 1, max: 3 }),
  signature: fc.constantFrom(undefined, '', '【开州就业】', '归雁', '【一个很长很长很长很长很长的服务号签名】'),
});

describe('converse laws', () => {
  it('never throws, keeps every SMS within its cap and the state JSON-serialisable', () => {
    fc.assert(
      fc.property(options, fc.array(inbound, { minLength: 1, maxLength: 8 }), (opts, lines) => {
        let state: ConversationState | undefined;
        for (const line of lines) {
          const before = state && JSON.stringify(state);
          const r = converse(state, line, { matcher: m, asOf: AS_OF, ...opts });
          // The caller's state is never changed in place.
          if (state) expect(JSON.stringify(state)).toBe(before);
          // 详情 may take up to three parts (detailsPartCap); every other reply keeps to partCap.
          if (opts.channel === 'sms' && r.reply !== null) expect(smsParts(r.reply)).toBeLessThanOrEqual(asksDetails(line) ? Math.max(opts.partCap, 3) : opts.partCap);
          expect(JSON.parse(JSON.stringify(r.state))).toStrictEqual(r.state);
          if (state?.optedOut && !['订阅', 'subscribe'].includes(line)) expect(r.reply).toBeNull();
          if (!r.state.optedOut) expect(r.reply).toEqual(expect.any(String));
          state = r.state;
        }
      }),
      { numRuns: 150 },
    );
  });

  it('answers the same inbound and state with the same reply (pure)', () => {
    fc.assert(
      fc.property(options, fc.array(inbound, { minLength: 1, maxLength: 4 }), (opts, lines) => {
        const run = () => lines.reduce<{ reply: string | null; state?: ConversationState }>((acc, line) => converse(acc.state, line, { matcher: m, asOf: AS_OF, ...opts }), { reply: null });
        expect(run()).toEqual(run());
      }),
      { numRuns: 40 },
    );
  });

  it('starts over from a damaged stored state instead of failing', () => {
    const damaged = [{}, { v: 2 }, { v: 1, profile: { id: 5 } }, { v: 1, profile: { id: 'x', birthDate: 'yesterday' }, optedOut: true }] as unknown as ConversationState[];
    for (const s of damaged) {
      const r = converse(s, '你好', { matcher: m, asOf: AS_OF, channel: 'sms' });
      expect(r.state.v).toBe(1);
      if ((s as { optedOut?: boolean }).optedOut) expect(r.reply).toBeNull();
      else expect(r.reply).toContain('想贷款');
    }
  });
});
