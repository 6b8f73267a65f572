/**
 * What differs between the SQL engines guiyan compiles to. Everything here is fixed text chosen
 * by the library; values from rule files never pass through it except as bind placeholders.
 */
export type DialectName = 'duckdb' | 'postgres' | 'sqlite';

export type SqlType = 'number' | 'integer' | 'boolean' | 'text' | 'date' | 'list';

export interface Dialect {
  readonly name: DialectName;
  /** Column and cast types. */
  type(t: SqlType): string;
  /** Days since 1970-01-01 of a date column. */
  dayNumber(date: string): string;
  year(date: string): string;
  month(date: string): string;
  day(date: string): string;
  listLength(list: string): string;
  listOverlaps(list: string, items: readonly string[]): string;
  /** Smallest / largest of the non-NULL arguments, NULL when all are NULL. */
  least(args: readonly string[]): string;
  greatest(args: readonly string[]): string;
  /** Smallest / largest of two non-NULL numbers. */
  min2(a: string, b: string): string;
  max2(a: string, b: string): string;
  readonly infinity: string;
  readonly true: string;
  readonly false: string;
  /** A bound value as the driver takes it (SQLite has no booleans). */
  value(v: unknown): unknown;
  quote(identifier: string): string;
  /**
   * How the per-row facts CTE, read once per policy, is declared. DuckDB would materialize it
   * (every register row with its facts, held in memory); inlined, each policy's scan reads only
   * the columns it needs, and memory stays flat.
   */
  readonly cte: string;
  /**
   * Appended to a subquery so that the planner keeps it apart: the wide per-row select is then
   * computed once per row, instead of each policy's expression being copied into every aggregate
   * that reads it (PostgreSQL and SQLite merge subqueries; DuckDB shares common expressions).
   */
  readonly fence: string;
}

const quote = (id: string) => {
  if (!/^[A-Za-z_][A-Za-z0-9_]{0,62}$/.test(id)) throw new Error(`not a plain SQL identifier: ${JSON.stringify(id.slice(0, 40))}`);
  return `"${id}"`;
};

const nullsIgnored = (fn: 'LEAST' | 'GREATEST') => (args: readonly string[]) => (args.length === 1 ? args[0]! : `${fn}(${args.join(', ')})`);

const duckdb: Dialect = {
  name: 'duckdb',
  type: (t) => ({ number: 'DOUBLE', integer: 'BIGINT', boolean: 'BOOLEAN', text: 'VARCHAR', date: 'DATE', list: 'VARCHAR[]' })[t],
  dayNumber: (d) => `date_diff('day', DATE '1970-01-01', ${d})`,
  year: (d) => `year(${d})`,
  month: (d) => `month(${d})`,
  day: (d) => `day(${d})`,
  listLength: (l) => `len(${l})`,
  // One list_contains per item: several times faster than list_has_any on a constant list.
  listOverlaps: (l, items) => `(${items.map((i) => `list_contains(${l}, ${i})`).join(' OR ')})`,
  least: nullsIgnored('LEAST'),
  greatest: nullsIgnored('GREATEST'),
  min2: (a, b) => `LEAST(${a}, ${b})`,
  max2: (a, b) => `GREATEST(${a}, ${b})`,
  infinity: `CAST('infinity' AS DOUBLE)`,
  true: 'TRUE',
  false: 'FALSE',
  value: (v) => v,
  quote,
  cte: 'AS NOT MATERIALIZED',
  fence: '',
};

const postgres: Dialect = {
  name: 'postgres',
  type: (t) => ({ number: 'DOUBLE PRECISION', integer: 'BIGINT', boolean: 'BOOLEAN', text: 'TEXT', date: 'DATE', list: 'TEXT[]' })[t],
  dayNumber: (d) => `(${d} - DATE '1970-01-01')`,
  year: (d) => `CAST(EXTRACT(YEAR FROM ${d}) AS INTEGER)`,
  month: (d) => `CAST(EXTRACT(MONTH FROM ${d}) AS INTEGER)`,
  day: (d) => `CAST(EXTRACT(DAY FROM ${d}) AS INTEGER)`,
  listLength: (l) => `cardinality(${l})`,
  listOverlaps: (l, items) => `(${l} && ARRAY[${items.join(', ')}])`,
  least: nullsIgnored('LEAST'),
  greatest: nullsIgnored('GREATEST'),
  min2: (a, b) => `LEAST(${a}, ${b})`,
  max2: (a, b) => `GREATEST(${a}, ${b})`,
  infinity: `CAST('Infinity' AS DOUBLE PRECISION)`,
  true: 'TRUE',
  false: 'FALSE',
  value: (v) => v,
  quote,
  cte: 'AS',
  fence: ' OFFSET 0',
};

// SQLite's min()/max() return NULL when any argument is NULL: NULLs become ±infinity and back.
const sqliteExtreme = (fn: 'min' | 'max', inf: string) => (args: readonly string[]) =>
  args.length === 1 ? args[0]! : `NULLIF(${fn}(${args.map((a) => `COALESCE(${a}, ${inf})`).join(', ')}), ${inf})`;

const sqlite: Dialect = {
  name: 'sqlite',
  type: (t) => ({ number: 'REAL', integer: 'INTEGER', boolean: 'INTEGER', text: 'TEXT', date: 'TEXT', list: 'TEXT' })[t],
  dayNumber: (d) => `CAST(julianday(${d}) - 2440587.5 AS INTEGER)`,
  year: (d) => `CAST(substr(${d}, 1, 4) AS INTEGER)`,
  month: (d) => `CAST(substr(${d}, 6, 2) AS INTEGER)`,
  day: (d) => `CAST(substr(${d}, 9, 2) AS INTEGER)`,
  listLength: (l) => `json_array_length(${l})`,
  listOverlaps: (l, items) => `(CASE WHEN ${l} IS NULL THEN NULL ELSE EXISTS (SELECT 1 FROM json_each(${l}) WHERE json_each.value IN (${items.join(', ')})) END)`,
  least: sqliteExtreme('min', '9e999'),
  greatest: sqliteExtreme('max', '-9e999'),
  min2: (a, b) => `min(${a}, ${b})`,
  max2: (a, b) => `max(${a}, ${b})`,
  infinity: '9e999',
  true: '1',
  false: '0',
  value: (v) => (typeof v === 'boolean' ? (v ? 1 : 0) : v),
  quote,
  cte: 'AS',
  fence: ' LIMIT -1 OFFSET 0',
};

export const DIALECTS: Readonly<Record<DialectName, Dialect>> = { duckdb, postgres, sqlite };

export function dialectOf(name: DialectName): Dialect {
  const d = DIALECTS[name];
  if (!d) throw new Error(`unknown SQL dialect ${JSON.stringify(String(name)).slice(0, 30)}; expected duckdb, postgres or sqlite`);
  return d;
}
