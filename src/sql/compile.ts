import { dayOf, formatDay, fromDayNumber, resolveAsOf, daysInMonth, POLICY_TIME_ZONE } from '../core/dates.js';
import { RETIREMENT_SCHEDULES, type RetirementSchedule } from '../core/retirement.js';
import { factDomain, factKey, type Domain, type FactRef } from '../engine/index.js';
import { factRef } from '../policy/terms.js';
import { operatorFor, regionCondition, type SqlKit } from '../ops/index.js';
import { amountByRegion, type FigureCompiler } from './overlays.js';
import { fieldInfo } from '../profile/fields.js';
import { implicationsOf, mootFor, type Implication } from '../profile/implications.js';
import type { Amount, Condition, LeafCondition, NumberValue, Policy, Value } from '../policy/schema.js';
import { dialectOf, type Dialect, type DialectName, type SqlType } from './dialect.js';
import { jsonColumns, registerColumn, type RegisterColumn } from './layout.js';
import { eligibilityWithCarry, lastDay } from '../policy/carry.js';

/** Options of `toSql`. */
export interface ToSqlOptions {
  dialect: DialectName;
  /** The day the verdicts are for; an instant is read on the wall clock of `timeZone`. */
  asOf: Date | string;
  timeZone?: string;
  /** Register table, optionally schema-qualified (`screening.people`). Default `register`. */
  table?: string;
  /** Caller-written SQL that yields the register rows instead of a table (e.g. `SELECT * FROM read_parquet('p.parquet')`). */
  from?: string;
  /** `flat` (default): one column per field; `json`: whole profiles in one JSON column. */
  layout?: 'flat' | 'json';
  /** The JSON column of the `json` layout. Default `profile`. */
  jsonColumn?: string;
  /** Register columns that exist (flat layout); fields without a column read as unanswered. Default all. */
  columns?: readonly string[];
  /** Add a `missing` column: comma-separated fields whose answers could settle an `unknown`. */
  missing?: boolean;
  /** Parameter values to use instead of the dated ones in force at `asOf`: policy id → name → value. */
  params?: Readonly<Record<string, Readonly<Record<string, number>>>>;
  /**
   * Fields the register may answer approximately (`{ min, max }`). The flat layout has one column a
   * field, so a condition or amount reading one is reported (`approximate`) with its policy left
   * out, rather than given verdicts that ignore the range.
   */
  approximate?: readonly string[];
}

/** A policy or construct that has no SQL form, with why; its policy is left out of `sql`. */
export interface SqlUnsupported {
  policyId: string;
  /** Where in the rule (`eligibility.of.1`). */
  path: string;
  code: 'no_sql_form' | 'value_type' | 'parameter_undefined' | 'field_type' | 'too_large' | 'approximate';
  message: string;
}

/** One policy in a compiled query. */
export interface SqlPolicy {
  id: string;
  /** `policy_index` in the result rows. */
  index: number;
  /** Vocabulary fields the policy reads. */
  fields: string[];
  /** Fields it reads that have no column in the register: always unanswered. */
  absent: string[];
}

/** A compiled query: its text, bind parameters, policies and what could not be expressed. */
export interface SqlQuery {
  /** One row per person and policy: person_id, policy_index, policy_id, status, amount_min, amount_max, amount_unit[, missing]. */
  sql: string;
  params: unknown[];
  dialect: DialectName;
  /** The day the query is for, as YYYY-MM-DD. */
  asOf: string;
  policies: SqlPolicy[];
  unsupported: SqlUnsupported[];
  /** Policies not in force at `asOf`: no rows. */
  notInForce: string[];
}

/** Largest SQL text one policy may compile to (deeply nested amounts grow quickly). */
export const MAX_POLICY_SQL = 400_000;

class Unsupported extends Error {
  constructor(readonly code: SqlUnsupported['code'], readonly path: string, message: string) {
    super(message);
  }
}

const MARK = /\u0001(\d+)\u0002/g;

