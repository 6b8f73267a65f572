import { maskText } from '../core/mask.js';
import { wordsFor } from '../core/catalogue/index.js';
import type { Locale } from '../core/text.js';

/** One problem in a rule file, located as precisely as the source allows. */
export interface PolicyIssue {
  file?: string;
  line?: number;
  column?: number;
  path: (string | number)[];
  code: string;
  message: string;
}


export function issueText(issue: PolicyIssue, locale: Locale = 'en'): string {
  const where = [issue.file, issue.line, issue.column].filter((x) => x !== undefined).join(':');
  const path = issue.path.length ? issue.path.join('.') : '';
  const head = [where, path].filter(Boolean).join(' ');
  const msg = wordsFor(locale).issue(issue.code, issue.message);
  return maskText(`${head ? `${head}: ` : ''}${msg} [${issue.code}]`);
}

/** Every issue, one a line, for people. */
export function formatIssues(issues: readonly PolicyIssue[], locale: Locale = 'en'): string {
  return issues.map((i) => issueText(i, locale)).join('\n');
}

/**
 * Rules that cannot be loaded; `issues` lists every problem in every file at once.
 *
 * @example
 * try { parsePolicies(sources); } catch (e) { if (e instanceof PolicyValidationError) for (const i of e.issues) console.error(i.file, i.line, i.message); }
 */
export class PolicyValidationError extends Error {
  readonly issues: PolicyIssue[];
  constructor(issues: PolicyIssue[]) {
    // Keys and values in a rule file may be anything, personal data included: mask paths too.
    const safe = issues.map((i) => ({ ...i, path: i.path.map((p) => (typeof p === 'string' ? maskText(p) : p)), message: maskText(i.message) }));
    super(`${safe.length} problem${safe.length === 1 ? '' : 's'} in the rules:\n${formatIssues(safe.slice(0, 20))}${safe.length > 20 ? `\n… and ${safe.length - 20} more` : ''}`);
    this.name = 'PolicyValidationError';
    this.issues = safe;
  }
}
