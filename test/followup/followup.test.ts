import { describe, expect, it } from 'vitest';
import { followUpsDue, funnel, recordOutcome, screen, type ScreenState } from '../../src/index.js';
import { funnelTable, renderFunnel } from '../../src/followup/funnel.js';
import { renderTable } from '../../src/core/table.js';
import { matcherOf } from '../screen/helpers.js';

const matcher = matcherOf();
const people = [
  { id: 'a', regionCode: '500155', groups: ['returning-migrant-worker'], hasOtherLoans: false, contact: { phone: '13800000001', smsConsent: true } },
  { id: 'b', regionCode: '530627', groups: ['veteran'], hasOtherLoans: false, contact: { wechat: 'wx_b' } },
  { id: 'c', regionCode: '530627', groups: ['veteran'], hasOtherLoans: false, contact: { phone: '13800000003', smsConsent: false } },
];

async function pushed(opts: Parameters<typeof screen>[1] extends infer O ? Partial<O> : never = {}): Promise<ScreenState> {
  return (await screen(people, { matcher, asOf: '2026-06-01T10:00:00+08:00', ...opts })).state;
}

describe('follow-up tasks', () => {
  it('are due 7 and 30 days after a push, only for people who were reached', async () => {
    const state = await pushed();
    expect(state.profiles.a!.policies['cn-guarantee-loan-individual']!.followUps).toEqual([
      { due: '2026-06-08', offset: 7 },
      { due: '2026-07-01', offset: 30 },
    ]);
    expect(state.profiles.c!.policies['cn-guarantee-loan-individual']!.pushedAt).toBeUndefined();
    expect(followUpsDue(state, { on: '2026-06-07' })).toEqual([]);
    expect(followUpsDue(state, { on: '2026-06-08' }).map((t) => [t.profileId, t.policyId])).toEqual([
      ['a', 'cn-guarantee-loan-individual'],
      ['b', 'cn-guarantee-loan-individual'],
    ]);
  });

  it('take configurable offsets and an officer from the assignment hook', async () => {
    const state = await pushed({ followUp: { offsets: [3], assign: (p) => (p.regionCode === '500155' ? 'officer-lp' : null) } });
    const a = state.profiles.a!.policies['cn-guarantee-loan-individual']!;
    expect(a.followUps).toEqual([{ due: '2026-06-04', offset: 3 }]);
    expect(a.officerId).toBe('officer-lp');
    expect(state.profiles.b!.policies['cn-guarantee-loan-individual']!.officerId).toBeNull();
  });

  it('go to the covering officer when a list is given', async () => {
    const state = await pushed({ officers: [{ id: 'zx', name: '镇雄专员', regions: ['530627'] }, { id: 'cq', name: '重庆专员', regions: ['500000'] }] });
    expect(state.profiles.a!.policies['cn-guarantee-loan-individual']!.officerId).toBe('cq');
    expect(state.profiles.b!.policies['cn-guarantee-loan-individual']!.officerId).toBe('zx');
  });

  it('go to the officer with fewer open follow-ups, counting the previous run', async () => {
    const officers = [{ id: 'cq-1', name: '一号', regions: ['500000'] }, { id: 'cq-2', name: '二号', regions: ['500000'] }];
    const first = await pushed({ officers });
    expect(first.profiles.a!.policies['cn-guarantee-loan-individual']!.officerId).toBe('cq-1');
    const busy = structuredClone(first);
    for (const p of Object.values(busy.profiles.a!.policies)) p.officerId = 'cq-1';
    const again = await pushed({ officers, previous: { ...busy, profiles: { x: busy.profiles.a! } } });
    expect(again.profiles.a!.policies['cn-guarantee-loan-individual']!.officerId).toBe('cq-2');
  });
});

describe('recordOutcome', () => {
  it('returns a new state and closes follow-ups on a final outcome', async () => {
    const state = await pushed();
    const before = JSON.stringify(state);
    const next = recordOutcome(state, { profileId: 'a', policyId: 'cn-guarantee-loan-individual', outcome: 'granted', amount: 150000, at: '2026-06-20' });
    expect(JSON.stringify(state)).toBe(before);
    const e = next.profiles.a!.policies['cn-guarantee-loan-individual']!;
    expect(e.outcomes).toEqual([{ outcome: 'granted', amount: 150000, at: '2026-06-20' }]);
    expect(e.followUps!.every((t) => t.done === '2026-06-20')).toBe(true);
  });

  it('closes only the follow-ups already due on a non-final outcome', async () => {
    const next = recordOutcome(await pushed(), { profileId: 'a', policyId: 'cn-guarantee-loan-individual', outcome: 'applied', at: '2026-06-10' });
    expect(next.profiles.a!.policies['cn-guarantee-loan-individual']!.followUps!.map((t) => t.done)).toEqual(['2026-06-10', undefined]);
  });

  it('refuses an unknown person or outcome', async () => {
    const state = await pushed();
    expect(() => recordOutcome(state, { profileId: 'zz', policyId: 'cn-guarantee-loan-individual', outcome: 'granted', at: '2026-06-20' })).toThrow(RangeError);
    expect(() => recordOutcome(state, { profileId: 'a', policyId: 'cn-guarantee-loan-individual', outcome: 'won' as never, at: '2026-06-20' })).toThrow(RangeError);
  });

  it('survives the next screening run', async () => {
    const state = recordOutcome(await pushed(), { profileId: 'a', policyId: 'cn-guarantee-loan-individual', outcome: 'applied', at: '2026-06-10' });
    const again = await screen(people, { matcher, asOf: '2026-06-15T10:00:00+08:00', previous: state });
    expect(again.state.profiles.a!.policies['cn-guarantee-loan-individual']!.outcomes).toHaveLength(1);
  });
});

describe('funnel', () => {
  it('counts pushed → applied → granted with amounts, per policy and per region', async () => {
    let state = await pushed();
    state = recordOutcome(state, { profileId: 'a', policyId: 'cn-guarantee-loan-individual', outcome: 'applied', at: '2026-06-10' });
    state = recordOutcome(state, { profileId: 'a', policyId: 'cn-guarantee-loan-individual', outcome: 'granted', amount: 150000, at: '2026-06-25' });
    state = recordOutcome(state, { profileId: 'b', policyId: 'cn-guarantee-loan-individual', outcome: 'not-interested', at: '2026-06-09' });
    expect(funnel(state, { by: 'policy' })).toEqual([{ key: 'cn-guarantee-loan-individual', pushed: 2, applied: 1, granted: 1, rejected: 0, noResponse: 0, notInterested: 1, grantedAmount: 150000 }]);
    expect(funnel(state, { by: 'region' }).map((r) => [r.key, r.pushed, r.granted])).toEqual([
      ['500155', 1, 1],
      ['530627', 1, 0],
    ]);
    const table = funnelTable(funnel(state, { by: 'region' }), { by: 'region' });
    const text = renderTable(table.header, table.rows);
    expect(renderFunnel(funnel(state, { by: 'region' }), { by: 'region' })).toBe(text);
    expect(text).toContain('梁平区');
    expect(text.split('\n').at(-1)).toMatch(/^合计\s+2\s+1\s+50%\s+1\s+100%\s+0\s+0\s+1\s+15万元$/);
  });
});
