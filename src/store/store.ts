import { appendFileSync } from 'node:fs';
import { hostname } from 'node:os';
import { randomUUID } from 'node:crypto';
import type { Delivery, PolicyEntry, ProfileEntry, ScreenState } from '../screen/types.js';
import type { SentLedger } from '../screen/send.js';
import type { FunnelRow } from '../followup/funnel.js';
import type { DueFollowUp } from '../followup/tasks.js';
import type { FollowUpTask, Outcome } from '../followup/types.js';
import { OUTCOMES } from '../followup/types.js';
import { inList, type Db } from './db.js';
import { migrate } from './schema.js';
import { isQuiet, QuietRecords } from './quiet.js';
import { MIN_RATINGS, type OutcomeEntry, type RunBatch, type RunLease, type ScoreRow, type ScreenStore } from './types.js';

/** Another run holds the store. */
export class StoreBusyError extends Error {
  override name = 'StoreBusyError';
}

/** A `RangeError` for what the store does not hold; the CLI reports it as bad input. */
export class StoreInputError extends RangeError {
  override name = 'StoreInputError';
}

const LEASE = 'screen';
/** A SQLite lease not renewed for this long is free even when its holder looks alive. */
const LEASE_MS = 60_000;
const FINAL: ReadonlySet<Outcome> = new Set(['granted', 'rejected', 'not-interested']);

const json = (v: unknown) => (v === undefined ? null : JSON.stringify(v));
const parse = <T>(v: unknown): T | undefined => (typeof v === 'string' ? (JSON.parse(v) as T) : undefined);

function pidAlive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch (e) {
    return (e as NodeJS.ErrnoException).code === 'EPERM';
  }
}

const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

interface VerdictRow {
  profile_id: string;
  policy_id: string;
  status: PolicyEntry['status'];
  hash: string;
  amount: string | null;
  missing: string | null;
  told: string | null;
  pushed_at: string | null;
  officer_id: string | null;
}

interface OutboxRow {
  id: string;
  profile_id: string;
  policy_ids: string;
  channel: Delivery['channel'];
  recipient: string | null;
  body: string;
  send_at: string;
  kinds: string;
  locale: Delivery['locale'];
}

const toDelivery = (r: OutboxRow): Delivery => ({ id: r.id, profileId: r.profile_id, policyIds: JSON.parse(r.policy_ids) as string[], channel: r.channel, to: r.recipient ?? '', text: r.body, sendAt: r.send_at, kinds: JSON.parse(r.kinds) as Delivery['kinds'], locale: r.locale });

/** The store on any `Db`: the SQL is the same for both dialects apart from `inList` and the lease. */
export class SqlStore implements ScreenStore {
  readonly kind: 'sqlite' | 'postgres';
  private readonly quiet: QuietRecords;
  private constructor(private readonly db: Db) {
    this.kind = db.dialect;
    this.quiet = new QuietRecords(db);
  }

  /** Wraps an open connection, bringing its schema up to date. */
  static async on(db: Db): Promise<SqlStore> {
    await migrate(db);
    return new SqlStore(db);
  }

  async acquire({ waitMs = 0 }: { waitMs?: number } = {}): Promise<RunLease> {
    const until = Date.now() + waitMs;
    for (;;) {
      const lease = await this.tryAcquire();
      if (typeof lease !== 'string') return lease;
      if (Date.now() >= until) throw new StoreBusyError(lease);
      await sleep(Math.min(250, Math.max(10, until - Date.now())));
    }
  }

