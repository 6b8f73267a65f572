/**
 * guiyan — the pure core: rules in, verdicts out. No file system, no network, no clock reads.
 * Node helpers (rule folders, stores, registers) are in `guiyan/node`.
 *
 * Every value below carries a one-line TSDoc and an example at its declaration
 * (`test/api/surface.test.ts` keeps it so). Anything not listed here is internal.
 */

// Rules: parse, validate, test and lint rule files.
export { parsePolicies, type PolicySource } from './policy/parse.js';
export { PolicySchema, ConditionSchema, AmountSchema, OverlaySchema, type Policy, type PolicyInput, type PolicyOverlay, type Condition, type Amount, type PolicyKind } from './policy/schema.js';
export { PolicyValidationError, type PolicyIssue } from './policy/errors.js';
export { runPolicyCases, type CaseResult } from './engine/index.js';
export { lintSources, type LintFinding, type LintOptions } from './lint/index.js';

// Profiles: the vocabulary of a person and their business.
export { ProfileSchema, type Profile } from './profile/schema.js';
export { ProfileValidationError, parseProfile, safeParseProfile, type ProfileIssue } from './profile/validate.js';
export { FIELDS, type FieldInfo } from './profile/fields.js';
export { AsOfError } from './core/dates.js';

// Matching: evaluate, recommend, ask, search.
export { createMatcher, type Matcher, type CreateMatcherOptions } from './matcher/create.js';
export type { Evaluation, EvaluateOptions, MatcherOptions } from './engine/index.js';
export type { Reason } from './engine/index.js';
export type { AmountRange } from './engine/index.js';
export { bundle, DEFAULT_WEIGHTS, type Recommendation, type ScoreBreakdown, type RecommendOptions, type Bundle, type SetAside, type NearMiss, type Change, type Deadline, type RankWeights } from './recommend/index.js';
export { pinyinReader, type PinyinReader, type SearchHit, type SearchOptions } from './search/index.js';
export { applyAnswer, type Question, type NextQuestionOptions, type AnswerResult, type AnswerErrorCode } from './ask/index.js';

// Conversation: read a message, reply on SMS or chat.
export { understand, type Understanding, type UnderstandOptions, type UnderstoodIntent, type Fact as UnderstoodFact } from './understand/index.js';
export { converse, initialState, type ConversationState, type ConverseOptions, type ConverseResult, type ConverseChannel } from './converse/index.js';

// Regions: GB/T 2260 codes and names.
export { regionName, isRegionCode } from './regions/codes.js';
export { regionFullName, findRegions, type RegionReading, type RegionMention } from './regions/names.js';

// 问暖: screen a register and send what changed.
export { screen } from './screen/screen.js';
export type { ScreenState, ScreenEvent, ScreenOptions, ScreenResult, ScreenError, Delivery, Channel, FrequencyCap, PolicyEntry, ProfileEntry } from './screen/types.js';
export type { QuietHours } from './screen/quiet.js';
export { dispatch, InMemorySmsGateway, InMemoryChatSender, type SmsGateway, type ChatSender, type OutgoingMessage, type SendResult, type DispatchReport, type SentLedger } from './screen/send.js';
export { renderSms, renderChat, type MessageItem, type SmsOptions, type RenderedSms } from './messages/render.js';
export { smsLength, smsParts } from './messages/sms.js';
export { TEMPLATES, type EventKind, type MessageTemplates } from './messages/templates.js';

// 问效: follow up and measure.
export { recordOutcome, type OutcomeInput } from './followup/outcome.js';
export { funnel, type FunnelRow } from './followup/funnel.js';
export { createFollowUps, followUpsDue, type DueFollowUp } from './followup/tasks.js';
export { OUTCOMES, type Outcome, type OutcomeRecord, type FollowUpTask } from './followup/types.js';

// Officers and projects.
export { assignOfficer, assignOfficers, createOfficerAssigner, OfficerSchema, parseOfficers, type Officer, type AssignOptions, type OfficerAssignment, type OfficerAssigner, type BatchAssignment } from './officers/index.js';
export { parseProjects, ProjectSchema, createProjectMatcher, recommendProjects, runProjectCases } from './projects/index.js';
export type { Project, ProjectInput, ProjectMatcher, ProjectEvaluation, ProjectRecommendation, RecommendProjectsOptions, ProjectEvaluateOptions, ProjectFunding, ProjectBreakdown, ProjectCaseResult } from './projects/index.js';

// 政策找人: policies as SQL over a register.
export { toSql, registerDdl, registerRow, type ToSqlOptions, type SqlQuery, type SqlPolicy, type SqlUnsupported, type RegisterColumn, type DialectName } from './sql/index.js';

// Personal data.
export { maskText } from './core/mask.js';
export type { Locale, LocalizedText } from './core/text.js';
