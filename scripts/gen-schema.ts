import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { z } from 'zod';
import { IsoDate } from '../src/profile/schema.js';
import { AmountSchema, ConditionSchema, PolicySchema, Text } from '../src/policy/schema.js';

/** Where the JSON Schema for rule files lives; YAML files point at it with a `yaml-language-server` comment. */
export const SCHEMA_FILE = join(import.meta.dirname, '..', 'rules', 'policy.schema.json');

/**
 * The JSON Schema of one rule file, generated from `PolicySchema`. `io: 'input'` describes what an
 * author writes, so fields with defaults are optional. Refinements (real calendar dates) are left to
 * the loader.
 */
export function policyJsonSchema(): string {
  // Named definitions instead of generated ones, so editors show "Condition" rather than "__schema0".
  const names = z.registry<{ id: string }>();
  names.add(ConditionSchema, { id: 'Condition' });
  names.add(AmountSchema, { id: 'Amount' });
  names.add(Text, { id: 'Text' });
  const schema = z.toJSONSchema(PolicySchema, {
    io: 'input',
    target: 'draft-2020-12',
    unrepresentable: 'throw',
    metadata: names,
    override: (ctx) => {
      // The calendar check is a refinement JSON Schema cannot carry; the shape at least helps editors.
      if (ctx.zodSchema === IsoDate) ctx.jsonSchema.pattern = '^\\d{4}-\\d{2}-\\d{2}$';
    },
  });
  const doc = {
    ...schema,
    $id: 'https://github.com/guiyan/guiyan/rules/policy.schema.json',
    title: 'guiyan policy rule file',
    description: 'One support policy: who qualifies, how much, where to apply, and the cases it must pass.',
  };
  return `${JSON.stringify(doc, null, 2)}\n`;
}

if (process.argv[1] && import.meta.url === pathToFileURL(process.argv[1]).href) {
  writeFileSync(SCHEMA_FILE, policyJsonSchema());
  console.log(`wrote ${SCHEMA_FILE}`);
}
