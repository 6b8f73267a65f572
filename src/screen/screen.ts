import { dayOf, formatDay } from '../core/dates.js';
import { maskText } from '../core/mask.js';
import type { Locale } from '../core/text.js';
import { safeParseProfile } from '../profile/validate.js';
import { deadlineDay } from '../messages/describe.js';
import { diffPolicy, nextEntry, type Current } from './diff.js';
import { verdictsFor } from './evaluate.js';
import { DEFAULT_FREQUENCY, firstSendTime } from './plan.js';
import { deliveriesFor } from './deliver.js';
import { createOfficerAssigner } from '../officers/assign.js';
import { DEFAULT_QUIET, isoInZone, runInstant } from './quiet.js';
import { emptyState, checkState, own } from './state.js';
import type { ProfileEntry, ScreenError, ScreenEvent, ScreenOptions, ScreenResult, ScreenState } from './types.js';

/**
 * Screens a register against every policy and tells only what changed since `previous`:
 * events per person and policy, the messages to send, the next state, and the invalid rows.
 * Profiles are read one at a time, so the register is never held whole.
 * @example
 * const { deliveries, state } = await screen(people, { matcher, asOf: '2026-06-01T10:00:00+08:00', previous });
 */
export async function screen(profiles: Iterable<unknown> | AsyncIterable<unknown>, opts: ScreenOptions): Promise<ScreenResult> {
  const core = opts.matcher.core;
  const day = core.day(opts.asOf);
  const prev = opts.previous ? checkState(opts.previous) : undefined;
  const state: ScreenState = emptyState();
  state.asOf = typeof opts.asOf === 'string' ? opts.asOf : opts.asOf.toISOString();
  for (const cp of core.compiled) state.rules[cp.policy.id] = cp.hash;
  if (prev) Object.assign(state.profiles, prev.profiles);

  const windowDays = opts.windowDays ?? 14;
  const quiet = opts.quiet === undefined ? DEFAULT_QUIET : opts.quiet;
  const base = firstSendTime(runInstant(opts.asOf), quiet);
  const ctx = {
    opts,
    day,
    base,
    baseIso: isoInZone(base),
    quiet,
    frequency: { ...DEFAULT_FREQUENCY, ...opts.frequency },
    defaultLocale: (opts.locale ?? 'zh-CN') as Locale,
    assign: opts.followUp?.assign ?? (opts.officers ? createOfficerAssigner(opts.officers, { load: openLoad(prev) }).assign : undefined),
  };
  const result: ScreenResult = { events: [], deliveries: [], state, errors: [], counts: { profiles: 0, invalid: 0, events: 0, deliveries: 0 } };
  const emitEvent = opts.onEvent ?? ((e: ScreenEvent) => void result.events.push(e));
  const emitError = opts.onError ?? ((e: ScreenError) => void result.errors.push(e));

  const deadlines = new Map<string, number | undefined>();
  const seenIds = new Set<string>();
  let index = 0;
  for await (const raw of profiles) {
    const at = index++;
    result.counts.profiles++;
    const parsed = safeParseProfile(raw);
    if (!parsed.success) {
      result.counts.invalid++;
      const id = (raw as { id?: unknown } | null)?.id;
      emitError({ index: at, ...(typeof id === 'string' ? { profileId: maskText(id) } : {}), issues: parsed.error.issues });
      opts.onProgress?.(index);
      continue;
    }
    const profile = parsed.profile;
    if (seenIds.has(profile.id)) {
      // A register row repeated: screening it twice would tell the person twice.
      result.counts.invalid++;
      emitError({ index: at, profileId: maskText(profile.id), issues: [{ path: ['id'], code: 'duplicate_id', message: 'this id appeared earlier in the register; the later row was skipped' }] });
      opts.onProgress?.(index);
      continue;
    }
    seenIds.add(profile.id);
    const before = own(prev?.profiles, profile.id);
    const entry: ProfileEntry = { policies: Object.create(null) as ProfileEntry['policies'] };
    if (profile.regionCode) entry.regionCode = profile.regionCode;
    if (before?.sent) entry.sent = before.sent;
    const events: ScreenEvent[] = [];
    const seen = new Set<string>();

    const consider = (policyId: string, cur: Current) => {
      seen.add(policyId);
      const old = own(before?.policies, policyId);
      const diff = diffPolicy(old, before ? own(prev?.rules, policyId) : undefined, cur, windowDays);
      for (const c of diff.changes) {
        const e: ScreenEvent = { kind: c.kind, profileId: profile.id, policyId, ruleHash: cur.hash, status: cur.status };
        if (old) e.previousStatus = old.status;
        if (cur.amount) e.amount = cur.amount;
        if (old?.amount) e.previousAmount = old.amount;
        if (cur.missing.length) e.missing = [...cur.missing];
        if (cur.daysLeft !== undefined) e.deadline = formatDay(day + cur.daysLeft);
        events.push(e);
      }
      const next = nextEntry(old, cur, diff.notified);
      if (next) entry.policies[policyId] = next;
    };

    for (const { evaluation: ev, compiled } of verdictsFor(opts.matcher, profile, day)) {
      let deadline = deadlines.get(ev.policyId);
      if (!deadlines.has(ev.policyId)) deadlines.set(ev.policyId, (deadline = deadlineDay(compiled.policy, dayOf)));
      consider(ev.policyId, { status: ev.status, amount: ev.amount, missing: ev.missing, hash: compiled.hash, daysLeft: deadline === undefined ? undefined : deadline - day });
    }
    // Policies told before but not applicable now: still in force means the person moved out of their region.
    for (const [policyId, old] of Object.entries(before?.policies ?? {})) {
      if (seen.has(policyId)) continue;
      const cp = core.compiledById(policyId);
      if (cp && cp.from <= day && day <= cp.to) consider(policyId, { status: 'ineligible', missing: [], hash: cp.hash });
      else entry.policies[policyId] = old;
    }

    for (const e of events) emitEvent(e);
    result.counts.events += events.length;
    if (events.length) {
      for (const d of deliveriesFor(profile, events, entry, ctx)) {
        result.counts.deliveries++;
        if (opts.onDelivery) opts.onDelivery(d);
        else result.deliveries.push(d);
      }
    }
    state.profiles[profile.id] = before && sameEntry(before, entry) ? before : entry;
    opts.onProgress?.(index);
  }
  return result;
}


/** True when a person's entry holds the very same records as before. */
function sameEntry(a: ProfileEntry, b: ProfileEntry): boolean {
  if (a.regionCode !== b.regionCode || a.sent !== b.sent) return false;
  const ka = Object.keys(a.policies);
  const kb = Object.keys(b.policies);
  return ka.length === kb.length && ka.every((k, i) => k === kb[i] && a.policies[k] === b.policies[k]);
}

/** Open follow-ups per officer in the previous state: the load a new assignment is balanced against. */
function openLoad(prev: ScreenState | undefined): Record<string, number> {
  const load: Record<string, number> = {};
  for (const entry of Object.values(prev?.profiles ?? {}))
    for (const p of Object.values(entry.policies))
      if (p.officerId && p.followUps?.some((t) => !t.done)) load[p.officerId] = (load[p.officerId] ?? 0) + 1;
  return load;
}
