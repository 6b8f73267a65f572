import { dayOf, formatDay } from '../core/dates.js';
import { regionCondition } from '../ops/index.js';
import { fieldInfo } from '../profile/fields.js';
import type { Condition, Policy } from '../policy/schema.js';
import { eligibilityWithCarry, lastDay } from '../policy/carry.js';
import { jsonColumns, registerColumn } from './layout.js';
import { Unsupported } from './binder.js';
import { Query } from './facts.js';
import { amountByRegion } from './overlays.js';
import { PolicyCompiler } from './policy.js';
import type { SqlPolicy, SqlQuery, SqlUnsupported, ToSqlOptions } from './types.js';

export type { SqlPolicy, SqlQuery, SqlUnsupported, ToSqlOptions } from './types.js';

/** Largest SQL text one policy may compile to (deeply nested amounts grow quickly). */
export const MAX_POLICY_SQL = 400_000;

/** A bound constant (`CAST(? AS …)`): the same for every row. */
const CONSTANT = /^CAST\(\u0001\d+\u0002 AS [A-Z ]+\)$/;

/** One policy's per-row verdict and amount, as SQL expressions over the `g` CTE. */
interface Compiled {
  policy: SqlPolicy;
  /** The policy id, bound. */
  id: string;
  v: string;
  min: string;
  max: string;
  unit: string;
  /** Comma-terminated fields that could settle an `unknown` (when `missing` is asked). */
  missing: string | null;
}

function compilePolicy(q: Query, policy: Policy, index: number): Compiled {
  const d = q.d;
  const pc = new PolicyCompiler(q, policy);
  const cond: Condition =
    policy.regions.length === 0 ? eligibilityWithCarry(policy) : { op: 'all', of: [regionCondition([...policy.regions]), eligibilityWithCarry(policy)] };
  const v = pc.condition(cond, policy.regions.length === 0 ? 'eligibility' : '');
  const amount = policy.amount ? amountByRegion(pc, policy, q.day, d, policy.amount) : { min: 'NULL', max: 'NULL', unit: 'NULL' };
  if (policy.regions.length) {
    // Outside the policy's regions the verdict is false, and the amount unused, whatever else holds:
    // engines that evaluate a whole column at a time (DuckDB) then compute them only for the people inside.
    const inside = pc.condition(regionCondition([...policy.regions]), '').sql;
    const within = (x: string) => (CONSTANT.test(x) || x === 'NULL' ? x : `(CASE WHEN NOT ${inside} THEN NULL ELSE ${x} END)`);
    v.sql = `(CASE WHEN NOT ${inside} THEN ${d.false} ELSE ${v.sql} END)`;
    [amount.min, amount.max, amount.unit] = [within(amount.min), within(amount.max), within(amount.unit)];
  }
  const missing = q.opts.missing
    ? [...v.missing.entries()].map(([f, m]) => `(CASE WHEN ${m} THEN '${safeField(f)},' ELSE '' END)`).join(' || ') || `''`
    : null;
  const size = v.sql.length + amount.min.length + amount.max.length + amount.unit.length + (missing?.length ?? 0);
  if (size > MAX_POLICY_SQL) throw new Unsupported('too_large', 'amount', `the policy compiles to ${size} characters of SQL (limit ${MAX_POLICY_SQL})`);
  const fields = [...pc.fields];
  return {
    policy: { id: policy.id, index, fields, absent: fields.filter((f) => !q.present(registerColumn(f)!)) },
    id: pc.literal(policy.id, 'string', 'id'),
    v: v.sql,
    ...amount,
    missing,
  };
}

