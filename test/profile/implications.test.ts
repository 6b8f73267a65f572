import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { createMatcher, parsePolicies, parseProfile } from '../../src/index.js';
import { dayOf } from '../../src/core/dates.js';
import { referenceEvaluate } from '../../src/engine/reference.js';
import { IMPLICATIONS, readAnswer } from '../../src/profile/implications.js';
import { compile, loadRegister, run, useEngines } from '../sql/engines.js';

const policy = (id: string, eligibility: unknown, amount?: unknown) => ({ name: `${id}.json`, text: JSON.stringify({ id, kind: 'subsidy', title: { 'zh-CN': id }, source: { title: 't' }, eligibility, ...(amount ? { amount } : {}) }) });

const policies = parsePolicies([
  policy('p-unemployed', { op: 'gte', field: 'unemployedSince', measure: 'months-since', value: 6 }),
  policy('p-licence', { op: 'eq', field: 'business.registeredAs', value: 'individual-business' }),
  policy('p-hires', { op: 'gte', field: 'business.hiresPovertyAlleviated', value: 1 }, { kind: 'per-unit', rate: 1000, quantity: 'business.hiresPovertyAlleviated', unit: 'CNY' }),
  // Eligible with no staff, paid per hire: the amount reads the implied count (0), not an unknown.
  policy('p-per-hire', { op: 'eq', field: 'business.employees', value: 0 }, { kind: 'per-unit', rate: 1000, quantity: 'business.hiresPovertyAlleviated', unit: 'CNY' }),
  policy('p-working-age', { op: 'gt', field: 'birthDate', measure: 'months-to-retirement', value: 0 }),
]);
const asOf = '2026-06-01';
const matcher = createMatcher(policies);

/** Status and missing fields of one policy, from the engine and from the reference interpreter (which must agree). */
function judge(id: string, profile: Record<string, unknown>) {
  const p = parseProfile({ id: 'x', ...profile });
  const e = matcher.evaluate(p, { asOf, scope: 'all' }).find((x) => x.policyId === id)!;
  const r = referenceEvaluate(policies.find((x) => x.id === id)!, p, dayOf(asOf))!;
  expect({ status: r.status, missing: [...r.missing].sort() }).toEqual({ status: e.status, missing: [...new Set(e.missing)].sort() });
  return { status: e.status, missing: [...new Set(e.missing)].sort() };
}

const cases: [string, string, Record<string, unknown>, { status: string; missing: string[] }][] = [
  ['groups without registered-unemployed settle the unemployment date as none', 'p-unemployed', { groups: ['college-graduate'] }, { status: 'ineligible', missing: [] }],
  ['an empty groups list settles it too', 'p-unemployed', { groups: [] }, { status: 'ineligible', missing: [] }],
  ['registered unemployed with no date still asks for it', 'p-unemployed', { groups: ['registered-unemployed'] }, { status: 'unknown', missing: ['unemployedSince'] }],
  ['unknown groups leave it open', 'p-unemployed', {}, { status: 'unknown', missing: ['unemployedSince'] }],
  ['an answer given wins over the implication', 'p-unemployed', { groups: ['college-graduate'], unemployedSince: '2025-01-01' }, { status: 'eligible', missing: [] }],
  ['an individual business is licensed as one', 'p-licence', { business: { form: 'individual-business' } }, { status: 'eligible', missing: [] }],
  ['a cooperative is licensed as a cooperative', 'p-licence', { business: { form: 'cooperative' } }, { status: 'ineligible', missing: [] }],
  ['a family farm may be licensed either way', 'p-licence', { business: { form: 'family-farm' } }, { status: 'unknown', missing: ['business.registeredAs'] }],
  ['the licence answered wins', 'p-licence', { business: { form: 'individual-business', registeredAs: 'company' } }, { status: 'ineligible', missing: [] }],
  ['no staff means none hired from a group', 'p-hires', { business: { employees: 0 } }, { status: 'ineligible', missing: [] }],
  ['staff of unknown origin leave it open', 'p-hires', { business: { employees: 3 } }, { status: 'unknown', missing: ['business.hiresPovertyAlleviated'] }],
  ['no staff: an amount per hire is 0, not open', 'p-per-hire', { business: { employees: 0 } }, { status: 'eligible', missing: [] }],
  ['a man is not asked a woman’s post type', 'p-working-age', { gender: 'male' }, { status: 'unknown', missing: ['birthDate'] }],
  ['a woman of unknown age is', 'p-working-age', { gender: 'female' }, { status: 'unknown', missing: ['birthDate', 'postType'] }],
  ['nobody known: all three', 'p-working-age', {}, { status: 'unknown', missing: ['birthDate', 'gender', 'postType'] }],
  ['a woman of 54 needs her post (past a worker’s age, short of a cadre’s)', 'p-working-age', { gender: 'female', birthDate: '1972-03-01' }, { status: 'unknown', missing: ['postType'] }],
];

