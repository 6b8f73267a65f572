import { cacheSlot, type MatcherCore, type CompiledPolicy } from '../engine/index.js';
import type { FieldInfo } from '../profile/fields.js';
import { candidateAnswers } from './candidates.js';

/**
 * Per matcher, candidate answers by region, day and field: they depend on the policies that can
 * apply (the region and day's pool) and the day's parameters. Dropped whole past 256 regions and days.
 */
const ANSWERS = cacheSlot('ask.answers', () => new Map<string, Map<string, readonly unknown[]>>());

/** candidateAnswers, cached per pool, parameters and field. Read-only: the array is shared. */
export function answersFor(core: MatcherCore, info: FieldInfo, region: string | undefined, pool: readonly CompiledPolicy[], day: number, p: ArrayLike<number>): readonly unknown[] {
  const all = core.cache(ANSWERS);
  const key = `${region ?? '*'}|${day}`;
  let byField = all.get(key);
  if (!byField) {
    if (all.size >= 256) all.clear();
    all.set(key, (byField = new Map()));
  }
  let list = byField.get(info.path);
  if (!list) {
    list = candidateAnswers(info, pool, day, p);
    byField.set(info.path, list);
  }
  return list;
}

/** Per matcher, the fact slots each field's answer can change; never stale (the fact table is fixed at compile time). */
const SLOTS = cacheSlot('ask.slots', () => new Map<string, number[]>());

const within = (a: string, b: string) => a === b || a.startsWith(`${b}.`) || b.startsWith(`${a}.`);

/** The fact slots whose value can change when `field` is answered (the field, ratios over it, paths above or below it). */
export function slotsOf(core: MatcherCore, field: string): readonly number[] {
  const byField = core.cache(SLOTS);
  let slots = byField.get(field);
  if (!slots) {
    slots = [];
    core.facts.refs.forEach((r, i) => {
      if (within(r.field, field) || (r.per !== undefined && within(r.per, field))) slots!.push(i);
    });
    byField.set(field, slots);
  }
  return slots;
}
