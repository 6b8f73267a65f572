import fc from 'fast-check';
import { FIELDS, type FieldInfo } from '../../src/profile/fields.js';
import { OPERATORS, type ArbKit } from '../../src/ops/index.js';
import type { Amount, Condition, PolicyInput, Value } from '../../src/policy/schema.js';
import type { Domain, FactRef } from '../../src/policy/terms.js';

/**
 * fast-check arbitraries over the real vocabulary: conditions on every readable field with literals
 * and parameters valid for the field's domain, policies around them, and profiles in which any
 * field may be absent, `null` where nullable, or `[]` for lists. Values come from small pools so
 * comparisons hit as often as they miss.
 */

/** Fields a rule may read (personal data excluded). */
export const RULE_FIELDS: readonly FieldInfo[] = [...FIELDS.values()].filter((f) => !f.personal);
const byKind = (...kinds: FieldInfo['kind'][]) => RULE_FIELDS.filter((f) => kinds.includes(f.kind));
const NUMBER_FIELDS = byKind('number');

/** Province, city and county codes of the seed's places, so region prefixes overlap. */
export const REGION_POOL = ['530000', '530600', '530602', '530621', '150000', '152900', '152921', '500000', '500154', '450000', '451400', '451402', '610900', '610902'];
const COUNTIES = ['530602', '530621', '530627', '152921', '500154', '451402', '610902'];
export const PARAM_NAMES = ['p0', 'p1'] as const;

const dateBetween = (fromYear: number, toYear: number) =>
  fc.date({ min: new Date(Date.UTC(fromYear, 0, 1)), max: new Date(Date.UTC(toYear, 11, 31)), noInvalidDate: true }).map((d) => d.toISOString().slice(0, 10));

export const arbDate = dateBetween(1955, 2030);
/** An `asOf` day where the generated windows and dated parameters change. */
export const arbAsOf = dateBetween(2016, 2028);
const arbSmallInt = fc.integer({ min: 0, max: 120 });
const arbName = fc.constantFrom('刘鑫堂', '周雪婷', 'Li', '');
const optionsOf = (f: FieldInfo) => (f.options ?? []).map((o) => o.value);

const arbNumberValue: fc.Arbitrary<Value> = fc.oneof(
  { weight: 3, arbitrary: arbSmallInt },
  { weight: 1, arbitrary: fc.record({ param: fc.constantFrom(...PARAM_NAMES), times: fc.option(fc.constantFrom(0.5, 1, 2), { nil: undefined }) }, { requiredKeys: ['param'] }) },
);
const arbRatioValue: fc.Arbitrary<Value> = fc.oneof(fc.constantFrom(0, 0.08, 0.15, 0.5, 1, 2), fc.record({ param: fc.constantFrom(...PARAM_NAMES) }));

/** Literal bounds in order: the loader refuses a range whose max is below its min. */
function ordered<V>(a: V, b: V): { min: V; max: V } {
  const literal = (typeof a === 'number' && typeof b === 'number') || (typeof a === 'string' && typeof b === 'string');
  return literal && a > b ? { min: b, max: a } : { min: a, max: b };
}

/** What a generated leaf compares its fact with: values (parameters included for numbers) and list members. */
interface Pools {
  value: fc.Arbitrary<unknown>;
  item: fc.Arbitrary<unknown>;
}

/** Leaves of every registered operator that applies to the fact, each built by the operator's own arbitrary. */
function leavesOn(base: FactRef, domain: Domain, pools: Pools): fc.Arbitrary<unknown> {
  const kit: ArbKit<fc.Arbitrary<unknown>> = {
    base,
    domain,
    ...pools,
    region: fc.constantFrom(...REGION_POOL),
    constant: (x) => fc.constant(x),
    map: (a, f) => a.map(f),
    tuple: (...as) => fc.tuple(...as),
    set: (a, min, max) => fc.uniqueArray(a, { minLength: min, maxLength: max }),
    ordered,
  };
  const leaves = [...OPERATORS.values()].filter((o) => o.domains.includes(domain)).flatMap((o) => o.arbitrary(kit) ?? []);
  return fc.oneof(...leaves);
}

const NUMBER_POOLS: Pools = { value: arbNumberValue, item: arbSmallInt };

