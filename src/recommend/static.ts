import { cacheSlot, type MatcherCore, NONE, inForce } from '../engine/index.js';
import type { Profile } from '../profile/schema.js';
import { catalogueScale, localityOf, NEED_KINDS, round4, urgencyOf, worthOf } from './score.js';

/** The parts of a score that depend on the policy and the day only, computed once per matcher and day. */
export interface DayStatic {
  readonly params: Float64Array;
  /** The catalogue's scale at this day (0 when nothing in force names money). */
  readonly scale: number;
  /** round4(urgency), by policy index. */
  readonly urgency: Float64Array;
  /** round4(locality), by policy index. */
  readonly locality: Float64Array;
  /** The needs each policy answers, by policy index. */
  readonly needs: readonly (readonly string[])[];
  /** The value part of a policy whose amount reads no answers (NaN when it reads some), by policy index. */
  readonly constValue: Float64Array;
}

interface CoreStatic {
  locality: Float64Array;
  needs: string[][];
  days: Map<number, DayStatic>;
}

/**
 * Per matcher: the parts that depend on the policy only, and the day's parts for up to 64 days
 * (all dropped together when a 65th is asked for).
 */
const STATIC = cacheSlot<CoreStatic>('recommend.static', (core) => ({
  locality: Float64Array.from(core.compiled, (cp) => round4(localityOf(cp))),
  needs: core.compiled.map((cp) => {
    const tags = new Set(cp.policy.tags);
    return Object.entries(NEED_KINDS)
      .filter(([, m]) => m.kinds.includes(cp.policy.kind) || m.tags.some((t) => tags.has(t)))
      .map(([n]) => n);
  }),
  days: new Map(),
}));
const DAY_LIMIT = 64;

/** Value in [0, 1]: the policy's worth relative to the catalogue's scale. */
export const valueOf = (worth: number, scale: number): number => round4(scale > 0 ? Math.min(1, worth / scale) : 0);

/** The ranking's static parts for `core` at `day`, cached (a handful of days per matcher). */
export function dayStatic(core: MatcherCore, day: number): DayStatic {
  const cs = core.cache(STATIC);
  let ds = cs.days.get(day);
  if (ds) return ds;
  const params = core.params.at(day);
  const scale = catalogueScale(
    core.compiled.filter((c) => inForce(c, day)),
    core.facts.refs.length,
    params,
  );
  const constValue = new Float64Array(core.compiled.length).fill(Number.NaN);
  for (const cp of core.compiled) {
    if (!cp.amount) constValue[cp.index] = valueOf(0, scale);
    else if (cp.amountIsConstant) constValue[cp.index] = valueOf(worthOf(cp.policy.kind, core.amountOf(cp, NONE, params)), scale);
  }
  ds = {
    params,
    scale,
    urgency: Float64Array.from(core.compiled, (cp) => round4(urgencyOf(cp, day))),
    locality: cs.locality,
    needs: cs.needs,
    constValue,
  };
  if (cs.days.size >= DAY_LIMIT) cs.days.clear();
  cs.days.set(day, ds);
  return ds;
}

/** needOf (score.ts) from the precomputed needs a policy answers. */
export function needFrom(answers: readonly string[], needs: Profile['needs']): number {
  if (!needs || needs.length === 0) return 0.5;
  for (const n of needs) if (answers.includes(n)) return 1;
  return 0;
}
