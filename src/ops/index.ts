import type { LeafCondition } from '../policy/schema.js';
import { between, compareOperators } from './compare.js';
import { inList, inRegion, overlaps, present } from './membership.js';
import type { Operator } from './types.js';

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
