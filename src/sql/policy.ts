import { dayOf, formatDay } from '../core/dates.js';
import type { Domain, FactRef } from '../engine/index.js';
import { factRef } from '../policy/terms.js';
import { operatorFor, type SqlKit } from '../ops/index.js';
import type { Amount, Condition, LeafCondition, NumberValue, Policy, Value } from '../policy/schema.js';
import type { SqlType } from './dialect.js';
import { Unsupported } from './binder.js';
import type { Query } from './facts.js';
import type { FigureCompiler } from './overlays.js';

const TYPE_OF: Record<Domain, SqlType> = { number: 'number', date: 'number', boolean: 'boolean', choice: 'text', choices: 'text', region: 'text', string: 'text' };

/** Compiles one policy's conditions and amount against the shared query. */
export class PolicyCompiler implements FigureCompiler {
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
        // Read as a fact of the `g` CTE, so what other answers imply (profile/implications.ts) counts here too.
        const col = this.q.fact({ field: a.quantity }, `${at}.quantity`).col;
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
