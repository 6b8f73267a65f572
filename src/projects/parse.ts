import type { z } from 'zod';
import { checkConditionTree, checkScope } from '../policy/check.js';
import type { PolicyIssue } from '../policy/errors.js';
import { parseDocuments, type DocumentKind, type PolicySource } from '../policy/parse.js';
import { ProjectSchema, type Project } from './schema.js';

type Issue = Omit<PolicyIssue, 'file' | 'line' | 'column'>;

const MOBILE = /(?<!\d)1[3-9]\d{9}(?!\d)/;

/** A project's regions, window and `suits` go through the same checks as a policy's. */
export function checkProject(p: Omit<Project, 'file'>): Issue[] {
  const issues = [...checkScope(p), ...checkConditionTree(p.suits, ['suits'])];
  if (p.capitalNeeded.min > p.capitalNeeded.max)
    issues.push({ path: ['capitalNeeded', 'max'], code: 'inverted_range', message: `capitalNeeded.max ${p.capitalNeeded.max} is below min ${p.capitalNeeded.min}` });
  const texts: [string, string | undefined][] = [
    ['phone', p.contact.phone?.replace(/[ -]/g, '')],
    ['office', Object.values(p.contact.office).join(' ').replace(/[ -]/g, '')],
    ['address', p.contact.address && Object.values(p.contact.address).join(' ').replace(/[ -]/g, '')],
  ];
  for (const [key, text] of texts)
    if (text && MOBILE.test(text)) issues.push({ path: ['contact', key], code: 'personal_field', message: 'contact must be a public office, not a personal mobile number' });
  return issues;
}

const PROJECT_KIND: DocumentKind<Project> = {
  schema: ProjectSchema as unknown as z.ZodType<Omit<Project, 'file'>>,
  check: checkProject,
};

/**
 * Parses and validates project files (YAML or JSON, one project a file). Throws one
 * `PolicyValidationError` listing every problem in every file, each with file, line and column.
 *
 * @example
 * const projects = parseProjects([{ name: 'tea.yaml', text }]);
 */
export function parseProjects(sources: readonly PolicySource[]): Project[] {
  return parseDocuments(sources, PROJECT_KIND);
}
