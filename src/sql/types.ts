import type { DialectName } from './dialect.js';

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
  /**
   * `rows` (default): one row per person and policy. `counts`: people and amount sums per policy and
   * status, computed in one scan of the register (every policy a column of one wide row), for when
   * only the totals are wanted. `missing` applies to `rows` only.
   */
  output?: 'rows' | 'counts';
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
  /**
   * `rows`: one row per person and policy: person_id, policy_index, policy_id, status, amount_min,
   * amount_max, amount_unit[, missing]. `counts`: one row per policy and status that has people:
   * policy_index, policy_id, status, people, amount_min, amount_max (sums), amount_unit.
   */
  sql: string;
  params: unknown[];
  dialect: DialectName;
  /** The day the query is for, as YYYY-MM-DD. */
  asOf: string;
  policies: SqlPolicy[];
  unsupported: SqlUnsupported[];
  /** Policies not in force at `asOf`: no rows. */
  notInForce: string[];
  /** Register columns the query reads (flat layout names, `id` first). */
  columns: string[];
}
