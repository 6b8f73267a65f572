import type { AmountRange, CompiledPolicy, Evaluation } from '../engine/index.js';
import { dayOf } from '../core/dates.js';
import type { PolicyKind } from '../policy/schema.js';
import type { Profile } from '../profile/schema.js';
import { regionLevel } from '../regions/codes.js';

/** How much each part of the score counts. Certainty multiplies; the rest are a weighted mean. */
export interface RankWeights {
  value: number;
  need: number;
  urgency: number;
  locality: number;
}

/**
 * Value dominates; a stated need lifts a policy; locality and urgency break near-ties.
 *
 * @example
 * matcher.recommend(profile, { weights: { ...DEFAULT_WEIGHTS, need: 0.4 } })
 */
export const DEFAULT_WEIGHTS: Readonly<RankWeights> = Object.freeze({ value: 0.5, need: 0.25, urgency: 0.1, locality: 0.15 });

/**
 * A loan's amount is principal to repay, not money received: its worth is taken as the interest
 * subsidy, about 10% of the principal (3 years at roughly 3.5% a year, rounded up for the guarantee fee).
 */
export const LOAN_WORTH = 0.1;
const LOAN_KINDS: ReadonlySet<PolicyKind> = new Set(['guarantee-loan', 'loan']);

/** Which policy kinds (and tag words) answer each stated need. */
export const NEED_KINDS: Readonly<Record<string, { kinds: readonly PolicyKind[]; tags: readonly string[] }>> = {
  financing: { kinds: ['guarantee-loan', 'loan'], tags: ['贷款', '融资', 'loan', 'financing'] },
  tax: { kinds: ['tax-relief'], tags: ['税收', '减税', 'tax'] },
  subsidy: { kinds: ['subsidy', 'award'], tags: ['补贴', '补助', '奖补', '奖励', 'subsidy', 'award'] },
  land: { kinds: ['land-transfer'], tags: ['土地', '流转', 'land'] },
  site: { kinds: ['incubator'], tags: ['场地', '孵化', '园区', '厂房', 'site', 'incubator'] },
  training: { kinds: ['training'], tags: ['培训', 'training'] },
  talent: { kinds: ['service'], tags: ['招聘', '用工', '人才', 'hiring', 'talent'] },
  market: { kinds: ['service'], tags: ['销路', '市场', '电商', 'market', 'e-commerce'] },
};

/** Money a range is worth to the person: its midpoint, loans discounted to their subsidy. */
export function worthOf(kind: PolicyKind, amount: AmountRange | null | undefined): number {
  if (!amount || amount.unit !== 'CNY') return 0;
  const mid = (amount.min + amount.max) / 2;
  return LOAN_KINDS.has(kind) ? mid * LOAN_WORTH : mid;
}

/** The largest worth any policy in force could reach with nothing answered: the catalogue's scale. */
export function catalogueScale(pool: readonly CompiledPolicy[], nFacts: number, params: ArrayLike<number>): number {
  const empty: unknown[] = new Array(nFacts);
  let max = 0;
  for (const cp of pool) if (cp.amount) max = Math.max(max, worthOf(cp.policy.kind, cp.amount(empty, params)));
  return max;
}

/** 1 eligible, 0 ineligible; an unknown loses confidence with each unanswered field: 1 / (1 + missing). */
export function certaintyOf(e: Evaluation): number {
  if (e.status === 'eligible') return 1;
  if (e.status === 'ineligible') return 0;
  return 1 / (1 + e.missing.length);
}

/** 1 when a stated need maps to the policy's kind or tags, 0 when needs are stated and none does, 0.5 when unstated. */
export function needOf(cp: CompiledPolicy, needs: Profile['needs']): number {
  if (!needs || needs.length === 0) return 0.5;
  const tags = new Set(cp.policy.tags);
  for (const n of needs) {
    const m = NEED_KINDS[n];
    if (m && (m.kinds.includes(cp.policy.kind) || m.tags.some((t) => tags.has(t)))) return 1;
  }
  return 0;
}

/** The day the application window or the policy closes, whichever is first; Infinity if neither. */
export function closingDay(cp: CompiledPolicy): number {
  const until = cp.policy.apply?.until ? dayOf(cp.policy.apply.until) : Number.POSITIVE_INFINITY;
  return Math.min(until, cp.to);
}

/** 1 when closing today or past, falling linearly to 0 a year or more away (and for open-ended ones). */
export function urgencyOf(cp: CompiledPolicy, day: number): number {
  const close = closingDay(cp);
  if (!Number.isFinite(close)) return 0;
  return Math.min(1, Math.max(0, 1 - (close - day) / 365));
}

/** County 1, city 2/3, province 1/3, nationwide 0: the most local of the policy's regions. */
export function localityOf(cp: CompiledPolicy): number {
  if (cp.policy.regions.length === 0) return 0;
  return (Math.max(...cp.policy.regions.map(regionLevel)) + 1) / 3;
}

export const round4 = (x: number): number => Math.round(x * 10_000) / 10_000;

/** certainty × weighted mean of value, need, urgency and locality, rounded so it is stable. */
export function scoreOf(b: { certainty: number; value: number; need: number; urgency: number; locality: number }, w: RankWeights): number {
  const total = w.value + w.need + w.urgency + w.locality;
  if (total <= 0) return 0;
  const mean = (w.value * b.value + w.need * b.need + w.urgency * b.urgency + w.locality * b.locality) / total;
  return round4(b.certainty * mean);
}
