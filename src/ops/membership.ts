import { wordsFor } from '../core/catalogue/index.js';
import type { Locale } from '../core/locale.js';
import { regionPrefix } from '../regions/codes.js';
import * as z from 'zod';
import { RegionCode } from '../profile/schema.js';
import { leaf, list, Scalar } from '../policy/terms.js';
import { ANY, leafFields, type Operator } from './types.js';

// Local copies of core/tri.ts's F/T/U: some loaders turn imported bindings into getter calls, one per leaf.
const F = 0;
const T = 1;
const U = 2;

export const inSchema = z.strictObject({ op: z.literal('in'), ...leaf, values: list(Scalar).min(1) });
export const overlapsSchema = z.strictObject({ op: z.literal('overlaps'), ...leaf, values: list(z.string().max(80)).min(1) });
export const presentSchema = z.strictObject({ op: z.literal('present'), ...leaf });
export const inRegionSchema = z.strictObject({ op: z.literal('in-region'), ...leaf, regions: list(RegionCode).min(1) });

/** Long lists are cut to their first three items and a count, so a reason stays one line. */
const listWords = (items: string[], locale: Locale) => {
  const w = wordsFor(locale).list;
  const head = items.length > 4 ? items.slice(0, 3) : items;
  const more = items.length - head.length;
  const shown = head.join(w.sep);
  return more ? w.more(shown, items.length, more) : shown;
};

/**
 * Membership in a literal list. Short lists scan with `===` (faster than hashing a string); the
 * lists hold finite scalars only, so this equals Set's SameValueZero.
 */
function member(values: readonly unknown[]): (v: unknown) => boolean {
  const n = values.length;
  if (n === 1) {
    const a = values[0];
    return (v) => v === a;
  }
  if (n === 2) {
    const [a, b] = values;
    return (v) => v === a || v === b;
  }
  if (n <= 12) {
    const xs = [...values];
    return (v) => {
      for (let i = 0; i < n; i++) if (xs[i] === v) return true;
      return false;
    };
  }
  const set = new Set(values);
  return (v) => set.has(v);
}

/** A value among a literal list. */
export const inList: Operator<z.infer<typeof inSchema>> = {
  op: 'in',
  schema: inSchema,
  domains: ['number', 'boolean', 'choice', 'region', 'string'],
  literals: (n) => n.values.map((value, i) => ({ path: ['values', i], value })),
  compile(n, k) {
    const s = k.slot;
    const has = member(n.values);
    return (f) => { const v = f[s]; return v === undefined ? U : v !== null && has(v) ? T : F; };
  },
  reference: (n, fact) => fact !== null && (n.values as unknown[]).includes(fact),
  describe: (n, k) => wordsFor(k.locale).ops.in(listWords(n.values.map(k.show), k.locale)),
  sql: (n, k) => k.guard(`(${k.value} IN (${n.values.map((v) => k.bind(v)).join(', ')}))`, false),
  fields: leafFields,
  interval: (n) => ({ ...ANY, points: [...n.values] }),
  nearMiss: (n) => ({ toward: 'one-of', values: n.values.map(String) }),
  arbitrary: (k) => k.map(k.set(k.item, 1, 4), (values) => ({ ...k.base, op: 'in', values })),
};

/** A list field shares at least one value with the condition's list; `[]` is a known "none". */
export const overlaps: Operator<z.infer<typeof overlapsSchema>> = {
  op: 'overlaps',
  schema: overlapsSchema,
  domains: ['choices'],
  literals: (n) => n.values.map((value, i) => ({ path: ['values', i], value })),
  compile(n, k) {
    const has = member(n.values);
    const s = k.slot;
    return (f) => {
      const v = f[s] as unknown[] | null | undefined;
      if (v === undefined) return U;
      if (v === null) return F;
      for (let i = 0; i < v.length; i++) if (has(v[i])) return T;
      return F;
    };
  },
  reference: (n, fact) => fact !== null && (fact as unknown[]).some((x) => (n.values as unknown[]).includes(x)),
  describe: (n, k) => wordsFor(k.locale).ops.overlaps(listWords(n.values.map(k.show), k.locale)),
  sql: (n, k) => k.guard(k.listOverlaps(k.value, n.values.map((v) => k.bind(v))), false),
  fields: leafFields,
  interval: () => null,
  nearMiss: (n) => ({ toward: 'one-of', values: n.values }),
  arbitrary: (k) => k.map(k.set(k.item, 1, 4), (values) => ({ ...k.base, op: 'overlaps', values })),
};

/** The field is answered with something: a value, or a non-empty list. */
export const present: Operator<z.infer<typeof presentSchema>> = {
  op: 'present',
  schema: presentSchema,
  domains: ['number', 'date', 'boolean', 'choice', 'choices', 'region', 'string'],
  literals: () => [],
  compile(_n, k) {
    const s = k.slot;
    return (f) => { const v = f[s]; return v === undefined ? U : v === null ? F : Array.isArray(v) ? (v.length > 0 ? T : F) : T; };
  },
  reference: (_n, fact) => fact !== null && (Array.isArray(fact) ? fact.length > 0 : true),
  // An approximate answer is an answer.
  span: { reference: () => true },
  describe: (_n, k) => wordsFor(k.locale).ops.present,
  sql: (_n, k) => k.guard(k.domain === 'choices' ? `(${k.listLength(k.value)} > 0)` : `(CASE WHEN ${k.value} IS NULL THEN NULL ELSE TRUE END)`, false),
  fields: leafFields,
  interval: () => null,
  lint: (n, field) =>
    !field.nullable && !n.measure && !field.list ? [`"${n.field}" cannot be answered "none", so present is never false; unanswered it stays unknown`] : [],
  nearMiss: () => null,
  arbitrary: (k) => k.constant({ ...k.base, op: 'present' }),
};

/** A region code lies under one of the listed codes (a city covers its counties). */
export const inRegion: Operator<z.infer<typeof inRegionSchema>> = {
  op: 'in-region',
  schema: inRegionSchema,
  domains: ['region'],
  literals: (n) => n.regions.map((value, i) => ({ path: ['regions', i], value })),
  compile(n, k) {
    const prefixes = n.regions.map(regionPrefix);
    const s = k.slot;
    return (f) => {
      const v = f[s] as string | null | undefined;
      if (v === undefined) return U;
      if (v === null) return F;
      for (const p of prefixes) if (v.startsWith(p)) return T;
      return F;
    };
  },
  reference: (n, fact) => fact !== null && n.regions.some((code) => (fact as string).startsWith(regionPrefix(code))),
  describe: (n, k) => wordsFor(k.locale).ops.inRegion(listWords(n.regions.map(k.show), k.locale)),
  sql: (n, k) => k.guard(`(${n.regions.map((r) => k.startsWith(k.value, regionPrefix(r))).join(' OR ')})`, false),
  fields: leafFields,
  interval: () => null,
  nearMiss: () => null,
  arbitrary: (k) => k.map(k.set(k.region, 1, 3), (regions) => ({ ...k.base, op: 'in-region', regions })),
};

/** A policy's `regions` as the condition on `regionCode` that every evaluation starts with. */
export const regionCondition = (regions: string[], id?: string): z.infer<typeof inRegionSchema> =>
  id === undefined ? { op: 'in-region', field: 'regionCode', regions } : { op: 'in-region', field: 'regionCode', regions, id };
