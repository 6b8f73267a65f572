import * as z from 'zod';
import { LeafSchemas, type LeafCondition } from '../ops/index.js';
import { IsoDate, RegionCode } from '../profile/schema.js';
import { FieldPath, Identifier, LIMITS, list, NumberValue, ParamName, Text } from './terms.js';

export { LIMITS, Text, Identifier, ParamName, FieldPath, ParamRef, Scalar, Value, NumberValue, Measure } from './terms.js';
export type { LeafCondition } from '../ops/index.js';

type Leaf = LeafCondition;
/** A condition of the rule language, as `ConditionSchema` reads it. */
export type Condition =
  | Leaf
  | { op: 'all'; of: Condition[]; id?: string | undefined; reason?: Text | undefined; clause?: string | undefined }
  | { op: 'any'; of: Condition[]; id?: string | undefined; reason?: Text | undefined; clause?: string | undefined }
  | { op: 'not'; of: Condition; id?: string | undefined; reason?: Text | undefined; clause?: string | undefined };

const group = { id: z.string().max(80).optional(), reason: Text.optional(), clause: z.string().min(1).max(200).optional() };

/**
 * The condition language: leaf operators (see `src/ops/`) joined by `all`, `any` and `not`.
 *
 * @example
 * ConditionSchema.parse({ op: 'all', of: [{ op: 'gte', field: 'business.employees', value: 1 }] })
 */
export const ConditionSchema: z.ZodType<Condition> = z.lazy((): z.ZodType<Condition> =>
  z.discriminatedUnion('op', [
    ...(LeafSchemas as [(typeof LeafSchemas)[number]]),
    z.strictObject({ op: z.literal('all'), of: list(ConditionSchema), ...group }),
    z.strictObject({ op: z.literal('any'), of: list(ConditionSchema), ...group }),
    z.strictObject({ op: z.literal('not'), of: ConditionSchema, ...group }),
  ]) as unknown as z.ZodType<Condition>,
);

/** An amount expression of the rule language, as `AmountSchema` reads it. */
export type Amount =
  | { kind: 'fixed'; value: NumberValue; unit?: string | undefined; upTo?: boolean | undefined }
  | { kind: 'range'; min: NumberValue; max: NumberValue; unit?: string | undefined }
  | { kind: 'per-unit'; rate: NumberValue; quantity: string; cap?: NumberValue | undefined; unit?: string | undefined; upTo?: boolean | undefined }
  | { kind: 'per-year'; perYear: NumberValue; years: NumberValue; unit?: string | undefined; upTo?: boolean | undefined }
  | { kind: 'choose'; options: { when: Condition; amount: Amount; ifUnknown?: 'include' | 'skip' | undefined }[]; otherwise?: Amount | undefined; unit?: string | undefined }
  | { kind: 'sum'; of: Amount[]; unit?: string | undefined };

const unit = z.string().regex(/^[A-Za-z/]{1,16}$/).optional();
const upTo = z.boolean().optional();

/**
 * Amounts come out as `{min, max, unit}`; `upTo` makes the minimum 0 (a ceiling, not a promise).
 *
 * @example
 * AmountSchema.parse({ kind: 'fixed', value: 300000, unit: 'CNY', upTo: true })
 */
export const AmountSchema: z.ZodType<Amount> = z.lazy((): z.ZodType<Amount> =>
  z.discriminatedUnion('kind', [
    z.strictObject({ kind: z.literal('fixed'), value: NumberValue, unit, upTo }),
    z.strictObject({ kind: z.literal('range'), min: NumberValue, max: NumberValue, unit }),
    z.strictObject({ kind: z.literal('per-unit'), rate: NumberValue, quantity: FieldPath, cap: NumberValue.optional(), unit, upTo }),
    z.strictObject({ kind: z.literal('per-year'), perYear: NumberValue, years: NumberValue, unit, upTo }),
    z.strictObject({
      kind: z.literal('choose'),
      /** `ifUnknown: skip` leaves an option out while its `when` is unanswered (the common case stands until asked). */
      options: list(z.strictObject({ when: ConditionSchema, amount: AmountSchema, ifUnknown: z.enum(['include', 'skip']).optional() })).min(1),
      otherwise: AmountSchema.optional(),
      unit,
    }),
    /** Parts added up (hires from two groups); unbounded when any part is. */
    z.strictObject({ kind: z.literal('sum'), of: list(AmountSchema).min(1), unit }),
  ]) as unknown as z.ZodType<Amount>,
);