/** Bound values; the text carries markers until `finish` numbers them in order of appearance. */
class Binder {
  readonly values: unknown[] = [];
  constructor(private readonly d: Dialect) {}
  bind(v: unknown, type: SqlType): string {
    this.values.push(this.d.value(v));
    return `CAST(\u0001${this.values.length - 1}\u0002 AS ${this.d.type(type)})`;
  }
  finish(text: string): { sql: string; params: unknown[] } {
    const params: unknown[] = [];
    if (this.d.name === 'postgres') {
      const seen = new Map<number, number>();
      const sql = text.replace(MARK, (_m, i: string) => {
        let n = seen.get(Number(i));
        if (n === undefined) {
          params.push(this.values[Number(i)]);
          n = params.length;
          seen.set(Number(i), n);
        }
        return `$${n}`;
      });
      return { sql, params };
    }
    const sql = text.replace(MARK, (_m, i: string) => {
      params.push(this.values[Number(i)]);
      return '?';
    });
    return { sql, params };
  }
}

interface Fact {
  ref: FactRef;
  col: string;
  none: string | null;
  domain: Domain;
}

/** Per-query state shared by the policies: facts computed once per row in the `g` CTE. */
class Query {
  readonly facts = new Map<string, Fact>();
  readonly factSql: string[] = [];
  readonly d: Dialect;
  readonly b: Binder;
  readonly day: number;
  private readonly asOfParts: { y: string; m: string; d: string; day: string; endOfMonth: boolean };
  constructor(readonly opts: ToSqlOptions) {
    this.d = dialectOf(opts.dialect);
    this.b = new Binder(this.d);
    this.day = resolveAsOf(opts.asOf, opts.timeZone ?? POLICY_TIME_ZONE);
    const c = fromDayNumber(this.day);
    const int = (n: number) => this.b.bind(n, 'integer');
    this.asOfParts = { y: int(c.y), m: int(c.m), d: int(c.d), day: int(this.day), endOfMonth: c.d === daysInMonth(c.y, c.m) };
  }

  present(c: RegisterColumn): boolean {
    return !this.opts.columns || this.opts.columns.includes(c.name);
  }

  /** A register column as read in the `g` CTE (src) or after it (g), with what other answers imply (profile/implications.ts). */
  column(field: string, at: string): { col: RegisterColumn; value: string; none: string | null } {
    const col = registerColumn(field);
    if (!col) throw new Unsupported('field_type', at, `"${field}" is not a register column`);
    const raw = this.raw(col, 'src.');
    const implied = implicationsOf(field);
    if (implied.length === 0) return { col, ...raw };
    let { value, none } = raw;
    const set = implied.filter((i) => i.value !== null);
    if (set.length) {
      const cases = set.map((i) => `WHEN ${this.holds(i.when, 'src.')} THEN ${this.b.bind(i.value, col.type === 'list' ? 'text' : col.type)}`).join(' ');
      value = `COALESCE(${value}, (CASE ${cases} END))`;
    }
    const cleared = implied.filter((i) => i.value === null);
    if (cleared.length && col.none) {
      const when = cleared.map((i) => this.holds(i.when, 'src.')).join(' OR ');
      none = `(CASE WHEN ${value} IS NULL AND ${none ?? 'NULL'} IS NULL AND (${when}) THEN ${this.d.true} ELSE ${none ?? 'NULL'} END)`;
    }
    return { col, value, none };
  }

  private raw(col: RegisterColumn, prefix: string): { value: string; none: string | null } {
    if (!this.present(col)) return { value: `CAST(NULL AS ${this.d.type(col.type)})`, none: null };
    return { value: `${prefix}${this.d.quote(col.name)}`, none: col.none ? `${prefix}${this.d.quote(col.none)}` : null };
  }

  /** An implication's (or a moot field's) condition on a raw column, NULL-safe: false when that column is unanswered. */
  private holds(when: Implication['when'], prefix: string): string {
    const col = registerColumn(when.field)!;
    const v = this.raw(col, prefix).value;
    if ('is' in when) return `COALESCE(${v} = ${this.b.bind(when.is, typeof when.is === 'number' ? 'number' : 'text')}, ${this.d.false})`;
    return `COALESCE(NOT ${this.d.listOverlaps(v, [this.b.bind(when.lacks, 'text')])}, ${this.d.false})`;
  }

  /** True when the field is unanswered (neither a value, a known "none" nor implied) and can matter to a leaf reading it through `measure`, read after the CTE. */
  unanswered(field: string, measure?: string): string {
    const col = registerColumn(field)!;
    const moot = mootFor(field, measure);
    const settled = [...implicationsOf(field).map((i) => i.when), ...(moot ? [moot] : [])].map((w) => ` AND NOT ${this.holds(w, '')}`).join('');
    if (!this.present(col)) return settled ? `(${this.d.true}${settled})` : this.d.true;
    const q = this.d.quote(col.name);
    return col.none ? `(${q} IS NULL AND NOT COALESCE(${this.d.quote(col.none)}, ${this.d.false})${settled})` : `(${q} IS NULL${settled})`;
  }

