import { wordsFor } from '../core/catalogue/index.js';
import { formatMoney, type Locale } from '../core/text.js';
import { regionName } from '../regions/codes.js';
import type { ScreenState } from '../screen/types.js';
import type { Outcome } from './types.js';
import { renderTable } from '../core/table.js';

/** One row of the 问效 funnel: how many pushes led to applications and grants. */
export interface FunnelRow {
  key: string;
  pushed: number;
  applied: number;
  granted: number;
  rejected: number;
  noResponse: number;
  notInterested: number;
  /** Sum of granted amounts. */
  grantedAmount: number;
}

const APPLIED: ReadonlySet<Outcome> = new Set(['applied', 'granted', 'rejected']);

const blank = (key: string): FunnelRow => ({ key, pushed: 0, applied: 0, granted: 0, rejected: 0, noResponse: 0, notInterested: 0, grantedAmount: 0 });

/**
 * pushed → applied → granted per policy or per region, from the outcomes in the state.
 * A person who applied and was later granted counts once in each step.
 * @example funnel(state, { by: 'policy' })
 */
export function funnel(state: ScreenState, { by }: { by: 'policy' | 'region' }): FunnelRow[] {
  const rows = new Map<string, FunnelRow>();
  for (const person of Object.values(state.profiles)) {
    for (const [policyId, e] of Object.entries(person.policies)) {
      if (!e.pushedAt) continue;
      const key = by === 'policy' ? policyId : (person.regionCode ?? '—');
      let row = rows.get(key);
      if (!row) rows.set(key, (row = blank(key)));
      row.pushed++;
      const seen = new Set((e.outcomes ?? []).map((o) => o.outcome));
      const last = e.outcomes?.at(-1)?.outcome;
      if ([...seen].some((o) => APPLIED.has(o))) row.applied++;
      if (seen.has('granted')) {
        row.granted++;
        row.grantedAmount += [...(e.outcomes ?? [])].reverse().find((o) => o.outcome === 'granted')?.amount ?? 0;
      } else if (last === 'rejected') row.rejected++;
      else if (last === 'no-response') row.noResponse++;
      else if (last === 'not-interested') row.notInterested++;
    }
  }
  return [...rows.values()].sort((a, b) => b.pushed - a.pushed || (a.key < b.key ? -1 : 1));
}

const pct = (n: number, d: number) => (d ? `${Math.round((100 * n) / d)}%` : '—');

/** The funnel as table cells (header and rows), for a plain-text or CSV renderer. */
export function funnelTable(rows: readonly FunnelRow[], { by, locale = 'zh-CN', titles }: { by: 'policy' | 'region'; locale?: Locale; titles?: (policyId: string) => string }): { header: string[]; rows: string[][] } {
  const w = wordsFor(locale).report;
  const header = w.funnelHead(by);
  const name = (key: string) => (by === 'policy' ? (titles?.(key) ?? key) : key === '—' ? key : regionName(key, locale));
  const total = rows.reduce((t, r) => ({ ...t, pushed: t.pushed + r.pushed, applied: t.applied + r.applied, granted: t.granted + r.granted, rejected: t.rejected + r.rejected, noResponse: t.noResponse + r.noResponse, notInterested: t.notInterested + r.notInterested, grantedAmount: t.grantedAmount + r.grantedAmount }), blank(w.total));
  const line = (r: FunnelRow, label: string) => [label, String(r.pushed), String(r.applied), pct(r.applied, r.pushed), String(r.granted), pct(r.granted, r.applied), String(r.rejected), String(r.noResponse), String(r.notInterested), formatMoney(r.grantedAmount, 'CNY', locale)];
  return { header, rows: [...rows.map((r) => line(r, name(r.key))), line(total, total.key)] };
}

/**
 * The funnel as a plain-text table with a total row.
 * @example renderFunnel(funnel(state, { by: 'region' }), { by: 'region', locale: 'en' })
 */
export function renderFunnel(rows: readonly FunnelRow[], opts: { by: 'policy' | 'region'; locale?: Locale; titles?: (policyId: string) => string }): string {
  const t = funnelTable(rows, opts);
  return renderTable(t.header, t.rows);
}
