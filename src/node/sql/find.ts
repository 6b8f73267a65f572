import { maskText } from '../../core/mask.js';
import type { Policy } from '../../policy/schema.js';
import { toSql, type SqlQuery, type SqlUnsupported } from '../../sql/compile.js';
import { jsonColumns, REGISTER_COLUMNS } from '../../sql/layout.js';
import { openDuckDb, openPostgres, type SqlSession } from './drivers.js';

/**
 * 政策找人 over a register where it lives: the compiled SQL runs in DuckDB (JSON Lines or Parquet
 * files) or PostgreSQL, and only counts and a few masked ids come back.
 */
export interface Register {
  session: SqlSession;
  /** Flat-layout relation the queries read. */
  table: string;
  /** Register columns that exist and hold at least one answer. */
  columns: string[];
  rows: number;
}

const literal = (s: string) => `'${s.replace(/'/g, "''")}'`;

/** What `openRegister` needs to know beyond the location. */
export interface OpenOptions {
  /**
   * Register columns the queries will read (`SqlQuery.columns`, see `columnsRead`): a JSON Lines
   * register loads only these (default all). Parquet and PostgreSQL registers are read where they are.
   */
  columns?: readonly string[];
}

/** The register columns that `find` reads for these policies (and their changed versions). */
export function columnsRead(policies: readonly Policy[], opts: Pick<FindOptions, 'asOf' | 'set' | 'changed'>): string[] {
  const byId = new Map((opts.changed ?? []).map((p) => [p.id, p]));
  const cols = new Set(toSql(policies, { dialect: 'duckdb', asOf: opts.asOf, missing: true }).columns);
  if (opts.set || opts.changed) for (const c of toSql(policies.map((p) => byId.get(p.id) ?? p), { dialect: 'duckdb', asOf: opts.asOf, params: opts.set }).columns) cols.add(c);
  return [...cols];
}

