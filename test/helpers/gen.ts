import fc from 'fast-check';
import { formatDay } from '../../src/core/dates.js';
import { FIELDS, type FieldInfo } from '../../src/index.js';

/** Generators of valid profiles, conditions and policies for the property tests and the fuzz run. */

/** Day numbers 1950-01-01 … 2035-12-31. */
const DAY_MIN = -7305;
const DAY_MAX = 24106;

export const dayArb = fc.integer({ min: DAY_MIN, max: DAY_MAX });
export const dateArb = dayArb.map(formatDay);
export const asOfArb = fc.integer({ min: 14_610, max: 23_741 }).map(formatDay); // 2010 … 2034

export const REGIONS = ['530000', '530600', '530621', '530627', '150000', '152921', '500000', '500154', '450000', '451402', '110101'];
export const regionArb = fc.constantFrom(...REGIONS);

/** Fields a rule may read (personal ones excluded), by kind. */
export const RULE_FIELDS: FieldInfo[] = [...FIELDS.values()].filter((f) => !f.personal);

const isInt = (f: FieldInfo) => !!f.integer;

/** A valid answer for one field. */
export function valueArb(f: FieldInfo): fc.Arbitrary<unknown> {
  const opts = f.options?.map((o) => o.value) ?? [];
  switch (f.kind) {
    case 'boolean':
      return fc.boolean();
    case 'number':
      return isInt(f) ? fc.oneof(fc.integer({ min: 0, max: 30 }), fc.integer({ min: 0, max: 1e9 })) : fc.oneof(fc.integer({ min: 0, max: 200 }), fc.double({ min: 0, max: 1e12, noNaN: true }));
    case 'date':
      return f.nullable ? fc.option(dateArb, { nil: null, freq: 5 }) : dateArb;
    case 'choice':
      return fc.constantFrom(...opts);
    case 'choices':
      return fc.uniqueArray(f.openOptions ? fc.oneof(fc.constantFrom(...opts), fc.string({ minLength: 1, maxLength: 40 })) : fc.constantFrom(...opts), { maxLength: 5 });
    case 'region':
      return regionArb;
    default:
      return fc.string({ maxLength: 30 });
  }
}

/** Builds a nested profile from dot-path answers. */
export function nest(id: string, answers: Record<string, unknown>): Record<string, unknown> {
  const out: Record<string, unknown> = { id };
  for (const [path, v] of Object.entries(answers)) {
    const segs = path.split('.');
    let cur = out;
    for (const s of segs.slice(0, -1)) cur = (cur[s] ??= {}) as Record<string, unknown>;
    cur[segs.at(-1)!] = v;
  }
  return out;
}

/** Sets one dot path on a copy of a profile. */
export function withAnswer(profile: Record<string, unknown>, path: string, value: unknown): Record<string, unknown> {
  const copy = structuredClone(profile);
  const segs = path.split('.');
  let cur = copy;
  for (const s of segs.slice(0, -1)) cur = (cur[s] ??= {}) as Record<string, unknown>;
  cur[segs.at(-1)!] = value;
  return copy;
}

/** Valid profiles: any subset of the rule-readable fields answered. */
export const profileArb: fc.Arbitrary<Record<string, unknown>> = fc
  .record(Object.fromEntries(RULE_FIELDS.map((f) => [f.path, valueArb(f)])), { requiredKeys: [] })
  .map((answers) => nest('p', answers as Record<string, unknown>));

type Json = Record<string, unknown>;

const nums = fc.integer({ min: 0, max: 60 });
const paramRef = fc.record({ param: fc.constantFrom('capA', 'capB'), times: fc.constantFrom(1, 0.5, 2) }, { requiredKeys: ['param'] });
const numValue = fc.oneof({ weight: 4, arbitrary: nums }, { weight: 1, arbitrary: paramRef });
const cmp = fc.constantFrom('eq', 'ne', 'gt', 'gte', 'lt', 'lte');
const order = fc.constantFrom('gt', 'gte', 'lt', 'lte');

function numberLeaf(base: Json, strict = false): fc.Arbitrary<Json> {
  if (strict) return fc.oneof(fc.tuple(cmp, fc.integer({ min: 1, max: 60 })).map(([op, value]) => ({ ...base, op, value })), fc.uniqueArray(nums, { minLength: 1, maxLength: 4 }).map((values) => ({ ...base, op: 'in', values })));
  return fc.oneof(
    fc.tuple(cmp, numValue).map(([op, value]) => ({ ...base, op, value })),
    fc.tuple(nums, nums).map(([a, b]) => ({ ...base, op: 'between', min: Math.min(a, b), max: Math.max(a, b) })),
    fc.uniqueArray(nums, { minLength: 1, maxLength: 4 }).map((values) => ({ ...base, op: 'in', values })),
    fc.constant({ ...base, op: 'present' }),
  );
}

