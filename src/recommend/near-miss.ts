import { formatDay } from '../core/dates.js';
import { wordsFor } from '../core/catalogue/index.js';
import { pick, type Locale } from '../core/text.js';
import { T, U } from '../core/tri.js';
import { type CompiledNode, factLabel, labelOf, showValue, type MatcherCore, type CompiledPolicy } from '../engine/index.js';
import { fieldInfo } from '../profile/fields.js';
import type { Profile } from '../profile/schema.js';
import { changeText, deadlineText, type ChangeKind } from './near-miss-text.js';

/** One change to a profile that would turn a failing or open condition into a passing one. */
export interface Change {
  /** The profile field to change or answer. */
  path: string;
  kind: ChangeKind;
  text: string;
  /** How much a number must grow or shrink. */
  by?: number;
  /** The first day a waiting period is over (`YYYY-MM-DD`). */
  from?: string;
  /** Values of which any one would do. */
  values?: string[];
}

/** A day until which a time-bound condition keeps holding. */
export interface Deadline {
  path: string;
  until: string;
  text: string;
}

/** The smallest set of changes that would qualify, with the time limits of what already holds. */
export interface NearMiss {
  policyId: string;
  changes: Change[];
  deadlines: Deadline[];
}

interface Plan {
  cost: number;
  changes: Change[];
  deadlines: Deadline[];
}

interface Ctx {
  engine: MatcherCore;
  profile: Profile;
  f: readonly unknown[];
  p: ArrayLike<number>;
  day: number;
  locale: Locale;
}

/** Waiting periods are searched day by day for two years, then month by month for a century. */
const DAILY = 731;
const MONTHLY = 1200;

const COST: Record<ChangeKind, number> = { answer: 0.5, increase: 1, decrease: 1, wait: 1, choose: 2, set: 2 };
const ZERO: Plan = { cost: 0, changes: [], deadlines: [] };

/** The leaf's verdict on another day: its measured fact recomputed, parameters of that day. */
function leafAt(n: CompiledNode, c: Ctx, d: number): number {
  return c.engine.leafOnDay(n, c.f, c.profile, d);
}

/** First day after `from` on which `test` holds, or null within the horizon. */
function firstDay(from: number, test: (d: number) => boolean): number | null {
  for (let d = from + 1; d <= from + DAILY; d++) if (test(d)) return d;
  for (let i = 1, d = from + DAILY; i <= MONTHLY; i++) {
    const next = d + 30;
    if (test(next)) {
      for (let e = d + 1; e <= next; e++) if (test(e)) return e;
    }
    d = next;
  }
  return null;
}

const isDateMeasure = (n: CompiledNode) => !!n.leaf?.ref.measure && n.leaf.ref.measure !== 'count';

function answers(n: CompiledNode, c: Ctx): Change[] {
  const out: Change[] = [];
  const walk = (m: CompiledNode) => {
    if (m.verdict(c.f, c.p) !== U) return;
    if (m.leaf) {
      for (const i of m.leaf.inputs) {
        if (c.f[i.slot] === undefined && !out.some((x) => x.path === i.field)) out.push({ path: i.field, kind: 'answer', text: changeText('answer', { label: labelOf(i.field, c.locale) }, c.locale) });
      }
    } else m.children.forEach(walk);
  };
  walk(n);
  return out;
}

function plan(changes: Change[], deadlines: Deadline[] = []): Plan {
  return { cost: changes.reduce((s, x) => s + COST[x.kind], 0), changes, deadlines };
}

/** How many more of the numerator reach the ratio; with a shared unit the additions also join the denominator (hires are staff). */
function moreForRatio(num: number, den: number, target: number, strict: boolean, shared: boolean): number | null {
  const ok = (k: number) => {
    const d = shared ? den + k : den;
    const r = d === 0 ? (num + k === 0 ? 0 : Infinity) : (num + k) / d;
    return strict ? r > target : r >= target - 1e-12;
  };
  if (shared && target >= 1) return null;
  for (let k = 1; k <= 100_000; k++) if (ok(k)) return k;
  return null;
}