/** Opens `people.jsonl`, `people.parquet` or `postgres://user@host/db/table` as a register. */
export async function openRegister(location: string, opts: OpenOptions = {}): Promise<Register> {
  if (/^postgres(ql)?:\/\//.test(location)) {
    const url = new URL(location);
    const [db, ...rest] = url.pathname.replace(/^\//, '').split('/');
    const table = rest.join('/');
    if (!db || !table || !/^[A-Za-z_][A-Za-z0-9_]*(\.[A-Za-z_][A-Za-z0-9_]*)?$/.test(table)) throw new Error('a PostgreSQL register is named postgres://user@host:port/database/table (or schema.table)');
    url.pathname = `/${db}`;
    const session = await openPostgres(url.toString());
    const [schema, name] = table.includes('.') ? table.split('.') : [null, table];
    const cols = await session.all(
      `SELECT column_name FROM information_schema.columns WHERE table_name = $1 AND table_schema = COALESCE($2::text, current_schema())`,
      [name, schema],
    );
    const names = new Set(cols.map((c) => String(c.column_name)));
    if (!names.has('id')) throw new Error(`table ${table} has no id column (see registerDdl for the layout)`);
    const [{ n }] = (await session.all(`SELECT COUNT(*) AS n FROM ${table.split('.').map((p) => `"${p}"`).join('.')}`)) as [{ n: number }];
    return { session, table, columns: REGISTER_COLUMNS.filter((c) => names.has(c.name)).map((c) => c.name), rows: Number(n) };
  }
  const session = await openDuckDb();
  if (/\.parquet$/i.test(location)) {
    await session.exec(`CREATE VIEW register AS SELECT * FROM read_parquet(${literal(location)})`);
    const names = new Set((await session.all('DESCRIBE register')).map((c) => String(c.column_name)));
    const [{ n }] = (await session.all('SELECT COUNT(*) AS n FROM register')) as [{ n: number }];
    return { session, table: 'register', columns: REGISTER_COLUMNS.filter((c) => names.has(c.name)).map((c) => c.name), rows: Number(n) };
  }
  // JSON Lines: whole profiles, read once into the flat layout (missing keys and nulls kept apart),
  // only the columns the queries read: each one is a path looked up in every document.
  const only = opts.columns ? new Set(opts.columns) : undefined;
  const wanted = REGISTER_COLUMNS.filter((c) => !only || only.has(c.name));
  await session.exec(`CREATE TEMP TABLE register AS SELECT ${jsonColumns('duckdb', 'json', only)} FROM read_ndjson_objects(${literal(location)})`);
  const counts = (await session.all(`SELECT COUNT(*) AS n${wanted.map((c, i) => `, COUNT("${c.name}")${c.none ? ` + COUNT(CASE WHEN "${c.none}" THEN 1 END)` : ''} AS c${i}`).join('')} FROM register`))[0]!;
  return { session, table: 'register', columns: wanted.filter((_c, i) => Number(counts[`c${i}`]) > 0).map((c) => c.name), rows: Number(counts.n) };
}

export interface FindOptions {
  asOf: string | Date;
  /** Eligible ids to list per policy (masked). */
  limit?: number;
  /** 政策沙盘: parameter values to try (policy id → name → value) … */
  set?: Record<string, Record<string, number>>;
  /** … or changed versions of the policies (matched by id). */
  changed?: readonly Policy[];
}

export interface FindPolicy {
  policyId: string;
  counts: { eligible: number; unknown: number; ineligible: number };
  /** Sum of the eligible people's amount ranges. */
  total: { min: number; max: number; unit: string | null };
  eligible: string[];
  /** For the unknown: fields whose answers could settle them, with how many people each concerns. */
  settle: { field: string; people: number }[];
  /** 免申即享-ready: every field the policy reads is a column of the register. */
  ready: boolean;
  absent: string[];
  whatIf?: { gained: number; lost: number; gainedIds: string[]; lostIds: string[]; total: { min: number; max: number }; change: { min: number; max: number } };
}

export interface FindResult {
  asOf: string;
  rows: number;
  policies: FindPolicy[];
  unsupported: SqlUnsupported[];
  notInForce: string[];
  ms: number;
}

async function materialize(s: SqlSession, name: string, q: SqlQuery): Promise<void> {
  await s.exec(`DROP TABLE IF EXISTS ${name}`);
  await s.exec(`CREATE TEMP TABLE ${name} AS ${q.sql}`, q.params);
}

const num = (v: unknown) => (v === null || v === undefined ? 0 : Number(v));

/** Runs the policies over the register and summarises each. */
export async function find(reg: Register, policies: readonly Policy[], opts: FindOptions): Promise<FindResult> {
  const t0 = performance.now();
  const s = reg.session;
  const base = toSql(policies, { dialect: s.dialect, asOf: opts.asOf, table: reg.table, columns: reg.columns, missing: true });
  await materialize(s, 'guiyan_base', base);
  const whatIf = opts.set || opts.changed;
  let changed: SqlQuery | null = null;
  if (whatIf) {
    const byId = new Map((opts.changed ?? []).map((p) => [p.id, p]));
    changed = toSql(policies.map((p) => byId.get(p.id) ?? p), { dialect: s.dialect, asOf: opts.asOf, table: reg.table, columns: reg.columns, params: opts.set });
    await materialize(s, 'guiyan_what_if', changed);
  }
  const groups = await s.all(
    `SELECT policy_id, status, missing, COUNT(*) AS n, SUM(amount_min) AS lo, SUM(amount_max) AS hi, MIN(amount_unit) AS unit FROM guiyan_base GROUP BY policy_id, status, missing`,
  );
  const limit = opts.limit ?? 20;
  const out: FindPolicy[] = [];
  for (const p of base.policies) {
    const mine = groups.filter((g) => g.policy_id === p.id);
    const count = (st: string) => mine.filter((g) => g.status === st).reduce((a, g) => a + num(g.n), 0);
    const elig = mine.filter((g) => g.status === 'eligible');
    const settle = new Map<string, number>();
    for (const g of mine.filter((x) => x.status === 'unknown'))
      for (const f of String(g.missing ?? '').split(',').filter(Boolean)) settle.set(f, (settle.get(f) ?? 0) + num(g.n));
    const ids = await s.all(`SELECT person_id FROM guiyan_base WHERE policy_id = ${s.dialect === 'postgres' ? '$1' : '?'} AND status = 'eligible' ORDER BY person_id LIMIT ${Math.max(0, Math.floor(limit))}`, [p.id]);
    const r: FindPolicy = {
      policyId: p.id,
      counts: { eligible: count('eligible'), unknown: count('unknown'), ineligible: count('ineligible') },
      total: { min: elig.reduce((a, g) => a + num(g.lo), 0), max: elig.reduce((a, g) => a + num(g.hi), 0), unit: (elig.find((g) => g.unit)?.unit as string | undefined) ?? null },
      eligible: ids.map((x) => maskText(String(x.person_id))),
      settle: [...settle].map(([field, people]) => ({ field, people })).sort((a, b) => b.people - a.people || (a.field < b.field ? -1 : 1)),
      ready: p.absent.length === 0,
      absent: p.absent,
    };
    if (changed?.policies.some((c) => c.id === p.id)) r.whatIf = await diff(s, p.id, limit, r.total);
    out.push(r);
  }
  return { asOf: base.asOf, rows: reg.rows, policies: out, unsupported: [...base.unsupported, ...(changed?.unsupported ?? [])], notInForce: base.notInForce, ms: performance.now() - t0 };
}

async function diff(s: SqlSession, id: string, limit: number, before: { min: number; max: number }): Promise<NonNullable<FindPolicy['whatIf']>> {
  const ph = s.dialect === 'postgres' ? '$1' : '?';
  const join = `FROM guiyan_base a JOIN guiyan_what_if b ON a.person_id = b.person_id AND a.policy_id = b.policy_id WHERE a.policy_id = ${ph}`;
  const [agg] = await s.all(
    `SELECT SUM(CASE WHEN b.status = 'eligible' AND a.status <> 'eligible' THEN 1 ELSE 0 END) AS gained, SUM(CASE WHEN a.status = 'eligible' AND b.status <> 'eligible' THEN 1 ELSE 0 END) AS lost, ` +
      `SUM(CASE WHEN b.status = 'eligible' THEN b.amount_min ELSE 0 END) AS lo, SUM(CASE WHEN b.status = 'eligible' THEN b.amount_max ELSE 0 END) AS hi ${join}`,
    [id],
  );
  const ids = async (cond: string) => (await s.all(`SELECT a.person_id ${join} AND ${cond} ORDER BY a.person_id LIMIT ${Math.max(0, Math.floor(limit))}`, [id])).map((x) => maskText(String(x.person_id)));
  const total = { min: num(agg?.lo), max: num(agg?.hi) };
  return {
    gained: num(agg?.gained),
    lost: num(agg?.lost),
    gainedIds: await ids(`b.status = 'eligible' AND a.status <> 'eligible'`),
    lostIds: await ids(`a.status = 'eligible' AND b.status <> 'eligible'`),
    total,
    change: { min: total.min - before.min, max: total.max - before.max },
  };
}
