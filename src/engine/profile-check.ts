import type { z } from 'zod';
import { ProfileSchema, type Profile } from '../profile/schema.js';
import { parseProfile, profileSizeIssue, safeParseProfile, type ProfileResult } from '../profile/validate.js';

/**
 * A validator precompiled from ProfileSchema's definition, for batches. It accepts only what it can
 * prove valid, returning the same copy zod would; anything else (including every invalid profile)
 * goes to zod, which decides and words the issues. So results and errors are zod's, faster.
 * Built from the schema at load; if the schema ever uses a construct it does not know, it steps
 * aside and zod validates everything.
 */
const FAIL: unique symbol = Symbol('invalid');
type Check = (v: unknown) => unknown;

interface Def {
  type: string;
  innerType?: z.ZodType;
  element?: z.ZodType;
  keyType?: z.ZodType;
  valueType?: z.ZodType;
  shape?: Record<string, z.ZodType>;
  catchall?: z.ZodType;
  entries?: Record<string, string | number>;
  options?: z.ZodType[];
  checks?: { _zod: { def: CheckDef } }[];
}
interface CheckDef {
  check: string;
  minimum?: number;
  maximum?: number;
  value?: number;
  inclusive?: boolean;
  format?: string;
  pattern?: RegExp;
  fn?: (v: unknown) => unknown;
}

const defOf = (s: z.ZodType): Def => (s as unknown as { _zod: { def: Def } })._zod.def;
const isPlainObject = (v: unknown): v is Record<string, unknown> => {
  if (v === null || typeof v !== 'object') return false;
  const proto = Object.getPrototypeOf(v);
  return proto === Object.prototype || proto === null;
};

/** One predicate per check, or null when a check is not understood. */
function predicates(def: Def): ((v: never) => boolean)[] | null {
  const out: ((v: never) => boolean)[] = [];
  for (const c of def.checks ?? []) {
    const d = c._zod.def;
    switch (d.check) {
      case 'min_length':
        out.push((v: { length: number }) => v.length >= d.minimum!);
        break;
      case 'max_length':
        out.push((v: { length: number }) => v.length <= d.maximum!);
        break;
      case 'string_format':
        if (d.format !== 'regex' || !(d.pattern instanceof RegExp)) return null;
        out.push((v: string) => {
          d.pattern!.lastIndex = 0;
          return d.pattern!.test(v);
        });
        break;
      case 'custom':
        if (typeof d.fn !== 'function') return null;
        out.push((v) => d.fn!(v) === true);
        break;
      case 'number_format':
        if (d.format !== 'safeint') return null;
        out.push((v: number) => Number.isSafeInteger(v));
        break;
      case 'greater_than':
        out.push((v: number) => (d.inclusive ? v >= d.value! : v > d.value!));
        break;
      case 'less_than':
        out.push((v: number) => (d.inclusive ? v <= d.value! : v < d.value!));
        break;
      default:
        return null;
    }
  }
  return out;
}

function compile(schema: z.ZodType): Check | null {
  const def = defOf(schema);
  const all = (ps: ((v: never) => boolean)[], v: unknown) => {
    for (const p of ps) if (!p(v as never)) return false;
    return true;
  };
  switch (def.type) {
    case 'optional':
    case 'nullable': {
      const inner = compile(def.innerType!);
      if (!inner) return null;
      const none = def.type === 'optional' ? undefined : null;
      return (v) => (v === none ? v : inner(v));
    }
    case 'string':
    case 'number':
    case 'boolean': {
      const ps = predicates(def);
      if (!ps) return null;
      const t = def.type;
      return (v) => (typeof v === t && (t !== 'number' || Number.isFinite(v)) && all(ps, v) ? v : FAIL);
    }
    case 'enum': {
      const values = new Set(Object.values(def.entries ?? {}));
      return (v) => ((typeof v === 'string' || typeof v === 'number') && values.has(v) ? v : FAIL);
    }
    case 'array': {
      const ps = predicates(def);
      const item = compile(def.element!);
      if (!ps || !item) return null;
      return (v) => {
        if (!Array.isArray(v) || Object.getPrototypeOf(v) !== Array.prototype || !all(ps, v)) return FAIL;
        const out = new Array(v.length);
        for (let i = 0; i < v.length; i++) if ((out[i] = item(v[i])) === FAIL) return FAIL;
        return out;
      };
    }
    case 'record': {
      // Only string keys to unknown values: the values pass through as zod passes them.
      const k = defOf(def.keyType!);
      if (k.type !== 'string' || (k.checks ?? []).length || defOf(def.valueType!).type !== 'unknown') return null;
      return (v) => (isPlainObject(v) && Object.getOwnPropertySymbols(v).length === 0 ? { ...v } : FAIL);
    }
    case 'union': {
      // The first option that accepts the value decides, as zod's union does.
      const options = (def.options ?? []).map(compile);
      if (!options.length || options.some((o) => !o)) return null;
      return (v) => {
        for (const o of options) {
          const r = o!(v);
          if (r !== FAIL) return r;
        }
        return FAIL;
      };
    }
    case 'object': {
      if (!def.catchall || defOf(def.catchall).type !== 'never') return null;
      const keys = Object.keys(def.shape ?? {});
      const checks = keys.map((key) => compile(def.shape![key]!));
      // Checks on the whole object (a range's order) run on the copy.
      const whole = predicates(def);
      if (checks.some((c) => !c) || !whole) return null;
      const known = new Set(keys);
      return (v) => {
        if (!isPlainObject(v)) return FAIL;
        for (const key in v) if (!known.has(key)) return FAIL;
        const out: Record<string, unknown> = {};
        for (let i = 0; i < keys.length; i++) {
          const key = keys[i]!;
          const x = v[key];
          if (x === undefined && !Object.prototype.hasOwnProperty.call(v, key)) {
            if (checks[i]!(undefined) === FAIL) return FAIL;
            continue;
          }
          const r = checks[i]!(x);
          if (r === FAIL) return FAIL;
          out[key] = r;
        }
        return all(whole, out) ? out : FAIL;
      };
    }
    default:
      return null;
  }
}

const fast = compile(ProfileSchema);

/** Validates like `parseProfile` (same result, same `ProfileValidationError`), faster for valid input. */
export function parseProfileFast(input: unknown): Profile {
  const r = tryFast(input);
  return r === FAIL ? parseProfile(input) : (r as Profile);
}

/**
 * The schema bounds every field but `extra`, which is free-form: a profile carrying it is measured
 * against the size and depth limits first, and the slow path reports what is over.
 */
function tryFast(input: unknown): unknown {
  if (!fast) return FAIL;
  if (input !== null && typeof input === 'object' && Object.prototype.hasOwnProperty.call(input, 'extra') && profileSizeIssue(input)) return FAIL;
  return fast(input);
}

/** Validates like `safeParseProfile`, faster for valid input. */
export function safeParseProfileFast(input: unknown): ProfileResult {
  const r = tryFast(input);
  return r === FAIL ? safeParseProfile(input) : { success: true, profile: r as Profile };
}

/** Whether the precompiled path is in use (false if the schema grew a construct it does not know). */
export const profileCheckCompiled = fast !== null;
