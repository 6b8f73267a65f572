import { wordsFor } from '../core/catalogue/index.js';
import { fill, pick, type Locale } from '../core/text.js';
import type { AmountRange } from '../engine/index.js';
import type { Policy } from '../policy/schema.js';
import type { Recommendation } from './rank.js';
import { worthOf } from './score.js';

/** A policy left out of the bundle, and the one it gave way to. */
export interface SetAside {
  policyId: string;
  because: string;
  reason: string;
}

/** The best combination that may be taken together, with its total value range. */
export interface Bundle {
  /** The chosen recommendations, in rank order. */
  chosen: Recommendation[];
  /** Sum of the chosen amounts in CNY (loans at face value). */
  total: AmountRange;
  setAside: SetAside[];
}

type Why = 'exclusive' | 'highest' | 'excludes';

/** Why two policies cannot both be taken, or null when they can. */
export function conflict(a: Policy, b: Policy): { why: Why; group?: string } | null {
  if (a.exclusive && b.exclusive && a.exclusive.group === b.exclusive.group) {
    return { why: a.exclusive.mode === 'highest' || b.exclusive.mode === 'highest' ? 'highest' : 'exclusive', group: a.exclusive.group };
  }
  if (a.excludes.includes(b.id) || b.excludes.includes(a.id)) return { why: 'excludes' };
  return null;
}


/** Components up to this size are searched exhaustively; larger ones greedily by weight. */
export const EXHAUSTIVE_LIMIT = 16;

/** Best independent set of one conflict component: maximum total weight, then more policies, then the smaller ids. */
function bestOf(ids: readonly number[], weight: readonly number[], clash: (i: number, j: number) => boolean): number[] {
  if (ids.length > EXHAUSTIVE_LIMIT) {
    const chosen: number[] = [];
    for (const i of [...ids].sort((a, b) => weight[b]! - weight[a]! || a - b)) if (!chosen.some((j) => clash(i, j))) chosen.push(i);
    return chosen.sort((a, b) => a - b);
  }
  let best: number[] = [];
  let bestW = -1;
  for (let mask = 0; mask < 1 << ids.length; mask++) {
    const set = ids.filter((_, k) => mask & (1 << k));
    if (set.some((i, x) => set.slice(x + 1).some((j) => clash(i, j)))) continue;
    const w = set.reduce((s, i) => s + weight[i]!, 0);
    const tie = Math.abs(w - bestW) <= 1e-9;
    if (w > bestW + 1e-9 || (tie && set.length > best.length) || (tie && set.length === best.length && set.join(',') < best.join(','))) {
      best = set;
      bestW = w;
    }
  }
  return best;
}

/**
 * Picks the combination of recommended policies that may be taken together and is worth most
 * (each weighted by certainty × worth, loans at their subsidy); says which were set aside and why.
 * @example bundle(recs, policies, 'zh-CN').setAside // [{ policyId, because, reason }]
 */
export function bundle(recs: readonly Recommendation[], policies: ReadonlyMap<string, Policy>, locale: Locale = 'zh-CN'): Bundle {
  const list = recs.filter((r) => r.status !== 'ineligible');
  // Index order is policy-id order, so ties resolve the same way whatever the ranking.
  const order = list.map((_, i) => i).sort((a, b) => (list[a]!.policyId < list[b]!.policyId ? -1 : 1));
  const items = order.map((i) => list[i]!);
  const pol = items.map((r) => policies.get(r.policyId)!);
  const weight = items.map((r, i) => (r.status === 'eligible' ? 1 : r.breakdown.certainty ?? 0.5) * worthOf(pol[i]!.kind, r.amount));
  const clash = (i: number, j: number) => conflict(pol[i]!, pol[j]!) !== null;
  const seen = new Set<number>();
  const chosen = new Set<number>();
  for (let s = 0; s < items.length; s++) {
    if (seen.has(s)) continue;
    const comp: number[] = [];
    const stack = [s];
    while (stack.length) {
      const i = stack.pop()!;
      if (seen.has(i)) continue;
      seen.add(i);
      comp.push(i);
      for (let j = 0; j < items.length; j++) if (!seen.has(j) && clash(i, j)) stack.push(j);
    }
    for (const i of bestOf(comp.sort((a, b) => a - b), weight, clash)) chosen.add(i);
  }
  const setAside: SetAside[] = [];
  for (let i = 0; i < items.length; i++) {
    if (chosen.has(i)) continue;
    const j = [...chosen].find((k) => clash(i, k));
    if (j === undefined) continue;
    const c = conflict(pol[i]!, pol[j]!)!;
    const other = pick(pol[j]!.title, locale);
    setAside.push({ policyId: items[i]!.policyId, because: items[j]!.policyId, reason: fill(wordsFor(locale).bundle[c.why], { other, group: c.group }) });
  }
  const picked = recs.filter((r) => chosen.has(items.indexOf(r)));
  const total = picked.reduce<AmountRange>((t, r) => (r.amount?.unit === 'CNY' ? { min: t.min + r.amount.min, max: t.max + r.amount.max, unit: 'CNY' } : t), { min: 0, max: 0, unit: 'CNY' });
  return { chosen: picked, total, setAside };
}