  fact(ref: FactRef, at: string): Fact {
    const key = factKey(ref);
    const known = this.facts.get(key);
    if (known) return known;
    const domain = factDomain(ref);
    if (!domain) throw new Unsupported('field_type', at, `no field "${ref.field}"`);
    const { value, none, col } = this.expression(ref, at);
    const i = this.facts.size;
    const f: Fact = { ref, col: `guiyan_f${i}`, none: none === null ? null : `guiyan_n${i}`, domain };
    this.factSql.push(`${value} AS ${f.col}`);
    if (none !== null) this.factSql.push(`${none} AS ${f.none}`);
    void col;
    this.facts.set(key, f);
    return f;
  }

  /**
   * Months left before the statutory retirement age, 0 once reached (core/retirement.ts): NULL while
   * the unanswered gender or post leave schedules that disagree. Schedules order men ≥ women cadres
   * ≥ women workers, so the open ones are known by their lowest and highest age: the answer is
   * known when those are equal or both already reached.
   */
  private monthsToRetirement(Y: string, M: string, age: string, at: string): string {
    const g = this.column('gender', at).value;
    const post = this.column('postType', at).value;
    const text = (v: string) => this.b.bind(v, 'text');
    const R = (s: RetirementSchedule) => {
      const { base, first, step, most } = RETIREMENT_SCHEDULES[s];
      const k = `(${Y} * 12 + ${M} - 1 - ${first})`;
      return `(${base} + (CASE WHEN ${k} < 0 THEN 0 WHEN ${k} >= ${(most - 1) * step} THEN ${most} ELSE (${k} - ${k} % ${step}) / ${step} + 1 END))`;
    };
    const cadre = `${post} IN (${text('cadre')}, ${text('flexible')})`;
    const worker = `${post} = ${text('worker')}`;
    const female = `(CASE WHEN ${cadre} THEN ${R('female-cadre')} WHEN ${worker} THEN ${R('female-worker')} WHEN ${post} IS NULL THEN`;
    const highest = `(CASE WHEN ${g} = ${text('male')} OR ${g} IS NULL THEN ${R('male')} WHEN ${g} = ${text('female')} THEN ${female} ${R('female-cadre')} END) END)`;
    const lowest = `(CASE WHEN ${g} = ${text('male')} THEN ${R('male')} WHEN ${g} = ${text('female')} OR ${g} IS NULL THEN ${female} ${R('female-worker')} END) END)`;
    return `(CASE WHEN ${age} IS NULL THEN NULL WHEN ${highest} <= ${age} THEN 0 WHEN ${lowest} = ${highest} THEN ${highest} - ${age} END)`;
  }

