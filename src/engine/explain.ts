import { wordsFor } from '../core/catalogue/index.js';
import { fill, pick, type Locale } from '../core/text.js';
import { triToOutcome, type Outcome } from '../core/tri.js';
import type { CompiledNode } from './compile.js';
import { factLabel, showValue } from './display.js';

// Local copies of core/tri.ts's F/T: some loaders turn imported bindings into getter calls.
const F = 0;
const T = 1;

/** One condition that decided an outcome, in words. */
export interface Reason {
  /** The profile field the condition reads (dot path). */
  readonly path: string;
  readonly status: Outcome;
  readonly text: string;
  /** The profile's value as shown to people, personal data masked. */
  readonly actual?: string;
  /** What the rule expects, in words. */
  readonly expected?: string;
  /** Where the condition sits in the rule file. */
  readonly at?: string;
}

const FLIP: Record<Outcome, Outcome> = { pass: 'fail', fail: 'pass', unknown: 'unknown' };

function buildLeafReason(n: CompiledNode, f: readonly unknown[], p: ArrayLike<number>, locale: Locale, status: Outcome): Reason {
  const leaf = n.leaf!;
  const { ref, domain } = leaf;
  const expected = leaf.op.describe(leaf.node, { locale, show: (v) => showValue(leaf.value(v as never, p), ref, domain, locale) });
  // The fact alone decides what is shown (reasons are memoised by it): unknown exactly when it is.
  const actual = showValue(f[leaf.slot], ref, domain, locale);
  const label = factLabel(ref, locale);
  const text = leaf.node.reason ? fill(pick(leaf.node.reason, locale), { actual, expected, label }) : wordsFor(locale).reason.leaf(label, actual, expected);
  return Object.freeze({ path: ref.field, status, text, actual, expected, at: n.at });
}

/**
 * A leaf's reason depends only on the value it read (its outcome follows from that value and the
 * day's parameters) and the locale, and many people share those: reasons are frozen and memoised
 * in the compiled leaf (its `memo`, see compile.ts), keyed by the value itself (lists by their joined items).
 */
const MEMO_LIMIT = 1024;

function leafReason(n: CompiledNode, f: readonly unknown[], p: ArrayLike<number>, locale: Locale): Reason {
  const v = f[n.leaf!.slot];
  let key: unknown = v;
  if (typeof v === 'object' && v !== null) {
    if (!Array.isArray(v)) return buildLeafReason(n, f, p, locale, triToOutcome(n.verdict(f, p)));
    key = `\u0002${v.join('\u0001')}`;
  }
  const memo = n.leaf!.memo;
  if (memo.params !== p) {
    memo.params = p;
    memo.byLocale = {};
  }
  const map = (memo.byLocale[locale] ??= new Map()) as Map<unknown, Reason>;
  let r = map.get(key);
  if (r === undefined) {
    if (map.size >= MEMO_LIMIT) map.clear();
    r = buildLeafReason(n, f, p, locale, triToOutcome(n.verdict(f, p)));
    map.set(key, r);
  }
  return r;
}

function fieldsOf(n: CompiledNode, out: string[] = []): string[] {
  if (n.leaf) {
    if (!out.includes(n.leaf.ref.field)) out.push(n.leaf.ref.field);
  } else for (const c of n.children) fieldsOf(c, out);
  return out;
}

/**
 * The conditions that carried the node's outcome: every child of a passing `all`, the failing
 * ones of a failing `all`, the unknown ones of an unknown node; dually for `any`.
 */
export function explain(n: CompiledNode, f: readonly unknown[], p: ArrayLike<number>, locale: Locale): Reason[] {
  const out: Reason[] = [];
  explainInto(n, f, p, locale, out);
  return out;
}

function explainInto(n: CompiledNode, f: readonly unknown[], p: ArrayLike<number>, locale: Locale, out: Reason[]): void {
  if (n.leaf) {
    out.push(leafReason(n, f, p, locale));
    return;
  }
  const v = n.verdict(f, p);
  const own = n.node.reason;
  if (own) {
    out.push({ path: fieldsOf(n).join(','), status: triToOutcome(v), text: pick(own, locale), at: n.at });
    return;
  }
  if (n.kind === 'not') {
    const prefix = wordsFor(locale).reason.not;
    for (const r of explain(n.children[0]!, f, p, locale)) out.push({ ...r, status: FLIP[r.status], text: prefix + r.text });
    return;
  }
  const decisive = n.kind === 'all' ? (v === T ? null : v) : v === F ? null : v;
  for (const c of n.children) {
    if (decisive !== null && c.verdict(f, p) !== decisive) continue;
    explainInto(c, f, p, locale, out);
  }
}
