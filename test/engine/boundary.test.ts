import { describe, expect, it } from 'vitest';
import { cacheSlot } from '../../src/engine/matcher.js';
import { createMatcher, engineOf, type Matcher } from '../../src/matcher/create.js';
import { loadRules, rulesMatcher } from '../helpers/rules.js';

const AS_OF = '2026-06-01';
const person = { id: 'p', regionCode: '500154', groups: ['returning-migrant-worker'], business: { form: 'individual-business', employees: 3 } };

describe('the engine boundary', () => {
  it('keeps the compiled engine out of the matcher object', () => {
    const m = rulesMatcher();
    expect(Object.keys(m)).not.toContain('core');
    expect('core' in m).toBe(false);
  });

  it('gives the engine only of matchers createMatcher made', () => {
    const m = rulesMatcher();
    expect(engineOf(m).policies).toBe(m.policies);
    expect(() => engineOf({ ...m } as Matcher)).toThrow(/not a matcher made by createMatcher/);
  });

  it('creates a per-matcher cache once per matcher, and never shares it between matchers', () => {
    let created = 0;
    const slot = cacheSlot('test.counter', (core) => ({ n: ++created, policies: core.policies.length }));
    const a = engineOf(rulesMatcher());
    const b = engineOf(createMatcher(loadRules().slice(0, 2)));
    expect(a.cache(slot)).toBe(a.cache(slot));
    expect(b.cache(slot)).not.toBe(a.cache(slot));
    expect(b.cache(slot).policies).toBe(2);
    expect(created).toBe(2);
  });

  it('streams the verdict-mode rows evaluate gives, with ineligible ones on request', () => {
    const m = rulesMatcher();
    const core = engineOf(m);
    const day = core.day(AS_OF);
    const profile = core.parse(person);
    const rows: { policyId: string; status: string; missing: string[]; amount?: unknown }[] = [];
    core.stream(profile, day, () => true, (cp, status, amount, missing) => rows.push({ policyId: cp.policy.id, status, missing: [...missing], ...(amount ? { amount } : {}) }));
    const expected = m.evaluate(person, { asOf: AS_OF, mode: 'verdict', scope: 'applicable' }).map((e) => ({ policyId: e.policyId, status: e.status, missing: [...e.missing], ...(e.amount ? { amount: e.amount } : {}) }));
    expect(rows).toEqual(expected);
    const some: string[] = [];
    core.stream(profile, day, () => false, (cp) => some.push(cp.policy.id));
    expect(some).toEqual(expected.filter((e) => e.status !== 'ineligible').map((e) => e.policyId));
  });

  it('says which verdict-mode results are shared by status, so workers send codes instead of objects', () => {
    const m = rulesMatcher();
    const core = engineOf(m);
    const day = core.day(AS_OF);
    for (const e of m.evaluate(person, { asOf: AS_OF, mode: 'verdict' })) {
      const cp = core.compiledById(e.policyId)!;
      if (e.status === 'unknown') expect(core.isShared(cp, e.status)).toBe(false);
      else if (core.isShared(cp, e.status)) expect(e).toBe(core.sharedResult(cp, e.status, day));
      else expect(e.amount).toBeDefined();
    }
  });

  it('explains a few policies while a stream is being visited, without disturbing it', () => {
    const m = rulesMatcher();
    const core = engineOf(m);
    const day = core.day(AS_OF);
    const profile = core.parse(person);
    const ids = m.policies.map((p) => p.id);
    const seen: string[] = [];
    core.stream(profile, day, () => true, (cp, status) => {
      seen.push(`${cp.policy.id}:${status}`);
      core.explainSome(profile, day, ids.slice(0, 3), 'en');
    });
    const plain: string[] = [];
    core.stream(profile, day, () => true, (cp, status) => plain.push(`${cp.policy.id}:${status}`));
    expect(seen).toEqual(plain);
    const explained = core.explainSome(profile, day, ids, 'zh-CN');
    for (const e of m.evaluate(person, { asOf: AS_OF, scope: 'applicable' })) expect(explained.get(e.policyId)).toEqual(e);
  });
});
