import type { Status } from '../core/tri.js';
import type { AmountRange, Evaluation } from '../engine/index.js';
import { regionPrefix } from '../regions/codes.js';
import type { Policy, PolicyKind } from '../policy/schema.js';
import type { CompiledProject } from './compile.js';

/** A policy that could fund a project, with its verdict for the profile. */
export interface ProjectFunding {
  readonly policyId: string;
  readonly status: Exclude<Status, 'ineligible'>;
  readonly amount?: AmountRange;
}

/** Kinds whose amount is money put into the project (tax relief saves money but raises none). */
const CAPITAL_KINDS: ReadonlySet<PolicyKind> = new Set(['guarantee-loan', 'loan', 'subsidy', 'award']);

/** Whether a policy's regions and a project's sites overlap (either covers the other). */
function sharesRegion(policy: Policy, sitePrefixes: readonly string[]): boolean {
  if (policy.regions.length === 0) return true;
  return policy.regions.some((r) => {
    const pp = regionPrefix(r);
    return sitePrefixes.some((sp) => sp.startsWith(pp) || pp.startsWith(sp));
  });
}

export function funds(policy: Policy, cp: CompiledProject): boolean {
  const by = cp.project.fundedBy;
  const named = by.policies.includes(policy.id) || by.kinds.includes(policy.kind) || by.tags.some((t) => policy.tags.includes(t));
  return named && sharesRegion(policy, cp.prefixes);
}

/**
 * The policies that fund the project and are eligible or unknown for the profile, eligible first,
 * then by the larger amount, then in catalogue order. `capital` is the CNY the policy could put in
 * (an unknown verdict counts half), for the capital fit.
 */
export function fundingFor(cp: CompiledProject, policies: readonly Policy[], evaluations: readonly Evaluation[]): (ProjectFunding & { capital: number })[] {
  const byId = new Map(policies.map((p, i) => [p.id, { p, i }]));
  const out: (ProjectFunding & { capital: number; index: number })[] = [];
  for (const e of evaluations) {
    if (e.status === 'ineligible') continue;
    const entry = byId.get(e.policyId);
    if (!entry || !funds(entry.p, cp)) continue;
    const money = e.amount && e.amount.unit === 'CNY' && CAPITAL_KINDS.has(entry.p.kind) ? e.amount.max : 0;
    const capital = e.status === 'eligible' ? money : money / 2;
    out.push({ policyId: e.policyId, status: e.status, ...(e.amount ? { amount: e.amount } : {}), capital, index: entry.i });
  }
  out.sort((a, b) => (a.status === b.status ? 0 : a.status === 'eligible' ? -1 : 1) || (b.amount?.max ?? 0) - (a.amount?.max ?? 0) || a.index - b.index);
  return out.map(({ index: _i, ...x }) => x);
}
