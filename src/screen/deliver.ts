import { POLICY_TIME_ZONE } from '../core/dates.js';
import { canonicalJson } from '../core/hash.js';
import type { Locale } from '../core/text.js';
import type { Profile } from '../profile/schema.js';
import { describeEvent } from '../messages/describe.js';
import { renderChat, renderSms } from '../messages/render.js';
import { TEMPLATES } from '../messages/templates.js';
import { createFollowUps } from '../followup/tasks.js';
import type { FollowUpTask } from '../followup/types.js';
import { reasonsFor } from './evaluate.js';
import { reachable, scheduleSend } from './plan.js';
import { isoInZone, type QuietHours } from './quiet.js';
import type { Channel, Delivery, FrequencyCap, ProfileEntry, ScreenEvent, ScreenOptions } from './types.js';
import { engineOf } from '../matcher/create.js';

export interface DeliverContext {
  opts: ScreenOptions;
  /** The run's first send time and its text, computed once. */
  base: Date;
  baseIso: string;
  /** The run's instant (ISO), part of every delivery id: the same event told again later is a new message. */
  runIso: string;
  day: number;
  quiet: QuietHours | false;
  frequency: Record<Channel, FrequencyCap>;
  defaultLocale: Locale;
  /** Who looks after a person; undefined when the run names no officers. */
  assign?: ((profile: Profile) => string | null) | undefined;
  /** Follow-up lists by send time, shared within the run. */
  followUps: Map<string, FollowUpTask[]>;
}


/**
 * One digest per reachable channel for a person's events of this run, scheduled outside quiet hours
 * and within the frequency cap; records the push and its follow-ups in `entry`.
 */
export function deliveriesFor(profile: Profile, events: readonly ScreenEvent[], entry: ProfileEntry, ctx: DeliverContext): Delivery[] {
  const { opts } = ctx;
  const targets = reachable(profile, opts.channels ?? 'prefer-chat');
  if (targets.length === 0) return [];
  const locale = profile.contact?.locale ?? ctx.defaultLocale;
  const templates = opts.templates?.[locale] ?? TEMPLATES[locale];
  const core = engineOf(opts.matcher);
  const policyIds = [...new Set(events.map((e) => e.policyId))];
  const out: Delivery[] = [];
  for (const { channel, to } of targets) {
    const explained = channel === 'chat' ? reasonsFor(opts.matcher, profile, ctx.day, policyIds, locale) : undefined;
    const items = events.map((e) => describeEvent(e, core.compiledById(e.policyId)!.policy, locale, explained?.get(e.policyId)));
    const text = channel === 'sms' ? renderSms(items, locale, { ...opts.sms, templates }).text : renderChat(items, locale, templates);
    const { at, deferred, sent } = scheduleSend(ctx.base, entry.sent?.[channel], ctx.frequency[channel], ctx.quiet);
    const sendAt = deferred ? isoInZone(at, POLICY_TIME_ZONE) : ctx.baseIso;
    entry.sent = { ...entry.sent, [channel]: [...sent, sendAt] };
    out.push({ id: deliveryId(profile.id, channel, events, ctx.runIso), profileId: profile.id, policyIds, channel, to, text, sendAt, kinds: [...new Set(events.map((e) => e.kind))], locale });
  }
  recordPush(profile, events, entry, out[0]!.sendAt, ctx);
  return out;
}

/**
 * A delivery's stable id: the person, the channel, each event (kind, policy, the field a
 * `needs-info` asks for, rule version) and the run's instant. A rerun of the same run plans the same
 * ids, so an outbox or a gateway can drop what it already holds. 128 bits written with the letters
 * a–p only: no run of digits that a phone-number mask could mistake for a number.
 */
export function deliveryId(profileId: string, channel: string, events: readonly ScreenEvent[], runIso: string): string {
  const text = canonicalJson([profileId, channel, runIso, events.map((e) => [e.kind, e.policyId, e.ruleHash, e.kind === 'needs-info' ? (e.missing?.[0] ?? '') : ''])]);
  let a = 0x811c9dc5;
  let b = 0x01000193 ^ text.length;
  let c = 0x9e3779b9;
  let d = 0x85ebca6b ^ text.length;
  for (let i = 0; i < text.length; i++) {
    const k = text.charCodeAt(i);
    a = Math.imul(a ^ k, 0x01000193);
    b = Math.imul(b ^ k, 0x5bd1e995);
    b ^= b >>> 15;
    c = Math.imul(c ^ k, 0xcc9e2d51);
    c ^= c >>> 13;
    d = Math.imul(d + k, 0x1b873593) ^ (d >>> 17);
  }
  return letters(a) + letters(b) + letters(c) + letters(d);
}

const LETTERS = 'abcdefghijklmnop';
function letters(n: number): string {
  let out = '';
  for (let i = 0; i < 8; i++, n >>>= 4) out = LETTERS[n & 15]! + out;
  return out;
}

/**
 * Follow-ups for a push at `sendAt`, one list per send time of the run: most people share it, and
 * nothing changes a list in place (recordOutcome copies).
 */
function followUpsAt(sendAt: string, ctx: DeliverContext): FollowUpTask[] {
  let tasks = ctx.followUps.get(sendAt);
  if (!tasks) {
    tasks = createFollowUps(sendAt, ctx.opts.followUp?.offsets);
    if (ctx.followUps.size < 1024) ctx.followUps.set(sendAt, tasks);
  }
  return tasks;
}

function recordPush(profile: Profile, events: readonly ScreenEvent[], entry: ProfileEntry, sendAt: string, ctx: DeliverContext): void {
  let officer: string | null | undefined;
  for (const e of events) {
    const p = entry.policies[e.policyId];
    if (!p || e.kind === 'no-longer-eligible' || p.pushedAt) continue;
    p.pushedAt = sendAt;
    p.followUps = followUpsAt(sendAt, ctx);
    officer ??= ctx.assign?.(profile);
    if (officer !== undefined) p.officerId = officer;
  }
}
