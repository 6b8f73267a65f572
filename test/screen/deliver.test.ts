import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { isQuiet } from '../../src/screen/quiet.js';
import { screen, smsParts, type Delivery } from '../../src/index.js';
import { matcherOf, smallRegister } from './helpers.js';

const people = smallRegister();
const byId = new Map(people.map((p) => [p.id as string, p as { contact?: { smsConsent?: unknown; phone?: string; wechat?: string } }]));
const matcher = matcherOf();
const AS_OF = '2026-06-01T10:00:00+08:00';

describe('the delivery plan', () => {
  it('sends no SMS to a person without consent, and chat only to people with a chat id', async () => {
    const { deliveries } = await screen(people, { matcher, asOf: AS_OF, channels: 'both' });
    const sms = deliveries.filter((d) => d.channel === 'sms');
    const chat = deliveries.filter((d) => d.channel === 'chat');
    expect(sms.length).toBeGreaterThan(0);
    expect(chat.length).toBeGreaterThan(0);
    for (const d of sms) {
      expect(byId.get(d.profileId)!.contact!.smsConsent).toBe(true);
      expect(d.to).toBe(byId.get(d.profileId)!.contact!.phone);
    }
    for (const d of chat) expect(d.to).toBe(byId.get(d.profileId)!.contact!.wechat);
  });

  it('gives every delivery an id that a rerun of the same run repeats, and another run does not', async () => {
    const ids = async (asOf: string) => (await screen(people, { matcher, asOf, channels: 'both' })).deliveries.map((d) => d.id);
    const first = await ids(AS_OF);
    expect(new Set(first).size).toBe(first.length);
    expect(first.every((id) => /^[a-p]{32}$/.test(id))).toBe(true);
    expect(await ids(AS_OF)).toEqual(first);
    const later = await ids('2026-06-02T10:00:00+08:00');
    expect(later.filter((id) => first.includes(id))).toEqual([]);
  });

  it('uses one channel per person by default, chat first', async () => {
    const { deliveries } = await screen(people, { matcher, asOf: AS_OF });
    const perPerson = new Map<string, Delivery[]>();
    for (const d of deliveries) perPerson.set(d.profileId, [...(perPerson.get(d.profileId) ?? []), d]);
    for (const [id, list] of perPerson) {
      expect(list).toHaveLength(1);
      expect(list[0]!.channel).toBe(byId.get(id)!.contact!.wechat ? 'chat' : 'sms');
    }
  });

  it('merges a person’s events into one digest naming every policy', async () => {
    const { deliveries, events } = await screen(people, { matcher, asOf: AS_OF });
    for (const d of deliveries) expect(new Set(d.policyIds)).toEqual(new Set(events.filter((e) => e.profileId === d.profileId).map((e) => e.policyId)));
  });

  it('keeps every SMS within one part by default, and within the cap given', async () => {
    for (const partCap of [1, 2]) {
      const { deliveries } = await screen(people, { matcher, asOf: AS_OF, sms: { partCap, signature: '开州区人力资源和社会保障局' } });
      for (const d of deliveries.filter((x) => x.channel === 'sms')) expect(smsParts(d.text)).toBeLessThanOrEqual(partCap);
    }
  });

  it('schedules nothing inside quiet hours, deferring to the next morning rather than dropping', async () => {
    const person = { id: 'q', groups: ['veteran'], hasOtherLoans: false, contact: { phone: '13800001111', smsConsent: true } };
    await fc.assert(
      fc.asyncProperty(fc.integer({ min: Date.UTC(2026, 0, 1), max: Date.UTC(2027, 0, 1) }), async (t) => {
        const asOf = new Date(t);
        const { deliveries } = await screen([person], { matcher, asOf });
        expect(deliveries).toHaveLength(1);
        const at = new Date(deliveries[0]!.sendAt);
        expect(isQuiet(at)).toBe(false);
        expect(at.getTime()).toBeGreaterThanOrEqual(t);
        expect(at.getTime() - t).toBeLessThanOrEqual(11 * 3_600_000);
        expect(deliveries[0]!.sendAt).toMatch(/^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}\+08:00$/);
      }),
      { numRuns: 60 },
    );
  });

  it('honours a custom quiet window and can turn it off', async () => {
    const person = { id: 'q', groups: ['veteran'], hasOtherLoans: false, contact: { phone: '13800001111', smsConsent: true } };
    const late = '2026-06-01T22:30:00+08:00';
    expect((await screen([person], { matcher, asOf: late })).deliveries[0]!.sendAt).toBe('2026-06-02T08:00:00+08:00');
    expect((await screen([person], { matcher, asOf: late, quiet: { start: '22:00', end: '09:30' } })).deliveries[0]!.sendAt).toBe('2026-06-02T09:30:00+08:00');
    expect((await screen([person], { matcher, asOf: late, quiet: false })).deliveries[0]!.sendAt).toBe('2026-06-01T22:30:00+08:00');
  });

  it('defers a second SMS within the frequency window instead of sending it', async () => {
    const person = { id: 'f', regionCode: '500154', groups: ['returning-migrant-worker'], hasOtherLoans: false, contact: { phone: '13800001111', smsConsent: true } };
    const a = await screen([person], { matcher, asOf: AS_OF });
    expect(a.deliveries[0]!.sendAt).toBe('2026-06-01T10:00:00+08:00');
    const b = await screen([{ ...person, business: { registeredAt: '2026-05-01' } }], { matcher, asOf: '2026-06-03T10:00:00+08:00', previous: a.state });
    expect(b.events.map((e) => e.kind)).toContain('newly-eligible');
    expect(b.deliveries[0]!.sendAt).toBe('2026-06-08T10:00:00+08:00');
    const c = await screen([{ ...person, business: { registeredAt: '2026-05-01' } }], { matcher, asOf: '2026-06-03T10:00:00+08:00', previous: a.state, frequency: { sms: { max: 2, days: 7 } } });
    expect(c.deliveries[0]!.sendAt).toBe('2026-06-03T10:00:00+08:00');
  });

  it('gives the same plan whatever the host time zone', async () => {
    const saved = process.env.TZ;
    const run = async (tz: string) => {
      process.env.TZ = tz;
      const r = await screen(people, { matcher, asOf: '2026-06-01' });
      return JSON.stringify([r.deliveries, r.state]);
    };
    try {
      const results = [await run('UTC'), await run('America/Los_Angeles'), await run('Asia/Shanghai'), await run('Pacific/Kiritimati')];
      expect(new Set(results).size).toBe(1);
    } finally {
      if (saved === undefined) delete process.env.TZ;
      else process.env.TZ = saved;
    }
  });

  it('writes chat messages with reasons and the next question', async () => {
    const person = { id: 'c', groups: ['veteran'], regionCode: '530627', contact: { wechat: 'wx_abc' } };
    const { deliveries } = await screen([person], { matcher, asOf: AS_OF });
    expect(deliveries[0]).toMatchObject({ channel: 'chat', to: 'wx_abc', locale: 'zh-CN' });
    expect(deliveries[0]!.text).toContain('请问：您和配偶除了助学、扶贫、房贷、车贷和5万元以下消费贷外，还有别的贷款吗？');
    const en = await screen([{ ...person, contact: { wechat: 'wx_abc', locale: 'en' } }], { matcher, asOf: AS_OF });
    expect(en.deliveries[0]!.text).toContain('Question: Apart from student');
  });
});