/**
 * One valid leaf condition over `f`. A `strict` leaf can come out both true and false once its field
 * is answered: no ratios, no `present` on fields that cannot be "none", no bounds every value meets.
 */
export function leafArb(f: FieldInfo, strict = false): fc.Arbitrary<Json> {
  const field = f.path;
  if (strict && f.kind === 'number') return numberLeaf({ field }, true);
  if (strict && f.kind === 'choices')
    return fc.oneof(
      fc.uniqueArray(fc.constantFrom(...(f.options?.map((o) => o.value) ?? [])), { minLength: 1, maxLength: 3 }).map((values) => ({ op: 'overlaps', field, values })),
      fc.tuple(cmp, fc.integer({ min: 1, max: 6 })).map(([op, value]) => ({ op, field, measure: 'count', value })),
      fc.constant({ op: 'present', field }),
    );
  if (strict && f.kind !== 'date') return leafArb(f).filter((l) => l.op !== 'present');
  if (strict && !f.nullable) return leafArb(f).filter((l) => l.op !== 'present');
  const opts = f.options?.map((o) => o.value) ?? [];
  switch (f.kind) {
    case 'number':
      return field === 'business.newHiresFromGroups'
        ? fc.oneof(numberLeaf({ field }), fc.tuple(order, fc.constantFrom(0.15, 0.3, 1)).map(([op, value]) => ({ op, field, per: 'business.employees', value })))
        : numberLeaf({ field });
    case 'date':
      return fc.oneof(
        fc.tuple(order, dateArb).map(([op, value]) => ({ op, field, value })),
        fc.tuple(dateArb, dateArb).map(([a, b]) => ({ op: 'between', field, min: a < b ? a : b, max: a < b ? b : a })),
        fc.tuple(fc.constantFrom('age', 'days-since', 'months-since', 'calendar-months-since', 'calendar-years-since'), cmp, nums).map(([measure, op, value]) => ({ op, field, measure, value })),
        fc.constant({ op: 'present', field }),
      );
    case 'boolean':
      return fc.oneof(fc.tuple(fc.constantFrom('eq', 'ne'), fc.boolean()).map(([op, value]) => ({ op, field, value })), fc.constant({ op: 'present', field }));
    case 'choice':
      return fc.oneof(
        fc.tuple(fc.constantFrom('eq', 'ne'), fc.constantFrom(...opts)).map(([op, value]) => ({ op, field, value })),
        fc.uniqueArray(fc.constantFrom(...opts), { minLength: 1, maxLength: 3 }).map((values) => ({ op: 'in', field, values })),
        fc.constant({ op: 'present', field }),
      );
    case 'choices':
      return fc.oneof(
        fc.uniqueArray(fc.constantFrom(...opts), { minLength: 1, maxLength: 3 }).map((values) => ({ op: 'overlaps', field, values })),
        fc.tuple(cmp, fc.integer({ min: 0, max: 6 })).map(([op, value]) => ({ op, field, measure: 'count', value })),
        fc.constant({ op: 'present', field }),
      );
    case 'region':
      return fc.oneof(
        fc.uniqueArray(regionArb, { minLength: 1, maxLength: 3 }).map((regions) => ({ op: 'in-region', field, regions })),
        fc.tuple(fc.constantFrom('eq', 'ne'), regionArb).map(([op, value]) => ({ op, field, value })),
        fc.constant({ op: 'present', field }),
      );
    default:
      return fc.constant({ op: 'present', field });
  }
}

const anyField = fc.constantFrom(...RULE_FIELDS);
export const anyLeafArb = anyField.chain((f) => leafArb(f));

/** A condition tree up to `depth` groups deep (may read a field several times). */
export function conditionArb(depth = 3): fc.Arbitrary<Json> {
  const { tree } = fc.letrec<{ tree: Json; node: Json }>((tie) => ({
    tree: fc.oneof({ depthSize: 'small', withCrossShrink: true, maxDepth: depth }, anyLeafArb, tie('node')),
    node: fc.oneof(
      fc.tuple(fc.constantFrom('all', 'any'), fc.array(tie('tree'), { maxLength: 4 })).map(([op, of]) => ({ op, of })),
      tie('tree').map((of) => ({ op: 'not', of })),
    ),
  }));
  return tree;
}

/**
 * A read-once condition: every field appears in at most one leaf, and no ratios. In such trees each
 * field the engine reports as missing can change the verdict on its own.
 */
