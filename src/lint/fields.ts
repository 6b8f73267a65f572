import { FIELDS } from '../profile/fields.js';
import { suggestField } from '../policy/check.js';
import type { Finding } from './types.js';

const FIELD_KEYS = ['field', 'per', 'quantity'] as const;

/**
 * Every profile field a rule names, found in the raw data so that it works even when the file
 * fails validation elsewhere: unknown ones come with a did-you-mean.
 */
export function fieldFindings(data: unknown, policyId?: string): Finding[] {
  const out: Finding[] = [];
  const stack: [unknown, (string | number)[]][] = [[data, []]];
  while (stack.length) {
    const [v, path] = stack.pop()!;
    if (v === null || typeof v !== 'object' || path.length > 64) continue;
    if (path[0] === 'cases') continue;
    for (const key of FIELD_KEYS) {
      const f = (v as Record<string, unknown>)[key];
      if (!Object.hasOwn(v, key) || typeof f !== 'string' || FIELDS.has(f)) continue;
      const hint = suggestField(f);
      out.push({ severity: 'error', code: 'unknown_field', policyId, path: [...path, key], message: `no profile field "${f}"${hint ? `; did you mean "${hint}"?` : ''}` });
    }
    for (const [k, x] of Object.entries(v)) stack.push([x, [...path, Array.isArray(v) ? Number(k) : k]]);
  }
  return out.reverse();
}
