import { describe, expect, it } from 'vitest';
import { dispatch, InMemoryChatSender, InMemorySmsGateway, screen, type Delivery, type SmsGateway } from '../../src/index.js';
import { matcherOf } from './helpers.js';

let n = 0;
const d = (over: Partial<Delivery>): Delivery => ({ id: `d${++n}`, profileId: 'p', policyIds: ['x'], channel: 'sms', to: '13812345678', text: 't', sendAt: '2026-06-01T10:00:00+08:00', kinds: ['newly-eligible'], locale: 'zh-CN', ...over });

describe('dispatch', () => {
  it('sends due deliveries to the sender of their channel and keeps the rest pending', async () => {
    const sms = new InMemorySmsGateway();
    const chat = new InMemoryChatSender();
    const report = await dispatch([d({}), d({ channel: 'chat', to: 'wx_1' }), d({ sendAt: '2026-06-02T08:00:00+08:00' })], { sms, chat }, { now: new Date('2026-06-01T12:00:00+08:00') });
    expect(report.sent).toBe(2);
    expect(report.pending).toHaveLength(1);
    expect(sms.sent).toEqual([{ id: expect.any(String), profileId: 'p', to: '13812345678', text: 't' }]);
    expect(chat.sent.map((m) => m.to)).toEqual(['wx_1']);
  });

  it('skips ids the ledger holds and adds each id the gateway accepted', async () => {
    const held = new Set(['a']);
    const ledger = { has: (id: string) => held.has(id), add: (id: string) => void held.add(id) };
    const sms = new InMemorySmsGateway();
    const first = await dispatch([d({ id: 'a' }), d({ id: 'b' }), d({ id: 'c' })], { sms }, { ledger });
    expect(first).toMatchObject({ sent: 2, skipped: 1 });
    expect(sms.sent.map((m) => m.id)).toEqual(['b', 'c']);
    const again = await dispatch([d({ id: 'a' }), d({ id: 'b' }), d({ id: 'c' })], { sms }, { ledger });
    expect(again).toMatchObject({ sent: 0, skipped: 3 });
    expect(sms.sent).toHaveLength(2);
  });

  it('reports a failing gateway per delivery with the number masked, and goes on', async () => {
    const flaky: SmsGateway = { send: async (m) => (m.profileId === 'bad' ? Promise.reject(new Error(`carrier refused ${m.to}`)) : { ok: true }) };
    const report = await dispatch([d({ profileId: 'bad' }), d({})], { sms: flaky });
    expect(report.sent).toBe(1);
    expect(report.failed).toEqual([{ profileId: 'bad', channel: 'sms', error: 'carrier refused 138****5678' }]);
  });

  it('delivers what screening planned', async () => {
    const sms = new InMemorySmsGateway();
    const { deliveries } = await screen([{ id: 'a', groups: ['veteran'], hasOtherLoans: false, contact: { phone: '13800001111', smsConsent: true } }], { matcher: matcherOf(), asOf: '2026-06-01T10:00:00+08:00' });
    await dispatch(deliveries, { sms });
    expect(sms.sent[0]!.text).toMatch(/^【归雁服务】.*回T退订$/);
  });
});
