export { ProjectSchema, FundedBySchema, ProjectContactSchema, type Project, type ProjectInput, type FundedBy } from './schema.js';
export { parseProjects, checkProject } from './parse.js';
export {
  createProjectMatcher,
  recommendProjects,
  type ProjectMatcher,
  type ProjectEvaluation,
  type ProjectRecommendation,
  type ProjectEvaluateOptions,
  type RecommendProjectsOptions,
} from './matcher.js';
export type { ProjectFunding } from './funding.js';
export { WEIGHTS as PROJECT_WEIGHTS, type ProjectBreakdown } from './score.js';
export { runProjectCases, type ProjectCaseResult } from './cases.js';
