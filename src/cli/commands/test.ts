import { existsSync } from 'node:fs';
import { runPolicyCases } from '../../engine/index.js';
import { runProjectCases } from '../../projects/cases.js';
import { loadRules } from '../io.js';
import { loadProjectDir, projectsDirOf } from '../../node/projects.js';
import { wordsFor } from '../../core/catalogue/index.js';
import { helpOf, localeOf, parse, type Command } from '../args.js';

export const test: Command = {
  name: 'test',
  async run(io) {
    const { values } = parse(io.argv, {});
    if (values.help) return io.stdout(helpOf('test', values.locale)), 0;
    const projectsDir = projectsDirOf(values.rules);
    const results = [
      ...runPolicyCases(await loadRules(values.rules)),
      ...(existsSync(projectsDir) ? runProjectCases(await loadProjectDir(projectsDir)) : []),
    ];
    const failed = results.filter((r) => !r.ok);
    if (values.json) io.stdout(JSON.stringify({ passed: results.length - failed.length, failed: failed.length, failures: failed.map(({ evaluation: _e, ...r }) => r) }, null, 2));
    else {
      const w = wordsFor(localeOf(values.locale)).cli;
      for (const f of failed) io.stdout(`${w.testFail(f.file ?? '', f.name)}\n  ${f.problems.join('\n  ')}`);
      io.stdout(w.testSummary(results.length - failed.length, failed.length));
    }
    return failed.length ? 1 : 0;
  },
};