  /** The lease, or why it cannot be had. */
  private async tryAcquire(): Promise<RunLease | string> {
    const db = this.db;
    const holder = randomUUID();
    const now = Date.now();
    const self = { pid: process.pid, host: hostname(), since: new Date(now).toISOString() };
    const busy = (r: { pid: number | null; host: string | null; since: string } | undefined) =>
      `the store is busy: another screening run${r ? ` (process ${r.pid ?? '?'} on ${r.host ?? '?'}, since ${r.since})` : ''} is using it; try again when it ends, or pass --wait SECONDS`;
    if (db.dialect === 'postgres') {
      // A session lock: the server frees it the moment the holder's connection ends, crash or not.
      const [got] = await db.all<{ ok: boolean }>(`SELECT pg_try_advisory_lock(hashtext(current_schema() || '.screen')) AS ok`);
      if (!got?.ok) {
        const [r] = await db.all<{ pid: number | null; host: string | null; since: string }>('SELECT pid, host, since FROM leases WHERE name = ?', [LEASE]);
        return busy(r);
      }
      await db.tx(async () => {
        await db.run('DELETE FROM leases WHERE name = ?', [LEASE]);
        await db.run('INSERT INTO leases (name, holder, pid, host, since, expires_at) VALUES (?, ?, ?, ?, ?, ?)', [LEASE, holder, self.pid, self.host, self.since, now + LEASE_MS]);
      });
      return {
        holder,
        release: async () => {
          await db.run('DELETE FROM leases WHERE name = ? AND holder = ?', [LEASE, holder]);
          await db.all(`SELECT pg_advisory_unlock(hashtext(current_schema() || '.screen'))`);
        },
      };
    }
    const refused = await db.tx(async () => {
      const [r] = await db.all<{ holder: string; pid: number | null; host: string | null; since: string; expires_at: number }>('SELECT holder, pid, host, since, expires_at FROM leases WHERE name = ?', [LEASE]);
      // Free when it ran out, or its holder on this machine is gone (killed runs do not wait a minute).
      const held = r && r.expires_at > now && !(r.host === self.host && r.pid !== null && !pidAlive(r.pid));
      if (held) return busy(r);
      await db.run('DELETE FROM leases WHERE name = ?', [LEASE]);
      await db.run('INSERT INTO leases (name, holder, pid, host, since, expires_at) VALUES (?, ?, ?, ?, ?, ?)', [LEASE, holder, self.pid, self.host, self.since, now + LEASE_MS]);
      return undefined;
    });
    if (refused) return refused;
    return { holder, release: async () => void (await db.run('DELETE FROM leases WHERE name = ? AND holder = ?', [LEASE, holder])) };
  }

  /** Inside a write transaction: renews the lease, or throws when another run took it over. */
  private async renew(lease: RunLease): Promise<void> {
    const n = await this.db.run('UPDATE leases SET expires_at = ? WHERE name = ? AND holder = ?', [Date.now() + LEASE_MS, LEASE, lease.holder]);
    if (n !== 1) throw new StoreBusyError('this run lost its hold on the store (it stalled past the lease and another run took over); nothing of this batch was stored');
  }

  async previousRules(): Promise<Record<string, string>> {
    const rules: Record<string, string> = Object.create(null) as Record<string, string>;
    for (const r of await this.db.all<{ policy_id: string; hash: string }>('SELECT policy_id, hash FROM rules')) rules[r.policy_id] = r.hash;
    return rules;
  }

  async loadPeople(ids: readonly string[]): Promise<Map<string, ProfileEntry>> {
    const out = new Map<string, ProfileEntry>();
    if (ids.length === 0) return out;
    const db = this.db;
    const where = inList(db, 'profile_id', ids);
    const rows = await db.all<{ profile_id: string; region_code: string | null; sent: string | null; quiet: string | null }>(`SELECT profile_id, region_code, sent, quiet FROM people WHERE ${where.sql}`, [where.param]);
    if (rows.length === 0) return out;
    const readQuiet = await this.quiet.reader(rows.flatMap((r) => (r.quiet ? [r.quiet] : [])));
    for (const r of rows) {
      const e: ProfileEntry = { policies: {} };
      if (r.region_code !== null) e.regionCode = r.region_code;
      if (r.sent !== null) e.sent = JSON.parse(r.sent) as ProfileEntry['sent'];
      if (r.quiet) readQuiet(r.quiet, e.policies);
      out.set(r.profile_id, e);
    }
    for (const r of await db.all<VerdictRow>(`SELECT profile_id, policy_id, status, hash, amount, missing, told, pushed_at, officer_id FROM verdicts WHERE ${where.sql}`, [where.param])) {
      const p: PolicyEntry = { status: r.status, hash: r.hash, notified: parse<string[]>(r.told) ?? [] };
      const amount = parse<PolicyEntry['amount']>(r.amount);
      if (amount) p.amount = amount;
      const missing = parse<string[]>(r.missing);
      if (missing) p.missing = missing;
      if (r.pushed_at !== null) p.pushedAt = r.pushed_at;
      // '' records "assigned to nobody" (null), as against never assigned (no value).
      if (r.officer_id !== null) p.officerId = r.officer_id === '' ? null : r.officer_id;
      const person = out.get(r.profile_id);
      if (person) person.policies[r.policy_id] = p;
    }
    for (const r of await db.all<{ profile_id: string; policy_id: string; day_offset: number; due: string; done: string | null }>(`SELECT profile_id, policy_id, day_offset, due, done FROM follow_ups WHERE ${where.sql} ORDER BY profile_id, policy_id, day_offset`, [where.param])) {
      const p = out.get(r.profile_id)?.policies[r.policy_id];
      if (!p) continue;
      const t: FollowUpTask = { due: r.due, offset: Number(r.day_offset) };
      if (r.done !== null) t.done = r.done;
      (p.followUps ??= []).push(t);
    }
    return out;
  }

