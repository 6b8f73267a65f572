import type { MatcherCore } from '../engine/matcher.js';
import type { CompiledPolicy } from '../engine/policy.js';
import type { FieldInfo } from '../profile/fields.js';
import { candidateAnswers } from './candidates.js';

/**
 * Candidate answers depend on the field, the policies that can apply and the day; a pool from
 * `core.candidates` is one array per region and day, so it keys them (and its day) exactly.
 */
const ANSWERS = new WeakMap<readonly CompiledPolicy[], { params: ArrayLike<number>; byField: Map<string, readonly unknown[]> }>();

/** candidateAnswers, cached per pool, parameters and field. Read-only: the array is shared. */
export function answersFor(core: MatcherCore, info: FieldInfo, pool: readonly CompiledPolicy[], day: number, p: ArrayLike<number>): readonly unknown[] {
  let c = ANSWERS.get(pool);
  if (!c || c.params !== p) {
    c = { params: p, byField: new Map() };
    ANSWERS.set(pool, c);
  }
  let list = c.byField.get(info.path);
  if (!list) {
    list = candidateAnswers(info, pool, day, p);
    c.byField.set(info.path, list);
  }
  return list;
}

const SLOTS = new WeakMap<MatcherCore, Map<string, number[]>>();

const within = (a: string, b: string) => a === b || a.startsWith(`${b}.`) || b.startsWith(`${a}.`);

/** The fact slots whose value can change when `field` is answered (the field, ratios over it, paths above or below it). */
export function slotsOf(core: MatcherCore, field: string): readonly number[] {
  let byField = SLOTS.get(core);
  if (!byField) {
    byField = new Map();
    SLOTS.set(core, byField);
  }
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
