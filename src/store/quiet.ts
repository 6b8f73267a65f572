import type { PolicyEntry } from '../screen/types.js';
import { inList, type Db } from './db.js';

/**
 * A record with nothing told and no history (most unknowns): only the next run reads it, whole.
 * Such records repeat across a register (100 000 people had 142 distinct ones among 460 000), so
 * each is stored once in `quiet_records` and a person's row lists theirs by number
 * (`people.quiet`, e.g. "3,17") instead of a verdict row each.
 */
export const isQuiet = (p: PolicyEntry): boolean =>
  p.notified.length === 0 && p.pushedAt === undefined && p.followUps === undefined && p.officerId === undefined && p.outcomes === undefined;

type Body = [policyId: string, status: PolicyEntry['status'], hash: string, min: number | null, max: number | null, unit: string | null, ...missing: string[]];

/** The stored text of a quiet record: its policy, status, rule hash, amount and missing fields. */
export const quietBody = (policyId: string, p: PolicyEntry): string =>
  JSON.stringify([policyId, p.status, p.hash, p.amount?.min ?? null, p.amount?.max ?? null, p.amount?.unit ?? null, ...(p.missing ?? [])] satisfies Body);

const NOTHING_TOLD = Object.freeze([]) as unknown as string[];

function decode(body: string): { policyId: string; entry: PolicyEntry } {
  const r = JSON.parse(body) as Body;
  const entry: PolicyEntry = { status: r[1], hash: r[2], notified: NOTHING_TOLD };
  if (r[3] !== null && r[4] !== null && r[5] !== null) entry.amount = Object.freeze({ min: r[3], max: r[4], unit: r[5] });
  if (r.length > 6) entry.missing = Object.freeze(r.slice(6) as string[]) as string[];
  // One frozen copy per record number: equal records of many people are one object, as in screening.
  return { policyId: r[0], entry: Object.freeze(entry) };
}

/** Bodies and entries kept in memory per store; past this many, the caches start over. */
const CACHE_LIMIT = 100_000;

/** Numbers quiet records (inside the caller's write transaction) and reads them back. */
export class QuietRecords {
  private readonly ids = new Map<string, number>();
  private readonly entries = new Map<number, { policyId: string; entry: PolicyEntry }>();
  private readonly bodies = new WeakMap<PolicyEntry, string>();
  private pending = new Map<string, number>();

  constructor(private readonly db: Db) {}

  body(policyId: string, p: PolicyEntry): string {
    // Screening shares frozen records across people: each is encoded once.
    if (!Object.isFrozen(p)) return quietBody(policyId, p);
    let b = this.bodies.get(p);
    if (b === undefined) this.bodies.set(p, (b = quietBody(policyId, p)));
    return b;
  }

  /** The number of each body, adding those the store lacks. Call inside a write transaction; then `settle`. */
  async number(bodies: ReadonlySet<string>): Promise<Map<string, number>> {
    const out = new Map<string, number>();
    const unknown: string[] = [];
    for (const b of bodies) {
      const id = this.ids.get(b) ?? this.pending.get(b);
      if (id === undefined) unknown.push(b);
      else out.set(b, id);
    }
    if (unknown.length === 0) return out;
    await this.db.runMany('INSERT INTO quiet_records (body) VALUES (?) ON CONFLICT (body) DO NOTHING', unknown.map((b) => [b]));
    const where = inList(this.db, 'body', unknown);
    for (const r of await this.db.all<{ id: number | string; body: string }>(`SELECT id, body FROM quiet_records WHERE ${where.sql}`, [where.param])) {
      out.set(r.body, Number(r.id));
      this.pending.set(r.body, Number(r.id));
    }
    return out;
  }

  /** After the transaction: numbers it added are kept when it committed, forgotten when it rolled back. */
  settle(committed: boolean): void {
    if (committed) {
      if (this.ids.size + this.pending.size > CACHE_LIMIT) this.ids.clear();
      for (const [b, id] of this.pending) this.ids.set(b, id);
    }
    this.pending = new Map();
  }

  /** Adds the quiet records listed in `lists` (values of `people.quiet`) to `into`, one call per person. */
  async reader(lists: readonly string[]): Promise<(list: string, into: Record<string, PolicyEntry>) => void> {
    const numbers = (all: boolean) => {
      const want = new Set<number>();
      for (const l of lists) for (const n of l.split(',')) if (all || !this.entries.has(Number(n))) want.add(Number(n));
      return want;
    };
    let want = numbers(false);
    if (want.size) {
      if (this.entries.size + want.size > CACHE_LIMIT) this.entries.clear(), (want = numbers(true));
      const where = inList(this.db, 'id', [...want], 'bigint');
      for (const r of await this.db.all<{ id: number | string; body: string }>(`SELECT id, body FROM quiet_records WHERE ${where.sql}`, [where.param])) this.entries.set(Number(r.id), decode(r.body));
      // A number the store does not hold would drop a record silently, and tell someone twice.
      for (const n of want) if (!this.entries.has(n)) throw new Error(`the store is inconsistent: quiet record ${n} is missing`);
    }
    return (list, into) => {
      for (const n of list.split(',')) {
        const r = this.entries.get(Number(n))!;
        into[r.policyId] = r.entry;
      }
    };
  }
}
