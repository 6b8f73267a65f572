import type { Db } from './db.js';

/**
 * One schema for SQLite and PostgreSQL, in numbered migrations applied in order and recorded in
 * `schema_migrations`. `{serial}` is an auto-numbered key in either dialect. Append a migration for
 * a change; never edit one that has shipped. `{without_rowid}` clusters SQLite tables on their key
 * (PostgreSQL has no such clause), which halves the writes of a first run.
 */
export const MIGRATIONS: readonly { version: number; sql: string }[] = [
  {
    version: 1,
    sql: `
CREATE TABLE store_meta (key TEXT PRIMARY KEY, value TEXT NOT NULL);
CREATE TABLE rules (policy_id TEXT PRIMARY KEY, hash TEXT NOT NULL);
-- One row per person screened. No names, phones or other profile fields: only what the next run compares.
-- fingerprint: the person's register line and the run's rules and day, hashed; equal next time, nothing can have changed.
CREATE TABLE people (profile_id TEXT PRIMARY KEY, region_code TEXT, sent TEXT, fingerprint TEXT){without_rowid};
CREATE INDEX people_fingerprint ON people (fingerprint);
-- The last verdict per person and policy, under the rule version (hash) it was computed with.
CREATE TABLE verdicts (
  profile_id TEXT NOT NULL,
  policy_id TEXT NOT NULL,
  status TEXT NOT NULL CHECK (status IN ('eligible', 'unknown', 'ineligible')),
  hash TEXT NOT NULL,
  amount TEXT,
  missing TEXT,
  told TEXT,
  pushed_at TEXT,
  officer_id TEXT,
  PRIMARY KEY (profile_id, policy_id)
){without_rowid};
CREATE TABLE follow_ups (
  profile_id TEXT NOT NULL,
  policy_id TEXT NOT NULL,
  day_offset INTEGER NOT NULL,
  due TEXT NOT NULL,
  done TEXT,
  PRIMARY KEY (profile_id, policy_id, day_offset)
){without_rowid};
-- Deliveries planned and not yet handed over keep their recipient; it is cleared once told or sent.
CREATE TABLE outbox (
  seq {serial},
  id TEXT NOT NULL UNIQUE,
  profile_id TEXT NOT NULL,
  policy_ids TEXT NOT NULL,
  channel TEXT NOT NULL,
  recipient TEXT,
  body TEXT NOT NULL,
  send_at TEXT NOT NULL,
  kinds TEXT NOT NULL,
  locale TEXT NOT NULL,
  planned_at TEXT NOT NULL,
  told_at TEXT,
  sent_at TEXT
);
CREATE INDEX outbox_untold ON outbox (seq) WHERE told_at IS NULL;
CREATE TABLE outcomes (
  seq {serial},
  profile_id TEXT NOT NULL,
  policy_id TEXT NOT NULL,
  outcome TEXT NOT NULL CHECK (outcome IN ('applied', 'granted', 'rejected', 'no-response', 'not-interested')),
  amount DOUBLE PRECISION,
  at TEXT NOT NULL,
  rating INTEGER CHECK (rating BETWEEN 1 AND 5),
  department TEXT,
  officer_id TEXT
);
CREATE INDEX outcomes_person ON outcomes (profile_id, policy_id);
CREATE TABLE leases (name TEXT PRIMARY KEY, holder TEXT NOT NULL, pid INTEGER, host TEXT, since TEXT NOT NULL, expires_at DOUBLE PRECISION NOT NULL);
`,
  },
  {
    // Records with nothing told and no history (most unknowns) repeat across a register: each is
    // stored once in quiet_records, and a person's row lists theirs by number (\`people.quiet\`, e.g.
    // "3,17"), instead of a verdict row each. Verdict rows written before stay readable where they are.
    version: 2,
    sql: `
CREATE TABLE quiet_records (id {serial}, body TEXT NOT NULL UNIQUE);
ALTER TABLE people ADD COLUMN quiet TEXT;
`,
  },
];

export const SCHEMA_VERSION = MIGRATIONS[MIGRATIONS.length - 1]!.version;

const serial = (db: Db) => (db.dialect === 'sqlite' ? 'INTEGER PRIMARY KEY' : 'BIGINT GENERATED ALWAYS AS IDENTITY PRIMARY KEY');

/**
 * Brings the schema up to date in one transaction (two processes opening a new store at once
 * apply it once). Refuses a store written by a newer version.
 */
export async function migrate(db: Db): Promise<number> {
  return db.tx(async () => {
    if (db.dialect === 'postgres') await db.all(`SELECT pg_advisory_xact_lock(hashtext(current_schema() || '.migrate'))`);
    await db.exec('CREATE TABLE IF NOT EXISTS schema_migrations (version INTEGER PRIMARY KEY, applied_at TEXT NOT NULL)');
    const rows = await db.all<{ v: number | null }>('SELECT MAX(version) AS v FROM schema_migrations');
    const current = Number(rows[0]?.v ?? 0);
    if (current > SCHEMA_VERSION) throw new Error(`the store has schema version ${current}, newer than this guiyan knows (${SCHEMA_VERSION}); upgrade guiyan`);
    for (const m of MIGRATIONS) {
      if (m.version <= current) continue;
      await db.exec(m.sql.replaceAll('{serial}', serial(db)).replaceAll('{without_rowid}', db.dialect === 'sqlite' ? ' WITHOUT ROWID' : ''));
      await db.run('INSERT INTO schema_migrations (version, applied_at) VALUES (?, ?)', [m.version, new Date().toISOString()]);
    }
    return SCHEMA_VERSION;
  });
}