  async peopleByFingerprint(fingerprints: readonly string[]): Promise<Map<string, string>> {
    const out = new Map<string, string>();
    if (fingerprints.length === 0) return out;
    const where = inList(this.db, 'fingerprint', fingerprints);
    for (const r of await this.db.all<{ profile_id: string; fingerprint: string }>(`SELECT profile_id, fingerprint FROM people WHERE ${where.sql}`, [where.param])) out.set(r.fingerprint, r.profile_id);
    return out;
  }

  /** A write transaction that may number quiet records: the numbers stay known only once it commits. */
  private async writeTx<T>(fn: () => Promise<T>): Promise<T> {
    let committed = false;
    try {
      const out = await this.db.tx(fn);
      committed = true;
      return out;
    } finally {
      this.quiet.settle(committed);
    }
  }

  async commitBatch(lease: RunLease, batch: RunBatch): Promise<void> {
    const db = this.db;
    await this.writeTx(async () => {
      await this.renew(lease);
      await this.writePeople(batch.people, batch.known);
      await db.runMany('UPDATE people SET fingerprint = ? WHERE profile_id = ?', (batch.touched ?? []).map(([id, fp]) => [fp, id]));
      const plannedAt = new Date().toISOString();
      // An id already there is the same delivery planned before a crash: the first stays.
      await db.runMany(
        'INSERT INTO outbox (id, profile_id, policy_ids, channel, recipient, body, send_at, kinds, locale, planned_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?) ON CONFLICT (id) DO NOTHING',
        batch.deliveries.map((d) => [d.id, d.profileId, JSON.stringify(d.policyIds), d.channel, d.to, d.text, d.sendAt, JSON.stringify(d.kinds), d.locale, plannedAt]),
      );
      crashPoint('commit');
    });
    crashPoint('committed');
  }

  private async writePeople(people: RunBatch['people'], known: ReadonlySet<string>): Promise<void> {
    const db = this.db;
    const old = people.filter(([id]) => known.has(id)).map(([id]) => id);
    if (old.length) {
      const where = inList(db, 'profile_id', old);
      await db.run(`DELETE FROM verdicts WHERE ${where.sql}`, [where.param]);
    }
    const verdicts: unknown[][] = [];
    const tasks: unknown[][] = [];
    const quiet: string[][] = [];
    const bodies = new Set<string>();
    for (const [id, e] of people) {
      const mine: string[] = [];
      for (const policyId in e.policies) {
        const p = e.policies[policyId]!;
        if (isQuiet(p)) {
          const b = this.quiet.body(policyId, p);
          mine.push(b);
          bodies.add(b);
          continue;
        }
        verdicts.push([id, policyId, p.status, p.hash, json(p.amount), p.missing?.length ? JSON.stringify(p.missing) : null, p.notified.length ? JSON.stringify(p.notified) : null, p.pushedAt ?? null, p.officerId === undefined ? null : (p.officerId ?? '')]);
        for (const t of p.followUps ?? []) tasks.push([id, policyId, t.offset, t.due, t.done ?? null]);
      }
      quiet.push(mine);
    }
    const number = await this.quiet.number(bodies);
    const rows = people.map(([id, e, fp], i) => [id, e.regionCode ?? null, e.sent ? JSON.stringify(e.sent) : null, fp ?? null, quiet[i]!.length ? quiet[i]!.map((b) => number.get(b)).join(',') : null]);
    await db.runMany(
      'INSERT INTO people (profile_id, region_code, sent, fingerprint, quiet) VALUES (?, ?, ?, ?, ?) ON CONFLICT (profile_id) DO UPDATE SET region_code = excluded.region_code, sent = excluded.sent, fingerprint = excluded.fingerprint, quiet = excluded.quiet',
      rows,
    );
    await db.runMany('INSERT INTO verdicts (profile_id, policy_id, status, hash, amount, missing, told, pushed_at, officer_id) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)', verdicts);
    // Follow-ups are only added here: closing them is the officers' (recordOutcome), never undone by a run.
    await db.runMany('INSERT INTO follow_ups (profile_id, policy_id, day_offset, due, done) VALUES (?, ?, ?, ?, ?) ON CONFLICT (profile_id, policy_id, day_offset) DO NOTHING', tasks);
  }

