import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { z } from 'zod';
import { IsoDate } from '../src/profile/schema.js';
import { AmountSchema, ConditionSchema, PolicySchema, Text } from '../src/policy/schema.js';
import { OverlaySchema } from '../src/policy/overlay.js';

/** Where the JSON Schema for rule files lives; YAML files point at it with a `yaml-language-server` comment. */
export const SCHEMA_FILE = join(import.meta.dirname, '..', 'rules', 'policy.schema.json');

/** Where the JSON Schema for overlay files (`overlays:`, a region's figures for a national rule) lives. */
export const OVERLAY_SCHEMA_FILE = join(import.meta.dirname, '..', 'rules', 'overlay.schema.json');

/** The JSON Schema of one zod schema of the rule language, with named definitions. */
function jsonSchemaOf(root: z.ZodType, id: string, title: string, description: string): string {
  // Named definitions instead of generated ones, so editors show "Condition" rather than "__schema0".
  const names = z.registry<{ id: string }>();
  names.add(ConditionSchema, { id: 'Condition' });
  names.add(AmountSchema, { id: 'Amount' });
  names.add(Text, { id: 'Text' });
  const schema = z.toJSONSchema(root, {
    io: 'input',
    target: 'draft-2020-12',
    unrepresentable: 'throw',
    metadata: names,
    override: (ctx) => {
      // The calendar check is a refinement JSON Schema cannot carry; the shape at least helps editors.
      if (ctx.zodSchema === IsoDate) ctx.jsonSchema.pattern = '^\\d{4}-\\d{2}-\\d{2}$';
    },
  });
  const doc = { ...schema, $id: `https://github.com/guiyan/guiyan/rules/${id}`, title, description };
  return `${JSON.stringify(doc, null, 2)}\n`;
}

/**
 * The JSON Schema of one rule file, generated from `PolicySchema`. `io: 'input'` describes what an
 * author writes, so fields with defaults are optional. Refinements (real calendar dates) are left to
 * the loader.
 */
export function policyJsonSchema(): string {
  return jsonSchemaOf(PolicySchema, 'policy.schema.json', 'guiyan policy rule file', 'One support policy: who qualifies, how much, where to apply, and the cases it must pass.');
}

/** The JSON Schema of one overlay file, generated from `OverlaySchema`. */
export function overlayJsonSchema(): string {
  return jsonSchemaOf(OverlaySchema, 'overlay.schema.json', 'guiyan overlay file', "A region's figures for parameters a national policy lets regions set (localRange).");
}

if (process.argv[1] && import.meta.url === pathToFileURL(process.argv[1]).href) {
  writeFileSync(SCHEMA_FILE, policyJsonSchema());
  writeFileSync(OVERLAY_SCHEMA_FILE, overlayJsonSchema());
  console.log(`wrote ${SCHEMA_FILE} and ${OVERLAY_SCHEMA_FILE}`);
}
