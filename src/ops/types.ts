import type { z } from 'zod';
import type { Tri } from '../core/tri.js';
import type { Locale } from '../core/text.js';
import { MEASURE_READS, type Domain, type FactRef, type LeafBase, type Value } from '../policy/terms.js';

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

/** A problem in one node that the schema cannot see, at a path inside the node. */
export interface NodeIssue {
  path: (string | number)[];
  code: string;
  message: string;
}

export type Atom = string | number | boolean;

/**
 * An approximate fact: every value from `lo` to `hi` (inclusive, `lo < hi`) is possible. The fact
 * readers build one from a profile's `{ min, max }` answer ("大概80亩", "去年回来的") in the fact's
 * own domain (numbers, day numbers, ages), so operators compare ends, not dates.
 */
export class Span {
  constructor(
    readonly lo: number,
    readonly hi: number,
  ) {}
}

/** A span, or the point it collapses to when both ends meet. */
export const spanOf = (lo: number, hi: number): number | Span => (lo === hi ? lo : new Span(Math.min(lo, hi), Math.max(lo, hi)));

/**
 * How an operator judges a span, beside its point semantics: true or false when every value in the
 * span gives that outcome, unknown otherwise. An operator that declares it judges `Span` facts in
 * its compiled form too; one that does not leaves every span unknown (the engine sees to that).
 */
export interface SpanSemantics<N extends LeafBase> {
  /**
   * The plain meaning, for the differential test: null when values in the span disagree. (No SQL
   * form: `toSql` reports conditions on fields a register answers approximately.)
   */
  reference(node: N, span: Span, value: (v: Value) => unknown): boolean | null;
}

/**
 * The outcome over a span, read plainly: the test at both ends, at every threshold inside and midway
 * between them agrees, or the span is undecided (null). Exact for conditions whose truth changes only
 * at the thresholds given.
 */
export function outcomeOver(span: Span, thresholds: readonly unknown[], test: (x: number) => boolean): boolean | null {
  const cuts = thresholds.filter((t): t is number => typeof t === 'number' && t > span.lo && t < span.hi);
  const points = [span.lo, ...cuts.sort((a, b) => a - b), span.hi];
  const xs = [...points];
  for (let i = 1; i < points.length; i++) xs.push((points[i - 1]! + points[i]!) / 2);
  const first = test(xs[0]!);
  return xs.every((x) => test(x) === first) ? first : null;
}

/**
 * The answered values a leaf allows, for lint's reasoning: a range (numbers, days), and for
 * equality and lists a finite set of values; `not` excludes one value.
 */
export interface Allowed {
  lo: number;
  loIn: boolean;
  hi: number;
  hiIn: boolean;
  points?: Atom[];
  not?: Atom;
}

/** Every value: the range lint starts from. */
export const ANY: Allowed = Object.freeze({ lo: -Infinity, loIn: false, hi: Infinity, hiIn: false });

/**
 * Where a failing leaf would pass, for near-miss advice, in the fact's own values (thresholds
 * resolved at the day's parameters): at least / at most a bound, within two, one of some values,
 * or one value. Null when the operator names no direction ("set" it otherwise).
 */
export type Move =
  | { toward: 'at-least'; value: unknown; strict: boolean }
  | { toward: 'at-most'; value: unknown; strict: boolean }
  | { toward: 'within'; lo: unknown; hi: unknown }
  | { toward: 'one-of'; values: string[] }
  | { toward: 'equal'; value: unknown };

/**
 * Generators for property tests. The test helpers build one from fast-check, so the runtime never
 * loads it; `A` is fast-check's `Arbitrary`.
 */
export interface ArbKit<A> {
  /** The leaf's fact: its field, and its measure or ratio when derived. */
  readonly base: Readonly<FactRef>;
  readonly domain: Domain;
  /** A literal or parameter comparable with the fact. */
  readonly value: A;
  /** A literal list member in the fact's domain. */
  readonly item: A;
  /** Region codes whose prefixes overlap. */
  readonly region: A;
  constant(x: unknown): A;
  map(a: A, f: (x: any) => unknown): A;
  tuple(...as: A[]): A;
  /** Distinct values, `min` to `max` of them. */
  set(a: A, min: number, max: number): A;
  /** Two bounds in order (the loader refuses an inverted literal range). */
  ordered(a: unknown, b: unknown): { min: unknown; max: unknown };
}

