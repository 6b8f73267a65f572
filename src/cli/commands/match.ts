import { type Evaluation, labelOf } from '../../engine/index.js';
import { maskValue } from '../../core/mask.js';
import { regionName } from '../../regions/codes.js';
import { helpOf, localeOf, parse, UsageError, type Command } from '../args.js';
import { loadMatcher, readProfilesReporting } from '../io.js';
import { renderTable } from '../../core/table.js';
import { wordsFor } from '../../core/catalogue/index.js';

const ORDER = { eligible: 0, unknown: 1, ineligible: 2 } as const;
/** Eligible first, then unknown, each by the larger amount; catalogue order breaks ties. */
export function rankEvaluations(list: readonly Evaluation[]): Evaluation[] {
  return list
    .map((e, i) => [e, i] as const)
    .sort(([a, i], [b, j]) => ORDER[a.status] - ORDER[b.status] || (b.amount?.max ?? 0) - (a.amount?.max ?? 0) || i - j)
    .map(([e]) => e);
}

export const match: Command = {
  name: 'match',
  async run(io) {
    const { values, positionals } = parse(io.argv, { all: { type: 'boolean', default: false } });
    if (values.help) return io.stdout(helpOf('match', values.locale)), 0;
    if (positionals.length !== 1) throw new UsageError((u) => u.withHelp(u.takes.oneProfile, 'match'));
    const locale = localeOf(values.locale);
    const matcher = await loadMatcher(values.rules);
    const w = wordsFor(locale);
    const { files, status } = await readProfilesReporting(positionals[0]!, io.stderr, locale);
    const results = files.map((f) => {
      const asOf = values['as-of'] ?? f.asOf;
      const evaluations = matcher.evaluate(f.profile, { asOf, locale, scope: values.all ? 'all' : 'applicable' });
      return { source: f.source, profile: f.profile as { id: string; name?: string; regionCode?: string }, asOf, evaluations };
    });
    if (values.json) {
      io.stdout(JSON.stringify(results.map((r) => ({ profileId: r.profile.id, asOf: r.asOf ?? null, evaluations: r.evaluations })), null, 2));
      return status;
    }
    const titles = new Map(matcher.policies.map((p) => [p.id, p]));
    for (const r of results) {
      const who = [r.profile.name, r.profile.id, r.profile.regionCode ? regionName(r.profile.regionCode, locale) : undefined].filter(Boolean).join(' · ');
      io.stdout(`\n${maskValue(who)}${r.asOf ? `  ${wordsFor(locale).cli.asOf(String(r.asOf))}` : ''}`);
      const shown = rankEvaluations(r.evaluations).filter((e) => values.all || e.status !== 'ineligible');
      const rows = shown.map((e) => {
        const p = titles.get(e.policyId)!;
        const keyReasons = e.reasons.filter((x) => x.status !== 'pass').slice(0, 2);
        const why = (keyReasons.length ? keyReasons : e.reasons.slice(0, 2)).map((x) => x.text).join(w.list.clauses);
        const ask = e.missing.length ? `${w.cli.toAnswer}${e.missing.map((m) => labelOf(m, locale)).join(w.list.sep)}` : '';
        return [`${e.title}${p.sample ? '*' : ''}`, w.status[e.status], e.amountText ?? '—', why + ask];
      });
      io.stdout(rows.length ? renderTable(w.cli.matchHead, rows) : w.cli.noPolicy);
    }
    if (results.some((r) => r.evaluations.some((e) => titles.get(e.policyId)?.sample))) io.stdout(w.cli.sample);
    return status;
  },
};
