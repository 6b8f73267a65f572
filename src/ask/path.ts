import type { Profile } from '../profile/schema.js';

/** A copy of the profile with one dot path set; objects on the way are copied, never shared. */
export function withAnswer(profile: Profile, path: string, value: unknown): Profile {
  const segs = path.split('.');
  const root: Record<string, unknown> = { ...profile };
  let cur = root;
  for (let i = 0; i < segs.length - 1; i++) {
    const k = segs[i]!;
    const next = cur[k];
    const copy: Record<string, unknown> = next && typeof next === 'object' ? { ...(next as Record<string, unknown>) } : {};
    cur[k] = copy;
    cur = copy;
  }
  cur[segs.at(-1)!] = value;
  return root as Profile;
}
