import type { DialectName } from '../../sql/dialect.js';
import { loadDriver } from '../../store/db.js';

/**
 * One small interface over the three drivers, loaded lazily: `guiyan find` and the tests load a
 * driver only when they use its engine. The drivers are optional peer dependencies.
 */
export interface SqlSession {
  readonly dialect: DialectName;
  /** Rows as plain objects; numbers as JS numbers. */
  all(sql: string, params?: readonly unknown[]): Promise<Record<string, unknown>[]>;
  exec(sql: string, params?: readonly unknown[]): Promise<void>;
  close(): Promise<void>;
}

async function load<T>(pkg: string, engine: string): Promise<T> {
  return loadDriver(() => import(pkg) as Promise<T>, pkg, engine);
}

const plain = (v: unknown): unknown => (typeof v === 'bigint' ? Number(v) : v);

/** DuckDB embedded, in memory unless `path` names a database file. */
export async function openDuckDb(path = ':memory:'): Promise<SqlSession> {
  const duck = await load<typeof import('@duckdb/node-api')>('@duckdb/node-api', 'DuckDB');
  const instance = await duck.DuckDBInstance.create(path);
  const conn = await instance.connect();
  const values = (params?: readonly unknown[]) => (params && params.length ? (params as never) : undefined);
  return {
    dialect: 'duckdb',
    async all(sql, params) {
      const reader = await conn.runAndReadAll(sql, values(params));
      return reader.getRowObjectsJS().map((r) => Object.fromEntries(Object.entries(r).map(([k, v]) => [k, plain(v)])));
    },
    async exec(sql, params) {
      await conn.run(sql, values(params));
    },
    async close() {
      conn.closeSync();
      instance.closeSync();
    },
  };
}

/** SQLite through better-sqlite3 (in memory unless `path` names a file). */
export async function openSqlite(path = ':memory:'): Promise<SqlSession> {
  const mod = await load<{ default: typeof import('better-sqlite3') }>('better-sqlite3', 'SQLite');
  const db = new mod.default(path);
  return {
    dialect: 'sqlite',
    async all(sql, params = []) {
      return db.prepare(sql).all(...(params as unknown[])) as Record<string, unknown>[];
    },
    async exec(sql, params = []) {
      if (params.length) db.prepare(sql).run(...(params as unknown[]));
      else db.exec(sql);
    },
    async close() {
      db.close();
    },
  };
}

/** PostgreSQL through pg, on one connection; `search_path` set to `schema` when given. */
export async function openPostgres(url: string, schema?: string): Promise<SqlSession> {
  const pg = await load<{ default: typeof import('pg') }>('pg', 'PostgreSQL');
  const client = new pg.default.Client({ connectionString: url });
  await client.connect();
  // Numbers come back as numbers: float8 and int8 are parsed, not left as strings.
  const types = {
    getTypeParser: (oid: number, format?: string) => (oid === 701 || oid === 20 || oid === 23 || oid === 700 ? (v: string) => Number(v) : pg.default.types.getTypeParser(oid, format as 'text')),
  };
  if (schema) await client.query(`SET search_path TO "${schema.replace(/"/g, '')}"`);
  return {
    dialect: 'postgres',
    async all(sql, params = []) {
      return (await client.query({ text: sql, values: params as unknown[], types })).rows as Record<string, unknown>[];
    },
    async exec(sql, params = []) {
      await client.query({ text: sql, values: params as unknown[], types });
    },
    async close() {
      await client.end();
    },
  };
}
