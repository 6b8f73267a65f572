import { formatDay } from '../core/dates.js';
import { maskText } from '../core/mask.js';
import { pick, type Locale } from '../core/text.js';
import { fieldInfo } from '../profile/fields.js';
import { regionName } from '../regions/codes.js';
import type { Measure } from '../policy/schema.js';
import type { Domain, FactRef } from './facts.js';

const MEASURE_LABEL: Record<Measure, [string, string]> = {
  age: ['年龄', 'age'],
  'days-since': ['{label}至今天数', 'days since {label}'],
  'months-since': ['{label}至今整月数', 'full months since {label}'],
  'calendar-months-since': ['{label}至今所跨月数', 'calendar months since {label}'],
  'calendar-years-since': ['{label}距今年数', 'calendar years since {label}'],
  count: ['{label}数量', 'number of {label}'],
};

const MEASURE_UNIT: Partial<Record<Measure, [string, string]>> = {
  age: ['岁', ' years old'],
  'days-since': ['天', ' days'],
  'months-since': ['个月', ' months'],
  'calendar-months-since': ['个月', ' months'],
  'calendar-years-since': ['年', ' years'],
};

export function labelOf(path: string, locale: Locale): string {
  const info = fieldInfo(path);
  return info ? pick(info.label, locale) : path;
}

/** How a fact is named in a reason: "年龄", "当年新招用符合条件人员数/在职职工人数". */
export function factLabel(r: FactRef, locale: Locale): string {
  const base = labelOf(r.field, locale);
  if (r.per) return `${base}/${labelOf(r.per, locale)}`;
  if (r.measure) return MEASURE_LABEL[r.measure][locale === 'en' ? 1 : 0].replace('{label}', base);
  return base;
}

function choiceLabel(path: string, value: string, locale: Locale): string {
  const opt = fieldInfo(path)?.options?.find((o) => o.value === value);
  return opt ? pick(opt.label, locale) : value;
}

/** A value in a fact's domain as a person reads it; personal data masked. */
export function showValue(value: unknown, r: FactRef, domain: Domain, locale: Locale): string {
  const en = locale === 'en';
  if (value === undefined) return en ? 'unknown' : '未知';
  if (value === null) return en ? 'none' : '无';
  if (Array.isArray(value)) return value.length === 0 ? (en ? 'none' : '无') : value.map((v) => showValue(v, r, domain, locale)).join(en ? ', ' : '、');
  switch (domain) {
    case 'date':
      return typeof value === 'number' ? formatDay(value) : String(value);
    case 'boolean':
      return value === true ? (en ? 'yes' : '是') : value === false ? (en ? 'no' : '否') : String(value);
    case 'choice':
    case 'choices':
      return choiceLabel(r.field, String(value), locale);
    case 'region':
      return regionName(String(value), locale);
    case 'number': {
      if (typeof value !== 'number') return String(value);
      if (r.per) return Number.isFinite(value) ? `${Math.round(value * 1000) / 10}%` : '∞';
      const mu = r.measure ? MEASURE_UNIT[r.measure] : undefined;
      if (mu) return `${value}${mu[en ? 1 : 0]}`;
      const unit = fieldInfo(r.field)?.unit;
      if (!unit) return String(value);
      return en ? `${value} ${pick(unit, locale)}` : `${value}${pick(unit, locale)}`;
    }
    default:
      return maskText(String(value));
  }
}
