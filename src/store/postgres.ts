import type { Client } from 'pg';
import { loadDriver, type Db } from './db.js';

/** `?` placeholders as `$1`, `$2`, … (none of our statements has a `?` inside a string). */
const numbered = (sql: string) => {
  let n = 0;
  return sql.replace(/\?/g, () => `$${++n}`);
};

/** PostgreSQL takes at most 65535 parameters a statement. */
const MAX_PARAMS = 30_000;

/**
 * Connects to PostgreSQL with pg (loaded only now). A `schema` query parameter in the URL names the
 * schema the store lives in (created when missing); the rest of the URL goes to pg as it is.
 */
export async function openPostgres(url: string): Promise<Db & { schema: string; client: Client }> {
  const mod = await loadDriver(() => import('pg'), 'pg', 'a PostgreSQL store');
  const pg = ((mod as { default?: unknown }).default ?? mod) as typeof import('pg');
  const u = new URL(url);
  const schema = u.searchParams.get('schema') ?? 'guiyan';
  u.searchParams.delete('schema');
  if (!/^[a-z_][a-z0-9_]{0,62}$/.test(schema)) throw new RangeError(`schema must be a lower-case SQL name, not ${JSON.stringify(schema)}`);
  const client = new pg.Client({ connectionString: u.toString() });
  await client.connect();
  await client.query(`CREATE SCHEMA IF NOT EXISTS ${schema}`).catch((e: { code?: string }) => {
    // Two processes creating the schema at once: one wins, the other sees a duplicate.
    if (e.code !== '23505' && e.code !== '42P06') throw e;
  });
  await client.query(`SET search_path TO ${schema}`);
  let depth = 0;
  const self: Db & { schema: string; client: Client } = {
    dialect: 'postgres',
    schema,
    client,
    all: async <T>(sql: string, params: readonly unknown[] = []) => (await client.query(numbered(sql), params as unknown[])).rows as T[],
    run: async (sql, params = []) => (await client.query(numbered(sql), params as unknown[])).rowCount ?? 0,
    async runMany(sql, rows) {
      if (rows.length === 0) return;
      // One INSERT … VALUES (…), (…) per chunk instead of a round trip per row.
      const m = /^([\s\S]*?\bVALUES\s*)(\([^)]*\))([\s\S]*)$/i.exec(sql);
      if (!m) {
        for (const r of rows) await client.query(numbered(sql), r as unknown[]);
        return;
      }
      const width = rows[0]!.length;
      const per = Math.max(1, Math.floor(MAX_PARAMS / width));
      for (let i = 0; i < rows.length; i += per) {
        const chunk = rows.slice(i, i + per);
        const text = `${m[1]}${chunk.map(() => m[2]).join(',')}${m[3]}`;
        await client.query(numbered(text), chunk.flat() as unknown[]);
      }
    },
    exec: async (sql) => void (await client.query(sql)),
    async tx(fn) {
      if (depth > 0) return fn();
      await client.query('BEGIN');
      depth++;
      try {
        const out = await fn();
        await client.query('COMMIT');
        return out;
      } catch (e) {
        await client.query('ROLLBACK').catch(() => {});
        throw e;
      } finally {
        depth--;
      }
    },
    close: () => client.end(),
  };
  return self;
}
