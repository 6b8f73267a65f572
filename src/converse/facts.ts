import { withAnswer } from '../ask/path.js';
import { wordsFor } from '../core/catalogue/index.js';
import { fill, pick, type Locale } from '../core/text.js';
import type { Matcher } from '../matcher/create.js';
import { fieldInfo, isRange, readPath } from '../profile/fields.js';
import type { Profile } from '../profile/schema.js';
import { safeParseProfile } from '../profile/validate.js';
import { regionName } from '../regions/codes.js';
import { regionOfficialName } from '../regions/names.js';
import type { Fact } from '../understand/index.js';
import type { ConversationState } from './types.js';

export interface Applied {
  /** What was stored, for the echo. */
  stored: { field: string; value: unknown; approx: boolean }[];
  /** A stored value the new one contradicts: asked about, not applied. */
  contradiction?: { field: string; old: unknown; value: unknown };
  /** A range stored that leaves a policy open: ask once for a closer value. */
  precise?: string;
  /** Values the profile schema refused. */
  invalid: string[];
}


/** Whether a closer answer to `field` could still settle some policy: the evaluator names it among the missing. */
function openOn(m: Matcher, profile: Profile, asOf: Date | string | undefined, field: string): boolean {
  return m.evaluate(profile, { asOf, mode: 'verdict' } as never).some((e) => e.status === 'unknown' && e.missing.includes(field));
}

const sameList = (a: unknown, b: unknown) => JSON.stringify(a) === JSON.stringify(b);

/** A closer answer inside an earlier range refines it rather than contradicting it. */
function refines(old: unknown, value: unknown): boolean {
  if (!isRange(old)) return false;
  const [lo, hi] = isRange(value) ? [value.min, value.max] : [value, value];
  return typeof lo === typeof old.min && (lo as number | string) >= (old.min as number | string) && (hi as number | string) <= (old.max as number | string);
}

/**
 * Applies what a message stated to the conversation's profile. An approximate answer is stored as
 * the range it is (the evaluator decides a condition on it when every value in it agrees); when a
 * policy stays open only for want of a closer value, the person is asked once for one. A value that contradicts a stored answer is
 * asked about unless the message corrects it. Lists (groups, industries) grow rather than replace.
 */
export function applyFacts(s: ConversationState, facts: readonly Fact[], m: Matcher, asOf: Date | string | undefined, opts: { correction?: boolean } = {}): Applied {
  const out: Applied = { stored: [], invalid: [] };
  for (const f of facts) {
    const info = fieldInfo(f.field);
    if (!info) continue;
    const old = readPath(s.profile, info.segments);
    let value = f.value;
    if (Array.isArray(value) && Array.isArray(old) && !opts.correction) value = [...new Set([...(old as unknown[]), ...value])];
    if (isRange(value) && value.min === value.max) value = value.min;
    const approx = isRange(value);
    if (old !== undefined && !sameList(old, value) && !refines(old, value) && !opts.correction && s.pending !== f.field && !Array.isArray(old) && !out.contradiction) {
      out.contradiction = { field: f.field, old, value };
      s.confirm = { field: f.field, value };
      continue;
    }
    const next = safeParseProfile(withAnswer(s.profile, f.field, value));
    if (!next.success) {
      out.invalid.push(f.field);
      continue;
    }
    s.profile = next.profile;
    s.answered = [...(s.answered ?? []).filter((x) => x !== f.field), f.field];
    out.stored.push({ field: f.field, value, approx });
    if (approx && !out.precise && !(s.precise ?? []).includes(f.field) && openOn(m, s.profile, asOf, f.field)) {
      s.precise = [...(s.precise ?? []), f.field];
      out.precise = f.field;
    }
  }
  return out;
}

/** A stored value as a person reads it: 12人, 开州区, 退役军人, 2025年3月, 约72–88亩, 其他贷款：无. */
export function showValue(field: string, value: unknown, locale: Locale): string {
  const w = wordsFor(locale).bot;
  const info = fieldInfo(field);
  if (!info) return String(value);
  const unit = info.unit ? pick(info.unit, locale) : '';
  const label = w.shortLabels[field] ?? pick(info.label, locale);
  if (isRange(value)) {
    if (info.kind === 'number') return `${w.about}${value.min}–${value.max}${unit ? w.unitSep : ''}${unit}`;
    return `${label}${w.unitSep}${showDateRange(String(value.min), String(value.max), locale)}`;
  }
  if (value === null) return `${label}${w.labelSep}${w.no}`;
  switch (info.kind) {
    case 'region':
    {
      // The locale's name where one is kept (Jiangzhou District), else the official one.
      const code = String(value);
      const named = regionName(code, locale);
      return named !== code ? named : (regionOfficialName(code) ?? code);
    }
    case 'choice':
    case 'choices':
    case 'strings': {
      const vals = ([] as unknown[]).concat(value);
      if (!vals.length) return `${label}${w.labelSep}${w.no}`;
      return vals.map((v) => (info.options?.find((o) => o.value === v) ? pick(info.options.find((o) => o.value === v)!.label, locale) : String(v))).join(w.sep);
    }
    case 'number':
      return `${value}${unit ? w.unitSep : ''}${unit}`;
    case 'boolean':
      return `${label}${w.labelSep}${value ? w.yes : w.no}`;
    case 'date':
      return `${label}${w.unitSep}${String(value)}`;
    default:
      return String(value);
  }
}

/** 2025-01-01–2025-12-31 → 2025年; a whole month → 2025年3月; otherwise the two ends. */
function showDateRange(min: string, max: string, locale: Locale): string {
  const w = wordsFor(locale).bot;
  const [y1, m1, d1] = min.split('-') as [string, string, string];
  const [y2, m2] = max.split('-') as [string, string];
  if (y1 === y2 && m1 === '01' && d1 === '01' && max.endsWith('12-31')) return fill(w.yearSpan, { y: y1 });
  if (y1 === y2 && m1 === m2 && d1 === '01') return fill(w.monthSpan, { y: y1, m: Number(m1), mm: m1 });
  return fill(w.dateSpan, { min, max });
}
