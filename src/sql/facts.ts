import { fromDayNumber, resolveAsOf, daysInMonth, POLICY_TIME_ZONE } from '../core/dates.js';
import { RETIREMENT_SCHEDULES, type RetirementSchedule } from '../core/retirement.js';
import { factDomain, factKey, type Domain, type FactRef } from '../engine/index.js';
import { dialectOf, type Dialect } from './dialect.js';
import { implicationsOf, mootFor, type Implication } from '../profile/implications.js';
import { registerColumn, type RegisterColumn } from './layout.js';
import { Binder, Unsupported } from './binder.js';
import type { ToSqlOptions } from './types.js';

export interface Fact {
  ref: FactRef;
  col: string;
  none: string | null;
  domain: Domain;
}

/** Per-query state shared by the policies: facts computed once per row in the `g` CTE. */
export class Query {
  readonly facts = new Map<string, Fact>();
  readonly factSql: string[] = [];
  /** Register columns the query reads. */
  readonly read = new Set<string>();
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
    this.read.add(col.name);
    if (col.none) this.read.add(col.none);
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
