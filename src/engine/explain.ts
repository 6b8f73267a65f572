import { fill, pick, type Locale } from '../core/text.js';
import { F, T, triToOutcome, type Outcome } from '../core/tri.js';
import type { CompiledNode } from './compile.js';
import { factLabel, showValue } from './display.js';

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

function leafReason(n: CompiledNode, f: readonly unknown[], p: ArrayLike<number>, locale: Locale): Reason {
  const leaf = n.leaf!;
  const status = triToOutcome(n.verdict(f, p));
  const show = (v: unknown) => showValue(v, leaf.ref, leaf.domain, locale);
  const expected = leaf.op.describe(leaf.node, { locale, show: (v) => show(leaf.value(v as never, p)) });
  const inputs = leaf.inputs.map((i) => f[i.slot]);
  const actual = inputs.some((v) => v === undefined) ? show(undefined) : show(f[leaf.slot]);
  const label = factLabel(leaf.ref, locale);
  const text = leaf.node.reason
    ? fill(pick(leaf.node.reason, locale), { actual, expected, label })
    : locale === 'en'
      ? `${label}: ${actual}; required ${expected}`
      : `${label}：${actual}，要求${expected}`;
  return { path: leaf.ref.field, status, text, actual, expected, at: n.at };
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
  if (n.leaf) return [leafReason(n, f, p, locale)];
  const v = n.verdict(f, p);
  const own = n.node.reason;
  if (own) {
    return [{ path: fieldsOf(n).join(','), status: triToOutcome(v), text: pick(own, locale), at: n.at }];
  }
  if (n.kind === 'not') {
    const prefix = locale === 'en' ? 'must not hold: ' : '不得满足：';
    return explain(n.children[0]!, f, p, locale).map((r) => ({ ...r, status: FLIP[r.status], text: prefix + r.text }));
  }
  const decisive = n.kind === 'all' ? (v === T ? null : v) : v === F ? null : v;
  const out: Reason[] = [];
  for (const c of n.children) {
    if (decisive !== null && c.verdict(f, p) !== decisive) continue;
    out.push(...explain(c, f, p, locale));
  }
  return out;
}
