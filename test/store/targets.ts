import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

export const PG_URL = process.env.GUIYAN_TEST_PG ?? 'postgres://postgres@127.0.0.1:5432/test';

/** Whether the test PostgreSQL answers; when it does not, say so once (the tests are skipped, never silently). */
export async function postgresReachable(): Promise<boolean> {
  try {
    const pg = (await import('pg')).default;
    const c = new pg.Client({ connectionString: PG_URL, connectionTimeoutMillis: 2000 });
    await c.connect();
    await c.end();
    return true;
  } catch (e) {
    console.log(`PostgreSQL at ${PG_URL} is unreachable (${(e as Error).message}): the PostgreSQL store tests are skipped`);
    return false;
  }
}

/** A fresh store target: a SQLite file in a temp folder, or a PostgreSQL URL naming a schema of its own. */
export function freshTarget(kind: 'sqlite' | 'postgres'): string {
  if (kind === 'sqlite') return join(mkdtempSync(join(tmpdir(), 'guiyan-store-')), 'screen.db');
  return `${PG_URL}?schema=t_${process.pid}_${Math.random().toString(36).slice(2, 10)}`;
}

/** Drops a test schema (SQLite files live in temp folders). */
export async function dropTarget(target: string): Promise<void> {
  const schema = /[?&]schema=([a-z0-9_]+)/.exec(target)?.[1];
  if (!schema) return;
  const pg = (await import('pg')).default;
  const c = new pg.Client({ connectionString: PG_URL });
  await c.connect();
  await c.query(`DROP SCHEMA IF EXISTS ${schema} CASCADE`);
  await c.end();
}
