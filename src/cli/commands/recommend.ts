import { maskValue } from '../../core/mask.js';
import { formatRange, pick, type Locale } from '../../core/text.js';
import type { Policy } from '../../policy/schema.js';
import { carriedBy, type Bundle, type Recommendation } from '../../recommend/index.js';
import { regionName } from '../../regions/codes.js';
import { helpOf, localeOf, parse, UsageError, type Command } from '../args.js';
import { loadMatcher, readProfilesReporting } from '../io.js';
import { renderTable } from '../../core/table.js';
import { wordsFor } from '../../core/catalogue/index.js';

/** The ranked list as a table, then what the bundle set aside; shared with `guiyan ask`. */
export function renderRecommendations(recs: readonly Recommendation[], b: Bundle, policies: ReadonlyMap<string, Policy>, locale: Locale): string {
  const w = wordsFor(locale);
  if (recs.length === 0) return w.cli.noPolicy;
  const rows = recs.map((r, i) => {
    const p = policies.get(r.policyId)!;
    const why =
      r.status === 'ineligible' && r.nearMiss
        ? r.nearMiss.changes.map((c) => c.text).join(w.list.clauses)
        : carriedBy(r, 2).map((x) => x.text).join(w.list.clauses);
    return [String(i + 1), `${r.title}${p.sample ? '*' : ''}`, r.status === 'ineligible' ? w.cli.nearMiss : w.status[r.status], r.amountText ?? '—', r.score.toFixed(3), why];
  });
  const lines = [renderTable(w.cli.recommendHead, rows)];
  if (b.chosen.length > 1 || b.setAside.length) lines.push(`${w.cli.together}: ${formatRange(b.total, locale)}`);
  for (const s of b.setAside) lines.push(`${w.cli.setAside}: ${pick(policies.get(s.policyId)!.title, locale)} — ${s.reason}`);
  return lines.join('\n');
}

export const recommend: Command = {
  name: 'recommend',
  async run(io) {
    const { values, positionals } = parse(io.argv, { limit: { type: 'string' }, 'near-misses': { type: 'boolean', default: false } });
    if (values.help) return io.stdout(helpOf('recommend', values.locale)), 0;
    if (positionals.length !== 1) throw new UsageError((u) => u.withHelp(u.takes.oneProfile, 'recommend'));
    const locale = localeOf(values.locale);
    const limit = values.limit === undefined ? undefined : Number(values.limit);
    if (limit !== undefined && !(Number.isInteger(limit) && limit >= 0)) throw new UsageError((u) => u.wholeNumber('--limit', 0));
    const matcher = await loadMatcher(values.rules);
    const policies = new Map(matcher.policies.map((p) => [p.id, p]));
    const { files, status } = await readProfilesReporting(positionals[0]!, io.stderr, locale);
    const out = files.map((f) => {
      const asOf = values['as-of'] ?? f.asOf;
      const opts = { asOf, locale, limit, nearMisses: values['near-misses'] };
      return { profile: f.profile as { id: string; name?: string; regionCode?: string }, asOf, recs: matcher.recommend(f.profile, opts), bundle: matcher.recommendBundle(f.profile, opts) };
    });
    if (values.json) {
      io.stdout(JSON.stringify(out.map((r) => ({ profileId: r.profile.id, asOf: r.asOf ?? null, recommendations: r.recs, bundle: { policyIds: r.bundle.chosen.map((c) => c.policyId), total: r.bundle.total, totalText: formatRange(r.bundle.total, locale), setAside: r.bundle.setAside } })), null, 2));
      return status;
    }
    for (const r of out) io.stdout(`\n${header(r.profile, r.asOf, locale)}\n${renderRecommendations(r.recs, r.bundle, policies, locale)}`);
    if (out.some((r) => r.recs.some((x) => policies.get(x.policyId)?.sample))) io.stdout(wordsFor(locale).cli.sample);
    return status;
  },
};

export function header(p: { id: string; name?: string; regionCode?: string }, asOf: string | undefined, locale: Locale): string {
  const who = [p.name, p.id, p.regionCode ? regionName(p.regionCode, locale) : undefined].filter(Boolean).join(' · ');
  return `${String(maskValue(who))}${asOf ? `  ${wordsFor(locale).cli.asOf(String(asOf))}` : ''}`;
}

