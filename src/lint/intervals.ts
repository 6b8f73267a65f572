import { dayOf } from '../core/dates.js';
import { ANY, operatorFor, type Allowed, type Atom } from '../ops/index.js';
import { factDomain, factKey } from '../policy/terms.js';
import { fieldInfo } from '../profile/fields.js';
import type { Condition, LeafCondition, Policy } from '../policy/schema.js';
import type { Finding } from './types.js';

type Path = (string | number)[];

const INT_MEASURES = new Set(['age', 'days-since', 'months-since', 'calendar-months-since', 'calendar-years-since', 'months-to-retirement', 'count']);

/** The values a fact can take once answered: counts and amounts are never negative. */
function domainOf(leaf: LeafCondition): { range: Allowed; finite?: Atom[]; integer: boolean } {
  const info = fieldInfo(leaf.field)!;
  const integer = !!leaf.measure && INT_MEASURES.has(leaf.measure);
  if (leaf.measure === 'count' || leaf.per || (!leaf.measure && info.kind === 'number')) return { range: { ...ANY, lo: 0, loIn: true }, integer };
  if (!leaf.measure && info.kind === 'boolean') return { range: ANY, finite: [true, false], integer };
  if (!leaf.measure && info.kind === 'choice' && info.options && !info.openOptions) return { range: ANY, finite: info.options.map((o) => o.value), integer };
  return { range: ANY, integer };
}

const lit = (v: unknown, date: boolean): Atom | null =>
  typeof v === 'object' ? null : date && typeof v === 'string' ? dayOf(v) : (v as Atom);

/** The leaf as an allowed set, or null when it holds a parameter or an operator this reasoning skips. */
function allowed(leaf: LeafCondition): Allowed | null {
  const date = factDomain(leaf) === 'date';
  return operatorFor(leaf).interval(leaf, (v) => lit(v, date));
}

function inRange(x: Atom, a: Allowed): boolean {
  if (typeof x !== 'number') return true;
  return (x > a.lo || (a.loIn && x === a.lo)) && (x < a.hi || (a.hiIn && x === a.hi));
}

/** Whether the leaves together (all must hold) allow no answered value. */
function empty(sets: Allowed[], dom: ReturnType<typeof domainOf>): boolean {
  let r: Allowed = { ...dom.range };
  let points: Atom[] | undefined = dom.finite;
  const nots: Atom[] = [];
  for (const s of sets) {
    if (s.lo > r.lo || (s.lo === r.lo && !s.loIn)) [r.lo, r.loIn] = [s.lo, s.loIn];
    if (s.hi < r.hi || (s.hi === r.hi && !s.hiIn)) [r.hi, r.hiIn] = [s.hi, s.hiIn];
    if (s.points) points = points ? points.filter((p) => s.points!.includes(p)) : s.points;
    if (s.not !== undefined) nots.push(s.not);
  }
  if (dom.integer) {
    const lo = r.loIn ? Math.ceil(r.lo) : Math.floor(r.lo) + 1;
    const hi = r.hiIn ? Math.floor(r.hi) : Math.ceil(r.hi) - 1;
    r = { lo, loIn: true, hi, hiIn: true };
  }
  if (points) return points.filter((p) => inRange(p, r) && !nots.includes(p)).length === 0;
  if (r.lo > r.hi || (r.lo === r.hi && (!r.loIn || !r.hiIn))) return true;
  return r.lo === r.hi && nots.includes(r.lo);
}

/** Whether at least one leaf holds for every answered value: the complement of each is empty together. */
function covers(sets: Allowed[], dom: ReturnType<typeof domainOf>): boolean {
  // The complement of each leaf as pieces (any one may hold); an empty list means the leaf holds for all.
  const comps: Allowed[][] = sets.map((s) => {
    if (s.not !== undefined) return [{ ...ANY, points: [s.not] }];
    if (s.points) return [dom.finite ? { ...ANY, points: dom.finite.filter((p) => !s.points!.includes(p)) } : s.points.length === 1 ? { ...ANY, not: s.points[0] } : ANY];
    const out: Allowed[] = [];
    if (s.lo > -Infinity) out.push({ ...ANY, hi: s.lo, hiIn: !s.loIn });
    if (s.hi < Infinity) out.push({ ...ANY, lo: s.hi, loIn: !s.hiIn });
    return out;
  });
  if (comps.some((c) => c.length === 0)) return true;
  // The leaves cover everything when every choice of one complement piece per leaf is empty.
  const pick = (i: number, acc: Allowed[]): boolean => (i === comps.length ? empty(acc, dom) : comps[i]!.every((c) => pick(i + 1, [...acc, c])));
  return comps.length <= 8 && pick(0, []);
}

function leavesOf(c: Condition, op: 'all' | 'any', path: Path, out: [LeafCondition, Path][]): void {
  if (c.op === op) c.of.forEach((x, i) => leavesOf(x, op, [...path, 'of', i], out));
  else if (c.op !== 'all' && c.op !== 'any' && c.op !== 'not') out.push([c, path]);
}

const NULLABLE_NOTE = ' once answered';

/** Conditions that can never be true, or never false, by reasoning over each fact's values. */
export function intervalFindings(p: Policy): Finding[] {
  const out: Finding[] = [];
  const walk = (c: Condition, path: Path): void => {
    if (c.op === 'not') return walk(c.of, [...path, 'of']);
    if (c.op !== 'all' && c.op !== 'any') {
      const a = allowed(c);
      const dom = domainOf(c);
      if (a && empty([a], dom)) out.push({ severity: 'error', code: 'never_true', policyId: p.id, path, message: `${c.field} ${c.op} can never be true` });
      else if (a && covers([a], dom)) out.push({ severity: 'warning', code: 'never_false', policyId: p.id, path, message: `${c.field} ${c.op} can never be false${NULLABLE_NOTE}` });
      const info = fieldInfo(c.field)!;
      for (const message of operatorFor(c).lint?.(c, { nullable: !!info.nullable, list: info.kind === 'choices' || info.kind === 'strings' }) ?? [])
        out.push({ severity: 'warning', code: 'never_false', policyId: p.id, path, message });
      return;
    }
    if (c.op === 'any' && c.of.length === 0) out.push({ severity: 'warning', code: 'never_true', policyId: p.id, path, message: 'an empty "any" never passes' });
    const leaves: [LeafCondition, Path][] = [];
    leavesOf(c, c.op, path, leaves);
    const byFact = new Map<string, [LeafCondition, Allowed][]>();
    for (const [leaf] of leaves) {
      const a = allowed(leaf);
      if (!a) continue;
      const key = factKey(leaf);
      byFact.set(key, [...(byFact.get(key) ?? []), [leaf, a]]);
    }
    for (const group of byFact.values()) {
      if (group.length < 2) continue;
      const dom = domainOf(group[0]![0]);
      const sets = group.map(([, a]) => a);
      const f = group[0]![0].field;
      if (c.op === 'all' && empty(sets, dom)) out.push({ severity: 'error', code: 'never_true', policyId: p.id, path, message: `the conditions on ${f} in this "all" exclude each other: it can never be true` });
      if (c.op === 'any' && covers(sets, dom)) out.push({ severity: 'warning', code: 'never_false', policyId: p.id, path, message: `the conditions on ${f} in this "any" cover every value: it always passes${NULLABLE_NOTE}` });
    }
    c.of.forEach((x, i) => {
      if (x.op !== c.op) walk(x, [...path, 'of', i]);
      else x.of.forEach((y, j) => walk(y, [...path, 'of', i, 'of', j]));
    });
  };
  walk(p.eligibility, ['eligibility']);
  return out;
}