  async finishRun(lease: RunLease, run: { rules: Record<string, string>; asOf: string }): Promise<void> {
    const db = this.db;
    await db.tx(async () => {
      await this.renew(lease);
      await db.run('DELETE FROM rules');
      await db.runMany('INSERT INTO rules (policy_id, hash) VALUES (?, ?)', Object.entries(run.rules));
      await db.run('INSERT INTO store_meta (key, value) VALUES (?, ?) ON CONFLICT (key) DO UPDATE SET value = excluded.value', ['asOf', run.asOf]);
    });
  }

  async *untold(): AsyncGenerator<Delivery> {
    // Pages by sequence number: never the whole outbox in memory.
    let after = -1;
    for (;;) {
      const rows = await this.db.all<OutboxRow & { seq: number | string }>('SELECT seq, id, profile_id, policy_ids, channel, recipient, body, send_at, kinds, locale FROM outbox WHERE told_at IS NULL AND seq > ? ORDER BY seq LIMIT 2000', [after]);
      for (const r of rows) yield toDelivery(r);
      if (rows.length < 2000) return;
      after = Number(rows[rows.length - 1]!.seq);
    }
  }

  async markTold(lastId: string, at: string): Promise<number> {
    const db = this.db;
    return db.tx(async () => {
      const [r] = await db.all<{ seq: number | string }>('SELECT seq FROM outbox WHERE id = ?', [lastId]);
      if (!r) return 0;
      return db.run('UPDATE outbox SET told_at = ?, recipient = NULL WHERE told_at IS NULL AND seq <= ?', [at, r.seq]);
    });
  }

  ledger(): SentLedger {
    const db = this.db;
    return {
      has: async (id) => (await db.all('SELECT 1 AS x FROM outbox WHERE id = ? AND sent_at IS NOT NULL', [id])).length > 0,
      add: async (id, at) => void (await db.run('UPDATE outbox SET sent_at = ?, told_at = COALESCE(told_at, ?), recipient = NULL WHERE id = ?', [at.toISOString(), at.toISOString(), id])),
    };
  }

  async officerLoad(): Promise<Record<string, number>> {
    const load: Record<string, number> = {};
    const rows = await this.db.all<{ officer_id: string; n: number | string }>(
      `SELECT v.officer_id, COUNT(*) AS n FROM verdicts v WHERE v.officer_id IS NOT NULL AND v.officer_id <> '' AND EXISTS (SELECT 1 FROM follow_ups f WHERE f.profile_id = v.profile_id AND f.policy_id = v.policy_id AND f.done IS NULL) GROUP BY v.officer_id`,
    );
    for (const r of rows) load[r.officer_id] = Number(r.n);
    return load;
  }

