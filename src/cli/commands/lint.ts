import { wordsFor } from '../../core/catalogue/index.js';
import { resolveAsOf, formatDay } from '../../core/dates.js';
import { lintSources, type LintFinding } from '../../lint/index.js';
import { existsSync } from 'node:fs';
import { readPolicySources } from '../../node/index.js';
import { loadProjectDir, projectsDirOf } from '../../node/projects.js';
import { PolicyValidationError } from '../../policy/errors.js';
import { helpOf, localeOf, parse, UsageError, type Command } from '../args.js';

const place = (f: LintFinding) => [f.file, f.line, f.column].filter((x) => x !== undefined).join(':');

export const lint: Command = {
  name: 'lint',
  async run(io) {
    const { values, positionals } = parse(io.argv, { 'stale-years': { type: 'string', default: '5' } });
    if (values.help) return io.stdout(helpOf('lint', values.locale)), 0;
    if (positionals.length > 1) throw new UsageError((u) => u.withHelp(u.takes.atMostOneRulesDir, 'lint'));
    const locale = localeOf(values.locale);
    const staleYears = Number(values['stale-years']);
    if (!Number.isInteger(staleYears) || staleYears < 0) throw new UsageError((u) => u.wholeNumber('--stale-years', 0));
    // The command line is the edge where today may be read.
    const asOf = formatDay(resolveAsOf(values['as-of'] ?? new Date()));
    const dir = positionals[0] ?? values.rules;
    const sources = await readPolicySources(dir);
    const findings: LintFinding[] = sources.length
      ? lintSources(sources, { asOf, staleYears })
      : [{ severity: 'error', code: 'no_policies', file: dir, path: [], message: `no .yaml, .yml or .json rule files under ${dir}` }];
    findings.push(...(await projectFindings(dir)));
    const errors = findings.filter((f) => f.severity === 'error').length;
    const warnings = findings.length - errors;
    if (values.json) io.stdout(JSON.stringify({ asOf, errors, warnings, findings }, null, 2));
    else {
      // One language per run: zh-CN names each problem by its code, English gives the detail.
      const w = wordsFor(locale).cli.lint;
      for (const f of findings) io.stdout(`${place(f)}  ${w[f.severity]}  ${w.finding(f.code, f.message)} [${f.code}]${f.path.length ? `  @ ${f.path.join('.')}` : ''}${f.policyId ? `  (${f.policyId})` : ''}`);
      io.stdout(w.summary(errors, warnings));
    }
    return errors ? 1 : 0;
  },
};

/** Project files are checked by loading them: their errors are lint errors. */
async function projectFindings(dir: string): Promise<LintFinding[]> {
  const projects = projectsDirOf(dir);
  if (!existsSync(projects)) return [];
  try {
    await loadProjectDir(projects);
    return [];
  } catch (e) {
    if (!(e instanceof PolicyValidationError)) throw e;
    return e.issues.map((i) => ({ severity: 'error' as const, ...i }));
  }
}
