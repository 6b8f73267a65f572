import type { Tri } from '../core/tri.js';
import type { Locale } from '../core/text.js';
import type { Domain, LeafBase, Value } from '../policy/terms.js';

/** A compiled condition: facts and parameter values in, three-valued truth out. */
export type Verdict = (facts: readonly unknown[], params: ArrayLike<number>) => Tri;

/** A literal already in the fact's domain (dates as day numbers), or a parameter slot. */
export type Operand = { lit: unknown } | { param: number; times: number };

export interface LeafKit {
  slot: number;
  operand(value: Value): Operand;
}

export interface DescribeKit {
  locale: Locale;
  /** A value as a person reads it: dates, labels, percentages for ratios, units. */
  show(value: Value | unknown): string;
}

/** One operator of the rule language: its node schema lives in policy/schema.ts, its behaviour here. */
export interface Operator<N extends LeafBase = LeafBase> {
  readonly op: N['op'];
  /** Fact domains the operator reads. */
  readonly domains: readonly Domain[];
  /** The literals in the node, with their paths, to check against the fact's domain. */
  literals(node: N): { path: (string | number)[]; value: Value }[];
  compile(node: N, kit: LeafKit): Verdict;
  /** What the condition expects, in words ("≥ 15%", "属于：高校毕业生、退役军人"). */
  describe(node: N, kit: DescribeKit): string;
}

export const valueOf = (o: Operand, params: ArrayLike<number>): unknown => ('lit' in o ? o.lit : (params[o.param] as number) * o.times);
