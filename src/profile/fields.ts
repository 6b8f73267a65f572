import type { z } from 'zod';
import { fieldRegistry, ProfileSchema, type FieldMeta } from './schema.js';

/** One profile field the rule language may read, by dot path. */
export interface FieldInfo extends FieldMeta {
  path: string;
  segments: readonly string[];
  /** `null` is an allowed answer meaning "none" (e.g. never registered). */
  nullable: boolean;
}

interface Def {
  type: string;
  innerType?: z.ZodType;
  shape?: Record<string, z.ZodType>;
}
const defOf = (s: z.ZodType): Def => (s as unknown as { _zod: { def: Def } })._zod.def;

function collect(schema: z.ZodType, prefix: string[], out: Map<string, FieldInfo>): void {
  let s: z.ZodType | undefined = schema;
  let nullable = false;
  while (s) {
    const meta = fieldRegistry.get(s);
    if (meta) {
      const path = prefix.join('.');
      out.set(path, { ...meta, path, segments: prefix, nullable: nullable || containsNull(s) });
      return;
    }
    const def = defOf(s);
    if (def.type === 'optional' || def.type === 'nullable') {
      nullable ||= def.type === 'nullable';
      s = def.innerType;
    } else if (def.type === 'object' && def.shape) {
      for (const [key, child] of Object.entries(def.shape)) collect(child, [...prefix, key], out);
      return;
    } else return;
  }
}

function containsNull(s: z.ZodType): boolean {
  const def = defOf(s);
  return def.type === 'nullable' || (def.type === 'optional' && !!def.innerType && containsNull(def.innerType));
}

function build(): ReadonlyMap<string, FieldInfo> {
  const out = new Map<string, FieldInfo>();
  collect(ProfileSchema, [], out);
  return out;
}

/**
 * Every field of the profile vocabulary, by dot path (`business.employees`).
 *
 * @example
 * FIELDS.get('business.employees')?.kind // 'number'
 */
export const FIELDS: ReadonlyMap<string, FieldInfo> = build();

export function fieldInfo(path: string): FieldInfo | undefined {
  return FIELDS.get(path);
}

/** Reads a dot path; `undefined` when any step is absent. Own properties only. */
/** An approximate answer, `{ min, max }` (numbers, or ISO dates), as profiles may give for number and date fields. */
export const isRange = (v: unknown): v is { min: unknown; max: unknown } =>
  v !== null && typeof v === 'object' && !Array.isArray(v) && 'min' in v && 'max' in v;

export function readPath(value: unknown, segments: readonly string[]): unknown {
  let cur: unknown = value;
  for (const seg of segments) {
    if (cur === null || typeof cur !== 'object' || !Object.prototype.hasOwnProperty.call(cur, seg)) return undefined;
    cur = (cur as Record<string, unknown>)[seg];
  }
  return cur;
}
