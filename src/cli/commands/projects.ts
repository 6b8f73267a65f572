import { maskValue } from '../../core/mask.js';
import { formatMoney, pick, type Locale } from '../../core/text.js';
import { labelOf } from '../../engine/index.js';
import { projectsDirOf, loadProjectDir } from '../../node/projects.js';
import { assignOfficers } from '../../officers/assign.js';
import type { Officer } from '../../officers/schema.js';
import type { ProjectRecommendation } from '../../projects/matcher.js';
import { createProjectMatcher } from '../../projects/matcher.js';
import type { Project } from '../../projects/schema.js';
import type { Policy } from '../../policy/schema.js';
import { regionName } from '../../regions/codes.js';
import { helpOf, localeOf, parse, UsageError, type Command } from '../args.js';
import { loadMatcher, readOfficers, readProfilesReporting } from '../io.js';
import { renderTable } from '../../core/table.js';
import { wordsFor } from '../../core/catalogue/index.js';

const money = (p: Project, locale: Locale) => `${formatMoney(p.capitalNeeded.min, 'CNY', locale)}–${formatMoney(p.capitalNeeded.max, 'CNY', locale)}`;

/** What made the score, in a few words: industry, place, and the first open question or failed condition. */
function why(r: ProjectRecommendation, project: Project, industries: readonly string[], locale: Locale): string {
  const w = wordsFor(locale);
  const b = r.breakdown;
  const parts: string[] = [];
  if (b.industry === 1) parts.push(w.cli.sameIndustry);
  else if (project.industries.some((i) => industries.includes(i))) parts.push(w.cli.relatedIndustry);
  if (b.locality === 1) parts.push(w.cli.county);
  else if (b.locality >= 0.5) parts.push(w.cli.city);
  else if (b.locality > 0) parts.push(w.cli.province);
  if (b.capital < 1 && r.fundingPolicies.length) parts.push(w.cli.loansCover(Math.round(b.capital * 100)));
  if (r.missing.length) parts.push(w.cli.toAnswerPart + r.missing.map((m) => labelOf(m, locale)).join(w.list.sep));
  else {
    const failed = r.reasons.find((x) => x.status === 'fail');
    if (failed) parts.push(failed.text);
  }
  return parts.join(w.cli.parts);
}

function funding(r: ProjectRecommendation, policies: ReadonlyMap<string, Policy>, locale: Locale): string {
  if (!r.funding.length) return '—';
  const w = wordsFor(locale);
  return r.funding.map((f) => `${pick(policies.get(f.policyId)!.title, locale)}${f.status === 'unknown' ? `（${w.status.unknown}）` : ''}`).join(w.list.sep);
}

export const projects: Command = {
  name: 'projects',
  async run(io) {
    const { values, positionals } = parse(io.argv, {
      limit: { type: 'string', default: '5' },
      all: { type: 'boolean', default: false },
      officers: { type: 'string' },
    });
    if (values.help) return io.stdout(helpOf('projects', values.locale)), 0;
    if (positionals.length !== 1) throw new UsageError((u) => u.withHelp(u.takes.oneProfile, 'projects'));
    const locale = localeOf(values.locale);
    const limit = Number(values.limit);
    if (!Number.isInteger(limit) || limit < 1) throw new UsageError((u) => u.wholeNumber('--limit', 1));
    const [matcher, catalogue] = await Promise.all([loadMatcher(values.rules), loadProjectDir(projectsDirOf(values.rules))]);
    const officers: Officer[] | null = values.officers ? await readOfficers(values.officers) : null;
    const pm = createProjectMatcher(catalogue);
    const { files, status } = await readProfilesReporting(positionals[0]!, io.stderr, locale);
    const results = files.map((f) => {
      const asOf = values['as-of'] ?? f.asOf;
      const recs = pm.recommendProjects(f.profile, { asOf, locale, matcher, limit, scope: values.all ? 'all' : 'applicable', includeIneligible: values.all });
      return { profile: f.profile as { id: string; name?: string; regionCode?: string; business?: { industry?: string[] } }, asOf, recs };
    });
    const assigned = officers ? assignOfficers(results.map((r) => r.profile), officers, { locale }).assignments : null;
    if (values.json) {
      io.stdout(JSON.stringify(results.map((r, i) => ({ profileId: r.profile.id, asOf: r.asOf ?? null, projects: r.recs, ...(assigned ? { officer: assigned[i] } : {}) })), null, 2));
      return status;
    }
    const byId = new Map(catalogue.map((p) => [p.id, p]));
    const policies = new Map(matcher.policies.map((p) => [p.id, p]));
    const w = wordsFor(locale);
    results.forEach((r, i) => {
      const who = [r.profile.name, r.profile.id, r.profile.regionCode ? regionName(r.profile.regionCode, locale) : undefined].filter(Boolean).join(' · ');
      io.stdout(`\n${maskValue(who)}${r.asOf ? `  ${wordsFor(locale).cli.asOf(String(r.asOf))}` : ''}`);
      const rows = r.recs.map((x) => {
        const p = byId.get(x.projectId)!;
        return [`${pick(p.title, locale)}${p.sample ? '*' : ''}`, w.cli.fit[x.status], x.score.toFixed(2), money(p, locale), funding(x, policies, locale), why(x, p, r.profile.business?.industry ?? [], locale)];
      });
      io.stdout(rows.length ? renderTable(w.cli.projectsHead, rows) : w.cli.noProject);
      const a = assigned?.[i];
      if (a) io.stdout(a.officerId ? w.cli.officer(a.reason ?? '', a.officerId) : w.cli.noOfficer);
    });
    if (results.some((r) => r.recs.some((x) => byId.get(x.projectId)?.sample))) io.stdout(wordsFor(locale).cli.sampleProject);
    return status;
  },
};
