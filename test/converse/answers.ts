import { FIELDS } from '../../src/profile/fields.js';
import { REGION_NAMES } from '../../src/regions/codes.js';

const read = (p: unknown, path: string) => path.split('.').reduce<unknown>((o, k) => (o && typeof o === 'object' ? (o as Record<string, unknown>)[k] : undefined), p);

/** What a person would type to the pending question, from what their profile says; "不知道" when it says nothing. */
export function typedAnswer(profile: unknown, field: string, locale: 'zh-CN' | 'en' = 'zh-CN'): string {
  const en = locale === 'en';
  const value = read(profile, field);
  const info = FIELDS.get(field);
  if (value === undefined) return en ? "don't know" : '不知道';
  if (value === null) return en ? 'none' : '无';
  if (typeof value === 'boolean') return value ? (en ? 'yes' : '是') : en ? 'no' : '否';
  const number = (v: string) => String((info?.options ?? []).findIndex((o) => o.value === v) + 1 || v);
  if (Array.isArray(value)) return value.length === 0 ? (en ? 'none' : '没有') : value.map((v) => number(String(v))).join(',');
  if (typeof value === 'number') return en ? `${value}` : `${value}${info?.unit?.['zh-CN'] ?? ''}`;
  if (info?.kind === 'region') return REGION_NAMES[String(value)]?.[locale] ?? String(value);
  if (info?.kind === 'choice') return number(String(value));
  if (typeof value === 'string' && /^\d{4}-\d{2}-\d{2}$/.test(value)) {
    const [y, m, d] = value.split('-').map(Number);
    return en ? value : `${y}年${m}月${d}日`;
  }
  return String(value);
}
