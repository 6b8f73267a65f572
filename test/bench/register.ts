/**
 * `npm run bench:register` (also run by `npm run bench`): 政策找人 at register scale. The same
 * generated register (scripts/gen-register.ts) and the repository's rules, evaluated by the
 * in-process streaming evaluator (one thread: parse, validate, verdict and amount per line) and by
 * the compiled SQL in DuckDB, SQLite and PostgreSQL (when reachable); then 10M people in DuckDB.
 * Every engine's counts per policy and status must agree before a number is printed.
 *   BENCH_REGISTER=1000000 BENCH_REGISTER_BIG=10000000 BENCH_REGISTER_ENGINES=duckdb,sqlite,postgres
 *   BENCH_REGISTER_FILE=/tmp/people.jsonl (default: the temp folder)
 */
import { createWriteStream, existsSync, statSync } from 'node:fs';
import { mkdir } from 'node:fs/promises';
import { loadavg, tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { createMatcher, parsePolicies, toSql, type Policy } from '../../src/index.js';
import { T, U } from '../../src/core/tri.js';
import { engineOf } from '../../src/matcher/create.js';
import { readRuleSources } from '../../src/node/index.js';
import { forEachLine } from '../../src/node/file-batch.js';
import { jsonColumns, registerDdl } from '../../src/sql/layout.js';
import { openDuckDb, openPostgres, openSqlite, type SqlSession } from '../../src/node/sql/drivers.js';
import { person } from '../../scripts/gen-register.js';
import { prng } from '../../scripts/prng.js';
import { dayOf } from '../../src/core/dates.js';

const N = Number(process.env.BENCH_REGISTER ?? 1_000_000);
const BIG = Number(process.env.BENCH_REGISTER_BIG ?? 10_000_000);
const ENGINES = (process.env.BENCH_REGISTER_ENGINES ?? 'duckdb,sqlite,postgres').split(',');
const AS_OF = '2026-06-01';
const ROOT = join(import.meta.dirname, '..', '..');
// Generated registers go to the temp folder, never into the repository.
const FILE = process.env.BENCH_REGISTER_FILE ?? join(tmpdir(), `guiyan-register-${N}.jsonl`);
const log = (s: string) => process.stderr.write(`${s}\n`);
const mb = (b: number) => Math.round(b / 1024 / 1024);

async function generate(): Promise<void> {
  if (existsSync(FILE)) return;
  await mkdir(dirname(FILE), { recursive: true });
  const out = createWriteStream(FILE);
  const r = prng(1);
  const day = dayOf(AS_OF);
  let chunk = '';
  for (let i = 1; i <= N; i++) {
    chunk += JSON.stringify(person(r, i, 1, day)) + '\n';
    if (chunk.length > 1 << 20 || i === N) {
      if (!out.write(chunk)) await new Promise<void>((res) => out.once('drain', () => res()));
      chunk = '';
    }
  }
  await new Promise<void>((res, rej) => out.end((e?: Error | null) => (e ? rej(e) : res())));
}

type Counts = Map<string, number>;
const key = (policy: string, status: string) => `${policy}|${status}`;

/** Peak resident set size while `fn` runs, sampled every 50 ms, and the process's CPU time (every thread's). */
async function peakRss<R>(fn: () => Promise<R>): Promise<{ result: R; ms: number; cpuMs: number; peak: number }> {
  let peak = process.memoryUsage().rss;
  const timer = setInterval(() => (peak = Math.max(peak, process.memoryUsage().rss)), 50);
  const t = performance.now();
  const c0 = process.cpuUsage();
  try {
    const result = await fn();
    const c = process.cpuUsage(c0);
    return { result, ms: performance.now() - t, cpuMs: (c.user + c.system) / 1000, peak: Math.max(peak, process.memoryUsage().rss) };
  } finally {
    clearInterval(timer);
  }
}
const load = () => loadavg()[0]!.toFixed(1);

function inProcess(policies: readonly Policy[]): { counts: Counts; ms: number; rows: number } {
  const core = engineOf(createMatcher([...policies]));
  const day = core.day(AS_OF);
  const counts: Counts = new Map();
  const statuses = ['ineligible', 'eligible', 'unknown'];
  const tally = new Map<string, Int32Array>();
  for (const p of core.candidates(undefined, day)) tally.set(p.policy.id, new Int32Array(3));
  let rows = 0;
  let amount = 0;
  const t = performance.now();
  forEachLine(FILE, 0, statSync(FILE).size, (line) => {
    if (!line) return;
    const profile = core.parse(JSON.parse(line));
    rows++;
    const seen = new Set<string>();
    core.verdicts(profile, day, (cp, tri, f, p) => {
      seen.add(cp.policy.id);
      tally.get(cp.policy.id)![tri]!++;
      if ((tri === T || tri === U) && cp.amount) amount += cp.amount(f, p)?.max ?? 0;
    });
    // Policies of other regions are ineligible for this person.
    if (seen.size < tally.size) for (const [id, c] of tally) if (!seen.has(id)) c[0]!++;
  });
  const ms = performance.now() - t;
  for (const [id, c] of tally) c.forEach((n, i) => n && counts.set(key(id, statuses[i]!), n));
  void amount;
  return { counts, ms, rows };
}

async function sqlCounts(s: SqlSession, policies: readonly Policy[], table: string): Promise<{ counts: Counts; ms: number; cpuMs: number; peak: number }> {
  // Only the counts come back, computed in one scan of the register (every policy a column of one wide row).
  const q = toSql(policies, { dialect: s.dialect, asOf: AS_OF, table, output: 'counts' });
  if (q.unsupported.length) throw new Error(`unsupported: ${JSON.stringify(q.unsupported)}`);
  const { result, ms, cpuMs, peak } = await peakRss(() => s.all(q.sql, q.params));
  return { counts: new Map(result.map((r) => [key(String(r.policy_id), String(r.status)), Number(r.people)])), ms, cpuMs, peak };
}

function same(a: Counts, b: Counts, what: string): void {
  const ks = new Set([...a.keys(), ...b.keys()]);
  for (const k of ks) if ((a.get(k) ?? 0) !== (b.get(k) ?? 0)) throw new Error(`${what}: ${k} in-process ${a.get(k) ?? 0}, SQL ${b.get(k) ?? 0}`);
}

async function loadInto(engine: string): Promise<{ s: SqlSession; loadMs: number } | null> {
  const t = performance.now();
  if (engine === 'duckdb') {
    const s = await openDuckDb();
    await s.exec(`CREATE TABLE register AS SELECT ${jsonColumns('duckdb', 'json')} FROM read_ndjson_objects('${FILE}')`);
    return { s, loadMs: performance.now() - t };
  }
  const s = engine === 'sqlite' ? await openSqlite() : await openPostgres(process.env.GUIYAN_TEST_PG ?? 'postgres://postgres@127.0.0.1:5432/test').catch((e) => (log(`postgres skipped: ${(e as Error).message}`), null));
  if (!s) return null;
  if (engine === 'postgres') {
    await s.exec('CREATE SCHEMA IF NOT EXISTS guiyan_bench');
    await s.exec('SET search_path TO guiyan_bench');
    await s.exec('DROP TABLE IF EXISTS register_json');
    await s.exec('DROP TABLE IF EXISTS register');
  }
  await s.exec(`CREATE TABLE register_json (profile ${engine === 'postgres' ? 'JSONB' : 'TEXT'})`);
  let batch: string[] = [];
  const flush = async () => {
    if (!batch.length) return;
    await s.exec(`INSERT INTO register_json (profile) VALUES ${batch.map((_, i) => (engine === 'postgres' ? `($${i + 1})` : '(?)')).join(', ')}`, batch);
    batch = [];
  };
  if (engine === 'sqlite') await s.exec('BEGIN');
  const lines: string[] = [];
  forEachLine(FILE, 0, statSync(FILE).size, (l) => void (l && lines.push(l)));
  for (const l of lines) {
    batch.push(l);
    if (batch.length === 5000) await flush();
  }
  await flush();
  await s.exec(registerDdl(engine as 'sqlite' | 'postgres'));
  await s.exec(`INSERT INTO register SELECT ${jsonColumns(engine as 'sqlite' | 'postgres', 'profile')} FROM register_json`);
  if (engine === 'sqlite') await s.exec('COMMIT');
  await s.exec('DROP TABLE register_json');
  if (engine === 'postgres') await s.exec('ANALYZE register');
  return { s, loadMs: performance.now() - t };
}

async function main(): Promise<void> {
  await generate();
  const sources = await readRuleSources(join(ROOT, 'rules'), (f) => !f.includes(`${join('rules', 'projects')}`));
  const policies = parsePolicies(sources);
  const inForce = engineOf(createMatcher([...policies])).candidates(undefined, dayOf(AS_OF)).length;
  log(`register: ${N} generated people (${mb(statSync(FILE).size)} MB of JSON Lines), ${policies.length} rules, ${inForce} in force at ${AS_OF}`);
  const js = inProcess(policies);
  const evals = js.rows * inForce;
  log(`in-process (one thread, streaming the file): ${(js.ms / 1000).toFixed(1)} s`);
  const table: string[][] = [['in-process streaming, 1 thread', String(js.rows), (js.ms / 1000).toFixed(2), Math.round(js.rows / (js.ms / 1000)).toLocaleString('en'), Math.round(evals / (js.ms / 1000)).toLocaleString('en'), '1.00', '—', '—']];
  const json: Record<string, number> = { inProcessRowsPerS: Math.round(js.rows / (js.ms / 1000)) };
  for (const engine of ENGINES) {
    const loaded = await loadInto(engine);
    if (!loaded) continue;
    const { s, loadMs } = loaded;
    try {
      await sqlCounts(s, policies, 'register'); // warm
      const r = await sqlCounts(s, policies, 'register');
      same(js.counts, r.counts, engine);
      table.push([`${engine} (SQL, in process memory)`.replace(' (SQL, in process memory)', engine === 'postgres' ? ' (SQL, server)' : ' (SQL, embedded)'), String(js.rows), (r.ms / 1000).toFixed(2), Math.round(js.rows / (r.ms / 1000)).toLocaleString('en'), Math.round(evals / (r.ms / 1000)).toLocaleString('en'), (js.ms / r.ms).toFixed(2), (loadMs / 1000).toFixed(1), engine === 'postgres' ? '(server)' : String(mb(r.peak))]);
      json[`${engine}RowsPerS`] = Math.round(js.rows / (r.ms / 1000));
      log(`${engine}: verdicts agree with in-process; ${(r.ms / 1000).toFixed(2)} s wall, ${(r.cpuMs / 1000).toFixed(2)} s CPU (loading the register ${(loadMs / 1000).toFixed(1)} s), load average ${load()}`);
      if (engine === 'duckdb' && BIG > 0) {
        // The big register is a flat Parquet file read by a fresh DuckDB (the fair layout for it):
        // the 1M register copied under new ids, so every count is a multiple of the in-process one.
        const copies = Math.ceil(BIG / js.rows);
        const parquet = join(tmpdir(), `guiyan-register-${js.rows * copies}.parquet`);
        if (!existsSync(parquet)) await s.exec(`COPY (SELECT * REPLACE (id || '-' || CAST(k AS VARCHAR) AS id) FROM register, range(${copies}) AS t(k)) TO '${parquet}' (FORMAT parquet)`);
        const big = await openDuckDb();
        try {
          await big.exec(`CREATE VIEW register_big AS SELECT * FROM read_parquet('${parquet}')`);
          const r = await sqlCounts(big, policies, 'register_big');
          for (const [k, v] of js.counts) if (r.counts.get(k) !== v * copies) throw new Error(`10M: ${k} ${r.counts.get(k)} ≠ ${v * copies}`);
          const [mem] = await big.all('SELECT SUM(memory_usage_bytes) AS b FROM duckdb_memory()');
          const rows = js.rows * copies;
          table.push([`duckdb, ${rows.toLocaleString('en')} people (Parquet)`, String(rows), (r.ms / 1000).toFixed(2), Math.round(rows / (r.ms / 1000)).toLocaleString('en'), Math.round((rows * inForce) / (r.ms / 1000)).toLocaleString('en'), '—', '—', String(mb(r.peak))]);
          json.duckdbBigMs = Math.round(r.ms);
          json.duckdbBigCpuMs = Math.round(r.cpuMs);
          json.duckdbBigPeakRssMb = mb(r.peak);
          log(`duckdb ${rows} × ${inForce} policies (Parquet, ${mb(statSync(parquet).size)} MB): ${(r.ms / 1000).toFixed(1)} s wall, ${(r.cpuMs / 1000).toFixed(1)} s CPU (all threads), load average ${load()}, peak RSS ${mb(r.peak)} MB, DuckDB buffers ${mb(Number(mem?.b ?? 0))} MB after the run`);
        } finally {
          await big.close();
        }
      }
    } finally {
      if (engine === 'postgres') await s.exec('DROP SCHEMA guiyan_bench CASCADE');
      await s.close();
    }
  }
  const head = ['engine', 'people', 's', 'people/s', 'rule evaluations/s', '× in-process', 'load s', 'peak RSS MB'];
  const w = head.map((h, i) => Math.max(h.length, ...table.map((r) => r[i]!.length)));
  const line = (r: string[]) => `| ${r.map((c, i) => (i === 0 ? c.padEnd(w[i]!) : c.padStart(w[i]!))).join(' | ')} |`;
  console.log([line(head), `|${w.map((n, i) => (i === 0 ? '-'.repeat(n + 2) : `${'-'.repeat(n + 1)}:`)).join('|')}|`, ...table.map(line)].join('\n'));
  console.log(JSON.stringify(json));
}

main().catch((e) => {
  log(`bench register: ${(e as Error).stack ?? e}`);
  process.exitCode = 1;
});
