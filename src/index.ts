export { parsePolicies, type PolicySource } from './policy/parse.js';
export { PolicySchema, ConditionSchema, AmountSchema, type Policy, type PolicyInput, type Condition, type Amount, type PolicyKind } from './policy/schema.js';
export { PolicyValidationError, formatIssues, type PolicyIssue } from './policy/errors.js';
export { AsOfError } from './core/dates.js';
export { runPolicyCases, type CaseResult } from './engine/cases.js';
export { ProfileSchema, type Profile } from './profile/schema.js';
export { ProfileValidationError, parseProfile, safeParseProfile, type ProfileIssue } from './profile/validate.js';
export { FIELDS, type FieldInfo } from './profile/fields.js';
export { createMatcher, type Matcher, type CreateMatcherOptions } from './matcher/create.js';
export type { Evaluation, EvaluateOptions, MatcherOptions } from './engine/matcher.js';
export type { Reason } from './engine/explain.js';
export type { AmountRange } from './engine/amount.js';
export { maskText, maskPhone } from './core/mask.js';
export { regionName, REGION_NAMES, isRegionCode, regionChain } from './regions/codes.js';
export { findRegions, findRegionsLatin, regionFullName, regionOfficialName, regionsNamed, type RegionReading, type RegionMention, type LatinReader } from './regions/names.js';
export { understand, type Understanding, type UnderstandOptions, type UnderstoodIntent, type Fact as UnderstoodFact } from './understand/index.js';
export type { Locale, LocalizedText } from './core/text.js';
export { parseProjects, ProjectSchema, createProjectMatcher, recommendProjects, runProjectCases, PROJECT_WEIGHTS } from './projects/index.js';
export type { Project, ProjectInput, ProjectMatcher, ProjectEvaluation, ProjectRecommendation, RecommendProjectsOptions, ProjectEvaluateOptions, ProjectFunding, ProjectBreakdown, ProjectCaseResult } from './projects/index.js';
export { assignOfficer, assignOfficers, createOfficerAssigner, OfficerSchema, parseOfficers } from './officers/index.js';
export type { Officer, AssignOptions, OfficerAssignment, OfficerAssigner, BatchAssignment } from './officers/index.js';
export { screen } from './screen/screen.js';
export type { ScreenState, ScreenEvent, ScreenOptions, ScreenResult, ScreenError, Delivery, Channel, FrequencyCap, PolicyEntry, ProfileEntry } from './screen/types.js';
export { emptyState } from './screen/state.js';
export { DEFAULT_QUIET, deferQuiet, isQuiet, type QuietHours } from './screen/quiet.js';
export { dispatch, InMemorySmsGateway, InMemoryChatSender, type SmsGateway, type ChatSender, type OutgoingMessage, type SendResult, type DispatchReport, type SentLedger } from './screen/send.js';
export { smsLength, smsParts, isGsm7 } from './messages/sms.js';
export { renderSms, renderChat, type MessageItem, type SmsOptions, type RenderedSms } from './messages/render.js';
export { TEMPLATES, EVENT_KINDS, type EventKind, type MessageTemplates } from './messages/templates.js';
export { recordOutcome, type OutcomeInput } from './followup/outcome.js';
export { funnel, funnelTable, renderFunnel, type FunnelRow } from './followup/funnel.js';
export { createFollowUps, followUpsDue, type DueFollowUp } from './followup/tasks.js';
export { OUTCOMES, DEFAULT_FOLLOW_UP_OFFSETS, type Outcome, type OutcomeRecord, type FollowUpTask } from './followup/types.js';
export {
  bundle,
  carriedBy,
  DEFAULT_WEIGHTS,
  LOAN_WORTH,
  NEED_KINDS,
  type Recommendation,
  type ScoreBreakdown,
  type RecommendOptions,
  type Bundle,
  type SetAside,
  type NearMiss,
  type Change,
  type Deadline,
  type RankWeights,
} from './recommend/index.js';
export { SYNONYMS, pinyinReader, type PinyinReader, type SearchHit, type SearchOptions, type SynonymEntry } from './search/index.js';
export { applyAnswer, readDate, readNumber, readRegion, type Question, type NextQuestionOptions, type AnswerResult, type AnswerErrorCode } from './ask/index.js';
export { converse, initialState, detectIntent, INTENTS, WORDS as CONVERSE_WORDS, type ConversationState, type ConverseOptions, type ConverseResult, type ConverseChannel, type IntentDef, type IntentName } from './converse/index.js';
export { lintSources, type LintFinding, type LintOptions } from './lint/index.js';
export { toSql, registerDdl, registerRow, registerColumnNames, columnName, REGISTER_COLUMNS, type ToSqlOptions, type SqlQuery, type SqlPolicy, type SqlUnsupported, type RegisterColumn, type DialectName } from './sql/index.js';