/** One dated step of a parameter: from `from` on, `value` applies (until a later step). */
export const ParameterStep = z.strictObject({
  from: IsoDate,
  /** `null`: from this date the documents set no figure (usable only as a per-unit cap, which then binds nothing). */
  value: z.number().finite().nullable(),
  /** The document and clause that set this value (`财金〔2023〕75号 第九条`). */
  source: z.string().max(LIMITS.maxText).optional(),
});

/**
 * The range within which provinces (or cities) may fix a national figure for their regions, as
 * multiples of the national value in force: "最高可上浮20%" is `{ maxTimes: 1.2 }`. Overlay files
 * (`overlays:`) fix it; where none covers the person's region the amount spans the whole range.
 */
export const LocalRangeSchema = z.strictObject({
  minTimes: z.number().finite().min(0).max(100).optional(),
  maxTimes: z.number().finite().min(0).max(100),
  /** The clause that lets the regions set the figure. */
  clause: z.string().min(1).max(200).optional(),
});
export type LocalRange = z.infer<typeof LocalRangeSchema>;

/** A value that changes with the documents: the entry with the latest `from` on or before `asOf` applies. */
export const ParameterSchema = z.strictObject({
  unit: unit,
  description: Text.optional(),
  /** When the latest value was last confirmed still in force (lint counts staleness from here). */
  reviewed: IsoDate.optional(),
  values: list(ParameterStep).min(1),
  /** Regions may fix the figure within this range (see `LocalRangeSchema`); only amounts may read such a parameter. */
  localRange: LocalRangeSchema.optional(),
});
export type Parameter = z.infer<typeof ParameterSchema>;

/**
 * The kinds of support a policy gives.
 *
 * @example
 * PolicyKind.options // ['tax-relief', 'guarantee-loan', …]
 */
export const PolicyKind = z.enum(['tax-relief', 'guarantee-loan', 'loan', 'subsidy', 'land-transfer', 'training', 'incubator', 'award', 'service']);
export type PolicyKind = z.infer<typeof PolicyKind>;

export const CaseSchema = z.strictObject({
  name: z.string().min(1).max(200),
  /** The clause whose boundary the case checks. */
  clause: z.string().min(1).max(200).optional(),
  asOf: IsoDate,
  profile: z.record(z.string(), z.unknown()),
  expect: z.strictObject({
    status: z.enum(['eligible', 'ineligible', 'unknown']),
    amount: z.strictObject({ min: z.number(), max: z.number(), unit: z.string().optional() }).nullable().optional(),
    missing: z.array(FieldPath).optional(),
    reasons: z.array(z.strictObject({ path: z.string(), status: z.enum(['pass', 'fail', 'unknown']) })).optional(),
    /** Words the amount's basis must contain (`重庆市`, `全国幅度`): which region's figure applied. */
    amountBasis: z.string().min(1).max(80).optional(),
  }),
});
export type PolicyCase = z.infer<typeof CaseSchema>;

/** Where a rule comes from: the document cited, what was checked and when. */
export const SourceSchema = z.strictObject({
  title: z.string().min(1).max(LIMITS.maxText),
  issuer: z.string().max(200).optional(),
  date: IsoDate.optional(),
  url: z.string().url().max(500).optional(),
  note: z.string().max(LIMITS.maxText).optional(),
  /** Every document the rule draws on, oldest first: what a reader needs to check it. */
  documents: list(
    z.strictObject({
      /** The document number as issued (财金〔2023〕75号, 公告2023年第15号). */
      number: z.string().min(1).max(120),
      title: z.string().min(1).max(LIMITS.maxText),
      issuer: z.string().max(200).optional(),
      /** Issued on. */
      date: IsoDate.optional(),
      /** In force from, when it differs from the issue date. */
      effective: IsoDate.optional(),
      url: z.string().url().max(500).optional(),
    }),
  ).optional(),
  /** When the rule was last checked against its documents (lint asks again after a year). */
  reviewed: IsoDate.optional(),
});

