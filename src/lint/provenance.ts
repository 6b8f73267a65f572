import { dayOf, fromDayNumber } from '../core/dates.js';
import type { Condition, Policy } from '../policy/schema.js';
import type { Finding, LintOptions } from './types.js';

type Path = (string | number)[];

/** The day `years` years before `day` (days past the 28th read as the 28th, so every month has one). */
export function yearsBefore(day: number, years: number): number {
  const t = fromDayNumber(day);
  return dayOf(`${String(t.y - years).padStart(4, '0')}-${String(t.m).padStart(2, '0')}-${String(Math.min(t.d, 28)).padStart(2, '0')}`);
}

/** A national rule: official text (not a sample) that applies everywhere. */
export const isNational = (p: Policy): boolean => !p.sample && p.regions.length === 0;

/** Leaves that name no clause, themselves or through an enclosing group. */
function unclaused(c: Condition, path: Path, inherited: boolean, out: Path[]): void {
  const has = inherited || !!c.clause;
  if (c.op === 'all' || c.op === 'any') c.of.forEach((x, i) => unclaused(x, [...path, 'of', i], has, out));
  else if (c.op === 'not') unclaused(c.of, [...path, 'of'], has, out);
  else if (!has) out.push(path);
}

/**
 * What a reader needs to check an official rule against its documents: the documents, the clause of
 * each condition and parameter value, and a review no older than a year.
 */
export function provenanceFindings(p: Policy, o: LintOptions): Finding[] {
  const out: Finding[] = [];
  const add = (severity: Finding['severity'], code: string, path: Path, message: string) => out.push({ severity, code, policyId: p.id, path, message });
  if (!p.sample)
    for (const [name, param] of Object.entries(p.parameters))
      param.values.forEach((v, i) => {
        if (!v.source) add('error', 'unsourced_parameter', ['parameters', name, 'values', i], `the value of "${name}" from ${v.from} names no document and clause (source)`);
      });
  if (p.source.reviewed) {
    if (dayOf(p.source.reviewed) < yearsBefore(dayOf(o.asOf), 1)) add('warning', 'review_due', ['source', 'reviewed'], `last checked against its documents on ${p.source.reviewed}, over a year before ${o.asOf}`);
  }
  if (!isNational(p)) return out;
  if (!p.source.documents?.length) add('error', 'provenance_missing', ['source', 'documents'], 'a national rule should list its documents (source.documents: number, title, date)');
  if (!p.source.reviewed) add('error', 'provenance_missing', ['source', 'reviewed'], 'a national rule should say when it was last checked against its documents (source.reviewed)');
  const leaves: Path[] = [];
  unclaused(p.eligibility, ['eligibility'], false, leaves);
  for (const path of leaves) add('error', 'clause_missing', path, 'this condition of a national rule names no clause (clause), nor does any group around it');
  return out;
}
