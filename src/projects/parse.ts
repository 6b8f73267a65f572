import type { z } from 'zod';
import { checkPolicy } from '../policy/check.js';
import type { PolicyIssue } from '../policy/errors.js';
import { parseDocuments, type DocumentKind, type PolicySource } from '../policy/parse.js';
import type { Policy } from '../policy/schema.js';
import { ProjectSchema, type Project } from './schema.js';

type Issue = Omit<PolicyIssue, 'file' | 'line' | 'column'>;

const MOBILE = /(?<!\d)1[3-9]\d{9}(?!\d)/;

/**
 * A project's regions, window and `suits` are checked by the policy checks: the project is seen as
 * a policy whose eligibility is `suits`, and the paths are mapped back.
 */
export function checkProject(p: Omit<Project, 'file'>): Issue[] {
  const asPolicy = { regions: p.regions, validFrom: p.validFrom, validTo: p.validTo, parameters: {}, eligibility: p.suits } as unknown as Policy;
  const issues = checkPolicy(asPolicy).map((i) => (i.path[0] === 'eligibility' ? { ...i, path: ['suits', ...i.path.slice(1)] } : i));
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
 */
export function parseProjects(sources: readonly PolicySource[]): Project[] {
  return parseDocuments(sources, PROJECT_KIND);
}
