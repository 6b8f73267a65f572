import { describe, expect, it } from 'vitest';
import { screen, maskText, type ScreenEvent } from '../../src/index.js';
import { asAsync, LOCAL_SAMPLE, matcherOf, nationalSources, smallRegister } from './helpers.js';
import { engineOf } from '../../src/matcher/create.js';

const AS_OF = '2026-06-01T10:00:00+08:00';
const people = smallRegister();

describe('screen', () => {
  it('tells a new register what applies, and reports invalid rows without stopping', async () => {
    const r = await screen(people, { matcher: matcherOf(), asOf: AS_OF });
    expect(r.counts.profiles).toBe(200);
    expect(r.errors.length).toBe(r.counts.invalid);
    expect(r.errors.length).toBeGreaterThan(0);
    expect(Object.keys(r.state.profiles)).toHaveLength(200 - r.errors.length);
    const kinds = new Set(r.events.map((e) => e.kind));
    expect(kinds).toEqual(new Set(['newly-eligible', 'needs-info']));
    expect(r.deliveries.length).toBeGreaterThan(0);
  });

  it('masks personal data in errors', async () => {
    const bad = { id: '13812345678', birthDate: '1990-02-30', contact: { phone: 'tel 138-1234-5678' } };
    const r = await screen([bad], { matcher: matcherOf(), asOf: AS_OF });
    const text = JSON.stringify(r.errors);
    expect(text).not.toContain('13812345678');
    expect(text).toBe(maskText(text));
    expect(r.errors[0]!.issues.map((i) => i.path.join('.'))).toEqual(['birthDate', 'contact.phone']);
  });

  it('skips a repeated row and reports it, so nobody is told twice', async () => {
    const row = { id: 'dup', groups: ['veteran'], hasOtherLoans: false };
    const r = await screen([row, { ...row, hasOtherLoans: true }], { matcher: matcherOf(), asOf: AS_OF });
    expect(r.events.map((e) => e.kind)).toEqual(['newly-eligible']);
    expect(r.errors).toEqual([{ index: 1, profileId: 'dup', issues: [expect.objectContaining({ path: ['id'], code: 'duplicate_id' })] }]);
  });

  it('treats ids such as __proto__ and constructor as plain keys', async () => {
    const matcher = matcherOf();
    const rows = ['__proto__', 'constructor', 'toString'].map((id) => ({ id, groups: ['veteran'], hasOtherLoans: false }));
    const a = await screen(rows, { matcher, asOf: AS_OF });
    expect(a.events).toHaveLength(3);
    const b = await screen(rows, { matcher, asOf: AS_OF, previous: JSON.parse(JSON.stringify(a.state)) });
    expect(b.events).toEqual([]);
    expect(Object.keys(b.state.profiles).sort()).toEqual(['__proto__', 'constructor', 'toString']);
  });

  it('emits nothing on a second run with the same inputs', async () => {
    const matcher = matcherOf();
    const first = await screen(people, { matcher, asOf: AS_OF });
    const second = await screen(people, { matcher, asOf: AS_OF, previous: JSON.parse(JSON.stringify(first.state)) });
    expect(second.events).toEqual([]);
    expect(second.deliveries).toEqual([]);
    expect(second.state.profiles).toEqual(first.state.profiles);
  });

  it('reads an async iterable the same as an array, and streams through callbacks', async () => {
    const matcher = matcherOf();
    const a = await screen(people, { matcher, asOf: AS_OF });
    const events: ScreenEvent[] = [];
    const b = await screen(asAsync(people), { matcher, asOf: AS_OF, onEvent: (e) => events.push(e), onDelivery: () => {} });
    expect(events).toEqual(a.events);
    expect(b.events).toEqual([]);
    expect(b.deliveries).toEqual([]);
    expect(b.counts.deliveries).toBe(a.deliveries.length);
  });

  it('leaves the previous state untouched', async () => {
    const matcher = matcherOf();
    const first = await screen(people, { matcher, asOf: AS_OF });
    const frozen = JSON.stringify(first.state);
    await screen(people.map((p) => ({ ...p, hasOtherLoans: false })), { matcher, asOf: '2026-06-20T10:00:00+08:00', previous: first.state });
    expect(JSON.stringify(first.state)).toBe(frozen);
  });

  it('emits policy-changed only to those whose verdict or amount moved when a rule changes', async () => {
    const before = matcherOf();
    const edited = nationalSources().map((s) => (s.name.endsWith('cn-guarantee-loan-individual.yaml') ? { ...s, text: s.text.replace('value: 300000, source: 财金〔2023〕75号', 'value: 350000, source: 财金〔2023〕75号') } : s));
    const after = matcherOf([...edited, LOCAL_SAMPLE]);
    expect(engineOf(after).compiledById('cn-guarantee-loan-individual')!.hash).not.toBe(engineOf(before).compiledById('cn-guarantee-loan-individual')!.hash);
    const first = await screen(people, { matcher: before, asOf: AS_OF });
    const second = await screen(people, { matcher: after, asOf: AS_OF, previous: first.state });

    const moved = new Set<string>();
    for (const p of people) {
      let a, b;
      try {
        a = before.evaluate(p, { asOf: AS_OF }).find((e) => e.policyId === 'cn-guarantee-loan-individual');
        b = after.evaluate(p, { asOf: AS_OF }).find((e) => e.policyId === 'cn-guarantee-loan-individual');
      } catch {
        continue;
      }
      if (a?.status !== b?.status || a?.amount?.max !== b?.amount?.max) moved.add(p.id as string);
    }
    expect(moved.size).toBeGreaterThan(0);
    expect(second.events.every((e) => e.kind === 'policy-changed' && e.policyId === 'cn-guarantee-loan-individual')).toBe(true);
    expect(new Set(second.events.map((e) => e.profileId))).toEqual(moved);
    const e = second.events[0]!;
    expect([e.previousAmount?.max, e.amount?.max]).toEqual([300000, 350000]);
    // and the change is told once
    const third = await screen(people, { matcher: after, asOf: AS_OF, previous: second.state });
    expect(third.events).toEqual([]);
  });

  const worker = { id: 'w1', regionCode: '500154', groups: ['returning-migrant-worker'], hasOtherLoans: false, business: { registeredAt: '2026-03-01' }, contact: { phone: '13800001111', smsConsent: true } };

  it.each([
    ['2026-06-01', 14, false],
    ['2026-06-16', 14, true],
    ['2026-06-30', 14, true],
    ['2026-06-01', 30, true],
  ])('as of %s with a %i-day window, window-closing is %s for a deadline of 2026-06-30', async (asOf, windowDays, expected) => {
    const r = await screen([worker], { matcher: matcherOf(), asOf, windowDays });
    const closing = r.events.filter((e) => e.kind === 'window-closing');
    expect(closing.length > 0).toBe(expected);
    if (expected) expect(closing[0]).toMatchObject({ policyId: 'kaizhou-return-start-grant-sample', deadline: '2026-06-30' });
  });

  it('tells window-closing once per rule version', async () => {
    const matcher = matcherOf();
    const a = await screen([worker], { matcher, asOf: '2026-06-20' });
    const b = await screen([worker], { matcher, asOf: '2026-06-25', previous: a.state });
    expect(a.events.some((e) => e.kind === 'window-closing')).toBe(true);
    expect(b.events).toEqual([]);
  });

  it('tells no-longer-eligible when a person’s answers change, and newly-eligible is not repeated', async () => {
    const matcher = matcherOf();
    const a = await screen([worker], { matcher, asOf: AS_OF });
    const b = await screen([{ ...worker, hasOtherLoans: true }], { matcher, asOf: AS_OF, previous: a.state });
    expect(b.events.map((e) => [e.kind, e.policyId])).toEqual([['no-longer-eligible', 'cn-guarantee-loan-individual']]);
    const c = await screen([worker], { matcher, asOf: AS_OF, previous: b.state });
    expect(c.events).toEqual([]);
  });

  it('asks needs-info only when one answer could settle the policy', async () => {
    const matcher = matcherOf();
    const one = await screen([{ id: 'a', groups: ['veteran'], regionCode: '530627' }], { matcher, asOf: AS_OF });
    expect(one.events.map((e) => [e.kind, e.missing])).toEqual([['needs-info', ['hasOtherLoans']]]);
    const many = await screen([{ id: 'b', regionCode: '530627' }], { matcher, asOf: AS_OF });
    expect(many.events.filter((e) => e.kind === 'needs-info').every((e) => e.missing!.length === 1)).toBe(true);
  });
});
