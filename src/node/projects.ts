import { join } from 'node:path';
import { PolicyValidationError } from '../policy/errors.js';
import { parseProjects } from '../projects/parse.js';
import type { Project } from '../projects/schema.js';
import { readRuleSources } from './read.js';

/**
 * Loads every project file below `dir` (one project a file; `rules/projects` by convention).
 * Throws one `PolicyValidationError` with file, line and column for every problem found.
 */
export async function loadProjectDir(dir: string): Promise<Project[]> {
  const sources = await readRuleSources(dir);
  if (sources.length === 0) throw new PolicyValidationError([{ file: dir, path: [], code: 'no_projects', message: `no .yaml, .yml or .json project files under ${dir}` }]);
  return parseProjects(sources);
}

/** The projects of a rule directory: `<rules>/projects`. */
export const projectsDirOf = (rulesDir: string): string => join(rulesDir, 'projects');
