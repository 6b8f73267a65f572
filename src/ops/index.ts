import type { z } from 'zod';
import { between, betweenSchema, compareOperators, compareSchemas } from './compare.js';
import { inList, inRegion, inRegionSchema, inSchema, overlaps, overlapsSchema, present, presentSchema } from './membership.js';
import type { Operator } from './types.js';

/** The rule-file schema of every leaf condition, one per operator. */
export const LeafSchemas = [...compareSchemas, betweenSchema, inSchema, overlapsSchema, presentSchema, inRegionSchema] as const;
/** A leaf condition of the rule language. */
export type LeafCondition = z.infer<(typeof LeafSchemas)[number]>;
export { CompareOps, type CompareOp } from './compare.js';

/** Every leaf operator, by name. The engine looks operators up here once, at compile time. */
export const OPERATORS: ReadonlyMap<string, Operator> = new Map(
  ([...compareOperators, between, inList, overlaps, present, inRegion] as Operator<any>[]).map((o) => [o.op, o as Operator]),
);

export function operatorFor(node: LeafCondition): Operator {
  const op = OPERATORS.get(node.op);
  if (!op) throw new Error(`no operator ${node.op}`);
  return op;
}

export { valueOf } from './types.js';
export type { Operator, Verdict, Operand, LeafKit, DescribeKit } from './types.js';
