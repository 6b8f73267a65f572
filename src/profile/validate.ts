import type { z } from 'zod';
import { maskText } from '../core/mask.js';
import { ProfileSchema, type Profile } from './schema.js';

export interface ProfileIssue {
  path: (string | number)[];
  code: string;
  message: string;
}

/** A profile that does not fit `ProfileSchema`; `issues` lists every problem. */
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

export const MAX_PROFILE_BYTES = 64 * 1024;

function fromZod(error: z.ZodError): ProfileIssue[] {
  return error.issues.map((i) => ({
    path: i.path.map((p) => (typeof p === 'symbol' ? String(p) : p)),
    code: i.code,
    // zod echoes received values in some messages; personal data must not ride along.
    message: maskText(i.message),
  }));
}

export type ProfileResult = { success: true; profile: Profile } | { success: false; error: ProfileValidationError };

/** Validates without throwing. */
export function safeParseProfile(input: unknown): ProfileResult {
  if (input === null || typeof input !== 'object' || Array.isArray(input)) {
    return { success: false, error: new ProfileValidationError([{ path: [], code: 'invalid_type', message: 'a profile must be an object' }]) };
  }
  const r = ProfileSchema.safeParse(input);
  if (!r.success) return { success: false, error: new ProfileValidationError(fromZod(r.error)) };
  return { success: true, profile: r.data };
}

/** Validates a profile, throwing `ProfileValidationError` with every problem. */
export function parseProfile(input: unknown): Profile {
  const r = safeParseProfile(input);
  if (!r.success) throw r.error;
  return r.profile;
}
