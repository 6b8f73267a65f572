import { withAnswer } from '../ask/path.js';
import { dayOf, formatDay } from '../core/dates.js';
import { fill, pick, type Locale } from '../core/text.js';
import type { Matcher } from '../matcher/create.js';
import { fieldInfo, readPath } from '../profile/fields.js';
import type { Profile } from '../profile/schema.js';
import { safeParseProfile } from '../profile/validate.js';
import { regionOfficialName } from '../regions/names.js';
import type { Fact } from '../understand/index.js';
import type { ConversationState } from './types.js';
import { WORDS } from './words.js';

export interface Applied {
  /** What was stored, for the echo. */
  stored: { field: string; value: unknown; approx: boolean }[];
  /** A stored value the new one contradicts: asked about, not applied. */
  contradiction?: { field: string; old: unknown; value: unknown };
  /** A range that does not settle the answer: ask once for a closer value. */
  precise?: string;
  /** Values the profile schema refused. */
  invalid: string[];
}

type Range = { min: number | string; max: number | string };
const isRange = (v: unknown): v is Range => !!v && typeof v === 'object' && !Array.isArray(v) && 'min' in v && 'max' in v;

/** The middle of a range: a number, or the middle day of two ISO dates. */
function middle(r: Range): number | string {
  if (typeof r.min === 'number' && typeof r.max === 'number') return Math.round(((r.min + r.max) / 2) * 100) / 100;
  return formatDay(Math.floor((dayOf(String(r.min)) + dayOf(String(r.max))) / 2));
}

/** Every policy's status with the field at one value: the same everywhere in a range means the range decides. */
function verdicts(m: Matcher, profile: Profile, asOf: Date | string | undefined): string {
  return m
    .evaluate(profile, { asOf, mode: 'verdict' } as never)
    .map((e) => `${e.policyId}:${e.status}`)
    .join('|');
}

const sameList = (a: unknown, b: unknown) => JSON.stringify(a) === JSON.stringify(b);

/**
 * Applies what a message stated to the conversation's profile. An approximate answer is stored when
 * every value in its range gives every policy the same status (its middle is kept, the range noted);
 * otherwise the person is asked once for a closer value. A value that contradicts a stored answer is
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
    let approx = false;
    if (isRange(value)) {
      if (value.min === value.max) value = value.min;
      else {
        const lo = safeParseProfile(withAnswer(s.profile, f.field, value.min));
        const hi = safeParseProfile(withAnswer(s.profile, f.field, value.max));
        if (!lo.success || !hi.success) {
          out.invalid.push(f.field);
          continue;
        }
        const decides = verdicts(m, lo.profile, asOf) === verdicts(m, hi.profile, asOf);
        if (!decides && !(s.precise ?? []).includes(f.field)) {
          s.precise = [...(s.precise ?? []), f.field];
          out.precise = f.field;
          continue;
        }
        s.approx = { ...(s.approx ?? {}), [f.field]: value };
        value = middle(value);
        approx = true;
      }
    }
    if (old !== undefined && !sameList(old, value) && !opts.correction && s.pending !== f.field && !Array.isArray(old) && !out.contradiction) {
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
    if (!approx && s.approx?.[f.field]) {
      const { [f.field]: _gone, ...rest } = s.approx;
      s.approx = rest;
    }
    s.answered = [...(s.answered ?? []).filter((x) => x !== f.field), f.field];
    out.stored.push({ field: f.field, value: approx ? (s.approx?.[f.field] ?? value) : value, approx });
  }
  return out;
}

/** A stored value as a person reads it: 12人, 开州区, 退役军人, 2025年3月, 约72–88亩, 其他贷款：无. */
export function showValue(field: string, value: unknown, locale: Locale): string {
  const w = WORDS[locale];
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
      return regionOfficialName(String(value)) ?? String(value);
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
  const w = WORDS[locale];
  const [y1, m1, d1] = min.split('-') as [string, string, string];
  const [y2, m2] = max.split('-') as [string, string];
  if (y1 === y2 && m1 === '01' && d1 === '01' && max.endsWith('12-31')) return fill(w.yearSpan, { y: y1 });
  if (y1 === y2 && m1 === m2 && d1 === '01') return fill(w.monthSpan, { y: y1, m: Number(m1), mm: m1 });
  return fill(w.dateSpan, { min, max });
}
