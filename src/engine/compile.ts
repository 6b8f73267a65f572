import type { Locale } from '../core/locale.js';
import type { Tri } from '../core/tri.js';
import { dayOf } from '../core/dates.js';
import { operatorFor, regionCondition, Span, valueOf, type Operand, type Operator, type Verdict } from '../ops/index.js';
import type { Condition, LeafCondition, Policy, Value } from '../policy/schema.js';
import { factDomain, factRef, type Domain, type FactRef, type FactTable } from './facts.js';
import type { ParamTable } from './params.js';
import { carryCondition } from '../policy/carry.js';
import { mootFor } from '../profile/implications.js';

// Local copies of core/tri.ts's F/T/U: some loaders turn imported bindings into getter calls, one per leaf.
const F = 0;
const T = 1;
const U = 2;

/** A compiled condition that keeps its shape, for explanations and missing-field collection. */
export interface CompiledNode {
  readonly verdict: Verdict;
  readonly kind: 'all' | 'any' | 'not' | 'leaf';
  readonly node: Condition;
  /** Where the condition sits in the rule file (`eligibility.of.1`). */
  readonly at: string;
  readonly children: readonly CompiledNode[];
  readonly leaf?: {
    readonly op: Operator;
    readonly node: LeafCondition;
    readonly ref: FactRef;
    readonly domain: Domain;
    readonly slot: number;
    /** Raw slots of the fields the fact is computed from, to tell which are unanswered; `moot` tells when the answer cannot matter. */
    readonly inputs: readonly { field: string; slot: number; moot?: { slot: number; is: unknown } }[];
    /** A literal or parameter of the node in the fact's domain, at the given parameter values. */
    readonly value: (v: Value, params: ArrayLike<number>) => unknown;
    /** The leaf's reasons already built, by locale and value read (see explain.ts). */
    readonly memo: ReasonMemo;
  };
}

/**
 * Reasons one leaf has given, frozen, by locale and the value it read. Owned by the compiled leaf,
 * so it lives as long as its matcher. Invalidation: kept for one parameter table (one day) at a
 * time, emptied when another is used; each locale's map is cleared past 1024 values.
 */
export interface ReasonMemo {
  params: ArrayLike<number> | null;
  byLocale: Partial<Record<Locale, Map<unknown, unknown>>>;
}

export interface CompileScope {
  facts: FactTable;
  params: ParamTable;
  /** Parameter name → global slot, for the policy being compiled. */
  paramSlots: ReadonlyMap<string, number>;
  /** Slots of the parameters regions may set (each a low slot with its high end next to it). */
  localSlots?: ReadonlySet<number> | undefined;
}

export function toOperand(value: Value, domain: Domain, scope: CompileScope): Operand {
  if (typeof value === 'object') {
    const slot = scope.paramSlots.get(value.param);
    if (slot === undefined) throw new Error(`unknown parameter ${value.param}`);
    return { param: slot, times: value.times ?? 1 };
  }
  if (domain === 'date' && typeof value === 'string') return { lit: dayOf(value) };
  return { lit: value };
}

function compileAll(cs: Verdict[]): Verdict {
  const n = cs.length;
  if (n === 0) return () => T;
  if (n === 1) return cs[0] as Verdict;
  if (n === 2) {
    const [a, b] = cs as [Verdict, Verdict];
    return (f, p) => {
      const x = a(f, p);
      if (x === F) return F;
      const y = b(f, p);
      return y === F ? F : x === U || y === U ? U : T;
    };
  }
  return (f, p) => {
    let r: Tri = T;
    for (let i = 0; i < n; i++) {
      const v = (cs[i] as Verdict)(f, p);
      if (v === F) return F;
      if (v === U) r = U;
    }
    return r;
  };
}

function compileAny(cs: Verdict[]): Verdict {
  const n = cs.length;
  if (n === 0) return () => F;
  if (n === 1) return cs[0] as Verdict;
  return (f, p) => {
    let r: Tri = F;
    for (let i = 0; i < n; i++) {
      const v = (cs[i] as Verdict)(f, p);
      if (v === T) return T;
      if (v === U) r = U;
    }
    return r;
  };
}

