import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { FIELDS, type Evaluation } from '../../src/index.js';
import { asOfArb, policiesArb, profileArb } from '../helpers/gen.js';
import { matcherOf, runs } from './engine.js';

const OUTCOME = { eligible: 'pass', ineligible: 'fail', unknown: 'unknown' } as const;

const hasEmptyGroup = (c: any): boolean =>
  c && typeof c === 'object' && (((c.op === 'all' || c.op === 'any') && (c.of.length === 0 || c.of.some(hasEmptyGroup))) || (c.op === 'not' && hasEmptyGroup(c.of)));

/** Keys in reverse order at every level: the same answers, written differently. */
const reversed = (v: unknown): unknown =>
  Array.isArray(v) ? v.map(reversed) : v && typeof v === 'object' ? Object.fromEntries(Object.entries(v).reverse().map(([k, x]) => [k, reversed(x)])) : v;

const read = (p: Record<string, unknown>, path: string) => path.split('.').reduce<any>((o, k) => (o == null ? undefined : o[k]), p);

describe('evaluation over generated rules and profiles', () => {
  it('never throws for a valid profile, in either locale or mode', () => {
    fc.assert(
      fc.property(policiesArb, fc.array(profileArb, { minLength: 1, maxLength: 5 }), asOfArb, (policies, profiles, asOf) => {
        const m = matcherOf(policies);
        for (const p of profiles)
          for (const locale of ['zh-CN', 'en'] as const)
            for (const mode of ['explain', 'verdict'] as const)
              for (const e of m.evaluate(p, { asOf, locale, mode })) {
                expect(['eligible', 'ineligible', 'unknown']).toContain(e.status);
                if (e.amount) expect(Number.isNaN(e.amount.min) || Number.isNaN(e.amount.max)).toBe(false);
              }
      }),
      { numRuns: runs(150) },
    );
  });

  it('explains every verdict with reasons of the same outcome, and lists missing fields only when unknown', () => {
    fc.assert(
      fc.property(policiesArb, profileArb, asOfArb, (policies, profile, asOf) => {
        const m = matcherOf(policies);
        for (const e of m.evaluate(profile, { asOf, locale: 'en' })) {
          const policy = policies.find((p) => p.id === e.policyId)!;
          for (const r of e.reasons) expect(r.status).toBe(OUTCOME[e.status]);
          if (!hasEmptyGroup(policy.eligibility)) expect(e.reasons.length).toBeGreaterThan(0);
          if (e.status === 'unknown') expect(e.missing.length).toBeGreaterThan(0);
          else expect(e.missing).toEqual([]);
          for (const f of e.missing) {
            expect(FIELDS.has(f)).toBe(true);
            expect(read(profile, f)).toBeUndefined();
          }
          if (e.status === 'ineligible') expect(e.amount).toBeUndefined();
        }
      }),
      { numRuns: runs(200) },
    );
  });

  it('gives the same output, in catalogue order, however often and in whatever key order it is asked', () => {
    fc.assert(
      fc.property(policiesArb, profileArb, asOfArb, (policies, profile, asOf) => {
        const m = matcherOf(policies);
        const first: Evaluation[] = m.evaluate(profile, { asOf });
        expect(m.evaluate(profile, { asOf })).toEqual(first);
        expect(m.evaluate(reversed(profile), { asOf })).toEqual(first);
        expect(matcherOf(policies).evaluate(JSON.parse(JSON.stringify(profile)), { asOf })).toEqual(first);
        const order = policies.map((p) => String(p.id));
        const ids = first.map((e) => e.policyId);
        expect(ids).toEqual(order.filter((id) => ids.includes(id)));
        expect(m.evaluateMany([profile, profile], { asOf })).toEqual([first, first]);
      }),
      { numRuns: runs(150) },
    );
  });
});
