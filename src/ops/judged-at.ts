import * as z from 'zod';
import { wordsFor } from '../core/catalogue/index.js';
import { pick } from '../core/text.js';
import { fieldInfo } from '../profile/fields.js';
import { FieldPath, leaf, Measure } from '../policy/terms.js';
import { between, compareOperators } from './compare.js';
import { leafFields, type NodeIssue, type Operator } from './types.js';

/**
 * "Judged at another date": a date measure (age, months since …) taken at the date of another
 * profile field instead of `asOf` — 公告2023年第15号 judges the group when the person registers the
 * business (`at: business.registeredAt`), so a graduate who registers on 31 December keeps the
 * deduction for 36 months. The fact is `field` measured at `at` (a fact of its own, see FactRef.at);
 * `is` is the comparison it must pass, in the measure's numbers. Unknown when either date is
 * unanswered; a known "none" on either side is a known "none" (no such day to judge at).
 */
const INNER = [...compareOperators, between] as const;
const LEAF_KEYS = { field: true, measure: true, per: true, id: true, reason: true, clause: true } as const;
const Inner = z.discriminatedUnion(
  'op',
  INNER.map((o) => (o.schema as unknown as z.ZodObject).omit(LEAF_KEYS)) as unknown as [z.core.$ZodTypeDiscriminable],
);
type InnerNode = { op: (typeof INNER)[number]['op'] } & Record<string, unknown>;

const DateMeasure = Measure.exclude(['count']);

const schema = z.strictObject({
  op: z.literal('judged-at'),
  ...leaf,
  measure: DateMeasure,
  /** The date field whose day the measure is taken at, instead of `asOf`. */
  at: FieldPath,
  /** The comparison the measured fact must pass (`{ op: eq, value: 0 }`). */
  is: Inner as unknown as z.ZodType<InnerNode>,
});
type JudgedAtNode = z.infer<typeof schema>;

const innerOp = (n: JudgedAtNode): Operator => INNER.find((o) => o.op === n.is.op) as unknown as Operator;
/** The comparison as a leaf of its own on the measured fact: what the inner operator reads. */
const innerNode = (n: JudgedAtNode) => ({ ...n.is, field: n.field, measure: n.measure, at: n.at }) as never;
const atLabel = (n: JudgedAtNode, locale: Parameters<typeof wordsFor>[0]) => {
  const info = fieldInfo(n.at);
  return info ? pick(info.label, locale) : n.at;
};

export const judgedAt: Operator<JudgedAtNode> = {
  op: 'judged-at',
  schema,
  domains: ['number'],
  literals: (n) => innerOp(n).literals(innerNode(n)).map((l) => ({ path: ['is', ...l.path], value: l.value })),
  check(n) {
    const issues: NodeIssue[] = [];
    const info = fieldInfo(n.at);
    if (!info) issues.push({ path: ['at'], code: 'unknown_field', message: `no profile field "${n.at}"` });
    else if (info.kind !== 'date') issues.push({ path: ['at'], code: 'operator_domain', message: `"at" names the day to judge at; "${n.at}" is ${info.kind}, not a date` });
    if (n.per !== undefined) issues.push({ path: ['per'], code: 'operator_domain', message: 'a ratio does not change with the day; judge it without "at"' });
    for (const i of innerOp(n).check?.(innerNode(n)) ?? []) issues.push({ ...i, path: ['is', ...i.path] });
    return issues;
  },
  compile: (n, k) => innerOp(n).compile(innerNode(n), k),
  reference: (n, fact, value) => innerOp(n).reference(innerNode(n), fact, value),
  describe: (n, k) => wordsFor(k.locale).ops.judgedAt(atLabel(n, k.locale), innerOp(n).describe(innerNode(n), k)),
  fields: (n) => (n.at === undefined ? leafFields(n) : [...leafFields(n), n.at]),
  interval: (n, lit) => innerOp(n).interval(innerNode(n), lit),
  // Waiting changes nothing: the day judged at is in the past (or not yet known).
  nearMiss: () => null,
  arbitrary(k) {
    if (!k.base.measure || k.base.measure === 'count' || k.base.per) return null;
    return k.map(k.tuple(k.value, k.value, k.item), ([a, b, i]) => {
      const pickOf = typeof i === 'number' ? Math.abs(Math.trunc(i)) : 0;
      const at = (['business.registeredAt', 'returnDate', 'unemployedSince'] as const)[pickOf % 3];
      const is = pickOf % 4 === 3 ? { op: 'between', ...k.ordered(a, b) } : { op: (['gte', 'lt', 'eq'] as const)[pickOf % 3], value: a };
      return { ...k.base, op: 'judged-at', at, is };
    });
  },
  sql: (n, k) => innerOp(n).sql!(innerNode(n), k),
};
