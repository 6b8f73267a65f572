import type { Profile } from '../profile/schema.js';
import { deferQuiet, type QuietHours } from './quiet.js';
import type { Channel, FrequencyCap } from './types.js';

export const DEFAULT_FREQUENCY: Record<Channel, FrequencyCap> = { sms: { max: 1, days: 7 }, chat: { max: 1, days: 1 } };

/**
 * Where a person can be reached. SMS needs explicit consent (`contact.smsConsent === true`) and a
 * phone; chat needs a chat id (`contact.wechat`), which the person gave by adding the service account.
 * `prefer-chat` uses one channel: chat when possible (free, room for reasons), SMS otherwise.
 */
export function reachable(profile: Profile, mode: 'prefer-chat' | 'both'): { channel: Channel; to: string }[] {
  const c = profile.contact;
  const out: { channel: Channel; to: string }[] = [];
  if (c?.wechat) out.push({ channel: 'chat', to: c.wechat });
  if (c?.smsConsent === true && c.phone && (mode === 'both' || out.length === 0)) out.push({ channel: 'sms', to: c.phone });
  return out;
}

const DAY_MS = 86_400_000;

/**
 * The send time for a message that would go out at `base` (already outside quiet hours): when the
 * person's cap for the window is used up, deferred until the latest send in the window ages out.
 * Returns the time and the pruned send record including it.
 */
export function scheduleSend(base: Date, sent: readonly string[] | undefined, cap: FrequencyCap, quiet: QuietHours | false): { at: Date; deferred: boolean; sent: string[] } {
  const window = cap.days * DAY_MS;
  const kept = (sent ?? []).filter((s) => Date.parse(s) > base.getTime() - window);
  const times = kept.map((s) => Date.parse(s));
  let at = base;
  for (let guard = 0; guard < 1000; guard++) {
    const near = times.filter((t) => Math.abs(t - at.getTime()) < window);
    if (near.length < Math.max(1, cap.max)) break;
    at = deferQuiet(new Date(Math.max(...near) + window), quiet);
  }
  return { at, deferred: at !== base, sent: kept };
}

/** The first send time of a run: the run's instant to the second, moved out of quiet hours. */
export const firstSendTime = (runAt: Date, quiet: QuietHours | false): Date => deferQuiet(new Date(Math.ceil(runAt.getTime() / 1000) * 1000), quiet);
