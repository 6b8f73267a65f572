import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { REGISTER_COLUMNS } from '../../src/sql/index.js';
import { FIELDS, parsePolicies, PolicyValidationError, toSql, type DialectName, type Policy } from '../../src/index.js';
import { jsonColumns } from '../../src/sql/layout.js';
import { arbAsOf, arbCatalogue } from '../helpers/arbitraries.js';
import { compile, expected, loadRegister, run, useEngines } from './engines.js';

/**
 * Nothing from a rule file reaches SQL text: every quoted literal and identifier in the compiled
 * query is one the library wrote itself, and rule values travel as bind parameters.
 */
const DIALECTS: DialectName[] = ['duckdb', 'postgres', 'sqlite'];

const literals = (sql: string) => [...sql.matchAll(/'(?:[^']|'')*'/g)].map((m) => m[0]);
const identifiers = (sql: string) => [...sql.replace(/'(?:[^']|'')*'/g, "''").matchAll(/"(?:[^"]|"")*"/g)].map((m) => m[0]);

const OWN_LITERALS = (d: DialectName) =>
  new Set([
    ...literals(jsonColumns(d, 'x')),
    ...["'eligible'", "'ineligible'", "'unknown'", "''", "'day'", "'1970-01-01'", "'infinity'", "'Infinity'"],
    ...[...FIELDS.keys()].map((f) => `'${f},'`),
  ]);
const OWN_IDENTIFIERS = new Set(['"id"', '"register"', '"register_json"', '"profile"', ...REGISTER_COLUMNS.flatMap((c) => [`"${c.name}"`, ...(c.none ? [`"${c.none}"`] : [])])]);

function expectOwnText(sql: string, d: DialectName): void {
  const own = OWN_LITERALS(d);
  expect(literals(sql).filter((l) => !own.has(l))).toEqual([]);
  expect(identifiers(sql).filter((i) => !OWN_IDENTIFIERS.has(i))).toEqual([]);
}

const NASTY = ["x'); DROP TABLE register; --", 'a"b', "O''Brien", '$1', '?', '\u0001' + '0\u0002', '\\', '名字\'; DELETE FROM register_json; --'];

const hostile = (): Policy[] =>
  parsePolicies([
    {
      name: 'nasty.yaml',
      text: `id: nasty
kind: subsidy
title: { zh-CN: "'; DROP TABLE register; --" }
summary: { zh-CN: "\\"); DELETE FROM register; --" }
source: { title: "x' OR 1=1 --", note: "$1 ? :name" }
sample: true
tags: ["'--"]
parameters:
  cap: { values: [{ from: 2020-01-01, value: 1000, source: "'); DROP TABLE register; --" }] }
eligibility:
  op: any
  id: "'); DROP TABLE register; --"
  reason: { zh-CN: "'||'" }
  of:
    - { op: in, field: name, values: ${JSON.stringify(NASTY)} }
    - { op: eq, field: name, value: ${JSON.stringify(NASTY[0])} }
    - { op: overlaps, field: business.industry, values: ${JSON.stringify(NASTY)} }
    - { op: gte, field: business.employees, value: { param: cap } }
amount: { kind: per-unit, rate: 10, quantity: business.employees, cap: { param: cap } }
`,
    },
  ]);

describe('rule values never become SQL text', () => {
  it.each(DIALECTS)('a rule full of SQL fragments compiles to %s with every value bound', (d) => {
    const q = toSql(hostile(), { dialect: d, asOf: '2026-06-01', missing: true });
    expect(q.unsupported).toEqual([]);
    expectOwnText(q.sql, d);
    for (const s of NASTY) expect(q.params).toContain(s);
    expect(q.sql).not.toContain('DROP');
    expect(q.sql).not.toContain('DELETE');
  });

  it('generated catalogues compile to text the library wrote, in every dialect', () => {
    fc.assert(
      fc.property(arbCatalogue, arbAsOf, (catalogue, asOf) => {
        const policies = parsePolicies(catalogue.map((p, i) => ({ name: `g${i}.json`, text: JSON.stringify(p) })));
        for (const d of DIALECTS) expectOwnText(toSql(policies, { dialect: d, asOf, missing: true }).sql, d);
      }),
      { numRuns: 150 },
    );
  });

  it('table names and JSON columns that are not plain identifiers are refused', () => {
    for (const table of ['register; DROP TABLE x', 'a"b', 'x--', '']) expect(() => toSql([], { dialect: 'duckdb', asOf: '2026-06-01', table })).toThrow(/identifier/);
    expect(() => toSql([], { dialect: 'postgres', asOf: '2026-06-01', layout: 'json', jsonColumn: 'p) FROM x; --' })).toThrow(/identifier/);
  });
});

describe('the hostile rule corpus is rejected at load or compiles to safe SQL', () => {
  const CORPUS = join(import.meta.dirname, '..', 'corpus', 'malformed');
  const files = readdirSync(CORPUS).filter((f) => f !== 'expected.yaml');

  it.each(files)('%s', (file) => {
    let policies: Policy[];
    try {
      policies = parsePolicies([{ name: file, text: readFileSync(join(CORPUS, file), 'utf8') }]);
    } catch (e) {
      expect(e).toBeInstanceOf(PolicyValidationError);
      return;
    }
    for (const d of DIALECTS) {
      const q = toSql(policies, { dialect: d, asOf: '2026-06-01', missing: true });
      expectOwnText(q.sql, d);
      expect(q.policies.length + q.unsupported.length + q.notInForce.length).toBe(policies.length);
    }
  });
});

describe('a hostile rule runs without harm', () => {
  const engines = useEngines();

  it('on every engine: the register is intact and verdicts equal the evaluator', async () => {
    const people = NASTY.map((name, i) => ({ id: `n${i}`, name, business: { industry: [NASTY[(i + 1) % NASTY.length]!], employees: i * 300 } }));
    for (const e of engines) {
      await loadRegister(e, people);
      const q = compile(hostile(), e, { asOf: '2026-06-01', missing: true });
      const got = await run(e, q);
      expect(Object.fromEntries(got)).toEqual(Object.fromEntries(expected(hostile(), people, '2026-06-01')));
      expect(await e.session.all('SELECT COUNT(*) AS n FROM register')).toEqual([{ n: people.length }]);
      expect(await e.session.all('SELECT COUNT(*) AS n FROM register_json')).toEqual([{ n: people.length }]);
    }
  }, 60_000);
});
