import { asLocale, type Locale } from '../core/locale.js';
import type { AmountRange } from './amount.js';
import type { Reason } from './explain.js';
import { evaluation, NONE, type Evaluation } from './evaluation.js';
import type { CompiledPolicy } from './policy.js';

/**
 * Frozen verdict-mode results shared across profiles: "ineligible" per policy and locale, and "eligible"
 * per policy, locale and parameter table (an amount that reads no answers depends only on the day's
 * parameters). Screening 100k people then allocates for unknowns and fact-dependent amounts only.
 *
 * Owned by one matcher. Invalidation: "ineligible" never changes; "eligible" and amounts are kept
 * for one parameter table at a time (ParamTable hands out one array per day) and dropped when
 * another day's is asked for; "out of region" is bounded to 1024 regions per policy and locale.
 */
export class SharedResults {
  private readonly no: Record<Locale, Evaluation[]> = { 'zh-CN': [], en: [] };
  private readonly yes: Record<Locale, Evaluation[]> = { 'zh-CN': [], en: [] };
  private yesParams: ArrayLike<number> | null = null;

  private readonly outside: Partial<Record<Locale, Map<string, Evaluation>>>[] = [];

  /**
   * Explain-mode "not in this region": depends only on the policy, the profile's region and the
   * locale, so it is built once per combination (bounded).
   */
  outOfRegion(cp: CompiledPolicy, region: string, locale: Locale, reasons: () => readonly Reason[]): Evaluation {
    const byLocale = (this.outside[cp.index] ??= {});
    const map = (byLocale[locale] ??= new Map());
    let e = map.get(region);
    if (!e) {
      if (map.size > 1024) map.clear();
      e = Object.freeze(evaluation(cp.policy, locale, 'ineligible', NONE, Object.freeze([...reasons()]), null));
      map.set(region, e);
    }
    return e;
  }

  ineligible(cp: CompiledPolicy, locale: Locale): Evaluation {
    return (this.no[asLocale(locale)][cp.index] ??= Object.freeze(evaluation(cp.policy, locale, 'ineligible', NONE, NONE, null)));
  }

  eligible(cp: CompiledPolicy, params: ArrayLike<number>, locale: Locale): Evaluation {
    // ParamTable hands out one array per day, so its identity keys the cache.
    if (params !== this.yesParams) {
      this.yes['zh-CN'].length = 0;
      this.yes.en.length = 0;
      this.yesParams = params;
    }
    const yes = this.yes[asLocale(locale)];
    let e = yes[cp.index];
    if (!e) {
      e = Object.freeze(evaluation(cp.policy, locale, 'eligible', NONE, NONE, this.amount(cp, params)));
      yes[cp.index] = e;
    }
    return e;
  }

  private readonly amounts: (AmountRange | null)[] = [];
  private amountParams: ArrayLike<number> | null = null;

  /** The frozen amount of a policy whose amount reads no answers, or null. */
  amount(cp: CompiledPolicy, params: ArrayLike<number>): AmountRange | null {
    if (!cp.amount || !cp.amountIsConstant) return null;
    if (params !== this.amountParams) {
      this.amounts.length = 0;
      this.amountParams = params;
    }
    let a = this.amounts[cp.index];
    if (a === undefined) {
      const r = cp.amount([], params);
      a = r ? Object.freeze(r) : null;
      this.amounts[cp.index] = a;
    }
    return a;
  }
}
