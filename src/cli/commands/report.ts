import { readFile } from 'node:fs/promises';
import { pick } from '../../core/text.js';
import { isIsoDate } from '../../core/dates.js';
import { funnel, renderFunnel } from '../../followup/funnel.js';
import { followUpsDue } from '../../followup/tasks.js';
import { regionName } from '../../regions/codes.js';
import { checkState } from '../../screen/state.js';
import { loadRules } from '../io.js';
import { COMMON_HELP, localeOf, parse, UsageError, type Command } from '../args.js';
import { renderTable } from '../../core/table.js';

const HELP = `guiyan report --state STATE.json [--by policy|region] [--json]

Prints the 问效 funnel from a screening state: pushed → applied → granted, with amounts.

${COMMON_HELP}
  --state FILE     the screening state
  --by KEY         policy (default) or region
  --due DATE       instead, list the open follow-ups due on or before DATE (YYYY-MM-DD)`;

export const report: Command = {
  name: 'report',
  summary: 'funnel of pushes, applications and grants',
  async run(io) {
    const { values } = parse(io.argv, { state: { type: 'string' }, by: { type: 'string', default: 'policy' }, due: { type: 'string' } });
    if (values.help) return io.stdout(HELP), 0;
    if (!values.state) throw new UsageError('report needs --state STATE.json');
    const by = values.by;
    if (by !== 'policy' && by !== 'region') throw new UsageError('--by must be policy or region');
    const locale = localeOf(values.locale);
    const state = checkState(JSON.parse(await readFile(values.state, 'utf8')));
    if (values.due !== undefined) {
      if (!isIsoDate(values.due)) throw new UsageError('--due must be a date such as 2026-06-08');
      const due = followUpsDue(state, { on: values.due });
      if (values.json) return io.stdout(JSON.stringify(due, null, 2)), 0;
      const head = locale === 'en' ? ['due', 'person', 'policy', 'days after push', 'officer', 'region'] : ['到期', '人员', '政策', '推送后天数', '专员', '地区'];
      io.stdout(renderTable(head, due.map((t) => [t.due, t.profileId, t.policyId, String(t.offset), t.officerId ?? '—', t.regionCode ? regionName(t.regionCode, locale) : '—'])));
      return 0;
    }
    const rows = funnel(state, { by });
    if (values.json) return io.stdout(JSON.stringify(rows, null, 2)), 0;
    // Titles are a courtesy: without readable rules the table shows policy ids.
    const titles = new Map<string, string>();
    if (by === 'policy') {
      try {
        for (const p of await loadRules(values.rules)) titles.set(p.id, pick(p.title, locale));
      } catch {
        /* ids will do */
      }
    }
    io.stdout(rows.length ? renderFunnel(rows, { by, locale, titles: (id) => titles.get(id) ?? id }) : locale === 'en' ? '(nothing pushed yet)' : '（尚无推送记录）');
    return 0;
  },
};
