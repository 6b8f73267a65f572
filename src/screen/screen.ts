import { dayOf, formatDay } from '../core/dates.js';
import { maskText } from '../core/mask.js';
import type { Locale } from '../core/text.js';
import { safeParseProfileFast, type AmountRange, type CompiledPolicy } from '../engine/index.js';
import type { Profile } from '../profile/schema.js';
import { deadlineDay } from '../messages/describe.js';
import { diffPolicy, nextEntry, sameAmount, sameList, SHARED_PER_POLICY, type Current } from './diff.js';
import { verdictsFor } from './evaluate.js';
import { DEFAULT_FREQUENCY, firstSendTime } from './plan.js';
import { deliveriesFor } from './deliver.js';
import { createOfficerAssigner } from '../officers/assign.js';
import { DEFAULT_QUIET, isoInZone, runInstant } from './quiet.js';
import { emptyState, checkState, freezeRecord, own } from './state.js';
import type { FollowUpTask } from '../followup/types.js';
import type { PolicyEntry, ProfileEntry, ScreenError, Status, ScreenEvent, ScreenOptions, ScreenResult, ScreenState } from './types.js';
import { engineOf } from '../matcher/create.js';

/**
 * Screens a register against every policy and tells only what changed since `previous`:
 * events per person and policy, the messages to send, the next state, and the invalid rows.
 * Profiles are read one at a time, so the register is never held whole.
 * @example
 * const { deliveries, state } = await screen(people, { matcher, asOf: '2026-06-01T10:00:00+08:00', previous });
 */
export async function screen(profiles: Iterable<unknown> | AsyncIterable<unknown>, opts: ScreenOptions): Promise<ScreenResult> {
  const core = engineOf(opts.matcher);
  const day = core.day(opts.asOf);
  const prev = opts.previous ? checkState(opts.previous) : undefined;
  const state: ScreenState = emptyState();
  state.asOf = typeof opts.asOf === 'string' ? opts.asOf : opts.asOf.toISOString();
  Object.assign(state.rules, core.ruleHashes());
  if (prev) Object.assign(state.profiles, prev.profiles);

  const windowDays = opts.windowDays ?? 14;
  const quiet = opts.quiet === undefined ? DEFAULT_QUIET : opts.quiet;
  const base = firstSendTime(runInstant(opts.asOf), quiet);
  const ctx = {
    opts,
    day,
    base,
    baseIso: isoInZone(base),
    runIso: runInstant(opts.asOf).toISOString(),
    quiet,
    frequency: { ...DEFAULT_FREQUENCY, ...opts.frequency },
    defaultLocale: (opts.locale ?? 'zh-CN') as Locale,
    followUps: new Map<string, FollowUpTask[]>(),
    assign: opts.followUp?.assign ?? (opts.officers ? createOfficerAssigner(opts.officers, { load: openLoad(prev) }).assign : undefined),
  };
  const result: ScreenResult = { events: [], deliveries: [], state, errors: [], counts: { profiles: 0, invalid: 0, events: 0, deliveries: 0 } };
  const emitEvent = opts.onEvent ?? ((e: ScreenEvent) => void result.events.push(e));
  const emitError = opts.onError ?? ((e: ScreenError) => void result.errors.push(e));

  // Per policy (by catalogue index): its deadline, and the last person it was visited for.
  const deadlines: (number | undefined)[] = core.compiled.map((cp) => deadlineDay(cp.policy, dayOf));
  const visited = new Int32Array(core.compiled.length).fill(-1);
  const seenIds = new Set<string>();
  // Records shared by many people, per policy (see nextEntry and internPushed).
  const shared = new Map<string, PolicyEntry[]>();
  const sharedOf = (policyId: string) => {
    let list = shared.get(policyId);
    if (!list) shared.set(policyId, (list = []));
    return list;
  };
  let index = 0;

  // One person's run, in variables the callbacks below share, so nothing is allocated per policy.
  let profile!: Profile;
  let before: ProfileEntry | undefined;
  let entry!: ProfileEntry;
  let events: ScreenEvent[] | null = null;
  let same = true;
  let kept = 0;

  const keep = (policyId: string, next: PolicyEntry) => {
    // A stored state is not checked like rules are: its ids are only ever own keys.
    if (policyId === '__proto__') Object.defineProperty(entry.policies, policyId, { value: next, enumerable: true, writable: true, configurable: true });
    else entry.policies[policyId] = next;
    kept++;
    if (same && next !== own(before?.policies, policyId)) same = false;
  };
  const consider = (policyId: string, cur: Current) => {
    const old = own(before?.policies, policyId);
    const diff = diffPolicy(old, before ? own(prev?.rules, policyId) : undefined, cur, windowDays);
    for (const c of diff.changes) {
      const e: ScreenEvent = { kind: c.kind, profileId: profile.id, policyId, ruleHash: cur.hash, status: cur.status };
      if (old) e.previousStatus = old.status;
      if (cur.amount) e.amount = cur.amount;
      if (old?.amount) e.previousAmount = old.amount;
      if (cur.missing.length) e.missing = [...cur.missing];
      if (cur.daysLeft !== undefined) e.deadline = formatDay(day + cur.daysLeft);
      (events ??= []).push(e);
    }
    const next = nextEntry(old, cur, diff.notified, sharedOf(policyId));
    if (next) keep(policyId, next);
    else if (old) same = false;
  };
  const cur: Current = { status: 'ineligible', missing: [], hash: '' };
  const hasRecord = (cp: CompiledPolicy) => own(before?.policies, cp.policy.id) !== undefined;
  const visit = (cp: CompiledPolicy, status: Status, amount: AmountRange | undefined, missing: readonly string[]) => {
    visited[cp.index] = index;
    const deadline = deadlines[cp.index];
    cur.status = status;
    cur.amount = amount;
    cur.missing = missing;
    cur.hash = cp.hash;
    cur.daysLeft = deadline === undefined ? undefined : deadline - day;
    consider(cp.policy.id, cur);
  };

  for await (const raw of profiles) {
    const at = index++;
    result.counts.profiles++;
    const parsed = safeParseProfileFast(raw);
    if (!parsed.success) {
      result.counts.invalid++;
      const id = (raw as { id?: unknown } | null)?.id;
      emitError({ index: at, ...(typeof id === 'string' ? { profileId: maskText(id) } : {}), issues: parsed.error.issues });
      opts.onProgress?.(index);
      continue;
    }
    profile = parsed.profile;
    if (seenIds.has(profile.id)) {
      // A register row repeated: screening it twice would tell the person twice.
      result.counts.invalid++;
      emitError({ index: at, profileId: maskText(profile.id), issues: [{ path: ['id'], code: 'duplicate_id', message: 'this id appeared earlier in the register; the later row was skipped' }] });
      opts.onProgress?.(index);
      continue;
    }
    seenIds.add(profile.id);
    before = own(prev?.profiles, profile.id);
    // Policy ids cannot be `__proto__` (policy/schema.ts), so a plain object serves: far smaller than a
    // prototype-less dictionary, for 100k people.
    entry = { policies: {} };
    if (profile.regionCode) entry.regionCode = profile.regionCode;
    if (before?.sent) entry.sent = before.sent;
    events = null;
    same = before !== undefined && before.regionCode === entry.regionCode;
    kept = 0;

    verdictsFor(opts.matcher, profile, day, hasRecord, visit);
    let old = 0;
    for (const policyId in before?.policies) {
      old++;
      const cp = core.compiledById(policyId);
      if (cp && visited[cp.index] === index) continue;
      // Told before but not applicable now: still in force means the person moved out of their region.
      const record = before!.policies[policyId]!;
      if (cp && cp.from <= day && day <= cp.to) consider(policyId, { status: 'ineligible', missing: [], hash: cp.hash });
      else keep(policyId, record);
    }

    if (events) {
      const list: ScreenEvent[] = events;
      for (const e of list) emitEvent(e);
      result.counts.events += list.length;
      for (const d of deliveriesFor(profile, list, entry, ctx)) {
        result.counts.deliveries++;
        if (opts.onDelivery) opts.onDelivery(d);
        else result.deliveries.push(d);
      }
    }
    if (events) internPushed(entry, sharedOf);
    // The very same records as before: keep the old entry, so a steady register costs no new memory.
    state.profiles[profile.id] = same && kept === old && entry.sent === before!.sent ? before! : entry;
    opts.onProgress?.(index);
  }
  return result;
}


