import { FIELDS, type FieldInfo } from '../profile/fields.js';
import { dialectOf, type Dialect, type DialectName, type SqlType } from './dialect.js';

/**
 * The register layout: one row per person, one column per vocabulary field, named after the
 * field's dot path in snake case (`business.employees` → `business_employees`). A field that may
 * be answered "none" (`graduationDate: null`) has a companion boolean `<column>_none`. NULL is
 * unanswered; an empty list is a known "none". Personal fields (phone, ID number) are not part of it.
 */
export interface RegisterColumn {
  /** Vocabulary path, e.g. `business.employees`. */
  field: string;
  name: string;
  type: SqlType;
  /** Column that is true when the field was answered "none". */
  none?: string;
}

export const columnName = (path: string): string => path.replace(/\./g, '_').replace(/[A-Z]/g, (c) => `_${c.toLowerCase()}`);

const TYPES: Record<FieldInfo['kind'], SqlType> = {
  number: 'number',
  boolean: 'boolean',
  date: 'date',
  choice: 'text',
  region: 'text',
  string: 'text',
  choices: 'list',
  strings: 'list',
};

/** Every column of the register, in vocabulary order (after `id`). */
export const REGISTER_COLUMNS: readonly RegisterColumn[] = [...FIELDS.values()]
  .filter((f) => !f.personal)
  .map((f) => ({ field: f.path, name: columnName(f.path), type: TYPES[f.kind], ...(f.nullable ? { none: `${columnName(f.path)}_none` } : {}) }));

const BY_FIELD = new Map(REGISTER_COLUMNS.map((c) => [c.field, c]));
export const registerColumn = (field: string): RegisterColumn | undefined => BY_FIELD.get(field);

export interface DdlOptions {
  /** Table name (a plain identifier). Default `register`. */
  table?: string;
}

/**
 * `CREATE TABLE` for the register layout in one dialect.
 * @example registerDdl('duckdb') // CREATE TABLE "register" ("id" VARCHAR PRIMARY KEY, "gender" VARCHAR, …)
 */
export function registerDdl(dialect: DialectName, opts: DdlOptions = {}): string {
  const d = dialectOf(dialect);
  const cols = [`${d.quote('id')} ${d.type('text')} PRIMARY KEY`];
  for (const c of REGISTER_COLUMNS) {
    cols.push(`${d.quote(c.name)} ${d.type(c.type)}`);
    if (c.none) cols.push(`${d.quote(c.none)} ${d.type('boolean')}`);
  }
  return `CREATE TABLE ${d.quote(opts.table ?? 'register')} (\n  ${cols.join(',\n  ')}\n)`;
}

/** Column names in the order `registerRow` gives values. */
export const registerColumnNames = (): string[] => ['id', ...REGISTER_COLUMNS.flatMap((c) => (c.none ? [c.name, c.none] : [c.name]))];

function readPath(p: unknown, path: string): unknown {
  let cur = p;
  for (const k of path.split('.')) {
    if (cur === null || typeof cur !== 'object' || !Object.prototype.hasOwnProperty.call(cur, k)) return undefined;
    cur = (cur as Record<string, unknown>)[k];
  }
  return cur;
}

/**
 * A validated profile as one register row (values in `registerColumnNames()` order): dates as
 * `YYYY-MM-DD`, lists as arrays (SQLite: JSON text), booleans as the dialect stores them.
 *
 * @example
 * registerRow(parseProfile(p), 'duckdb') // values in register column order
 */
export function registerRow(profile: Record<string, unknown>, dialect: DialectName): unknown[] {
  const d: Dialect = dialectOf(dialect);
  const out: unknown[] = [profile.id];
  for (const c of REGISTER_COLUMNS) {
    const v = readPath(profile, c.field);
    const known = v === undefined || v === null ? null : c.type === 'list' && dialect === 'sqlite' ? JSON.stringify(v) : d.value(v);
    out.push(known);
    if (c.none) out.push(v === undefined ? null : d.value(v === null));
  }
  return out;
}

