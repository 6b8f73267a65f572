import { cliWordsFor } from '../../core/catalogue/cli.js';
import { wordsFor } from '../../core/catalogue/index.js';
import { formatRange } from '../../core/text.js';
import { labelOf } from '../../engine/index.js';
import { loadPolicyDir } from '../../node/index.js';
import { columnsRead, find, openRegister, type FindPolicy } from '../../node/sql/find.js';
import type { Locale } from '../../core/text.js';
import { helpOf, localeOf, parse, UsageError, type Command } from '../args.js';
import { renderTable } from '../../core/table.js';
import { formatBadRow } from '../io.js';
import { checkRegister } from '../register.js';

const fill = (t: string, v: Record<string, string | number>) => t.replace(/\{(\w+)\}/g, (_m, k: string) => String(v[k] ?? ''));

function parseSets(list: string[], ids: string[]): Record<string, Record<string, number>> {
  const out: Record<string, Record<string, number>> = {};
  for (const s of list) {
    const m = /^(?:([a-z][a-z0-9-]+)\.)?([A-Za-z][A-Za-z0-9]*)=(-?\d+(?:\.\d+)?)$/.exec(s);
    if (!m) throw new UsageError((u) => u.setSyntax(JSON.stringify(s)));
    for (const id of m[1] ? [m[1]] : ids) (out[id] ??= {})[m[2]!] = Number(m[3]);
  }
  return out;
}

export const findCommand: Command = {
  name: 'find',
  async run(io) {
    const { values } = parse(io.argv, {
      register: { type: 'string' },
      policy: { type: 'string', multiple: true },
      set: { type: 'string', multiple: true },
      'with-rules': { type: 'string' },
      limit: { type: 'string', default: '20' },
    });
    if (values.help) return io.stdout(helpOf('find', values.locale)), 0;
    if (!values.register) throw new UsageError((u) => u.withHelp(u.needs('--register FILE|URL'), 'find'));
    const locale = localeOf(values.locale);
    const w = wordsFor(locale).cli.find;
    const st = wordsFor(locale).status;
    const all = await loadPolicyDir(values.rules);
    const wanted = values.policy ?? [];
    for (const id of wanted) if (!all.some((p) => p.id === id)) throw new UsageError((u) => u.noPolicy(id, values.rules));
    const policies = wanted.length ? all.filter((p) => wanted.includes(p.id)) : all;
    const limit = Number(values.limit);
    if (!Number.isInteger(limit) || limit < 0) throw new UsageError((u) => u.wholeNumber('--limit', 0));
    const asOf = values['as-of'] ?? new Date();
    const set = values.set?.length ? parseSets(values.set, policies.map((p) => p.id)) : undefined;
    const changed = values['with-rules'] ? await loadPolicyDir(values['with-rules']) : undefined;
    // A JSON Lines register is checked row by row first: bad rows are reported and left out.
    const checked = /\.jsonl$/i.test(values.register) ? await checkRegister(values.register, (row) => io.stderr(formatBadRow(row, locale))) : undefined;
    const status = (r: { unsupported: unknown[] }) => (r.unsupported.length || checked?.bad ? 1 : 0);
    let reg;
    try {
      reg = await openRegister(checked?.path ?? values.register, { columns: columnsRead(policies, { asOf, set, changed }) });
    } catch (e) {
      await checked?.dispose();
      throw e;
    }
    try {
      const r = await find(reg, policies, { asOf, limit, set, changed });
      const title = new Map(policies.map((p) => [p.id, p.title[locale] ?? p.title['zh-CN']]));
      const amountText = (p: FindPolicy) => (p.total.unit ? formatRange({ min: p.total.min, max: p.total.max, unit: p.total.unit }, locale) : undefined);
      if (values.json) {
        // Each policy names its title and the eligible people's total in the run's locale, as results do.
        const rows = r.policies.map((p) => ({ ...p, title: title.get(p.policyId), ...(amountText(p) ? { amountText: amountText(p) } : {}) }));
        io.stdout(JSON.stringify({ ...r, policies: rows, invalid: checked?.bad ?? 0 }, null, 2));
        return status(r);
      }
      io.stdout(fill(w.rows, { n: r.rows, d: r.asOf, ms: Math.round(r.ms) }));
      const amount = (p: FindPolicy) => amountText(p) ?? '—';
      io.stdout(
        renderTable(
          [w.policy, st.eligible, st.unknown, st.ineligible, w.total, w.ready],
          r.policies.map((p) => [`${title.get(p.policyId)} (${p.policyId})`, String(p.counts.eligible), String(p.counts.unknown), String(p.counts.ineligible), amount(p), p.ready ? w.yes : fill(w.no, { x: p.absent.join(', ') })]),
        ),
      );
      for (const p of r.policies) {
        io.stdout(`\n${title.get(p.policyId)} (${p.policyId})`);
        if (p.eligible.length) io.stdout(`  ${fill(w.first, { n: p.eligible.length })}: ${p.eligible.join(', ')}`);
        if (p.settle.length) io.stdout(`  ${w.settle}: ${p.settle.map((s) => `${labelOf(s.field, locale)} (${s.field}) ${s.people} ${w.people}`).join('; ')}`);
        if (p.whatIf) {
          const x = p.whatIf;
          io.stdout(`  ${w.gained}: ${x.gained}${x.gainedIds.length ? ` (${x.gainedIds.join(', ')})` : ''}`);
          io.stdout(`  ${w.lost}: ${x.lost}${x.lostIds.length ? ` (${x.lostIds.join(', ')})` : ''}`);
          io.stdout(`  ${w.change}: ${x.change.min >= 0 ? '+' : ''}${x.change.min} … ${x.change.max >= 0 ? '+' : ''}${x.change.max}`);
        }
      }
      const say = cliWordsFor(locale).usage;
      for (const u of r.unsupported) io.stderr(`${u.policyId} ${u.path}: ${say.sqlUnsupported(u.message)} [${u.code}]`);
      for (const id of r.notInForce) io.stderr(say.notInForce(id, r.asOf));
      return status(r);
    } finally {
      await reg.session.close();
      await checked?.dispose();
    }
  },
};