/**
 * Records just pushed repeat across a register too (same verdict, push time and follow-ups):
 * one frozen copy of each serves everyone, as `nextEntry` does for records with nothing told.
 */
function internPushed(entry: ProfileEntry, sharedOf: (policyId: string) => PolicyEntry[]): void {
  for (const policyId in entry.policies) {
    const p = entry.policies[policyId]!;
    if (Object.isFrozen(p) || !p.pushedAt || p.outcomes) continue;
    const list = sharedOf(policyId);
    const known = list.find((r) => samePushed(r, p));
    if (known) entry.policies[policyId] = known;
    else if (list.length < SHARED_PER_POLICY) list.push(freezeRecord(p));
  }
}

/** Equal pushed records; follow-up lists are shared per send time, so the same list is the same object. */
const samePushed = (a: PolicyEntry, b: PolicyEntry): boolean =>
  a.pushedAt === b.pushedAt && a.followUps === b.followUps && a.hash === b.hash && a.status === b.status && a.officerId === b.officerId && !a.outcomes && sameAmount(a.amount, b.amount) && sameList(a.notified, b.notified) && sameList(a.missing ?? [], b.missing ?? []);

/** Open follow-ups per officer in the previous state: the load a new assignment is balanced against. */
function openLoad(prev: ScreenState | undefined): Record<string, number> {
  const load: Record<string, number> = {};
  for (const entry of Object.values(prev?.profiles ?? {}))
    for (const p of Object.values(entry.policies))
      if (p.officerId && p.followUps?.some((t) => !t.done)) load[p.officerId] = (load[p.officerId] ?? 0) + 1;
  return load;
}