/**
 * The register layout read from one JSON column holding whole profiles (the other layout):
 * a select list that yields the flat columns, so the same compiled SQL runs on either.
 * Values of the wrong type read as unanswered. `only` names the columns wanted (besides `id`):
 * reading fewer fields costs less (DuckDB looks every path up in each document).
 */
export function jsonColumns(dialect: DialectName, json: string, only?: ReadonlySet<string>): string {
  const d = dialectOf(dialect);
  const j = json;
  const parts: string[] = [];
  const columns = [{ field: 'id', name: 'id', type: 'text' as SqlType }, ...REGISTER_COLUMNS.filter((c) => !only || only.has(c.name))] as RegisterColumn[];
  // DuckDB: every field in one json_extract (the document is parsed once per row, not once per
  // field: 5.4 s → 1.7 s of CPU for 100 000 people); the repeated list expression is computed once per row.
  const fields = `json_extract(${j}, [${columns.map((c) => `'$.${c.field}'`).join(', ')}])`;
  columns.forEach((c, i) => {
    const path = c.field.split('.');
    const jp = `'$.${path.join('.')}'`;
    const pg = `'{${path.join(',')}}'`;
    let expr: string;
    let isNull: string;
    if (dialect === 'duckdb') {
      const v = `${fields}[${i + 1}]`;
      const t = `json_type(${v})`;
      isNull = `(${t} = 'NULL')`;
      expr =
        c.type === 'list' ? `(CASE WHEN ${t} = 'ARRAY' THEN TRY_CAST(${v} AS VARCHAR[]) END)`
        : c.type === 'text' ? `(CASE WHEN ${t} = 'VARCHAR' THEN ${v} ->> '$' END)`
        : c.type === 'number' ? `(CASE WHEN ${t} IN ('BIGINT', 'UBIGINT', 'DOUBLE') THEN CAST(${v} AS DOUBLE) END)`
        : c.type === 'boolean' ? `(CASE WHEN ${t} = 'BOOLEAN' THEN CAST(${v} AS BOOLEAN) END)`
        : `(CASE WHEN ${t} = 'VARCHAR' THEN TRY_CAST(${v} ->> '$' AS ${d.type(c.type)}) END)`;
    } else if (dialect === 'postgres') {
      const node = `(${j} #> ${pg})`;
      const text = `(${j} #>> ${pg})`;
      isNull = `(jsonb_typeof(${node}) = 'null')`;
      expr =
        c.type === 'list' ? `(CASE WHEN jsonb_typeof(${node}) = 'array' THEN ARRAY(SELECT jsonb_array_elements_text(${node})) END)`
        : c.type === 'number' ? `(CASE WHEN jsonb_typeof(${node}) = 'number' THEN CAST(${text} AS DOUBLE PRECISION) END)`
        : c.type === 'boolean' ? `(CASE WHEN jsonb_typeof(${node}) = 'boolean' THEN CAST(${text} AS BOOLEAN) END)`
        : c.type === 'date' ? `(CASE WHEN jsonb_typeof(${node}) = 'string' AND ${text} ~ '^\\d{4}-\\d{2}-\\d{2}$' THEN CAST(${text} AS DATE) END)`
        : `(CASE WHEN jsonb_typeof(${node}) = 'string' THEN ${text} END)`;
    } else {
      const t = `json_type(${j}, ${jp})`;
      isNull = `(${t} = 'null')`;
      expr =
        c.type === 'list' ? `(CASE WHEN ${t} = 'array' THEN json_extract(${j}, ${jp}) END)`
        : c.type === 'number' ? `(CASE WHEN ${t} IN ('integer', 'real') THEN json_extract(${j}, ${jp}) END)`
        : c.type === 'boolean' ? `(CASE WHEN ${t} IN ('true', 'false') THEN json_extract(${j}, ${jp}) END)`
        : `(CASE WHEN ${t} = 'text' THEN json_extract(${j}, ${jp}) END)`;
    }
    parts.push(`${expr} AS ${d.quote(c.name)}`);
    if (c.none) parts.push(`(CASE WHEN ${isNull} THEN ${d.true} WHEN ${expr} IS NULL THEN NULL ELSE ${d.false} END) AS ${d.quote(c.none)}`);
  });
  return parts.join(',\n  ');
}
