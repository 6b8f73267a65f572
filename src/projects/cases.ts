import { caseProfile, compareExpectation } from '../policy/cases.js';
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


/** Runs every case carried by the projects, each against its own project. */
export function runProjectCases(projects: readonly Project[]): ProjectCaseResult[] {
  const out: ProjectCaseResult[] = [];
  for (const project of projects) {
    if (project.cases.length === 0) continue;
    const pm = createProjectMatcher([project]);
    for (const c of project.cases) {
      const base = { projectId: project.id, file: project.file, name: c.name };
      const parsed = caseProfile(c);
      if (!parsed.success) {
        out.push({ ...base, ok: false, problems: [`profile: ${parsed.error.message}`] });
        continue;
      }
      const evaluation = pm.evaluate(parsed.profile, { asOf: c.asOf })[0];
      const problems = compareExpectation(c.expect, evaluation, 'project not open');
      out.push({ ...base, ok: problems.length === 0, problems, evaluation });
    }
  }
  return out;
}