/**
 * What an operator's SQL form is built from (sql/compile.ts makes one per leaf). Every value from
 * a rule file reaches the text only through `operand`/`bind` as a bind parameter.
 */
export interface SqlKit {
  /** The fact as a SQL expression: NULL when unanswered or answered "none". */
  readonly value: string;
  readonly domain: Domain;
  /** A literal or parameter of the node, bound as a parameter of the fact's domain. */
  operand(value: Value): string;
  /** A list item of the node, bound as a parameter of the fact's domain. */
  bind(value: unknown): string;
  /** `test` for an answered field; `noneIs` when it was answered "none" (a known none). */
  guard(test: string, noneIs: boolean): string;
  /** A list's length, NULL when the list is unanswered. */
  listLength(list: string): string;
  /** The list shares an item with `items` (bound placeholders); NULL when unanswered. */
  listOverlaps(list: string, items: readonly string[]): string;
  /** The text starts with `prefix` (bound as a parameter). */
  startsWith(text: string, prefix: string): string;
}

/**
 * One operator of the rule language, declaring everything the library needs of it. See the README,
 * "Adding an operator". The reference interpretation is written for clarity (it is the yardstick
 * the compiled closure is tested against); `compile` for speed.
 */
export interface Operator<N extends LeafBase = LeafBase> {
  readonly op: N['op'];
  /** The node's rule-file schema; the rule language's schema is the union of every operator's. */
  readonly schema: z.ZodType<N>;
  /** Fact domains the operator reads. */
  readonly domains: readonly Domain[];
  /** The literals in the node, with their paths, to check against the fact's domain. */
  literals(node: N): { path: (string | number)[]; value: Value }[];
  /** Problems in the node beyond its literals' domain (an inverted range). */
  check?(node: N): NodeIssue[];
  /** Three-valued compiled form: unknown when the fact is unanswered. */
  compile(node: N, kit: LeafKit): Verdict;
  /**
   * The plain meaning, for an answered fact (`null` is a known "none"); `value` turns a literal or
   * parameter into the fact's domain.
   */
  reference(node: N, fact: unknown, value: (v: Value) => unknown): boolean;
  /** What the condition expects, in words ("≥ 15%", "属于：高校毕业生、退役军人"). */
  describe(node: N, kit: DescribeKit): string;
  /** Profile fields the node reads (unanswered ones are what `missing` names). */
  fields(node: N): string[];
  /** The answered values the node allows, or null when lint cannot reason about it; `lit` is null for a parameter. */
  interval(node: N, lit: (v: Value) => Atom | null): Allowed | null;
  /** Warnings lint gives for the node alone, given whether the field can be answered "none". */
  lint?(node: N, field: { nullable: boolean; list: boolean }): string[];
  /** Where a failing node would pass, at the day's parameters (`value` resolves them). */
  nearMiss(node: N, value: (v: Value) => unknown): Move | null;
  /** A generator of valid nodes on the kit's fact, or null when the operator does not apply to it. */
  arbitrary<A>(kit: ArbKit<A>): A | null;
  /**
   * The condition as a SQL boolean in Kleene logic (NULL is unknown), the same verdict as `compile`.
   * An operator without it is reported by `toSql` as not expressible.
   */
  sql?(node: N, kit: SqlKit): string;
  /**
   * Approximate answers: declared by operators that judge a `Span` fact (their `compile` then
   * handles one). Without it, a field answered with a range is unknown to the operator.
   */
  readonly span?: SpanSemantics<N>;
}

export const valueOf = (o: Operand, params: ArrayLike<number>): unknown => ('lit' in o ? o.lit : (params[o.param] as number) * o.times);

/** The fields a leaf reads: its field and, for a ratio, the denominator; for some measures, the fields they need. */
export const leafFields = (n: LeafBase): string[] =>
  n.per !== undefined ? [n.field, n.per] : n.measure !== undefined && MEASURE_READS[n.measure] ? [n.field, ...MEASURE_READS[n.measure]!] : [n.field];
