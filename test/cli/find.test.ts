import { mkdtempSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { createMatcher, type Policy } from '../../src/index.js';
import { jsonColumns } from '../../src/sql/layout.js';
import { openDuckDb } from '../../src/node/sql/drivers.js';
import { people } from '../../scripts/gen-register.js';
import { loadRules, ROOT } from '../helpers/rules.js';
import { run } from '../recommend/run-cli.js';
import { loadRegister, openPg, PG_URL } from '../sql/engines.js';
import type { FindResult } from '../../src/node/sql/find.js';

const AS_OF = '2026-06-01';
const dir = mkdtempSync(join(tmpdir(), 'guiyan-find-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));
const profiles = people(300, 5, AS_OF);
const jsonl = join(dir, 'people.jsonl');
writeFileSync(jsonl, profiles.map((p) => JSON.stringify(p)).join('\n') + '\n');
const rules = join(ROOT, 'rules');

/** What the in-process evaluator says, summarised as `find` summarises. */
function summary(policies: readonly Policy[]) {
  const m = createMatcher([...policies]);
  type Summary = { counts: Record<string, number>; eligible: string[]; settle: Map<string, number>; total: { min: number; max: number } };
  const out = new Map<string, Summary>();
  for (const p of profiles) {
    let ev;
    try {
      ev = m.evaluate(p, { asOf: AS_OF, mode: 'verdict', scope: 'all' });
    } catch {
      continue;
    }
    for (const e of ev) {
      const s: Summary = out.get(e.policyId) ?? { counts: { eligible: 0, unknown: 0, ineligible: 0 }, eligible: [], settle: new Map(), total: { min: 0, max: 0 } };
      s.counts[e.status]!++;
      if (e.status === 'eligible') s.eligible.push(p.id as string);
      if (e.status === 'eligible' && e.amount) (s.total.min += e.amount.min), (s.total.max += e.amount.max);
      if (e.status === 'unknown') for (const f of new Set(e.missing)) s.settle.set(f, (s.settle.get(f) ?? 0) + 1);
      out.set(e.policyId, s);
    }
  }
  return out;
}

async function findJson(args: string[]): Promise<FindResult> {
  const r = await run(['find', '--rules', rules, '--as-of', AS_OF, '--json', '--limit', '1000', ...args]);
  expect(r.err).toBe('');
  expect(r.code).toBe(0);
  return JSON.parse(r.out) as FindResult;
}

function expectSame(got: FindResult, policies: readonly Policy[]) {
  const want = summary(policies);
  expect(got.rows).toBe(profiles.length);
  expect(got.policies.map((p) => p.policyId).sort()).toEqual([...want.keys()].sort());
  for (const p of got.policies) {
    const w = want.get(p.policyId)!;
    expect({ id: p.policyId, ...p.counts }).toEqual({ id: p.policyId, ...w.counts });
    expect(p.eligible).toEqual([...w.eligible].sort());
    expect(Object.fromEntries(p.settle.map((s) => [s.field, s.people]))).toEqual(Object.fromEntries(w.settle));
  }
}

describe('guiyan find', () => {
  const all = loadRules();

  it('on a JSON Lines register: the counts, eligible ids and settling answers of the evaluator', async () => {
    // The generator's people are valid profiles, so the in-process evaluator reads every row too.
    expectSame(await findJson(['--register', jsonl]), all.filter((p) => !p.validTo || p.validTo >= AS_OF));
  }, 60_000);

  it('on a Parquet register without some columns: those fields are unanswered and the policy is not 免申即享-ready', async () => {
    const s = await openDuckDb();
    const parquet = join(dir, 'people.parquet');
    await s.exec(`CREATE TABLE r AS SELECT ${jsonColumns('duckdb', 'json')} FROM read_ndjson_objects('${jsonl}')`);
    await s.exec(`COPY (SELECT * EXCLUDE (has_other_loans) FROM r) TO '${parquet}' (FORMAT parquet)`);
    await s.close();
    const got = await findJson(['--register', parquet, '--policy', 'cn-guarantee-loan-individual', '--policy', 'cn-vat-small-scale-exemption']);
    const loan = got.policies.find((p) => p.policyId === 'cn-guarantee-loan-individual')!;
    expect(loan).toMatchObject({ ready: false, absent: ['hasOtherLoans'] });
    expect(got.policies.find((p) => p.policyId === 'cn-vat-small-scale-exemption')).toMatchObject({ ready: true, absent: [] });
    const without = profiles.map(({ hasOtherLoans: _h, ...p }) => p);
    const m = createMatcher(all.filter((p) => p.id === 'cn-guarantee-loan-individual'));
    const eligible = without.filter((p) => m.evaluate(p, { asOf: AS_OF, mode: 'verdict', scope: 'all' })[0]!.status === 'eligible').length;
    expect(loan.counts.eligible).toBe(eligible);
    expect(loan.counts.eligible).toBe(0);
  }, 60_000);

  it('政策沙盘: --set shows who gains and loses and the change in total amount', async () => {
    const id = 'cn-guarantee-loan-enterprise';
    const got = await findJson(['--register', jsonl, '--policy', id, '--set', `${id}.hireRatio=0.3`]);
    const before = all.find((p) => p.id === id)!;
    const after: Policy = { ...before, parameters: { ...before.parameters, hireRatio: { ...before.parameters.hireRatio!, values: [{ from: '2000-01-01', value: 0.3 }] } } };
    const [b, a] = [summary([before]).get(id)!, summary([after]).get(id)!];
    const w = got.policies[0]!.whatIf!;
    expect(w.lost).toBe(b.eligible.filter((x) => !a.eligible.includes(x)).length);
    expect(w.gained).toBe(a.eligible.filter((x) => !b.eligible.includes(x)).length);
    expect(w.lostIds).toEqual(b.eligible.filter((x) => !a.eligible.includes(x)).sort());
    expect(w.lost).toBeGreaterThan(0);
    expect(w.change.max).toBeCloseTo(a.total.max - b.total.max, 2);
    expect(w.change.min).toBeCloseTo(a.total.min - b.total.min, 2);
  }, 60_000);

  it('prints a table with the readiness and the answers that settle the unknown', async () => {
    const r = await run(['find', '--register', jsonl, '--rules', rules, '--as-of', AS_OF, '--policy', 'cn-guarantee-loan-individual', '--locale', 'en']);
    expect(r.code).toBe(0);
    expect(r.out).toMatch(/300 people in the register, as of 2026-06-01/);
    expect(r.out).toMatch(/answers that would settle the unknown: .*\(hasOtherLoans\) \d+ people/);
  }, 60_000);

  it('reports each bad row of a JSON Lines register (file:line, masked id, issue), skips it and counts the rest (exit 1)', async () => {
    const bad = join(dir, 'bad.jsonl');
    const lines = profiles.map((p) => JSON.stringify(p));
    // Not JSON (line 3), a region code not in the division table (line 6), a date that is not a date (line 10), a phone as id (line 12).
    lines.splice(2, 0, '{"id":"p-broken","regionCode":');
    lines.splice(5, 0, JSON.stringify({ ...profiles[0], id: 'p-bad-region', regionCode: '999999' }));
    lines.splice(9, 0, JSON.stringify({ ...profiles[1], id: 'p-bad-date', birthDate: 'not a date' }));
    lines.splice(11, 0, JSON.stringify({ ...profiles[2], id: '13812345678', gender: 'x' }));
    writeFileSync(bad, lines.join('\n') + '\n');
    const before = new Set(readdirSync(tmpdir()).filter((n) => n.startsWith('guiyan-register-')));
    const r = await run(['find', '--rules', rules, '--as-of', AS_OF, '--json', '--limit', '1000', '--register', bad]);
    expect(r.code).toBe(1);
    const err = r.err.split('\n');
    expect(err).toHaveLength(4);
    expect(err[0]).toBe(`${bad}:3: （画像）：不是有效的 JSON — 已跳过，其余照常处理`);
    expect(err[1]).toBe(`${bad}:6 (p-bad-region): regionCode：不是全国行政区划表（GB/T 2260）中的代码 — 已跳过，其余照常处理`);
    expect(err[2]).toMatch(new RegExp(`^${bad}:10 \\(p-bad-date\\): birthDate：`));
    expect(err[3]).toMatch(new RegExp(`^${bad}:12 \\(138\\*\\*\\*\\*5678\\): gender：取值不在允许范围内`));
    expect(r.err).not.toContain('13812345678');
    const got = JSON.parse(r.out) as Omit<FindResult, 'policies'> & { invalid: number; policies: (FindResult['policies'][number] & { title: string; amountText?: string })[] };
    expect(got.invalid).toBe(4);
    const loan = got.policies.find((p) => p.policyId === 'cn-guarantee-loan-individual')!;
    expect(loan.title).toBe('个人创业担保贷款');
    expect(loan.amountText).toMatch(/^最高\d+万元$/);
    expectSame(got, all.filter((p) => !p.validTo || p.validTo >= AS_OF));
    // The copy without the bad rows is gone.
    expect(readdirSync(tmpdir()).filter((n) => n.startsWith('guiyan-register-') && !before.has(n))).toEqual([]);
  }, 60_000);

  it('needs a register and known policies', async () => {
    expect((await run(['find', '--rules', rules])).code).toBe(2);
    expect((await run(['find', '--rules', rules, '--register', jsonl, '--policy', 'no-such-policy'])).code).toBe(2);
    expect((await run(['find', '--rules', rules, '--register', jsonl, '--set', 'x=abc'])).code).toBe(2);
  });

  it('on a PostgreSQL table', async () => {
    const pg = await openPg();
    if (!pg) return;
    try {
      await loadRegister(pg, profiles);
      const [{ schema }] = (await pg.session.all('SELECT current_schema() AS schema')) as [{ schema: string }];
      expectSame(await findJson(['--register', `${PG_URL}/${schema}.register`]), all.filter((p) => !p.validTo || p.validTo >= AS_OF));
    } finally {
      await pg.close();
    }
  }, 60_000);
});
