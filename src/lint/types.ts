/** One finding of `guiyan lint`: errors make the command fail, warnings do not. */
export interface LintFinding {
  severity: 'error' | 'warning';
  code: string;
  message: string;
  file?: string | undefined;
  line?: number | undefined;
  column?: number | undefined;
  policyId?: string | undefined;
  path: (string | number)[];
}

/** Options of `lintSources`. */
export interface LintOptions {
  /** The day to judge windows and parameter ages by (YYYY-MM-DD). */
  asOf: string;
  /** Parameters whose latest value is older than this many years are flagged. Default 5. */
  staleYears?: number;
}

export type Finding = Omit<LintFinding, 'file' | 'line' | 'column'>;
