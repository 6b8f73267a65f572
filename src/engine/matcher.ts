import { resolveAsOf, POLICY_TIME_ZONE } from '../core/dates.js';
import { asLocale, type Locale } from '../core/locale.js';
import { triToStatus, type Status, type Tri } from '../core/tri.js';
import { parseProfileFast } from './profile-check.js';
import type { Profile } from '../profile/schema.js';
import type { Policy } from '../policy/schema.js';
import type { AmountRange } from './amount.js';
import { cacheSlot as slotOf, MatcherContext, type CacheSlot as Slot } from './context.js';
import { evaluation, NONE, type Evaluation } from './evaluation.js';
import { missingInto, type CompiledNode } from './compile.js';
import { explain } from './explain.js';
import { amountBasis } from './basis.js';
import { FactTable } from './facts.js';
import { ParamTable } from './params.js';
import { compilePolicy, inForce, type CompiledPolicy } from './policy.js';
import { SharedResults } from './shared.js';

// Local copies of core/tri.ts's F/T/U: some loaders turn imported bindings into getter calls, one per leaf.
const F = 0;
const T = 1;
const U = 2;

export type { Evaluation } from './evaluation.js';
/** A per-matcher cache (see context.ts). */
export type CacheSlot<T> = Slot<T, MatcherCore>;
/** Declares a per-matcher cache; the declaring module says beside it what keys it and when it drops entries. */
export const cacheSlot = <T>(name: string, create: (core: MatcherCore) => T): CacheSlot<T> => slotOf(name, create);

/** A verdict-mode row: a policy's status with the amount and missing fields verdict mode reports. */
export type VerdictRow = (cp: CompiledPolicy, status: Status, amount: AmountRange | undefined, missing: readonly string[]) => void;

const STATUS: readonly Status[] = ['ineligible', 'eligible', 'unknown'];

/** Options of a matcher: its clock and time zone. */
export interface MatcherOptions {
  /** Where `asOf` is read when a caller gives none: the only clock read, at the edge. */
  clock?: () => Date;
  /** Wall clock that turns an instant into a civil date. Default Asia/Shanghai. */
  timeZone?: string;
}

/** Options of `matcher.evaluate`. */
export interface EvaluateOptions {
  asOf?: Date | string;
  locale?: Locale;
  /** `explain` (default) fills reasons; `verdict` gives status, missing and amount only. */
  mode?: 'explain' | 'verdict';
  /**
   * `applicable` (default): the policies in force that can apply where the profile's business is —
   * nationwide ones and those of its region (`regionCode`). Without a `regionCode` every policy in
   * force is listed, the local ones `unknown` with `regionCode` among the missing answers. `all`
   * adds other regions' policies as ineligible.
   */
  scope?: 'all' | 'applicable';
}

/**
 * The compiled catalogue and the core evaluation loop. Ranking, search and questions build on it.
 */
export class MatcherCore {
  readonly policies: readonly Policy[];
  readonly compiled: readonly CompiledPolicy[];
  readonly facts = new FactTable();
  readonly params = new ParamTable();
  private readonly clock: () => Date;
  readonly timeZone: string;
  private readonly byId: ReadonlyMap<string, CompiledPolicy>;
  private readonly nationwide: CompiledPolicy[] = [];
  private readonly byPrefix = new Map<string, CompiledPolicy[]>();
  /** Candidate pools by region and day; cleared past 4096 entries (the catalogue itself never changes). */
  private readonly candidateCache = new Map<string, CompiledPolicy[]>();
  /** The fact array of the call in progress (evaluate, verdicts), and one for explanations asked for meanwhile. */
  private readonly scratch: unknown[];
  private readonly explainScratch: unknown[];
  /** Frozen verdict-mode results shared across profiles (see shared.ts for when they are dropped). */
  private readonly shared = new SharedResults();
  /** Every other per-matcher cache, the features' included (see context.ts). */
  private readonly context = new MatcherContext<MatcherCore>(this);

  constructor(policies: readonly Policy[], options: MatcherOptions = {}) {
    this.policies = Object.freeze([...policies]);
    this.compiled = this.policies.map((p, i) => compilePolicy(p, i, this.facts, this.params));
    this.byId = new Map(this.compiled.map((c) => [c.policy.id, c]));
    for (const c of this.compiled) {
      if (c.prefixes.length === 0) this.nationwide.push(c);
      for (const prefix of new Set(c.prefixes)) {
        const list = this.byPrefix.get(prefix) ?? [];
        list.push(c);
        this.byPrefix.set(prefix, list);
      }
    }
    this.scratch = new Array(this.facts.refs.length).fill(undefined);
    this.explainScratch = new Array(this.facts.refs.length).fill(undefined);
    this.clock = options.clock ?? (() => new Date());
    this.timeZone = options.timeZone ?? POLICY_TIME_ZONE;
  }

  /** This matcher's instance of a per-matcher cache. */
  cache<T>(slot: CacheSlot<T>): T {
    return this.context.get(slot);
  }