  private expression(ref: FactRef, at: string): { value: string; none: string | null; col: RegisterColumn } {
    const d = this.d;
    const a = this.column(ref.field, at);
    if (ref.per) {
      const b = this.column(ref.per, at);
      if (a.col.type !== 'number' || b.col.type !== 'number') throw new Unsupported('field_type', at, 'a ratio divides two number fields');
      const x = a.value;
      const y = b.value;
      return {
        value: `(CASE WHEN ${x} IS NULL OR ${y} IS NULL THEN NULL WHEN ${y} = 0 THEN (CASE WHEN ${x} = 0 THEN 0 ELSE ${d.infinity} END) ELSE CAST(${x} AS ${d.type('number')}) / ${y} END)`,
        none: null,
        col: a.col,
      };
    }
    if (ref.measure === 'count') {
      if (a.col.type !== 'list') throw new Unsupported('field_type', at, '`count` reads a list field');
      return { value: d.listLength(a.value), none: null, col: a.col };
    }
    if (ref.measure) {
      if (a.col.type !== 'date') throw new Unsupported('field_type', at, `\`${ref.measure}\` reads a date field`);
      // The day measured to: `asOf`, or the day of another date column (`at`), whose month end is computed per row.
      let t: { y: string; m: string; d: string; day: string; endOfMonth: boolean | string } = this.asOfParts;
      let none = a.none;
      if (ref.at) {
        const b = this.column(ref.at, at);
        if (b.col.type !== 'date') throw new Unsupported('field_type', at, `\`at\` names a date field`);
        const [y, m] = [d.year(b.value), d.month(b.value)];
        const last = `(CASE WHEN ${m} IN (4, 6, 9, 11) THEN 30 WHEN ${m} = 2 THEN (CASE WHEN (${y} % 4 = 0 AND ${y} % 100 <> 0) OR ${y} % 400 = 0 THEN 29 ELSE 28 END) ELSE 31 END)`;
        t = { y, m, d: d.day(b.value), day: d.dayNumber(b.value), endOfMonth: `(${d.day(b.value)} = ${last})` };
        const nones = [a.none, b.none].filter((x): x is string => x !== null);
        none = nones.length === 0 ? null : nones.map((x) => `COALESCE(${x}, ${d.false})`).join(' OR ');
        if (nones.length > 1) none = `(${none})`;
      }
      const [Y, M, D] = [d.year(a.value), d.month(a.value), d.day(a.value)];
      const months = `((${t.y} - ${Y}) * 12 + (${t.m} - ${M}))`;
      const fullMonths =
        typeof t.endOfMonth === 'string'
          ? `(${months} + (CASE WHEN ${months} > 0 AND ${t.d} < ${D} AND NOT ${t.endOfMonth} THEN -1 WHEN ${months} < 0 AND ${t.d} > ${D} THEN 1 ELSE 0 END))`
          : t.endOfMonth
            ? `(${months} + (CASE WHEN ${months} < 0 AND ${t.d} > ${D} THEN 1 ELSE 0 END))`
            : `(${months} + (CASE WHEN ${months} > 0 AND ${t.d} < ${D} THEN -1 WHEN ${months} < 0 AND ${t.d} > ${D} THEN 1 ELSE 0 END))`;
      if (ref.measure === 'months-to-retirement') return { value: this.monthsToRetirement(Y, M, fullMonths, at), none, col: a.col };
      const value = {
        age: `((${t.y} - ${Y}) - (CASE WHEN ${t.m} < ${M} OR (${t.m} = ${M} AND ${t.d} < ${D}) THEN 1 ELSE 0 END))`,
        'days-since': `(${t.day} - ${d.dayNumber(a.value)})`,
        'months-since': fullMonths,
        'calendar-months-since': months,
        'calendar-years-since': `(${t.y} - ${Y})`,
      }[ref.measure];
      return { value, none, col: a.col };
    }
    if (a.col.type === 'date') return { value: d.dayNumber(a.value), none: a.none, col: a.col };
    return { value: a.value, none: a.none, col: a.col };
  }
}

const TYPE_OF: Record<Domain, SqlType> = { number: 'number', date: 'number', boolean: 'boolean', choice: 'text', choices: 'text', region: 'text', string: 'text' };

/** Compiles one policy's conditions and amount against the shared query. */
class PolicyCompiler implements FigureCompiler {
  readonly fields = new Set<string>();
  figures: ReadonlyMap<string, number> | null = null;
  constructor(
    private readonly q: Query,
    private readonly policy: Policy,
  ) {}

  /** The parameter's value at `asOf`; NaN (no value in force) is refused unless `orNaN`. */
  param(name: string, at: string, orNaN = false): number {
    const override = this.q.opts.params?.[this.policy.id]?.[name];
    if (override !== undefined) {
      if (!Number.isFinite(override)) throw new Unsupported('value_type', at, `parameter ${name} must be a finite number`);
      return override;
    }
    // A region's figure, or an end of the national range, while amountByRegion compiles an amount.
    let v = this.figures?.get(name) ?? Number.NaN;
    if (this.figures?.has(name)) {
      if (Number.isNaN(v) && !orNaN) throw new Unsupported('parameter_undefined', at, `parameter ${name} has no value in force at ${formatDay(this.q.day)}`);
      return v;
    }
    let best = Number.NEGATIVE_INFINITY;
    for (const e of this.policy.parameters[name]?.values ?? []) {
      const from = dayOf(e.from);
      if (from <= this.q.day && from >= best) [best, v] = [from, e.value ?? Number.NaN];
    }
    if (Number.isNaN(v) && !orNaN) throw new Unsupported('parameter_undefined', at, `parameter ${name} has no value in force at ${formatDay(this.q.day)}`);
    return v;
  }