export function readOnceArb(): fc.Arbitrary<Json> {
  return fc.shuffledSubarray(RULE_FIELDS.filter((f) => f.path !== 'regionCode' && f.kind !== 'string'), { minLength: 1, maxLength: 6 }).chain((fields) =>
    fc.tuple(...fields.map((f) => leafArb(f, true)), fc.array(fc.constantFrom('all', 'any', 'not-all', 'not-any', 'leaf-not'), { minLength: fields.length, maxLength: fields.length }), fc.integer({ min: 0, max: 1000 })).map((parts) => {
      const leaves = parts.slice(0, fields.length) as Json[];
      const shapes = parts[fields.length] as string[];
      let seed = parts[fields.length + 1] as number;
      // Fold leaves into a random binary-ish tree.
      let nodes: Json[] = leaves.map((l, i) => (shapes[i] === 'leaf-not' ? { op: 'not', of: l } : l));
      let k = 0;
      while (nodes.length > 1) {
        seed = (seed * 31 + 7) % 1009;
        const take = 2 + (seed % 2);
        const group = nodes.splice(0, take);
        const shape = shapes[k++ % shapes.length]!;
        const op = shape.endsWith('any') ? 'any' : 'all';
        const node: Json = { op, of: group };
        nodes.push(shape.startsWith('not-') ? { op: 'not', of: node } : node);
      }
      return nodes[0]!;
    }),
  );
}

const amountArb: fc.Arbitrary<Json> = fc.oneof(
  numValue.map((value) => ({ kind: 'fixed', value })),
  fc.tuple(nums, nums).map(([a, b]) => ({ kind: 'range', min: Math.min(a, b) * 1000, max: Math.max(a, b) * 1000 })),
  fc.tuple(nums, fc.constantFrom('business.employees', 'land.transferredMu')).map(([rate, quantity]) => ({ kind: 'per-unit', rate, quantity, cap: 100000, upTo: true })),
  fc.tuple(nums, fc.integer({ min: 1, max: 3 })).map(([perYear, years]) => ({ kind: 'per-year', perYear, years })),
  fc.tuple(anyLeafArb, numValue).map(([when, value]) => ({ kind: 'choose', options: [{ when, amount: { kind: 'fixed', value } }], otherwise: { kind: 'fixed', value: 1 } })),
  fc.tuple(anyLeafArb, numValue, fc.boolean()).map(([when, value, skip]) => ({ kind: 'choose', options: [{ when, amount: { kind: 'fixed', value }, ...(skip ? { ifUnknown: 'skip' } : {}) }], otherwise: { kind: 'fixed', value: 1 } })),
  fc.tuple(nums, fc.boolean()).map(([rate, capped]) => ({
    kind: 'sum',
    of: [
      { kind: 'per-unit', rate, quantity: 'business.employees', ...(capped ? { cap: 100000 } : {}), upTo: true },
      { kind: 'per-unit', rate, quantity: 'land.transferredMu', cap: 50000 },
    ],
  })),
);

export interface PolicyOptions {
  /** The eligibility tree (default: `conditionArb()`). */
  eligibility?: fc.Arbitrary<Json>;
  regions?: boolean;
}

/** A valid policy object, as a rule file would hold it. */
export function policyArb(id: string, o: PolicyOptions = {}): fc.Arbitrary<Json> {
  return fc
    .record({
      eligibility: o.eligibility ?? conditionArb(),
      amount: fc.option(amountArb, { nil: undefined }),
      regions: o.regions === false ? fc.constant([]) : fc.oneof({ weight: 3, arbitrary: fc.constant([]) }, { weight: 1, arbitrary: fc.uniqueArray(regionArb, { minLength: 1, maxLength: 2 }) }),
      validFrom: fc.option(fc.constantFrom('2010-01-01', '2020-04-10', '2024-01-01'), { nil: null }),
      validTo: fc.option(fc.constantFrom('2027-12-31', '2035-12-31'), { nil: null }),
      capA: fc.integer({ min: 0, max: 300000 }),
      capB: fc.integer({ min: 0, max: 300000 }),
      carry: fc.option(fc.record({ start: fc.constantFrom('business.registeredAt', 'graduationDate'), months: fc.integer({ min: 1, max: 36 }) }), { nil: undefined }),
    })
    .map(({ capA, capB, amount, carry, ...rest }) => ({
      id,
      kind: 'subsidy',
      title: { 'zh-CN': `测试政策 ${id}` },
      sample: true,
      source: { title: '生成的测试规则' },
      parameters: {
        capA: { values: [{ from: '2000-01-01', value: capA }] },
        capB: { values: [{ from: '2000-01-01', value: capB }, { from: '2022-01-01', value: capA }] },
      },
      ...rest,
      ...(amount ? { amount } : {}),
      ...(carry && rest.validTo !== null ? { carryOver: carry } : {}),
    }));
}

/** A list of 1–4 valid policies with distinct ids. */
export const policiesArb = fc.integer({ min: 1, max: 4 }).chain((n) => fc.tuple(...Array.from({ length: n }, (_, i) => policyArb(`gen-${i}`))));
