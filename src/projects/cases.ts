import { runEmbeddedCases } from '../policy/cases.js';
import type { Profile } from '../profile/schema.js';
import { createProjectMatcher, type ProjectEvaluation } from './matcher.js';
import type { Project } from './schema.js';

/** The outcome of one test case embedded in a project file. */
export interface ProjectCaseResult {
  projectId: string;
  file?: string | undefined;
  name: string;
  ok: boolean;
  /** What differed from the expectation, for people. */
  problems: string[];
  evaluation?: ProjectEvaluation | undefined;
}


/**
 * Runs every case carried by the projects, each against its own project.
 *
 * @example
 * const failed = runProjectCases(projects).filter((r) => !r.ok);
 */
export function runProjectCases(projects: readonly Project[]): ProjectCaseResult[] {
  const evaluatorFor = (project: Project) => {
    const pm = createProjectMatcher([project]);
    return (profile: Profile, asOf: string) => pm.evaluate(profile, { asOf })[0];
  };
  return runEmbeddedCases(projects, evaluatorFor, 'project not open').map(({ doc, result }) => ({ projectId: doc.id, ...result }));
}
