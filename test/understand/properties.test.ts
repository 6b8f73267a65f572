import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { understand } from '../../src/understand/index.js';

const AS_OF = '2026-06-01';
const STOPS = ['不要再发了', '别发了', '不要发了', '拒收', '退订', '退订吧', '回T退订', 'STOP', 'unsubscribe'];
const WRAP = ['', '请', '麻烦', '你们', '以后', '谢谢', '，谢谢', '！', '。', ' ', '好吗', '啊'];

describe('understand laws', () => {
  it('never throws, and gives the same reading twice, for any text', () => {
    fc.assert(
      fc.property(fc.oneof(fc.string({ unit: 'grapheme', maxLength: 60 }), fc.string({ unit: 'binary', maxLength: 30 }), fc.constantFrom('中'.repeat(3000), '1'.repeat(400))), fc.constantFrom(undefined, 'hasOtherLoans', 'groups', 'regionCode', 'business.employees', 'returnDate', 'nonsense.field'), (text, expecting) => {
        const a = understand(text, { asOf: AS_OF, expecting });
        expect(understand(text, { asOf: AS_OF, expecting })).toEqual(a);
        expect(JSON.parse(JSON.stringify(a))).toEqual(a);
      }),
      { numRuns: 300 },
    );
  });

  it('reads a stop wording as a stop whatever is around it and whatever was asked', () => {
    fc.assert(
      fc.property(fc.constantFrom(...WRAP), fc.constantFrom(...STOPS), fc.constantFrom(...WRAP), fc.constantFrom(undefined, 'hasOtherLoans', 'groups', 'regionCode'), (pre, stop, post, expecting) => {
        expect(understand(`${pre}${stop}${post}`, { asOf: AS_OF, expecting }).intent).toBe('opt-out');
      }),
    );
  });

  it('never reads a stop into talk of 发展, 发票, 发货 or 发工资', () => {
    fc.assert(
      fc.property(fc.constantFrom('发展养殖', '发票', '发货', '发工资', '补贴发放', '发家致富', '开发'), fc.constantFrom('有补贴吗', '怎么办', '要什么材料', '', '的政策'), (a, b) => {
        expect(understand(`${a}${b}`, { asOf: AS_OF }).intent).not.toBe('opt-out');
      }),
    );
  });

  it('never stores a question as an answer', () => {
    fc.assert(
      fc.property(fc.constantFrom('个体工商户', '脱贫人口', '合作社', '退役军人', '开州', '80亩'), fc.constantFrom('是啥意思？', '是什么', '算不算', '吗？', '包括哪些'), fc.constantFrom(undefined, 'business.form', 'groups', 'regionCode', 'land.transferredMu'), (term, ask, expecting) => {
        const u = understand(`${term}${ask}`, { asOf: AS_OF, expecting });
        expect(u.intent).not.toBe('answer');
        expect(u.facts).toEqual([]);
      }),
    );
  });
});
