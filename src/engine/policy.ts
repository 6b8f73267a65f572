import { contentHash } from '../core/hash.js';
import { dayOf } from '../core/dates.js';
import { regionPrefix } from '../regions/codes.js';
import type { Parameter, Policy } from '../policy/schema.js';
import { paramsRead } from '../policy/overlay.js';
import { compileAmount, type AmountFn } from './amount.js';
import { compileEligibility, type CompiledNode } from './compile.js';
import type { FactTable } from './facts.js';
import type { ParamTable } from './params.js';
import { lastDay } from '../policy/carry.js';
import type { Verdict } from '../ops/index.js';

/** A policy compiled once at load: closures for its verdict and amount, its window as day numbers. */
export interface CompiledPolicy {
  readonly policy: Policy;
  readonly index: number;
  readonly root: CompiledNode;
  /** The verdict for a profile whose known region the policy covers: the region test is skipped. */
  readonly withinRegion: Verdict;
  readonly amount: AmountFn | null;
  /** The amount reads no answers (fixed, range, per-year), so it depends on the day only. */
  readonly amountIsConstant: boolean;
  readonly from: number;
  readonly to: number;
  /** Region prefixes the policy covers; empty means nationwide. */
  readonly prefixes: readonly string[];
  /** Content hash of the rule, so a changed rule can be told from an unchanged one. */
  readonly hash: string;
  readonly paramSlots: ReadonlyMap<string, number>;
  /** Parameters regions may set that the amount reads: the amount then depends on the region. */
  readonly local: readonly { readonly name: string; readonly slot: number; readonly param: Parameter }[];
}


export function compilePolicy(policy: Policy, index: number, facts: FactTable, params: ParamTable): CompiledPolicy {
  const paramSlots = new Map<string, number>();
  for (const [name, param] of Object.entries(policy.parameters)) paramSlots.set(name, params.add(param));
  const read = paramsRead(policy.amount);
  const local = Object.entries(policy.parameters)
    .filter(([name, param]) => param.localRange && read.has(name))
    .map(([name, param]) => ({ name, slot: paramSlots.get(name)!, param }));
  for (const overlay of policy.overlays ?? []) for (const name of Object.keys(overlay.parameters)) params.addOverlay(overlay, name, paramSlots.get(name)!);
  const scope = { facts, params, paramSlots, localSlots: new Set(local.map((l) => l.slot)) };
  const root = compileEligibility(policy, scope);
  let hash: string | undefined;
  return {
    policy,
    index,
    root,
    withinRegion: policy.regions.length ? root.children[1]!.verdict : root.verdict,
    amount: policy.amount ? compileAmount(policy.amount, scope, 'amount') : null,
    // An amount that reads a figure regions may set depends on the region, as on an answer.
    amountIsConstant: !!policy.amount && local.length === 0 && ['fixed', 'range', 'per-year'].includes(policy.amount.kind),
    from: policy.validFrom ? dayOf(policy.validFrom) : Number.NEGATIVE_INFINITY,
    to: lastDay(policy) !== null ? dayOf(lastDay(policy)!) : Number.POSITIVE_INFINITY,
    prefixes: policy.regions.map(regionPrefix),
    // Hashed on first read: only screening state needs it, and loading 200 rules should not wait for it.
    get hash() {
      if (hash === undefined) {
        const { cases: _cases, file: _file, overlays, ...content } = policy;
        // Overlays' figures change the amount; where their files lie does not.
        hash = contentHash(overlays?.length ? { ...content, overlays: overlays.map(({ file: _f, ...o }) => o) } : content);
      }
      return hash;
    },
    paramSlots,
    local,
  };
}

export const inForce = (cp: CompiledPolicy, day: number): boolean => cp.from <= day && day <= cp.to;

export function coversRegion(cp: CompiledPolicy, regionCode: string | undefined): boolean {
  if (cp.prefixes.length === 0 || regionCode === undefined) return true;
  for (const p of cp.prefixes) if (regionCode.startsWith(p)) return true;
  return false;
}
