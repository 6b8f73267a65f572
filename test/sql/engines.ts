import { afterAll, beforeAll } from 'vitest';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { registerColumnNames } from '../../src/sql/index.js';
import { createMatcher, registerDdl, registerRow, toSql, type Policy, type SqlQuery, type ToSqlOptions } from '../../src/index.js';
import { jsonColumns } from '../../src/sql/layout.js';
import { openDuckDb, openPostgres, openSqlite, type SqlSession } from '../../src/node/sql/drivers.js';

export const PG_URL = process.env.GUIYAN_TEST_PG ?? 'postgres://postgres@127.0.0.1:5432/test';

/** One engine with a register loaded (flat table `register`, and `register_json` with one JSON column). */
export interface Engine {
  name: 'duckdb' | 'sqlite' | 'postgres';
  session: SqlSession;
  close(): Promise<void>;
}

let pgDown: string | undefined;

/** PostgreSQL in a fresh schema, or null with a printed line when the server is not reachable. */
export async function openPg(): Promise<Engine | null> {
  if (pgDown) return null;
  let session: SqlSession;
  try {
    session = await openPostgres(PG_URL);
  } catch (e) {
    pgDown = (e as Error).message;
    console.log(`PostgreSQL tests skipped: ${PG_URL} not reachable (${pgDown})`);
    return null;
  }
  const schema = `guiyan_t${process.pid}_${Math.floor(Math.random() * 1e9)}`;
  await session.exec(`CREATE SCHEMA ${schema}`);
  await session.exec(`SET search_path TO ${schema}`);
  return {
    name: 'postgres',
    session,
    async close() {
      await session.exec(`DROP SCHEMA ${schema} CASCADE`);
      await session.close();
    },
  };
}

/** The engines of the enclosing suite: opened before its tests, closed after them. */
export function useEngines(): Engine[] {
  const engines: Engine[] = [];
  beforeAll(async () => {
    engines.push(...(await openEngines()));
  }, 60_000);
  afterAll(async () => {
    for (const e of engines) await e.close();
  });
  return engines;
}

export async function openEngines(): Promise<Engine[]> {
  const duck = await openDuckDb();
  const lite = await openSqlite();
  const out: Engine[] = [
    { name: 'duckdb', session: duck, close: () => duck.close() },
    { name: 'sqlite', session: lite, close: () => lite.close() },
  ];
  const pg = await openPg();
  if (pg) out.push(pg);
  return out;
}

/** Creates the register tables afresh and loads the profiles into both layouts. */
export async function loadRegister(e: Engine, profiles: readonly Record<string, unknown>[]): Promise<void> {
  const s = e.session;
  await s.exec('DROP TABLE IF EXISTS register');
  await s.exec('DROP TABLE IF EXISTS register_json');
  await s.exec(registerDdl(e.name));
  const jsonType = e.name === 'postgres' ? 'JSONB' : e.name === 'duckdb' ? 'JSON' : 'TEXT';
  await s.exec(`CREATE TABLE register_json (profile ${jsonType})`);
  if (profiles.length === 0) return;
  if (e.name === 'duckdb') {
    // DuckDB reads the JSON Lines itself, through the JSON layout, into the flat table.
    const dir = mkdtempSync(join(tmpdir(), 'guiyan-sql-'));
    const file = join(dir, 'people.jsonl');
    writeFileSync(file, profiles.map((p) => JSON.stringify(p)).join('\n') + '\n');
    await s.exec(`INSERT INTO register_json SELECT json FROM read_ndjson_objects('${file.replace(/'/g, "''")}')`);
    await s.exec(`INSERT INTO register SELECT ${jsonColumns('duckdb', 'profile')} FROM register_json`);
    rmSync(dir, { recursive: true, force: true });
    return;
  }
  const names = registerColumnNames();
  const per = Math.floor((e.name === 'sqlite' ? 30000 : 60000) / names.length);
  for (let i = 0; i < profiles.length; i += per) {
    const chunk = profiles.slice(i, i + per);
    const values: unknown[] = [];
    const rows = chunk.map((p) => {
      const row = registerRow(p, e.name);
      const base = values.length;
      values.push(...row);
      return `(${row.map((_, k) => (e.name === 'postgres' ? `$${base + k + 1}` : '?')).join(', ')})`;
    });
    await s.exec(`INSERT INTO register (${names.map((n) => `"${n}"`).join(', ')}) VALUES ${rows.join(', ')}`, values);
    const jv: unknown[] = chunk.map((p) => JSON.stringify(p));
    await s.exec(`INSERT INTO register_json (profile) VALUES ${chunk.map((_, k) => (e.name === 'postgres' ? `($${k + 1})` : '(?)')).join(', ')}`, jv);
  }
}

export interface Row {
  status: string;
  amount: { min: number; max: number; unit: string } | null;
  missing?: string[];
}

/** Runs a compiled query; rows keyed `person|policy`. */
export async function run(e: Engine, q: SqlQuery): Promise<Map<string, Row>> {
  const rows = await e.session.all(q.sql, q.params);
  const out = new Map<string, Row>();
  for (const r of rows) {
    const amount = r.amount_min === null || r.amount_min === undefined ? null : { min: Number(r.amount_min), max: Number(r.amount_max), unit: String(r.amount_unit) };
    const row: Row = { status: String(r.status), amount };
    if ('missing' in r) row.missing = String(r.missing ?? '').split(',').filter(Boolean).sort();
    out.set(`${r.person_id}|${r.policy_id}`, row);
  }
  return out;
}

/** The in-process verdicts for the same people and policies, in the same shape. */
export function expected(policies: readonly Policy[], profiles: readonly Record<string, unknown>[], asOf: string, skip: ReadonlySet<string> = new Set()): Map<string, Row> {
  const m = createMatcher([...policies]);
  const out = new Map<string, Row>();
  for (const p of profiles) {
    for (const ev of m.evaluate(p, { asOf, mode: 'verdict', scope: 'all' })) {
      if (skip.has(ev.policyId)) continue;
      out.set(`${p.id}|${ev.policyId}`, { status: ev.status, amount: ev.amount ? { ...ev.amount } : null, missing: [...new Set(ev.missing)].sort() });
    }
  }
  return out;
}

export const compile = (policies: readonly Policy[], e: Engine, opts: Omit<ToSqlOptions, 'dialect'>) => toSql(policies, { ...opts, dialect: e.name });