  /** The amount verdict mode reports for a policy that is not ineligible: shared when it reads no answers. */
  amountOf(cp: CompiledPolicy, f: readonly unknown[], p: ArrayLike<number>): AmountRange | null {
    return !cp.amount ? null : cp.amountIsConstant ? this.shared.amount(cp, this.params.baseOf(p)) : cp.amount(f, p);
  }

  /**
   * Whether verdict mode gives every profile with this status the same result for `cp`: every
   * ineligible one, and an eligible one whose amount reads no answers. Such results need not
   * cross a thread: `sharedResult` rebuilds them from the status.
   */
  isShared(cp: CompiledPolicy, status: Status): boolean {
    return status === 'ineligible' || (status === 'eligible' && (!cp.amount || cp.amountIsConstant));
  }

  /** The shared verdict-mode result (see `isShared`) on `day`. */
  sharedResult(cp: CompiledPolicy, status: 'ineligible' | 'eligible', day: number, locale: Locale = 'zh-CN'): Evaluation {
    return status === 'ineligible' ? this.shared.ineligible(cp, locale) : this.shared.eligible(cp, this.params.at(day), locale);
  }

  /** Which figure the amount rests on where regions may set it (see basis.ts); undefined otherwise. */
  amountBasisOf(cp: CompiledPolicy, p: ArrayLike<number>, locale: Locale): string | undefined {
    return amountBasis(cp, this.params, p, locale);
  }

  /** Each policy's content hash by id, so a changed rule can be told from an unchanged one. */
  ruleHashes(): Record<string, string> {
    const out: Record<string, string> = {};
    for (const cp of this.compiled) out[cp.policy.id] = cp.hash;
    return out;
  }

  /** A leaf's verdict on another day: its fact recomputed for that day, with that day's parameters (waiting periods). */
  leafOnDay(n: CompiledNode, f: readonly unknown[], profile: Profile, day: number): Tri {
    const f2 = f.slice();
    f2[n.leaf!.slot] = this.facts.readAt(n.leaf!.slot, profile, day);
    return n.verdict(f2, this.params.at(day));
  }

  compiledById(id: string): CompiledPolicy | undefined {
    return this.byId.get(id);
  }

  /** The civil day of `asOf`, reading the clock only when none is given. */
  day(asOf: Date | string | undefined): number {
    return resolveAsOf(asOf ?? this.clock(), this.timeZone);
  }

  /** Policies in force on `day` that can apply in `regionCode` (all regions when unknown), in catalogue order. */
  candidates(regionCode: string | undefined, day: number): CompiledPolicy[] {
    const key = `${regionCode ?? '*'}|${day}`;
    let list = this.candidateCache.get(key);
    if (list) return list;
    let pool: CompiledPolicy[];
    if (regionCode === undefined) pool = [...this.compiled];
    else {
      const seen = new Set<CompiledPolicy>(this.nationwide);
      for (const len of [2, 4, 6]) for (const c of this.byPrefix.get(regionCode.slice(0, len)) ?? []) seen.add(c);
      pool = [...seen].sort((a, b) => a.index - b.index);
    }
    list = pool.filter((c) => inForce(c, day));
    if (this.candidateCache.size > 4096) this.candidateCache.clear();
    this.candidateCache.set(key, list);
    return list;
  }

  /** Evaluates one compiled policy against facts already computed for a profile. */
  evaluateCompiled(cp: CompiledPolicy, f: readonly unknown[], p: ArrayLike<number>, locale: Locale, explainIt: boolean): Evaluation {
    const t = cp.root.verdict(f, p);
    if (!explainIt) return this.verdictOf(cp, t, f, p, locale);
    const status = triToStatus(t);
    const missing = t === U ? this.missingOf(cp, f, p) : NONE;
    // Conditions read no figure regions may set: the national array keeps the reason memos warm across regions.
    const reasons = explain(cp.root, f, this.params.baseOf(p), locale);
    return evaluation(cp.policy, locale, status, missing, reasons, status === 'ineligible' ? null : this.amountOf(cp, f, p), this.amountBasisOf(cp, p, locale));
  }

  /** Field paths whose answers could settle an unknown verdict, in rule order. */
  missingOf(cp: CompiledPolicy, f: readonly unknown[], p: ArrayLike<number>): string[] {
    const list: string[] = [];
    missingInto(cp.root, f, p, list);
    // Few fields repeat, so an in-place linear dedupe beats a Set.
    let n = 0;
    for (let i = 0; i < list.length; i++) {
      const x = list[i]!;
      let seen = false;
      for (let j = 0; j < n; j++) if (list[j] === x) seen = true;
      if (!seen) list[n++] = x;
    }
    list.length = n;
    return list;
  }

