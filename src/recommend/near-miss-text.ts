import { fill, type Locale } from '../core/text.js';

export type ChangeKind = 'answer' | 'increase' | 'decrease' | 'wait' | 'choose' | 'set';
type Key = 'answer' | 'increase' | 'decrease' | 'wait' | 'choose' | 'set' | 'set-eq' | 'need-date' | 'ratio';

const TEXT: Record<Key, [string, string]> = {
  answer: ['待回答：{label}', 'answer: {label}'],
  increase: ['{label}再增加{by}即可达到{target}', '{label}: {by} more would reach {target}'],
  decrease: ['{label}减少{by}即可降到{target}', '{label}: {by} fewer would reach {target}'],
  wait: ['自{date}起符合（{label}{expected}）', 'eligible from {date} ({label} {expected})'],
  choose: ['{label}{expected}即可符合', 'qualifies if {label} {expected}'],
  set: ['{label}需{expected}', 'needs {label} {expected}'],
  'set-eq': ['{label}需为{value}', 'needs {label} to be {value}'],
  'need-date': ['需先有{field}', 'needs a {field} first'],
  ratio: ['{label}再增加{n}即可达到{target}', '{label}: {n} more would reach {target}'],
};

/** Fields whose increase reads better as a verb phrase ("再招用2名…"); by field, never by policy. */
const RATIO_PHRASE: Record<string, [string, string]> = {
  'business.newHiresFromGroups': ['再招用{n}名符合条件人员即可达到{target}', 'hire {n} more people from the covered groups to reach {target}'],
};

/** A near-miss sentence in the locale. */
export function changeText(key: Key, vars: Record<string, string | number | undefined>, locale: Locale): string {
  const i = locale === 'en' ? 1 : 0;
  const phrase = key === 'ratio' && typeof vars.path === 'string' ? RATIO_PHRASE[vars.path] : undefined;
  return fill((phrase ?? TEXT[key])[i], vars);
}

export function deadlineText(vars: { field: string; date: string }, locale: Locale): string {
  return fill(locale === 'en' ? 'by {field}: qualifies until {date}' : '按{field}计，{date}前（含）可享受', vars);
}
