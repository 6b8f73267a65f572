import type { AmountRange } from '../engine/index.js';
import type { EventKind } from '../messages/templates.js';
import { freezeRecord } from './state.js';
import type { PolicyEntry, Status } from './types.js';

/** The current verdict of one policy for one person, as the diff needs it. */
export interface Current {
  status: Status;
  amount?: AmountRange | undefined;
  missing: readonly string[];
  hash: string;
  /** Days left to the deadline, when the policy has one. */
  daysLeft?: number | undefined;
}

export interface Change {
  kind: EventKind;
  /** Dedupe key under the rule version: the kind, and the field for `needs-info`. */
  key: string;
}

export const sameAmount = (a: AmountRange | undefined, b: AmountRange | undefined): boolean =>
  a === b || (!!a && !!b && a.min === b.min && a.max === b.max && a.unit === b.unit);

/**
 * What changed between the last run and now for one person and one policy, deduplicated by the
 * rule version: an event already told under the same rule hash is not told again.
 * `previousHash` is the rule's hash at the last run when the person was screened then but had no entry.
 */
export function diffPolicy(prev: PolicyEntry | undefined, previousHash: string | undefined, cur: Current, windowDays: number): Diff {
  const prevStatus: Status = prev?.status ?? 'ineligible';
  const prevHash = prev?.hash ?? previousHash;
  const hashChanged = prevHash !== undefined && prevHash !== cur.hash;
  const moved = prevStatus !== cur.status || !sameAmount(prev?.amount, cur.amount);
  // A new rule version that changes nothing for this person carries the old record over, so it tells them nothing.
  const told = prev && (!hashChanged || !moved) ? prev.notified : [];
  const out: Change[] = [];
  if (hashChanged && moved) out.push({ kind: 'policy-changed', key: 'policy-changed' });
  else if (cur.status === 'eligible' && prevStatus !== 'eligible') out.push({ kind: 'newly-eligible', key: 'newly-eligible' });
  else if (cur.status === 'ineligible' && prevStatus === 'eligible') out.push({ kind: 'no-longer-eligible', key: 'no-longer-eligible' });
  if (cur.status === 'unknown' && cur.missing.length === 1) out.push({ kind: 'needs-info', key: `needs-info:${cur.missing[0]}` });
  if (cur.status === 'eligible' && cur.daysLeft !== undefined && cur.daysLeft >= 0 && cur.daysLeft <= windowDays) out.push({ kind: 'window-closing', key: 'window-closing' });
  const fresh = out.filter((c) => !told.includes(c.key));
  const notified = [...told, ...fresh.map((c) => c.key)];
  // policy-changed says it all: what it would repeat is recorded as told, not sent twice.
  const changes = fresh[0]?.kind === 'policy-changed' ? [fresh[0]] : fresh;
  return { changes, notified };
}

export interface Diff {
  changes: Change[];
  /** The dedupe record after this run. */
  notified: string[];
}

/**
 * Distinct shared records kept per policy and run (`shared` of nextEntry), searched in turn: amounts
 * that vary per person cannot make the search long.
 */
export const SHARED_PER_POLICY = 64;
const NONE: readonly string[] = [];

/** The entry to keep after this run; null when there is nothing worth remembering. */
export function nextEntry(prev: PolicyEntry | undefined, cur: Current, notified: string[], shared?: PolicyEntry[]): PolicyEntry | null {
  // Unchanged entries are shared with the previous state: a steady register costs no new memory.
  if (prev && prev.hash === cur.hash && prev.status === cur.status && sameAmount(prev.amount, cur.amount) && sameList(prev.notified, notified) && sameList(prev.missing ?? [], cur.status === 'unknown' ? cur.missing : [])) return prev;
  const history = prev && (prev.pushedAt || prev.outcomes?.length);
  if (cur.status === 'ineligible' && notified.length === 0 && !history) return null;
  const plain = notified.length === 0 && !prev?.pushedAt && !prev?.followUps && prev?.officerId === undefined && !prev?.outcomes;
  // Records with nothing told and no history repeat across a register: one frozen copy serves everyone.
  if (plain && shared) {
    const missing = cur.status === 'unknown' ? cur.missing : NONE;
    for (const r of shared) if (r.hash === cur.hash && r.status === cur.status && !r.pushedAt && r.notified.length === 0 && sameAmount(r.amount, cur.amount) && sameList(r.missing ?? NONE, missing)) return r;
  }
  const entry: PolicyEntry = { status: cur.status, hash: cur.hash, notified };
  if (cur.amount) entry.amount = cur.amount;
  if (cur.status === 'unknown' && cur.missing.length) entry.missing = [...cur.missing];
  if (prev?.pushedAt) entry.pushedAt = prev.pushedAt;
  if (prev?.followUps) entry.followUps = prev.followUps;
  if (prev?.officerId !== undefined) entry.officerId = prev.officerId;
  if (prev?.outcomes) entry.outcomes = prev.outcomes;
  if (plain && shared && shared.length < SHARED_PER_POLICY) shared.push(freezeRecord(entry));
  return entry;
}

export const sameList = (a: readonly string[], b: readonly string[]): boolean => a.length === b.length && a.every((x, i) => x === b[i]);