  number(v: NumberValue, at: string, orNaN = false): number {
    if (typeof v === 'object') return this.param(v.param, at, orNaN) * (v.times ?? 1);
    if (typeof v !== 'number') throw new Unsupported('value_type', at, 'expected a number');
    return v;
  }

  /** A literal or parameter in the fact's domain, bound (dates as day numbers, like the engine). */
  operand(v: Value, domain: Domain, at: string): string {
    if (typeof v === 'object') {
      if (domain !== 'number') throw new Unsupported('value_type', at, `parameters are numbers; the field holds ${domain} values`);
      return this.q.b.bind(this.number(v, at), 'number');
    }
    return this.literal(domain === 'date' && typeof v === 'string' ? dayOf(v) : v, domain, at);
  }

  literal(v: unknown, domain: Domain, at: string): string {
    const type = TYPE_OF[domain];
    const ok = type === 'number' ? typeof v === 'number' && !Number.isNaN(v) : type === 'boolean' ? typeof v === 'boolean' : typeof v === 'string';
    if (!ok) throw new Unsupported('value_type', at, `a ${typeof v} cannot be compared with ${domain} values`);
    return this.q.b.bind(v, type);
  }

  leaf(node: LeafCondition, at: string): { sql: string; inputs: string[] } {
    const op = operatorFor(node);
    if (!op.sql) throw new Unsupported('no_sql_form', at, `operator ${node.op} has no SQL form`);
    const ranged = op.fields(node).find((x) => this.q.opts.approximate?.includes(x));
    // Ranges have no SQL form: the register layout keeps one column per field.
    if (ranged !== undefined) throw new Unsupported('approximate', at, `${ranged} may be answered as a range, which operator ${node.op} has no SQL form for`);
    const ref: FactRef = factRef(node);
    const f = this.q.fact(ref, at);
    const inputs = op.fields(node);
    for (const x of inputs) this.fields.add(x);
    const d = this.q.d;
    const kit: SqlKit = {
      value: f.col,
      domain: f.domain,
      operand: (v) => this.operand(v, f.domain, at),
      bind: (v) => this.literal(v, f.domain, at),
      guard: (test, noneIs) => (f.none ? `(CASE WHEN ${f.none} THEN ${noneIs ? d.true : d.false} ELSE ${test} END)` : test),
      listLength: (l) => d.listLength(l),
      listOverlaps: (l, items) => d.listOverlaps(l, items),
      startsWith: (text, prefix) => `(substr(${text}, 1, ${prefix.length}) = ${this.literal(prefix, 'string', at)})`,
    };
    return { sql: op.sql(node as never, kit), inputs };
  }

  /** The verdict, and per field read, when that field is among the `missing` (if asked). */
  condition(c: Condition, at: string): { sql: string; missing: Map<string, string> } {
    const missing = new Map<string, string>();
    if (c.op === 'all' || c.op === 'any' || c.op === 'not') {
      const kids = c.op === 'not' ? [this.condition(c.of, `${at}.of`)] : c.of.map((x, i) => this.condition(x, `${at}.of.${i}`));
      const sql =
        c.op === 'not' ? `(NOT ${kids[0]!.sql})`
        : kids.length === 0 ? (c.op === 'all' ? this.q.d.true : this.q.d.false)
        : `(${kids.map((k) => k.sql).join(c.op === 'all' ? ' AND ' : ' OR ')})`;
      if (this.q.opts.missing) {
        const fields = new Set(kids.flatMap((k) => [...k.missing.keys()]));
        for (const f of fields) missing.set(f, `(${sql} IS NULL AND (${kids.flatMap((k) => (k.missing.has(f) ? [k.missing.get(f)!] : [])).join(' OR ')}))`);
      }
      return { sql, missing };
    }
    const { sql, inputs } = this.leaf(c, at);
    if (this.q.opts.missing) for (const f of inputs) missing.set(f, `(${sql} IS NULL AND ${this.q.unanswered(f, c.measure)})`);
    return { sql, missing };
  }

