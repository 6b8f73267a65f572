import { resolveAsOf, POLICY_TIME_ZONE } from '../core/dates.js';
import type { Locale } from '../core/text.js';
import { triToStatus, type Tri } from '../core/tri.js';
import { parseProfileFast } from './profile-check.js';
import type { Profile } from '../profile/schema.js';
import type { Policy } from '../policy/schema.js';
import type { Evaluation } from './evaluation.js';
import { missingInto } from './compile.js';
import { explain } from './explain.js';
import { FactTable } from './facts.js';
import { ParamTable } from './params.js';
import { compilePolicy, inForce, type CompiledPolicy } from './policy.js';
import { SharedResults } from './shared.js';

// Local copies of core/tri.ts's F/T/U: some loaders turn imported bindings into getter calls, one per leaf.
const F = 0;
const T = 1;
const U = 2;

const NONE: readonly never[] = Object.freeze([]);

export type { Evaluation } from './evaluation.js';

export interface MatcherOptions {
  /** Where `asOf` is read when a caller gives none: the only clock read, at the edge. */
  clock?: () => Date;
  /** Wall clock that turns an instant into a civil date. Default Asia/Shanghai. */
  timeZone?: string;
}

export interface EvaluateOptions {
  asOf?: Date | string;
  locale?: Locale;
  /** `explain` (default) fills reasons; `verdict` gives status, missing and amount only. */
  mode?: 'explain' | 'verdict';
  /** `all` (default) reports every policy in force; `applicable` skips other regions' policies. */
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
  private readonly candidateCache = new Map<string, CompiledPolicy[]>();
  private readonly scratch: unknown[];
  /** Frozen verdict-mode results shared across profiles (see shared.ts). */
  readonly shared = new SharedResults();

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
    this.clock = options.clock ?? (() => new Date());
    this.timeZone = options.timeZone ?? POLICY_TIME_ZONE;
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
    if (!explainIt) return this.verdictOf(cp, t, f, p);
    const status = triToStatus(t);
    const missing = t === U ? this.missingOf(cp, f, p) : NONE;
    const reasons = explain(cp.root, f, p, locale);
    const amount = status === 'ineligible' || !cp.amount ? null : cp.amountIsConstant ? this.shared.amount(cp, p) : cp.amount(f, p);
    return amount ? { policyId: cp.policy.id, status, missing, reasons, amount } : { policyId: cp.policy.id, status, missing, reasons };
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
  private verdictOf(cp: CompiledPolicy, t: Tri, f: readonly unknown[], p: ArrayLike<number>): Evaluation {
    if (t === F) return this.shared.ineligible(cp);
    if (t === T && (!cp.amount || cp.amountIsConstant)) return this.shared.eligible(cp, p);
    const missing = t === U ? this.missingOf(cp, f, p) : NONE;
    const amount = !cp.amount ? null : cp.amountIsConstant ? this.shared.amount(cp, p) : cp.amount(f, p);
    const status = triToStatus(t);
    return amount ? { policyId: cp.policy.id, status, missing, reasons: NONE, amount } : { policyId: cp.policy.id, status, missing, reasons: NONE };
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
    const p = this.params.at(day);
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

  /** Evaluates a validated profile at a civil day. */
  evaluateProfile(profile: Profile, day: number, opts: Omit<EvaluateOptions, 'asOf'> = {}): Evaluation[] {
    const locale = opts.locale ?? 'zh-CN';
    const explainIt = (opts.mode ?? 'explain') === 'explain';
    // Results never keep the fact array, so one scratch array serves every call.
    const f = this.facts.fill(profile, day, this.scratch);
    const p = this.params.at(day);
    const region = profile.regionCode;
    const applicable = this.candidates(region, day);
    const pool = opts.scope === 'applicable' ? applicable : this.candidates(undefined, day);
    const out: Evaluation[] = new Array(pool.length);
    // Both lists are in catalogue order: walk them together instead of testing each region.
    let j = 0;
    for (let i = 0; i < pool.length; i++) {
      const cp = pool[i] as CompiledPolicy;
      if (applicable[j] === cp) {
        j++;
        out[i] = explainIt || region === undefined ? this.evaluateCompiled(cp, f, p, locale, explainIt) : this.verdictOf(cp, cp.withinRegion(f, p), f, p);
      } else if (explainIt) {
        out[i] = this.shared.outOfRegion(cp, region!, locale, () => explain(cp.root.children[0]!, f, p, locale));
      } else out[i] = this.shared.ineligible(cp);
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
