import { readFileSync } from 'node:fs';
import { relative } from 'node:path';
import { describe, expect, it } from 'vitest';
import { parse as parseYaml } from 'yaml';
import { OVERLAY_SCHEMA_FILE, overlayJsonSchema, policyJsonSchema, SCHEMA_FILE } from '../../scripts/gen-schema.js';
import { filesUnder, ROOT } from '../helpers/rules.js';

type Json = null | boolean | number | string | Json[] | { [k: string]: Json };
type Schema = { [k: string]: any };

/**
 * Checks a value against the keywords the generated schema uses (no formats), so the test needs
 * no validator package. Returns the paths that fail.
 */
function validate(root: Schema, schema: Schema, v: Json, at: string, out: string[]): void {
  if (schema.$ref) {
    const name = String(schema.$ref).replace('#/$defs/', '');
    return validate(root, root.$defs[name], v, at, out);
  }
  const fail = (why: string): void => {
    out.push(`${at || '/'}: ${why}`);
  };
  if (schema.anyOf || schema.oneOf) {
    const branches: Schema[] = schema.anyOf ?? schema.oneOf;
    const passing = branches.filter((b) => {
      const errs: string[] = [];
      validate(root, b, v, at, errs);
      return errs.length === 0;
    }).length;
    if (schema.anyOf ? passing === 0 : passing !== 1) fail(`${passing} of ${branches.length} alternatives match`);
    return;
  }
  if ('const' in schema && v !== schema.const) return fail(`expected ${JSON.stringify(schema.const)}`);
  if (schema.enum && !schema.enum.includes(v)) return fail(`expected one of ${schema.enum.join(', ')}`);
  const type = Array.isArray(v) ? 'array' : v === null ? 'null' : typeof v;
  if (schema.type) {
    const types: string[] = Array.isArray(schema.type) ? schema.type : [schema.type];
    const ok = types.some((t) => t === type || (t === 'integer' && Number.isInteger(v)));
    if (!ok) return fail(`expected ${types.join(' or ')}, got ${type}`);
  }
  if (typeof v === 'string') {
    if (schema.minLength !== undefined && [...v].length < schema.minLength) fail('too short');
    if (schema.maxLength !== undefined && [...v].length > schema.maxLength) fail('too long');
    if (schema.pattern && !new RegExp(schema.pattern, 'u').test(v)) fail(`does not match ${schema.pattern}`);
  }
  if (Array.isArray(v)) {
    if (schema.minItems !== undefined && v.length < schema.minItems) fail('too few items');
    if (schema.maxItems !== undefined && v.length > schema.maxItems) fail('too many items');
    if (schema.items) v.forEach((x, i) => validate(root, schema.items, x, `${at}/${i}`, out));
  }
  if (type === 'object') {
    const obj = v as Record<string, Json>;
    for (const key of schema.required ?? []) if (!(key in obj)) fail(`missing "${key}"`);
    for (const [key, x] of Object.entries(obj)) {
      if (schema.propertyNames) validate(root, schema.propertyNames, key, `${at}/${key} (name)`, out);
      const prop = schema.properties?.[key];
      if (prop) validate(root, prop, x, `${at}/${key}`, out);
      else if (schema.additionalProperties === false) fail(`unknown key "${key}"`);
      else if (typeof schema.additionalProperties === 'object') validate(root, schema.additionalProperties, x, `${at}/${key}`, out);
    }
  }
}

const committed = readFileSync(SCHEMA_FILE, 'utf8');
const schema = JSON.parse(committed) as Schema;
const overlaySchema = JSON.parse(readFileSync(OVERLAY_SCHEMA_FILE, 'utf8')) as Schema;
// Project files under rules/projects/ follow their own schema.
const ruleFiles = filesUnder(`${ROOT}/rules`, /\.ya?ml$/).filter((f) => !/[\\/]rules[\\/]projects[\\/]/.test(f));
const policyFiles = ruleFiles.filter((f) => !/^overlays:/m.test(readFileSync(f, 'utf8')));

describe('the JSON Schema for rule files', () => {
  it('is in sync with PolicySchema (run `npm run gen:schema` after changing the rule language)', () => {
    expect(committed).toBe(policyJsonSchema());
    expect(readFileSync(OVERLAY_SCHEMA_FILE, 'utf8')).toBe(overlayJsonSchema());
  });

  it('describes an object with the required top-level keys', () => {
    expect(schema.type).toBe('object');
    expect(schema.additionalProperties).toBe(false);
    expect([...schema.required].sort()).toEqual(['eligibility', 'id', 'kind', 'source', 'title']);
    expect(Object.keys(schema.$defs).sort()).toEqual(['Amount', 'Condition', 'Text']);
  });

  it.each(ruleFiles.map((f) => [relative(ROOT, f), f] as const))('%s validates against it and points at it', (_name, file) => {
    const text = readFileSync(file, 'utf8');
    const data = parseYaml(text) as Json;
    // Overlay files (a region's figures for a national rule) have a schema of their own.
    const overlay = typeof data === 'object' && data !== null && 'overlays' in data;
    expect(text.split('\n')[0]).toBe(`# yaml-language-server: $schema=../${overlay ? 'overlay' : 'policy'}.schema.json`);
    const errors: string[] = [];
    validate(overlay ? overlaySchema : schema, overlay ? overlaySchema : schema, data, '', errors);
    expect(errors).toEqual([]);
  });

  it.each([
    ['an unknown top-level key', { extra: 1 }, 'unknown key "extra"'],
    ['an unknown operator', { eligibility: { op: 'like', field: 'groups', value: 'x' } }, '/eligibility'],
    ['a kind outside the list', { kind: 'gift' }, '/kind'],
    ['a region that is not six digits', { regions: ['5306'] }, '/regions/0'],
  ])('rejects %s', (_what, change, expected) => {
    const base = parseYaml(readFileSync(policyFiles[0]!, 'utf8')) as Record<string, Json>;
    const errors: string[] = [];
    validate(schema, schema, { ...base, ...change } as Json, '', errors);
    expect(errors.join('\n')).toContain(expected);
  });
});