export function compileCondition(node: Condition, scope: CompileScope, at: string): CompiledNode {
  switch (node.op) {
    case 'all':
    case 'any': {
      const children = node.of.map((c, i) => compileCondition(c, scope, `${at}.of.${i}`));
      const vs = children.map((c) => c.verdict);
      return { kind: node.op, node, at, children, verdict: node.op === 'all' ? compileAll(vs) : compileAny(vs) };
    }
    case 'not': {
      const child = compileCondition(node.of, scope, `${at}.of`);
      const c = child.verdict;
      return { kind: 'not', node, at, children: [child], verdict: (f, p) => { const v = c(f, p); return v === U ? U : v === T ? F : T; } };
    }
    default: {
      const op = operatorFor(node);
      const ref: FactRef = factRef(node);
      const domain = factDomain(ref) as Domain;
      const slot = scope.facts.slot(ref);
      const inputs = op.fields(node).map((field) => {
        const m = mootFor(field, node.measure);
        return { field, slot: scope.facts.slot({ field }), ...(m ? { moot: { slot: scope.facts.slot({ field: m.field }), is: m.is } } : {}) };
      });
      const own = op.compile(node, { slot, operand: (v) => toOperand(v, domain, scope) });
      // Only numbers and dates are answered approximately; an operator that cannot judge a span leaves it unknown.
      const verdict: Verdict = op.span || (domain !== 'number' && domain !== 'date') ? own : (f, p) => (f[slot] instanceof Span ? U : own(f, p));
      const value = (v: Value, p: ArrayLike<number>) => valueOf(toOperand(v, domain, scope), p);
      return { kind: 'leaf', node, at, children: [], verdict, leaf: { op, node, ref, domain, slot, inputs, value, memo: { params: null, byLocale: {} } } };
    }
  }
}

/** Adds the field paths whose answers could settle an unknown node, skipping decided branches. */
export function collectMissing(n: CompiledNode, f: readonly unknown[], p: ArrayLike<number>, out: Set<string>): void {
  const list: string[] = [];
  missingInto(n, f, p, list);
  for (const x of list) out.add(x);
}

/**
 * One pass that gives the node's verdict and appends the unanswered fields under its undecided
 * branches (duplicates possible): what a decided node appended is dropped again on the way up.
 */
export function missingInto(n: CompiledNode, f: readonly unknown[], p: ArrayLike<number>, out: string[]): Tri {
  if (n.leaf) {
    const t = n.verdict(f, p);
    // A range that leaves the leaf open is settled by a closer answer, as an absent one is.
    if (t === U) for (const i of n.leaf.inputs) if ((f[i.slot] === undefined || f[i.slot] instanceof Span) && !(i.moot && f[i.moot.slot] === i.moot.is)) out.push(i.field);
    return t;
  }
  const start = out.length;
  const cs = n.children;
  let t: Tri;
  if (n.kind === 'not') {
    const c = missingInto(cs[0]!, f, p, out);
    t = c === U ? U : c === T ? F : T;
  } else {
    const stop = n.kind === 'all' ? F : T;
    t = n.kind === 'all' ? T : F;
    for (let i = 0; i < cs.length; i++) {
      const c = missingInto(cs[i]!, f, p, out);
      if (c === stop) {
        t = stop;
        break;
      }
      if (c === U) t = U;
    }
  }
  if (t !== U) out.length = start;
  return t;
}

/** The eligibility tree with the policy's regions as an implicit first condition on `regionCode`. */
export function compileEligibility(policy: Policy, scope: CompileScope): CompiledNode {
  const own = compileCondition(policy.eligibility, scope, 'eligibility');
  const carryNode = carryCondition(policy);
  // Carry-over: "started by the end" stands beside the rule's own conditions, compiled at its own path.
  const elig: CompiledNode = carryNode
    ? (() => {
        const carry = compileCondition(carryNode, scope, 'carryOver');
        return { kind: 'all', node: { op: 'all', of: [policy.eligibility, carryNode] }, at: 'eligibility', children: [own, carry], verdict: compileAll([own.verdict, carry.verdict]) };
      })()
    : own;
  if (policy.regions.length === 0) return elig;
  const regionNode: Condition = regionCondition(policy.regions, 'region');
  const region = compileCondition(regionNode, scope, 'regions');
  const node: Condition = { op: 'all', of: [regionNode, elig.node] };
  return { kind: 'all', node, at: '', children: [region, elig], verdict: compileAll([region.verdict, elig.verdict]) };
}
