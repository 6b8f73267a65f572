import type { z } from 'zod';
import { maskText } from '../core/mask.js';
import { ProfileSchema, type Profile } from './schema.js';

/** One problem with a profile, at its path. */
export interface ProfileIssue {
  path: (string | number)[];
  code: string;
  message: string;
}

/**
 * A profile that does not fit `ProfileSchema`; `issues` lists every problem.
 *
 * @example
 * try { parseProfile(input); } catch (e) { if (e instanceof ProfileValidationError) console.error(e.issues); }
 */
export class ProfileValidationError extends Error {
  readonly issues: ProfileIssue[];
  constructor(issues: ProfileIssue[]) {
    const head = issues
      .slice(0, 3)
      .map((i) => `${i.path.join('.') || '(profile)'}: ${i.message}`)
      .join('; ');
    super(`invalid profile: ${head}${issues.length > 3 ? ` (+${issues.length - 3} more)` : ''}`);
    this.name = 'ProfileValidationError';
    this.issues = issues;
  }
}

/** Approximate JSON size above which a profile is refused before it is validated. */
export const MAX_PROFILE_BYTES = 64 * 1024;
/** Objects and arrays nest no deeper than this, `extra` included. */
export const MAX_PROFILE_DEPTH = 16;

/** UTF-8 length of a text (an upper bound for lone surrogates), counted no further than `budget`. */
function utf8Length(text: string, budget: number): number {
  if (text.length > budget) return text.length;
  let n = text.length;
  for (let i = 0; i < text.length && n <= budget; i++) {
    const c = text.charCodeAt(i);
    if (c > 0x7f) n += c > 0x7ff ? 2 : 1;
  }
  return n;
}

/**
 * Measures a value's JSON size without serialising it, stopping as soon as a limit is passed, so a
 * huge, deeply nested or cyclic input costs no more than the limit itself.
 */
export function profileSizeIssue(input: unknown): ProfileIssue | null {
  let bytes = 0;
  const stack: [unknown, number][] = [[input, 0]];
  while (stack.length) {
    const [v, depth] = stack.pop()!;
    if (typeof v === 'string') bytes += utf8Length(v, MAX_PROFILE_BYTES - bytes) + 2;
    else if (v !== null && typeof v === 'object') {
      if (depth >= MAX_PROFILE_DEPTH) return { path: [], code: 'too_deep', message: `a profile nests deeper than ${MAX_PROFILE_DEPTH} levels` };
      const keys = Object.keys(v);
      bytes += 2 + keys.length;
      for (const k of keys) {
        bytes += k.length + 3;
        if (bytes > MAX_PROFILE_BYTES) break;
        stack.push([(v as Record<string, unknown>)[k], depth + 1]);
      }
    } else bytes += 8;
    if (bytes > MAX_PROFILE_BYTES) return { path: [], code: 'profile_too_large', message: `a profile is limited to ${MAX_PROFILE_BYTES} bytes of JSON` };
  }
  return null;
}

function fromZod(error: z.ZodError): ProfileIssue[] {
  return error.issues.map((i) => {
    const path = i.path.map((p) => (typeof p === 'symbol' ? String(p) : typeof p === 'string' ? maskText(p) : p));
    if (i.code === 'too_big' && i.origin === 'array') return { path, code: 'too_many_items', message: `lists hold at most ${String(i.maximum)} items` };
    if (i.code === 'too_big' && i.origin === 'string') return { path, code: 'text_too_long', message: `texts hold at most ${String(i.maximum)} characters` };
    // zod echoes received values in some messages; personal data must not ride along.
    return { path, code: i.code, message: maskText(i.message) };
  });
}

export type ProfileResult = { success: true; profile: Profile } | { success: false; error: ProfileValidationError };

/**
 * Validates without throwing.
 *
 * @example
 * const r = safeParseProfile(input);
 * if (!r.success) console.error(r.error.issues);
 */
export function safeParseProfile(input: unknown): ProfileResult {
  if (input === null || typeof input !== 'object' || Array.isArray(input)) {
    return { success: false, error: new ProfileValidationError([{ path: [], code: 'invalid_type', message: 'a profile must be an object' }]) };
  }
  const size = profileSizeIssue(input);
  if (size) return { success: false, error: new ProfileValidationError([size]) };
  const r = ProfileSchema.safeParse(input);
  if (!r.success) return { success: false, error: new ProfileValidationError(fromZod(r.error)) };
  return { success: true, profile: r.data };
}

/**
 * Validates a profile, throwing `ProfileValidationError` with every problem.
 *
 * @example
 * const profile = parseProfile({ id: 'p1', birthDate: '1990-05-01' });
 */
export function parseProfile(input: unknown): Profile {
  const r = safeParseProfile(input);
  if (!r.success) throw r.error;
  return r.profile;
}
