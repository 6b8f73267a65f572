import type { ScreenState } from './types.js';

/** A state with nothing screened yet. */
export const emptyState = (): ScreenState => ({ version: 1, rules: {}, profiles: {} });

/** Checks that a stored value is a screening state this version can read. */
export function checkState(value: unknown): ScreenState {
  const s = value as Partial<ScreenState> | null;
  if (!s || typeof s !== 'object' || s.version !== 1 || typeof s.profiles !== 'object' || s.profiles === null || typeof s.rules !== 'object') {
    throw new TypeError('not a screening state (expected { version: 1, rules, profiles })');
  }
  return s as ScreenState;
}