function leavesFor(f: FieldInfo): fc.Arbitrary<unknown> {
  const base = { field: f.path };
  const same = (v: fc.Arbitrary<unknown>): Pools => ({ value: v, item: v });
  switch (f.kind) {
    case 'number':
      return fc.oneof(
        leavesOn(base, 'number', NUMBER_POOLS),
        fc.constantFrom(...NUMBER_FIELDS.filter((d) => d.path !== f.path)).chain((d) => leavesOn({ ...base, per: d.path }, 'number', { value: arbRatioValue, item: arbSmallInt })),
      );
    case 'date':
      return fc.oneof(
        leavesOn(base, 'date', same(arbDate)),
        fc.constantFrom('age', 'days-since', 'months-since', 'calendar-months-since', 'calendar-years-since', 'months-to-retirement' as const).chain((measure) => leavesOn({ ...base, measure }, 'number', NUMBER_POOLS)),
      );
    case 'boolean':
      return leavesOn(base, 'boolean', same(fc.boolean()));
    case 'choice':
      return leavesOn(base, 'choice', same(fc.constantFrom(...optionsOf(f))));
    case 'choices':
    case 'strings':
      return fc.oneof(
        leavesOn(base, 'choices', same(fc.constantFrom(...optionsOf(f)))),
        leavesOn({ ...base, measure: 'count' }, 'number', { value: fc.integer({ min: 0, max: 4 }), item: arbSmallInt }),
      );
    case 'region':
      return leavesOn(base, 'region', same(fc.constantFrom(...COUNTIES)));
    case 'string':
      return leavesOn(base, 'string', same(arbName));
  }
}

/** A leaf condition on any readable field. */
export const arbLeaf: fc.Arbitrary<Condition> = fc.constantFrom(...RULE_FIELDS).chain(leavesFor) as fc.Arbitrary<Condition>;

/** Condition trees of every operator, at most `depth` levels of all/any/not. */
export const arbCondition = (depth = 4): fc.Arbitrary<Condition> =>
  fc.letrec<{ node: Condition }>((tie) => ({
    node: fc.oneof(
      { maxDepth: depth, depthIdentifier: 'cond', withCrossShrink: true },
      { weight: 3, arbitrary: arbLeaf },
      { weight: 1, arbitrary: fc.array(tie('node'), { minLength: 0, maxLength: 4 }).map((of) => ({ op: 'all', of }) as Condition) },
      { weight: 1, arbitrary: fc.array(tie('node'), { minLength: 0, maxLength: 4 }).map((of) => ({ op: 'any', of }) as Condition) },
      { weight: 1, arbitrary: tie('node').map((of) => ({ op: 'not', of }) as Condition) },
    ),
  })).node;

const arbUnit = fc.option(fc.constantFrom('CNY', 'CNY/mu'), { nil: undefined });
const upTo = fc.option(fc.boolean(), { nil: undefined });
const arbAmountNumber: fc.Arbitrary<Value> = fc.oneof(fc.integer({ min: 0, max: 300000 }), fc.record({ param: fc.constantFrom(...PARAM_NAMES) }));

/** A parameter regions may set (`localRange`): only amounts read it, and overlays fix it for some regions. */
export const LOCAL_PARAM = 'p2';
const arbLocalAmountNumber: fc.Arbitrary<Value> = fc.oneof(arbAmountNumber, fc.record({ param: fc.constant(LOCAL_PARAM), times: fc.option(fc.constantFrom(1, 2, 0.5), { nil: undefined }) }, { requiredKeys: ['param'] }));

/** Every kind of amount, `choose` with conditions of its own. */
export const arbAmount: fc.Arbitrary<Amount> = amountOf(arbAmountNumber);
/** The same, its numbers also reading the parameter regions may set. */
export const arbLocalAmount: fc.Arbitrary<Amount> = amountOf(arbLocalAmountNumber);

function amountOf(arbAmountNumber: fc.Arbitrary<Value>): fc.Arbitrary<Amount> {
  return fc.letrec<{ amount: Amount }>((tie) => ({
  amount: fc.oneof(
    { maxDepth: 2, depthIdentifier: 'amount' },
    fc.record({ kind: fc.constant('fixed'), value: arbAmountNumber, unit: arbUnit, upTo }, { requiredKeys: ['kind', 'value'] }),
    fc.record({ kind: fc.constant('range'), bounds: fc.tuple(arbAmountNumber, arbAmountNumber), unit: arbUnit }, { requiredKeys: ['kind', 'bounds'] }).map(({ bounds, ...rest }) => ({ ...rest, ...ordered(bounds[0], bounds[1]) })),
    fc.record(
      { kind: fc.constant('per-unit'), rate: arbAmountNumber, quantity: fc.constantFrom(...NUMBER_FIELDS.map((f) => f.path)), cap: arbAmountNumber, unit: arbUnit, upTo },
      { requiredKeys: ['kind', 'rate', 'quantity'] },
    ),
    fc.record({ kind: fc.constant('per-year'), perYear: arbAmountNumber, years: fc.integer({ min: 1, max: 5 }), unit: arbUnit, upTo }, { requiredKeys: ['kind', 'perYear', 'years'] }),
    fc.record(
      { kind: fc.constant('choose'), options: fc.array(fc.record({ when: arbCondition(2), amount: tie('amount') }), { minLength: 1, maxLength: 3 }), otherwise: tie('amount'), unit: arbUnit },
      { requiredKeys: ['kind', 'options'] },
    ),
  ) as fc.Arbitrary<Amount>,
  })).amount;
}

