import { pick, type Locale } from '../core/text.js';
import { U } from '../core/tri.js';
import type { MatcherCore } from '../engine/matcher.js';
import { inForce } from '../engine/policy.js';
import { FIELDS, fieldInfo } from '../profile/fields.js';
import type { Profile } from '../profile/schema.js';
import { catalogueScale, worthOf } from '../recommend/score.js';
import { candidateAnswers } from './candidates.js';
import { withAnswer } from './path.js';

/** The next thing to ask, with what it could decide. */
export interface Question {
  field: string;
  text: string;
  kind: 'boolean' | 'number' | 'date' | 'choice' | 'region';
  options?: { value: string; label: string }[];
  /** Several options may be chosen (a list field). */
  multiple?: boolean;
  /** Policies the answer can decide. */
  settles: string[];
  /** Expected value settled: Σ over open policies of weight × share of answers that decide it. */
  gain: number;
}

export interface NextQuestionOptions {
  asOf?: Date | string;
  locale?: Locale;
  /** Fields not to ask again (asked and left unanswered). */
  skip?: readonly string[];
}

/** Every open policy counts a little even without an amount (training, services). */
const FLOOR = 0.05;
const FIELD_ORDER = new Map([...FIELDS.keys()].map((k, i) => [k, i]));

/**
 * The question whose answer settles the most expected value across the open policies of the
 * profile's region: for each unanswered field, Σ over the policies it could decide of the
 * policy's weight × the share of plausible answers that leave it no longer unknown. In an `all`
 * of two open conditions, an answer that fails one settles the policy as ineligible; that counts.
 * Null when no answer could change anything.
 */
export function nextQuestionFor(core: MatcherCore, profile: Profile, day: number, opts: Omit<NextQuestionOptions, 'asOf'> = {}): Question | null {
  const locale = opts.locale ?? 'zh-CN';
  const skip = new Set(opts.skip ?? []);
  const p = core.params.at(day);
  const f = core.facts.fill(profile, day);
  const pool = core.candidates(profile.regionCode, day);
  const scale = catalogueScale(core.compiled.filter((c) => inForce(c, day)), core.facts.refs.length, p) || 1;
  const open = pool
    .map((cp) => ({ cp, e: core.evaluateCompiled(cp, f, p, locale, false) }))
    .filter(({ e }) => e.status === 'unknown' && e.missing.some((m) => !skip.has(m)));
  const byField = new Map<string, typeof open>();
  for (const o of open) for (const m of o.e.missing) if (!skip.has(m)) byField.set(m, [...(byField.get(m) ?? []), o]);
  let best: { field: string; gain: number; settles: string[] } | null = null;
  // When no single answer decides anything (two open numbers of one ratio), ask the field most open policies need.
  let fallback: { field: string; gain: number; settles: string[] } | null = null;
  for (const [field, list] of byField) {
    const info = fieldInfo(field);
    if (!info) continue;
    const answers = candidateAnswers(info, pool, day, p);
    if (answers.length === 0) continue;
    const decided = new Array<number>(list.length).fill(0);
    for (const a of answers) {
      const f2 = core.facts.fill(withAnswer(profile, field, a), day);
      list.forEach(({ cp }, i) => {
        if (cp.root.verdict(f2, p) !== U) decided[i]! += 1;
      });
    }
    let gain = 0;
    const settles: string[] = [];
    list.forEach(({ cp, e }, i) => {
      if (decided[i] === 0) return;
      gain += (FLOOR + worthOf(cp.policy.kind, e.amount) / scale) * (decided[i]! / answers.length);
      settles.push(cp.policy.id);
    });
    gain = Math.round(gain * 1e6) / 1e6;
    if (gain > 0 && beats(field, gain, best)) best = { field, gain, settles: settles.sort() };
    const need = Math.round(list.reduce((s, { cp, e }) => s + (FLOOR + worthOf(cp.policy.kind, e.amount) / scale) / e.missing.length, 0) * 1e6) / 1e6;
    if (beats(field, need, fallback)) fallback = { field, gain: need, settles: list.map(({ cp }) => cp.policy.id).sort() };
  }
  best ??= fallback && { ...fallback, gain: 0 };
  if (!best) return null;
  return toQuestion(best.field, best.settles, best.gain, locale);
}

function beats(field: string, gain: number, best: { field: string; gain: number } | null): boolean {
  if (!best) return true;
  return gain > best.gain || (gain === best.gain && (FIELD_ORDER.get(field) ?? 1e9) < (FIELD_ORDER.get(best.field) ?? 1e9));
}

/** A field put as a question in `locale`, with its options; used to ask a pending question again. */
export function toQuestion(field: string, settles: string[], gain: number, locale: Locale): Question {
  const info = fieldInfo(field)!;
  const kind = info.kind === 'choices' ? 'choice' : info.kind === 'strings' || info.kind === 'string' ? 'choice' : info.kind;
  const q: Question = { field, text: pick(info.question ?? info.label, locale), kind, settles, gain };
  if (info.options) q.options = info.options.map((o) => ({ value: o.value, label: pick(o.label, locale) }));
  if (info.kind === 'choices') q.multiple = true;
  return q;
}
