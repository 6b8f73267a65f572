import type { Database, Statement } from 'better-sqlite3';
import { loadDriver, type Db } from './db.js';

/**
 * Opens a SQLite file with better-sqlite3 (loaded only now): WAL, so readers never wait for the
 * screening run and writers queue for up to `busyMs` instead of failing.
 */
export async function openSqlite(path: string, { busyMs = 10_000 }: { busyMs?: number } = {}): Promise<Db> {
  const mod = await loadDriver(() => import('better-sqlite3'), 'better-sqlite3@12', 'a SQLite store');
  const Driver = ((mod as { default?: unknown }).default ?? mod) as typeof import('better-sqlite3');
  const db: Database = new Driver(path, { timeout: busyMs });
  db.pragma('journal_mode = WAL');
  // NORMAL under WAL: a power loss may drop the last commits but never corrupts; a process crash loses nothing.
  db.pragma('synchronous = NORMAL');
  db.pragma('foreign_keys = ON');
  const cache = new Map<string, Statement>();
  const stmt = (sql: string) => {
    let s = cache.get(sql);
    if (!s) cache.set(sql, (s = db.prepare(sql)));
    return s;
  };
  let depth = 0;
  const self: Db = {
    dialect: 'sqlite',
    all: async <T>(sql: string, params: readonly unknown[] = []) => stmt(sql).all(...params) as T[],
    run: async (sql, params = []) => stmt(sql).run(...params).changes,
    runMany: async (sql, rows) => {
      const s = stmt(sql);
      for (const r of rows) s.run(...r);
    },
    exec: async (sql) => void db.exec(sql),
    async tx(fn) {
      if (depth > 0) return fn();
      db.exec('BEGIN IMMEDIATE');
      depth++;
      try {
        const out = await fn();
        db.exec('COMMIT');
        return out;
      } catch (e) {
        if (db.inTransaction) db.exec('ROLLBACK');
        throw e;
      } finally {
        depth--;
      }
    },
    close: async () => void db.close(),
  };
  return self;
}