const arbParameter = fc.uniqueArray(fc.record({ from: dateBetween(2015, 2027), value: fc.constantFrom(0, 0.08, 0.15, 1, 6, 35, 100, 200000) }), {
  minLength: 1,
  maxLength: 3,
  selector: (v) => v.from,
}).map((values) => ({ values }));

/** A policy as it is written in a rule file (before defaults are filled). */
export const arbPolicyInput = (id = 'gen-policy', local = false): fc.Arbitrary<PolicyInput> =>
  fc.record(
    {
      regions: fc.oneof(fc.constant([] as string[]), fc.uniqueArray(fc.constantFrom(...REGION_POOL), { minLength: 1, maxLength: 2 })),
      validFrom: fc.option(dateBetween(2015, 2024), { nil: null }),
      validTo: fc.option(dateBetween(2022, 2030), { nil: null }),
      p0: arbParameter,
      p1: arbParameter,
      p2: arbParameter,
      range: fc.record({ minTimes: fc.option(fc.constantFrom(0.5, 1), { nil: undefined }), maxTimes: fc.constantFrom(1, 1.2, 1.5) }, { requiredKeys: ['maxTimes'] }),
      eligibility: arbCondition(),
      amount: fc.option(local ? arbLocalAmount : arbAmount, { nil: undefined }),
    },
    { requiredKeys: ['regions', 'validFrom', 'validTo', 'p0', 'p1', 'p2', 'range', 'eligibility'] },
  ).map(({ p0, p1, p2, range, amount, validFrom, validTo, ...rest }) => {
    // Keep the window upright and every parameter defined from the policy's first day.
    const [from, to] = validFrom && validTo && validFrom > validTo ? [validTo, validFrom] : [validFrom, validTo];
    const anchor = (p: { values: { from: string; value: number }[] }) =>
      from && !p.values.some((v) => v.from <= from) ? { values: [{ from, value: p.values[0]!.value }, ...p.values] } : p;
    return {
      id,
      kind: 'subsidy' as const,
      title: { 'zh-CN': id },
      source: { title: 'generated' },
      sample: true,
      parameters: { p0: anchor(p0), p1: anchor(p1), ...(local ? { [LOCAL_PARAM]: { ...anchor(p2), localRange: range } } : {}) },
      validFrom: from,
      validTo: to,
      ...rest,
      ...(amount ? { amount } : {}),
    };
  });

/** One to three generated policies with distinct ids. */
export const arbCatalogue: fc.Arbitrary<PolicyInput[]> = fc.integer({ min: 1, max: 3 }).chain((n) => fc.tuple(...Array.from({ length: n }, (_, i) => arbPolicyInput(`gen-${i}`))));

/** Up to two overlay documents fixing a policy's `LOCAL_PARAM` for distinct regions inside the policy's. */
const arbOverlays = (policy: PolicyInput): fc.Arbitrary<unknown[]> =>
  fc
    .tuple(
      // Nested places (province, city, county), so a local overlay meets its province's.
      fc.uniqueArray(fc.constantFrom('500000', '500154', '530000', '530600', '530621', '152900'), { maxLength: 4 }),
      fc.integer({ min: 1, max: 3 }),
      fc.array(fc.uniqueArray(fc.record({ from: dateBetween(2015, 2027), value: fc.constantFrom(0, 1, 6, 35, 150000, 200000, 240000) }), { minLength: 1, maxLength: 2, selector: (v) => v.from }), { minLength: 2, maxLength: 2 }),
    )
    .map(([pool, cut, steps]) => {
      const own = policy.regions ?? [];
      // Regions of one overlay never share a prefix with the other's: one region is set once.
      const inside = pool.filter((r) => !own.length || own.some((t) => r.startsWith(t.replace(/(00)+$/, ''))));
      const prefixes = new Set<string>();
      const distinct = inside.filter((r) => {
        const p = r.replace(/(00)+$/, '');
        if (prefixes.has(p)) return false;
        prefixes.add(p);
        return true;
      });
      return [distinct.slice(0, cut), distinct.slice(cut)]
        .map((regions, k) => ({ id: `${policy.id}-o${k}`, overlays: policy.id, sample: true, source: { title: 'generated' }, regions, parameters: { [LOCAL_PARAM]: { values: steps[k]! } } }))
        .filter((o) => o.regions.length > 0);
    });

