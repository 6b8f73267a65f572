import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { parsePolicies, safeParseProfile, toSql, type Policy, type SqlQuery } from '../../src/index.js';
import { people } from '../../scripts/gen-register.js';
import { arbAsOf, arbCatalogue, arbCatalogueWithOverlays, arbProfile } from '../helpers/arbitraries.js';
import { loadRules } from '../helpers/rules.js';
import { compile, expected, loadRegister, run, useEngines, type Engine, type Row } from './engines.js';

/**
 * Differential truth: the compiled SQL gives every person and policy the same status, amount and
 * missing fields as the in-process evaluator, on DuckDB, SQLite and (when reachable) PostgreSQL,
 * in both register layouts.
 */
const engines = useEngines();

const LAYOUTS = [
  { layout: 'flat' as const, table: 'register' },
  { layout: 'json' as const, table: 'register_json' },
];

async function agree(policies: readonly Policy[], profiles: readonly Record<string, unknown>[], asOf: string, e: Engine, layouts = LAYOUTS): Promise<void> {
  for (const l of layouts) {
    const q = compile(policies, e, { asOf, missing: true, ...l });
    // Generated policies may use a parameter before its first date: reported, never dropped silently.
    expect(q.unsupported.filter((u) => u.code !== 'parameter_undefined')).toEqual([]);
    const skip = new Set(q.unsupported.map((u) => u.policyId));
    const want = expected(policies, profiles, asOf, skip);
    const got = await run(e, q);
    expect(got.size).toBe(want.size);
    for (const [k, v] of want) expect({ k, ...got.get(k) }).toEqual({ k, ...v });
    // The one-scan counts form equals the rows grouped by policy and status (the layout only changes the source).
    if (l.layout !== 'flat') continue;
    const counts = compile(policies, e, { asOf, ...l, output: 'counts' });
    expect(await totals(e, counts)).toEqual(totalsOf(want));
  }
}

type Totals = Record<string, { people: number; min: number | null; max: number | null; unit: string | null }>;
const cents = (x: unknown) => (x === null || x === undefined ? null : Math.round(Number(x) * 100));

async function totals(e: Engine, q: SqlQuery): Promise<Totals> {
  const out: Totals = {};
  for (const r of await e.session.all(q.sql, q.params)) out[`${r.policy_id}|${r.status}`] = { people: Number(r.people), min: cents(r.amount_min), max: cents(r.amount_max), unit: (r.amount_unit as string | null) ?? null };
  return out;
}

function totalsOf(rows: Map<string, Row>): Totals {
  const sums: Record<string, { people: number; min: number | null; max: number | null; unit: string | null }> = {};
  for (const [k, r] of rows) {
    const t = (sums[`${k.slice(k.indexOf('|') + 1)}|${r.status}`] ??= { people: 0, min: null, max: null, unit: null });
    t.people++;
    if (r.amount) {
      t.min = (t.min ?? 0) + r.amount.min;
      t.max = (t.max ?? 0) + r.amount.max;
      if (t.unit === null || r.amount.unit < t.unit) t.unit = r.amount.unit;
    }
  }
  for (const t of Object.values(sums)) [t.min, t.max] = [cents(t.min), cents(t.max)];
  return sums;
}

/** Amount forms the generated catalogues do not draw: `ifUnknown: skip`, and a cap with no value in force. */
const EXTRA = parsePolicies([
  {
    name: 'extra.yaml',
    text: `id: sql-amount-forms
kind: subsidy
title: { zh-CN: 金额形式 }
source: { title: test }
sample: true
parameters:
  cap: { values: [{ from: 2016-01-01, value: 50000 }, { from: 2025-01-01, value: null }] }
eligibility: { op: any, of: [{ op: present, field: business.form }, { op: gte, field: land.transferredMu, value: 10 }] }
amount:
  kind: choose
  options:
    - { when: { op: eq, field: business.form, value: cooperative }, ifUnknown: skip, amount: { kind: per-unit, rate: 300, quantity: land.transferredMu, cap: { param: cap } } }
    - { when: { op: gte, field: business.employees, value: 5 }, amount: { kind: fixed, value: 20000, upTo: true } }
  otherwise: { kind: per-unit, rate: 1000, quantity: business.employees, cap: { param: cap } }
`,
  },
]);

describe('SQL verdicts equal the evaluator on the generated register', () => {
  const rules = [...loadRules(), ...EXTRA];
  const profiles = people(800, 11, '2026-06-01').filter((p) => safeParseProfile(p).success);

  it.each(['duckdb', 'sqlite', 'postgres'] as const)('on %s, flat and JSON layouts, at two dates', async (name) => {
    const e = engines.find((x) => x.name === name);
    if (!e) return void console.log(`${name}: skipped (not reachable)`);
    await loadRegister(e, profiles);
    await agree(rules, profiles, '2026-06-01', e, [LAYOUTS[0]!]);
    await agree(rules, profiles, '2024-02-29', e, [LAYOUTS[1]!]);
  }, 120_000);

  it('every bundled rule compiles: nothing is unsupported', () => {
    const q = toSql(rules, { dialect: 'duckdb', asOf: '2026-06-01' });
    expect(q.unsupported).toEqual([]);
    expect(q.policies.length + q.notInForce.length).toBe(rules.length);
  });
});

describe('SQL verdicts equal the evaluator on generated rules and profiles', () => {
  const arbCase = fc.record({ catalogue: arbCatalogue, profiles: fc.array(arbProfile(0.3, { approximate: false }), { minLength: 1, maxLength: 25 }), asOf: arbAsOf });
  // Amounts reading a figure regions may set, with overlays fixing it for some places.
  const arbRegional = fc.record({ catalogue: arbCatalogueWithOverlays, profiles: fc.array(arbProfile(0.3, { approximate: false }), { minLength: 1, maxLength: 25 }), asOf: arbAsOf });

  it.each([
    ['duckdb', arbCase],
    ['sqlite', arbCase],
    ['postgres', arbCase],
    ['duckdb, with overlays', arbRegional],
    ['sqlite, with overlays', arbRegional],
    ['postgres, with overlays', arbRegional],
  ] as const)('on %s', async (label, arb) => {
    const name = label.split(',')[0] as 'duckdb' | 'sqlite' | 'postgres';
    const e = engines.find((x) => x.name === name);
    if (!e) return void console.log(`${name}: skipped (not reachable)`);
    await fc.assert(
      fc.asyncProperty(arb as typeof arbRegional, async ({ catalogue, profiles, asOf }) => {
        const policies = parsePolicies(catalogue.map((p, i) => ({ name: `gen-${i}.json`, text: JSON.stringify(p) })));
        const rows = profiles.map((p, i) => ({ ...p, id: `p${i}` }));
        await loadRegister(e, rows);
        await agree(policies, rows, asOf, e);
      }),
      { numRuns: Number(process.env.GUIYAN_SQL_RUNS ?? (name === 'postgres' ? 15 : 30)) },
    );
  }, 180_000);
});
