import { wordsFor } from './catalogue/index.js';
import type { Locale } from './locale.js';

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
