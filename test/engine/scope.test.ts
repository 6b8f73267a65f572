import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { formatRange, pick } from '../../src/core/text.js';
import { loadRules, rulesMatcher } from '../helpers/rules.js';

const m = rulesMatcher();
const policies = new Map(loadRules().map((p) => [p.id, p]));
const AS_OF = '2026-06-01';

/** Whether a policy's regions cover a region code (a city covers its counties; none means nationwide). */
const covers = (regions: readonly string[], code: string) =>
  regions.length === 0 || regions.some((r) => code.startsWith(r.replace(/(00)+$/, '')));

describe('evaluate lists the policies that apply where the person is', () => {
  it.each([
    ['a county of Zhaotong', '530602'],
    ['Kaizhou', '500154'],
    ['Jiangzhou', '451402'],
    ['Hanbin, Ankang', '610902'],
    ['Alxa Left Banner', '152921'],
    ['Bijie, outside the five regions', '520502'],
  ])('in %s: the nationwide policies and that region’s own, and no other region’s', (_name, regionCode) => {
    const all = m.evaluate({ id: 'p', regionCode }, { asOf: AS_OF, scope: 'all' });
    const applicable = m.evaluate({ id: 'p', regionCode }, { asOf: AS_OF });
    const expected = all.filter((e) => covers(policies.get(e.policyId)!.regions, regionCode)).map((e) => e.policyId);
    expect(applicable.map((e) => e.policyId)).toEqual(expected);
    expect(applicable.some((e) => policies.get(e.policyId)!.regions.length === 0)).toBe(true);
    // What `all` adds is other regions' policies, each ineligible.
    for (const e of all) if (!expected.includes(e.policyId)) expect(e.status).toBe('ineligible');
  });

  it('without a region code lists every policy in force, local ones unknown until the region is answered', () => {
    const all = m.evaluate({ id: 'p' }, { asOf: AS_OF, scope: 'all' });
    const got = m.evaluate({ id: 'p' }, { asOf: AS_OF });
    expect(got).toEqual(all);
    const local = got.filter((e) => policies.get(e.policyId)!.regions.length > 0);
    expect(local.length).toBeGreaterThan(0);
    for (const e of local) {
      expect(e.status).toBe('unknown');
      expect(e.missing).toContain('regionCode');
    }
  });

  it('gives each policy the same verdict in both scopes', () => {
    fc.assert(
      fc.property(fc.constantFrom('530602', '500154', '451402', '610902', '152921', '520502'), fc.constantFrom('verdict', 'explain' as const), (regionCode, mode) => {
        const person = { id: 'p', regionCode, groups: ['returning-migrant-worker' as const] };
        const all = new Map(m.evaluate(person, { asOf: AS_OF, scope: 'all', mode }).map((e) => [e.policyId, e]));
        for (const e of m.evaluate(person, { asOf: AS_OF, mode })) expect(e).toEqual(all.get(e.policyId));
      }),
      { numRuns: 30 },
    );
  });
});

describe('every result carries the title and the amount for people, in the requested locale', () => {
  const person = { id: 'p', regionCode: '451402', groups: ['college-graduate' as const] };
  it.each(['zh-CN', 'en'] as const)('%s: evaluate, recommend and search', (locale) => {
    for (const mode of ['explain', 'verdict'] as const) {
      for (const e of m.evaluate(person, { asOf: AS_OF, locale, mode, scope: 'all' })) {
        expect(e.title).toBe(pick(policies.get(e.policyId)!.title, locale));
        expect(e.amountText).toBe(e.amount ? formatRange(e.amount, locale) : undefined);
      }
    }
    for (const r of m.recommend(person, { asOf: AS_OF, locale, nearMisses: true })) {
      expect(r.title).toBe(pick(policies.get(r.policyId)!.title, locale));
      expect(r.amountText).toBe(r.amount ? formatRange(r.amount, locale) : undefined);
    }
    for (const opts of [{}, { profile: person }]) {
      const hits = m.search('贷款', { asOf: AS_OF, locale, ...opts });
      expect(hits.length).toBeGreaterThan(0);
      for (const h of hits) expect(h.title).toBe(pick(policies.get(h.policyId)!.title, locale));
    }
  });

  it.each([
    ['zh-CN', '最高30万元'],
    ['en', 'up to CNY 300,000'],
  ] as const)('%s: the individual guarantee loan reads %s', (locale, text) => {
    const loan = m.evaluate(person, { asOf: AS_OF, locale }).find((e) => e.policyId === 'cn-guarantee-loan-individual')!;
    expect(loan.amountText).toBe(text);
    const hit = m.search('创业担保贷款', { asOf: AS_OF, locale }).find((h) => h.policyId === 'cn-guarantee-loan-individual')!;
    expect(hit.amountText).toBe(text);
  });

  it('an English title falls back to the zh-CN one when a rule has none', () => {
    const untitled = [...policies.values()].find((p) => p.title.en === undefined);
    if (!untitled) return void console.log('every rule has an English title; nothing to fall back from');
    const e = m.evaluate({ id: 'p' }, { asOf: AS_OF, locale: 'en', scope: 'all' }).find((x) => x.policyId === untitled.id);
    if (e) expect(e.title).toBe(untitled.title['zh-CN']);
  });
});