/** One row per person and policy: a scan per policy, each reading only the columns it needs. */
function rowsSql(q: Query, ps: readonly Compiled[]): string {
  const d = q.d;
  const num = d.type('number');
  const text = d.type('text');
  const selects = ps.map((c) => {
    const i = c.policy.index;
    const inner = `SELECT ${d.quote('id')} AS person_id, ${c.v} AS v, ${c.min} AS a_min, ${c.max} AS a_max, ${c.unit} AS a_unit${c.missing ? `, ${c.missing} AS m` : ''} FROM g`;
    return (
      `SELECT person_id, ${i} AS policy_index, ${c.id} AS policy_id, ` +
      `(CASE WHEN v THEN 'eligible' WHEN NOT v THEN 'ineligible' ELSE 'unknown' END) AS status, ` +
      `(CASE WHEN v IS NOT FALSE THEN CAST(a_min AS ${num}) END) AS amount_min, ` +
      `(CASE WHEN v IS NOT FALSE THEN CAST(a_max AS ${num}) END) AS amount_max, ` +
      `(CASE WHEN v IS NOT FALSE AND a_min IS NOT NULL THEN CAST(a_unit AS ${text}) END) AS amount_unit` +
      (c.missing ? `, (CASE WHEN v IS NULL THEN m ELSE '' END) AS missing` : '') +
      ` FROM (${inner}) AS x${i}`
    );
  });
  if (selects.length) return selects.join('\nUNION ALL\n');
  return (
    `SELECT CAST(NULL AS ${text}) AS person_id, 0 AS policy_index, CAST(NULL AS ${text}) AS policy_id, CAST(NULL AS ${text}) AS status, ` +
    `CAST(NULL AS ${num}) AS amount_min, CAST(NULL AS ${num}) AS amount_max, CAST(NULL AS ${text}) AS amount_unit${q.opts.missing ? `, CAST(NULL AS ${text}) AS missing` : ''} FROM g WHERE 1 = 0`
  );
}

/**
 * People and amount sums per policy and status, in one scan of the register: every policy's verdict
 * and amount are columns of one wide row (`w`), aggregated at once; the single aggregate row is then
 * turned into one row per policy and status. Equal to grouping the `rows` form by policy and status.
 */
function countsSql(q: Query, ps: readonly Compiled[]): string {
  const d = q.d;
  const num = d.type('number');
  const text = d.type('text');
  const nul = (t: string) => `CAST(NULL AS ${t})`;
  if (ps.length === 0) {
    return `SELECT 0 AS policy_index, ${nul(text)} AS policy_id, ${nul(text)} AS status, 0 AS people, ${nul(num)} AS amount_min, ${nul(num)} AS amount_max, ${nul(text)} AS amount_unit FROM g WHERE 1 = 0`;
  }
  const wide: string[] = [];
  const aggs = ['COUNT(*) AS total'];
  // Per policy and status (0 eligible, 1 ineligible, 2 unknown): people, amount sums and unit, as SQL over `a`.
  const cell: { people: string; min: string; max: string; unit: string }[][] = [];
  ps.forEach((c, k) => {
    const priced = c.min !== 'NULL';
    wide.push(`${c.v} AS v${k}`);
    // Eligible: the sum of true verdicts; ineligible: the known ones less those; unknown: the rest.
    aggs.push(`SUM(CAST(v${k} AS INTEGER)) AS e${k}`, `COUNT(v${k}) AS k${k}`);
    const people = [`COALESCE(a.e${k}, 0)`, `(a.k${k} - COALESCE(a.e${k}, 0))`, `(a.total - a.k${k})`];
    const none = { min: nul(num), max: nul(num), unit: nul(text) };
    if (!priced) return void cell.push(people.map((p) => ({ people: p, ...none })));
    // A constant amount sums to people × amount; a constant unit stands wherever an amount was summed.
    const constant = CONSTANT.test(c.unit);
    const fixed = constant && CONSTANT.test(c.min) && CONSTANT.test(c.max);
    if (!fixed) wide.push(`CAST(${c.min} AS ${num}) AS n${k}`, `CAST(${c.max} AS ${num}) AS x${k}`);
    if (!constant) wide.push(`CAST(${c.unit} AS ${text}) AS u${k}`);
    const sums = (s: number, when: string) => {
      const some = `(CASE WHEN ${people[s]} > 0 THEN`;
      if (!fixed) aggs.push(`SUM(CASE WHEN ${when} THEN n${k} END) AS n${k}_${s}`, `SUM(CASE WHEN ${when} THEN x${k} END) AS x${k}_${s}`);
      if (!constant) aggs.push(`MIN(CASE WHEN ${when} AND n${k} IS NOT NULL THEN u${k} END) AS u${k}_${s}`);
      const [min, max] = fixed ? [`${some} ${people[s]} * ${c.min} END)`, `${some} ${people[s]} * ${c.max} END)`] : [`a.n${k}_${s}`, `a.x${k}_${s}`];
      return { people: people[s]!, min, max, unit: constant ? `(CASE WHEN ${min} IS NOT NULL THEN ${c.unit} END)` : `a.u${k}_${s}` };
    };
    cell.push([sums(0, `v${k}`), { people: people[1]!, ...none }, sums(2, `v${k} IS NULL`)]);
  });
  const keys = ps.flatMap((_c, k) => [0, 1, 2].map((s) => [k, s] as const));
  const pick = (col: 'people' | 'min' | 'max' | 'unit') => `(CASE ${keys.map(([k, s]) => `WHEN k.i = ${k} AND k.s = ${s} THEN ${cell[k]![s]![col]}`).join(' ')} END)`;
  const grid = keys.map(([k, s]) => `SELECT ${k} AS i, ${s} AS s`).join(' UNION ALL ');
  return (
    `SELECT policy_index, policy_id, status, people, amount_min, amount_max, amount_unit FROM (` +
    `SELECT (CASE ${ps.map((c, k) => `WHEN k.i = ${k} THEN ${c.policy.index}`).join(' ')} END) AS policy_index, ` +
    `(CASE ${ps.map((c, k) => `WHEN k.i = ${k} THEN ${c.id}`).join(' ')} END) AS policy_id, ` +
    `(CASE k.s WHEN 0 THEN 'eligible' WHEN 1 THEN 'ineligible' ELSE 'unknown' END) AS status, ` +
    `${pick('people')} AS people, ${pick('min')} AS amount_min, ${pick('max')} AS amount_max, ${pick('unit')} AS amount_unit ` +
    `FROM (SELECT ${aggs.join(', ')} FROM (SELECT ${wide.join(', ')} FROM g${d.fence}) AS w) AS a CROSS JOIN (${grid}) AS k` +
    `) AS c WHERE people > 0`
  );
}

