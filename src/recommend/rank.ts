import type { Locale } from '../core/text.js';
import { type AmountRange, explain, evaluation, type Evaluation, type MatcherCore, type CompiledPolicy } from '../engine/index.js';
import type { Profile } from '../profile/schema.js';
import { nearMiss, type NearMiss } from './near-miss.js';
import { DEFAULT_WEIGHTS, round4, scoreOf, worthOf, type RankWeights } from './score.js';
import { dayStatic, needFrom, valueOf } from './static.js';

// Local copies of core/tri.ts's F/T/U: some loaders turn imported bindings into getter calls.
const F = 0;
const T = 1;
const U = 2;

/** The parts a recommendation's score is made of, each in [0, 1]. */
export interface ScoreBreakdown {
  /** 1 when eligible; 1 / (1 + fields missing) when unknown; 0 when ineligible. */
  certainty: number;
  value: number;
  need: number;
  urgency: number;
  locality: number;
}

/** An evaluation with its rank: `score` and the parts it is made of. */
export interface Recommendation extends Evaluation {
  readonly score: number;
  readonly breakdown: Readonly<ScoreBreakdown>;
  /** For ineligible and unknown policies when asked for: the smallest change that would qualify. */
  readonly nearMiss?: NearMiss;
}

/** Options of `matcher.recommend`. */
export interface RecommendOptions {
  asOf?: Date | string;
  limit?: number;
  locale?: Locale;
  weights?: Partial<RankWeights>;
  /** Include ineligible policies of the person's region that a change could win, after the rest. */
  nearMisses?: boolean;
}

const ORDER = { eligible: 0, unknown: 1, ineligible: 2 } as const;
const NONE: readonly never[] = Object.freeze([]);

/** Eligible first, then unknown, then (optionally) near misses; each by score, then policy id. */
export function compareRecommendations(a: Recommendation, b: Recommendation): number {
  return ORDER[a.status] - ORDER[b.status] || b.score - a.score || (a.policyId < b.policyId ? -1 : a.policyId > b.policyId ? 1 : 0);
}

/** A policy scored in verdict mode; reasons and near misses wait until it is known to be shown. */
interface Scored {
  cp: CompiledPolicy;
  t: number;
  missing: readonly string[];
  amount: AmountRange | null;
  score: number;
  breakdown: ScoreBreakdown;
}

const byRank = (a: Scored, b: Scored): number => {
  if (a.t !== b.t) return a.t === T ? -1 : b.t === T ? 1 : a.t === U ? -1 : 1;
  const x = a.cp.policy.id;
  const y = b.cp.policy.id;
  return b.score - a.score || (x < y ? -1 : x > y ? 1 : 0);
};

/**
 * Ranks the policies of a validated profile's region at a civil day. Every policy is scored in
 * verdict mode; only the ones shown (the first `limit`) are explained and searched for near misses.
 */
export function rankProfile(core: MatcherCore, profile: Profile, day: number, opts: Omit<RecommendOptions, 'asOf'> = {}): Recommendation[] {
  const locale = opts.locale ?? 'zh-CN';
  const w: RankWeights = opts.weights ? { ...DEFAULT_WEIGHTS, ...opts.weights } : DEFAULT_WEIGHTS;
  const limit = opts.limit === undefined ? Number.POSITIVE_INFINITY : Math.max(0, opts.limit);
  const st = dayStatic(core, day);
  // Figures regions may set are those of the profile's region (the national range when unknown).
  const p = core.params.at(day, profile.regionCode);
  // Own fact array: it must outlive the loop, for the reasons of the shown policies.
  const f = core.facts.fill(profile, day);
  const pool = core.candidates(profile.regionCode, day);
  const inRegion = profile.regionCode !== undefined;
  const scored: Scored[] = [];
  const failed: CompiledPolicy[] = [];
  for (let i = 0; i < pool.length; i++) {
    const cp = pool[i]!;
    const t = inRegion ? cp.withinRegion(f, p) : cp.root.verdict(f, p);
    if (t === F) {
      if (opts.nearMisses) failed.push(cp);
      continue;
    }
    const missing = t === U ? core.missingOf(cp, f, p) : NONE;
    const amount = core.amountOf(cp, f, p);
    const cv = st.constValue[cp.index]!;
    const breakdown: ScoreBreakdown = {
      certainty: round4(t === T ? 1 : 1 / (1 + missing.length)),
      value: cv === cv ? cv : valueOf(worthOf(cp.policy.kind, amount), st.scale),
      need: needFrom(st.needs[cp.index]!, profile.needs),
      urgency: st.urgency[cp.index]!,
      locality: st.locality[cp.index]!,
    };
    scored.push({ cp, t, missing, amount, score: scoreOf(breakdown, w), breakdown });
  }
  scored.sort(byRank);
  const out: Recommendation[] = [];
  for (let i = 0; i < scored.length && out.length < limit; i++) {
    const s = scored[i]!;
    const miss = s.t === U && opts.nearMisses ? nearMiss(core, s.cp, profile, day, locale) : null;
    out.push(recommendation(s.cp, locale, s.t === T ? 'eligible' : 'unknown', s.missing, explain(s.cp.root, f, p, locale), s.amount, s.score, s.breakdown, miss, core.amountBasisOf(s.cp, p, locale)));
  }
  if (failed.length === 0 || out.length >= limit) return out;
  // An ineligible policy scores 0 (certainty 0), so near misses follow in policy-id order.
  failed.sort((a, b) => (a.policy.id < b.policy.id ? -1 : a.policy.id > b.policy.id ? 1 : 0));
  for (let i = 0; i < failed.length && out.length < limit; i++) {
    const cp = failed[i]!;
    const miss = nearMiss(core, cp, profile, day, locale);
    if (!miss) continue;
    const breakdown: ScoreBreakdown = { certainty: 0, value: valueOf(0, st.scale), need: needFrom(st.needs[cp.index]!, profile.needs), urgency: st.urgency[cp.index]!, locality: st.locality[cp.index]! };
    out.push(recommendation(cp, locale, 'ineligible', NONE, explain(cp.root, f, p, locale), null, scoreOf(breakdown, w), breakdown, miss));
  }
  return out;
}

function recommendation(
  cp: CompiledPolicy,
  locale: Locale,
  status: Recommendation['status'],
  missing: readonly string[],
  reasons: Evaluation['reasons'],
  amount: AmountRange | null,
  score: number,
  breakdown: ScoreBreakdown,
  miss: NearMiss | null,
  basis?: string,
): Recommendation {
  // An Evaluation spread with its rank: same keys in the same order.
  const e = evaluation(cp.policy, locale, status, missing, reasons, amount, basis);
  return miss ? { ...e, score, breakdown, nearMiss: miss } : { ...e, score, breakdown };
}
