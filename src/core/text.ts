import { wordsFor } from './catalogue/index.js';
import { asLocale, type Locale } from './locale.js';

export { LOCALES, type Locale } from './locale.js';

/** A text in zh-CN (required) and English (optional). */
export interface LocalizedText {
  'zh-CN': string;
  en?: string | undefined;
}

export function pick(text: LocalizedText, locale: Locale = 'zh-CN'): string {
  return (Object.hasOwn(text, locale) ? text[locale] : undefined) ?? text['zh-CN'];
}

export const both = (zh: string, en: string): LocalizedText => ({ 'zh-CN': zh, en });

/** Fills `{name}` placeholders; unknown names are left as they are. */
export function fill(template: string, vars: Record<string, string | number | undefined>): string {
  return template.replace(/\{(\w+)\}/g, (all, name: string) => {
    const v = vars[name];
    return v === undefined ? all : String(v);
  });
}

/** 200000 → "20万元" (zh-CN) or "CNY 200,000" (en). */
export function formatMoney(value: number, unit: string, locale: Locale): string {
  if (unit !== 'CNY') return `${value} ${unit}`;
  return wordsFor(locale).money.cny(value);
}

export function formatRange(range: { min: number; max: number; unit: string }, locale: Locale): string {
  if (range.min === range.max) return formatMoney(range.max, range.unit, locale);
  if (range.min === 0) return wordsFor(locale).money.upTo(formatMoney(range.max, range.unit, locale));
  return `${formatMoney(range.min, range.unit, locale)}–${formatMoney(range.max, range.unit, locale)}`;
}

/** Formatted ranges by locale and bounds: batches format the same few amounts again and again. Cleared past 4096. */
const formatted: Record<Locale, Map<string, string>> = { 'zh-CN': new Map(), en: new Map() };

/** `formatRange`, remembering recent results (number formatting dominates a verdict-mode batch otherwise). */
export function formatRangeCached(range: { min: number; max: number; unit: string }, locale: Locale): string {
  const memo = formatted[asLocale(locale)];
  const key = `${range.min}|${range.max}|${range.unit}`;
  let text = memo.get(key);
  if (text === undefined) {
    if (memo.size >= 4096) memo.clear();
    memo.set(key, (text = formatRange(range, locale)));
  }
  return text;
}