/**
 * A provincial or local rule file that fixes, for its regions, parameters a national rule lets
 * regions set (`localRange`): 公告2023年第15号's 20000元 a year, raised to 24000元 by a province.
 *
 * @example
 * OverlaySchema.parse({ id: 'cq-key-groups-cap', overlays: 'cn-tax-relief-key-groups', regions: ['500000'],
 *   source: { title: '…' }, parameters: { annualCap: { values: [{ from: '2023-01-01', value: 24000 }] } } })
 */
export const OverlaySchema = z.strictObject({
  id: Identifier,
  /** The id of the policy whose parameters the file fixes. */
  overlays: Identifier,
  title: Text.optional(),
  /** Illustrative figures, not taken from the region's notice. */
  sample: z.boolean().default(false),
  source: SourceSchema,
  /** GB/T 2260 codes the figures hold for; a more local overlay wins over a provincial one. */
  regions: list(RegionCode).min(1),
  parameters: z.record(ParamName, z.strictObject({ reviewed: IsoDate.optional(), values: list(ParameterStep).min(1) })),
});

/** A validated overlay file. */
export type PolicyOverlay = z.output<typeof OverlaySchema> & {
  /** File the overlay came from, when loaded from one. */
  readonly file?: string | undefined;
};

/**
 * The rule-file schema of one policy (ids, dated parameters, conditions, amount, provenance, cases).
 *
 * @example
 * PolicySchema.safeParse(JSON.parse(text)).success
 */
export const PolicySchema = z.strictObject({
  id: Identifier,
  kind: PolicyKind,
  title: Text,
  summary: Text.optional(),
  /** Illustrative rule, not official text. */
  sample: z.boolean().default(false),
  source: SourceSchema,
  /** GB/T 2260 codes; empty means nationwide. */
  regions: list(RegionCode).default([]),
  validFrom: IsoDate.nullable().default(null),
  validTo: IsoDate.nullable().default(null),
  /** Those who started (the date in `start`) by `validTo` keep the policy until their own `months` run out. */
  carryOver: z
    .strictObject({ start: FieldPath, months: z.number().int().min(1).max(240), clause: z.string().min(1).max(200).optional() })
    .optional(),
  tags: list(z.string().min(1).max(40)).default([]),
  synonyms: list(z.string().min(1).max(40)).default([]),
  parameters: z.record(ParamName, ParameterSchema).default({}),
  eligibility: ConditionSchema,
  amount: AmountSchema.optional(),
  /** Policies of one group cannot be combined: `exclusive` lets one be chosen, `highest` keeps the larger. */
  exclusive: z.strictObject({ group: Identifier, mode: z.enum(['exclusive', 'highest']) }).optional(),
  excludes: list(Identifier).default([]),
  apply: z
    .strictObject({
      until: IsoDate.optional(),
      where: Text.optional(),
      documents: list(Text).default([]),
      url: z.string().url().max(500).optional(),
    })
    .optional(),
  cases: z.array(CaseSchema).max(LIMITS.maxCases).default([]),
});

/** A validated policy as the engine uses it. */
export type Policy = z.output<typeof PolicySchema> & {
  /** File the policy came from, when loaded from one. */
  readonly file?: string | undefined;
  /** Regional figures for its `localRange` parameters, from overlay files (see overlay.ts). */
  readonly overlays?: readonly PolicyOverlay[] | undefined;
};
/** A policy as written in a rule file, before defaults. */
export type PolicyInput = z.input<typeof PolicySchema>;