  /** `{min, max, unit}` as SQL, all NULL when the answers allow no amount (as `compileAmount`). */
  amount(a: Amount, at: string, inherited: string): { min: string; max: string; unit: string } {
    const d = this.q.d;
    const unitText = a.unit ?? inherited;
    const unit = this.literal(unitText, 'string', at);
    const num = (x: number) => this.q.b.bind(x, 'number');
    const round = (x: number) => Math.round(x * 100) / 100;
    const roundSql = (x: string) => `(FLOOR(${x} * 100 + 0.5) / 100)`;
    switch (a.kind) {
      case 'fixed': {
        const v = this.number(a.value, `${at}.value`);
        return { min: num(a.upTo ? 0 : round(v)), max: num(round(v)), unit };
      }
      case 'range':
        return { min: num(round(this.number(a.min, `${at}.min`))), max: num(round(this.number(a.max, `${at}.max`))), unit };
      case 'per-year': {
        const x = this.number(a.perYear, `${at}.perYear`) * this.number(a.years, `${at}.years`);
        return { min: num(a.upTo ? 0 : round(x)), max: num(round(x)), unit };
      }
      case 'per-unit': {
        if (this.q.opts.approximate?.includes(a.quantity)) throw new Unsupported('approximate', `${at}.quantity`, `${a.quantity} may be answered as a range, which amounts in SQL do not read`);
        const q = this.q.column(a.quantity, `${at}.quantity`);
        if (q.col.type !== 'number') throw new Unsupported('field_type', `${at}.quantity`, 'the quantity must be a number field');
        this.fields.add(a.quantity);
        const rate = num(this.number(a.rate, `${at}.rate`));
        const qv = d.quote(q.col.name);
        const col = this.q.present(q.col) ? qv : `CAST(NULL AS ${d.type('number')})`;
        const raw = `${d.max2(col, '0')} * ${rate}`;
        // No cap, or a cap whose parameter has no value in force: nothing bounds the product.
        const capValue = a.cap === undefined ? Number.NaN : this.number(a.cap, `${at}.cap`, true);
        const capped = !Number.isNaN(capValue);
        const x = roundSql(capped ? d.min2(raw, num(capValue)) : raw);
        return {
          min: `(CASE WHEN ${col} IS NULL THEN ${capped ? num(0) : 'NULL'} ELSE ${a.upTo ? num(0) : x} END)`,
          max: `(CASE WHEN ${col} IS NULL THEN ${capped ? num(round(capValue)) : 'NULL'} ELSE ${x} END)`,
          unit: capped ? unit : `(CASE WHEN ${col} IS NULL THEN NULL ELSE ${unit} END)`,
        };
      }
      case 'sum': {
        // NULL in any part (an unbounded part) makes the whole sum NULL, as compileAmount's null.
        const parts = a.of.map((x, i) => this.amount(x, `${at}.of.${i}`, unitText));
        const min = roundSql(`(${parts.map((x) => x.min).join(' + ')})`);
        return { min, max: roundSql(`(${parts.map((x) => x.max).join(' + ')})`), unit: `(CASE WHEN ${min} IS NULL THEN NULL ELSE ${unit} END)` };
      }
      case 'choose': {
        // Option i counts when its `when` is not false (true, with `ifUnknown: skip`) and no earlier `when` is true.
        const ws = a.options.map((o, i) => this.condition(o.when, `${at}.options.${i}.when`).sql);
        const parts = a.options.map((o, i) => ({
          when: [`COALESCE(${ws[i]}, ${o.ifUnknown === 'skip' ? d.false : d.true})`, ...ws.slice(0, i).map((w) => `NOT COALESCE(${w}, ${d.false})`)].join(' AND '),
          amount: this.amount(o.amount, `${at}.options.${i}.amount`, unitText),
        }));
        if (a.otherwise) parts.push({ when: ws.map((w) => `NOT COALESCE(${w}, ${d.false})`).join(' AND ') || d.true, amount: this.amount(a.otherwise, `${at}.otherwise`, unitText) });
        const pick = (e: (p: (typeof parts)[number]) => string) => parts.map((p) => `(CASE WHEN ${p.when} THEN ${e(p)} END)`);
        const units = parts.map((p) => `(CASE WHEN ${p.when} AND ${p.amount.min} IS NOT NULL THEN ${p.amount.unit} END)`);
        return { min: d.least(pick((p) => p.amount.min)), max: d.greatest(pick((p) => p.amount.max)), unit: `COALESCE(${units.join(', ')}, NULL)` };
      }
    }
  }
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
 * per person and policy in force at `asOf`, with the same status and amount as `evaluate`.
 * Pure: it returns text and bind parameters and runs nothing. Nothing from a rule file is spliced
 * into the text; constructs without a SQL form are listed in `unsupported`, their policies left out.
 * @example const { sql, params } = toSql(policies, { dialect: 'duckdb', asOf: '2026-06-01' })
 */
export function toSql(policies: readonly Policy[], opts: ToSqlOptions): SqlQuery {
  const q = new Query(opts);
  const d = q.d;
  const selects: string[] = [];
  const compiled: SqlPolicy[] = [];
  const unsupported: SqlUnsupported[] = [];
  const notInForce: string[] = [];
  policies.forEach((policy, index) => {
    const last = lastDay(policy);
    if ((policy.validFrom !== null && q.day < dayOf(policy.validFrom)) || (last !== null && q.day > dayOf(last))) {
      notInForce.push(policy.id);
      return;
    }
    const pc = new PolicyCompiler(q, policy);
    try {
      const cond: Condition =
        policy.regions.length === 0 ? eligibilityWithCarry(policy) : { op: 'all', of: [regionCondition([...policy.regions]), eligibilityWithCarry(policy)] };
      const v = pc.condition(cond, policy.regions.length === 0 ? 'eligibility' : '');
      const amount = policy.amount ? amountByRegion(pc, policy, q.day, d, policy.amount) : { min: 'NULL', max: 'NULL', unit: 'NULL' };
      const miss = opts.missing
        ? [...v.missing.entries()].map(([f, m]) => `(CASE WHEN ${m} THEN '${safeField(f)},' ELSE '' END)`).join(' || ') || `''`
        : null;
      const inner = `SELECT ${d.quote('id')} AS person_id, ${v.sql} AS v, ${amount.min} AS a_min, ${amount.max} AS a_max, ${amount.unit} AS a_unit${miss ? `, ${miss} AS m` : ''} FROM g`;
      const text =
        `SELECT person_id, ${index} AS policy_index, ${pc.literal(policy.id, 'string', 'id')} AS policy_id, ` +
        `(CASE WHEN v THEN 'eligible' WHEN NOT v THEN 'ineligible' ELSE 'unknown' END) AS status, ` +
        `(CASE WHEN v IS NOT FALSE THEN CAST(a_min AS ${d.type('number')}) END) AS amount_min, ` +
        `(CASE WHEN v IS NOT FALSE THEN CAST(a_max AS ${d.type('number')}) END) AS amount_max, ` +
        `(CASE WHEN v IS NOT FALSE AND a_min IS NOT NULL THEN CAST(a_unit AS ${d.type('text')}) END) AS amount_unit` +
        (miss ? `, (CASE WHEN v IS NULL THEN m ELSE '' END) AS missing` : '') +
        ` FROM (${inner}) AS x${index}`;
      if (text.length > MAX_POLICY_SQL) throw new Unsupported('too_large', 'amount', `the policy compiles to ${text.length} characters of SQL (limit ${MAX_POLICY_SQL})`);
      selects.push(text);
      const fields = [...pc.fields];
      compiled.push({ id: policy.id, index, fields, absent: fields.filter((f) => !q.present(registerColumn(f)!)) });
    } catch (e) {
      if (!(e instanceof Unsupported)) throw e;
      unsupported.push({ policyId: policy.id, path: e.path, code: e.code, message: e.message });
    }
  });
  const g = `g ${d.cte} (SELECT src.*${q.factSql.map((s) => `, ${s}`).join('')} FROM ${source(q)})`;
  const body = selects.length
    ? selects.join('\nUNION ALL\n')
    : `SELECT CAST(NULL AS ${d.type('text')}) AS person_id, 0 AS policy_index, CAST(NULL AS ${d.type('text')}) AS policy_id, CAST(NULL AS ${d.type('text')}) AS status, ` +
      `CAST(NULL AS ${d.type('number')}) AS amount_min, CAST(NULL AS ${d.type('number')}) AS amount_max, CAST(NULL AS ${d.type('text')}) AS amount_unit${opts.missing ? `, CAST(NULL AS ${d.type('text')}) AS missing` : ''} FROM g WHERE 1 = 0`;
  const { sql, params } = q.b.finish(`WITH ${g}\n${body}`);
  return { sql, params, dialect: opts.dialect, asOf: formatDay(q.day), policies: compiled, unsupported, notInForce };
}

/** Field paths come from the vocabulary; checked anyway before they become SQL text. */
function safeField(f: string): string {
  if (!/^[a-zA-Z][a-zA-Z0-9.]*$/.test(f) || !fieldInfo(f)) throw new Error(`not a vocabulary field: ${f.slice(0, 40)}`);
  return f;
}
