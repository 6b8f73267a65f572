import { helpOf, localeOf, parse, UsageError, type Command } from '../args.js';
import { loadMatcher, readOneProfile } from '../io.js';
import { renderTable } from '../../core/table.js';
import { wordsFor } from '../../core/catalogue/index.js';

export const search: Command = {
  name: 'search',
  async run(io) {
    const { values, positionals } = parse(io.argv, { profile: { type: 'string' }, limit: { type: 'string', default: '10' } });
    if (values.help) return io.stdout(helpOf('search', values.locale)), 0;
    if (positionals.length === 0) throw new UsageError((u) => u.withHelp(u.takes.query, 'search'));
    const locale = localeOf(values.locale);
    const limit = Number(values.limit);
    if (!(Number.isInteger(limit) && limit > 0)) throw new UsageError((u) => u.wholeNumber('--limit', 1));
    const matcher = await loadMatcher(values.rules);
    const person = values.profile ? await readOneProfile(values.profile) : undefined;
    const asOf = values['as-of'] ?? person?.asOf;
    const hits = matcher.search(positionals.join(' '), { limit, locale, ...(asOf ? { asOf } : {}), ...(person ? { profile: person.profile } : {}) });
    if (values.json) return io.stdout(JSON.stringify(hits, null, 2)), 0;
    const w = wordsFor(locale);
    if (hits.length === 0) return io.stdout(w.cli.nothingFound), 0;
    const byId = new Map(matcher.policies.map((p) => [p.id, p]));
    const rows = hits.map((h) => {
      const p = byId.get(h.policyId)!;
      return [`${h.title}${p.sample ? '*' : ''}`, h.policyId, h.amountText ?? '—', h.score.toFixed(2), h.status ? w.status[h.status] : ''];
    });
    const head = w.cli.searchHead;
    io.stdout(renderTable(person ? head : head.slice(0, 4), person ? rows : rows.map((r) => r.slice(0, 4))));
    return 0;
  },
};
