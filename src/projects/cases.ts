import { safeParseProfile } from '../profile/validate.js';
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

const sorted = (xs: readonly string[]) => [...xs].sort().join(', ');

/** Runs every case carried by the projects, each against its own project. */
export function runProjectCases(projects: readonly Project[]): ProjectCaseResult[] {
  const out: ProjectCaseResult[] = [];
  for (const project of projects) {
    if (project.cases.length === 0) continue;
    const pm = createProjectMatcher([project]);
    for (const c of project.cases) {
      const base = { projectId: project.id, file: project.file, name: c.name };
      const parsed = safeParseProfile({ id: 'case', ...c.profile });
      if (!parsed.success) {
        out.push({ ...base, ok: false, problems: [`profile: ${parsed.error.message}`] });
        continue;
      }
      const evaluation = pm.evaluate(parsed.profile, { asOf: c.asOf })[0];
      const status = evaluation?.status ?? 'ineligible';
      const problems: string[] = [];
      if (status !== c.expect.status) problems.push(`status: expected ${c.expect.status}, got ${status}${evaluation ? '' : ' (project not open)'}`);
      const missing = evaluation?.missing ?? [];
      if (c.expect.missing && sorted(c.expect.missing) !== sorted(missing)) problems.push(`missing: expected [${sorted(c.expect.missing)}], got [${sorted(missing)}]`);
      out.push({ ...base, ok: problems.length === 0, problems, evaluation });
    }
  }
  return out;
}