function failingLeaf(n: CompiledNode, c: Ctx): Plan | null {
  const leaf = n.leaf!;
  const node = leaf.node;
  const path = leaf.ref.field;
  const label = factLabel(leaf.ref, c.locale);
  const fieldLabel = labelOf(path, c.locale);
  const raw = c.f[leaf.inputs[0]!.slot];
  const show = (v: unknown) => showValue(v, leaf.ref, leaf.domain, c.locale);
  const expected = leaf.op.describe(node, { locale: c.locale, show: (v) => show(leaf.value(v as never, c.p)) });
  const vars = { label, field: fieldLabel, expected };
  if (isDateMeasure(n)) {
    if (raw === null) return plan([{ path, kind: 'set', text: changeText('need-date', vars, c.locale) }]);
    const d = firstDay(c.day, (x) => leafAt(n, c, x) === T);
    if (d === null) return null;
    return plan([{ path, kind: 'wait', from: formatDay(d), text: changeText('wait', { ...vars, date: formatDay(d) }, c.locale) }]);
  }
  const value = c.f[leaf.slot];
  const move = leaf.op.nearMiss(node, (v) => leaf.value(v, c.p));
  if (leaf.ref.per && move?.toward === 'at-least' && typeof move.value === 'number') {
    const num = c.f[leaf.inputs[0]!.slot];
    const den = c.f[leaf.inputs[1]!.slot];
    if (typeof num !== 'number' || typeof den !== 'number') return null;
    const unit = (p: string) => fieldInfo(p)?.unit?.['zh-CN'];
    const k = moreForRatio(num, den, move.value, move.strict, unit(path) !== undefined && unit(path) === unit(leaf.ref.per));
    if (k === null) return null;
    return plan([{ path, kind: 'increase', by: k, text: changeText('ratio', { ...vars, n: k, target: show(move.value), path }, c.locale) }]);
  }
  if (leaf.domain === 'number' && !leaf.ref.per && typeof value === 'number' && move) {
    const int = fieldInfo(path)?.unit?.['zh-CN'] === '人';
    const step = int ? 1 : 0.01;
    let lo: number | undefined;
    let hi: number | undefined;
    if (move.toward === 'at-least') lo = (move.value as number) + (move.strict ? step : 0);
    if (move.toward === 'at-most') hi = (move.value as number) - (move.strict ? step : 0);
    if (move.toward === 'within') {
      lo = move.lo as number;
      hi = move.hi as number;
    }
    const unitOf = fieldInfo(path)?.unit;
    const withUnit = (n: number) => (unitOf ? wordsFor(c.locale).nearMiss.by(n, pick(unitOf, c.locale)) : String(n));
    if (lo !== undefined && value < lo) {
      const by = Math.round((lo - value) * 100) / 100;
      return plan([{ path, kind: 'increase', by, text: changeText('increase', { ...vars, by: withUnit(by), target: show(lo) }, c.locale) }]);
    }
    if (hi !== undefined && value > hi) {
      const by = Math.round((value - hi) * 100) / 100;
      return plan([{ path, kind: 'decrease', by, text: changeText('decrease', { ...vars, by: withUnit(by), target: show(hi) }, c.locale) }]);
    }
  }
  if (move?.toward === 'one-of') return plan([{ path, kind: 'choose', values: move.values, text: changeText('choose', vars, c.locale) }]);
  if (move?.toward === 'equal') return plan([{ path, kind: 'set', text: changeText('set-eq', { ...vars, value: show(move.value) }, c.locale) }]);
  return plan([{ path, kind: 'set', text: changeText('set', vars, c.locale) }]);
}

function deadlineOf(n: CompiledNode, c: Ctx): Deadline[] {
  if (!isDateMeasure(n) || typeof c.f[n.leaf!.inputs[0]!.slot] !== 'string' && typeof c.f[n.leaf!.inputs[0]!.slot] !== 'number') return [];
  const end = firstDay(c.day, (x) => leafAt(n, c, x) !== T);
  if (end === null) return [];
  const path = n.leaf!.ref.field;
  const until = formatDay(end - 1);
  return [{ path, until, text: deadlineText({ field: labelOf(path, c.locale), date: until }, c.locale) }];
}

function walk(n: CompiledNode, c: Ctx): Plan | null {
  const v = n.verdict(c.f, c.p);
  if (n.leaf) {
    if (v === T) return { ...ZERO, deadlines: deadlineOf(n, c) };
    if (v === U) return plan(answers(n, c));
    return failingLeaf(n, c);
  }
  if (n.kind === 'not') return v === T ? ZERO : v === U ? plan(answers(n, c)) : null;
  if (n.kind === 'all') {
    const acc: Plan = { cost: 0, changes: [], deadlines: [] };
    for (const child of n.children) {
      const sub = walk(child, c);
      if (!sub) return null;
      acc.cost += sub.cost;
      acc.changes.push(...sub.changes.filter((x) => !acc.changes.some((y) => y.path === x.path && y.kind === x.kind)));
      acc.deadlines.push(...sub.deadlines);
    }
    return acc;
  }
  let best: Plan | null = null;
  for (const child of n.children) {
    if (v === T && child.verdict(c.f, c.p) !== T) continue;
    const sub = walk(child, c);
    if (sub && (!best || sub.cost < best.cost)) best = sub;
  }
  return best;
}

/**
 * The smallest change that would qualify, read off the compiled rule: thresholds give how much
 * more, ratios how many more, waiting periods the date they end, lists which value would do.
 * Null when nothing the person can change or wait for would qualify.
 * @example nearMiss(core, cp, profile, day, 'zh-CN')?.changes[0]?.text // "再招用2名符合条件人员即可达到15%"
 */
export function nearMiss(core: MatcherCore, cp: CompiledPolicy, profile: Profile, day: number, locale: Locale = 'zh-CN'): NearMiss | null {
  const ctx: Ctx = { engine: core, profile, f: core.facts.fill(profile, day), p: core.params.at(day, profile.regionCode), day, locale };
  const r = walk(cp.root, ctx);
  if (!r) return null;
  return { policyId: cp.policy.id, changes: r.changes, deadlines: r.deadlines.filter((d, i, all) => all.findIndex((x) => x.path === d.path) === i) };
}