/** One to three policies whose amounts may read a parameter regions may set, with overlays for some regions. */
export const arbCatalogueWithOverlays: fc.Arbitrary<unknown[]> = fc
  .integer({ min: 1, max: 3 })
  .chain((n) => fc.tuple(...Array.from({ length: n }, (_, i) => arbPolicyInput(`gen-${i}`, true))))
  .chain((policies) => fc.tuple(...policies.map(arbOverlays)).map((overlays) => [...policies, ...overlays.flat()]));

const arbNumberAnswer = fc.oneof(arbSmallInt, fc.constantFrom(0, 1, 100, 101, 1000));
/** An approximate number: two answers in order ("七八个人", "大概80亩"). */
const arbNumberRange = fc.tuple(arbNumberAnswer, arbNumberAnswer).map(([a, b]) => ordered(a, b));
/** An approximate date: a day and up to a year and a half after it ("去年", "2023年5月"). */
const arbDateRange = fc.tuple(arbDate, fc.integer({ min: 0, max: 540 })).map(([d, n]) => ({ min: d, max: new Date(Date.parse(d) + n * 86_400_000).toISOString().slice(0, 10) }));

/** A value for one field: present, `null` where nullable, `[]` or a subset for lists, a range for numbers and dates. */
function valueFor(f: FieldInfo, approximate: boolean): fc.Arbitrary<unknown> {
  const pick = (): fc.Arbitrary<unknown> => {
    switch (f.kind) {
      case 'number':
        return approximate ? fc.oneof({ weight: 3, arbitrary: arbNumberAnswer }, { weight: 1, arbitrary: arbNumberRange }) : arbNumberAnswer;
      case 'date':
        return approximate ? fc.oneof({ weight: 3, arbitrary: arbDate }, { weight: 1, arbitrary: arbDateRange }) : arbDate;
      case 'boolean':
        return fc.boolean();
      case 'choice':
        return fc.constantFrom(...optionsOf(f));
      case 'choices':
      case 'strings':
        return fc.oneof(fc.constant([]), fc.uniqueArray(fc.constantFrom(...optionsOf(f)), { maxLength: 4 }));
      case 'region':
        return fc.constantFrom(...COUNTIES);
      case 'string':
        return arbName;
    }
  };
  return f.nullable ? fc.oneof({ weight: 4, arbitrary: pick() }, { weight: 1, arbitrary: fc.constant(null) }) : pick();
}

/** Nests dot-path answers into a profile object. */
export function nest(id: string, answers: Record<string, unknown>): Record<string, unknown> {
  const out: Record<string, unknown> = { id };
  for (const [path, v] of Object.entries(answers)) {
    if (v === undefined) continue;
    const keys = path.split('.');
    let cur = out;
    for (const k of keys.slice(0, -1)) cur = (cur[k] ??= {}) as Record<string, unknown>;
    cur[keys[keys.length - 1]!] = v;
  }
  return out;
}

/**
 * A valid profile in which each readable field is absent with probability `absent`; numbers and
 * dates are answered approximately (`{ min, max }`) one time in four unless `approximate` is false.
 */
export const arbProfile = (absent = 0.3, { approximate = true }: { approximate?: boolean } = {}): fc.Arbitrary<Record<string, unknown>> => {
  const w = Math.round(absent * 100);
  const maybe = (f: FieldInfo) => (w <= 0 ? valueFor(f, approximate) : fc.oneof({ weight: w, arbitrary: fc.constant(undefined) }, { weight: 100 - w, arbitrary: valueFor(f, approximate) }));
  const entries = RULE_FIELDS.map((f) => [f.path, maybe(f)] as const);
  return fc.record(Object.fromEntries(entries) as Record<string, fc.Arbitrary<unknown>>).map((answers) => nest('gen', answers));
};
