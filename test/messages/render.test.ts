import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { renderChat, renderSms, type MessageItem } from '../../src/messages/render.js';
import { smsParts } from '../../src/messages/sms.js';
import { tokens } from '../../src/messages/shorten.js';
import { EVENT_KINDS } from '../../src/messages/templates.js';
import { formatRange } from '../../src/core/text.js';

const loan: MessageItem = { kind: 'newly-eligible', policyId: 'cn-guarantee-loan-individual', title: '个人创业担保贷款', amount: '最高20万元', deadline: '2027-12-31' };

describe('renderSms', () => {
  it('writes a short message whole, with signature, reply code and opt-out', () => {
    const r = renderSms([loan], 'zh-CN');
    expect(r).toEqual({ text: '【归雁服务】您可能符合「个人创业担保贷款」，最高20万元，请于2027-12-31前申请。回1查看详情，回T退订', parts: 1, shortened: false });
  });

  it('uses the caller’s signature, link and opt-out line and counts them', () => {
    const r = renderSms([loan], 'zh-CN', { signature: '开州人社', link: 'k.cn/a1', optOut: '拒收请回复R' });
    expect(r.text.startsWith('【开州人社】')).toBe(true);
    expect(r.text.endsWith('k.cn/a1，拒收请回复R')).toBe(true);
    expect(r.parts).toBe(1);
  });

  it('drops optional pieces before cutting the title', () => {
    const r = renderSms([{ ...loan, title: '返乡入乡创业人员一次性创业补贴和场地租金补贴政策' }], 'zh-CN');
    expect(r.shortened).toBe(true);
    expect(r.text).toContain('「返乡入乡创业人员一次性创业补贴和场地租金补贴政策」');
    expect(r.text).not.toContain('2027-12-31');
  });

  it('merges several events into one digest', () => {
    const r = renderSms([loan, { ...loan, kind: 'window-closing', title: '重点群体创业税收扣减' }], 'zh-CN');
    expect(r.text).toBe('【归雁服务】您有2项政策消息：「个人创业担保贷款」、「重点群体创业税收扣减」。回1查看详情，回T退订');
  });

  it('allows a longer text when the part cap is raised', () => {
    const long = { ...loan, title: '返乡入乡创业人员一次性创业补贴和场地租金补贴以及创业孵化基地入驻补贴' };
    expect(renderSms([long], 'zh-CN', { partCap: 1 }).parts).toBe(1);
    const two = renderSms([long], 'zh-CN', { partCap: 2 });
    expect(two.parts).toBe(2);
    expect(two.shortened).toBe(false);
  });

  const title = fc.oneof(
    fc.stringMatching(/^[\u4e00-\u9fa5]{1,60}$/),
    fc.array(fc.constantFrom('创业', '担保', '贷款', '20万元', '2023年', '第15号', 'Start-up', 'loan', ' ', '（', '）', '补贴', '300万元'), { minLength: 1, maxLength: 30 }).map((a) => a.join('')),
  ).filter((t) => t.trim().length > 0);
  const amount = fc.record({ min: fc.integer({ min: 0, max: 5_000_000 }), max: fc.integer({ min: 0, max: 5_000_000 }) }).map(({ min, max }) => ({ min: Math.min(min, max), max: Math.max(min, max), unit: 'CNY' }));

  it('keeps every message within its part cap, whatever the titles and amounts', () => {
    fc.assert(
      fc.property(
        fc.array(fc.record({ kind: fc.constantFrom(...EVENT_KINDS), title, amount }), { minLength: 1, maxLength: 5 }),
        fc.constantFrom('zh-CN' as const, 'en' as const),
        fc.integer({ min: 1, max: 3 }),
        (events, locale, partCap) => {
          const items = events.map((e, i): MessageItem => ({ kind: e.kind, policyId: `p${i}`, title: e.title, amount: formatRange(e.amount, locale), deadline: '2027-12-31', field: '在职职工人数' }));
          const r = renderSms(items, locale, { partCap });
          expect(r.parts).toBeLessThanOrEqual(partCap);
          expect(r.parts).toBe(smsParts(r.text));
          expect(r.text).toMatch(locale === 'en' ? /Reply T to opt out$/ : /回T退订$/);
        },
      ),
    );
  });

  it('never cuts inside a number or an ASCII word', () => {
    fc.assert(
      fc.property(title, (t) => {
        const r = renderSms([{ ...loan, title: t, amount: undefined, deadline: undefined }], 'zh-CN');
        const shown = /「(.*)」/.exec(r.text)?.[1];
        if (shown === undefined) return;
        const kept = shown.endsWith('…') ? shown.slice(0, -1) : shown;
        // what is shown is a whole-token prefix of the title
        const parts = tokens(t);
        let prefix = '';
        const prefixes = new Set<string>();
        for (const p of parts) prefixes.add((prefix += p).replace(/[\s,，、:：;；(（\-—·]+$/u, ''));
        expect(prefixes.has(kept) || kept === t).toBe(true);
      }),
    );
  });

  it('tokenises 20万元 and 2023年 as whole numbers', () => {
    expect(tokens('贷款20万元和2023年第15号Start-up loan')).toEqual(['贷', '款', '20万元', '和', '2023年', '第', '15号', 'Start-up', ' ', 'loan']);
  });
});

describe('renderChat', () => {
  it('gives reasons, where to apply and the next question, leaving out lines with nothing to say', () => {
    const text = renderChat([{ ...loan, kind: 'needs-info', question: '您和配偶还有别的贷款吗？', reasons: ['人员类别：返乡农民工'] }], 'zh-CN');
    expect(text).toBe('您好！您可能符合「个人创业担保贷款」，还差一项信息就能确定。\n可享受：最高20万元\n请问：您和配偶还有别的贷款吗？');
  });

  it('numbers the events of a digest', () => {
    const text = renderChat([loan, { ...loan, kind: 'no-longer-eligible', title: 'X', reasons: ['a'] }], 'en');
    expect(text).toContain('You have 2 policy updates:');
    expect(text).toContain('2. On current information you no longer qualify for "X".\nWhy:\n- a');
  });
});