function source(q: Query): string {
  const d = q.d;
  const o = q.opts;
  const base = o.from !== undefined ? `(${o.from})` : (o.table ?? 'register').split('.').map(d.quote).join('.');
  if ((o.layout ?? 'flat') === 'flat') return `${base} AS src`;
  return `(SELECT ${jsonColumns(o.dialect, `src0.${d.quote(o.jsonColumn ?? 'profile')}`)} FROM ${base} AS src0) AS src`;
}

/**
 * Compiles policies to one SQL query over a register (see `registerDdl` for the layout): one row
 * per person and policy in force at `asOf`, with the same status and amount as `evaluate` (or,
 * with `output: 'counts'`, the people and amount sums per policy and status, in one scan).
 * Pure: it returns text and bind parameters and runs nothing. Nothing from a rule file is spliced
 * into the text; constructs without a SQL form are listed in `unsupported`, their policies left out.
 * @example const { sql, params } = toSql(policies, { dialect: 'duckdb', asOf: '2026-06-01' })
 */
export function toSql(policies: readonly Policy[], opts: ToSqlOptions): SqlQuery {
  const q = new Query(opts);
  const compiled: Compiled[] = [];
  const unsupported: SqlUnsupported[] = [];
  const notInForce: string[] = [];
  policies.forEach((policy, index) => {
    const last = lastDay(policy);
    if ((policy.validFrom !== null && q.day < dayOf(policy.validFrom)) || (last !== null && q.day > dayOf(last))) {
      notInForce.push(policy.id);
      return;
    }
    try {
      compiled.push(compilePolicy(q, policy, index));
    } catch (e) {
      if (!(e instanceof Unsupported)) throw e;
      unsupported.push({ policyId: policy.id, path: e.path, code: e.code, message: e.message });
    }
  });
  const g = `g ${q.d.cte} (SELECT src.*${q.factSql.map((s) => `, ${s}`).join('')} FROM ${source(q)})`;
  const body = opts.output === 'counts' ? countsSql(q, compiled) : rowsSql(q, compiled);
  const { sql, params } = q.b.finish(`WITH ${g}\n${body}`);
  const policiesOut = compiled.map((c) => c.policy);
  return { sql, params, dialect: opts.dialect, asOf: formatDay(q.day), policies: policiesOut, unsupported, notInForce, columns: ['id', ...q.read] };
}

/** Field paths come from the vocabulary; checked anyway before they become SQL text. */
function safeField(f: string): string {
  if (!/^[a-zA-Z][a-zA-Z0-9.]*$/.test(f) || !fieldInfo(f)) throw new Error(`not a vocabulary field: ${f.slice(0, 40)}`);
  return f;
}
