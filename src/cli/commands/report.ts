import { cliWordsFor } from '../../core/catalogue/cli.js';
import { readFile } from 'node:fs/promises';
import { pick, type Locale } from '../../core/text.js';
import { isIsoDate } from '../../core/dates.js';
import { funnel, renderFunnel, type FunnelRow } from '../../followup/funnel.js';
import { followUpsDue, type DueFollowUp } from '../../followup/tasks.js';
import { regionName } from '../../regions/codes.js';
import { checkState } from '../../screen/state.js';
import { MIN_RATINGS, type ScoreRow } from '../../store/types.js';
import { openStore } from '../../store/open.js';
import { loadRules, parseJson } from '../io.js';
import { helpOf, localeOf, parse, UsageError, type Command, type CommandIO } from '../args.js';
import { renderTable } from '../../core/table.js';
import { wordsFor } from '../../core/catalogue/index.js';


function dueTable(io: CommandIO, due: DueFollowUp[], locale: Locale, json: boolean): number {
  if (json) return io.stdout(JSON.stringify(due, null, 2)), 0;
  const head = wordsFor(locale).cli.dueHead;
  io.stdout(renderTable(head, due.map((t) => [t.due, t.profileId, t.policyId, String(t.offset), t.officerId ?? '—', t.regionCode ? regionName(t.regionCode, locale) : '—'])));
  return 0;
}

function scoreTable(rows: readonly ScoreRow[], by: 'department' | 'officer', locale: Locale): string {
  const w = wordsFor(locale).report;
  const head = w.scoreHead(by);
  const few = w.tooFew(MIN_RATINGS);
  return renderTable(head, rows.map((r) => [r.key, r.score === null ? few : r.score.toFixed(2), String(r.ratings)]));
}

async function titlesOf(rulesDir: string, locale: Locale): Promise<Map<string, string>> {
  const titles = new Map<string, string>();
  // Titles are a courtesy: without readable rules the table shows policy ids.
  try {
    for (const p of await loadRules(rulesDir)) titles.set(p.id, pick(p.title, locale));
  } catch {
    /* ids will do */
  }
  return titles;
}

export const report: Command = {
  name: 'report',
  async run(io) {
    const { values } = parse(io.argv, { store: { type: 'string' }, state: { type: 'string' }, by: { type: 'string' }, due: { type: 'string' } });
    if (values.help) return io.stdout(helpOf('report', values.locale, { min: MIN_RATINGS })), 0;
    if (!values.store && !values.state) throw new UsageError((u) => u.needs('--store PATH|postgres://URL'));
    if (values.store && values.state) throw new UsageError((u) => u.notBoth('--store', '--state'));
    const by = values.by;
    if (by !== undefined && by !== 'policy' && by !== 'region') throw new UsageError((u) => u.oneOf('--by', 'policy, region'));
    if (values.due !== undefined && !isIsoDate(values.due)) throw new UsageError((u) => u.date('--due', '2026-06-08'));
    const locale = localeOf(values.locale);
    const bys: ('policy' | 'region')[] = by ? [by] : ['policy', 'region'];
    const empty = wordsFor(locale).cli.nothingPushed;

    if (values.state) {
      io.stderr(cliWordsFor(locale).usage.failed('report', cliWordsFor(locale).usage.stateDeprecated));
      const state = checkState(parseJson(await readFile(values.state, 'utf8'), values.state));
      if (values.due !== undefined) return dueTable(io, followUpsDue(state, { on: values.due }), locale, !!values.json);
      const rows = funnel(state, { by: by ?? 'policy' });
      if (values.json) return io.stdout(JSON.stringify(rows, null, 2)), 0;
      const titles = await titlesOf(values.rules, locale);
      io.stdout(rows.length ? renderFunnel(rows, { by: by ?? 'policy', locale, titles: (id) => titles.get(id) ?? id }) : empty);
      return 0;
    }

    const store = await openStore(values.store!);
    try {
      if (values.due !== undefined) return dueTable(io, await store.followUpsDue(values.due), locale, !!values.json);
      const funnels: Partial<Record<'policy' | 'region', FunnelRow[]>> = {};
      for (const b of bys) funnels[b] = await store.funnel(b);
      const scores = { department: await store.scores('department'), officer: await store.scores('officer') };
      if (values.json) return io.stdout(JSON.stringify({ funnel: funnels, scores, minRatings: MIN_RATINGS }, null, 2)), 0;
      const titles = await titlesOf(values.rules, locale);
      const parts: string[] = [];
      for (const b of bys) {
        const rows = funnels[b]!;
        parts.push(rows.length ? renderFunnel(rows, { by: b, locale, titles: (id) => titles.get(id) ?? id }) : empty);
      }
      for (const k of ['department', 'officer'] as const) if (scores[k].length) parts.push(scoreTable(scores[k], k, locale));
      io.stdout(parts.join('\n\n'));
      return 0;
    } finally {
      await store.close();
    }
  },
};
