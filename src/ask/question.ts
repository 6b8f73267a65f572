import { pick, type Locale } from '../core/text.js';
import type { MatcherCore, CompiledPolicy, Evaluation } from '../engine/index.js';
import { FIELDS, fieldInfo } from '../profile/fields.js';
import type { Profile } from '../profile/schema.js';
import { worthOf } from '../recommend/score.js';
import { dayStatic } from '../recommend/static.js';
import { answersFor, slotsOf } from './cache.js';
import { withAnswer } from './path.js';

// Local copy of core/tri.ts's U: some loaders turn imported bindings into getter calls.
const U = 2;

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

/** Options of `matcher.nextQuestion`. */
export interface NextQuestionOptions {
  asOf?: Date | string;
  locale?: Locale;
  /** Fields not to ask again (asked and left unanswered). */
  skip?: readonly string[];
}

interface Open {
  cp: CompiledPolicy;
  e: Evaluation;
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
  const st = dayStatic(core, day);
  // Figures regions may set are those of the profile's region (the national range when unknown).
  const p = core.params.at(day, profile.regionCode);
  const f = core.facts.fill(profile, day);
  const pool = core.candidates(profile.regionCode, day);
  const scale = st.scale || 1;
  const byField = new Map<string, Open[]>();
  // With a known region every policy of the pool covers it: the region test can be skipped.
  const verdictOf = profile.regionCode !== undefined ? (cp: CompiledPolicy, x: readonly unknown[]) => cp.withinRegion(x, p) : (cp: CompiledPolicy, x: readonly unknown[]) => cp.root.verdict(x, p);
  for (const cp of pool) {
    // Verdict first: only unknowns are open, and only they need an Evaluation.
    if (verdictOf(cp, f) !== U) continue;
    const e = core.evaluateCompiled(cp, f, p, locale, false);
    if (!e.missing.some((m) => !skip.has(m))) continue;
    const o: Open = { cp, e };
    for (const m of e.missing) {
      if (skip.has(m)) continue;
      const list = byField.get(m);
      if (list) list.push(o);
      else byField.set(m, [o]);
    }
  }
  let best: { field: string; gain: number; settles: string[] } | null = null;
  // When no single answer decides anything (two open numbers of one ratio), ask the field most open policies need.
  let fallback: { field: string; gain: number; settles: string[] } | null = null;
  // The facts with one field answered: a copy of the profile's, with only the slots that read it recomputed.
  const f2 = f.slice();
  for (const [field, list] of byField) {
    const info = fieldInfo(field);
    if (!info) continue;
    const answers = answersFor(core, info, profile.regionCode, pool, day, p);
    if (answers.length === 0) continue;
    const slots = slotsOf(core, field);
    const decided = new Array<number>(list.length).fill(0);
    // One copy of the profile per field; each candidate answer is written into it in turn.
    const answered = withAnswer(profile, field, undefined);
    const { holder, key } = leafOf(answered, field);
    for (const a of answers) {
      holder[key] = a;
      for (const s of slots) f2[s] = core.facts.readAt(s, answered, day);
      for (let i = 0; i < list.length; i++) if (verdictOf(list[i]!.cp, f2) !== U) decided[i]! += 1;
    }
    for (const s of slots) f2[s] = f[s];
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

/** The object holding a dot path's last segment in a profile copied by withAnswer. */
function leafOf(profile: Profile, path: string): { holder: Record<string, unknown>; key: string } {
  const segs = path.split('.');
  let holder = profile as Record<string, unknown>;
  for (let i = 0; i < segs.length - 1; i++) holder = holder[segs[i]!] as Record<string, unknown>;
  return { holder, key: segs.at(-1)! };
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
