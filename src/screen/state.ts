import type { PolicyEntry, ProfileEntry, ScreenState } from './types.js';

/**
 * A state with nothing screened yet. Its maps have no prototype, so a person whose id is
 * `__proto__` or `constructor` is just another key.
 */
export const emptyState = (): ScreenState => ({ version: 1, rules: Object.create(null) as ScreenState['rules'], profiles: Object.create(null) as ScreenState['profiles'] });

/** A record's own value for `key`, never one inherited from Object.prototype. */
export function own<T>(record: Readonly<Record<string, T>> | undefined, key: string): T | undefined {
  return record !== undefined && Object.prototype.hasOwnProperty.call(record, key) ? record[key] : undefined;
}

/** Checks that a stored value is a screening state this version can read; fills what compact storage left out. */
export function checkState(value: unknown): ScreenState {
  const s = value as Partial<ScreenState> | null;
  if (!s || typeof s !== 'object' || s.version !== 1 || typeof s.profiles !== 'object' || s.profiles === null || typeof s.rules !== 'object') {
    throw new TypeError('not a screening state (expected { version: 1, rules, profiles })');
  }
  const state = s as ScreenState & { shared?: unknown };
  const shared = Array.isArray(state.shared) ? state.shared.map((p: PolicyEntry) => freezeRecord(expandPolicy(p, undefined))) : [];
  delete state.shared;
  for (const id in state.profiles) expandEntry(own(state.profiles, id)!, state.rules, shared);
  return state;
}

const NOTHING_TOLD = Object.freeze([]) as unknown as string[];

/**
 * Restores, in place, what `compactEntry` leaves out: a rule hash equal to the state's `rules`
 * entry, an empty dedupe record, and records stored once in the state's `shared` table (by index).
 * States written in full pass unchanged.
 */
export function expandEntry(entry: ProfileEntry, rules: Readonly<Record<string, string>>, shared: readonly PolicyEntry[] = []): ProfileEntry {
  for (const policyId in entry.policies) {
    const p = entry.policies[policyId] as PolicyEntry | number;
    if (typeof p === 'number') {
      const record = shared[p];
      if (!record) throw new TypeError(`a record refers to shared entry ${p}, which the state does not hold`);
      entry.policies[policyId] = record;
    } else expandPolicy(p, own(rules, policyId));
  }
  return entry;
}

function expandPolicy(p: Partial<PolicyEntry>, ruleHash: string | undefined): PolicyEntry {
  if (p.hash === undefined) p.hash = ruleHash;
  // Never mutated: a new record always gets a new list (diff.ts).
  if (p.notified === undefined) p.notified = NOTHING_TOLD;
  return p as PolicyEntry;
}

/** Freezes a record shared by many people, with its lists. */
export function freezeRecord(p: PolicyEntry): PolicyEntry {
  Object.freeze(p.notified);
  if (p.missing) Object.freeze(p.missing);
  if (p.amount) Object.freeze(p.amount);
  if (p.followUps) {
    for (const t of p.followUps) Object.freeze(t);
    Object.freeze(p.followUps);
  }
  return Object.freeze(p);
}

/**
 * The records shared by many people (frozen, see `nextEntry`), numbered for storing each once:
 * `compactEntry` writes a person's record as its number, `expandEntry` reads it back.
 */
export function sharedTable(state: ScreenState): Map<PolicyEntry, number> {
  const table = new Map<PolicyEntry, number>();
  for (const id in state.profiles) {
    const policies = state.profiles[id]!.policies;
    for (const policyId in policies) {
      const p = policies[policyId]!;
      if (Object.isFrozen(p) && !table.has(p)) table.set(p, table.size);
    }
  }
  return table;
}


/**
 * One person's entry as JSON without what can be derived: a policy's hash when it is the rule's
 * hash of this run (`rules`), and an empty dedupe record. `expandEntry` reads it back.
 * Records in `shared` are written as their number in that table.
 */
export function compactEntry(entry: ProfileEntry, rules: Readonly<Record<string, string>>, shared?: ReadonlyMap<PolicyEntry, number>): string {
  let out = '{';
  let first = true;
  for (const key in entry) {
    const value = (entry as unknown as Record<string, unknown>)[key];
    if (value === undefined) continue;
    out += `${first ? '' : ','}${JSON.stringify(key)}:`;
    first = false;
    if (key !== 'policies') {
      out += JSON.stringify(value);
      continue;
    }
    out += '{';
    let firstPolicy = true;
    for (const policyId in entry.policies) {
      const p = entry.policies[policyId]!;
      out += `${firstPolicy ? '' : ','}${JSON.stringify(policyId)}:${shared?.get(p) ?? compactPolicy(p, own(rules, policyId))}`;
      firstPolicy = false;
    }
    out += '}';
  }
  return `${out}}`;
}

/** One record as JSON, without its hash when it equals `ruleHash` and without an empty dedupe record. */
export function compactPolicy(p: PolicyEntry, ruleHash: string | undefined): string {
  const kept: Record<string, unknown> = {};
  for (const key in p) {
    const value = (p as unknown as Record<string, unknown>)[key];
    if ((key === 'hash' && value === ruleHash) || (key === 'notified' && p.notified.length === 0)) continue;
    kept[key] = value;
  }
  return JSON.stringify(kept);
}

/**
 * True when `next` holds the very records of `prev` (same objects, as screen keeps them when
 * nothing changed), under the same rules and run instant: storing it again would write the same file.
 */
export function sameState(prev: ScreenState, next: ScreenState): boolean {
  if (prev.asOf !== next.asOf || !sameRecord(prev.rules, next.rules)) return false;
  let n = 0;
  for (const id in next.profiles) {
    n++;
    if (own(prev.profiles, id) !== next.profiles[id]) return false;
  }
  for (const _ in prev.profiles) n--;
  return n === 0;
}

function sameRecord(a: Readonly<Record<string, string>>, b: Readonly<Record<string, string>>): boolean {
  let n = 0;
  for (const k in b) {
    n++;
    if (own(a, k) !== b[k]) return false;
  }
  for (const _ in a) n--;
  return n === 0;
}