  async recordOutcome(o: OutcomeEntry): Promise<void> {
    if (!OUTCOMES.includes(o.outcome)) throw new StoreInputError(`unknown outcome ${String(o.outcome)}; one of ${OUTCOMES.join(', ')}`);
    if (o.rating !== undefined && !(Number.isInteger(o.rating) && o.rating >= 1 && o.rating <= 5)) throw new StoreInputError('a rating is a whole number from 1 to 5');
    const db = this.db;
    await db.tx(async () => {
      const found = await db.all('SELECT 1 AS x FROM verdicts WHERE profile_id = ? AND policy_id = ?', [o.profileId, o.policyId]);
      if (found.length === 0) throw new StoreInputError(`no screening record for this person and policy ${o.policyId}`);
      await db.run('INSERT INTO outcomes (profile_id, policy_id, outcome, amount, at, rating, department, officer_id) VALUES (?, ?, ?, ?, ?, ?, ?, ?)', [o.profileId, o.policyId, o.outcome, o.amount ?? null, o.at, o.rating ?? null, o.department ?? null, o.officerId ?? null]);
      // A final outcome closes every open call-back; others close those already due.
      if (FINAL.has(o.outcome)) await db.run('UPDATE follow_ups SET done = ? WHERE profile_id = ? AND policy_id = ? AND done IS NULL', [o.at, o.profileId, o.policyId]);
      else await db.run('UPDATE follow_ups SET done = ? WHERE profile_id = ? AND policy_id = ? AND done IS NULL AND due <= ?', [o.at, o.profileId, o.policyId, o.at.slice(0, 10)]);
    });
  }

  async funnel(by: 'policy' | 'region'): Promise<FunnelRow[]> {
    const key = by === 'policy' ? 'v.policy_id' : `COALESCE(p.region_code, '—')`;
    const same = 'o.profile_id = v.profile_id AND o.policy_id = v.policy_id';
    const rows = await this.db.all<Record<string, number | string | null>>(`
SELECT k, COUNT(*) AS pushed,
  SUM(CASE WHEN applied > 0 THEN 1 ELSE 0 END) AS applied,
  SUM(CASE WHEN granted > 0 THEN 1 ELSE 0 END) AS granted,
  SUM(CASE WHEN granted = 0 AND last_outcome = 'rejected' THEN 1 ELSE 0 END) AS rejected,
  SUM(CASE WHEN granted = 0 AND last_outcome = 'no-response' THEN 1 ELSE 0 END) AS no_response,
  SUM(CASE WHEN granted = 0 AND last_outcome = 'not-interested' THEN 1 ELSE 0 END) AS not_interested,
  SUM(COALESCE(granted_amount, 0)) AS granted_amount
FROM (
  SELECT ${key} AS k,
    (SELECT COUNT(*) FROM outcomes o WHERE ${same} AND o.outcome IN ('applied', 'granted', 'rejected')) AS applied,
    (SELECT COUNT(*) FROM outcomes o WHERE ${same} AND o.outcome = 'granted') AS granted,
    (SELECT o.amount FROM outcomes o WHERE ${same} AND o.outcome = 'granted' ORDER BY o.seq DESC LIMIT 1) AS granted_amount,
    (SELECT o.outcome FROM outcomes o WHERE ${same} ORDER BY o.seq DESC LIMIT 1) AS last_outcome
  FROM verdicts v JOIN people p ON p.profile_id = v.profile_id
  WHERE v.pushed_at IS NOT NULL
) t
GROUP BY k`);
    return rows
      .map((r) => ({ key: String(r.k), pushed: Number(r.pushed), applied: Number(r.applied), granted: Number(r.granted), rejected: Number(r.rejected), noResponse: Number(r.no_response), notInterested: Number(r.not_interested), grantedAmount: Number(r.granted_amount) }))
      .sort((a, b) => b.pushed - a.pushed || (a.key < b.key ? -1 : 1));
  }

  async scores(by: 'department' | 'officer'): Promise<ScoreRow[]> {
    const col = by === 'department' ? 'department' : 'officer_id';
    const rows = await this.db.all<{ k: string; n: number | string; score: number | string }>(`SELECT ${col} AS k, COUNT(*) AS n, AVG(rating) AS score FROM outcomes WHERE rating IS NOT NULL AND ${col} IS NOT NULL GROUP BY ${col}`);
    return rows
      .map((r) => {
        const ratings = Number(r.n);
        return { key: r.k, ratings, score: ratings >= MIN_RATINGS ? Math.round(Number(r.score) * 100) / 100 : null };
      })
      .sort((a, b) => b.ratings - a.ratings || (a.key < b.key ? -1 : 1));
  }

