import type { z } from 'zod';
import type { LeafBase } from '../policy/terms.js';
import { between, compareOperators } from './compare.js';
import { judgedAt } from './judged-at.js';
import { inList, inRegion, overlaps, present } from './membership.js';
import type { Operator } from './types.js';

/**
 * The registered operators. A new operator is one file in this folder and one entry here: the rule
 * language's schema, checks, compiler, reference interpreter, lint, near-miss advice and property
 * tests all read it from this list (see the README, "Adding an operator").
 */
const REGISTERED = [...compareOperators, between, inList, overlaps, present, inRegion, judgedAt] as const;

type NodeOf<O> = O extends Operator<infer N> ? N : never;
/** A leaf condition of the rule language: one node of any registered operator. */
export type LeafCondition = NodeOf<(typeof REGISTERED)[number]>;

/** Every leaf operator, by name. The engine looks operators up here once, at compile time. */
export const OPERATORS: ReadonlyMap<string, Operator> = new Map(REGISTERED.map((o) => [o.op, o as unknown as Operator]));

/** The rule-file schema of every leaf condition, one per operator, for the rule language's union. */
// Each is a strict object with a literal `op`, which is what a discriminated union needs.
export const LeafSchemas = REGISTERED.map((o) => o.schema) as unknown as readonly z.core.$ZodTypeDiscriminable[];

export function operatorFor(node: LeafBase): Operator {
  const op = OPERATORS.get(node.op);
  if (!op) throw new Error(`no operator ${node.op}`);
  return op;
}

/** "The field is on or before this value": carry-over's "started by the end" (policy/carry.ts). */
export const onOrBeforeCondition = (field: string, value: string, extra: { id?: string; clause?: string | undefined } = {}): LeafCondition => ({
  op: 'lte',
  field,
  value,
  ...extra,
});

export { CompareOps, type CompareOp } from './compare.js';
export { regionCondition } from './membership.js';
export { ANY, leafFields, outcomeOver, Span, spanOf, valueOf } from './types.js';
export type { Allowed, ArbKit, Atom, DescribeKit, LeafKit, Move, NodeIssue, Operand, Operator, SpanSemantics, SqlKit, Verdict } from './types.js';