describe('field implications', () => {
  it.each(cases)('%s', (_name, id, profile, want) => {
    expect(judge(id, profile)).toEqual(want);
  });

  it('never changes an answered field, and fills only values the field accepts', () => {
    const answers = fc.record(
      {
        groups: fc.subarray(['registered-unemployed', 'college-graduate', 'veteran'] as const),
        unemployedSince: fc.constantFrom('2024-01-01', null),
        business: fc.record({ form: fc.constantFrom('individual-business', 'cooperative', 'family-farm'), employees: fc.nat(3), hiresPovertyAlleviated: fc.nat(3), registeredAs: fc.constantFrom('company', 'cooperative') }, { requiredKeys: [] }),
      },
      { requiredKeys: [] },
    );
    fc.assert(
      fc.property(answers, (a) => {
        const p = parseProfile({ id: 'x', ...a });
        for (const i of IMPLICATIONS) {
          const given = i.field.split('.').reduce<unknown>((o, k) => (o && typeof o === 'object' ? (o as Record<string, unknown>)[k] : undefined), p);
          const read = readAnswer(p, i.field);
          if (given !== undefined) expect(read).toEqual(given);
        }
        // The implied profile is still a valid profile.
        const filled = structuredClone(p) as Record<string, unknown>;
        for (const i of IMPLICATIONS) {
          const v = readAnswer(p, i.field);
          if (v === undefined) continue;
          const path = i.field.split('.');
          let o = filled;
          for (const k of path.slice(0, -1)) o = (o[k] ??= {}) as Record<string, unknown>;
          o[path.at(-1)!] = v;
        }
        expect(() => parseProfile(filled)).not.toThrow();
      }),
    );
  });
});

describe('field implications in SQL', () => {
  const engines = useEngines();
  const profiles = cases.map(([, , profile], i) => parseProfile({ id: `c${i}`, ...profile }));

  it('give the same verdicts and missing fields as the engine, on every engine', async () => {
    for (const e of engines) {
      await loadRegister(e, profiles);
      for (const table of ['register', 'register_json'] as const) {
        const q = compile(policies, e, { asOf, missing: true, ...(table === 'register_json' ? { layout: 'json' as const, table } : { table }) });
        const rows = await run(e, q);
        cases.forEach(([name], i) => {
          for (const p of policies) {
            const ev = matcher.evaluate(profiles[i]!, { asOf, mode: 'verdict', scope: 'all' }).find((x) => x.policyId === p.id)!;
            const want = { status: ev.status, missing: [...new Set(ev.missing)].sort(), amount: ev.amount ? { ...ev.amount } : null };
            expect({ engine: e.name, table, name, policy: p.id, ...rows.get(`c${i}|${p.id}`) }).toEqual({ engine: e.name, table, name, policy: p.id, ...want });
          }
        });
      }
    }
  }, 60_000);
});
