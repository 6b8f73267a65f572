import { formatDay } from '../core/dates.js';
import { maskText } from '../core/mask.js';
import { wordsFor } from '../core/catalogue/index.js';
import { pick, type Locale } from '../core/text.js';
import { fieldInfo } from '../profile/fields.js';
import { regionName } from '../regions/codes.js';
import type { Measure } from '../policy/schema.js';
import { Span } from '../ops/index.js';
import type { Domain, FactRef } from './facts.js';


export function labelOf(path: string, locale: Locale): string {
  const info = fieldInfo(path);
  return info ? pick(info.label, locale) : path;
}

/** How a fact is named in a reason: "年龄", "当年新招用符合条件人员数/在职职工人数". */
export function factLabel(r: FactRef, locale: Locale): string {
  const base = labelOf(r.field, locale);
  if (r.per) return `${base}/${labelOf(r.per, locale)}`;
  if (r.measure && r.measure !== 'count' && r.at) return wordsFor(locale).measure.labelAt[r.measure].replace('{label}', base).replace('{at}', labelOf(r.at, locale));
  if (r.measure) return wordsFor(locale).measure.label[r.measure].replace('{label}', base);
  return base;
}

function choiceLabel(path: string, value: string, locale: Locale): string {
  const opt = fieldInfo(path)?.options?.find((o) => o.value === value);
  return opt ? pick(opt.label, locale) : value;
}

/** A value in a fact's domain as a person reads it; personal data masked. */
export function showValue(value: unknown, r: FactRef, domain: Domain, locale: Locale): string {
  const w = wordsFor(locale);
  if (value === undefined) return w.value.unknown;
  if (value === null) return w.value.none;
  if (value instanceof Span) return w.value.about(showValue(value.lo, r, domain, locale), showValue(value.hi, r, domain, locale));
  if (Array.isArray(value)) return value.length === 0 ? w.value.none : value.map((v) => showValue(v, r, domain, locale)).join(w.list.sep);
  switch (domain) {
    case 'date':
      return typeof value === 'number' ? formatDay(value) : String(value);
    case 'boolean':
      return value === true ? w.value.yes : value === false ? w.value.no : String(value);
    case 'choice':
    case 'choices':
      return choiceLabel(r.field, String(value), locale);
    case 'region':
      return regionName(String(value), locale);
    case 'number': {
      if (typeof value !== 'number') return String(value);
      if (r.per) return Number.isFinite(value) ? `${Math.round(value * 1000) / 10}%` : '∞';
      const mu = r.measure ? (w.measure.unit as Partial<Record<Measure, string>>)[r.measure] : undefined;
      if (mu) return `${value}${mu}`;
      const unit = fieldInfo(r.field)?.unit;
      if (!unit) return String(value);
      return w.value.withUnit(value, pick(unit, locale));
    }
    default:
      return maskText(String(value));
  }
}
