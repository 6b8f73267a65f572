import * as z from 'zod';
import { RegionCode } from '../profile/schema.js';
import { Identifier, Text } from '../policy/schema.js';

/**
 * A service officer (服务专员) who follows up returnees in the regions and industries they cover.
 *
 * @example
 * OfficerSchema.safeParse(row).success
 */
export const OfficerSchema = z.strictObject({
  id: Identifier,
  /** Display name; fixtures use fictional names. */
  name: z.string().min(1).max(64),
  /** GB/T 2260 codes covered by prefix, as policy regions are (a city code covers its counties). */
  regions: z.array(RegionCode).min(1).max(256),
  /** Industry values from the profile vocabulary; absent or empty means every industry. */
  industries: z.array(z.string().min(1).max(40)).max(64).optional(),
  /** Languages spoken besides Mandarin, as locale or language codes (`en`, `za` Zhuang, `mn` Mongolian). */
  languages: z.array(z.string().min(2).max(16)).max(16).optional(),
  /** Most open follow-ups the officer should carry. */
  capacity: z.number().int().min(0).max(1e6).optional(),
  office: Text.optional(),
});

/** A validated service officer. */
export type Officer = z.infer<typeof OfficerSchema>;

/**
 * Validates a list of officers (e.g. fixtures/officers.json), throwing zod's error on a bad entry.
 *
 * @example
 * const officers = parseOfficers(JSON.parse(readFileSync('officers.json', 'utf8')));
 */
export function parseOfficers(input: unknown): Officer[] {
  return z.array(OfficerSchema).max(100_000).parse(input);
}
