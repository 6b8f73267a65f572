import { wordsFor } from '../core/catalogue/index.js';
import { fill, type Locale } from '../core/text.js';

export type ChangeKind = 'answer' | 'increase' | 'decrease' | 'wait' | 'choose' | 'set';
type Key = 'answer' | 'increase' | 'decrease' | 'wait' | 'choose' | 'set' | 'set-eq' | 'need-date' | 'ratio';

/** A near-miss sentence in the locale. */
export function changeText(key: Key, vars: Record<string, string | number | undefined>, locale: Locale): string {
  const w = wordsFor(locale).nearMiss;
  const phrase = key === 'ratio' && typeof vars.path === 'string' && Object.hasOwn(w.ratioPhrase, vars.path) ? w.ratioPhrase[vars.path] : undefined;
  return fill(phrase ?? w[key], vars);
}

export function deadlineText(vars: { field: string; date: string }, locale: Locale): string {
  return fill(wordsFor(locale).nearMiss.deadline, vars);
}
