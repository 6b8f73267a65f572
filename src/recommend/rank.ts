import type { Locale } from '../core/text.js';
import type { Evaluation } from '../engine/matcher.js';
import type { MatcherCore } from '../engine/matcher.js';
import { inForce } from '../engine/policy.js';
import type { Profile } from '../profile/schema.js';
import { nearMiss, type NearMiss } from './near-miss.js';
import { catalogueScale, certaintyOf, DEFAULT_WEIGHTS, localityOf, needOf, round4, scoreOf, urgencyOf, worthOf, type RankWeights } from './score.js';

/** An evaluation with its rank: `score` and the parts it is made of. */
export interface Recommendation extends Evaluation {
  readonly score: number;
  /** certainty, value, need, urgency, locality, each in [0, 1]. */
  readonly breakdown: Readonly<Record<string, number>>;
  /** For ineligible and unknown policies when asked for: the smallest change that would qualify. */
  readonly nearMiss?: NearMiss;
}

export interface RecommendOptions {
  asOf?: Date | string;
  limit?: number;
  locale?: Locale;
  weights?: Partial<RankWeights>;
  /** Include ineligible policies of the person's region that a change could win, after the rest. */
  nearMisses?: boolean;
}

const ORDER = { eligible: 0, unknown: 1, ineligible: 2 } as const;

/** Eligible first, then unknown, then (optionally) near misses; each by score, then policy id. */
export function compareRecommendations(a: Recommendation, b: Recommendation): number {
  return ORDER[a.status] - ORDER[b.status] || b.score - a.score || (a.policyId < b.policyId ? -1 : a.policyId > b.policyId ? 1 : 0);
}

/** Ranks the policies of a validated profile's region at a civil day. */
export function rankProfile(core: MatcherCore, profile: Profile, day: number, opts: Omit<RecommendOptions, 'asOf'> = {}): Recommendation[] {
  const locale = opts.locale ?? 'zh-CN';
  const w: RankWeights = { ...DEFAULT_WEIGHTS, ...opts.weights };
  const pool = core.candidates(profile.regionCode, day);
  const params = core.params.at(day);
  const scale = catalogueScale(core.compiled.filter((c) => inForce(c, day)), core.facts.refs.length, params);
  const byId = new Map(pool.map((c) => [c.policy.id, c]));
  const out: Recommendation[] = [];
  for (const e of core.evaluateProfile(profile, day, { locale, scope: 'applicable' })) {
    if (e.status === 'ineligible' && !opts.nearMisses) continue;
    const cp = byId.get(e.policyId)!;
    const miss = e.status !== 'eligible' && opts.nearMisses ? nearMiss(core, cp, profile, day, locale) : null;
    if (e.status === 'ineligible' && !miss) continue;
    const breakdown = {
      certainty: round4(certaintyOf(e)),
      value: round4(scale > 0 ? Math.min(1, worthOf(cp.policy.kind, e.amount) / scale) : 0),
      need: needOf(cp, profile.needs),
      urgency: round4(urgencyOf(cp, day)),
      locality: round4(localityOf(cp)),
    };
    const rec: Recommendation = { ...e, score: scoreOf(breakdown, w), breakdown, ...(miss ? { nearMiss: miss } : {}) };
    out.push(rec);
  }
  out.sort(compareRecommendations);
  return opts.limit !== undefined ? out.slice(0, Math.max(0, opts.limit)) : out;
}
