import { describe, expect, it } from 'vitest';
import { createMatcher, parsePolicies, safeParseProfile } from '../../src/index.js';
import { safeParseProfileFast } from '../../src/engine/profile-check.js';

const AS_OF = '2026-06-01';
const rule = (id: string, eligibility: unknown, amount?: unknown) => ({
  name: `${id}.json`,
  text: JSON.stringify({ id, kind: 'subsidy', title: { 'zh-CN': id }, source: { title: 't' }, eligibility, ...(amount ? { amount } : {}) }),
});
const m = createMatcher(
  parsePolicies([
    rule('r-age', { op: 'lte', field: 'birthDate', measure: 'age', value: 35 }),
    rule('r-share', { op: 'gte', field: 'business.newHiresFromGroups', per: 'business.employees', value: 0.1 }),
    rule('r-land', { op: 'gte', field: 'land.transferredMu', value: 50 }, { kind: 'per-unit', rate: 100, quantity: 'land.transferredMu', cap: 10000 }),
    rule('r-return', { op: 'gte', field: 'returnDate', value: '2025-01-01' }),
  ]),
);
const run = (profile: Record<string, unknown>) => Object.fromEntries(m.evaluate({ id: 'x', ...profile }, { asOf: AS_OF }).map((e) => [e.policyId, { status: e.status, missing: e.missing, amount: e.amount }]));

describe('approximate answers in the evaluator', () => {
  it.each([
    ['born in 1985 is over 35 whatever the day', { birthDate: { min: '1985-01-01', max: '1985-12-31' } }, 'r-age', 'ineligible'],
    ['born in 1995 is 30 or 31: eligible', { birthDate: { min: '1995-01-01', max: '1995-12-31' } }, 'r-age', 'eligible'],
    ['born 1990 or 1991 straddles 35: open, and the birth date is what settles it', { birthDate: { min: '1990-01-01', max: '1991-12-31' } }, 'r-age', 'unknown'],
    ['back last year: after 2025-01-01', { returnDate: { min: '2025-01-01', max: '2025-12-31' } }, 'r-return', 'eligible'],
    ['back some time in 2024 or 2025: open', { returnDate: { min: '2024-06-01', max: '2025-06-01' } }, 'r-return', 'unknown'],
    ['2 hires among 7 to 12 staff: 16.7% to 28.6%', { business: { newHiresFromGroups: 2, employees: { min: 7, max: 12 } } }, 'r-share', 'eligible'],
    ['1 hire among 7 to 12 staff: 8.3% to 14.3%, open', { business: { newHiresFromGroups: 1, employees: { min: 7, max: 12 } } }, 'r-share', 'unknown'],
  ] as const)('%s', (_name, profile, id, status) => {
    const r = run(profile)[id]!;
    expect(r.status).toBe(status);
    if (status === 'unknown') expect(r.missing.length).toBeGreaterThan(0);
  });

  it('gives an amount computed from a range as a range', () => {
    expect(run({ land: { transferredMu: { min: 72, max: 88 } } })['r-land']).toEqual({ status: 'eligible', missing: [], amount: { min: 7200, max: 8800, unit: 'CNY' } });
    expect(run({ land: { transferredMu: { min: 72, max: 200 } } })['r-land']!.amount).toEqual({ min: 7200, max: 10000, unit: 'CNY' });
  });

  it('names the approximate field among the missing when a closer answer could settle the policy', () => {
    expect(run({ land: { transferredMu: { min: 40, max: 60 } } })['r-land']).toEqual({ status: 'unknown', missing: ['land.transferredMu'], amount: { min: 4000, max: 6000, unit: 'CNY' } });
  });

  it.each([
    [{ land: { transferredMu: { min: 90, max: 80 } } }, false],
    [{ birthDate: { min: '1995-12-31', max: '1995-01-01' } }, false],
    [{ business: { employees: { min: 1.5, max: 3 } } }, false],
    [{ business: { employees: { min: 1, max: 3, avg: 2 } } }, false],
    [{ business: { employees: { min: 1, max: 3 } } }, true],
    [{ returnDate: { min: '2025-01-01', max: '2025-02-30' } }, false],
  ])('the profile schema and its fast path agree on %j: %s', (answers, valid) => {
    const p = { id: 'x', ...answers };
    expect(safeParseProfile(p).success).toBe(valid);
    expect(safeParseProfileFast(p).success).toBe(valid);
  });
});
