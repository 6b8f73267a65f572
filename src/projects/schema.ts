import * as z from 'zod';
import { IsoDate, RegionCode } from '../profile/schema.js';
import { ConditionSchema, FieldPath, Identifier, LIMITS, PolicyKind, Text } from '../policy/schema.js';

const list = <S extends z.ZodType>(item: S) => z.array(item).max(LIMITS.maxList);
const Tag = z.string().min(1).max(40);
const Money = z.number().finite().min(0).max(1e10);

/** A public office to contact; a person's mobile number never belongs here. */
export const ProjectContactSchema = z.strictObject({
  office: Text,
  address: Text.optional(),
  /** An office landline such as 0774-7822xxx; mobile numbers are rejected by the checks. */
  phone: z.string().regex(/^[\d -]{5,20}$/, 'expected an office phone number').optional(),
  url: z.string().url().max(500).optional(),
});

/** Policies that could fund a project: by kind, by tag, or by id. */
export const FundedBySchema = z.strictObject({
  kinds: list(PolicyKind).default([]),
  tags: list(Tag).default([]),
  policies: list(Identifier).default([]),
});
export type FundedBy = z.infer<typeof FundedBySchema>;

/** A test a project file carries: a profile and the suitability it must produce. */
export const ProjectCaseSchema = z.strictObject({
  name: z.string().min(1).max(200),
  asOf: IsoDate,
  profile: z.record(z.string(), z.unknown()),
  expect: z.strictObject({
    status: z.enum(['eligible', 'ineligible', 'unknown']),
    missing: z.array(FieldPath).optional(),
  }),
});
export type ProjectCase = z.infer<typeof ProjectCaseSchema>;

/**
 * A returnee project (返乡创业项目): who it suits, in the policy condition language, and what to score on.
 *
 * @example
 * ProjectSchema.safeParse(JSON.parse(text)).success
 */
export const ProjectSchema = z.strictObject({
  id: Identifier,
  title: Text,
  summary: Text.optional(),
  /** Illustrative project, not a real listing. */
  sample: z.boolean().default(false),
  /** Where the project sits (GB/T 2260); a city code means anywhere in the city. */
  regions: list(RegionCode).min(1),
  /** Industry values from the profile vocabulary (`business.industry`). */
  industries: list(Tag).default([]),
  tags: list(Tag).default([]),
  /** Capital the project needs, CNY. */
  capitalNeeded: z.strictObject({ min: Money, max: Money }),
  skills: list(Text).default([]),
  /** Land the project uses; `provided` when the site comes with it (a park plot), else the operator takes it in by transfer. */
  land: z.strictObject({ mu: z.number().finite().min(0).max(1e6), provided: z.boolean().default(false) }).optional(),
  jobsCreated: z.number().int().min(0).max(1e6).default(0),
  contact: ProjectContactSchema,
  fundedBy: FundedBySchema.default({ kinds: [], tags: [], policies: [] }),
  /** Who the project suits; the same language as policy eligibility. */
  suits: ConditionSchema.default({ op: 'all', of: [] }),
  validFrom: IsoDate.nullable().default(null),
  validTo: IsoDate.nullable().default(null),
  cases: z.array(ProjectCaseSchema).max(LIMITS.maxCases).default([]),
});

/** A validated project as the matcher uses it. */
export type Project = z.output<typeof ProjectSchema> & {
  /** File the project came from, when loaded from one. */
  readonly file?: string | undefined;
};
/** A project as written in a project file, before defaults. */
export type ProjectInput = z.input<typeof ProjectSchema>;