  /**
   * A verdict-mode result. Ineligible results, and eligible ones whose amount reads no answers,
   * are frozen objects shared across profiles; only unknowns and fact-dependent amounts allocate.
   */
  private verdictOf(cp: CompiledPolicy, t: Tri, f: readonly unknown[], p: ArrayLike<number>, locale: Locale): Evaluation {
    if (t === F) return this.shared.ineligible(cp, locale);
    // Such an amount reads no figure regions may set: shared across regions as across people.
    if (t === T && (!cp.amount || cp.amountIsConstant)) return this.shared.eligible(cp, this.params.baseOf(p), locale);
    const missing = t === U ? this.missingOf(cp, f, p) : NONE;
    return evaluation(cp.policy, locale, triToStatus(t), missing, NONE, this.amountOf(cp, f, p), this.amountBasisOf(cp, p, locale));
  }

  /**
   * The screening primitive: computes the profile's facts once and calls `visit` with the
   * three-valued verdict (F/T/U of core/tri.ts) of every policy that can apply (in force on `day`,
   * covering the profile's region), in catalogue order. Every other policy in force is ineligible
   * by region. `facts` and `params` are valid only during the call: read `cp.amount?.(facts, params)`
   * or `missingOf(cp, facts, params)` inside `visit` if needed. Allocates nothing per policy.
   * The fact array is reused: `visit` must not evaluate another profile on this core.
   */
  verdicts(profile: Profile, day: number, visit: (cp: CompiledPolicy, t: Tri, facts: readonly unknown[], params: ArrayLike<number>) => void): void {
    const f = this.facts.fill(profile, day, this.scratch);
    const p = this.params.at(day, profile.regionCode);
    const pool = this.candidates(profile.regionCode, day);
    if (profile.regionCode === undefined) {
      for (let i = 0; i < pool.length; i++) visit(pool[i]!, pool[i]!.root.verdict(f, p), f, p);
      return;
    }
    for (let i = 0; i < pool.length; i++) {
      const cp = pool[i] as CompiledPolicy;
      visit(cp, cp.withinRegion(f, p), f, p);
    }
  }

  /**
   * Streams one profile's verdict-mode rows for the policies that can apply where the person is, in
   * catalogue order: status, amount and missing fields, as `evaluate` in verdict mode reports
   * them. Ineligible rows are passed only when `wantIneligible(cp)` says so, so a register of
   * strangers to most policies costs no allocation per policy.
   */
  stream(profile: Profile, day: number, wantIneligible: (cp: CompiledPolicy) => boolean, visit: VerdictRow): void {
    this.verdicts(profile, day, (cp, t, f, p) => {
      if (t === F) {
        if (wantIneligible(cp)) visit(cp, 'ineligible', undefined, NONE);
        return;
      }
      visit(cp, STATUS[t]!, this.amountOf(cp, f, p) ?? undefined, t === T ? NONE : this.missingOf(cp, f, p));
    });
  }

  /**
   * Explain-mode results for a few policies, those among `policyIds` that can apply where the
   * person is. Safe to call while `stream` or `verdicts` visits: it fills a fact array of its own.
   */
  explainSome(profile: Profile, day: number, policyIds: readonly string[], locale: Locale): Map<string, Evaluation> {
    const out = new Map<string, Evaluation>();
    const applicable = this.candidates(profile.regionCode, day);
    const f = this.facts.fill(profile, day, this.explainScratch);
    const p = this.params.at(day, profile.regionCode);
    for (const id of policyIds) {
      const cp = this.byId.get(id);
      if (cp && applicable.includes(cp)) out.set(id, this.evaluateCompiled(cp, f, p, locale, true));
    }
    return out;
  }

  /** Evaluates a validated profile at a civil day. */
  evaluateProfile(profile: Profile, day: number, opts: Omit<EvaluateOptions, 'asOf'> = {}): Evaluation[] {
    const locale = asLocale(opts.locale);
    const explainIt = (opts.mode ?? 'explain') === 'explain';
    // Results never keep the fact array, so one scratch array serves every call.
    const f = this.facts.fill(profile, day, this.scratch);
    const region = profile.regionCode;
    // Figures regions may set are those of the profile's region (the national range when unknown).
    const p = this.params.at(day, region);
    const applicable = this.candidates(region, day);
    const pool = opts.scope === 'all' ? this.candidates(undefined, day) : applicable;
    const out: Evaluation[] = new Array(pool.length);
    // Both lists are in catalogue order: walk them together instead of testing each region.
    let j = 0;
    for (let i = 0; i < pool.length; i++) {
      const cp = pool[i] as CompiledPolicy;
      if (applicable[j] === cp) {
        j++;
        out[i] = explainIt || region === undefined ? this.evaluateCompiled(cp, f, p, locale, explainIt) : this.verdictOf(cp, cp.withinRegion(f, p), f, p, locale);
      } else if (explainIt) {
        out[i] = this.shared.outOfRegion(cp, region!, locale, () => explain(cp.root.children[0]!, f, p, locale));
      } else out[i] = this.shared.ineligible(cp, locale);
    }
    return out;
  }

  /** Validates a profile as `parseProfile` does (same result and errors), on a precompiled fast path. */
  parse(input: unknown): Profile {
    return parseProfileFast(input);
  }

  evaluate(input: unknown, opts: EvaluateOptions = {}): Evaluation[] {
    const profile = this.parse(input);
    return this.evaluateProfile(profile, this.day(opts.asOf), opts);
  }
}