  async followUpsDue(on: string): Promise<DueFollowUp[]> {
    const rows = await this.db.all<{ profile_id: string; policy_id: string; day_offset: number; due: string; officer_id: string | null; region_code: string | null }>(
      `SELECT f.profile_id, f.policy_id, f.day_offset, f.due, v.officer_id, p.region_code FROM follow_ups f
       LEFT JOIN verdicts v ON v.profile_id = f.profile_id AND v.policy_id = f.policy_id
       LEFT JOIN people p ON p.profile_id = f.profile_id
       WHERE f.done IS NULL AND f.due <= ? ORDER BY f.due, f.profile_id, f.policy_id`,
      [on],
    );
    return rows.map((r) => ({ due: r.due, offset: Number(r.day_offset), profileId: r.profile_id, policyId: r.policy_id, officerId: r.officer_id || null, ...(r.region_code ? { regionCode: r.region_code } : {}) }));
  }

  async importState(lease: RunLease, state: ScreenState): Promise<{ people: number; records: number; outcomes: number }> {
    const db = this.db;
    const [c] = await db.all<{ n: number | string }>('SELECT COUNT(*) AS n FROM people');
    if (Number(c?.n) > 0) throw new StoreInputError(`the store already holds ${Number(c!.n)} people; import a state into a new store`);
    let people = 0;
    let records = 0;
    let outcomes = 0;
    let batch: [string, ProfileEntry][] = [];
    const none = new Set<string>();
    const flush = async () => {
      const list = batch;
      batch = [];
      await this.writeTx(async () => {
        await this.renew(lease);
        await this.writePeople(list, none);
        const rows: unknown[][] = [];
        for (const [id, e] of list)
          for (const policyId in e.policies) for (const o of e.policies[policyId]!.outcomes ?? []) rows.push([id, policyId, o.outcome, o.amount ?? null, o.at]);
        outcomes += rows.length;
        await db.runMany('INSERT INTO outcomes (profile_id, policy_id, outcome, amount, at) VALUES (?, ?, ?, ?, ?)', rows);
      });
    };
    for (const id in state.profiles) {
      const e = state.profiles[id]!;
      people++;
      for (const _ in e.policies) records++;
      batch.push([id, e]);
      if (batch.length >= 1000) await flush();
    }
    await flush();
    await this.finishRun(lease, { rules: { ...state.rules }, asOf: state.asOf ?? '' });
    return { people, records, outcomes };
  }

  async counts() {
    const [r] = await this.db.all<Record<string, number | string>>(
      `SELECT (SELECT COUNT(*) FROM people) AS people, (SELECT COUNT(*) FROM verdicts) + (SELECT COALESCE(SUM(LENGTH(quiet) - LENGTH(REPLACE(quiet, ',', '')) + 1), 0) FROM people) AS verdicts, (SELECT COUNT(*) FROM outbox) AS outbox,
              (SELECT COUNT(*) FROM outbox WHERE told_at IS NULL) AS untold, (SELECT COUNT(*) FROM outcomes) AS outcomes`,
    );
    return { people: Number(r!.people), verdicts: Number(r!.verdicts), outbox: Number(r!.outbox), untold: Number(r!.untold), outcomes: Number(r!.outcomes) };
  }

  close(): Promise<void> {
    return this.db.close();
  }
}

/**
 * Crash testing: `GUIYAN_CRASH_AT=N` kills the process with SIGKILL at the N-th crash point it
 * reaches (inside a batch transaction before its commit, right after a commit, and around the
 * deliveries file), as a power cut or an OOM kill would. `GUIYAN_CRASH_COUNT=FILE` appends the name
 * of each point reached, so a test knows how many there are. Unset, this costs two lookups a batch.
 */
let crashes = 0;
export function crashPoint(name: string): void {
  const at = process.env.GUIYAN_CRASH_AT;
  const log = process.env.GUIYAN_CRASH_COUNT;
  if (!at && !log) return;
  crashes++;
  if (log) appendFileSync(log, `${name}\n`);
  if (at && crashes === Number(at)) process.kill(process.pid, 'SIGKILL');
}
