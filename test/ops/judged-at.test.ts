import { describe, expect, it } from 'vitest';
import { dayOf } from '../../src/core/dates.js';
import { createMatcher, parsePolicies, parseProfile, PolicyValidationError } from '../../src/index.js';
import { referenceEvaluateAll } from '../../src/engine/reference.js';

/** The graduate test of 公告2023年第15号: in the graduation year when the business was registered. */
const policy = (is: unknown, extra: Record<string, unknown> = {}) => ({
  id: 'graduate-at-registration',
  kind: 'tax-relief',
  title: { 'zh-CN': '毕业年度内登记' },
  source: { title: 'test' },
  eligibility: { op: 'judged-at', field: 'graduationDate', measure: 'calendar-years-since', at: 'business.registeredAt', is, ...extra },
});
const load = (p: unknown) => parsePolicies([{ name: 'p.json', text: JSON.stringify(p) }]);

const matcher = createMatcher(load(policy({ op: 'eq', value: 0 })));
const run = (profile: Record<string, unknown>, asOf: string) => {
  const compiled = matcher.evaluate({ id: 'x', ...profile }, { asOf })[0]!;
  const reference = referenceEvaluateAll(matcher.policies, parseProfile({ id: 'x', ...profile }), dayOf(asOf))[0]!;
  expect({ status: compiled.status, missing: [...compiled.missing].sort() }).toEqual({ status: reference.status, missing: [...reference.missing].sort() });
  return compiled;
};

describe('judged-at', () => {
  it.each([
    ['registered 31 Dec of the graduation year, asked on 1 Jan', '2025-06-30', '2025-12-31', '2026-01-01', 'eligible'],
    ['registered 31 Dec of the graduation year, asked three years on', '2025-06-30', '2025-12-31', '2028-11-30', 'eligible'],
    ['registered 1 Jan after the graduation year', '2025-06-30', '2026-01-01', '2026-01-01', 'ineligible'],
    ['registered in January before graduating in June', '2026-06-30', '2026-01-01', '2026-02-01', 'eligible'],
    ['registered 31 Dec of the year before graduating', '2026-06-30', '2025-12-31', '2026-02-01', 'ineligible'],
  ])('%s', (_name, graduationDate, registeredAt, asOf, status) => {
    expect(run({ graduationDate, business: { registeredAt } }, asOf).status).toBe(status);
  });

  it('is unknown while the day it is judged at is unknown, and names that day as missing', () => {
    const e = run({ graduationDate: '2025-06-30', business: { form: 'individual-business' } }, '2026-01-01');
    expect(e.status).toBe('unknown');
    expect(e.missing).toEqual(['business.registeredAt']);
  });

  it('is unknown while the measured date is unknown, and names it', () => {
    const e = run({ business: { registeredAt: '2025-12-31' } }, '2026-01-01');
    expect(e.status).toBe('unknown');
    expect(e.missing).toEqual(['graduationDate']);
  });

  it.each([
    ['the business was never registered', { graduationDate: '2025-06-30', business: { registeredAt: null } }],
    ['there is no graduation', { graduationDate: null, business: { registeredAt: '2025-12-31' } }],
    ['there is no graduation and the registration day is unknown', { graduationDate: null }],
  ])('fails when %s (no day to measure)', (_name, profile) => {
    expect(run(profile, '2026-01-01').status).toBe('ineligible');
  });

  it('explains itself with the day it was judged at, in both locales', () => {
    const zh = matcher.evaluate({ id: 'x', graduationDate: '2025-06-30', business: { registeredAt: '2026-01-01' } }, { asOf: '2026-02-01', mode: 'explain' })[0]!;
    expect(zh.reasons[0]).toMatchObject({ path: 'graduationDate', status: 'fail' });
    expect(zh.reasons[0]!.text).toMatch(/登记/);
    const en = matcher.evaluate({ id: 'x', graduationDate: '2025-06-30', business: { registeredAt: '2026-01-01' } }, { asOf: '2026-02-01', mode: 'explain', locale: 'en' })[0]!;
    expect(en.reasons[0]!.text).toMatch(/regist/i);
  });

  it.each([
    ['"at" is not a date field', policy({ op: 'eq', value: 0 }, { at: 'business.employees' }), 'operator_domain'],
    ['"at" names no field', policy({ op: 'eq', value: 0 }, { at: 'business.nothing' }), 'unknown_field'],
    ['no date measure', policy({ op: 'eq', value: 0 }, { measure: 'count' }), 'invalid_value'],
    ['an inverted range inside', policy({ op: 'between', min: 3, max: 1 }), 'inverted_range'],
    ['an operator that compares no numbers', policy({ op: 'in', values: ['a'] }), 'invalid_union'],
  ])('refuses a rule where %s', (_name, p, code) => {
    try {
      load(p);
      expect.unreachable();
    } catch (e) {
      expect(e).toBeInstanceOf(PolicyValidationError);
      expect((e as PolicyValidationError).issues.map((i) => i.code)).toContain(code);
    }
  });
});
