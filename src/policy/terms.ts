import * as z from 'zod';
import { fieldInfo } from '../profile/fields.js';

/**
 * The terms of the rule language that operators build on: values, measures, field paths, limits,
 * and the fact a leaf reads. Operators (src/ops/) import these; the assembled schema
 * (schema.ts) imports the operators.
 */

/** Limits that keep a hostile or mistaken rule file from exhausting the engine. */
export const LIMITS = {
  maxDepth: 24,
  maxList: 256,
  maxText: 2000,
  maxCases: 200,
  maxFileBytes: 1_000_000,
  /** Objects and lists in one rule file, conditions and amounts included. */
  maxDocumentDepth: 64,
  /** Conditions (leaves and groups) in one policy, amounts' `when` included. */
  maxConditions: 2000,
  /** YAML alias expansions per file (guards against alias bombs). */
  maxAliases: 100,
} as const;

export const Text = z.strictObject({
  'zh-CN': z.string().min(1).max(LIMITS.maxText),
  en: z.string().min(1).max(LIMITS.maxText).optional(),
});
export type Text = z.infer<typeof Text>;

export const list = <S extends z.ZodType>(item: S) => z.array(item).max(LIMITS.maxList);

export const Identifier = z.string().regex(/^[a-z][a-z0-9-]{1,80}$/, 'expected a lower-case id such as cn-tax-relief-key-groups');
export const ParamName = z.string().regex(/^[a-zA-Z][a-zA-Z0-9]{0,40}$/, 'expected a parameter name such as individualCap');
/** A dot path into the profile; `__proto__` and friends cannot match. */
export const FieldPath = z.string().regex(/^[a-zA-Z][a-zA-Z0-9]{0,40}(\.[a-zA-Z][a-zA-Z0-9]{0,40}){0,4}$/, 'expected a profile field path such as business.employees');

export const ParamRef = z.strictObject({ param: ParamName, times: z.number().finite().optional() });
export type ParamRef = z.infer<typeof ParamRef>;
export const Scalar = z.union([z.number().finite(), z.string().max(200), z.boolean()]);
export const Value = z.union([Scalar, ParamRef]);
export type Value = z.infer<typeof Value>;
export const NumberValue = z.union([z.number().finite(), ParamRef]);
export type NumberValue = z.infer<typeof NumberValue>;

/**
 * How a leaf reads its field. `age`, `*-since`, `months-to-retirement` turn a date into a count at `asOf`;
 * `count` is a list's length. `calendar-*` count calendar boundaries crossed, not whole periods.
 */
export const Measure = z.enum(['age', 'days-since', 'months-since', 'calendar-months-since', 'calendar-years-since', 'months-to-retirement', 'count']);
export type Measure = z.infer<typeof Measure>;

/**
 * Fields a measure reads beside the leaf's own: `months-to-retirement` (months left before the
 * statutory retirement age by birth month, gender and post, 0 once reached; above 0 is of working age).
 */
export const MEASURE_READS: Readonly<Partial<Record<Measure, readonly string[]>>> = Object.freeze({ 'months-to-retirement': ['gender', 'postType'] });

/** The keys every leaf condition shares: what it reads and how it is named. */
export const leaf = {
  field: FieldPath,
  measure: Measure.optional(),
  /** Divide the field by this one (a ratio such as new hires per staff). */
  per: FieldPath.optional(),
  /** A name for the condition, shown in traces and near-miss texts. */
  id: z.string().max(80).optional(),
  reason: Text.optional(),
  /** The document clause the condition comes from (`财金〔2023〕75号 第九条`); groups pass theirs down. */
  clause: z.string().min(1).max(200).optional(),
};


/**
 * A fact is what a leaf condition reads: a field, a date measured at `asOf` (or at another date
 * field's day, `at`), or a ratio.
 * Facts are computed once per profile and `asOf` into a flat array; `undefined` is unknown,
 * `null` a known "none".
 */
export interface FactRef {
  field: string;
  measure?: Measure | undefined;
  per?: string | undefined;
  /** Take the date measure at this date field's day instead of `asOf` (the `judged-at` operator). */
  at?: string | undefined;
}

/** The value domain a fact lives in, which decides the operators and literals it accepts. */
export type Domain = 'number' | 'date' | 'boolean' | 'choice' | 'choices' | 'region' | 'string';

/** The fact a leaf reads, from the node's own keys. */
export const factRef = (n: FactRef): FactRef => ({ field: n.field, measure: n.measure, per: n.per, at: n.at });

export const factKey = (r: FactRef): string => r.field + (r.measure ? `#${r.measure}` : '') + (r.per ? `/${r.per}` : '') + (r.at ? `@${r.at}` : '');

export function factDomain(r: FactRef): Domain | null {
  const info = fieldInfo(r.field);
  if (!info) return null;
  if (r.measure || r.per) return 'number';
  return info.kind === 'strings' ? 'choices' : info.kind;
}

/** The keys every leaf condition has, whatever its operator. */
export interface LeafBase extends FactRef {
  op: string;
  id?: string | undefined;
  reason?: Text | undefined;
}
