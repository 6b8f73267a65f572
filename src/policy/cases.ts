import type { Status } from '../core/tri.js';
import { safeParseProfile } from '../profile/validate.js';
import type { Profile } from '../profile/schema.js';
import type { Policy } from './schema.js';

const sorted = (xs: readonly string[]) => [...xs].sort().join(', ');

/** What an embedded case can expect of any evaluated document (a policy or a project). */
export interface Expectation {
  status: Status;
  amount?: { min: number; max: number; unit?: string | undefined } | null | undefined;
  missing?: string[] | undefined;
  reasons?: { path: string; status: string }[] | undefined;
  amountBasis?: string | undefined;
}

/** What a case compares: any evaluation-shaped result (policies and projects). */
export interface Evaluated {
  readonly status: Status;
  readonly missing: readonly string[];
  readonly amount?: { readonly min: number; readonly max: number; readonly unit?: string | undefined } | undefined;
  readonly reasons?: readonly { readonly path: string; readonly status: string }[] | undefined;
  readonly amountBasis?: string | undefined;
}

/** Differences between a case's expectation and an evaluation, for people; empty when they agree. */
export function compareExpectation(x: Expectation, e: Evaluated | undefined, absent = 'not in force'): string[] {
  const problems: string[] = [];
  const status = e?.status ?? 'ineligible';
  if (status !== x.status) problems.push(`status: expected ${x.status}, got ${status}${e ? '' : ` (${absent})`}`);
  if (x.amount === null && e?.amount) problems.push(`amount: expected none, got ${JSON.stringify(e.amount)}`);
  if (x.amount) {
    const a = e?.amount;
    if (!a || a.min !== x.amount.min || a.max !== x.amount.max || (x.amount.unit && a.unit !== x.amount.unit))
      problems.push(`amount: expected ${JSON.stringify(x.amount)}, got ${a ? JSON.stringify(a) : 'none'}`);
  }
  if (x.missing && sorted(x.missing) !== sorted(e?.missing ?? [])) problems.push(`missing: expected [${sorted(x.missing)}], got [${sorted(e?.missing ?? [])}]`);
  if (x.amountBasis && !e?.amountBasis?.includes(x.amountBasis)) problems.push(`amountBasis: expected one naming "${x.amountBasis}", got ${e?.amountBasis ?? 'none'}`);
  for (const r of x.reasons ?? []) {
    if (!e?.reasons?.some((got) => got.path === r.path && got.status === r.status)) problems.push(`reason: expected ${r.path} ${r.status}`);
  }
  return problems;
}

/** A case's profile fragment as a whole profile. */
const caseProfile = (c: { profile: Record<string, unknown> }) => safeParseProfile({ id: 'case', ...c.profile });

/** One embedded case's outcome, whatever kind of document carried it. */
export interface EmbeddedCaseResult<E> {
  file?: string | undefined;
  name: string;
  ok: boolean;
  problems: string[];
  evaluation?: E | undefined;
}

interface CaseCarrier {
  file?: string | undefined;
  cases: readonly { name: string; asOf: string; profile: Record<string, unknown>; expect: Expectation }[];
}

/**
 * Runs the cases of each document against an evaluator built for that document alone; `absent`
 * says why a document gave no evaluation (not in force, not open).
 */
export function runEmbeddedCases<D extends CaseCarrier, E extends Evaluated>(
  docs: readonly D[],
  evaluatorFor: (doc: D) => (profile: Profile, asOf: string) => E | undefined,
  absent: string,
): { doc: D; result: EmbeddedCaseResult<E> }[] {
  const out: { doc: D; result: EmbeddedCaseResult<E> }[] = [];
  for (const doc of docs) {
    if (doc.cases.length === 0) continue;
    const evaluate = evaluatorFor(doc);
    for (const c of doc.cases) {
      const base = { file: doc.file, name: c.name };
      const parsed = caseProfile(c);
      if (!parsed.success) {
        out.push({ doc, result: { ...base, ok: false, problems: [`profile: ${parsed.error.message}`] } });
        continue;
      }
      const evaluation = evaluate(parsed.profile, c.asOf);
      const problems = compareExpectation(c.expect, evaluation, absent);
      out.push({ doc, result: { ...base, ok: problems.length === 0, problems, evaluation } });
    }
  }
  return out;
}
