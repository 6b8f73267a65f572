export { parsePolicies, type PolicySource } from './policy/parse.js';
export { PolicySchema, ConditionSchema, AmountSchema, type Policy, type PolicyInput, type Condition, type Amount, type PolicyKind } from './policy/schema.js';
export { PolicyValidationError, formatIssues, type PolicyIssue } from './policy/errors.js';
export { runPolicyCases, type CaseResult } from './policy/cases.js';
export { ProfileSchema, type Profile } from './profile/schema.js';
export { ProfileValidationError, parseProfile, safeParseProfile, type ProfileIssue } from './profile/validate.js';
export { FIELDS, type FieldInfo } from './profile/fields.js';
export { createMatcher, type Matcher } from './engine/create.js';
export type { Evaluation, EvaluateOptions, MatcherOptions } from './engine/matcher.js';
export type { Reason } from './engine/explain.js';
export type { AmountRange } from './engine/amount.js';
export { maskText, maskPhone } from './core/mask.js';
export { regionName, REGION_NAMES } from './regions/codes.js';
export type { Locale, LocalizedText } from './core/text.js';
export {
  bundle,
  carriedBy,
  nearMiss,
  DEFAULT_WEIGHTS,
  LOAN_WORTH,
  NEED_KINDS,
  type Recommendation,
  type RecommendOptions,
  type Bundle,
  type SetAside,
  type NearMiss,
  type Change,
  type Deadline,
  type RankWeights,
} from './recommend/index.js';
export { SYNONYMS, type SearchHit, type SearchOptions, type SynonymEntry } from './search/index.js';
export { applyAnswer, readDate, readNumber, readRegion, type Question, type NextQuestionOptions, type AnswerResult, type AnswerErrorCode } from './ask/index.js';
