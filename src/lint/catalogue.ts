import { dayOf } from '../core/dates.js';
import type { Policy } from '../policy/schema.js';
import { yearsBefore } from './provenance.js';
import type { Finding, LintOptions } from './types.js';

/** A document number such as 〔2020〕21号, 公告2023年第15号 or 令第5号: what official text cites. */
const DOC_NUMBER = /〔\d{4}〕|\[\d{4}\]|［\d{4}］|公告|令第?\d+号|第\d+号/;

/** Windows, parameter ages, and what a policy's source says about it. */
export function policyFindings(p: Policy, o: LintOptions): Finding[] {
  const out: Finding[] = [];
  const add = (severity: Finding['severity'], code: string, path: Finding['path'], message: string) => out.push({ severity, code, policyId: p.id, path, message });
  const today = dayOf(o.asOf);
  if (p.validTo && dayOf(p.validTo) < today) add('warning', 'expired', ['validTo'], `the policy ended on ${p.validTo}, before ${o.asOf}`);
  if (p.apply?.until && dayOf(p.apply.until) < today) add('warning', 'expired', ['apply', 'until'], `applications closed on ${p.apply.until}, before ${o.asOf}`);
  const years = o.staleYears ?? 5;
  const cutoff = yearsBefore(today, years);
  for (const [name, param] of Object.entries(p.parameters)) {
    const latest = param.values.reduce((a, v) => (v.from > a ? v.from : a), '0000-01-01');
    // A value confirmed still current on a later date is as fresh as that check.
    const checked = param.reviewed && param.reviewed > latest ? param.reviewed : latest;
    if (dayOf(checked) < cutoff)
      add('warning', 'stale_parameter', ['parameters', name], `parameter "${name}" was last updated${param.reviewed ? ' or reviewed' : ''} on ${checked}, more than ${years} years before ${o.asOf}; set "reviewed" once it is confirmed current`);
  }
  const cited = `${p.source.title} ${p.source.note ?? ''}`;
  if (!p.sample && (p.regions.length > 0 || !DOC_NUMBER.test(cited)))
    add('warning', 'sample_unflagged', ['sample'], p.regions.length > 0 ? 'a local rule without a cited document number should carry sample: true' : 'the source cites no document number (such as 〔2020〕21号 or 公告); mark illustrative rules sample: true');
  if (!p.sample && p.regions.length === 0) {
    const lacking = [!p.source.date && 'source.date', !p.source.issuer && 'source.issuer'].filter(Boolean);
    if (lacking.length) add('warning', 'source_incomplete', ['source'], `a national rule should give ${lacking.join(' and ')}`);
  }
  return out;
}

/** References across policies: excluded ids that do not exist, exclusive groups of one. */
export function catalogueFindings(policies: readonly Policy[]): Finding[] {
  const out: Finding[] = [];
  const ids = new Set(policies.map((p) => p.id));
  const groups = new Map<string, Policy[]>();
  for (const p of policies) {
    p.excludes.forEach((id, i) => {
      if (!ids.has(id)) out.push({ severity: 'error', code: 'missing_reference', policyId: p.id, path: ['excludes', i], message: `excludes "${id}", which no rule file defines` });
      if (id === p.id) out.push({ severity: 'error', code: 'self_reference', policyId: p.id, path: ['excludes', i], message: 'a policy cannot exclude itself' });
    });
    if (p.exclusive) groups.set(p.exclusive.group, [...(groups.get(p.exclusive.group) ?? []), p]);
  }
  for (const [group, members] of groups) {
    if (members.length === 1)
      out.push({ severity: 'warning', code: 'lonely_group', policyId: members[0]!.id, path: ['exclusive', 'group'], message: `exclusive group "${group}" has no other member` });
    const modes = new Set(members.map((m) => m.exclusive!.mode));
    if (modes.size > 1) for (const m of members) out.push({ severity: 'error', code: 'group_mode_mismatch', policyId: m.id, path: ['exclusive', 'mode'], message: `members of "${group}" disagree on the mode (${[...modes].join(', ')})` });
  }
  return out;
}
